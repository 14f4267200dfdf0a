using SnippetCheck.Execution;
using SnippetCheck.Extraction;
using SnippetCheck.Model;
using SnippetCheck.References;

namespace SnippetCheck.Results;

/// <summary>Everything a run found.</summary>
/// <param name="FileCount">The files the run covered (for a <c>--filter</c> run, those with a matching snippet).</param>
/// <param name="Snippets">Every C# block's result, in file and line order.</param>
/// <param name="Errors">Problems with files rather than snippets; any fails the run.</param>
/// <param name="Duration">How long the run took.</param>
public sealed record VerificationReport(int FileCount, IReadOnlyList<SnippetResult> Snippets, IReadOnlyList<Diagnostic> Errors, TimeSpan Duration)
{
    /// <summary>C# blocks the run saw, whatever their verdict.</summary>
    public int Blocks => Snippets.Count;

    /// <summary>Snippets that passed.</summary>
    public int Passed => Count(SnippetStatus.Passed);

    /// <summary>Snippets that passed at the <c>check</c> level only (<see cref="VerificationLevel.Check"/>): part of <see cref="Passed"/>.</summary>
    public int Checked => Snippets.Count(s => s.Status == SnippetStatus.Passed && s.Level == VerificationLevel.Check);

    /// <summary>Snippets that passed at <c>run</c> or <c>compile</c>: <see cref="Passed"/> without <see cref="Checked"/>.</summary>
    public int PassedVerified => Passed - Checked;

    /// <summary>Snippets that failed; any fails the run.</summary>
    public int Failed => Count(SnippetStatus.Failed);

    /// <summary>Blocks tagged <c>ignore</c> or empty.</summary>
    public int Ignored => Count(SnippetStatus.Ignored);

    /// <summary>Untagged blocks left unverified (no <c>--all</c>).</summary>
    public int Untagged => Count(SnippetStatus.Untagged);

    /// <summary>Blocks not verified for a reason outside them.</summary>
    public int Skipped => Count(SnippetStatus.Skipped);

    /// <summary>Results taken from the result cache instead of compiled and run again.</summary>
    public int Cached => Snippets.Count(s => s.Cached && s.Status != SnippetStatus.Ignored);

    /// <summary>The files as their readers found them for this run: front matter, comments and blocks.</summary>
    internal IReadOnlyList<ExtractedDocument> Sources { get; init; } = [];

    /// <summary>
    /// What in the file at <paramref name="displayPath"/>, beyond its blocks, can change a block's run (front matter, page
    /// settings, every <c>snippetcheck:</c> comment), as one text to compare between runs; "" for a file the run did not read.
    /// </summary>
    public string FileContextOf(string displayPath) =>
        Sources.FirstOrDefault(s => s.Document.DisplayPath == displayPath)?.RunContext ?? "";

    /// <summary>The text of the file at <paramref name="displayPath"/> as this run read it; "" for a file the run did not read.</summary>
    internal string TextOf(string displayPath) => Sources.FirstOrDefault(s => s.Document.DisplayPath == displayPath)?.Document.Text ?? "";

    /// <summary>The files as they were read for this run; <c>--accept</c> rewrites them only if they are still the same.</summary>
    public IReadOnlyList<SourceDocument> Documents => [.. Sources.Select(s => s.Document)];

    /// <summary>The frameworks the run verified on, oldest first: the tool's own unless a matrix names others.</summary>
    public IReadOnlyList<TargetFramework> Frameworks { get; init; } = [TargetFramework.Tool];

    /// <summary>True when the run covered another framework than the tool's alone: reports then give verdicts per framework.</summary>
    public bool IsMatrix => Frameworks.Count > 1 || !Frameworks[0].IsTool;

    /// <summary>
    /// Findings about a file rather than a snippet: C# blocks in highlight tags, which are not verified (SC1018); a config
    /// glob that matched nothing (SC3015, a warning); a generated file left out (SC3016, a note).
    /// </summary>
    public IReadOnlyList<Diagnostic> Warnings { get; init; } = [];

    /// <summary>The paths and globs the run was given, as given (none: the current directory): the hint's commands repeat them.</summary>
    public IReadOnlyList<string> Paths { get; init; } = [];

    /// <summary>
    /// What the verdicts depended on beyond documents and config (assemblies, projects' stamped files, shared preludes):
    /// the host writes them where <c>--dependency-file</c> says, as the MSBuild task's incremental build's inputs.
    /// </summary>
    public IReadOnlyList<string> DependencyFiles { get; init; } = [];

    /// <summary>The confinement runners were under; null when the report was not made by a run (tests, merges).</summary>
    internal SandboxReport? Sandbox { get; init; }

