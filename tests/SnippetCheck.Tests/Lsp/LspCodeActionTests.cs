using System.Text;
using System.Text.Json.Nodes;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Lsp;

/// <summary>Code actions, hover and code lens of <c>snippetcheck lsp</c>, end to end over stdio.</summary>
public sealed class LspCodeActionTests
{
    /// <summary>Applies a WorkspaceEdit's text edits to <paramref name="text"/> as a client does (LSP positions, CR, LF and CRLF lines).</summary>
    private static string ApplyEdit(string text, JsonNode workspaceEdit)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
            if (text[i] is '\n' or '\r') starts.Add(i + 1);
        }
        int Offset(JsonNode position) => starts[(int)position["line"]!] + (int)position["character"]!;
        var edits = workspaceEdit["documentChanges"]![0]!["edits"]!.AsArray()
            .Select(e => (Start: Offset(e!["range"]!["start"]!), End: Offset(e["range"]!["end"]!), Text: (string)e["newText"]!))
            .OrderByDescending(e => e.Start).ToList();
        foreach (var (start, end, newText) in edits) text = text[..start] + newText + text[end..];
        return text;
    }

    private static JsonObject CodeActionParams(string path, JsonNode? diagnostic, int line) => new()
    {
        ["textDocument"] = new JsonObject { ["uri"] = LspClient.UriOf(path) },
        ["range"] = new JsonObject
        {
            ["start"] = new JsonObject { ["line"] = line, ["character"] = 0 },
            ["end"] = new JsonObject { ["line"] = line, ["character"] = 0 },
        },
        ["context"] = new JsonObject { ["diagnostics"] = diagnostic is null ? new JsonArray() : new JsonArray(diagnostic.DeepClone()) },
    };

    [Fact]
    public async Task Accept_actual_output_is_byte_for_byte_what_accept_writes()
    {
        using var folder = new TempFolder();
        // CRLF, a list item's indentation, and output that holds a fence: the fences must grow, the prefix and line endings stay.
        var text = string.Join("\r\n",
            "# Accept", "", "- An item:", "", "  ```csharp run", "  Console.WriteLine(\"a\\n```\\nb\");", "  ```", "", "  ```output", "  old", "  ```", "", "Done.", "");
        var post = folder.Write("post.md", text);
        using var client = await LspClient.StartAsync(folder.Path);
        await client.OpenAsync(post, text);
        await client.SaveAsync(post);
        var mismatch = (await client.DiagnosticsAsync(post, 0, d => d.Any(x => (string?)x!["code"] == "SC2001"))).First(x => (string?)x!["code"] == "SC2001")!;

        var actions = (JsonArray)(await client.RequestAsync("textDocument/codeAction", CodeActionParams(post, mismatch, (int)mismatch["range"]!["start"]!["line"]!)))!;
        var accept = Assert.Single(actions, a => (string?)a!["title"] == "Accept actual output")!;
        var edited = ApplyEdit(text, accept["edit"]!);
        Assert.Equal(0, await client.ShutdownAsync());

        var cli = CliRunner.Run(folder.Path, "verify", "post.md", "--no-cache", "--accept");
        Assert.Equal(0, cli.ExitCode);
        Assert.Equal(File.ReadAllBytes(post), Encoding.UTF8.GetBytes(edited));
        Assert.Contains("  ````output\r\n  a\r\n  ```\r\n  b\r\n  ````\r\n", edited, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_near_miss_tag_is_fixed_and_an_untagged_block_that_passes_is_offered_its_tag()
    {
        using var folder = new TempFolder();
        var text = """
            # Tags

            ```csharp rnu timout=2s
            Console.WriteLine(1);
            ```

            ```csharp
            Console.WriteLine("untagged, runs");
            ```

            ```csharp
            sealed record Point(int X, int Y);
            ```

            ```csharp
            Console.WriteLine(missing);
            ```

            """;
        var post = folder.Write("post.md", text);
        using var client = await LspClient.StartAsync(folder.Path);
        await client.OpenAsync(post, text);
        var diagnostics = await client.DiagnosticsAsync(post, 0, d => d.Count(x => (string?)x!["code"] == "SC1001") == 2, version: 1);
        foreach (var diagnostic in diagnostics.Where(d => (string?)d!["code"] == "SC1001"))
        {
            var actions = (JsonArray)(await client.RequestAsync("textDocument/codeAction", CodeActionParams(post, diagnostic, 2)))!;
            var fix = Assert.Single(actions)!;
            text = ApplyEdit(text, fix["edit"]!);
        }
        Assert.Contains("```csharp run timeout=2s\n", text, StringComparison.Ordinal);
        var fixedSeen = client.Published;
        await client.ChangeAsync(post, text, 2);
        Assert.DoesNotContain(await client.DiagnosticsAsync(post, fixedSeen, version: 2), d => (string?)d!["code"] == "SC1001");

        await client.SaveAsync(post);
        string? Title(JsonArray actions) => actions.Select(a => (string?)a!["title"]).SingleOrDefault();
        JsonArray? runnable = null, declarations = null, broken = null;
        // Tags are found after the save's diagnostics, by verifying the text with them.
        Assert.True(ProcessProbe.WaitUntil(() =>
        {
            runnable = (JsonArray)client.RequestAsync("textDocument/codeAction", CodeActionParams(post, null, 7)).Result!;
            declarations = (JsonArray)client.RequestAsync("textDocument/codeAction", CodeActionParams(post, null, 11)).Result!;
            broken = (JsonArray)client.RequestAsync("textDocument/codeAction", CodeActionParams(post, null, 15)).Result!;
            return runnable.Count > 0 && declarations.Count > 0;
        }, TimeSpan.FromSeconds(90)), "no 'Add tag' action came");
        Assert.Equal("Add tag 'run' (this block passes as 'run')", Title(runnable!));
        Assert.Equal("Add tag 'compile' (this block passes as 'compile')", Title(declarations!));
        Assert.Empty(broken!);
        var tagged = ApplyEdit(text, runnable![0]!["edit"]!);
        Assert.Contains("```csharp run\nConsole.WriteLine(\"untagged, runs\");", tagged, StringComparison.Ordinal);

        // An edit elsewhere keeps the offer on the unchanged block, moved with it.
        var seen = client.Published;
        var moved = "Intro.\n\n" + text;
        await client.ChangeAsync(post, moved, 3);
        await client.DiagnosticsAsync(post, seen, version: 3);
        var stillOffered = (JsonArray)(await client.RequestAsync("textDocument/codeAction", CodeActionParams(post, null, 9)))!;
        Assert.Equal("Add tag 'run' (this block passes as 'run')", Title(stillOffered));
        Assert.Contains("```csharp run\nConsole.WriteLine(\"untagged, runs\");", ApplyEdit(moved, stillOffered[0]!["edit"]!), StringComparison.Ordinal);
        Assert.Equal(0, await client.ShutdownAsync());
    }

    [Fact]
    public async Task Hover_and_code_lens_show_the_verdict_the_duration_and_the_actual_output()
    {
        using var folder = new TempFolder();
        var text = """
            # Hover

            ```csharp run
            for (var i = 1; i <= 12; i++) Console.WriteLine($"line {i}");
            ```

            ```output
            nothing
            ```

            ```csharp compile
            sealed record Point(int X, int Y);
            ```

            """;
        var post = folder.Write("post.md", text);
        using var client = await LspClient.StartAsync(folder.Path);
        await client.OpenAsync(post, text);
        await client.SaveAsync(post);
        await client.DiagnosticsAsync(post, 0, d => d.Any(x => (string?)x!["code"] == "SC2001"));

        var hover = await client.RequestAsync("textDocument/hover", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = LspClient.UriOf(post) },
            ["position"] = new JsonObject { ["line"] = 2, ["character"] = 3 },
        });
        var markdown = (string)hover!["contents"]!["value"]!;
        Assert.Contains("failed (output-mismatch)", markdown, StringComparison.Ordinal);
        Assert.Matches(@" in \d+ ms", markdown);
        Assert.Contains("line 1\nline 2", markdown, StringComparison.Ordinal);
        Assert.Contains("line 10\n```", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("line 11", markdown, StringComparison.Ordinal);
        Assert.Contains("2 more lines", markdown, StringComparison.Ordinal);

        var lenses = (JsonArray)(await client.RequestAsync("textDocument/codeLens", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = LspClient.UriOf(post) } }))!;
        var titles = lenses.Select(l => ((int)l!["range"]!["start"]!["line"]!, (string)l["command"]!["title"]!)).ToList();
        Assert.Contains((2, "✗ output differs"), titles);
        Assert.Contains(titles, t => t.Item1 == 10 && t.Item2.StartsWith("✓ passed ", StringComparison.Ordinal));

        // After an edit of the prose, the passing block comes from the result cache, not from a new compilation.
        var seen = client.Published;
        await client.ChangeAsync(post, text.Replace("# Hover", "# Hover, edited", StringComparison.Ordinal), 2);
        await client.DiagnosticsAsync(post, seen, version: 2);
        var cached = await client.RequestAsync("textDocument/hover", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = LspClient.UriOf(post) },
            ["position"] = new JsonObject { ["line"] = 11, ["character"] = 0 },
        });
        Assert.Contains("passed", (string)cached!["contents"]!["value"]!, StringComparison.Ordinal);
        Assert.Contains("(cached)", (string)cached!["contents"]!["value"]!, StringComparison.Ordinal);
        Assert.Equal(0, await client.ShutdownAsync());
    }
}
