using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SnippetCheck.Adoption.Inference;
using SnippetCheck.Compilation;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Unit.Adoption.Inference;

/// <summary>
/// Issue 54, inference that composes: CsvHelper's docs write <c>new CsvReader(reader, CultureInfo.InvariantCulture)</c> with
/// neither using. CsvHelper declares a <c>[CultureInfo]</c> attribute (CultureInfoAttribute), which made 'CultureInfo' a type of
/// two namespaces, so the block got no using at all and stayed unverified, in 60 of the docs' 124 blocks. A name is an
/// attribute's short form outside an attribute only where no type has the name itself.
/// </summary>
public sealed class UsingNamespacesTests
{
    private const string Library = """
        namespace Acme.Csv.Attributes
        {
            public sealed class CultureInfoAttribute : System.Attribute { }
            public sealed class BenchmarkAttribute : System.Attribute { }
        }
        """;

    [Fact]
    public void A_type_named_as_written_wins_over_a_packages_attribute_of_that_name_and_a_bare_attribute_name_still_finds_its_type()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "Acme.Csv.dll");
        var emitted = CSharpCompilation.Create("Acme.Csv", [CSharpSyntaxTree.ParseText(Library)], ReferenceAssemblies.Default,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)).Emit(path);
        Assert.True(emitted.Success, string.Join('\n', emitted.Diagnostics));
        var references = ReferenceAssemblies.Default.Add(MetadataReference.CreateFromFile(path));

        Assert.Equal(["System.Globalization"], UsingInference.NamespacesOf("CultureInfo", references, [], asWritten: true));
        Assert.Equal(["Acme.Csv.Attributes"], UsingInference.NamespacesOf("Benchmark", references, [], asWritten: true));
        Assert.Equal(["Acme.Csv.Attributes"], UsingInference.NamespacesOf("CultureInfoAttribute", references, [], asWritten: true));
        // In an attribute ('[CultureInfo("de")]', NUnit's '[Test]' beside its class Test) both are candidates, as before.
        Assert.Equal(["Acme.Csv.Attributes", "System.Globalization"], UsingInference.NamespacesOf("CultureInfo", references, []));
    }

    /// <summary>
    /// Issue 76, bug #4: MassTransit's observability page calls <c>Sdk.CreateTracerProviderBuilder().ConfigureResource(…)</c>
    /// without its hidden <c>using OpenTelemetry.Trace;</c>. <c>using OpenTelemetry;</c> brings an extension of that name for
    /// another receiver, so the compiler says CS1929, not CS1061; the using for this receiver is one namespace, not its
    /// namesakes for other builders (Metrics, Logs), and the page's local function of that name (another block) is no reason to stop.
    /// </summary>
    [Fact]
    public void An_extension_in_scope_for_another_receiver_finds_the_one_namespace_whose_extension_takes_this_receiver()
    {
        const string Builders = """
            namespace Acme
            {
                public interface IBuilder { }
                public static class BuilderExtensions { public static IBuilder Configure(this IBuilder builder, int value) => builder; }
            }
            namespace Acme.Trace
            {
                public class TraceBuilder { }
                public static class Sdk { public static TraceBuilder Create() => new(); }
                public static class TraceBuilderExtensions { public static TraceBuilder Configure(this TraceBuilder builder, int value) => builder; }
            }
            namespace Acme.Metrics
            {
                public class MeterBuilder { }
                public static class MeterBuilderExtensions { public static MeterBuilder Configure(this MeterBuilder builder, int value) => builder; }
            }
            """;
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "Acme.Builders.dll");
        var emitted = CSharpCompilation.Create("Acme.Builders", [CSharpSyntaxTree.ParseText(Builders)], ReferenceAssemblies.Default,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)).Emit(path);
        Assert.True(emitted.Success, string.Join('\n', emitted.Diagnostics));
        var references = ReferenceAssemblies.Default.Add(MetadataReference.CreateFromFile(path));
        const string Block = "using Acme;\n\nAcme.Trace.Sdk.Create()\n    .Configure(1);\n";
        var document = Pipeline.Read($"# Tracing\n\n```csharp\nstatic void Configure(int value) {{ }}\n```\n\n```csharp\n{Block}```\n");
        var snippet = document.Snippets[1];
        // The compiler's own error for the block, as a trial reports it.
        var error = Assert.Single(CSharpCompilation.Create("block", [CSharpSyntaxTree.ParseText(Block)], references,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication)).GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("CS1929", error.Id);
        var diagnostic = new SnippetCheck.Model.Diagnostic(error.Id, SnippetCheck.Model.DiagnosticSeverity.Error,
            error.GetMessage(CultureInfo.InvariantCulture), snippet.Location);

        var guess = UsingInference.For(document, snippet, [diagnostic], references, [], CSharpParseOptions.Default);

        Assert.NotNull(guess);
        Assert.Equal(["Acme.Trace"], guess.Usings);
    }

    /// <summary>
    /// Issue 77: the Stopwatch post (realworld stopwatch.md) shows the framework's own source of <c>Stopwatch</c> (the
    /// reference source, CoreCLR's partials, Mono's), then writes <c>var a = Stopwatch.GetTimestamp();</c> without its using.
    /// The page's declaration of the name made it "the post's own" (as a docs' own ICommand is), so the one namespace was
    /// never tried: four blocks stayed unknown-name 'Stopwatch' on the page, and passed with usings=System.Diagnostics alone.
    /// A declaration every visible member of which the framework's type of that name has, as declared, is that type's
    /// source shown: its using is guessed.
    /// </summary>
    [Fact]
    public void A_type_the_post_shows_as_the_framework_s_own_source_does_not_keep_its_using_out()
    {
        var guess = GuessFor(StopwatchSource(""), "var a = Stopwatch.GetTimestamp();");

        Assert.NotNull(guess);
        Assert.Equal(["System.Diagnostics"], guess.Usings);
    }

    /// <summary>A post's own type of a framework type's name, which the framework's type does not mirror, is the post's: no guess.</summary>
    [Theory]
    [InlineData("public void Lap() { }")]
    [InlineData("public static long GetTimestamp(int clock) { return 0; }")]
    [InlineData("public long Frequency2;")]
    [InlineData("public static int ElapsedTicks { get; }")]
    [InlineData("public Stopwatch(string name) { }")]
    public void A_type_of_the_post_s_own_named_like_a_framework_type_keeps_its_using_out(string member)
    {
        Assert.Null(GuessFor(StopwatchSource(member), "var a = Stopwatch.GetTimestamp();"));
    }

    /// <summary>A post's declaration with no visible member mirrors nothing: it stays the post's own.</summary>
    [Fact]
    public void A_declaration_with_no_visible_member_stays_the_post_s_own()
    {
        Assert.Null(GuessFor("public class Stopwatch\n{\n    private static long ticks;\n}\n", "var a = Stopwatch.GetTimestamp();"));
    }

    /// <summary>The reference source's shape: constants, a static constructor and private members beside the public ones.</summary>
    private static string StopwatchSource(string extra) => "public class Stopwatch\n{\n    private const long TicksPerMillisecond = 10000;\n" +
        "    public static readonly long Frequency;\n    public static readonly bool IsHighResolution;\n" +
        "    private static readonly double tickFrequency;\n    static Stopwatch() { Frequency = 1; }\n" +
        "    public static long GetTimestamp() { return 0; }\n    public void Start() { }\n" + (extra.Length > 0 ? "    " + extra + "\n" : "") + "}\n";

    /// <summary>The guess for the second block of a post whose first block is <paramref name="declaration"/>, failing on its first name.</summary>
    private static UsingInference.Guess? GuessFor(string declaration, string block)
    {
        var document = Pipeline.Read($"# Timing\n\n```csharp\n{declaration}```\n\n```csharp\n{block}\n```\n");
        var snippet = document.Snippets[1];
        var line = snippet.Code[0];
        var name = block[(block.IndexOf('=', StringComparison.Ordinal) + 2)..block.IndexOf('.', StringComparison.Ordinal)];
        var unknown = new SnippetCheck.Model.Diagnostic("CS0103", SnippetCheck.Model.DiagnosticSeverity.Error,
            $"The name '{name}' does not exist in the current context", snippet.Location with
            {
                Line = line.Line, Column = line.Column + line.Text.IndexOf(name, StringComparison.Ordinal),
            });
        return UsingInference.For(document, snippet, [unknown], ReferenceAssemblies.Default, [], CSharpParseOptions.Default);
    }
}
