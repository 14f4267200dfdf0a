using System.Text.Json;
using System.Text.RegularExpressions;
using Markdig;
using SnippetCheck.Driver;
using SnippetCheck.Markdig;
using SnippetCheck.Rendering;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Unit.Rendering;

/// <summary>
/// <c>render</c> on a real post, in-process with the real compiler and runner: the classes and cards come from the
/// verifying compilation, errors sit on the compiler's span, a query reads the card above its caret, an untagged block
/// is coloured without the mark, the copy keeps every other byte, and a cached render writes the same files.
/// </summary>
public sealed class RenderTests : IClassFixture<RenderTests.RenderedPost>
{
    private static readonly string Query = "//" + new string(' ', "Console.WriteLine(".Length - 2) + "^?";

    private static readonly string Post = $"""
        # Render sample

        ```csharp
        var greeting = "hello";
        Console.WriteLine(greeting.ToUpperInvariant());
        {Query}
        ```

        ```output
        HELLO
        ```

        ```csharp compile-fail
        int number = "text";
        ```

        - A list item:

          ```csharp
          var total = 1 + 2;
          ```

        Text after.

        <!-- snippetcheck: prelude
        record Point(int X, int Y);
        -->

        ```csharp compile
        var point = new Point(1, 2);
        int x = point.X;
        ```

        """;

    /// <summary>The post rendered twice into one folder: cold, then from the cache.</summary>
    public sealed class RenderedPost : IAsyncLifetime
    {
        public TempFolder Folder { get; } = new();
        public RenderResult Cold { get; private set; } = null!;
        public RenderResult Cached { get; private set; } = null!;
        public Dictionary<string, string> ColdFiles { get; private set; } = [];

        public async Task InitializeAsync()
        {
            Folder.Write("post.md", Post);
            var options = new VerifyOptions { Paths = ["post.md"], CurrentDirectory = Folder.Path };
            var render = new RenderOptions("site", InPlaceCopy: true);
            Cold = await Renderer.RunAsync(options, render);
            ColdFiles = Cold.Files.ToDictionary(f => f, File.ReadAllText);
            Cached = await Renderer.RunAsync(options, render);
        }

        public Task DisposeAsync()
        {
            Folder.Dispose();
            return Task.CompletedTask;
        }

        public RenderedBlock Block(int line) =>
            JsonSerializer.Deserialize<RenderedBlock>(File.ReadAllText(Path.Combine(Folder.Path, "site", "post", $"L{line}.json")),
                new JsonSerializerOptions(JsonSerializerDefaults.Web))!;

        public string Html(int line) => File.ReadAllText(Path.Combine(Folder.Path, "site", "post", $"L{line}.html"));
    }

    private readonly RenderedPost _post;

    public RenderTests(RenderedPost post) => _post = post;

    private static string TextOf(RenderedBlock block, int line, int character, int length) => block.Code.Split('\n')[line].Substring(character, length);

    /// <summary>The one class every token with this text has.</summary>
    private static string ClassOf(RenderedBlock block, string text) =>
        Assert.Single(block.Tokens.Where(t => TextOf(block, t.Line, t.Character, t.Length) == text).Select(t => t.Class).Distinct());

    [Fact]
    public void Names_get_the_class_the_compiler_bound_them_to()
    {
        var block = _post.Block(3);
        Assert.Equal("keyword", ClassOf(block, "var"));
        Assert.Equal("local", ClassOf(block, "greeting"));
        Assert.Equal("class", ClassOf(block, "Console"));
        Assert.Equal("method", ClassOf(block, "WriteLine"));
        Assert.Equal("string", ClassOf(block, "\"hello\""));
    }

    [Fact]
    public void Names_come_from_the_verifying_compilation_with_its_hidden_prelude()
    {
        // Bound alone, the block would know neither Point nor X: only the program the verdict came from does.
        var block = _post.Block(29);
        Assert.Equal("property", ClassOf(block, "X"));
        Assert.Contains(block.Nodes, n => n.Type == "hover" && n.Text == "int Point.X { get; init; }");
    }

