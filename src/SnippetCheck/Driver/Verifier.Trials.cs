using SnippetCheck.Extraction.Snippets;
using SnippetCheck.Programs;
using SnippetCheck.Results;
using SnippetCheck.Engine.Scheduling;

namespace SnippetCheck.Driver;

/// <summary>
/// The verifier's trials: chosen blocks tried in a given shape (lone, a session, a page fixture), for <c>adopt</c> only,
/// through its seam (<see cref="IBlockTrials"/>, internal: no host calls them).
/// </summary>
public sealed partial class Verifier
{
    /// <summary>
    /// Verifies the given blocks as lone snippets, each as its tags now say, through the same merging, runners and
    /// judge as a run (what <c>adopt</c> asks of a block before tagging it). Ignored blocks are not checked for
    /// stale tags here. With <paramref name="useCache"/> false the result cache is neither read nor written.
    /// </summary>
    Task<IReadOnlyList<SnippetResult>> IBlockTrials.VerifyLoneAsync(
        IReadOnlyList<(PreparedDocument Document, Snippet Snippet)> blocks, bool useCache, CancellationToken cancellationToken) =>
        VerifyProgramsAsync(
            [.. blocks.Select(b => SnippetProgram.Lone(b.Document.Snippets, b.Snippet, b.Document.Settings))], [], useCache, cancellationToken);

    /// <summary>
    /// Verifies the given blocks of each document as one session, each block as its tags now say (what <c>adopt</c>
    /// asks of a chain of blocks before joining them). The result cache is neither read nor written: outputs are needed.
    /// </summary>
    Task<IReadOnlyList<SnippetResult>> IBlockTrials.VerifySessionsAsync(
        IReadOnlyList<(PreparedDocument Document, string Session, IReadOnlyList<Snippet> Blocks)> sessions, CancellationToken cancellationToken) =>
        VerifyProgramsAsync(
            [], [.. sessions.Select(s => SnippetProgram.ForSession(s.Document.Snippets, s.Session, s.Blocks, s.Document.Settings))], useCache: false,
            cancellationToken);

    /// <summary>
    /// Verifies each document's given blocks as its page fixture (<see cref="SnippetProgram.ForFixture"/>), each block as
    /// its tags now say (what <c>adopt</c> asks of a page before proposing the fixture). The result cache is neither
    /// read nor written: outputs are needed.
    /// </summary>
    Task<IReadOnlyList<SnippetResult>> IBlockTrials.VerifyFixturesAsync(
        IReadOnlyList<(PreparedDocument Document, IReadOnlyList<Snippet> Blocks)> pages, CancellationToken cancellationToken) =>
        VerifyProgramsAsync(
            [], [.. pages.Select(p => SnippetProgram.ForFixture(p.Document.Snippets, p.Blocks, p.Document.Settings))], useCache: false,
            cancellationToken);

    /// <summary>The programs verified as one trial pass (<see cref="TrialRun"/>), watched as a run is.</summary>
    private Task<IReadOnlyList<SnippetResult>> VerifyProgramsAsync(
        IReadOnlyList<SnippetProgram> lone, IReadOnlyList<SnippetProgram> sessions, bool useCache, CancellationToken cancellationToken) =>
        new TrialRun(_settings, _cache, Watch).ExecuteAsync(lone, sessions, useCache, Config, cancellationToken);
}
