using System.Text.Json.Nodes;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Lsp;

/// <summary>What else a document can be: MDX, a C# file's doc comments, a post under a broken config; and the compiler's own spans.</summary>
public sealed class LspDocumentKindTests
{
    private static JsonNode Single(JsonArray diagnostics, string code) => diagnostics.Single(d => (string?)d!["code"] == code)!;

    private static (int, int, int, int) Span(JsonNode diagnostic)
    {
        var range = diagnostic["range"]!;
        return ((int)range["start"]!["line"]!, (int)range["start"]!["character"]!, (int)range["end"]!["line"]!, (int)range["end"]!["character"]!);
    }

    [Fact]
    public async Task Mdx_gets_the_compilers_own_spans_and_a_broken_config_is_a_diagnostic_until_it_is_fixed()
    {
        using var folder = new TempFolder();
        var text = """
            import { Note } from './note'

            <Note>An MDX post.</Note>

            ```csharp compile title="Count.cs"
            int count = "three";
            ```

            """;
        var post = folder.Write("post.mdx", text);
        using var client = await LspClient.StartAsync(folder.Path);
        await client.OpenAsync(post, text);
        var diagnostics = await client.DiagnosticsAsync(post, 0, version: 1);
        // CS0029 spans the string literal exactly: columns 13 to 20 of line 6 (1-based).
        Assert.Equal((5, 12, 5, 19), Span(Single(diagnostics, "CS0029")));
        // A blog engine's word is a warning, on the fence line.
        var foreign = Single(diagnostics, "SC1009");
        Assert.Equal(2, (int)foreign["severity"]!);
        Assert.Equal(4, Span(foreign).Item1);

        File.WriteAllText(Path.Combine(folder.Path, "snippetcheck.json"), """{ "timeuot": "5s" }""");
        var seen = client.Published;
        await client.ChangeAsync(post, text, 2);
        var broken = await client.DiagnosticsAsync(post, seen, version: 2);
        var config = Single(broken, "SC3001");
        Assert.Contains("timeuot", (string?)config["message"], StringComparison.Ordinal);
        Assert.Equal((0, 0, 0, 0), Span(config));

        File.WriteAllText(Path.Combine(folder.Path, "snippetcheck.json"), """{ "timeout": "5s" }""");
        // The file's timestamp must move for the server to read it again; a coarse clock may need a moment.
        File.SetLastWriteTimeUtc(Path.Combine(folder.Path, "snippetcheck.json"), DateTime.UtcNow.AddSeconds(5));
        seen = client.Published;
        await client.ChangeAsync(post, text, 3);
        Assert.True(await client.DiagnosticsAsync(post, seen, version: 3) is var again && again.Any(d => (string?)d!["code"] == "CS0029") && !again.Any(d => (string?)d!["code"] == "SC3001"));
        Assert.Equal(0, await client.ShutdownAsync());
    }

    [Fact]
    public async Task A_csharp_files_doc_comment_examples_get_the_CLIs_diagnostics()
    {
        using var folder = new TempFolder();
        var text = """
            namespace Demo;

            /// <summary>Doubles.</summary>
            /// <example>
            /// <code snippetcheck="run">
            /// Console.WriteLine(Twice(undefinedValue));
            /// </code>
            /// </example>
            public static class Calc
            {
                public static int Twice(int x) => 2 * x;
            }

            """;
        var source = folder.Write("Calc.cs", text);
        using var client = await LspClient.StartAsync(folder.Path);
        await client.OpenAsync(source, text);
        var diagnostics = await client.DiagnosticsAsync(source, 0, d => d.Count > 0, version: 1);
        await client.ShutdownAsync();

        var cli = CliRunner.Run(folder.Path, "verify", "Calc.cs", "--no-cache", "--report", "json=report.json");
        Assert.Equal(1, cli.ExitCode);
        var failed = Assert.Single(JsonReport.Load(Path.Combine(folder.Path, "report.json")).Snippets, s => s.Str("status") == "failed");
        // Without the library built (a lone .cs file), 'Demo' is not found, and the example's own names neither: the
        // same three errors at the same places, on the doc comment's lines (5 and 6).
        var fromCli = failed.GetProperty("diagnostics").EnumerateArray().Where(d => d.Str("severity") == "error")
            .Select(d => (d.Str("id"), d.Int("line") - 1, d.Int("column") - 1)).Order().ToList();
        var fromServer = diagnostics.Where(d => (int)d!["severity"]! == 1)
            .Select(d => ((string?)d!["code"], (int)d["range"]!["start"]!["line"]!, (int)d["range"]!["start"]!["character"]!)).Order().ToList();
        Assert.Equal(3, fromCli.Count);
        Assert.Equal(fromCli, fromServer);
        Assert.Contains(("CS0103", 5, 28), fromServer);
    }
}