    [Fact]
    public void A_framework_method_has_its_signature_summary_and_API_page()
    {
        var hover = _post.Block(3).Nodes.Single(n => n.Type == "hover" && n.Text.Contains("WriteLine", StringComparison.Ordinal));
        Assert.Equal("void Console.WriteLine(string? value)", hover.Text);
        Assert.StartsWith("Writes the specified string value", hover.Docs);
        Assert.Equal("https://learn.microsoft.com/dotnet/api/system.console.writeline", hover.Url);
    }

    [Fact]
    public void A_query_line_is_hidden_and_answered_with_the_card_above_its_caret()
    {
        var block = _post.Block(3);
        Assert.Equal(["var greeting = \"hello\";", "Console.WriteLine(greeting.ToUpperInvariant());"], block.Code.Split('\n'));
        var query = Assert.Single(block.Nodes, n => n.Type == "query");
        Assert.Equal("greeting", TextOf(block, query.Line, query.Character, query.Length));
        Assert.Equal("(local variable) string? greeting", query.Text);
    }

    [Fact]
    public void A_verified_run_block_shows_its_output_block_and_the_mark()
    {
        var block = _post.Block(3);
        Assert.True(block.Verified);
        Assert.NotNull(block.Mark);
        // The copy shows the post's own output fence, so its fragment leaves the output out; the fragment alone has it.
        Assert.Null(block.Output);
        Assert.Contains("sc-verified", _post.Html(3), StringComparison.Ordinal);
    }

    [Fact]
    public void A_compile_fail_error_sits_on_the_compilers_span()
    {
        var block = _post.Block(13);
        Assert.Equal("passed", block.Status);
        var error = Assert.Single(block.Nodes, n => n.Type == "error");
        Assert.Equal("CS0029", error.Code);
        Assert.Equal("\"text\"", TextOf(block, error.Line, error.Character, error.Length));
        Assert.Matches("<span class=\"sc-error\" aria-describedby=\"[^\"]+-e0\"><span class=\"sc-string\">&quot;text&quot;</span></span>", _post.Html(13));
    }

    [Fact]
    public void An_untagged_block_is_coloured_without_the_mark()
    {
        var block = _post.Block(19);
        Assert.Equal("untagged", block.Status);
        Assert.False(block.Verified);
        Assert.Null(block.Mark);
        Assert.Equal("local", ClassOf(block, "total"));
    }

    [Fact]
    public void A_fragment_holds_no_blank_line_so_Markdown_keeps_it_as_one_HTML_block()
    {
        foreach (var line in new[] { 3, 13, 19 })
            Assert.DoesNotContain(_post.Html(line).TrimEnd('\n').Split('\n'), l => l.Trim().Length == 0);
    }

