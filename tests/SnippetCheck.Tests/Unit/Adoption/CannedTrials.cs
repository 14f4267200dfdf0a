using System.Text.RegularExpressions;
using SnippetCheck.Adoption;
using SnippetCheck.Adoption.Proposals;
using SnippetCheck.Compilation;
using SnippetCheck.Configuration;
using SnippetCheck.Driver;
using SnippetCheck.Extraction;
using SnippetCheck.Extraction.Markdown;
using SnippetCheck.Extraction.Snippets;
using SnippetCheck.Model;
using SnippetCheck.Programs;
using SnippetCheck.References;
using SnippetCheck.Results;
using SnippetCheck.Tests.Infrastructure;
using SnippetCheck.Loading;

namespace SnippetCheck.Tests.Unit.Adoption;

/// <summary>
/// A fake of adopt's one seam (<see cref="IBlockTrials"/>): every trial is answered by <c>answer</c> with a recorded
/// result (the compiler's diagnostic at the name it would point at, a run's output) instead of compiling, so an inference
/// rule is tested in milliseconds. It keeps each trial it was asked, in order, for a test to say what adopt tried. What adopt
/// is handed beside the seam is canned here too: the package lookups (<see cref="Feed"/>) and the pages read again
/// (<see cref="Prepare"/>).
/// </summary>
internal sealed class CannedTrials(Func<Snippet, SnippetResult> answer) : IBlockTrials
{
    private readonly Lock _lock = new();

    /// <summary>Every block tried, with its tags as tried.</summary>
    public List<Snippet> Asked { get; } = [];

    public SnippetCheckConfig Config { get; } = new();

    /// <summary>The run's pages, as <see cref="Prepare"/> reads them again (a page fixture's trial reads them as fixtures).</summary>
    public IReadOnlyList<PreparedDocument> Pages { get; init; } = [];

    /// <summary>Every page text verified as written (<see cref="VerifyWrittenAsync"/>), in order, a list per call.</summary>
    public List<IReadOnlyList<DocumentText>> Written { get; } = [];

    /// <summary>
    /// <see cref="Pages"/> read again as the loader reads them with <paramref name="trial"/> laid over their front matter
    /// (what adopt's entry point hands its page fixtures as <c>Verifier.PrepareAs</c>).
    /// </summary>
    public IReadOnlyList<PreparedDocument> Prepare(SnippetCheckConfig trial) =>
        [.. Pages.Select(p => AdoptionHarness.Read(p.Snippets.Source.Document, Config, trial))];

    public Task<IReadOnlyList<SnippetResult>> VerifyLoneAsync(
        IReadOnlyList<(PreparedDocument Document, Snippet Snippet)> blocks, bool useCache, CancellationToken cancellationToken) =>
        Answer(blocks.Select(b => b.Snippet));

    public Task<IReadOnlyList<SnippetResult>> VerifySessionsAsync(
        IReadOnlyList<(PreparedDocument Document, string Session, IReadOnlyList<Snippet> Blocks)> sessions, CancellationToken cancellationToken) =>
        Answer(sessions.SelectMany(s => s.Blocks));

    /// <summary>How a block answers when its page is tried as one class (a page fixture); <c>answer</c> when not set.</summary>
    public Func<Snippet, SnippetResult>? AsFixture { get; init; }

    /// <summary>Each page as one class: a block left out (<c>ignore</c>) is not run, the others answer <see cref="AsFixture"/>.</summary>
    public Task<IReadOnlyList<SnippetResult>> VerifyFixturesAsync(
        IReadOnlyList<(PreparedDocument Document, IReadOnlyList<Snippet> Blocks)> pages, CancellationToken cancellationToken)
    {
        var tried = pages.SelectMany(p => p.Blocks).ToList();
        lock (_lock) Asked.AddRange(tried);
        return Task.FromResult<IReadOnlyList<SnippetResult>>([.. tried.Select(s => s.Kind == SnippetKind.Ignore
            ? new SnippetResult(s, new Verdict.Ignored(), [], null, TimeSpan.Zero) : (AsFixture ?? answer)(s))]);
    }

    /// <summary>
    /// The pages as written, read again as <c>verify</c> reads them: an <c>ignore</c> block left out, an untagged one not
    /// verified, every other block (or only <paramref name="onlyBlocks"/>) answered by <c>answer</c> as it is now tagged.
    /// </summary>
    public Task<VerificationReport> VerifyWrittenAsync(
        SnippetCheckConfig commandLine, IReadOnlyList<DocumentText> texts, IReadOnlySet<SourceLocation>? onlyBlocks,
        CancellationToken cancellationToken)
    {
        lock (_lock) Written.Add(texts);
        // Read under the path the run shows (the page's own, else relative to here, as Pipeline.Read names it), so results match by place.
        string Shown(string path) => Pages.FirstOrDefault(p => p.Snippets.Source.Document.FullPath == path)?.Snippets.Source.Document.DisplayPath
            ?? Path.GetRelativePath(Directory.GetCurrentDirectory(), path);
        var blocks = texts.SelectMany(t => AdoptionHarness.Read(SourceDocument.FromText(t.FullPath, Shown(t.FullPath), t.Text), Config).Blocks)
            .Where(s => onlyBlocks?.Contains(s.Location) ?? true).ToList();
        var results = blocks.Select(s => !s.IsTagged ? new SnippetResult(s, Verdict.NotTagged, [], null, TimeSpan.Zero)
            : s.Kind == SnippetKind.Ignore ? new SnippetResult(s, new Verdict.Ignored(), [], null, TimeSpan.Zero) : null).ToList();
        var answered = Answer(blocks.Where((_, i) => results[i] is null)).Result;
        var next = 0;
        return Task.FromResult(new VerificationReport(texts.Count, [.. results.Select(r => r ?? answered[next++])], [], TimeSpan.Zero));
    }

