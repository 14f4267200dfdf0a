using System.Diagnostics;
using System.Text;
using SnippetCheck.Comparison;
using SnippetCheck.DocComments;
using SnippetCheck.Markdown;
using SnippetCheck.Model;
using SnippetCheck.Programs;
using SnippetCheck.Snippets;
using SnippetCheck.Verification;

namespace SnippetCheck.Authoring;

/// <summary>
/// <c>snippetcheck adopt</c> (docs/authoring.md#adopt): verifies every untagged C# block of the Markdown posts and
/// proposes a tag for each that passes: <c>compile</c> when it compiles as written, <c>run</c> when it also has
/// statements (or a <c>Main</c>) that run cleanly, and, when the next fence is a <c>text</c>, <c>console</c> or
/// untagged block holding exactly what the run printed, <c>output</c> on that fence. With <c>write</c> the tags are
/// inserted as invisible comments on a line of their own above each fence, and nothing else in the file changes.
/// </summary>
/// <remarks>
/// Passes through the verifier: every untagged block as <c>compile</c> (what <c>--all</c> does, from the result
/// cache where it can), then each that compiled and has something to execute as <c>run</c>, twice (never from the
/// cache: its output is needed, and both runs must pass and print the same). A block that fails either way is left as it is, so <c>verify</c> afterwards passes with
/// exactly the adopted blocks verified.
/// </remarks>
internal static class Adopter
{
    /// <summary>Info strings of a fence that may become a block's output block.</summary>
    private static readonly string[] OutputLanguages = ["", "text", "console"];

    public static Task<AdoptReport> RunAsync(VerifyOptions options, bool write, CancellationToken cancellationToken = default) =>
        RunAsync(new Verifier(options), options, write, cancellationToken);

