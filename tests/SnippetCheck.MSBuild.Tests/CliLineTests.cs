using SnippetCheck.MSBuild.Tests.Infrastructure;
using SnippetCheck.Reporting;

namespace SnippetCheck.MSBuild.Tests;

/// <summary>
/// How the task reads the lines the CLI writes under <c>--console-format json</c>: from the real CLI (the ReadyToRun
/// build the tests publish), so that a change on either side of the contract fails here, not only in a slow build.
/// </summary>
public sealed class CliLineTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("snippetcheck-cli-lines-").FullName;

    public void Dispose() => PackedPackage.TryDelete(_folder);

    [Fact]
    public void Each_finding_of_the_real_cli_comes_with_the_file_line_column_code_and_message_its_text_shows()
    {
        Write("posts/rotten.md", Posts.Rotten);
        Write("posts/lists.md", Posts.CompileError);

        var text = RunCli("verify", "--ci", "none", "--no-cache");
        var json = RunCli("verify", "--ci", "none", "--no-cache", "--console-format", "json");

        var messages = Read(json.Output);
        var errors = messages.Where(m => m.Header.Kind == ConsoleLineKind.Error).ToList();
        Assert.Equal(
            [("posts/lists.md", 7, 32, "CS0103"), ("posts/rotten.md", 11, 1, "SC2001")],
            errors.Select(e => (e.Header.File, e.Header.Line, e.Header.Column, e.Header.Code)).OrderBy(e => e.File));
        var mismatch = errors.Single(e => e.Header.Code == "SC2001");
        Assert.Contains("    - {total} = 9", mismatch.Details);
        Assert.Contains("    + {total} = 10", mismatch.Details);
        // The text a person reads holds each finding exactly as the JSON gives it, detail lines below it.
        foreach (var error in errors)
        {
            var line = $"{error.Header.File}({error.Header.Line},{error.Header.Column}): error {error.Header.Code}: {error.Header.Message}";
            Assert.Contains(string.Join("\n", [line, .. error.Details]), text.Output.Replace("\r\n", "\n"));
        }
        Assert.StartsWith("0 passed, 2 failed", messages[^1].Header.Message);
        Assert.Equal(ConsoleLineKind.Plain, messages[^1].Header.Kind);
    }

    [Fact]
    public void A_bad_config_is_a_tool_error_at_its_place_in_the_config_file()
    {
        Write("snippetcheck.json", """{ "bogus": 1 }""");
        Write("post.md", "# Nothing to run\n");

        var result = RunCli("verify", "--ci", "none", "--console-format", "json");

        var error = Read(result.Output).Single(m => m.Header.Kind == ConsoleLineKind.ToolError).Header;
        Assert.Equal(("snippetcheck.json", 1, "SC3001"), (error.File, error.Line, error.Code));
        Assert.Contains("'bogus'", error.Message);
        Assert.DoesNotContain("snippetcheck.json", error.Message);
    }

    [Fact]
    public void A_bad_argument_is_a_tool_error_without_a_code_and_the_usage_line_plain_text()
    {
        var result = RunCli("verify", "--timeout", "soon", "--console-format", "json");

        var lines = Read(result.Output).Select(m => m.Header).ToList();
        Assert.Equal((ConsoleLineKind.ToolError, null), (lines[0].Kind, lines[0].Code));
        Assert.StartsWith("--timeout 'soon' is not a duration", lines[0].Message);
        Assert.Equal((ConsoleLineKind.Plain, "Run 'snippetcheck --help' for usage."), (lines[^1].Kind, lines[^1].Message));
    }

    [Theory]
    [InlineData("You must install or update .NET to run this application.")]
    [InlineData("{\"kind\":\"error\",\"message\":")]
    [InlineData("{\"kind\":\"shout\",\"message\":\"x\"}")]
    [InlineData("")]
    public void A_line_that_is_no_cli_json_line_is_plain_text_as_written(string text)
    {
        var line = CliLine.Read(text);

        Assert.Equal((ConsoleLineKind.Plain, text), (line.Kind, line.Message));
    }

    [Fact]
    public void Escapes_come_back_as_the_characters_they_stand_for()
    {
        var line = CliLine.Read("""{"kind":"detail","message":"    \u002B 2 \"q\" \\ \u00e9\ttab"}""");

        Assert.Equal((ConsoleLineKind.Detail, "    + 2 \"q\" \\ é\ttab"), (line.Kind, line.Message));
    }

    [Fact]
    public void Each_failures_detail_lines_stay_with_it_and_never_go_to_the_next_failure()
    {
        // A library's failures (docs/doctests.md): a timeout with no detail, then an exception with its stack trace,
        // then an inaccessible type with its hint, then a missing member with none.
        string[] output =
        [
            """{"kind":"error","file":"Calc.cs","line":9,"column":9,"code":"SC2008","message":"did not finish within 1s [timeout]"}""",
            """{"kind":"error","file":"Calc.cs","line":16,"column":9,"code":"SC2003","message":"unhandled exception [exception]"}""",
            """{"kind":"detail","message":"    System.FormatException: bad"}""",
            """{"kind":"detail","message":"       at Lib.Calc.Parse(String text) in /src/Lib/Calc.cs:line 40"}""",
            """{"kind":"error","file":"Calc.cs","line":23,"column":27,"code":"CS0122","message":"'Secret' is inaccessible [compile-error]"}""",
            """{"kind":"detail","message":"    hint: an example in a doc comment uses the library as its users do"}""",
            """{"kind":"error","file":"Calc.cs","line":30,"column":32,"code":"CS0117","message":"no 'Hidden' [compile-error]"}""",
            """{"kind":"plain","message":"4 failed (4 C# blocks in 1 file) in 2.0s"}""",
        ];
        var reader = new CliMessageReader();

        var completed = output.Select(reader.Add).ToList();
        completed.Add(reader.Finish());
        var messages = completed.OfType<CliMessage>().ToList();

        Assert.Equal(
            [
                ("SC2008", ""),
                ("SC2003", "    System.FormatException: bad|       at Lib.Calc.Parse(String text) in /src/Lib/Calc.cs:line 40"),
                ("CS0122", "    hint: an example in a doc comment uses the library as its users do"),
                ("CS0117", ""),
                (null, ""),
            ],
            messages.Select(m => (m.Header.Code, string.Join("|", m.Details))));
        Assert.Equal("4 failed (4 C# blocks in 1 file) in 2.0s", messages[^1].Header.Message);
    }

    [Fact]
    public void An_errors_details_go_into_its_message_up_to_a_limit()
    {
        var stack = Enumerable.Range(1, CliMessageLogger.DetailLinesInError + 3).Select(i => $"   at Frame{i}()  ").ToList();

        var message = CliMessageLogger.WithDetails("unhandled exception", stack).Split(Environment.NewLine);

        Assert.Equal("unhandled exception", message[0]);
        Assert.Equal("   at Frame1()", message[1]);
        Assert.Equal($"   at Frame{CliMessageLogger.DetailLinesInError}()", message[CliMessageLogger.DetailLinesInError]);
        Assert.Equal("    ... (3 more lines at -v:n)", message[^1]);
        Assert.Equal("no detail", CliMessageLogger.WithDetails("no detail", []));
    }

    [Theory]
    [InlineData("""{"kind":"note","file":"/repo/README.md","line":7,"column":1,"message":"accepted output for the snippet at line 3"}""", "../../README.md(7,1): accepted output for the snippet at line 3")]
    [InlineData("""{"kind":"note","file":"/repo/src/Lib/docs/a (draft).md","line":9,"column":1,"message":"not rewritten: ellipsis"}""", "docs/a (draft).md(9,1): not rewritten: ellipsis")]
    [InlineData("""{"kind":"note","file":"Calc.cs","line":11,"column":9,"message":"accepted output for the snippet at line 8"}""", "Calc.cs(11,9): accepted output for the snippet at line 8")]
    [InlineData("""{"kind":"plain","message":"--accept: 2 output blocks rewritten in 2 files"}""", "--accept: 2 output blocks rewritten in 2 files")]
    public void A_note_at_a_place_names_its_file_relative_to_the_project_folder_as_the_cli_does_below_it(string written, string shown)
    {
        Assert.Equal(shown, CliMessageLogger.Shown(CliLine.Read(written), "/repo/src/Lib"));
    }

    private static List<CliMessage> Read(string output)
    {
        var reader = new CliMessageReader();
        var messages = output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).Select(reader.Add).ToList();
        messages.Add(reader.Finish());
        return messages.OfType<CliMessage>().ToList();
    }

    private void Write(string path, string text)
    {
        var full = Path.Combine(_folder, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    private DotnetResult RunCli(params string[] args) =>
        Dotnet.Run(_folder, new Dictionary<string, string>(), ["exec", PackedPackage.ReadyToRunCli, .. args, "--cache-dir", Path.Combine(_folder, ".cache")]);
}
