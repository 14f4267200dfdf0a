using SnippetCheck.Adoption.Inference.Packages;
using SnippetCheck.References;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Unit.Adoption.Inference.Packages;

/// <summary>
/// Issue 78, items 1b and 1c: two pieces of <see cref="PackageEvidence"/> read from page text alone. A FluentAssertions
/// assertion (<c>.Should().BeEquivalentTo(</c>) names its package; Shouldly's <c>ShouldBe</c> and a page's own
/// <c>Should</c> do not. A site's install command on a page without C# names the doc set's library for its other pages.
/// </summary>
public sealed class PackageEvidenceTests
{
    private static IReadOnlyList<string> TestPackagesOf(string code) =>
        [.. PackageEvidence.TestCandidates(Pipeline.Read($"# Tests\n\n```csharp\n{code}\n```\n")).Select(g => g[0].Id)];

    [Theory]
    [InlineData("orderDto.Should().BeEquivalentTo(order, options => options.Excluding(o => o.Customer));")]
    [InlineData("result.Should()\n    .BeOfType<Order>();")]
    public void An_assertion_chained_on_Should_names_FluentAssertions(string code)
    {
        Assert.Equal(["FluentAssertions"], TestPackagesOf(code));
    }

    [Theory]
    // Shouldly: its assertions are methods named 'Should…' themselves, never chained on 'Should()'.
    [InlineData("result.ShouldBe(3);\norders.ShouldBeEmpty();")]
    // 'Should()' alone, or a method of the reader's own type that takes arguments: no assertion chained on it.
    [InlineData("var expectation = order.Should();\npolicy.Should(retry => retry.Be(3));")]
    // The page declares its own 'Should': its chained assertions are its own, not FluentAssertions'.
    [InlineData("public static class Checks\n{\n    public static Check<T> Should<T>(this T value) => new(value);\n}\n\ntotal.Should().Be(3);")]
    [InlineData("static Check Should(this int value) => new(value);\n\n3.Should().Be(3);")]
    public void Shouldly_or_a_pages_own_Should_names_no_package(string code)
    {
        Assert.Empty(TestPackagesOf(code));
    }

    /// <summary>
    /// What a site's pages lend each other: the install lines of the pages of one repository, as
    /// <see cref="PackageEvidence.SiteInstallLines"/> reads them.
    /// </summary>
    private static IReadOnlyList<string> SiteLines(params (string Path, string Text)[] pages)
    {
        using var site = new TempFolder();
        site.Write(".git/config", "[core]\n");
        var docs = pages.Select(p => Pipeline.Read(p.Text, site.Write(p.Path, p.Text))).ToList();
        var hints = new RepositoryHints(RepositoryFiles.Of(docs.Select(d => Path.GetDirectoryName(d.Source.Document.FullPath)!)));
        return [.. PackageEvidence.SiteInstallLines(docs, hints, RepositoryFiles.Key(site.Path))
            .Select(g => string.Join(" ", g.Select(c => $"{c.Id}@{c.Version}")))];
    }

    private const string Calls = "# Queues\n\n```csharp\nvar queue = provider.ConfigureQueue();\n```\n";

    [Theory]
    [InlineData("```shell\ndotnet add package Coravel\n```", "Coravel@")]
    [InlineData("Run `dotnet add package Coravel --version 6.0.2` in your project's folder.", "Coravel@6.0.2 Coravel@")]
    [InlineData("```powershell\nPM> Install-Package Coravel\n```", "Coravel@")]
    // A page without C# that shows a project file's line names no install step (a change log's dependency lines say as much).
    [InlineData("```xml\n<PackageReference Include=\"Coravel\" Version=\"6.0.2\" />\n```", null)]
    public void A_sites_install_command_on_a_page_without_csharp_names_its_library(string install, string? named)
    {
        var lines = SiteLines(("installation/index.md", $"# Installation\n\n{install}\n"), ("queues/index.md", Calls));

        Assert.Equal(named is null ? [] : [named], lines);
    }

    [Fact]
    public void A_project_files_line_on_a_page_with_csharp_names_its_library()
    {
        var lines = SiteLines(("installation/index.md", "# Installation\n\n```xml\n<PackageReference Include=\"Coravel\" Version=\"6.0.2\" />\n```\n\n"
            + "```csharp\nservices.AddQueue();\n```\n"), ("queues/index.md", Calls));

        Assert.Equal(["Coravel@6.0.2 Coravel@"], lines);
    }

    [Fact]
    public void A_library_and_its_add_on_are_still_one_sites_but_three_packages_are_a_corpus_that_lends_none()
    {
        // Coravel's pages install Coravel and Coravel.Mailer: each is a candidate, tried in order, for the other pages.
        const string Two = "# Installation\n\n```\ndotnet add package Coravel\ndotnet add package Coravel.Mailer\n```\n";
        Assert.Equal(["Coravel@", "Coravel.Mailer@"], SiteLines(("installation/index.md", Two), ("queues/index.md", Calls)));

        // A third package on another page: posts about several libraries, where no page's install line is another's.
        Assert.Empty(SiteLines(("installation/index.md", Two), ("queues/index.md", Calls),
            ("caching/index.md", "# Caching\n\n```\ndotnet add package Acme.Cache\n```\n")));
    }
}
