using System.Text.Json;
using SnippetCheck.Driver;
using SnippetCheck.Rendering;
using SnippetCheck.Tests.Infrastructure;
using SnippetCheck.Tests.Lsp;

namespace SnippetCheck.Tests.EndToEnd;

/// <summary>
/// The page fixture (docs/authoring.md#the-page-fixture) on the paths FixturePageTests does not take: the framework
/// matrix, <c>render</c> and the language server. Each goes through the same planner as <c>verify</c>; these tests
/// show that each keeps the page one class: a field of the hidden prelude is bound, and each block runs on a fresh
/// instance (the second block sees one entry in the log, not two).
/// </summary>
public sealed class FixtureHostTests
{
    /// <summary>Without the fixture, <c>log</c> is unknown in both blocks (CS0103); with it, a field of the page's class.</summary>
    private const string Page = """
        ---
        snippetcheck:
          fixture: true
        ---
        # A page that is one class

        <!-- snippetcheck: prelude
        List<string> log = ["fresh"];
        -->

        ```csharp
        log.Add("first");
        Console.WriteLine(string.Join(",", this.log));
        ```

        ```output
        fresh,first
        ```

        ```csharp
        Console.WriteLine(log.Count);
        ```

        ```output
        1
        ```

        """;

    [Fact]
    public void On_a_framework_matrix_each_block_runs_on_a_fresh_instance_on_each_framework()
    {
        using var folder = new TempFolder();
        folder.Write("page.md", Page);

        var run = CliRunner.Run(folder.Path, PackageTestCache.Environment, "verify", "page.md", "--no-cache", "--frameworks", "net8.0,net10.0", "--report", "json=r.json");

        Assert.True(run.ExitCode == 0, run.Output);
        var report = JsonReport.Load(Path.Combine(folder.Path, "r.json"));
        Assert.Equal(2, report.Snippets.Count());
        foreach (var snippet in report.Snippets)
        {
            Assert.Equal(["net8.0 passed", "net10.0 passed"],
                snippet.GetProperty("frameworks").EnumerateArray().Select(f => $"{f.Str("framework")} {f.Str("status")}"));
        }

        // The mutant: a block that saw the instance of the block before it would print 2, on either framework.
        folder.Write("page.md", Page.Replace("```output\n1\n```", "```output\n2\n```", StringComparison.Ordinal));
        var mutant = CliRunner.Run(folder.Path, PackageTestCache.Environment, "verify", "page.md", "--no-cache", "--frameworks", "net8.0,net10.0");
        Assert.True(mutant.ExitCode == 1, mutant.Output);
        Assert.Contains("1 passed, 1 failed", mutant.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_binds_the_pages_field_in_each_block_and_marks_both_verified()
    {
        using var folder = new TempFolder();
        folder.Write("page.md", Page);
        var options = new VerifyOptions { Paths = ["page.md"], CurrentDirectory = folder.Path };

        var result = await Renderer.RunAsync(options, new RenderOptions("site"));

        Assert.Equal((2, 0), (result.Report.Passed, result.Report.Failed));
        foreach (var line in new[] { 11, 20 })
        {
            var block = JsonSerializer.Deserialize<RenderedBlock>(File.ReadAllText(Path.Combine(folder.Path, "site", "page", $"L{line}.json")),
                new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
            var classes = block.Tokens.Where(t => block.Code.Split('\n')[t.Line].Substring(t.Character, t.Length) == "log").Select(t => t.Class).Distinct();
            Assert.Equal(["field"], classes);
        }
    }

    [Fact]
    public async Task The_language_server_verifies_the_page_as_one_class_and_puts_an_error_at_its_column()
    {
        using var folder = new TempFolder();
        var broken = Page.Replace("Console.WriteLine(log.Count);", "Console.WriteLine(lgo.Count);", StringComparison.Ordinal);
        var page = folder.Write("page.md", broken);
        using var client = await LspClient.StartAsync(folder.Path);

        await client.OpenAsync(page, broken);
        var diagnostics = await client.DiagnosticsAsync(page, 0, d => d.Any(x => (string?)x!["code"] == "CS0103"), version: 1);

        // Only the misspelt name is unknown: 'log' of the first block is the page's field. 'lgo' is on line 21 (1-based),
        // from column 19.
        var unknown = Assert.Single(diagnostics, d => (string?)d!["code"] == "CS0103")!;
        Assert.Equal((20, 18), ((int)unknown["range"]!["start"]!["line"]!, (int)unknown["range"]!["start"]!["character"]!));
        Assert.Contains("'lgo'", (string?)unknown["message"], StringComparison.Ordinal);

        var seen = client.Published;
        await client.ChangeAsync(page, Page, 2);
        await client.SaveAsync(page);
        var cleared = await client.DiagnosticsAsync(page, seen, d => d.Count == 0, version: 2);
        Assert.Empty(cleared);
        Assert.Equal(0, await client.ShutdownAsync());
    }
}