    /// <param name="verifier">Made from <paramref name="options"/>; its events report each pass's progress.</param>
    public static async Task<AdoptReport> RunAsync(Verifier verifier, VerifyOptions options, bool write, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var (documents, fileErrors) = verifier.Prepare();
        var adoptable = documents.Where(d => !d.Skip && IsMarkdown(d.Snippets.DisplayPath)).ToList();
        var untagged = adoptable
            .SelectMany(d => d.Snippets.Snippets.Where(s => !s.IsTagged && RunPlanner.Matches(s, options.Filter)).Select(s => (Document: d, Snippet: s)))
            .ToList();

        // Pass 1: as 'compile', which is how an untagged block is verified with --all.
        var compiled = ByBlock(await verifier.VerifyLoneAsync(untagged, useCache: true, cancellationToken).ConfigureAwait(false));

        // Pass 1b: what failed as members outside a type, as 'compile members' (inside a class the tool adds).
        var memberBlocks = untagged
            .Where(u => compiled.TryGetValue(Key(u.Snippet), out var r) && r.Status == SnippetStatus.Failed && IsMembersOutsideAType(r))
            .Select(u => (u.Document, Snippet: u.Snippet with { Tags = u.Snippet.Tags with { Kind = SnippetKind.Compile, Members = true } }))
            .ToList();
        var asMembers = ByBlock(await verifier.VerifyLoneAsync(memberBlocks, useCache: true, cancellationToken).ConfigureAwait(false));

        // Pass 1c: what still fails only on unknown names that each resolve in one namespace, with those usings.
        var guesses = new Dictionary<(string, int), UsingInference.Guess>();
        var usingBlocks = new List<(PreparedDocument Document, Snippet Snippet)>();
        foreach (var (document, snippet) in untagged)
        {
            var failed = asMembers.GetValueOrDefault(Key(snippet)) ?? compiled.GetValueOrDefault(Key(snippet));
            if (failed is not { Status: SnippetStatus.Failed }) continue;
            var program = SnippetProgram.Lone(document.Snippets, failed.Snippet, document.Settings);
            if (UsingInference.For(snippet, failed.Diagnostics, program.Settings.References, program.Settings.Usings) is not { } guess) continue;
            guesses[Key(snippet)] = guess;
            if (guess.Usings.Count > 0) usingBlocks.Add((document, failed.Snippet with { Tags = failed.Snippet.Tags with { Kind = SnippetKind.Compile, Usings = guess.Usings } }));
        }
        var withUsings = ByBlock(await verifier.VerifyLoneAsync(usingBlocks, useCache: true, cancellationToken).ConfigureAwait(false));

        // The tags each block compiles with: as written, as members, with usings.
        var compiles = new Dictionary<(string, int), SnippetTags>();
        foreach (var results in new[] { compiled, asMembers, withUsings })
        {
            foreach (var (key, result) in results.Where(r => r.Value.Status == SnippetStatus.Passed)) compiles.TryAdd(key, result.Snippet.Tags);
        }

        // Pass 2: what compiled and has something to execute, as 'run', for its verdict and its output.
        var runnable = untagged
            .Where(u => compiles.TryGetValue(Key(u.Snippet), out var tags) && HasEntryPoint(u.Document, u.Snippet with { Tags = tags }))
            .Select(u => (u.Document, Snippet: u.Snippet with { Tags = compiles[Key(u.Snippet)] with { Kind = SnippetKind.Run } }))
            .ToList();
        // Twice: a block that races or prints something new each run (a time, a GUID, thread interleaving) would pass
        // once and fail in the next verify; a 'run' tag and an output block are proposed only when both runs agree.
        var ran = ByBlock(await verifier.VerifyLoneAsync(runnable, useCache: false, cancellationToken).ConfigureAwait(false));
        var again = ByBlock(await verifier.VerifyLoneAsync(
            [.. runnable.Where(r => ran.GetValueOrDefault(Key(r.Snippet))?.Status == SnippetStatus.Passed)], useCache: false, cancellationToken).ConfigureAwait(false));

        var files = new List<AdoptFile>();
        foreach (var document in adoptable)
        {
            var blocks = untagged.Where(u => ReferenceEquals(u.Document, document)).Select(u => u.Snippet).ToList();
            if (blocks.Count == 0) continue;
            var proposals = new List<AdoptProposal>();
            var failures = new List<SnippetResult>();
            var notes = new List<AdoptNote>();
            foreach (var snippet in blocks)
            {
                var key = Key(snippet);
                if (guesses.GetValueOrDefault(key) is { Ambiguous.Count: > 0 } guess)
                {
                    notes.Add(new AdoptNote(snippet.Location, "no using added: " + string.Join("; ", guess.Ambiguous.Select(a =>
                        $"'{a.Name}' is a type in {string.Join(" and ", a.Namespaces)}")) + "; add the one the post means as usings=NAMESPACE"));
                }
                if (!compiles.TryGetValue(key, out var tags))
                {
                    var failed = withUsings.GetValueOrDefault(key) ?? asMembers.GetValueOrDefault(key) ?? compiled.GetValueOrDefault(key);
                    if (failed?.Status == SnippetStatus.Failed) failures.Add(failed);
                    continue;
                }
                if (CommentPrefix(snippet.Block) is null)
                {
                    notes.Add(new AdoptNote(snippet.Location, "passes, but left untagged: its fence shares its line with a list marker, so no comment line can stand above it in the same list item"));
                    continue;
                }
                if (ran.GetValueOrDefault(key) is { Status: SnippetStatus.Passed } runResult &&
                    again.GetValueOrDefault(key) is { Status: SnippetStatus.Passed } secondRun)
                {
                    var output = runResult.ActualOutput == secondRun.ActualOutput ? OutputFenceFor(document.Snippets, snippet, runResult.ActualOutput) : null;
                    proposals.Add(new AdoptProposal(snippet, SnippetKind.Run, output) { Members = tags.Members, Usings = tags.Usings });
                }
                else
                {
                    proposals.Add(new AdoptProposal(snippet, SnippetKind.Compile, null) { Members = tags.Members, Usings = tags.Usings });
                }
            }
            files.Add(new AdoptFile(document.Snippets.Source.Document, blocks.Count, proposals, failures, notes));
        }

        if (write)
        {
            for (var i = 0; i < files.Count; i++)
            {
                if (files[i].Proposals.Count == 0) continue;
                files[i] = files[i] with { WriteProblem = Write(files[i]), WriteTried = true };
            }
        }
        var errors = fileErrors.Concat(documents.SelectMany(d => d.Errors)).ToList();
        return new AdoptReport(files, errors, write, clock.Elapsed);
    }

