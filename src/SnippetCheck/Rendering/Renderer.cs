using System.Reflection;
using System.Text;
using System.Text.Json;
using SnippetCheck.Compilation;
using SnippetCheck.Model;
using SnippetCheck.Reporting;
using SnippetCheck.Verification;

namespace SnippetCheck.Rendering;

/// <summary>What <c>render</c> writes, and where.</summary>
/// <param name="OutputDirectory">Where the fragments, their JSON and the stylesheet go.</param>
/// <param name="InPlaceCopy">Also write each document again under <paramref name="OutputDirectory"/>, its C# fences replaced by their HTML.</param>
/// <param name="Mark">Put the verified mark under verified blocks.</param>
/// <param name="Site">Also write each document as a web page (its copy through Markdig) and an <c>index.html</c>.</param>
public sealed record RenderOptions(string OutputDirectory, bool InPlaceCopy = false, bool Mark = true, bool Site = false)
{
    /// <summary>The post's own output blocks stay under the code (a copy, a page): the fragments then leave them out.</summary>
    public bool KeepsPostOutput => InPlaceCopy || Site;
}

/// <summary>What a render run did: the verification it made, and the files it wrote.</summary>
public sealed record RenderResult(VerificationReport Report, int Blocks, IReadOnlyList<string> Files);

/// <summary>
/// <c>snippetcheck render</c>: verifies as <c>verify</c> does (same cache, same verdicts), noting what the compiler
/// knew of each name as it compiles (<see cref="SemanticCapture"/>), then writes every C# block as an HTML fragment
/// and its JSON twin (docs/render.md).
/// </summary>
public static class Renderer
{
    /// <summary>Code reads as code in the JSON (<c>&lt;</c>, not <c>\u003C</c>): it is data for a pipeline, never inlined into a page.</summary>
    private static readonly RenderJsonContext Json = new(new System.Text.Json.JsonSerializerOptions(RenderJsonContext.Default.Options)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>The stylesheet every fragment's classes refer to, written beside them.</summary>
    public const string StylesheetName = "snippetcheck.css";

    /// <summary>Verifies the documents <paramref name="options"/> name and writes what <paramref name="render"/> asks for.</summary>
    /// <exception cref="VerificationSetupException">As for <see cref="Verifier.RunAsync(CancellationToken)"/>.</exception>
    public static async Task<RenderResult> RunAsync(VerifyOptions options, RenderOptions render, CancellationToken cancellationToken = default)
    {
        var capture = new SemanticCapture();
        VerificationReport report;
        RenderCache cache;
        await using (var verifier = new Verifier(options with { Capture = capture }))
        {
            report = await verifier.RunAsync(cancellationToken).ConfigureAwait(false);
            cache = new RenderCache(verifier.CacheDirectory);
        }
        PhaseTrace.Mark("verified");
        var mark = render.Mark ? new VerifiedMark(ToolInfo.Version, Environment.Version.ToString(), DateTime.UtcNow.ToString("yyyy-MM-dd")) : null;
        var root = Path.GetFullPath(render.OutputDirectory, options.CurrentDirectory);
        var files = new System.Collections.Concurrent.ConcurrentBag<string>();
        void Write(string relative, string text)
        {
            var path = Path.Combine(root, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            files.Add(path);
        }

        var fragments = new System.Collections.Concurrent.ConcurrentDictionary<(string File, int Line), string>();
        // Blocks are independent: each is described, and its two files written, on any core.
        Parallel.ForEach(report.Snippets, new ParallelOptions { CancellationToken = cancellationToken }, result =>
        {
            var notes = NotesOn(result, capture, cache, cancellationToken);
            // A copy keeps the post's own output block under the code: the fragment does not show it twice.
            var showOutput = !render.KeepsPostOutput || result.Snippet.Output is null || result.Snippet.Output.Block.Geometry.Hidden is not null;
            var key = RenderCache.BlockKey(result, notes, showOutput);
            if (cache.TryGetBlock(key) is not { } block)
            {
                block = BlockRenderer.Render(result, notes, mark: null, showOutput);
                cache.StoreBlock(key, block);
            }
            block = block with { Mark = block.Verified ? mark : null };
            var html = HtmlFragment.Write(block);
            fragments[(block.File, block.Line)] = html;
            var folder = SafeRelative(Path.ChangeExtension(block.File, null));
            Write(Path.Combine(folder, block.Id + ".html"), html + "\n");
            Write(Path.Combine(folder, block.Id + ".json"), JsonSerializer.Serialize(block, Json.RenderedBlock) + "\n");
        });
        PhaseTrace.Mark($"{report.Snippets.Count} blocks rendered");
        Write(StylesheetName, Stylesheet());
        var pages = new List<(string Title, string Href)>();
        foreach (var source in report.Sources.Where(_ => render.KeepsPostOutput).OrderBy(s => s.Document.DisplayPath, StringComparer.Ordinal))
        {
            var document = source.Document;
            // Doc comments of C# files have no page of their own.
            if (document.DisplayPath.EndsWith(".cs", StringComparison.OrdinalIgnoreCase)) continue;
            var blocks = report.Snippets.Where(r => r.Location.File == document.DisplayPath).Select(r => r.Snippet.Block).ToList();
            var copy = InPlaceCopy.Of(document, blocks, fragments);
            var relative = SafeRelative(document.DisplayPath);
            if (render.InPlaceCopy) Write(relative, copy);
            if (!render.Site) continue;
            var page = Path.ChangeExtension(relative, ".html");
            var stylesheet = string.Concat(Enumerable.Repeat("../", page.Count(c => c == Path.DirectorySeparatorChar))) + StylesheetName;
            Write(page, SitePage.Of(copy, Path.GetFileNameWithoutExtension(relative), stylesheet));
            pages.Add((SitePage.TitleOf(copy, Path.GetFileNameWithoutExtension(relative)), page.Replace(Path.DirectorySeparatorChar, '/')));
        }
        if (render.Site) Write("index.html", SitePage.Index(pages));
        return new RenderResult(report, report.Snippets.Count, [.. files.Order(StringComparer.Ordinal)]);
    }

    /// <summary>
    /// The compiler's notes on a block's names: from the run's compilations, or for a block no run compiled, from the
    /// render cache or its text bound alone.
    /// </summary>
    private static IReadOnlyList<SymbolNote> NotesOn(SnippetResult result, SemanticCapture capture, RenderCache cache, CancellationToken cancellationToken)
    {
        var lines = FencedBlockLines.Of(result.Snippet);
        if (capture.HasNotesOn(lines)) return capture.NotesOn(lines);
        var key = RenderCache.NotesKey(result);
        if (cache.TryGetNotes(key) is { } kept) return kept;
        capture.CollectUnverified(result.Snippet, cancellationToken);
        var notes = capture.NotesOn(lines);
        cache.StoreNotes(key, [.. notes]);
        return notes;
    }

    /// <summary>The shipped stylesheet (docs/render.md lists its variables).</summary>
    public static string Stylesheet()
    {
        using var stream = typeof(Renderer).Assembly.GetManifestResourceStream(StylesheetName)
            ?? throw new InvalidOperationException($"{StylesheetName} is not embedded in {typeof(Renderer).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>A document's path as a path under the output folder: a path that leaves the current folder stays inside it.</summary>
    private static string SafeRelative(string displayPath)
    {
        var parts = displayPath.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p == ".." ? "_up" : p.TrimEnd(':'));
        return Path.Combine([.. parts]);
    }
}
