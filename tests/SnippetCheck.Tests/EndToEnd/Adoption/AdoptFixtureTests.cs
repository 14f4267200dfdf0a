using System.Text.RegularExpressions;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.EndToEnd.Adoption;

/// <summary>
/// Issue 43, item 6: <c>adopt</c> on docs written as test bodies (Samples/adopt-tests: NUnit, xUnit and MSTest pages with
/// NSubstitute, FakeItEasy and Moq, page fields, <c>[SetUp]</c>/<c>[TestInitialize]</c> in hidden <c>requiredcode</c>
/// fences). One <c>adopt --write</c> infers the packages, proposes the page fixture and the hidden fences, and writes
/// only hidden comments and front matter; every block then verifies, and a flipped assertion fails at its line. In this
/// process (<see cref="AdoptInProcess"/>). Whether a page's class is proposed at all (it loses a block that passes alone,
/// or leaves out as many as it verifies): Unit/Adoption/Trials/PageFixturesTests.
/// </summary>
[TakesSeconds(146)]
public sealed partial class AdoptFixtureTests
{
    private static readonly string[] Pages = ["substitutes.md", "xunit.md", "fakes.md", "mocks.md"];

    /// <summary>A tag comment line adopt inserts above a fence.</summary>
    [GeneratedRegex(@"^<!-- snippetcheck: [^>]*-->$")]
    private static partial Regex TagLine();

    /// <summary>The front matter adopt writes at the top of a page that had none.</summary>
    [GeneratedRegex(@"\A---\nsnippetcheck:\n(  [a-zA-Z]+: [^\n]+\n)+---\n")]
    private static partial Regex NewFrontMatter();

    private static AdoptInProcess CopyOfTheDocs()
    {
        var docs = new AdoptInProcess();
        foreach (var page in Pages) docs.Write(page, Sample("adopt-tests/" + page));
        return docs;
    }

    /// <summary>A sample page's text (Samples/adopt-tests/substitutes.md unless named).</summary>
    private static string Sample(string sample = "adopt-tests/substitutes.md") => File.ReadAllText(Samples.PathOf(sample));

    /// <summary>The last line of what verify prints: its summary.</summary>
    private static string LastLine(Verified verify) => verify.Output.TrimEnd('\n').Split('\n')[^1];