    private static bool IsMarkdown(string path) =>
        path.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".markdown", StringComparison.OrdinalIgnoreCase) || IsMdx(path);

    private static bool IsMdx(string path) => path.EndsWith(".mdx", StringComparison.OrdinalIgnoreCase);

    private static (string File, int Line) Key(Snippet snippet) => (snippet.Location.File, snippet.Location.Line);

    private static Dictionary<(string, int), SnippetResult> ByBlock(IReadOnlyList<SnippetResult> results) =>
        results.GroupBy(r => Key(r.Snippet)).ToDictionary(g => g.Key, g => g.First());

    /// <summary>
    /// The compiler's errors for methods, properties and fields written outside a type: a modifier on what it reads as
    /// a local function (CS0106), a member directly in the file (CS9348, CS0116).
    /// </summary>
    private static bool IsMembersOutsideAType(SnippetResult result) =>
        result.Diagnostics.Any(d => d.Id is "CS0106" or "CS9348" or "CS0116");

    private static bool HasEntryPoint(PreparedDocument document, Snippet snippet)
    {
        var program = SnippetProgram.Lone(document.Snippets, snippet, document.Settings);
        return !program.BlockParts(program.Settings)[0].IsEmpty && program.HasEntryPoint(program.Settings, [0]);
    }

    /// <summary>
    /// The fence after the block, when it is the next fence of the post, is a <c>text</c>, <c>console</c> or untagged
    /// block that belongs to no snippet, and holds what the block printed (nothing printed: no output block).
    /// </summary>
    private static FencedBlock? OutputFenceFor(SnippetDocument document, Snippet snippet, string? printed)
    {
        if (string.IsNullOrWhiteSpace(printed)) return null;
        var items = document.Source.Items;
        var index = -1;
        for (var i = 0; i < items.Count; i++)
        {
            if (ReferenceEquals(items[i], snippet.Block)) index = i;
        }
        if (index < 0) return null;
        var next = items.Skip(index + 1).OfType<FencedBlock>().FirstOrDefault();
        if (next is null || SnippetReader.IsCSharp(next) || next.Comments.Count > 0 || next.Arguments.Trim().Length > 0 ||
            !OutputLanguages.Contains(next.Info.Trim(), StringComparer.OrdinalIgnoreCase) ||
            !next.Geometry.IsClosed || next.Geometry.XmlEscaped || CommentPrefix(next) is null)
        {
            return null;
        }
        return MatchesExactly(next.Content, printed) ? next : null;
    }

    /// <summary>
    /// Whether the fence holds what the block printed, as <c>verify</c> will compare it (line endings, trailing white
    /// space and surrounding blank lines aside, exact).
    /// </summary>
    private static bool MatchesExactly(string fence, string printed)
    {
        // Both sides through the default scrubbers, exactly as verify will compare them: a post printing a GUID or a
        // time still adopts its output fence.
        return OutputComparer.Compare(fence, printed, OutputMatchMode.Exact, Scrubbing.Default).Matches;
    }

    /// <summary>The prefix an inserted comment line takes: the fence's container prefix; null when that holds a list marker.</summary>
    internal static string? CommentPrefix(FencedBlock block)
    {
        var prefix = block.Geometry.LinePrefix;
        return BlockRewrite.ContinuationPrefix(prefix) == prefix ? prefix : null;
    }

    /// <summary>The invisible tag comment: an HTML comment in Markdown, a JSX comment in MDX (where HTML comments are not allowed).</summary>
    public static string TagComment(string path, string words) =>
        IsMdx(path) ? $"{{/* snippetcheck: {words} */}}" : $"<!-- snippetcheck: {words} -->";

    /// <summary>Inserts the file's tag comments, which must read back as exactly the proposed tags (<see cref="DocumentRewriter"/>).</summary>
    /// <returns>Null when written; otherwise why not.</returns>
    private static string? Write(AdoptFile file) => DocumentRewriter.Rewrite(file.Document,
        current => Apply(current, file.Document, file.Proposals), rewritten => ParsesBack(file.Document, rewritten, file.Proposals),
        "the tagged file would not read back with exactly the proposed tags (please report it with the file)");

    /// <summary>
    /// Inserts, above each fence line, a line of its own: the fence's container prefix, the comment, and the fence
    /// line's own line ending. No existing byte changes.
    /// </summary>
    internal static string Apply(string text, SourceDocument document, IReadOnlyList<AdoptProposal> proposals) =>
        TextEdit.Apply(text, proposals.SelectMany(proposal => (IEnumerable<TextEdit>)[
            Insert(text, document, proposal.Snippet.Block, proposal.Words),
            .. proposal.Output is { } output ? [Insert(text, document, output, "output")] : Array.Empty<TextEdit>()]));

    private static TextEdit Insert(string text, SourceDocument document, FencedBlock fence, string words)
    {
        var lineStart = document.Lines.LineStart(fence.Location.Line);
        var lineEnding = BlockRewrite.LineEndingBefore(text, fence.Geometry.BodyStart);
        return new TextEdit(lineStart, lineStart, CommentPrefix(fence) + TagComment(document.DisplayPath, words) + lineEnding);
    }

    /// <summary>
    /// The tagged file must hold the same fences (info strings and bodies), and read back with each proposed block
    /// tagged as proposed (its output block attached when one was proposed) and every other block as it was.
    /// </summary>
    private static bool ParsesBack(SourceDocument original, string rewritten, IReadOnlyList<AdoptProposal> proposals)
    {
        var before = DocumentExtractor.Extract(original);
        var after = DocumentExtractor.Extract(SourceDocument.FromText(original.FullPath, original.DisplayPath, rewritten));
        var fencesBefore = before.Items.OfType<FencedBlock>().ToList();
        var fencesAfter = after.Items.OfType<FencedBlock>().ToList();
        if (fencesBefore.Count != fencesAfter.Count) return false;
        for (var i = 0; i < fencesBefore.Count; i++)
        {
            if (fencesBefore[i].Info != fencesAfter[i].Info || fencesBefore[i].Arguments != fencesAfter[i].Arguments ||
                fencesBefore[i].Content != fencesAfter[i].Content || fencesBefore[i].Geometry.LinePrefix != fencesAfter[i].Geometry.LinePrefix)
            {
                return false;
            }
        }
        var snippetsBefore = SnippetReader.Read(before).Snippets;
        var snippetsAfter = SnippetReader.Read(after).Snippets;
        if (snippetsBefore.Count != snippetsAfter.Count) return false;
        var proposed = proposals.ToDictionary(p => p.Snippet.Location.Line);
        for (var i = 0; i < snippetsBefore.Count; i++)
        {
            var (old, now) = (snippetsBefore[i], snippetsAfter[i]);
            if (proposed.TryGetValue(old.Location.Line, out var proposal))
            {
                if (now.Tags.Kind != proposal.Kind || now.Tags.Members != proposal.Members || !now.Tags.Usings.SequenceEqual(proposal.Usings) || now.HasAnnotationErrors || (now.Output is null) != (proposal.Output is null) ||
                    (now.Output is { } output && output.Block.Content != proposal.Output!.Content))
                {
                    return false;
                }
            }
            else if (now.Tags.Original != old.Tags.Original || (now.Output is null) != (old.Output is null) || now.IsTagged != old.IsTagged)
            {
                return false;
            }
        }
        return true;
    }
}