    [Fact]
    public void The_copy_replaces_each_fence_and_keeps_every_other_byte()
    {
        var copy = File.ReadAllText(Path.Combine(_post.Folder.Path, "site", "post.md"));
        var original = File.ReadAllText(Path.Combine(_post.Folder.Path, "post.md"));
        var lines = original.Split('\n');
        string Fence(int first, int last) => string.Join('\n', lines[(first - 1)..last]);
        var restored = copy
            .Replace(_post.Html(3).TrimEnd('\n'), Fence(3, 7), StringComparison.Ordinal)
            .Replace(_post.Html(13).TrimEnd('\n'), Fence(13, 15), StringComparison.Ordinal)
            .Replace(_post.Html(29).TrimEnd('\n'), Fence(29, 32), StringComparison.Ordinal)
            .Replace("  " + _post.Html(19).TrimEnd('\n').Replace("\n", "\n  ", StringComparison.Ordinal), Fence(19, 21), StringComparison.Ordinal);
        Assert.Equal(original, restored);
        Assert.Contains("```output", copy, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cached_render_verifies_from_the_cache_and_writes_the_same_files()
    {
        Assert.All(_post.Cached.Report.Snippets.Where(r => r.Status == SnippetCheck.Results.SnippetStatus.Passed), r => Assert.True(r.Cached));
        Assert.Equal(_post.ColdFiles.Keys.Order(), _post.Cached.Files.Order());
        foreach (var file in _post.Cached.Files) Assert.Equal(_post.ColdFiles[file], File.ReadAllText(file));
    }

    [Fact]
    public void The_Markdig_extension_writes_each_rendered_fence_as_its_fragment_and_an_edited_one_as_before()
    {
        var pipeline = new MarkdownPipelineBuilder().UseSnippetCheck(Path.Combine(_post.Folder.Path, "site")).Build();
        var html = global::Markdig.Markdown.ToHtml(Post + "\n```csharp\nConsole.WriteLine(\"edited\");\n```\n", pipeline);
        Assert.Contains(_post.Html(3).TrimEnd('\n'), html, StringComparison.Ordinal);
        Assert.Contains(_post.Html(13).TrimEnd('\n'), html, StringComparison.Ordinal);
        Assert.Contains(_post.Html(19).TrimEnd('\n'), html, StringComparison.Ordinal);
        Assert.Contains("<pre><code class=\"language-csharp\">Console.WriteLine(&quot;edited&quot;);", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_render_over_its_own_output_keeps_unchanged_files_and_writes_a_lost_one_again()
    {
        using var folder = new TempFolder();
        folder.Write("post.md", Post);
        var options = new VerifyOptions { Paths = ["post.md"], CurrentDirectory = folder.Path };
        var render = new RenderOptions("site");
        var first = await Renderer.RunAsync(options, render);
        var written = first.Files.ToDictionary(f => f, f => (Text: File.ReadAllText(f), Time: File.GetLastWriteTimeUtc(f)));
        var lost = first.Files.First(f => f.EndsWith("L3.html", StringComparison.Ordinal));
        File.Delete(lost);

        var second = await Renderer.RunAsync(options, render);
        Assert.Equal(first.Files, second.Files);
        foreach (var file in second.Files)
        {
            Assert.Equal(written[file].Text, File.ReadAllText(file));
            // Kept files are not written again; the lost one is.
            if (file != lost && !file.EndsWith("L3.json", StringComparison.Ordinal)) Assert.Equal(written[file].Time, File.GetLastWriteTimeUtc(file));
        }
        Assert.Contains("sc-verified", File.ReadAllText(lost), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Result_lines_get_their_names_at_the_authors_columns_and_none_of_the_checks_own()
    {
        using var folder = new TempFolder();
        folder.Write("post.md", "<!-- snippetcheck: run results -->\n```csharp\nvar word = \"snippet\";\nword.ToUpperInvariant() => \"SNIPPET\"\nMath.Max(2, word.Length) => 7\n```\n");
        var options = new VerifyOptions { Paths = ["post.md"], CurrentDirectory = folder.Path };
        var result = await Renderer.RunAsync(options, new RenderOptions("site"));
        Assert.Equal(SnippetCheck.Results.SnippetStatus.Passed, Assert.Single(result.Report.Snippets).Status);

        var block = JsonSerializer.Deserialize<RenderedBlock>(File.ReadAllText(Path.Combine(folder.Path, "site", "post", "L2.json")),
            new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        Assert.Equal("local", ClassOf(block, "word"));
        Assert.Equal("method", ClassOf(block, "ToUpperInvariant"));
        Assert.Equal("class", ClassOf(block, "Math"));
        Assert.Equal("method", ClassOf(block, "Max"));
        // The check written around each line (a tuple, Object.Equals, an exception) is the tool's: no card of it.
        Assert.Contains(block.Nodes, n => n.Type == "hover" && n.Text.Contains("Math.Max", StringComparison.Ordinal));
        Assert.DoesNotContain(block.Nodes, n => n.Text.Contains("__", StringComparison.Ordinal) || n.Text.Contains("Equals", StringComparison.Ordinal)
            || n.Text.Contains("InvalidOperationException", StringComparison.Ordinal));
    }

    [Fact]
    public void The_compile_fail_fragment_reads_as_approved()
    {
        var html = Regex.Replace(_post.Html(13), "<figcaption class=\"sc-mark\">.*</figcaption>\n", "");
        Approvals.Verify(html);
    }
}
