using System.Text;
using SnippetCheck.Driver;
using SnippetCheck.Model;
using SnippetCheck.Results;
using SnippetCheck.Tests.Infrastructure;
using SnippetCheck.Editing;

namespace SnippetCheck.Tests.Unit.Editing;

/// <summary>
/// Hidden expected output (<c>&lt;!-- snippetcheck: output</c> … <c>--&gt;</c>, or <c>{/* … */}</c> in MDX) and console
/// prompt lines: matched like a visible output block, rewritten in place by <c>--accept</c>, byte for byte.
/// </summary>
public sealed class HiddenOutputTests
{
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    [Fact]
    public void A_hidden_output_comment_is_the_output_block_of_the_CSharp_block_before_it()
    {
        var read = Pipeline.Read("```cs\nConsole.WriteLine(1);\n```\n\nProse.\n\n<!-- snippetcheck: output unordered\n  b\na\n-->\n");

        var output = read.Snippets.Single().Output!;
        Assert.Equal("  b\na", output.Text);
        Assert.Equal(SnippetCheck.Extraction.Snippets.OutputMatchMode.Unordered, output.Mode);
        Assert.Equal((7, 1), (output.Block.Location.Line, output.Block.Location.Column));
        Assert.Empty(read.FileDiagnostics);
    }

    [Fact]
    public void A_one_line_output_comment_above_a_fence_still_marks_that_fence_as_the_output()
    {
        var read = Pipeline.Read("```cs\nConsole.WriteLine(1);\n```\n\n<!-- snippetcheck: output -->\n```text\n1\n```\n");

        var output = read.Snippets.Single().Output!;
        Assert.Equal("1", output.Text);
        Assert.Equal(6, output.Block.Location.Line);
        Assert.Null(output.Block.Geometry.Hidden);
    }

    [Fact]
    public async Task A_mismatch_is_reported_at_the_hidden_output_and_a_match_passes()
    {
        var failing = await Pipeline.VerifyAsync("```cs\nConsole.WriteLine(\"two\");\n```\n\n<!-- snippetcheck: output\none\n-->\n\n```cs\nConsole.WriteLine(\"x: 42\");\n```\n<!-- snippetcheck: output ellipsis\nx: ...\n-->\n");

        Assert.Equal(SnippetStatus.Failed, failing.Snippets[0].Status);
        Assert.Equal(FailureReason.OutputMismatch, failing.Snippets[0].Reason);
        Assert.Equal((6, 1), (failing.Snippets[0].FailureLocation.Line, failing.Snippets[0].FailureLocation.Column));
        Assert.Equal("- one\n+ two", failing.Snippets[0].Detail);
        Assert.Equal(SnippetStatus.Passed, failing.Snippets[1].Status);
    }

    [Fact]
    public async Task Accept_rewrites_a_hidden_output_in_place_in_a_CRLF_file_with_a_BOM()
    {
        var before = "# Title\r\n\r\n```csharp run\r\nConsole.WriteLine(\"new 1\");\r\nConsole.WriteLine();\r\nConsole.WriteLine(\"new 2\");\r\n```\r\n\r\n<!-- snippetcheck: output\r\nold\r\n-->\r\n\r\nThe end.\r\n";
        var after = before.Replace("output\r\nold\r\n-->", "output\r\nnew 1\r\n\r\nnew 2\r\n-->", StringComparison.Ordinal);

        await AssertRoundTrip("post.md", [.. Bom, .. Encoding.UTF8.GetBytes(before)], [.. Bom, .. Encoding.UTF8.GetBytes(after)]);
    }

    [Fact]
    public async Task Accept_opens_up_a_one_line_placeholder_inside_a_block_quote()
    {
        var before = "> ```csharp run\n> Console.WriteLine(\"a\");\n> Console.WriteLine(\"b\");\n> ```\n>\n> <!-- snippetcheck: output -->\n";
        var after = "> ```csharp run\n> Console.WriteLine(\"a\");\n> Console.WriteLine(\"b\");\n> ```\n>\n> <!-- snippetcheck: output\n> a\n> b\n> -->\n";

        var outcome = await AssertRoundTrip("post.md", Encoding.UTF8.GetBytes(before), Encoding.UTF8.GetBytes(after));

        Assert.Equal("post.md(6,3): filled empty output block for the snippet at line 1", outcome.Entries.Single().ToString());
    }

    [Fact]
    public async Task Accept_rewrites_an_MDX_hidden_output_and_an_MDX_tagged_output_fence_byte_for_byte()
    {
        var before = "---\r\ntitle: x\r\n---\r\n\r\nimport Tabs from '@theme/Tabs';\r\n\r\n<Tabs>\r\n  <TabItem value=\"a\">\r\n\r\n  {/* snippetcheck: run */}\r\n  ```cs\r\n  Console.WriteLine(\"A\");\r\n  ```\r\n\r\n  {/* snippetcheck: output\r\n  old\r\n  */}\r\n\r\n  </TabItem>\r\n  <TabItem value=\"b\">\r\n\r\n```cs\r\nConsole.WriteLine(\"B\");\r\n```\r\n\r\n{/* snippetcheck: output */}\r\n```text\r\nold\r\n```\r\n\r\n  </TabItem>\r\n</Tabs>\r\n";
        var after = before.Replace("  {/* snippetcheck: output\r\n  old\r\n  */}", "  {/* snippetcheck: output\r\n  A\r\n  */}", StringComparison.Ordinal)
            .Replace("```text\r\nold\r\n```", "```text\r\nB\r\n```", StringComparison.Ordinal);

        var outcome = await AssertRoundTrip("post.mdx", [.. Bom, .. Encoding.UTF8.GetBytes(before)], [.. Bom, .. Encoding.UTF8.GetBytes(after)], accepted: 2);

        Assert.Equal(["post.mdx(15,3): accepted output for the snippet at line 11", "post.mdx(27,1): accepted output for the snippet at line 22"], outcome.Entries.Select(e => e.ToString()));
    }