/// <summary>A tag <c>adopt</c> proposes for one untagged block, and the fence to mark as its output, if any.</summary>
internal sealed record AdoptProposal(Snippet Snippet, SnippetKind Kind, FencedBlock? Output)
{
    /// <summary>The block compiles only as members inside a class the tool adds: tagged <c>members</c> as well.</summary>
    public bool Members { get; init; }

    /// <summary>Namespaces the block compiles with as hidden usings (<c>usings=</c>); empty for none.</summary>
    public IReadOnlyList<string> Usings { get; init; } = [];

    /// <summary>The tag words written above the fence.</summary>
    public string Words => Kind.ToTag() + (Members ? " members" : "") + (Usings.Count > 0 ? " usings=" + string.Join(',', Usings) : "");
}

/// <summary>Something <c>adopt</c> says about one block besides the table (a block that passes but cannot be tagged).</summary>
internal sealed record AdoptNote(SourceLocation Location, string Message)
{
    public override string ToString() => $"{Location}: {Message}";
}

/// <summary>One file's untagged blocks: what would be tagged, what still fails, and whether the tags were written.</summary>
/// <param name="Blocks">Untagged C# blocks in the file (those <c>adopt</c> looked at).</param>
internal sealed record AdoptFile(SourceDocument Document, int Blocks, IReadOnlyList<AdoptProposal> Proposals, IReadOnlyList<SnippetResult> Failures, IReadOnlyList<AdoptNote> Notes)
{
    public string Path => Document.DisplayPath;
    public int Compile => Proposals.Count(p => p.Kind == SnippetKind.Compile);
    public int Members => Proposals.Count(p => p.Members);
    public int WithUsings => Proposals.Count(p => p.Usings.Count > 0);
    public int Run => Proposals.Count(p => p.Kind == SnippetKind.Run);
    public int Output => Proposals.Count(p => p.Output is not null);
    public int StillFailing => Failures.Count;
    /// <summary>With <c>--write</c>: true once a write of the file was tried.</summary>
    public bool WriteTried { get; init; }

