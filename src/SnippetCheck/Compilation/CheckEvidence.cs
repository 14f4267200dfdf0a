namespace SnippetCheck.Compilation;

/// <summary>
/// What a <c>check</c> block's own text binds (<see cref="CheckLevel.Evidence"/>): the first use of the framework or a
/// package, and how many of its calls bound to one or were left unbound on an unknown name.
/// </summary>
internal sealed record CheckEvidence(string? KnownUse, int BoundCalls, int UnboundCalls)
{
    /// <summary>
    /// The block checks something: an API of the framework or a package binds, the calls left unbound (on an unknown
    /// name or receiver, where a misspelt method passes) do not outnumber the calls that bound, and beside them some
    /// call binds that does more than write output (docs/authoring.md).
    /// </summary>
    public bool ChecksSomething => KnownUse is not null && UnboundCalls <= BoundCalls && !OnlyOutputBinds;

    /// <summary>
    /// How many of <see cref="BoundCalls"/> only write text out (<c>Console.WriteLine</c>): they bind whatever the block
    /// is about, so they prove none of it.
    /// </summary>
    public int OutputCalls { get; init; }

    /// <summary>Calls are left unbound, and the only calls that bind write output: what the block is about runs over unknown names.</summary>
    public bool OnlyOutputBinds => UnboundCalls > 0 && BoundCalls == OutputCalls;

    /// <summary>The block's first member call, made on a receiver of unknown type (<see cref="Compilation.HollowCall"/>); null if it binds.</summary>
    public HollowCall? HollowCall { get; init; }

    /// <summary>
    /// The block is compiled with packages, leaves calls unbound, and binds nothing of a package: what binds (a
    /// <c>StringComparer</c>, an <c>int.TryParse</c>) is the framework's, beside the package API it tolerates as unknown.
    /// </summary>
    public bool Incidental { get; init; }

    /// <summary>Why a block with a binding still checks nothing: its unbound calls outnumber the bound ones; null otherwise.</summary>
    public string? Shortfall => KnownUse is null || ChecksSomething ? null
        : UnboundCalls > BoundCalls
            ? $"only {BoundCalls} of its {BoundCalls + UnboundCalls} calls bind to the framework or a package; the other {UnboundCalls} depend on " +
              "unknown names, where a misspelt method would pass"
            : $"the only calls it makes that bind ({BoundCalls} of {BoundCalls + UnboundCalls}) write output; the other {UnboundCalls} depend on " +
              "unknown names or query values of a type declared nowhere, where a misspelt method would pass";
}