    [Fact]
    public async Task Accept_refuses_a_hidden_output_whose_closing_marker_ends_a_line_of_output()
    {
        using var folder = new TempFolder();
        var markdown = "```cs\nConsole.WriteLine(\"new\");\n```\n\n<!-- snippetcheck: output\nold -->\n";
        folder.Write("post.md", markdown);

        var report = await new Verifier(new VerifyOptions { CurrentDirectory = folder.Path }).RunAsync();
        var outcome = OutputAcceptor.Accept(report);

        Assert.Equal("post.md(5,1): not rewritten: the hidden output's closing '-->' shares a line with the output; put it on a line of its own (output of the snippet at line 1)", outcome.Entries.Single().ToString());
        Assert.Equal(markdown, File.ReadAllText(Path.Combine(folder.Path, "post.md")));
    }

    [Fact]
    public async Task Accept_refuses_output_that_would_close_the_hidden_comment()
    {
        using var folder = new TempFolder();
        var markdown = "```cs\nConsole.WriteLine(\"a --> b\");\n```\n\n<!-- snippetcheck: output\nold\n-->\n";
        folder.Write("post.md", markdown);

        var report = await new Verifier(new VerifyOptions { CurrentDirectory = folder.Path }).RunAsync();
        var outcome = OutputAcceptor.Accept(report);

        Assert.Contains("not rewritten: the output holds '-->', which would end the hidden output's comment", outcome.Entries.Single().ToString());
        Assert.Equal(markdown, File.ReadAllText(Path.Combine(folder.Path, "post.md")));
    }

    [Fact]
    public async Task A_console_prompt_line_is_skipped_when_matching_and_kept_by_accept()
    {
        var matching = await Pipeline.VerifyAsync("```cs\nConsole.WriteLine(\"hi\");\n```\n\n```console output\n$ dotnet run\nhi\n```\n");
        Assert.True(matching.Succeeded);

        var before = "```cs\nConsole.WriteLine(\"hello\");\nConsole.WriteLine(\"world\");\n```\n\n```console output\n$ dotnet run\nhi\n```\n\n```shell-session output\n> dotnet run --project app\n```\n";
        var after = "```cs\nConsole.WriteLine(\"hello\");\nConsole.WriteLine(\"world\");\n```\n\n```console output\n$ dotnet run\nhello\nworld\n```\n\n```shell-session output\n> dotnet run --project app\n```\n";
        // The second output block is a second one for the same snippet: an annotation error, so write the first alone.
        before = before[..before.IndexOf("\n```shell-session", StringComparison.Ordinal)] + "\n";
        after = after[..after.IndexOf("\n```shell-session", StringComparison.Ordinal)] + "\n";

        await AssertRoundTrip("post.md", Encoding.UTF8.GetBytes(before), Encoding.UTF8.GetBytes(after));
    }

    [Fact]
    public async Task A_prompt_only_session_block_is_filled_below_its_prompt()
    {
        var before = "```cs\nConsole.WriteLine(\"out\");\n```\n\n```shell-session output\n> dotnet run --project app\n```\n";
        var after = "```cs\nConsole.WriteLine(\"out\");\n```\n\n```shell-session output\n> dotnet run --project app\nout\n```\n";

        await AssertRoundTrip("post.md", Encoding.UTF8.GetBytes(before), Encoding.UTF8.GetBytes(after));
    }

    [Fact]
    public void A_dollar_line_in_a_text_block_is_output_not_a_prompt()
    {
        var read = Pipeline.Read("```cs\nConsole.WriteLine(\"$ 5\");\n```\n\n```text output\n$ 5\n```\n");

        Assert.Null(read.Snippets.Single().Output!.Prompt);
        Assert.Equal("$ 5", read.Snippets.Single().Output!.Text);
    }

    private static async Task<AcceptOutcome> AssertRoundTrip(string file, byte[] before, byte[] after, int accepted = 1)
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, file);
        File.WriteAllBytes(path, before);

        var report = await new Verifier(new VerifyOptions { CurrentDirectory = folder.Path }).RunAsync();
        var outcome = OutputAcceptor.Accept(report);

        Assert.Equal(accepted, outcome.AcceptedCount);
        Assert.Equal([file], outcome.FilesWritten);
        Assert.Equal(Encoding.UTF8.GetString(after), Encoding.UTF8.GetString(File.ReadAllBytes(path)));
        Assert.Equal(after, File.ReadAllBytes(path));
        var again = await new Verifier(new VerifyOptions { CurrentDirectory = folder.Path }).RunAsync();
        Assert.True(again.Succeeded, string.Join("\n", again.Snippets.Select(s => $"{s.Location}: {s.Status} {s.Message}\n{s.Detail}")));
        return outcome;
    }
}
