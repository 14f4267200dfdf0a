using SnippetCheck.Compilation;

namespace SnippetCheck.Results;

/// <summary>What a snippet came to: a closed set. A failure carries its own data (<see cref="Failure"/>).</summary>
public abstract record Verdict
{
    private Verdict() { }

    /// <summary>The status reports show for this verdict.</summary>
    internal abstract SnippetStatus Status { get; }

    /// <summary>The one line a report shows for it.</summary>
    public virtual string? Message => null;

    /// <summary>A pass with nothing to say beside it.</summary>
    public static readonly Verdict Pass = new Passed();

    /// <summary>The verdict of every untagged block a run does not verify.</summary>
    public static readonly Verdict NotTagged = new Untagged();

    /// <param name="Note">Said beside the pass, when anything is (<c>output accepted</c>).</param>
    /// <summary>It did what its tags say.</summary>
    public sealed record Passed(string? Note = null) : Verdict
    {
        /// <inheritdoc/>
        internal override SnippetStatus Status => SnippetStatus.Passed;

        /// <inheritdoc/>
        public override string? Message => Note;
    }

    /// <summary>
    /// Passed at the <c>check</c> level, weaker than <c>compile</c>: every error was an unknown name the post never
    /// declares, and something bound to the framework or a package. Reports say "checked", never "verified".
    /// </summary>
    public sealed record Checked : Verdict
    {
        internal Checked(IReadOnlyList<UnknownName> unknown, string knownUse) => (Unknown, KnownUse) = (unknown, knownUse);

        internal IReadOnlyList<UnknownName> Unknown { get; init; }
        /// <summary>The first use that bound to the framework or a package (<c>Console.WriteLine(string?)</c>).</summary>
        public string KnownUse { get; init; }

        /// <inheritdoc/>
        internal override SnippetStatus Status => SnippetStatus.Passed;

        /// <summary>The <c>...</c> placeholders the tool filled so that what is around them could be checked.</summary>
        internal IReadOnlyList<Hole> Holes { get; init; } = [];

        /// <inheritdoc/>
        public override string Message => (Unknown.Count == 0
            ? "checked (every name binds"
            : $"checked ({string.Join(", ", Unknown.Select(u => u.Name).Distinct())} not declared in the post")
            + (Holes.Count switch { 0 => "", 1 => "; 1 hole left out", var n => $"; {n} holes left out" }) + ")";
    }

    /// <summary>Not verified, for a reason outside the block (front matter, a broken session).</summary>
    /// <param name="Why">The reason, as the report says it.</param>
    public sealed record Skipped(string Why) : Verdict
    {
        /// <inheritdoc/>
        internal override SnippetStatus Status => SnippetStatus.Skipped;

        /// <inheritdoc/>
        public override string Message => Why;
    }

    /// <summary>
    /// Compiled, and not run yet: what a block that would run gets in a compile-only run (the language server's as you
    /// type), neither a pass nor a failure. Reports count it as skipped; it runs on save.
    /// </summary>
    public sealed record Compiled : Verdict
    {
        /// <inheritdoc/>
        internal override SnippetStatus Status => SnippetStatus.Skipped;

        /// <inheritdoc/>
        public override string Message => "compiled; not run yet (it runs on save)";
    }

    /// <summary>The verdict of every block that would run, in a compile-only run.</summary>
    public static readonly Verdict NotRunYet = new Compiled();

    /// <summary>Never compiled: tagged <c>ignore</c>, or nothing to compile (<paramref name="ReasonWord"/> <c>empty</c>).</summary>
    /// <param name="Why">What the report says beside it; null for a plain <c>ignore</c>.</param>
    /// <param name="ReasonWord">The reason word reports give it (<c>empty</c>); null for a plain <c>ignore</c>.</param>
    public sealed record Ignored(string? Why = null, string? ReasonWord = null) : Verdict
    {
        /// <inheritdoc/>
        internal override SnippetStatus Status => SnippetStatus.Ignored;

        /// <inheritdoc/>
        public override string? Message => Why;
    }

    /// <summary>An untagged block, not verified (a run without <c>--all</c>).</summary>
    public sealed record Untagged : Verdict
    {
        /// <inheritdoc/>
        internal override SnippetStatus Status => SnippetStatus.Untagged;
    }

    /// <summary>It did not do what its tags say.</summary>
    /// <param name="Failure">How it failed, with the reason, code, place and detail reports show.</param>
    public sealed record Failed(Failure Failure) : Verdict
    {
        /// <inheritdoc/>
        internal override SnippetStatus Status => SnippetStatus.Failed;

        /// <inheritdoc/>
        public override string Message => Failure.Message;
    }

    /// <summary>An empty block (no code at all) is never counted as passed.</summary>
    public static readonly Verdict Empty = new Ignored(
        "empty: the block holds no code (only blank lines or comments); fill it, or tag it 'ignore'", "empty");
}
