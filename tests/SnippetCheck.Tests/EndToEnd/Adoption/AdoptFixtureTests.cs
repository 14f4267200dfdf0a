using System.Text.RegularExpressions;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Cli;

/// <summary>
/// Issue 43, item 6: <c>adopt</c> on docs written as test bodies (Samples/adopt-tests: NUnit, xUnit and MSTest pages with
/// NSubstitute, FakeItEasy and Moq, page fields, <c>[SetUp]</c>/<c>[TestInitialize]</c> in hidden <c>requiredcode</c>
/// fences). One <c>adopt --write</c> infers the packages, proposes the page fixture and the hidden fences, and writes
/// only hidden comments and front matter; every block then verifies, and a flipped assertion fails at its line.
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

    private static TempFolder CopyOfTheDocs()
    {
        var folder = new TempFolder();
        foreach (var page in Pages) folder.CopySample("adopt-tests/" + page, page);
        return folder;
    }

    private static string Read(TempFolder folder, string page) => File.ReadAllText(Path.Combine(folder.Path, page));

    [Fact]
    public void One_adopt_write_verifies_every_block_of_docs_written_as_tests_adding_only_hidden_comments_and_front_matter_and_flipped_assertions_fail_at_their_lines()
    {
        using var folder = CopyOfTheDocs();
        var originals = Pages.ToDictionary(p => p, p => Read(folder, p));

        var dry = CliRunner.Run(folder.Path, "adopt", "--front-matter");
        Assert.True(dry.ExitCode == 0, dry.Output);
        Assert.Contains("substitutes.md(1,1): page fixture: 5 of 5 blocks verified as one class (1 block by block); its front matter would get: fixture: true, hiddenFences: [requiredcode]", dry.Stdout);
        Assert.All(Pages, p => Assert.Equal(originals[p], Read(folder, p)));

        var write = CliRunner.Run(folder.Path, "adopt", "--write", "--front-matter");

        Assert.True(write.ExitCode == 0, write.Output);
        Assert.Contains("adopt: tagged 13 of 13 untagged C# blocks", write.Stdout);
        foreach (var page in Pages)
        {
            // Only insertions: the page's front matter (a fixture page's), and tag comments on lines of their own.
            var text = Read(folder, page);
            var frontMatter = NewFrontMatter().Match(text);
            Assert.True(frontMatter.Success == (page != "mocks.md"), page + ":\n" + text);
            var rest = text[frontMatter.Length..].Split('\n').Where(l => !TagLine().IsMatch(l));
            Assert.Equal(originals[page], string.Join('\n', rest));
        }
        // The mock page needs no fixture: its test body, given Moq and its using, runs after the interface in a session
        // (the package's using round passes over the post's own IRepository), so the page keeps no front matter.
        Assert.Matches(@"<!-- snippetcheck: run usings=Moq packages=Moq( session=\S+)? -->", Read(folder, "mocks.md"));
        Assert.Contains("---\nsnippetcheck:\n  fixture: true\n  hiddenFences: [requiredcode]\n---\n# Getting started", Read(folder, "substitutes.md"));
        // The test framework and the mocking library are inferred from the attributes and calls, with their usings.
        Assert.Matches(@"<!-- snippetcheck: compile usings=NUnit\.Framework,NSubstitute packages=NSubstitute,NUnit -->\n```csharp\npublic interface IGreeter", Read(folder, "substitutes.md"));
        Assert.Matches(@"packages=FakeItEasy,MSTest\.TestFramework -->", Read(folder, "fakes.md"));
        Assert.Matches(@"packages=NSubstitute,xunit -->", Read(folder, "xunit.md"));

        var verify = CliRunner.Run(folder.Path, "verify");
        Assert.True(verify.ExitCode == 0, verify.Output);
        Assert.StartsWith("13 passed, 0 failed, 0 ignored, 0 untagged", verify.Stdout.TrimEnd('\n').Split('\n')[^1]);
        // A warm run reads every page from the cache, tests and all (docs/authoring.md: 1.3-2.1 s against 11-15 s cold).
        var warm = CliRunner.Run(folder.Path, "verify");
        Assert.StartsWith("13 passed, 0 failed, 0 ignored, 0 untagged, 13 cached", warm.Stdout.TrimEnd('\n').Split('\n')[^1]);

        // Mutants: every assertion of the docs, flipped, fails its block at its line: in statement blocks (SC2003) and in
        // NUnit [Test], xUnit [Fact]/[Theory] and MSTest [TestMethod] methods (SC2015).
        var flipped = 0;
        foreach (var page in Pages)
        {
            var adopted = Read(folder, page);
            var lines = adopted.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                if (Flip(lines[i]) is not { } mutant) continue;
                File.WriteAllText(Path.Combine(folder.Path, page), string.Join('\n', lines.Select((l, j) => j == i ? mutant : l)));
                var failed = CliRunner.Run(folder.Path, "verify", page, "--no-cache");
                Assert.True(failed.ExitCode == 1, $"{page}:{i + 1}: {mutant}\n{failed.Output}");
                Assert.Matches($@"{Regex.Escape(page)}\({i + 1},\d+\): error SC20(03|15)", failed.Output);
                flipped++;
            }
            File.WriteAllText(Path.Combine(folder.Path, page), adopted);
        }
        Assert.Equal(5, flipped);
    }

    /// <summary>
    /// Adopt changes nothing a reader sees (issue 54, Required 5): a page whose fixture needs settings (<c>fixture: true</c>,
    /// its hidden fences) gets them in one hidden comment below its front matter, or at its top, never in a front matter,
    /// which GitHub shows as a table; the page then verifies as one class, and a flipped assertion fails at its line.
    /// </summary>
    [Fact]
    public void Without_front_matter_adopt_writes_the_fixtures_settings_in_a_hidden_comment_and_the_page_verifies()
    {
        using var folder = new TempFolder();
        var page = File.ReadAllText(Samples.PathOf("adopt-tests/substitutes.md"));
        folder.Write("bare.md", page);
        folder.Write("titled.md", "---\ntitle: Substitutes\n---\n" + page);
        folder.Write("marked.md", "\uFEFF" + page);

        var write = CliRunner.Run(folder.Path, "adopt", "--write");

        Assert.True(write.ExitCode == 0, write.Output);
        Assert.Matches(@"bare\.md\(1,1\): page fixture: 5 of 5 blocks verified as one class \(\d block by block\); a hidden comment at its top " +
            @"gets: fixture: true, hiddenFences: \[requiredcode\]", write.Stdout);
        const string Comment = "<!-- snippetcheck: page fixture: true, hiddenFences: [requiredcode] -->\n";
        Assert.StartsWith(Comment + "# Getting started", Read(folder, "bare.md"), StringComparison.Ordinal);
        Assert.StartsWith("---\ntitle: Substitutes\n---\n" + Comment + "# Getting started", Read(folder, "titled.md"), StringComparison.Ordinal);
        // A byte order mark stays on the heading's line, and the comment goes below it: a diff shows one line added.
        var marked = File.ReadAllBytes(Path.Combine(folder.Path, "marked.md"));
        Assert.Equal([0xEF, 0xBB, 0xBF], marked[..3]);
        Assert.StartsWith(page.Split('\n')[0] + "\n" + Comment, System.Text.Encoding.UTF8.GetString(marked[3..]), StringComparison.Ordinal);
        foreach (var (name, original) in new[] { ("bare.md", page), ("titled.md", "---\ntitle: Substitutes\n---\n" + page), ("marked.md", page) })
        {
            // Only hidden lines were added: the page comment and tag comments.
            var lines = Read(folder, name).Split('\n').Where(l => !TagLine().IsMatch(l));
            Assert.Equal(original, string.Join('\n', lines));
        }

        var verify = CliRunner.Run(folder.Path, "verify", "--no-cache");
        Assert.True(verify.ExitCode == 0, verify.Output);
        Assert.StartsWith("15 passed, 0 failed, 0 ignored, 0 untagged", verify.Stdout.TrimEnd('\n').Split('\n')[^1]);
        var adopted = Read(folder, "bare.md");
        File.WriteAllText(Path.Combine(folder.Path, "bare.md"), adopted.Replace("Is.EqualTo(", "Is.Not.EqualTo(", StringComparison.Ordinal));
        var mutant = CliRunner.Run(folder.Path, "verify", "bare.md", "--no-cache");
        Assert.Equal(1, mutant.ExitCode);
        Assert.Matches(@"bare\.md\(\d+,\d+\): error SC20(03|15)", mutant.Output);
    }

    /// <summary>The line with its assertion negated (NUnit's, xUnit's or MSTest's); null for a line without one.</summary>
    private static string? Flip(string line) =>
        line.Contains("Is.EqualTo(", StringComparison.Ordinal) ? line.Replace("Is.EqualTo(", "Is.Not.EqualTo(", StringComparison.Ordinal)
        : line.Contains("Assert.Equal(", StringComparison.Ordinal) ? line.Replace("Assert.Equal(", "Assert.NotEqual(", StringComparison.Ordinal)
        : line.Contains("Assert.AreEqual(", StringComparison.Ordinal) ? line.Replace("Assert.AreEqual(", "Assert.AreNotEqual(", StringComparison.Ordinal)
        : null;

    [Fact]
    public void A_block_that_fails_in_its_pages_class_is_left_out_with_ignore_and_its_cause_and_the_rest_verify()
    {
        using var folder = new TempFolder();
        var page = File.ReadAllText(Samples.PathOf("adopt-tests/substitutes.md")) + """

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
        folder.Write("page.md", page);

        var write = CliRunner.Run(folder.Path, "adopt", "--write", "--front-matter");

        Assert.True(write.ExitCode == 0, write.Output);
        Assert.Contains("page.md(1,1): page fixture: 5 of 7 blocks verified as one class", write.Stdout);
        Assert.Matches(@"runtime-failure +e\.g\. page\.md\(\d+,1\): in its page's class: .*InvalidOperationException", write.Stdout);
        Assert.Matches(@"fragment +e\.g\. page\.md\(\d+,\d+\): in its page's class: ", write.Stdout);
        var text = File.ReadAllText(Path.Combine(folder.Path, "page.md"));
        Assert.Contains("<!-- snippetcheck: ignore -->\n```csharp\ngreeter.Greet(\"Eve\")", text);
        Assert.Contains("<!-- snippetcheck: ignore -->\n```csharp\ngreeter.Greet(\n```", text);

        var verify = CliRunner.Run(folder.Path, "verify");
        Assert.True(verify.ExitCode == 0, verify.Output);
        Assert.StartsWith("5 passed, 0 failed, 2 ignored, 0 untagged", verify.Stdout.TrimEnd('\n').Split('\n')[^1]);
    }

    /// <summary>
    /// Issue 54: a fixture that trades as many ignore tags as it verifies blocks is not proposed; the page stays block by
    /// block, and the note says why.
    /// </summary>
    [Fact]
    public void A_page_whose_class_would_leave_out_as_many_blocks_as_it_verifies_is_not_proposed_as_a_fixture()
    {
        using var folder = new TempFolder();
        var fragments = string.Concat(Enumerable.Range(1, 5).Select(i => $"\nNot C# on its own ({i}):\n\n```csharp\ngreeter.Greet(\n```\n"));
        folder.Write("page.md", File.ReadAllText(Samples.PathOf("adopt-tests/substitutes.md")) + fragments);

        var write = CliRunner.Run(folder.Path, "adopt", "--write");

        Assert.True(write.ExitCode == 0, write.Output);
        Assert.Contains("page.md(1,1): not proposed as a page fixture: 5 of 10 blocks verify as one class", write.Stdout);
        Assert.Contains("but it would leave out 5 with ignore, as many or more", write.Stdout);
        Assert.DoesNotContain("fixture: true", File.ReadAllText(Path.Combine(folder.Path, "page.md")));
    }

    [Fact]
    public void A_page_whose_class_would_leave_out_a_block_that_passes_alone_stays_block_by_block()
    {
        using var folder = new TempFolder();
        // Top-level statements have 'args'; a method of the page's class has none: this block passes alone, and only so.
        var page = File.ReadAllText(Samples.PathOf("adopt-tests/substitutes.md")) + """

            The program's arguments:

            ```csharp
            Console.WriteLine(args.Length);
            ```

            ```text
            0
            ```
            """;
        folder.Write("page.md", page);

        var write = CliRunner.Run(folder.Path, "adopt", "--write");

        Assert.True(write.ExitCode == 0, write.Output);
        Assert.Matches(@"page\.md\(1,1\): not proposed as a page fixture: 5 of 6 blocks verify as one class \(2 block by block\), but the class leaves out 1 block\(s\) that pass or are checked alone, e\.g\. line \d+", write.Stdout);
        var text = File.ReadAllText(Path.Combine(folder.Path, "page.md"));
        Assert.DoesNotContain("fixture", text);
        Assert.DoesNotContain("ignore", text);
        Assert.Contains("<!-- snippetcheck: run -->\n```csharp\nConsole.WriteLine(args.Length);", text);
    }

    [Fact]
    public void A_page_whose_front_matter_says_fixture_false_or_with_a_tagged_block_is_not_made_a_fixture()
    {
        using var folder = new TempFolder();
        var page = File.ReadAllText(Samples.PathOf("adopt-tests/substitutes.md"));
        folder.Write("declined.md", "---\ntitle: Substitutes\nsnippetcheck:\n  fixture: false\n---\n" + page);
        folder.Write("tagged.md", page.Replace("```csharp\npublic interface", "<!-- snippetcheck: compile -->\n```csharp\npublic interface", StringComparison.Ordinal));

        var dry = CliRunner.Run(folder.Path, "adopt");

        Assert.True(dry.ExitCode == 0, dry.Output);
        Assert.DoesNotContain("page fixture", dry.Stdout);
    }
}