    /// <summary>
    /// The package lookups, canned: a source that lists and restores only what a test gives it (handed to adopt beside the
    /// seam, as its entry point hands <c>PackageFeed.For</c>).
    /// </summary>
    public CannedFeed Feed { get; init; } = new();

    private Task<IReadOnlyList<SnippetResult>> Answer(IEnumerable<Snippet> blocks)
    {
        var tried = blocks.ToList();
        lock (_lock) Asked.AddRange(tried);
        return Task.FromResult<IReadOnlyList<SnippetResult>>([.. tried.Select(answer)]);
    }

    /// <summary>A pass, with what the run printed.</summary>
    public static SnippetResult Passed(Snippet snippet, string? output = null) => new(snippet, Verdict.Pass, [], output, TimeSpan.Zero);

    /// <summary>A compile error as the compiler reports it: <paramref name="id"/> at the first <paramref name="name"/> of the block.</summary>
    public static SnippetResult Failed(Snippet snippet, string id, string name, string message)
    {
        var line = snippet.Block.Lines.First(l => Regex.IsMatch(l.Text, $@"\b{Regex.Escape(name)}\b"));
        var at = new SourceLocation(snippet.Location.File, line.Line, line.Column + Regex.Match(line.Text, $@"\b{Regex.Escape(name)}\b").Index);
        var error = Diagnostic.Error(id, message, at);
        return new(snippet, new Verdict.Failed(new CompileErrorFailure([error], null)), [error], null, TimeSpan.Zero);
    }

    /// <summary>CS0103, the name unknown in its context.</summary>
    public static SnippetResult Unknown(Snippet snippet, string name) =>
        Failed(snippet, "CS0103", name, $"The name '{name}' does not exist in the current context");

    /// <summary>A run that threw: the block compiled, its run failed.</summary>
    public static SnippetResult Threw(Snippet snippet) =>
        new(snippet, new Verdict.Failed(new CrashFailure(snippet.Location, "System.InvalidOperationException: boom", null)), [], "", TimeSpan.Zero);

    /// <summary>The code of the block as tried, one string.</summary>
    public static string CodeOf(Snippet snippet) => string.Join('\n', snippet.Code.Select(l => l.Text));
}

/// <summary>
/// A fake of the seam's package lookups (<see cref="IPackageFeed"/>): the versions a source lists and the assemblies a
/// restore gives, as a test says; any other package is one no source has (NU1101). Nothing reaches the network or the SDK.
/// </summary>
internal sealed class CannedFeed : IPackageFeed
{
    /// <summary>Each package's stable versions, newest first.</summary>
    public Dictionary<string, string[]> Versions { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The compile assemblies of each restorable <c>id/version</c>.</summary>
    public Dictionary<string, string[]> Assemblies { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Every restore asked, as <c>id/version</c>.</summary>
    public List<string> Restored { get; } = [];

    public string CacheRoot { get; } = Path.Combine(Path.GetTempPath(), "snippetcheck-canned-feed", Guid.NewGuid().ToString("N"));

    public string? NuGetConfig => null;

    public Task<IReadOnlyList<string>> StableVersionsAsync(string id, string folder, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>(Versions.GetValueOrDefault(id) ?? []);

    public Task<ResolveOutcome> ResolveAsync(PackageSet packages, bool web, CancellationToken cancellationToken)
    {
        var keys = packages.Packages.Select(p => $"{p.Id}/{p.Version}").ToList();
        lock (Restored) Restored.AddRange(keys);
        return Task.FromResult(keys.All(Assemblies.ContainsKey)
            ? new ResolveOutcome(new ResolvedAssets([.. keys.SelectMany(k => Assemblies[k])], [], false), null)
            : ResolveOutcome.Failed($"error NU1101: Unable to find package {keys[0]}"));
    }
}

/// <summary>Pages read in memory as a run reads them, and adopt's trial passes over them with a <see cref="CannedTrials"/>.</summary>
internal static class AdoptionHarness
{
    /// <summary>A page read as the loader reads it (the framework's reference assemblies, no config), never from disk.</summary>
    public static PreparedDocument Page(string markdown, string file = "docs/post.md") =>
        new(Pipeline.Read(markdown, file), new FileSettings(new SnippetCheckConfig(), ReferenceAssemblies.Default), skip: false, []);

    /// <summary>
    /// A page read as the loader reads it, never from disk: <paramref name="config"/>, its front matter over that, and a
    /// trial's <paramref name="over"/> above both; its hidden fences and engine words as they then say.
    /// </summary>
    public static PreparedDocument Read(SourceDocument page, SnippetCheckConfig config, SnippetCheckConfig? over = null)
    {
        var extracted = DocumentExtractor.Extract(page);
        var settings = config.Overlay(FrontMatterReader.ReadPage(page.DisplayPath, extracted, untrusted: false).Config).Overlay(over);
        var snippets = SnippetReader.Read(extracted, false, settings.EngineWords, settings.HiddenFences);
        return new(snippets, new FileSettings(settings, ReferenceAssemblies.Default), skip: false, []);
    }

    /// <summary>Adopt's passes 1 to 5a' (<see cref="Adopter.ProposeAsync"/>) over <paramref name="pages"/>: each page's file.</summary>
    public static async Task<IReadOnlyList<AdoptFile>> ProposeAsync(CannedTrials trials, params PreparedDocument[] pages)
    {
        var untagged = pages.SelectMany(d => d.Blocks.Where(s => !s.IsTagged).Select(s => (Document: d, Snippet: s))).ToList();
        var (files, _) = await Adopter.ProposeAsync(trials, trials.Feed, [], pages, untagged, CancellationToken.None);
        return files;
    }
}
