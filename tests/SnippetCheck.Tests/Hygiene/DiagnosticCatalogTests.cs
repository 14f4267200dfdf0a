using System.Reflection;
using SnippetCheck.Model;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Hygiene;

/// <summary>Keeps DiagnosticCodes, DiagnosticCatalog and docs/diagnostics.md in step.</summary>
[Trait("Category", "Fast")]
public sealed class DiagnosticCatalogTests
{
    private static readonly IReadOnlyList<(string Name, string Code)> Codes =
    [
        .. typeof(DiagnosticCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (f.Name, (string)f.GetRawConstantValue()!)),
    ];

    private static string Docs => File.ReadAllText(RepositoryRoot.PathOf(DiagnosticCatalog.DocsPath)).ReplaceLineEndings("\n");

    [Fact]
    public void Every_code_has_one_catalog_entry_under_its_constants_name()
    {
        Assert.True(Codes.Count >= 29, "reflection found the constants");
        Assert.Equal(Codes.OrderBy(c => c.Code), DiagnosticCatalog.All.Select(d => (d.Name, d.Code)).OrderBy(c => c.Code));
        Assert.Equal(DiagnosticCatalog.All.Count, DiagnosticCatalog.All.Select(d => d.Code).Distinct().Count());
    }

    [Fact]
    public void Every_code_appears_in_the_docs()
    {
        var missing = Codes.Where(c => !Docs.Contains($"| {c.Code} |", StringComparison.Ordinal)).Select(c => c.Code).ToList();

        Assert.True(missing.Count == 0, $"{DiagnosticCatalog.DocsPath} lacks a row for {string.Join(", ", missing)}");
    }

    [Fact]
    public void The_docs_show_the_catalogs_table_word_for_word()
    {
        Assert.True(Docs.Contains(DiagnosticCatalog.ToMarkdownTable(), StringComparison.Ordinal),
            $"{DiagnosticCatalog.DocsPath} must contain this table, as DiagnosticCatalog gives it:\n{DiagnosticCatalog.ToMarkdownTable()}");
    }

    [Fact]
    public void Every_code_of_the_tool_is_catalogued()
    {
        foreach (var field in typeof(DiagnosticCodes).GetFields().Where(f => f.IsLiteral))
        {
            Assert.True(DiagnosticCatalog.Find((string)field.GetValue(null)!) is not null, field.Name);
        }
    }

    [Fact]
    public void No_description_can_break_the_docs_table()
    {
        Assert.All(DiagnosticCatalog.All, d => Assert.DoesNotContain("|", d.Title + d.Description, StringComparison.Ordinal));
        Assert.All(DiagnosticCatalog.All, d => Assert.DoesNotContain("\n", d.Title + d.Description, StringComparison.Ordinal));
    }
}