    /// <summary>
    /// What <c>-v</c> says of the runners' confinement (SECURITY.md), then of any grant beyond it; null when no run made the report.
    /// </summary>
    public string? SandboxNote => Sandbox?.Describe();

    /// <summary>What <c>-v</c> says of each project built for the snippets: the framework built, and the snippets' framework.</summary>
    public IReadOnlyList<string> LibraryNotes => [.. Libraries.Select(library => library.Describe())];

    /// <summary>
    /// Every restore and build the run started for a post's code (<c>#:project</c>, a <c>.csproj</c> argument, package
    /// sets), each with what it was granted: confined or not, network or not (SECURITY.md, "What a build may reach").
    /// Empty when every build came from the cache.
    /// </summary>
    internal IReadOnlyList<BuildGrant> Builds { get; init; } = [];

    /// <summary>Runner processes the run started (a measure of how often snippets killed theirs), as <c>-v</c> says it.</summary>
    public int RunnersStarted { get; init; }

    /// <summary>What merged compilation did in the run.</summary>
    internal MergeStatistics Merging { get; init; } = new(0, 0, 0);

    /// <summary>What merged compilation did in the run, as <c>verify -v</c> prints it.</summary>
    public string MergingSummary => Merging.ToString();

    /// <summary>The projects the run built for its snippets, each with the target framework built (<see cref="LibraryBuild"/>).</summary>
    internal IReadOnlyList<LibraryBuild> Libraries { get; init; } = [];

    /// <summary>
    /// <c>--require-verified</c> or <c>"requireVerified": true</c>: a run that verified nothing fails (SC3010).
    /// </summary>
    public bool RequireVerified { get; init; }

    /// <summary>True when no snippet was verified: none passed and none failed (every block untagged, ignored or skipped).</summary>
    public bool NothingVerified => Passed == 0 && Failed == 0;

    /// <summary>
    /// Blocks this run verified at <c>run</c> or <c>compile</c>: the ones that passed there (<see cref="PassedVerified"/>). A
    /// failed block is not verified: what it shows does not hold, so coverage never counts it.
    /// </summary>
    public int Verified => PassedVerified;

    /// <summary>Blocks this run checked (<c>check</c>) and that passed (<see cref="Checked"/>): weaker than verified, and counted apart.</summary>
    public int AtCheckLevel => Checked;

    /// <summary>The percentage of the run's C# blocks it verified (<c>run</c> or <c>compile</c>); 100 when it has none.</summary>
    public double Coverage => Blocks == 0 ? 100 : 100.0 * Verified / Blocks;

    /// <summary>The percentage of the run's C# blocks it checked or verified (<c>check</c> or stronger); 100 when it has none.</summary>
    public double CheckCoverage => Blocks == 0 ? 100 : 100.0 * (Verified + AtCheckLevel) / Blocks;

    /// <summary><c>--min-coverage</c> or <c>"minCoverage"</c>: the least <see cref="Coverage"/> a passing run has; null for none.</summary>
    public double? MinCoverage { get; init; }

    /// <summary>
    /// <c>--min-check-coverage</c> or <c>"minCheckCoverage"</c>: the least <see cref="CheckCoverage"/> a passing run has; null for none.
    /// </summary>
    public double? MinCheckCoverage { get; init; }

    /// <summary>True when the run checked or verified less than <see cref="MinCheckCoverage"/> of its blocks (SC3013).</summary>
    public bool FailsForCheckCoverage => MinCheckCoverage is { } minimum && CheckCoverage < minimum;

    /// <summary>
    /// True when the run fails for verifying less than <see cref="MinCoverage"/> of its blocks, or checking less than <see cref="MinCheckCoverage"/>
    /// (SC3013).
    /// </summary>
    public bool FailsForCoverage => (MinCoverage is { } minimum && Coverage < minimum) || FailsForCheckCoverage;

    /// <summary>True when the run fails for verifying nothing under <see cref="RequireVerified"/>.</summary>
    public bool FailsForNothingVerified => RequireVerified && NothingVerified;

    /// <summary>True when every verified snippet passed and no file had an error.</summary>
    public bool Succeeded => Failed == 0 && Errors.Count == 0 && !FailsForNothingVerified && !FailsForCoverage && StaleErrors == 0;

    /// <summary>Ignored blocks whose tag looks stale (SC1019, SC1020); their verdict stays ignored.</summary>
    public int Stale => Snippets.Count(s => s.Stale);

    /// <summary>Stale-tag findings that are errors (<c>"stale": "error"</c>): each fails the run.</summary>
    public int StaleErrors => Snippets.Count(s => s.StaleFinding is { IsError: true });

    private int Count(SnippetStatus status) => Snippets.Count(s => s.Status == status);
}
