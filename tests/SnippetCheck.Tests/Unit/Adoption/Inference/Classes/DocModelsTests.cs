using Microsoft.CodeAnalysis.CSharp;
using SnippetCheck.Adoption.Inference.Classes;
using SnippetCheck.Adoption.Writing;
using SnippetCheck.Compilation;
using SnippetCheck.Configuration;
using SnippetCheck.Tests.Infrastructure;
using static SnippetCheck.Tests.Unit.Adoption.AdoptionHarness;

namespace SnippetCheck.Tests.Unit.Adoption.Inference.Classes;

/// <summary>
/// Models across pages (<see cref="DocModels"/>): the plain types a page declares, each page's in a namespace of its own, as
/// one prelude that compiles (a page whose models do not is left out), written into the config's <c>hiddenCode</c> only
/// for the namespaces a proposal uses. Parsed and compiled in memory; nothing runs.
/// </summary>
public sealed class DocModelsTests
{
    private static DocModels Of(params SnippetCheck.Programs.PreparedDocument[] pages) =>
        DocModels.Of(pages, ReferenceAssemblies.Default, [], new CSharpParseOptions(LanguageVersion.Preview), "snippetcheck.json");

    [Theory]
    [InlineData("docs/built-in-validators.md", "BuiltInValidators")]
    [InlineData("docs/mapping-by-index/index.md", "MappingByIndex")]
    [InlineData("docs/Reading/README.md", "Reading")]
    [InlineData("docs/2024-notes.md", "Page2024Notes")]
    public void A_pages_namespace_is_its_name_as_an_identifier(string page, string name) => Assert.Equal(name, DocModels.PageNamespace(page));

    [Fact]
    public void Only_plain_types_that_compile_become_models_each_page_in_its_own_namespace()
    {
        var start = Page("# Start\n\n```csharp\npublic class Customer { public string Surname { get; set; } public int Age; }\n"
            + "public class Validator : Base { }\npublic class Service { public void Run() { } }\n```\n", "docs/start.md");
        var broken = Page("# Broken\n\n```csharp\npublic class Order { public Missing Item { get; set; } }\n```\n", "docs/broken.md");
        var other = Page("# Other\n\n```csharp\npublic record Customer(string Name);\n```\n", "docs/other/start.md");

        var models = Of(start, broken, other);

        Assert.Equal(["DocModels.Start.Customer", "DocModels.Start2.Customer"], models.Types.Select(t => $"{t.Namespace}.{t.Name}"));
        Assert.Equal(["Age", "Surname"], models.Types[0].Members.Order(StringComparer.Ordinal));
        Assert.Equal(["Name"], models.Types[1].Members);
        Assert.NotNull(models.Prelude);
    }

    [Fact]
    public void Only_the_namespaces_a_proposal_uses_are_written_and_the_config_keeps_its_other_keys()
    {
        using var folder = new TempFolder();
        var path = folder.Write("snippetcheck.json", "{\n  \"timeout\": \"5s\"\n}\n");
        var models = Of(Page("# A\n\n```csharp\npublic class Alpha { public int A; }\n```\n", "docs/a.md"),
            Page("# B\n\n```csharp\npublic class Beta { public int B; }\n```\n", "docs/b.md"));

        Assert.Empty(models.Code(["System.Text"]));
        DocModelsWriter.Write(models, folder.Path, ["DocModels.B"]);

        var config = ConfigLoader.ReadText(path, File.ReadAllText(path));
        Assert.Equal(TimeSpan.FromSeconds(5), config.Timeout);
        var code = string.Join('\n', config.HiddenCode!);
        Assert.Contains("namespace DocModels.B", code, StringComparison.Ordinal);
        Assert.DoesNotContain("Alpha", code, StringComparison.Ordinal);
        Assert.True(DocModels.Uses(Pipeline.Read("<!-- snippetcheck: compile usings=DocModels.B -->\n```csharp\nx();\n```\n").Snippets[0].Tags));
    }
}