    /// <summary>Why the tried write was refused; null when it was not (or none was tried).</summary>
    public string? WriteProblem { get; init; }

    /// <summary>The file now holds the proposals.</summary>
    public bool Written => WriteTried && WriteProblem is null;
}

/// <summary>Everything one <c>adopt</c> run found and did.</summary>
internal sealed record AdoptReport(IReadOnlyList<AdoptFile> Files, IReadOnlyList<FileError> Errors, bool Write, TimeSpan Duration)
{
    public int Blocks => Files.Sum(f => f.Blocks);
    public int Compile => Files.Sum(f => f.Compile);

    /// <summary>Of <see cref="Compile"/>, the blocks tagged <c>members</c> too.</summary>
    public int Members => Files.Sum(f => f.Members);

    /// <summary>Blocks tagged with hidden <c>usings=</c>.</summary>
    public int WithUsings => Files.Sum(f => f.WithUsings);
    public int Run => Files.Sum(f => f.Run);
    public int Output => Files.Sum(f => f.Output);
    public int StillFailing => Files.Sum(f => f.StillFailing);
    public int Adopted => Compile + Run;

    /// <summary>Files whose tags could not be written (with <c>--write</c>).</summary>
    public IEnumerable<AdoptFile> Refused => Files.Where(f => f.WriteProblem is not null);

    /// <summary>Blocks tagged in files that were written.</summary>
    public int Tagged => Files.Where(f => f.Written).Sum(f => f.Proposals.Count);
}