    [Fact]
    public async Task One_adopt_write_verifies_every_block_of_docs_written_as_tests_adding_only_hidden_comments_and_front_matter_and_flipped_assertions_fail_at_their_lines()
    {
        using var docs = CopyOfTheDocs();
        var originals = Pages.ToDictionary(p => p, docs.Read);

        var dry = await docs.AdoptFrontMatterAsync(write: false);
        Assert.Contains("substitutes.md(1,1): page fixture: 5 of 5 blocks verified as one class (1 block by block); its front matter would get: fixture: true, hiddenFences: [requiredcode]", AdoptInProcess.Table(dry));
        Assert.All(Pages, p => Assert.Equal(originals[p], docs.Read(p)));

        var write = await docs.AdoptFrontMatterAsync(write: true);

        Assert.Contains("adopt: tagged 13 of 13 untagged C# blocks", AdoptInProcess.Table(write));
        foreach (var page in Pages)
        {
            // Only insertions: the page's front matter (a fixture page's), and tag comments on lines of their own.
            var text = docs.Read(page);
            var frontMatter = NewFrontMatter().Match(text);
            Assert.True(frontMatter.Success == (page != "mocks.md"), page + ":\n" + text);
            var rest = text[frontMatter.Length..].Split('\n').Where(l => !TagLine().IsMatch(l));
            Assert.Equal(originals[page], string.Join('\n', rest));
        }
        // The mock page needs no fixture: its test body, given Moq and its using, runs after the interface in a session
        // (the package's using round passes over the post's own IRepository), so the page keeps no front matter.
        Assert.Matches(@"<!-- snippetcheck: run usings=Moq packages=Moq( session=\S+)? -->", docs.Read("mocks.md"));
        Assert.Contains("---\nsnippetcheck:\n  fixture: true\n  hiddenFences: [requiredcode]\n---\n# Getting started", docs.Read("substitutes.md"));
        // The test framework and the mocking library are inferred from the attributes and calls, with their usings.
        Assert.Matches(@"<!-- snippetcheck: compile usings=NUnit\.Framework,NSubstitute packages=NSubstitute,NUnit -->\n```csharp\npublic interface IGreeter", docs.Read("substitutes.md"));
        Assert.Matches(@"packages=FakeItEasy,MSTest\.TestFramework -->", docs.Read("fakes.md"));
        Assert.Matches(@"packages=NSubstitute,xunit -->", docs.Read("xunit.md"));

        Assert.StartsWith("13 passed, 0 failed, 0 ignored, 0 untagged", LastLine(docs.Verifies(cache: true)));
        // A warm run reads every page from the cache, tests and all (docs/authoring.md: 1.3-2.1 s against 11-15 s cold).
        Assert.StartsWith("13 passed, 0 failed, 0 ignored, 0 untagged, 13 cached", LastLine(docs.Verifies(cache: true)));

        // Mutants: every assertion of the docs, flipped, fails its block at its line: in statement blocks (SC2003) and in
        // NUnit [Test], xUnit [Fact]/[Theory] and MSTest [TestMethod] methods (SC2015).
        var flipped = 0;
        foreach (var page in Pages)
        {
            var adopted = docs.Read(page);
            var lines = adopted.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                if (Flip(lines[i]) is not { } mutant) continue;
                docs.Write(page, string.Join('\n', lines.Select((l, j) => j == i ? mutant : l)));
                var failed = docs.Verify(cache: false, page);
                Assert.False(failed.Report.Succeeded, $"{page}:{i + 1}: {mutant}\n{failed.Output}");
                Assert.Matches($@"{Regex.Escape(page)}\({i + 1},\d+\): error SC20(03|15)", failed.Output);
                flipped++;
            }
            docs.Write(page, adopted);
        }
        Assert.Equal(5, flipped);
    }

    /// <summary>
    /// Adopt changes nothing a reader sees (issue 54, Required 5): a page whose fixture needs settings (<c>fixture: true</c>,
    /// its hidden fences) gets them in one hidden comment below its front matter, or at its top, never in a front matter,
    /// which GitHub shows as a table; the page then verifies as one class, and a flipped assertion fails at its line.
    /// </summary>
    [Fact]
    public async Task Without_front_matter_adopt_writes_the_fixtures_settings_in_a_hidden_comment_and_the_page_verifies()
    {
        using var docs = new AdoptInProcess();
        var page = Sample();
        docs.Write("bare.md", page);
        docs.Write("titled.md", "---\ntitle: Substitutes\n---\n" + page);
        docs.Write("marked.md", "\uFEFF" + page);

        var write = AdoptInProcess.Table(await docs.AdoptWriteAsync());

        Assert.Matches(@"bare\.md\(1,1\): page fixture: 5 of 5 blocks verified as one class \(\d block by block\); a hidden comment at its top " +
            @"gets: fixture: true, hiddenFences: \[requiredcode\]", write);
        const string Comment = "<!-- snippetcheck: page fixture: true, hiddenFences: [requiredcode] -->\n";
        Assert.StartsWith(Comment + "# Getting started", docs.Read("bare.md"), StringComparison.Ordinal);
        Assert.StartsWith("---\ntitle: Substitutes\n---\n" + Comment + "# Getting started", docs.Read("titled.md"), StringComparison.Ordinal);
        // A byte order mark stays on the heading's line, and the comment goes below it: a diff shows one line added.
        var marked = File.ReadAllBytes(docs.PathOf("marked.md"));
        Assert.Equal([0xEF, 0xBB, 0xBF], marked[..3]);
        Assert.StartsWith(page.Split('\n')[0] + "\n" + Comment, System.Text.Encoding.UTF8.GetString(marked[3..]), StringComparison.Ordinal);
        foreach (var (name, original) in new[] { ("bare.md", page), ("titled.md", "---\ntitle: Substitutes\n---\n" + page), ("marked.md", page) })
        {
            // Only hidden lines were added: the page comment and tag comments.
            var lines = docs.Read(name).Split('\n').Where(l => !TagLine().IsMatch(l));
            Assert.Equal(original, string.Join('\n', lines));
        }

        Assert.StartsWith("15 passed, 0 failed, 0 ignored, 0 untagged", LastLine(docs.Verifies()));
        var adopted = docs.Read("bare.md");
        docs.Write("bare.md", adopted.Replace("Is.EqualTo(", "Is.Not.EqualTo(", StringComparison.Ordinal));
        var mutant = docs.Verify(cache: false, "bare.md");
        Assert.False(mutant.Report.Succeeded);
        Assert.Matches(@"bare\.md\(\d+,\d+\): error SC20(03|15)", mutant.Output);
    }

    /// <summary>The line with its assertion negated (NUnit's, xUnit's or MSTest's); null for a line without one.</summary>
    private static string? Flip(string line) =>
        line.Contains("Is.EqualTo(", StringComparison.Ordinal) ? line.Replace("Is.EqualTo(", "Is.Not.EqualTo(", StringComparison.Ordinal)
        : line.Contains("Assert.Equal(", StringComparison.Ordinal) ? line.Replace("Assert.Equal(", "Assert.NotEqual(", StringComparison.Ordinal)
        : line.Contains("Assert.AreEqual(", StringComparison.Ordinal) ? line.Replace("Assert.AreEqual(", "Assert.AreNotEqual(", StringComparison.Ordinal)
        : null;

    [Fact]
    public async Task A_block_that_fails_in_its_pages_class_is_left_out_with_ignore_and_its_cause_and_the_rest_verify()
    {
        using var docs = new AdoptInProcess();
        var page = Sample() + """

            A substitute can throw (the test's own field, through 'this', which no block has alone: the class is the only
            place this block could pass or be checked, so leaving it out costs nothing):

            ```csharp
            greeter.Greet("Eve").Returns(_ => throw new InvalidOperationException("no Eve"));
            this.greeter.Greet("Eve");
            ```

            Not C# on its own:

            ```csharp
            greeter.Greet(
            ```
            """;
        docs.Write("page.md", page);

        var write = AdoptInProcess.Table(await docs.AdoptFrontMatterAsync(write: true));

        Assert.Contains("page.md(1,1): page fixture: 5 of 7 blocks verified as one class", write);
        Assert.Matches(@"runtime-failure +e\.g\. page\.md\(\d+,1\): in its page's class: .*InvalidOperationException", write);
        Assert.Matches(@"fragment +e\.g\. page\.md\(\d+,\d+\): in its page's class: ", write);
        var text = docs.Read("page.md");
        Assert.Contains("<!-- snippetcheck: ignore -->\n```csharp\ngreeter.Greet(\"Eve\")", text);
        Assert.Contains("<!-- snippetcheck: ignore -->\n```csharp\ngreeter.Greet(\n```", text);

        Assert.StartsWith("5 passed, 0 failed, 2 ignored, 0 untagged", LastLine(docs.Verifies(cache: true)));
    }

    [Fact]
    public async Task A_page_whose_front_matter_says_fixture_false_or_with_a_tagged_block_is_not_made_a_fixture()
    {
        using var docs = new AdoptInProcess();
        var page = Sample();
        docs.Write("declined.md", "---\ntitle: Substitutes\nsnippetcheck:\n  fixture: false\n---\n" + page);
        docs.Write("tagged.md", page.Replace("```csharp\npublic interface", "<!-- snippetcheck: compile -->\n```csharp\npublic interface", StringComparison.Ordinal));

        var dry = await docs.AdoptAsync();

        Assert.DoesNotContain("page fixture", AdoptInProcess.Table(dry));
    }
}
