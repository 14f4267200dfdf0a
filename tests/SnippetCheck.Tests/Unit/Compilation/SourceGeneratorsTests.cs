using Microsoft.CodeAnalysis;
using SnippetCheck.Results;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Unit.Compilation;

/// <summary>
/// The framework's source generators run, as <c>dotnet run</c> runs them: a <c>[GeneratedRegex]</c> or
/// <c>[JsonSerializable]</c> partial compiles and runs, and a misspelt member of what the generator wrote fails on that
/// member. Before, the first failed with CS8795 (a partial method without its implementation), the second with CS0117
/// (<c>PointContext</c> has no <c>Default</c>): verdicts the SDK never gives.
/// </summary>
public sealed class SourceGeneratorsTests
{
    private const string Regex = "using System.Text.RegularExpressions;\n\nConsole.WriteLine(Digits().{0}(\"2026\"));\n\n" +
        "partial class Program\n{{\n    [GeneratedRegex(@\"^\\d+$\")]\n    private static partial Regex Digits();\n}}\n";

    private const string Json = "using System.Text.Json;\nusing System.Text.Json.Serialization;\n\n" +
        "Console.WriteLine(JsonSerializer.Serialize(new Point(1, 2), PointContext.Default.{0}));\n\nrecord Point(int X, int Y);\n\n" +
        "[JsonSerializable(typeof(Point))]\npartial class PointContext : JsonSerializerContext;\n";

    public static TheoryData<string, string, string, string> Generated => new()
    {
        { Regex, "IsMatch", "IsMatchh", "True" },
        { Json, "Point", "Pointt", "{\"X\":1,\"Y\":2}" },
    };

    [Theory]
    [MemberData(nameof(Generated))]
    public async Task What_a_generator_writes_binds_and_a_misspelt_member_of_it_fails(string code, string member, string misspelt, string output)
    {
        var report = await Pipeline.VerifyAsync(
            $"# G\n\n```csharp run\n{string.Format(code, member)}```\n\n```output\n{output}\n```\n\n```csharp run\n{string.Format(code, misspelt)}```\n");

        Assert.True(report.Snippets[0].Status == SnippetStatus.Passed, report.Snippets[0].Message + "\n" + report.Snippets[0].Detail);
        Assert.Equal(["CS1061"], report.Snippets[1].Diagnostics.Where(d => d.IsError).Select(d => d.Id).Distinct());
    }
}

/// <summary>Which generators load: the SDK's own packs' only, never one from a folder laid out like a pack elsewhere.</summary>
public sealed class SourceGeneratorOriginTests
{
    [Fact]
    public void The_sdks_pack_gives_its_generators_and_a_look_alike_pack_in_the_docs_gives_none()
    {
        var sdk = SnippetCheck.Compilation.SourceGenerators.For(SnippetCheck.Compilation.ReferenceAssemblies.Default);
        Assert.Contains(sdk, g => g.GetGeneratorType().Name == "RegexGenerator");

        using var folder = new TempFolder();
        var pack = Path.Combine(folder.Path, "Microsoft.NETCore.App.Ref", "10.0.0");
        var reference = Path.Combine(pack, "ref", "net10.0", "System.Runtime.dll");
        var generator = sdk.Select(g => g.GetGeneratorType().Assembly.Location).First(l => l.EndsWith("Generator.dll", StringComparison.Ordinal));
        Directory.CreateDirectory(Path.GetDirectoryName(reference)!);
        Directory.CreateDirectory(Path.Combine(pack, "analyzers", "dotnet", "cs"));
        File.Copy(typeof(object).Assembly.Location, reference);
        File.Copy(generator, Path.Combine(pack, "analyzers", "dotnet", "cs", Path.GetFileName(generator)));

        Assert.Empty(SnippetCheck.Compilation.SourceGenerators.For([Microsoft.CodeAnalysis.MetadataReference.CreateFromFile(reference)]));
    }
}
