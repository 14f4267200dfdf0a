using System.Text;
using SnippetCheck.Configuration;
using SnippetCheck.Extraction;
using SnippetCheck.Extraction.Markdown;
using SnippetCheck.Model;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Hardening;

/// <summary>Broken posts, one kind at a time: each problem is an error with a code, a line and, for a typo, a hint.</summary>
public sealed class MalformedMarkdownTests
{
    /// <summary>Every tag, key and block word of ours, misspelt the way fingers do it, and what was meant.</summary>
    /// <summary>What a misspelt <c>snippetcheck:</c> marker is told.</summary>
    private const string MarkerHint = "write '<!-- snippetcheck: ... -->'";

    public static TheoryData<string, string> Misspellings => new()
    {
        { "```csharp rnu", "run" },
        { "```csharp compiel", "compile" },
        { "```csharp compile-fial", "compile-fail" },
        { "```csharp compile-fial=CS0103", "compile-fail" },
        { "```csharp thorws", "throws" },
        { "```csharp thorws=InvalidOperationException", "throws" },
        { "```csharp ignroe", "ignore" },
        { "```csharp warnaserorr", "warnaserror" },
        { "```csharp usnafe", "unsafe" },
        { "```csharp nmae=x", "name" },
        { "```csharp sesion=s", "session" },
        { "```csharp exti=3", "exit" },
        { "```csharp timout=2s", "timeout" },
        { "```csharp langverison=12", "langversion" },
        { "```csharp nulable=disable", "nullable" },
        { "```csharp agrs=\"a b\"", "args" },
        { "```csharp outptu", "output" },
        { "```csharp run\nConsole.WriteLine(1);\n```\n```outptu", "output" },
        { "```csharp run\nConsole.WriteLine(1);\n```\n```output elipsis", "ellipsis" },
        { "```csharp run\nConsole.WriteLine(1);\n```\n```output unorderd", "unordered" },
        { "```csharp run\nConsole.WriteLine(1);\n```\n```stdni", "stdin" },
        { "<!-- snippetcheck: rnu -->\n```csharp", "run" },
        { "<!-- snippetcheck: prelud -->", "prelude" },
        { "<!-- snippetcheck: prelude sesion=s\nstatic int X = 1;\n-->", "session" },
        { "<!-- snipetcheck: run -->\n```csharp", MarkerHint },
        { "<!-- snippetchek: run -->\n```csharp", MarkerHint },
    };

    [Theory]
    [MemberData(nameof(Misspellings))]
    public void Every_misspelt_tag_is_an_error_with_a_hint_and_its_line(string opening, string meant)
    {
        var markdown = $"# Post\n\nSome prose.\n\n{opening}\nConsole.WriteLine(1);\n```\n";
        var read = Pipeline.Read(markdown);
        var errors = read.FileDiagnostics.Concat(read.Snippets.SelectMany(s => s.Annotations)).Where(d => d.IsError).ToList();
        var hint = meant == MarkerHint ? meant : $"did you mean '{meant}'?";
        var error = Assert.Single(errors, e => e.Message.Contains(hint, StringComparison.Ordinal));
        var expectedLine = 5 + opening.Split('\n').TakeWhile(l => !IsMisspeltLine(l, meant)).Count();
        Assert.Equal(expectedLine, error.Location.Line);
        Assert.StartsWith("SC1", error.Id, StringComparison.Ordinal);
    }

    private static bool IsMisspeltLine(string line, string meant) =>
        !line.StartsWith("```csharp run", StringComparison.Ordinal) && !line.StartsWith("Console.", StringComparison.Ordinal) && line != "```"
        && !(meant == "session" && !line.Contains("sesion", StringComparison.Ordinal));

    [Fact]
    public void An_unclosed_csharp_fence_is_an_annotation_error_at_its_opening_line()
    {
        var snippet = Assert.Single(Pipeline.Read("# Post\n\n```csharp run\nConsole.WriteLine(1);\n\nMore prose that was meant to follow.\n").Snippets);
        var error = Assert.Single(snippet.Annotations, a => a.Id == DiagnosticCodes.UnclosedFence);
        Assert.Equal(3, error.Location.Line);
        Assert.Contains("never closed", error.Message);
    }

