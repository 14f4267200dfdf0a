using SnippetCheck.Adoption.Inference;

namespace SnippetCheck.Tests.Unit.Adoption.Inference;

/// <summary>
/// A tolerated name one letter from the block's own local is its typo (<see cref="LocalTypos"/>), read off the page's text;
/// a name that differs from a local only in case is the local's type or a member of it, as C# names them, never a typo.
/// </summary>
public sealed class LocalTyposTests
{
    [Fact]
    public void A_name_one_letter_from_the_blocks_own_local_is_its_typo()
    {
        var page = AdoptionHarness.Page("# Reads\n\n```csharp\nvar us = 1.5;\nConsole.WriteLine($\"{μs}\");\n```\n");

        Assert.Equal("us", LocalTypos.MeantBy(page.Snippets, page.Blocks[0], "μs"));
    }

    [Fact]
    public void A_type_named_as_its_lambda_parameter_in_another_case_is_no_typo()
    {
        // Ardalis.Specification's docs: 'Query.Where(company => company.Id == id)' over the page's 'Company' type.
        var page = AdoptionHarness.Page(
            "# Include\n\n```csharp\nQuery.Where(company => company.Id == id).Include(x => x.Stores);\nvar c = new Company();\n```\n");

        Assert.Null(LocalTypos.MeantBy(page.Snippets, page.Blocks[0], "Company"));
    }
}
