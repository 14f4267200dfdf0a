using System.Text.Json.Nodes;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Lsp;

/// <summary>
/// <c>snippetcheck lsp</c> end to end: the real process over stdio, the real compiler and runners, no mocks.
/// Positions in assertions are LSP's: 0-based lines and UTF-16 columns.
/// </summary>
public sealed class LspServerTests
{
    private const string Broken = """
        # A post

        ```csharp run
        Console.WriteLine(total);
        ```

        ```csharp rnu
        Console.WriteLine(1);
        ```

        """;

    private static bool Has(JsonArray diagnostics, string code) => diagnostics.Any(d => (string?)d!["code"] == code);

    private static (int Line, int Start, int End) RangeOf(JsonArray diagnostics, string code)
    {
        var range = diagnostics.First(d => (string?)d!["code"] == code)!["range"]!;
        Assert.Equal((int)range["start"]!["line"]!, (int)range["end"]!["line"]!);
        return ((int)range["start"]!["line"]!, (int)range["start"]!["character"]!, (int)range["end"]!["character"]!);
    }

    [Fact]
    public async Task Opening_a_post_gives_its_compile_and_annotation_errors_at_exact_ranges_then_a_fix_clears_them()
    {
        using var folder = new TempFolder();
        var post = folder.Write("post.md", Broken);
        using var client = await LspClient.StartAsync(folder.Path);

        await client.OpenAsync(post, Broken);
        var diagnostics = await client.DiagnosticsAsync(post, 0, d => Has(d, "CS0103"), version: 1);

        // 'total' on line 4 (1-based), from column 19 to 24.
        Assert.Equal((3, 18, 23), RangeOf(diagnostics, "CS0103"));
        Assert.Equal(3, (int)diagnostics.First(d => (string?)d!["code"] == "CS0103")!["range"]!["start"]!["line"]!);
        Assert.True(Has(diagnostics, "SC1001"), diagnostics.ToJsonString());
        Assert.Contains("did you mean 'run'", (string?)diagnostics.First(d => (string?)d!["code"] == "SC1001")!["message"], StringComparison.Ordinal);
        Assert.Equal(6, RangeOf(diagnostics, "SC1001").Line);

        var seen = client.Published;
        var fixedText = Broken.Replace("Console.WriteLine(total);", "Console.WriteLine(1 + 1);", StringComparison.Ordinal).Replace("rnu", "run", StringComparison.Ordinal);
        await client.ChangeAsync(post, fixedText, 2);
        var cleared = await client.DiagnosticsAsync(post, seen, version: 2);
        Assert.Empty(cleared);
        Assert.Equal(0, await client.ShutdownAsync());
    }

    [Fact]
    public async Task Diagnostics_are_the_CLIs_for_the_same_text()
    {
        using var folder = new TempFolder();
        var text = Broken + """
            ```csharp run
            Console.WriteLine("two");
            ```

            ```output
            three
            ```

            ```csharp compile-fail=CS0029
            int x = 1;
            ```

            ```csharp throws=InvalidOperationException
            throw new ArgumentException("no");
            ```

            ```output
            ```

            """;
        // The editor's text differs from the file on disk: the server must verify the text, the CLI the file.
        var post = folder.Write("post.md", "# nothing here yet\n");
        using var client = await LspClient.StartAsync(folder.Path);
        await client.OpenAsync(post, text);
        await client.SaveAsync(post);
        var diagnostics = await client.DiagnosticsAsync(post, 0, d => Has(d, "SC2001") && Has(d, "SC2005"));
        await client.ShutdownAsync();

        File.WriteAllText(post, text);
        var cli = CliRunner.Run(folder.Path, "verify", "post.md", "--no-cache", "--report", "json=report.json");
        Assert.Equal(1, cli.ExitCode);
        var report = JsonReport.Load(Path.Combine(folder.Path, "report.json"));
        var fromCli = report.Snippets.Where(s => s.Str("status") == "failed").ToList();
        Assert.Equal(5, fromCli.Count);
        // One error per CLI failure, with the CLI's message, inside that snippet or its output block; and nothing more.
        var errors = diagnostics.Where(d => (int)d!["severity"]! == 1).ToList();
        foreach (var snippet in fromCli)
        {
            var message = snippet.Str("message")!.Split('\n')[0];
            Assert.True(errors.Any(d => ((string)d!["message"]!).StartsWith(message.Split(" (and ")[0], StringComparison.Ordinal)
                    && (int)d["range"]!["start"]!["line"]! + 1 >= snippet.Int("line")),
                $"the CLI's failure at line {snippet.Int("line")} ({message}) is missing: {diagnostics.ToJsonString()}");
        }
        Assert.Equal(fromCli.Count, errors.Count);
    }