    [Fact]
    public void An_unclosed_fence_of_another_language_that_swallows_a_csharp_block_is_SC1014()
    {
        // One that swallows only prose is SC3011 (Unit/Extraction/Markdown/UnclosedFenceTests).
        var read = Pipeline.Read("```text\nnotes\n\n```csharp run\nConsole.WriteLine(1);\n");
        var error = Assert.Single(read.FileDiagnostics);
        Assert.Equal((DiagnosticCodes.UnclosedFence, 1), (error.Id, error.Location.Line));
        Assert.Contains("block at line 4", error.Message);
    }

    [Fact]
    public void An_unclosed_snippetcheck_comment_is_an_error_at_its_line()
    {
        var read = Pipeline.Read("Intro.\n\n<!-- snippetcheck: prelude\nstatic int X = 1;\n\n```csharp run\nConsole.WriteLine(X);\n```\n");
        var error = Assert.Single(read.FileDiagnostics, d => d.Id == DiagnosticCodes.BadComment);
        Assert.Equal(3, error.Location.Line);
        Assert.Contains("never closed", error.Message);
    }

    [Theory]
    [InlineData("> ", 128)]
    [InlineData("- ", 64)]
    [InlineData("1. ", 64)]
    public void Containers_nested_1000_deep_are_one_error_at_the_line_the_parser_gave_up_on(string shape, int line)
    {
        var text = FrontEndPropertyTests.Nest(1000, shape, onePerLine: true);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var extracted = Pipeline.Extract(text);
        // A generous bound, not a speed target: it only catches the cubic parse this once took.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"took {clock.Elapsed}");
        var error = Assert.Single(extracted.Diagnostics);
        Assert.Equal((DiagnosticCodes.UnparsableMarkdown, line + 2), (error.Id, error.Location.Line));
        Assert.Empty(extracted.Items);
    }

    [Fact]
    public void Markers_nested_1000_deep_on_one_line_are_an_error_at_that_line()
    {
        var extracted = Pipeline.Extract(FrontEndPropertyTests.Nest(1000, "> ", onePerLine: false));
        Assert.Equal((DiagnosticCodes.UnparsableMarkdown, 3), (extracted.Diagnostics.Single().Id, extracted.Diagnostics.Single().Location.Line));
    }

    [Fact]
    public void A_tab_split_by_a_block_quote_keeps_the_code_lines_real_line_numbers()
    {
        var fence = Assert.Single(Pipeline.Extract("# T\n\n> ```cs\n> a\n> \t\tcode\n>\tx\n> ```\n").Items.OfType<FencedBlock>());
        Assert.Equal([4, 5, 6], fence.Lines.Select(l => l.Line));
        Assert.Equal("code", fence.Lines[1].Text.Trim());
        Assert.Equal(7, fence.EndLine);
    }

    [Fact]
    public void An_empty_unclosed_fence_at_the_end_of_a_quote_is_read_without_error()
    {
        var fence = Assert.Single(Pipeline.Extract("> ```\n").Items.OfType<FencedBlock>());
        Assert.Empty(fence.Lines);
    }

