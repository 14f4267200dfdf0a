using System.Diagnostics;
using SnippetCheck.Compilation;
using SnippetCheck.Model;
using SnippetCheck.References;
using SnippetCheck.Extraction.Snippets;

namespace SnippetCheck.Results;

/// <summary>Builds a block's reported result from its verdict: the block's annotations and the compiler's diagnostics beside it.</summary>
internal static class ResultAssembler
{
    /// <remarks>A <c>check</c> block's unknown names are not listed as errors: its verdict lists them (<see cref="Verdict.Checked"/>).</remarks>
    public static SnippetResult Of(Snippet snippet, Verdict verdict, CompilationResult? compiled, string? output, Stopwatch clock) =>
        new(snippet, verdict, [.. snippet.Annotations, .. OwnFinding(snippet, verdict),
                .. compiled?.Diagnostics.Where(d => d.UnknownName is null).Select(d => Judge.ToDiagnostic(d, snippet)) ?? []],
            output, clock.Elapsed);

    /// <summary>
    /// The results with the program's dependency warnings (<see cref="ProgramDependencies.Warnings"/>), each on the block
    /// whose lines hold it, else on the first block: a warning never changes a verdict.
    /// </summary>
    public static IReadOnlyList<SnippetResult> WithWarnings(IReadOnlyList<SnippetResult> results, IReadOnlyList<Diagnostic> warnings)
    {
        if (warnings.Count == 0) return results;
        var blocks = results.Select(r => r.Snippet).ToList();
        var owners = warnings.ToLookup(w => Math.Max(0, blocks.FindIndex(b => Holds(b, w.Location))));
        return [.. results.Select((r, i) => owners[i].Any() ? r with { Diagnostics = [.. r.Diagnostics, .. owners[i]] } : r)];
    }

    private static bool Holds(Snippet snippet, SourceLocation location) =>
        snippet.Location.File == location.File && location.Line >= snippet.Location.Line && location.Line <= snippet.Block.EndLine;

    /// <summary>
    /// A finding of the judge's own, listed beside the block's other findings: an annotation one (SC1006 on an empty
    /// block, say), or a check block that checks nothing (SC2013), which no compiler diagnostic would show.
    /// </summary>
    private static IEnumerable<Diagnostic> OwnFinding(Snippet snippet, Verdict verdict) => verdict switch
    {
        Verdict.Failed { Failure: AnnotationFailure { Diagnostic: var finding } } when !snippet.Annotations.Contains(finding) => [finding],
        Verdict.Failed { Failure: NothingCheckedFailure nothing } => [Diagnostic.Error(nothing.Code, nothing.Message, nothing.Location)],
        Verdict.Failed { Failure: HollowCheckFailure hollow } => [Diagnostic.Error(hollow.Code, hollow.Message, hollow.Location)],
        _ => [],
    };

    /// <summary>The results when a program's dependencies could not be had: the block that owns the problem fails, the others are skipped.</summary>
    public static IReadOnlyList<SnippetResult> DependencyFailed(
        DependencyFailure failure, IReadOnlyList<Snippet> blocks, string? session, Stopwatch clock) =>
        [.. blocks.Select(block =>
        {
            if (ReferenceEquals(block, failure.Culprit))
            {
                var diagnostic = Diagnostic.Error(failure.Code, failure.Message, failure.Location);
                Failure why = failure.Reason is FailureReason.Package or FailureReason.PinNotServed
                    ? new PackageFailure(failure.Location, failure.Code, failure.Message, failure.Detail, failure.Reason)
                    : new AnnotationFailure(diagnostic);
                return new SnippetResult(block, new Verdict.Failed(why), [.. block.Annotations, diagnostic], null, clock.Elapsed);
            }
            if (!block.Kind.Rule().Verified) return SnippetResult.Of(block, new Verdict.Ignored());
            var what = failure.Reason switch
            {
                FailureReason.Package => "could not get its packages",
                FailureReason.PinNotServed => "pins a version no package source has",
                _ => "has a bad directive",
            };
            return SnippetResult.Of(block, new Verdict.Skipped(
                $"not run: {(session is null ? "the program" : $"session '{session}'")} {what} (see the block at line " +
                $"{failure.Culprit.Location.Line})"));
        })];
}
