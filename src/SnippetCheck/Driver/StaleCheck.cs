using System.Collections.Concurrent;
using SnippetCheck.Configuration;
using SnippetCheck.Judging;
using SnippetCheck.Model;
using SnippetCheck.Packages;
using SnippetCheck.Programs;
using SnippetCheck.Results;
using SnippetCheck.Snippets;

namespace SnippetCheck.Driver;

/// <summary>
/// Stale <c>ignore</c> tags (issue 17, part 2): every ignored block is compiled as if tagged <c>compile</c>, merged
/// with other ignored blocks only, never with verified ones, so no other snippet's verdict can depend on it. One that
/// compiles cleanly (no error, no warning) gets SC1019; with <c>--stale</c> one with an entry point is also run, and
/// one that runs to its end and matches its output block, if any, gets SC1020 instead. The verdict stays
/// <c>ignored</c>: the finding is one more diagnostic beside it.
/// </summary>
/// <remarks>
/// Cheap by design: only blocks that can be merged are checked (no packages or other directives, no network, no code
/// that reveals the wrapping), and a block that draws any diagnostic merged is taken as not compiling; it is never
/// compiled again alone. Ignored blocks in a session are not checked: alone they lack the session's earlier blocks,
/// and in the session's program they would change what the other blocks are verified as.
/// </remarks>
internal sealed class StaleCheck(StaleMode mode, bool runThem)
{
    private readonly ConcurrentDictionary<Snippet, Diagnostic> _findings = new(ReferenceEqualityComparer.Instance);

    /// <summary>The findings so far, by the ignored snippet (as the document holds it).</summary>
    public IReadOnlyDictionary<Snippet, Diagnostic> Findings => _findings;

    /// <summary>True when the check is on: <c>--stale</c>, or a <c>"stale"</c> setting other than <c>off</c>.</summary>
    public bool IsOn => mode != StaleMode.Off || runThem;

    /// <summary>The program an ignored block is checked as: the block tagged <c>compile</c> instead of <c>ignore</c>.</summary>
    public static SnippetProgram ProgramFor(SnippetDocument document, Snippet ignored, FileSettings file) =>
        SnippetProgram.Lone(document, AsKind(ignored, SnippetKind.Compile), file);

    /// <summary>Units that compile (and with <c>--stale</c> run) the candidates in chunks of their own; they report no results.</summary>
    public IReadOnlyList<VerificationUnit> Plan(IReadOnlyList<(Snippet Ignored, SnippetProgram Program)> candidates, DependencyResolver dependencies, ProgramContext context)
    {
        if (!IsOn || candidates.Count == 0) return [];
        var mergeable = new List<(Snippet Ignored, MergeCandidate Candidate)>();
        foreach (var (ignored, program) in candidates)
        {
            try
            {
                if (MergePolicy.TryMerge(program, dependencies) is { } candidate) mergeable.Add((ignored, candidate));
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Not checked, then: a stale tag is a hint, never a reason to fail a run.
            }
        }
        var units = new List<VerificationUnit>();
        foreach (var group in mergeable.GroupBy(m => m.Candidate.GroupKey))
        {
            foreach (var chunk in group.Chunk(MergePolicy.MaxChunkSize))
            {
                units.Add(new VerificationUnit([], async token =>
                {
                    try
                    {
                        await CheckAsync(chunk, context, token).ConfigureAwait(false);
                    }
                    catch (Exception e) when (e is not OperationCanceledException && e is not OutOfMemoryException)
                    {
                        // As above: a bug on this path costs the hint, not the run.
                    }
                    return [];
                }));
            }
        }
        return units;
    }

    private async Task CheckAsync(IReadOnlyList<(Snippet Ignored, MergeCandidate Candidate)> chunk, ProgramContext context, CancellationToken cancellationToken)
    {
        // As a merged chunk of verified snippets: the group's shared references (a library under test) apply.
        var compiled = context.CompileMerged([.. chunk.Select(c => c.Candidate)], cancellationToken);
        for (var i = 0; i < chunk.Count; i++)
        {
            if (compiled.Broken.Contains(i)) continue;
            var (ignored, candidate) = chunk[i];
            var program = candidate.Program;
            if (runThem && compiled.EntryTypes[i] is not null && candidate.Mergeable.HasEntryPoint && program.HasEntryPoint(program.Settings, [0]))
            {
                var run = await context.RunMemberAsync(candidate, compiled, i, cancellationToken).ConfigureAwait(false);
                if (Judge.Run(AsKind(ignored, SnippetKind.Run), run, run.Stdout, isLast: true, program.Scrubbings[0]) is Verdict.Passed)
                {
                    _findings[ignored] = Finding(DiagnosticCodes.IgnoredPasses, "ignored snippet passes; tag it `run`", ignored);
                    continue;
                }
            }
            _findings[ignored] = Finding(DiagnosticCodes.IgnoredCompiles, "ignored snippet compiles; tag it `compile` or `run`", ignored);
        }
    }

    private Diagnostic Finding(string code, string message, Snippet ignored) =>
        new(code, mode == StaleMode.Error ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning, message, ignored.Location);

    private static Snippet AsKind(Snippet snippet, SnippetKind kind) => snippet with { Tags = snippet.Tags with { Kind = kind } };

    /// <summary>The results with each ignored block's finding added beside its verdict, which stays <c>ignored</c>.</summary>
    public IEnumerable<SnippetResult> Apply(IEnumerable<SnippetResult> results) =>
        results.Select(r => r.Status == SnippetStatus.Ignored && _findings.TryGetValue(r.Snippet, out var finding)
            ? r with { Diagnostics = [.. r.Diagnostics, finding] }
            : r);
}
