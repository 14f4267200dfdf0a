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
}
