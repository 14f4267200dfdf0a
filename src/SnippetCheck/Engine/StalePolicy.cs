using System.Collections.Concurrent;
using SnippetCheck.Configuration;
using SnippetCheck.Model;
using SnippetCheck.Programs;
using SnippetCheck.Results;
using SnippetCheck.Extraction.Snippets;

namespace SnippetCheck.Engine;

/// <summary>
/// Stale <c>ignore</c> tags (an ignored block that would now pass is worth a tag), as a judging policy: every ignored block is compiled as if tagged
/// <c>compile</c>, merged with other ignored blocks only, never with verified ones, so no other snippet's verdict can
/// depend on it. One that compiles cleanly (no error, no warning) gets SC1019; with <c>--stale</c> one with an entry
/// point is also run, and one that runs to its end and matches its output block, if any, gets SC1020 instead. The
/// verdict stays <c>ignored</c>: the finding is one more diagnostic beside it.
/// </summary>
/// <remarks>
/// Cheap by design: only blocks that can be merged are checked (no packages or other directives, no network, no code
/// that reveals the wrapping), and a block that draws any diagnostic merged is taken as not compiling; it is never
/// compiled again alone. Ignored blocks in a session are not checked: alone they lack the session's earlier blocks,
/// and in the session's program they would change what the other blocks are verified as. <c>Engine/Scheduling</c>'s
/// <c>VerificationRun</c> plans the chunks; a stale unit reports no result of its own.
/// </remarks>
internal sealed class StalePolicy(StaleMode mode, bool runThem) : JudgingPolicy
{
    private readonly ConcurrentDictionary<Snippet, Diagnostic> _findings = new(ReferenceEqualityComparer.Instance);

    /// <summary>Each checked program's block (by its place) back to the ignored snippet it stands for.</summary>
    private readonly ConcurrentDictionary<SourceLocation, Snippet> _ignored = new();

    /// <summary>The findings so far, by the ignored snippet (as the document holds it).</summary>
    public IReadOnlyDictionary<Snippet, Diagnostic> Findings => _findings;

    /// <summary>True when the check is on: <c>--stale</c>, or a <c>"stale"</c> setting other than <c>off</c>.</summary>
    public bool IsOn => mode != StaleMode.Off || runThem;

    /// <summary>The program an ignored block is checked as: the block tagged <c>compile</c> instead of <c>ignore</c>.</summary>
    public static SnippetProgram ProgramFor(SnippetDocument document, Snippet ignored, FileSettings file) =>
        SnippetProgram.Lone(document, AsKind(ignored, SnippetKind.Compile), file);

    /// <summary>Notes that <paramref name="program"/> (from <see cref="ProgramFor"/>) is checked for <paramref name="ignored"/>.</summary>
    public void Expect(Snippet ignored, SnippetProgram program) => _ignored[program.Blocks[0].Location] = ignored;

    /// <summary>With <c>--stale</c>, a block that can run is judged as <c>run</c>.</summary>
    public override Snippet JudgedAs(Snippet block, bool runnable) => runThem && runnable ? AsKind(block, SnippetKind.Run) : block;

    /// <summary>A block that drew a diagnostic merged is taken as not compiling.</summary>
    public override bool VerifiesDroppedAlone => false;

    /// <summary>Every result here compiled cleanly: it passes when it ran and passed, else it compiles.</summary>
    public override IReadOnlyList<SnippetResult> Conclude(IReadOnlyList<SnippetResult> results)
    {
        foreach (var result in results)
        {
            if (!_ignored.TryGetValue(result.Snippet.Location, out var ignored)) continue;
            _findings[ignored] = result.Snippet.Kind.Rule().Runs && result.Verdict is Verdict.Passed
                ? Finding(DiagnosticCodes.IgnoredPasses, "ignored snippet passes; tag it `run`", ignored)
                : Finding(DiagnosticCodes.IgnoredCompiles, "ignored snippet compiles; tag it `compile` or `run`", ignored);
        }
        return [];
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