    [Fact]
    public async Task Saving_an_output_mismatch_puts_the_diagnostic_on_the_output_blocks_differing_line()
    {
        using var folder = new TempFolder();
        var text = """
            # Sums

            ```csharp run
            Console.WriteLine(2 + 2);
            ```

            Prose between.

            ```output
            5
            ```

            """;
        var post = folder.Write("post.md", text);
        using var client = await LspClient.StartAsync(folder.Path);
        await client.OpenAsync(post, text);
        // While typing nothing runs: no verdict on the output yet.
        var typed = await client.DiagnosticsAsync(post, 0, version: 1);
        Assert.Empty(typed);

        var seen = client.Published;
        await client.SaveAsync(post);
        var saved = await client.DiagnosticsAsync(post, seen, d => d.Count > 0);
        var mismatch = Assert.Single(saved)!;
        Assert.Equal("SC2001", (string?)mismatch["code"]);
        Assert.Equal(9, (int)mismatch["range"]!["start"]!["line"]!); // the line that says 5
        Assert.Contains("+ 4", (string?)mismatch["message"], StringComparison.Ordinal);

        // Runners are kept between checks: another save with new output runs on the same processes.
        var runners = ProcessProbe.RunnersOf(client.ProcessId).Select(p => p.Id).Order().ToList();
        Assert.NotEmpty(runners);
        seen = client.Published;
        var three = text.Replace("2 + 2", "1 + 2", StringComparison.Ordinal);
        await client.ChangeAsync(post, three, 2);
        await client.DiagnosticsAsync(post, seen, version: 2);
        seen = client.Published;
        await client.SaveAsync(post);
        Assert.Contains("+ 3", (string?)Assert.Single(await client.DiagnosticsAsync(post, seen, d => d.Count > 0))!["message"], StringComparison.Ordinal);
        Assert.Equal(runners, ProcessProbe.RunnersOf(client.ProcessId).Select(p => p.Id).Order().ToList());

        // An edit elsewhere keeps the run's finding (the block did not change) until the next save.
        text = three;
        seen = client.Published;
        await client.ChangeAsync(post, text.Replace("Prose between.", "Prose between,\nover two lines.", StringComparison.Ordinal), 3);
        var kept = Assert.Single(await client.DiagnosticsAsync(post, seen, version: 3))!;
        Assert.Equal(10, (int)kept["range"]!["start"]!["line"]!); // the output's line, one further down
        Assert.Equal(0, await client.ShutdownAsync());
    }

    [Fact]
    public async Task An_edit_cancels_a_hanging_run_and_kills_what_it_started_and_shutdown_leaves_no_process()
    {
        using var folder = new TempFolder();
        var marker = ProcessProbe.UniqueSleepSeconds();
        var text = $$"""
            # Hangs

            ```csharp run timeout=2m
            using System.Diagnostics;
            Process.Start("sleep", "{{marker}}");
            Thread.Sleep(Timeout.Infinite);
            ```

            """;
        var post = folder.Write("post.md", text);
        using var client = await LspClient.StartAsync(folder.Path);
        await client.OpenAsync(post, text);
        await client.DiagnosticsAsync(post, 0, version: 1);
        await client.SaveAsync(post);
        Assert.True(ProcessProbe.WaitUntil(() => ProcessProbe.Matching("sleep " + marker).Count > 0, TimeSpan.FromSeconds(60)), "the snippet never started");

        var seen = client.Published;
        var edited = text.Replace("Thread.Sleep(Timeout.Infinite);", "Thread.Sleep(Timeout.Infinite)", StringComparison.Ordinal);
        await client.ChangeAsync(post, edited, 2);
        // The server answers the edit at once, though the old run never ended by itself.
        var diagnostics = await client.DiagnosticsAsync(post, seen, version: 2, timeout: TimeSpan.FromSeconds(30));
        Assert.True(Has(diagnostics, "CS1002"), diagnostics.ToJsonString());
        Assert.True(ProcessProbe.WaitUntil(() => ProcessProbe.Matching("sleep " + marker).Count == 0, TimeSpan.FromSeconds(20)),
            "the cancelled snippet's child process is still alive");

        var id = client.ProcessId;
        Assert.Equal(0, await client.ShutdownAsync());
        Assert.True(ProcessProbe.WaitUntil(() => ProcessProbe.RunnersOf(id).Count == 0, TimeSpan.FromSeconds(10)),
            "runners outlived the server: " + string.Join("; ", ProcessProbe.RunnersOf(id).Select(p => p.CommandLine)));
    }

