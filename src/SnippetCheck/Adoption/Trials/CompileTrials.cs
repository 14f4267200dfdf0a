using Microsoft.CodeAnalysis.CSharp;
using SnippetCheck.Adoption.Inference;
using SnippetCheck.Adoption.Inference.Classes;
using SnippetCheck.Adoption.Inference.Packages;
using SnippetCheck.Adoption.Trials.Packages;
using SnippetCheck.Compilation;
using SnippetCheck.Driver;
using SnippetCheck.References;
using SnippetCheck.Programs;
using SnippetCheck.Extraction.Snippets;
using SnippetCheck.Model;
using SnippetCheck.Results;
using static SnippetCheck.Adoption.Inference.BlockKeys;

namespace SnippetCheck.Adoption.Trials;

/// <summary>
/// Adopt's compile trials (passes 1 to 1g): each untagged block as written, then what failed tried again in the shapes
/// that may make it compile (with result lines, as members, with usings, the Web SDK, its post's packages, in an
/// enclosing class, with the doc set's receivers), each on what the earlier shapes left failing. What it holds is each
/// shape's results, the tags each block first compiled with, and the last failure of each block that never did.
/// </summary>
internal sealed partial class CompileTrials
{
    /// <summary>How result lines are told apart; only the tokens matter, so the newest C# does.</summary>
    private static readonly CSharpParseOptions ResultSyntax = new(LanguageVersion.Preview);

    private readonly IReadOnlyList<(PreparedDocument Document, Snippet Snippet)> _untagged;

    private CompileTrials(IReadOnlyList<(PreparedDocument Document, Snippet Snippet)> untagged, PackageFinds finds, DocModels models)
    {
        _untagged = untagged;
        Finds = finds;
        Models = models;
    }

    /// <summary>The run's package inference: the packages each post is about, and what it could not load.</summary>
    public PackageInference Packages => Finds.Inference;

    /// <summary>The run's package lookups, each once per run (<see cref="PackageFinds"/>): what the trials' rules ask for.</summary>
    public PackageFinds Finds { get; }

    /// <summary>The types the run's pages declare, as the models' prelude.</summary>
    public DocModels Models { get; }

    public Dictionary<(string, int), SnippetResult> Compiled { get; private set; } = [];

    public Dictionary<(string, int), SnippetResult> AsMembers { get; private set; } = [];

    public Dictionary<(string, int), SnippetResult> WithUsings { get; private set; } = [];

    public Dictionary<(string, int), SnippetResult> WithWebSdk { get; private set; } = [];

    public Dictionary<(string, int), SnippetResult> WithPackages { get; private set; } = [];

    public Dictionary<(string, int), SnippetResult> InClass { get; private set; } = [];

    public Dictionary<(string, int), SnippetResult> WithReceivers { get; private set; } = [];

    /// <summary>The usings guessed for each block, with the names no one namespace declares.</summary>
    public IReadOnlyDictionary<SourceLocation, UsingInference.Guess> Guesses { get; private set; } =
        new Dictionary<SourceLocation, UsingInference.Guess>();

    /// <summary>What the enclosing class inference says of blocks it found no class for.</summary>
    public IReadOnlyDictionary<SourceLocation, AdoptNote> ClassNotes { get; private set; } = new Dictionary<SourceLocation, AdoptNote>();

    /// <summary>The tags each block compiles with: as written, as members, with usings, with packages, in a class or with models.</summary>
    public Dictionary<(string, int), SnippetTags> Compiles { get; } = [];

