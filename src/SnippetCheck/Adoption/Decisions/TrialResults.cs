using SnippetCheck.Adoption.Inference;
using SnippetCheck.Adoption.Inference.Packages;
using SnippetCheck.Adoption.Rot;
using SnippetCheck.Extraction.Snippets;
using SnippetCheck.Model;
using SnippetCheck.Results;

namespace SnippetCheck.Adoption.Decisions;

/// <summary>
/// What adopt's passes found of a run's untagged blocks, as the decision reads it (<see cref="BlockProposals"/>): data, not
/// the passes, keyed by each block's place and handed over once the passes are done (<c>Adopter.ProposeAsync</c>), so a
/// decision is tested by building it (Unit/Adoption/Decisions).
/// </summary>
/// <param name="Packages">The run's package inference: the packages each post is about, and what it could not load.</param>
/// <param name="Chains">The sessions found: blocks that pass joined with earlier blocks of their post.</param>
/// <param name="Blocks">What the trials found of each untagged block; one they found nothing of may be missing.</param>
internal sealed record TrialResults(
    PackageInference Packages, IReadOnlyList<SessionChoice.Chain> Chains, IReadOnlyDictionary<SourceLocation, TrialResults.Block> Blocks)
{
    /// <summary>What the trials found of <paramref name="snippet"/>.</summary>
    public Block Of(Snippet snippet) => Blocks.GetValueOrDefault(snippet.Location) ?? Block.Nothing;

    /// <summary>What the trials found of one block; each member null (or empty) when no trial found it.</summary>
    internal sealed record Block
    {
        /// <summary>No trial found anything.</summary>
        public static Block Nothing { get; } = new();

        /// <summary>The tags it compiles with (as written, as members, with usings, packages, in a class or with models).</summary>
        public SnippetTags? Compiles { get; init; }

        /// <summary>
        /// Its failure: with its receivers typed, once every name in it binds (it says more than the untyped one); else its last
        /// failure with its post's packages, else before them.
        /// </summary>
        public SnippetResult? Failure { get; init; }

        /// <summary>The failure with its receivers typed, when that lacks fewer names and none new: what a reader still has to add.</summary>
        public SnippetResult? Narrowed { get; init; }

        /// <summary>What the enclosing class trials say of it, when they found no class for it.</summary>
        public AdoptNote? ClassNote { get; init; }

        /// <summary>The usings guessed for it, with the names no one namespace declares.</summary>
        public UsingInference.Guess? Guess { get; init; }

        /// <summary>It tried as <c>compile-fail</c> on the errors its page marks.</summary>
        public SnippetResult? FailsAsMarked { get; init; }

        /// <summary>Why what its page says of its errors was not taken as its errors.</summary>
        public string? MarksRefused { get; init; }

        /// <summary>It passing at the <c>check</c> level.</summary>
        public SnippetResult? Check { get; init; }

        /// <summary>It as a listing of signatures its page's packages declare.</summary>
        public SnippetResult? Listing { get; init; }

        /// <summary>Its listing's failure, when its signatures are a listing its page's packages do not declare.</summary>
        public SnippetResult? Unlisted { get; init; }

        /// <summary>Its first run, when it compiled and has something to execute.</summary>
        public SnippetResult? Ran { get; init; }

        /// <summary>Its second run, when its first passed.</summary>
        public SnippetResult? Again { get; init; }

        /// <summary>What the prose right after it (a doc-comment example that ran twice) says its variables hold.</summary>
        public IReadOnlyList<ProseClaim> Claims { get; init; } = [];

        /// <summary>Its run with <see cref="Claims"/> as hidden result lines.</summary>
        public SnippetResult? Claimed { get; init; }
    }
}