    [Fact]
    public async Task A_malformed_document_or_message_gets_an_answer_never_a_crash()
    {
        using var folder = new TempFolder();
        var deep = new string('>', 2000) + " ```csharp run\n" + "Console.WriteLine(1);\n";
        var unclosed = "# Unclosed\n\n```csharp run\nConsole.WriteLine(1);\n";
        var binary = "\0\u0001\uFFFD\uD800 ```csharp\n\0\n```\n";
        var post = folder.Write("post.md", "");
        using var client = await LspClient.StartAsync(folder.Path);

        await client.SendRawAsync("Content-Length: 9\r\n\r\n{not json"u8.ToArray());
        await client.NotifyAsync("$/cancelRequest", new JsonArray(1, 2));
        await client.NotifyAsync("textDocument/didChange", new JsonArray("not", "an", "object"));
        await client.NotifyAsync("textDocument/didOpen", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = 42 } });
        await client.OpenAsync(post, unclosed);
        var diagnostics = await client.DiagnosticsAsync(post, 0, version: 1);
        Assert.True(Has(diagnostics, "SC1014"), diagnostics.ToJsonString());

        var seen = client.Published;
        await client.ChangeAsync(post, deep, 2);
        await client.DiagnosticsAsync(post, seen, version: 2);
        seen = client.Published;
        await client.ChangeAsync(post, binary, 3);
        await client.DiagnosticsAsync(post, seen, version: 3);

        // Unknown methods are answered with an error, and the server goes on.
        await Assert.ThrowsAsync<InvalidOperationException>(() => client.RequestAsync("snippetcheck/nothing", null));
        Assert.False(client.HasExited);
        Assert.Equal(0, await client.ShutdownAsync());
    }

    [Fact]
    public async Task With_run_on_type_an_edit_runs_the_snippets_without_a_save()
    {
        using var folder = new TempFolder();
        var text = "```csharp run\nConsole.WriteLine(6 * 7);\n```\n\n```output\n41\n```\n";
        var post = folder.Write("post.md", text);
        using var client = await LspClient.StartAsync(folder.Path, new JsonObject { ["runOn"] = "type", ["debounceMs"] = 50 });
        await client.OpenAsync(post, text);
        var mismatch = Assert.Single(await client.DiagnosticsAsync(post, 0, version: 1))!;
        Assert.Equal("SC2001", (string?)mismatch["code"]);

        var seen = client.Published;
        await client.ChangeAsync(post, text.Replace("41", "42", StringComparison.Ordinal), 2);
        Assert.Empty(await client.DiagnosticsAsync(post, seen, version: 2));
        // Empty because it ran and passed, not because it has not run yet.
        var hover = await client.RequestAsync("textDocument/hover", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = LspClient.UriOf(post) },
            ["position"] = new JsonObject { ["line"] = 1, ["character"] = 0 },
        });
        Assert.StartsWith("**snippetcheck**: passed", (string?)hover!["contents"]!["value"], StringComparison.Ordinal);
        Assert.Equal(0, await client.ShutdownAsync());
    }

    [Fact]
    public async Task Exit_without_shutdown_ends_with_code_1()
    {
        using var folder = new TempFolder();
        using var client = await LspClient.StartAsync(folder.Path);
        await client.NotifyAsync("exit", null);
        Assert.True(ProcessProbe.WaitUntil(() => client.HasExited, TimeSpan.FromSeconds(30)));
        Assert.Equal(1, client.ExitCode);
    }

    [Fact]
    public async Task Broken_framing_ends_the_server_cleanly_with_its_runners()
    {
        using var folder = new TempFolder();
        var post = folder.Write("post.md", "```csharp run\nConsole.WriteLine(1);\n```\n");
        using var client = await LspClient.StartAsync(folder.Path);
        await client.OpenAsync(post, File.ReadAllText(post));
        await client.SaveAsync(post);
        await client.DiagnosticsAsync(post, 0, version: 1);
        Assert.True(ProcessProbe.WaitUntil(() => ProcessProbe.RunnersOf(client.ProcessId).Count > 0, TimeSpan.FromSeconds(30)));

        await client.SendRawAsync("Content-Length: lots\r\n\r\n"u8.ToArray());
        Assert.True(ProcessProbe.WaitUntil(() => client.HasExited, TimeSpan.FromSeconds(30)));
        Assert.Equal(1, client.ExitCode);
        Assert.Empty(ProcessProbe.RunnersOf(client.ProcessId));
        Assert.DoesNotContain("Unhandled exception", client.Stderr, StringComparison.Ordinal);
    }
}
