using System.Diagnostics;
using SnippetCheck.Judging;
using SnippetCheck.Programs;
using SnippetCheck.Results;
using SnippetCheck.Snippets;

namespace SnippetCheck.Driver;

/// <summary>
/// Verifies lone snippets compiled into one assembly. A snippet that drew any diagnostic is dropped before anything
/// runs and verified alone, so its diagnostics read as they would without the wrapping. The others run once each, and
/// their verdict stands: nothing is executed twice.
/// </summary>
internal sealed class MergedVerifier(ProgramContext context)
{
    private int _chunks, _merged, _droppedAtCompile, _notMerged;

    /// <summary>
    /// True once two chunks have shown that more than half of the snippets draw a diagnostic (fragments verified
    /// with <c>--all</c>, say): each of those is compiled merged and then again alone, which costs more than
    /// merging saves (bench/README.md).
    /// </summary>
    private bool MergingDoesNotPay => Volatile.Read(ref _chunks) >= 2 && Volatile.Read(ref _droppedAtCompile) * 2 > Volatile.Read(ref _merged);

    /// <summary>What merging did so far in this run.</summary>
    public MergeStatistics Statistics => new(_chunks, _merged, _droppedAtCompile) { NotMerged = _notMerged };

    public async Task<IReadOnlyList<SnippetResult>> VerifyAsync(IReadOnlyList<MergeCandidate> members, CancellationToken cancellationToken)
    {
        var results = new List<SnippetResult>(members.Count);
        if (MergingDoesNotPay)
        {
            // Most snippets so far drew diagnostics, so most of this chunk would be compiled twice: go alone.
            Interlocked.Add(ref _notMerged, members.Count);
            foreach (var member in members) results.AddRange(await LoneVerifier.VerifyAsync(member.Program, context, cancellationToken).ConfigureAwait(false));
            return results;
        }
        var compiled = context.CompileMerged(members, cancellationToken);
        Interlocked.Increment(ref _chunks);
        Interlocked.Add(ref _merged, members.Count);
        Interlocked.Add(ref _droppedAtCompile, compiled.Broken.Count);
        var compileShare = compiled.Duration / members.Count;
        for (var i = 0; i < members.Count; i++)
        {
            var program = members[i].Program;
            if (compiled.Broken.Contains(i))
            {
                results.AddRange(await LoneVerifier.VerifyAsync(program, context, cancellationToken).ConfigureAwait(false));
                continue;
            }
            var snippet = program.Blocks[0];
            var clock = Stopwatch.StartNew();
            if (snippet.Kind == SnippetKind.Compile)
            {
                results.Add(BlockResults.Of(snippet, Verdict.Pass, null, null, clock) with { Duration = clock.Elapsed + compileShare });
                continue;
            }
            if (context.CompileOnly)
            {
                results.Add(BlockResults.Of(snippet, PendingRun.Verdict, null, null, clock));
                continue;
            }
            var run = await context.RunMemberAsync(members[i], compiled, i, cancellationToken).ConfigureAwait(false);
            results.Add(BlockResults.Of(snippet, Judge.Run(snippet, run, run.Stdout, isLast: true, program.Scrubbings[0]), null, run.Stdout, clock) with { Duration = clock.Elapsed + compileShare });
        }
        return results;
    }
}

/// <summary>What merged compilation did in a run.</summary>
/// <param name="Chunks">Merged assemblies compiled.</param>
/// <param name="Snippets">Snippets compiled in them (see <see cref="NotMerged"/> for those planned but compiled alone).</param>
/// <param name="DroppedAtCompile">Snippets dropped from their chunk for a diagnostic, and compiled alone.</param>
public sealed record MergeStatistics(int Chunks, int Snippets, int DroppedAtCompile)
{
    /// <summary>Snippets planned into chunks but compiled alone, because merging had stopped paying (most drew diagnostics).</summary>
    public int NotMerged { get; init; }

    /// <summary>Both passes' figures together (a framework matrix runs a pass per framework).</summary>
    public MergeStatistics Add(MergeStatistics other) =>
        new(Chunks + other.Chunks, Snippets + other.Snippets, DroppedAtCompile + other.DroppedAtCompile) { NotMerged = NotMerged + other.NotMerged };

    /// <summary>The figures as the verbose summary shows them.</summary>
    public override string ToString() =>
        $"merged: {Snippets} snippets in {Chunks} assemblies ({DroppedAtCompile} dropped for a diagnostic and verified alone" +
        (NotMerged > 0 ? $"; {NotMerged} compiled alone as most snippets drew diagnostics)" : ")");
}
