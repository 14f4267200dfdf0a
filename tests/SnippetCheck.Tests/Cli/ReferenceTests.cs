using SnippetCheck.References;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Cli;

/// <summary>A tiny library project, as a post series about the author's own library would reference.</summary>
internal static class GreetingsLibrary
{
    public const string Project = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
            <NuGetAudit>false</NuGetAudit>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="Newtonsoft.Json" Version="13.0.3" />
          </ItemGroup>
        </Project>
        """;

    /// <summary>Uses a package at run time, so the runner must find the library's own dependencies too.</summary>
    public static string Source(string greeting) => $$"""
        namespace Greetings;

        public static class Greeter
        {
            public static string Greet(string name) => Newtonsoft.Json.JsonConvert.SerializeObject(new { greeting = "{{greeting}}", name });
        }
        """;

    public static void WriteTo(TempFolder folder, string greeting = "hello")
    {
        folder.Write("lib/Greetings.csproj", Project);
        folder.Write("lib/Greeter.cs", Source(greeting));
    }
}

[TakesSeconds(122)]
public sealed class ConfigReferenceTests
{
    private const string Post = """
        ```csharp name=from-config
        Console.WriteLine(Greetings.Greeter.Greet("Ada"));
        ```

        ```output
        {"greeting":"hello","name":"Ada"}
        ```

        ```csharp name=from-project-directive
        #:project ../lib/Greetings.csproj
        Console.WriteLine(Greetings.Greeter.Greet("Grace"));
        ```

        ```output
        {"greeting":"hello","name":"Grace"}
        ```
        """;

    /// <summary>Project builds are keyed on the project's path, which is new in every test: keep them in the test's folder.</summary>
    private static Dictionary<string, string?> OwnCache(TempFolder folder) =>
        new() { ["SNIPPETCHECK_PACKAGE_CACHE"] = Path.Combine(folder.Path, ".cache") };

    [Fact]
    public void A_referenced_csproj_is_built_and_its_output_and_dependencies_reach_compiler_and_runner()
    {
        using var folder = new TempFolder();
        GreetingsLibrary.WriteTo(folder);
        folder.Write("snippetcheck.json", """{ "references": ["lib/Greetings.csproj"] }""");
        folder.Write("posts/post.md", Post);

        var result = CliRunner.Run(folder.Path, OwnCache(folder), "verify", "posts", "--report", "json=report.json");

        var report = JsonReport.Load(Path.Combine(folder.Path, "report.json"));
        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Equal("passed", report.Snippet("from-config").Str("status"));
        Assert.Equal("passed", report.Snippet("from-project-directive").Str("status"));
    }

    [Fact]
    public void A_missing_reference_stops_the_run_with_exit_code_2()
    {
        using var folder = new TempFolder();
        folder.Write("snippetcheck.json", """{ "references": ["lib/Nowhere.csproj"] }""");
        folder.Write("post.md", "```csharp run\nConsole.WriteLine(1);\n```\n");

        var result = CliRunner.Run(folder.Path, OwnCache(folder), "verify");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error SC3001: snippetcheck.json: reference 'lib/Nowhere.csproj' does not exist", result.Stderr);
    }

    [Fact]
    public void A_reference_that_does_not_build_stops_the_run_with_the_compilers_errors()
    {
        using var folder = new TempFolder();
        GreetingsLibrary.WriteTo(folder);
        folder.Write("lib/Broken.cs", "namespace Greetings; public static class Broken { public static int X = \"text\"; }\n");
        folder.Write("snippetcheck.json", """{ "references": ["lib/Greetings.csproj"] }""");
        folder.Write("post.md", "```csharp run\nConsole.WriteLine(1);\n```\n");

        var result = CliRunner.Run(folder.Path, OwnCache(folder), "verify");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("reference 'lib/Greetings.csproj' did not build:", result.Stderr);
        Assert.Contains("Broken.cs(1,73): error CS0029: Cannot implicitly convert type 'string' to 'int'", result.Stderr);
    }

    [Fact]
    public async Task A_project_is_rebuilt_only_when_its_sources_change()
    {
        using var folder = new TempFolder();
        using var cache = new TempFolder();
        GreetingsLibrary.WriteTo(folder);
        var project = Path.Combine(folder.Path, "lib", "Greetings.csproj");

        var first = await new ProjectBuilder(cache.Path).BuildAsync(project, CancellationToken.None);
        Assert.True(first.Succeeded, first.Error);
        Assert.False(first.FromCache);
        Assert.Contains(first.Assets!.Compile, p => p.EndsWith("Greetings.dll", StringComparison.Ordinal));
        Assert.Contains(first.Assets.Runtime, p => p.EndsWith("Newtonsoft.Json.dll", StringComparison.Ordinal));

        var unchanged = await new ProjectBuilder(cache.Path).BuildAsync(project, CancellationToken.None);
        Assert.True(unchanged.FromCache);

        GreetingsLibrary.WriteTo(folder, greeting: "hi");
        var changed = await new ProjectBuilder(cache.Path).BuildAsync(project, CancellationToken.None);
        Assert.True(changed.Succeeded, changed.Error);
        Assert.False(changed.FromCache);
    }
}
