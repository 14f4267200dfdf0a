using SnippetCheck.Configuration;
using SnippetCheck.Extraction.Snippets;
using SnippetCheck.Loading;
using SnippetCheck.Model;
using SnippetCheck.Programs;
using SnippetCheck.Results;

namespace SnippetCheck.Driver;

/// <summary>
/// The only way <c>adopt</c> runs code, so its rules test without a run: each trial of a block, a chain of blocks, a page or the pages as they
/// will be written goes through here, and <see cref="Verifier"/> is the one implementation that compiles and runs. What
/// adopt infers from a trial's result is then a function of that result, which a test drives with a fake of this
/// interface returning recorded results (tests/SnippetCheck.Tests/Unit/Adoption/), in milliseconds instead of a CLI run.
/// A trial port only: the package lookups (<see cref="References.IPackageFeed"/>) and the documents read again with a trial's config
/// (<see cref="Verifier.PrepareAs"/>) are handed to adopt beside it, and no trial takes the host's <see cref="VerifyOptions"/>.
/// </summary>
internal interface IBlockTrials
{
    /// <summary>The config in force for the trials: the config file with the command line laid over it.</summary>
    SnippetCheckConfig Config { get; }

    /// <summary>Each block alone, as its tags now say (<c>Verifier.Trials.cs</c>).</summary>
    Task<IReadOnlyList<SnippetResult>> VerifyLoneAsync(
        IReadOnlyList<(PreparedDocument Document, Snippet Snippet)> blocks, bool useCache, CancellationToken cancellationToken);

    /// <summary>Each document's blocks as one session (<c>Verifier.Trials.cs</c>).</summary>
    Task<IReadOnlyList<SnippetResult>> VerifySessionsAsync(
        IReadOnlyList<(PreparedDocument Document, string Session, IReadOnlyList<Snippet> Blocks)> sessions, CancellationToken cancellationToken);

    /// <summary>Each document's blocks as its page fixture (<c>Verifier.Trials.cs</c>).</summary>
    Task<IReadOnlyList<SnippetResult>> VerifyFixturesAsync(
        IReadOnlyList<(PreparedDocument Document, IReadOnlyList<Snippet> Blocks)> pages, CancellationToken cancellationToken);

    /// <summary>
    /// Pages as adopt will write them, given as text and verified as <c>verify</c> will read them: every block (no filter),
    /// with <paramref name="commandLine"/> as the run's command line (the config adopt's pins and models make, laid over the
    /// run's), only <paramref name="onlyBlocks"/> when given.
    /// </summary>
    Task<VerificationReport> VerifyWrittenAsync(
        SnippetCheckConfig commandLine, IReadOnlyList<DocumentText> texts, IReadOnlySet<SourceLocation>? onlyBlocks,
        CancellationToken cancellationToken);
}
