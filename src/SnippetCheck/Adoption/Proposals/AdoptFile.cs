using SnippetCheck.Adoption.Inference;
using SnippetCheck.Extraction;
using SnippetCheck.Results;
using SnippetCheck.Extraction.Snippets;

namespace SnippetCheck.Adoption.Proposals;

/// <summary>One file's untagged blocks: what would be tagged, what still fails, and whether the tags were written.</summary>
/// <param name="Blocks">Untagged C# blocks in the file (those <c>adopt</c> looked at).</param>
internal sealed record AdoptFile(
    SourceDocument Document, int Blocks, IReadOnlyList<AdoptProposal> Proposals, IReadOnlyList<SnippetResult> Failures,
    IReadOnlyList<AdoptNote> Notes)
{
    internal string Path => Document.DisplayPath;
    internal int Compile => Proposals.Count(p => p.Kind == SnippetKind.Compile);
    internal int CompileFail => Proposals.Count(p => p.Kind == SnippetKind.CompileFail);

    /// <summary>Blocks tagged <c>check</c>: protected, but weaker than verified, and never counted with them.</summary>
    public int Check => Proposals.Count(p => p.Kind == SnippetKind.Check);
    // What the verified blocks were tagged with; check blocks are counted apart (Check), never among them.
    internal int Members => Verified.Count(p => p.Members);
    internal int Results => Verified.Count(p => p.Results);
    internal int WithUsings => Verified.Count(p => p.Usings.Count > 0);
    internal int InSessions => Verified.Count(p => p.Session is not null);
    internal int WithPackages => Verified.Count(p => p.Packages.Count > 0);

    /// <summary>Doc-comment examples with a hidden check of what their prose claims.</summary>
    public int WithHiddenChecks => Verified.Count(p => p.HiddenChecks.Count > 0);

    /// <summary>Blocks that look broken rather than incomplete (and prose claims an example does not bear out), with their evidence.</summary>
    public IReadOnlyList<SuspectedRot> Rot { get; init; } = [];

    /// <summary>How many of <see cref="Rot"/>.</summary>
    public int SuspectedRot => Rot.Count;

    private IEnumerable<AdoptProposal> Verified => Proposals.Where(p => p.Verifies);
    internal int Run => Proposals.Count(p => p.Kind == SnippetKind.Run);
    internal int Output => Proposals.Count(p => p.Output is not null);
    internal int StillFailing => Failures.Count;

    /// <summary>
    /// The page is verified as one class: what its front matter gets for it (nothing when config already says all); null for no fixture.
    /// </summary>
    internal PageSettings? Fixture { get; init; }

    /// <summary>Blocks left out of a fixture page because they fail in it: tagged <c>ignore</c>, never counted as verified.</summary>
    public int LeftOut => Proposals.Count(p => p.LeftOut);

    /// <summary>Why each of <see cref="Failures"/> stays unverified, in the same order.</summary>
    internal IReadOnlyList<UnverifiedCause> Causes { get; init; } = [];

    /// <summary>With <c>--write</c>: true once a write of the file was tried.</summary>
    public bool WriteTried { get; init; }

    /// <summary>Why the tried write was refused; null when it was not (or none was tried).</summary>
    public string? WriteProblem { get; init; }

    /// <summary>The file now holds the proposals.</summary>
    public bool Written => WriteTried && WriteProblem is null;
}
