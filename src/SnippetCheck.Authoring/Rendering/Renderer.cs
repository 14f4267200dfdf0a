using System.Collections.Concurrent;
using SnippetCheck.Caching;
using SnippetCheck.Compilation;
using SnippetCheck.Driver;
using SnippetCheck.Model;
using SnippetCheck.Reporting;
using SnippetCheck.Results;

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
/// <param name="NotWritten">
/// Documents asked for as a copy or a page that render could not write, each with why; and every file not written because it,
/// or a folder on its way below the output folder, is a symbolic link (<paramref name="LinkRefused"/>).
/// </param>
/// <param name="LinkRefused">True when a link in the output folder kept a file from being written: the run fails.</param>
public sealed record RenderResult(
    VerificationReport Report, int Blocks, IReadOnlyList<string> Files, IReadOnlyList<string> NotWritten, bool LinkRefused = false);

/// <summary>
/// <c>snippetcheck render</c>: verifies as <c>verify</c> does (same cache, same verdicts), noting what the compiler
/// knew of each name as it compiles (its <see cref="RunObserver"/> takes the notes), then writes every C# block as an HTML fragment
/// and its JSON twin (docs/render.md).
/// </summary>
public static class Renderer
{
    /// <summary>The stylesheet every fragment's classes refer to, written beside them.</summary>
    public const string StylesheetName = "snippetcheck.css";

    /// <summary>Verifies the documents <paramref name="options"/> name and writes what <paramref name="render"/> asks for.</summary>
    /// <exception cref="VerificationSetupException">As for <see cref="Verifier.RunAsync(CancellationToken)"/>.</exception>
    public static async Task<RenderResult> RunAsync(VerifyOptions options, RenderOptions render, CancellationToken cancellationToken = default)
    {
        var root = Path.GetFullPath(render.OutputDirectory, options.CurrentDirectory);
        // Never through a linked --out (a pull request's site -> ~): refused before anything runs, trusted or not.
        ToolCache.RefuseLinkedOutput("render --out", root, options.CurrentDirectory);
        var capture = new NoteTaker();
        var verifier = new Verifier(options) { Observer = capture };
        var report = await verifier.RunAsync(cancellationToken).ConfigureAwait(false);
        var cache = new RenderCache(verifier.CacheDirectory);
        Verifier.TracePhase("verified");
        var mark = render.Mark ? new VerifiedMark(ToolInfo.ReleaseVersion, Environment.Version.ToString(), DateTime.UtcNow.ToString("yyyy-MM-dd"))
            : null;
        var output = new OutputFolder(root);
        var fragments = new ConcurrentDictionary<(string File, int Line), string>();
        var linked = new ConcurrentBag<string>();
        // Documents are independent: each is described, and its files written, on any core.
        Parallel.ForEach(report.Snippets.GroupBy(r => r.Location.File, StringComparer.Ordinal),
            new ParallelOptions { CancellationToken = cancellationToken },
            document => Refusing(linked, $"{document.Key}: no fragments", () =>
                WriteFragments(document, render, mark, output, capture, cache, fragments, cancellationToken)));
        Verifier.TracePhase($"{report.Snippets.Count} blocks rendered");
        Refusing(linked, StylesheetName, () => output.Write(StylesheetName, Stylesheet()));
        var notWritten = WritePages(report, render, output, fragments, linked);
        output.Save();
        return new RenderResult(report, report.Snippets.Count, output.Files, [.. linked.Order(StringComparer.Ordinal), .. notWritten],
            LinkRefused: !linked.IsEmpty);
    }

    /// <summary>Does <paramref name="write"/>; a file it refused as linked is noted in <paramref name="linked"/>.</summary>
    private static void Refusing(ConcurrentBag<string> linked, string what, Action write)
    {
        try
        {
            write();
        }
        catch (LinkedFileRefused e)
        {
            linked.Add($"{what}: {e.Message}");
        }
    }