    [Fact]
    public void Bytes_that_are_not_utf8_are_an_error_at_their_line_and_the_rest_is_still_read()
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes("# Post\n\nCaf"), 0xE9, .. Encoding.UTF8.GetBytes(" prose.\n\n```csharp run\nConsole.WriteLine(1);\n```\n")];
        var extracted = FenceExtractor.Extract(SourceDocument.FromBytes("/x/post.md", "post.md", bytes));
        var error = Assert.Single(extracted.Diagnostics);
        Assert.Equal((DiagnosticCodes.NotUtf8, 3, 4), (error.Id, error.Location.Line, error.Location.Column));
        Assert.Single(extracted.Items.OfType<FencedBlock>());
    }

    [Fact]
    public void A_utf16_file_is_told_to_be_saved_as_utf8()
    {
        byte[] bytes = [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("# Post\n")];
        var error = Assert.Single(FenceExtractor.Extract(SourceDocument.FromBytes("/x/post.md", "post.md", bytes)).Diagnostics);
        Assert.Contains("UTF-16", error.Message);
        Assert.Equal(1, error.Location.Line);
    }

    [Theory]
    [InlineData(100_000, "[")]
    [InlineData(100_000, "{")]
    [InlineData(100_000, "- ")]
    public void Front_matter_nested_past_any_sense_is_a_config_error_not_a_stack_overflow(int depth, string opener)
    {
        var yaml = "title: x\nsnippetcheck:\n  usings:\n    " + string.Concat(Enumerable.Repeat(opener, depth)) + "x\n";
        var error = Assert.Throws<ConfigException>(() => FrontMatterReader.Read("post.md", new FrontMatter(yaml, new SourceLocation("post.md", 1, 1))));
        Assert.Contains("nests more than 64 levels", error.Message);
        Assert.Equal(5, error.Line);
    }
}

/// <summary>Bad posts through the real CLI: each is an error of its own and every other file is still verified.</summary>
public sealed class MalformedPostRunTests
{
    [Fact]
    public void A_50MB_post_is_verified_with_exact_lines()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "huge.md");
        int lastLine;
        using (var writer = new StreamWriter(path, append: false, new UTF8Encoding(false)))
        {
            writer.Write("# A huge post\n\n```csharp name=first\nConsole.WriteLine(\"first\");\n```\n\n```output\nfirst\n```\n\n");
            var line = 11;
            var paragraph = "Some prose with *emphasis*, `code`, a [link](https://example.com) and <b>html</b>, long enough to be a line.\n\n";
            for (long written = 0; written < 50L * 1024 * 1024; written += paragraph.Length, line += 2)
            {
                writer.Write(paragraph);
                if (line % 20_000 == 1)
                {
                    writer.Write("```text\nnot C#\n```\n\n");
                    line += 4;
                }
            }
            lastLine = line;
            writer.Write("```csharp name=last\nConsole.WriteLine(\"last\");\n```\n\n```output\nlast\n```\n");
        }
        folder.Write("small.md", "```csharp name=small\nConsole.WriteLine(2);\n```\n\n```output\n2\n```\n");

        // No timing assertion (those belong in bench/); CliRunner's own limit catches a hang.
        var result = CliRunner.Run(folder.Path, "verify", "--report", "json=report.json");

        Assert.Equal(0, result.ExitCode);
        var report = Infrastructure.JsonReport.Load(Path.Combine(folder.Path, "report.json"));
        Assert.Equal(3, Infrastructure.JsonElementExtensions.Int(report.Summary, "passed"));
        Assert.Equal(3, Infrastructure.JsonElementExtensions.Int(report.Snippet("first"), "line"));
        Assert.Equal(lastLine, Infrastructure.JsonElementExtensions.Int(report.Snippet("last"), "line"));
    }

    [Fact]
    public void List_reports_every_bad_file_with_a_line_and_still_lists_the_good_ones()
    {
        using var folder = new TempFolder();
        folder.Write("good.md", "```csharp name=good\nConsole.WriteLine(1);\n```\n");
        folder.Write("deep.md", "# Deep\n\n" + new string('>', 1000) + " x\n");
        File.WriteAllBytes(Path.Combine(folder.Path, "binary.md"), [0x00, 0xFF, 0xFE, 0x80, 0x81]);
        folder.Write("unclosed.md", "# U\n\n```csharp run\nConsole.WriteLine(1);\n");

        var result = CliRunner.Run(folder.Path, "list");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("good.md(1,1): run", result.Stdout);
        Assert.Contains("deep.md(3,1): error SC3007:", result.Stdout);
        Assert.Contains("binary.md(1,2): error SC3008:", result.Stdout);
        Assert.Contains("unclosed.md(3,1): error SC1014:", result.Stdout);
    }
}
