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
}