    /// <summary>
    /// One document's fragments and their JSON, from the render cache when its blocks are unchanged; each fragment's HTML
    /// is also kept in <paramref name="fragments"/> for the document's copy and page.
    /// </summary>
    private static void WriteFragments(
        IGrouping<string, SnippetResult> document, RenderOptions render, VerifiedMark? mark, OutputFolder output, RunObserver capture,
        RenderCache cache, ConcurrentDictionary<(string File, int Line), string> fragments, CancellationToken cancellationToken)
    {
        var results = document.OrderBy(r => r.Location.Line).ToList();
        // A copy or a page keeps the post's own output block under the code: the fragment does not show it twice.
        var showOutput = results.Select(
            r => !render.KeepsPostOutput || r.Snippet.OutputLocation is null || r.Snippet.HasHiddenOutput).ToList();
        var notes = results.Select(r => NotesOf(r, capture, cache, cancellationToken)).ToList();
        var key = RenderCache.DocumentKey(results.Select((r, i) => RenderCache.BlockKey(r, notes[i].Identity, showOutput[i])));
        // A copy or a page needs the fragments themselves; fragments alone, unchanged since the last render here, need nothing.
        var stamp = key + " " + (mark is null ? "no mark" : $"{mark.Tool} {mark.Dotnet} {mark.Date}");
        if (!render.KeepsPostOutput && output.TryKeep(stamp)) return;
        if (cache.TryGetDocument(key) is not { } blocks || blocks.Count != results.Count)
        {
            blocks = [.. results.Select((r, i) => RenderedFiles.Of(BlockRenderer.Render(r, notes[i].Get(), mark: null, showOutput[i])))];
            cache.StoreDocument(key, blocks);
        }
        var files = new List<string>(2 * blocks.Count);
        foreach (var block in blocks)
        {
            var (html, json) = block.WithMark(mark);
            fragments[(block.File, block.Line)] = html;
            var folder = SafeRelative(Path.ChangeExtension(block.File, null));
            files.Add(output.Write(Path.Combine(folder, block.Id + ".html"), html + "\n"));
            files.Add(output.Write(Path.Combine(folder, block.Id + ".json"), json + "\n"));
        }
        output.Record(stamp, files);
    }

    /// <summary>
    /// Each document's copy and web page, as <paramref name="render"/> asks, and the site's index; returns the documents
    /// not written, each with why.
    /// </summary>
    private static List<string> WritePages(VerificationReport report, RenderOptions render, OutputFolder output,
        ConcurrentDictionary<(string File, int Line), string> fragments, ConcurrentBag<string> linked)
    {
        var pages = new List<(string Title, string Href)>();
        var notWritten = new List<string>();
        foreach (var document in report.Documents.Where(_ => render.KeepsPostOutput).OrderBy(d => d.DisplayPath, StringComparer.Ordinal))
        {
            // Doc comments of C# files have no page of their own.
            if (document.DisplayPath.EndsWith(".cs", StringComparison.OrdinalIgnoreCase)) continue;
            if (document.IsMdx)
            {
                // MDX reads HTML as JSX: 'class', 'tabindex' and a '{' in code would not survive it.
                notWritten.Add($"{document.DisplayPath}: no copy or page: MDX reads HTML as JSX; use its fragments' JSON from a component instead " +
                    $"(docs/render.md)");
                continue;
            }
            var blocks = report.Snippets.Where(r => r.Location.File == document.DisplayPath).Select(r => r.Snippet).ToList();
            var copy = InPlaceCopy.Of(document, blocks, fragments);
            var relative = SafeRelative(document.DisplayPath);
            try
            {
                if (render.InPlaceCopy) output.Write(relative, copy);
                if (!render.Site) continue;
                var page = Path.ChangeExtension(relative, ".html");
                var stylesheet = string.Concat(Enumerable.Repeat("../", page.Count(c => c == Path.DirectorySeparatorChar))) + StylesheetName;
                var (title, html) = SitePage.Of(copy, Path.GetFileNameWithoutExtension(relative), stylesheet);
                output.Write(page, html);
                pages.Add((title, page.Replace(Path.DirectorySeparatorChar, '/')));
            }
            catch (LinkedFileRefused e)
            {
                linked.Add($"{document.DisplayPath}: no copy or page: {e.Message}");
            }
        }
        if (render.Site) Refusing(linked, "index.html", () => output.Write("index.html", SitePage.Index(pages)));
        return notWritten;
    }

    /// <summary>A block's notes: what they are a function of, and how to get them when its description is not cached.</summary>
    private sealed record BlockNotes(string Identity, Func<IReadOnlyList<SymbolNote>> Get);

    /// <summary>The observer of the run's compilations: it keeps their notes, which outlive the verifier.</summary>
    private sealed class NoteTaker() : RunObserver(capturesNotes: true);

    /// <summary>
    /// The compiler's notes on a block's names: from the run's compilations or the ones kept beside cached verdicts, or
    /// for a block no run compiled, from the render cache or its text bound alone.
    /// </summary>
    private static BlockNotes NotesOf(SnippetResult result, RunObserver capture, RenderCache cache, CancellationToken cancellationToken)
    {
        var block = result.Snippet;
        if (capture.KeptProgramOf(block) is { } program) return new BlockNotes("program " + program, () => capture.NotesOn(block));
        if (capture.HasNotesOn(block)) return new BlockNotes(
            "notes " + RenderCache.NotesIdentity(capture.NotesOn(block)), () => capture.NotesOn(block));
        var key = RenderCache.NotesKey(result);
        return new BlockNotes("unverified " + key, () =>
        {
            if (cache.TryGetNotes(key) is { } kept) return kept;
            capture.CollectUnverifiedNotes(result.Snippet, cancellationToken);
            var notes = capture.NotesOn(block);
            cache.StoreNotes(key, [.. notes]);
            return notes;
        });
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