    /// <summary>
    /// The trials of <paramref name="untagged"/>, in order: each shape gets the blocks the shapes before it left failing.
    /// </summary>
    /// <param name="feed">The package lookups package inference asks (version lists, restores), handed in beside the seam.</param>
    /// <param name="packages">Packages the author names (<c>adopt --package</c>), tried first for every post.</param>
    public static async Task<CompileTrials> RunAsync(
        IBlockTrials verifier, IPackageFeed feed, IReadOnlyList<PackageCandidate> packages, IReadOnlyList<PreparedDocument> adoptable,
        IReadOnlyList<(PreparedDocument Document, Snippet Snippet)> untagged, CancellationToken cancellationToken)
    {
        // What package inference reads beyond the pages, gathered here once per adopt: the lookups (how many restores run at
        // once, and what each is read for, are theirs) and the files of the pages' repositories.
        var repositories = RepositoryFiles.Of(adoptable.Select(d => Path.GetDirectoryName(Path.GetFullPath(d.Snippets.Source.Document.FullPath))!));
        var packageInference = new PackageInference(packages, [.. adoptable.Select(d => d.Snippets)], new RepositoryHints(repositories));
        var finds = new PackageFinds(packageInference, new PackageLookups(feed));
        var trials = new CompileTrials(untagged, finds, ModelsFor(verifier, adoptable));
        await trials.RunPassesAsync(verifier, adoptable, cancellationToken).ConfigureAwait(false);
        return trials;
    }

    /// <summary>
    /// The same trials of other blocks (a typo's repaired block, <see cref="TypoRepairs"/>) with this run's package
    /// inference and models, so nothing is searched or restored again.
    /// </summary>
    public async Task<CompileTrials> AgainAsync(
        IBlockTrials verifier, IReadOnlyList<PreparedDocument> adoptable, IReadOnlyList<(PreparedDocument Document, Snippet Snippet)> blocks,
        CancellationToken cancellationToken)
    {
        var trials = new CompileTrials(blocks, Finds, Models);
        await trials.RunPassesAsync(verifier, adoptable, cancellationToken).ConfigureAwait(false);
        return trials;
    }

    private async Task RunPassesAsync(IBlockTrials verifier, IReadOnlyList<PreparedDocument> adoptable, CancellationToken cancellationToken)
    {
        await AsWrittenAsync(verifier, cancellationToken).ConfigureAwait(false);
        await WithUsingsAsync(verifier, cancellationToken).ConfigureAwait(false);
        await WithPackagesAndClassesAsync(verifier, cancellationToken).ConfigureAwait(false);
        await WithReceiversAsync(verifier, adoptable, cancellationToken).ConfigureAwait(false);
        await CollectPassesAsync(verifier, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The block's last failure before the package trials: with the Web SDK, usings, as members, or as written.</summary>
    public SnippetResult? LastFailure((string, int) key) =>
        WithWebSdk.GetValueOrDefault(key) ?? WithUsings.GetValueOrDefault(key) ?? AsMembers.GetValueOrDefault(key)
        ?? Compiled.GetValueOrDefault(key);

    /// <summary>The block's last failure with its post's packages, else before them.</summary>
    public SnippetResult? PackageFailure((string, int) key) => WithPackages.GetValueOrDefault(key) ?? LastFailure(key);

    private async Task AsWrittenAsync(IBlockTrials verifier, CancellationToken cancellationToken)
    {
        // Pass 1: as 'compile', which is how an untagged block is verified with --all.
        Compiled = ByBlock(await verifier.VerifyLoneAsync(_untagged, useCache: true, cancellationToken).ConfigureAwait(false));

        // Pass 1a: what failed and writes results as READMEs do ('"HTML".Humanize() => "HTML"'), with each result line checked.
        var resultBlocks = _untagged
            .Where(u => Compiled.TryGetValue(Key(u.Snippet), out var r) && r.Status == SnippetStatus.Failed
                && ResultLines.Any(u.Snippet.Code, ResultSyntax))
            .Select(u => (u.Document, Snippet: AsCompile(u.Snippet, tags => tags with { Results = true })))
            .ToList();
        var withResults = await verifier.VerifyLoneAsync(resultBlocks, useCache: true, cancellationToken).ConfigureAwait(false);
        foreach (var (key, result) in ByBlock(withResults)) Compiled[key] = result;

        // Pass 1a': what shows a type before the statements that use it (CS8803), with its statements first, as a reader means it.
        var typesFirst = Compiled.Values.Where(r => r.Status == SnippetStatus.Failed && r.Diagnostics.Any(d => d.Id == "CS8803"))
            .Select(r => (_untagged.First(u => Key(u.Snippet) == Key(r.Snippet)).Document,
                Snippet: AsCompile(r.Snippet, tags => tags with { StatementsFirst = true })))
            .ToList();
        foreach (var (key, result) in ByBlock(await verifier.VerifyLoneAsync(typesFirst, useCache: true, cancellationToken).ConfigureAwait(false)))
        {
            if (!result.Diagnostics.Any(d => d.Id == "CS8803")) Compiled[key] = result;
        }

        // Pass 1b: what failed as members outside a type, as 'compile members' (inside a class the tool adds).
        var memberBlocks = _untagged
            .Where(u => Compiled.TryGetValue(Key(u.Snippet), out var r) && r.Status == SnippetStatus.Failed && IsMembersOutsideAType(r))
            .Select(u => (u.Document, Snippet: AsCompile(u.Snippet, tags => tags with { Members = true })))
            .ToList();
        AsMembers = ByBlock(await verifier.VerifyLoneAsync(memberBlocks, useCache: true, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>The block tried as <c>compile</c>, with its tags changed as <paramref name="change"/> says.</summary>
    private static Snippet AsCompile(Snippet snippet, Func<SnippetTags, SnippetTags> change) =>
        snippet with { Tags = change(snippet.Tags with { Kind = SnippetKind.Compile }) };

    private async Task WithUsingsAsync(IBlockTrials verifier, CancellationToken cancellationToken)
    {
        // Pass 1c: what still fails only on unknown names that each resolve in one namespace, with those usings.
        var beforeUsings = _untagged
            .Select(u => (u.Document, Failed: AsMembers.GetValueOrDefault(Key(u.Snippet)) ?? Compiled.GetValueOrDefault(Key(u.Snippet))))
            .Where(f => f.Failed?.Status == SnippetStatus.Failed)
            .Select(f => (f.Document, f.Failed!, (IReadOnlyList<string>)[]))
            .ToList();
        var (usingResults, guesses) = await UsingTrials.AddInRoundsAsync(verifier, beforeUsings, cancellationToken).ConfigureAwait(false);
        WithUsings = ByBlock(usingResults);
        Guesses = guesses;

        // Pass 1c': what still fails only on unknown names, some of them ASP.NET Core's, as a project of the Web SDK would.
        var beforeWeb = _untagged
            .Select(u => (u.Document, Failed: WithUsings.GetValueOrDefault(Key(u.Snippet)) ?? AsMembers.GetValueOrDefault(Key(u.Snippet))
                ?? Compiled.GetValueOrDefault(Key(u.Snippet))))
            .Where(f => f.Failed?.Status == SnippetStatus.Failed)
            .Select(f => (f.Document, f.Failed!))
            .ToList();
        WithWebSdk = ByBlock(await WebSdkTrials.TryAsync(verifier, beforeWeb, cancellationToken).ConfigureAwait(false));
    }

    private async Task WithPackagesAndClassesAsync(IBlockTrials verifier, CancellationToken cancellationToken)
    {
        // Pass 1d: what still fails only on unknown names, with the package its post is about (and that package's usings).
        var stillFailing = _untagged.Select(u => (u.Document, Failed: LastFailure(Key(u.Snippet)))).Where(
            f => f.Failed?.Status == SnippetStatus.Failed).ToList();
        WithPackages = ByBlock(await PackageTrials.TryAsync(verifier, Finds, stillFailing!, cancellationToken).ConfigureAwait(false));

        // Pass 1e: bare base-class calls inside an inferred class, and types other pages declare (EnclosingClassTrials).
        var (inClassResults, classNotes) = await EnclosingClassTrials.TryAsync(verifier, Finds, Models, [.. _untagged
            .Select(u => (u.Document, Failed: WithPackages.GetValueOrDefault(Key(u.Snippet)) ?? LastFailure(Key(u.Snippet))))
            .Where(f => f.Failed?.Status == SnippetStatus.Failed)
            .Select(f => (f.Document, f.Failed!))], cancellationToken).ConfigureAwait(false);
        InClass = ByBlock(inClassResults);
        ClassNotes = classNotes;

        // Pass 1e': members out of a class deriving from a package's base class ('public override void Configure() { Post(…); }').
        foreach (var (key, result) in ByBlock(await MemberBaseTrials.TryAsync(verifier, Finds, Models, [.. _untagged
            .Select(u => (u.Document, Failed: LastFailure(Key(u.Snippet))))
            .Where(f => f.Failed is { Status: SnippetStatus.Failed, Snippet.Tags.Members: true } && !InClass.ContainsKey(Key(f.Failed.Snippet)))
            .Select(f => (f.Document, f.Failed!))], cancellationToken).ConfigureAwait(false))) InClass[key] = result;

        // Pass 1e'': a package's calls on types no page declares ('new Faker<Order>()'), over stubs of them (StubTypes).
        foreach (var (key, result) in ByBlock(await StubTypes.TryAsync(verifier, Finds, Models, [.. _untagged
            .Select(u => (u.Document, Failed: WithPackages.GetValueOrDefault(Key(u.Snippet)) ?? LastFailure(Key(u.Snippet))))
            .Where(f => f.Failed?.Status == SnippetStatus.Failed && !InClass.ContainsKey(Key(f.Failed.Snippet)))
            .Select(f => (f.Document, f.Failed!))], cancellationToken).ConfigureAwait(false))) InClass[key] = result;
    }

    private async Task CollectPassesAsync(IBlockTrials verifier, CancellationToken cancellationToken)
    {
        var passedWith = new Dictionary<(string, int), SnippetResult>();
        foreach (var results in new[] { Compiled, AsMembers, WithUsings, WithWebSdk, WithPackages, InClass, WithReceivers })
        {
            foreach (var (key, result) in results.Where(r => r.Value.Status == SnippetStatus.Passed))
            {
                if (Compiles.TryAdd(key, result.Snippet.Tags)) passedWith[key] = result;
            }
        }

        // Pass 1g: a block that passes with several packages keeps the fewest it still passes with (PackageTrim).
        foreach (var (location, tags) in await TrimTrials.TrimAsync(verifier, [.. _untagged
            .Where(u => passedWith.ContainsKey(Key(u.Snippet))).Select(u => (u.Document, passedWith[Key(u.Snippet)]))], cancellationToken)
            .ConfigureAwait(false)) Compiles[(location.File, location.Line)] = tags;
    }

    /// <summary>
    /// The types the run's Markdown pages declare, as the models' prelude (<see cref="DocModels"/>); none when a config file
    /// is there (adopt never edits one: its prelude would not be named) or no page declares any.
    /// </summary>
    private static DocModels ModelsFor(IBlockTrials verifier, IReadOnlyList<PreparedDocument> adoptable)
    {
        var pages = adoptable.Where(d => DocSet.IsMarkdown(d.Snippets.DisplayPath)).ToList();
        var sample = pages.FirstOrDefault(d => d.Snippets.Snippets.Count > 0);
        if (verifier.Config.SourcePath is not null || sample is null) return DocModels.None;
        var settings = sample.SettingsFor(sample.Snippets.Snippets[0]);
        return DocModels.Of(pages, settings.References, settings.Usings, settings.ParseOptions, DocModels.FileName);
    }

    /// <summary>
    /// The compiler's errors for methods, properties and fields written outside a type: a modifier on what it reads as
    /// a local function (CS0106), a member directly in the file (CS9348, CS0116).
    /// </summary>
    internal static bool IsMembersOutsideAType(SnippetResult result) =>
        result.Diagnostics.Any(d => d.Id is "CS0106" or "CS9348" or "CS0116");
}
