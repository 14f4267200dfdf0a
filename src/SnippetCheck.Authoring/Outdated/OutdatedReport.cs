using SnippetCheck.Model;
using SnippetCheck.Programs;

namespace SnippetCheck.Outdated;

/// <summary>A block that now fails on the newest version, and its first error at the post's file(line,col).</summary>
internal sealed record BlockFailure(SourceLocation Block, SourceLocation ErrorLocation, string Code, string Message)
{
    /// <summary><c>file(line,col): error CODE: message</c>, as every diagnostic is printed.</summary>
    public override string ToString() => $"{ErrorLocation}: error {Code}: {Message}";
}

/// <summary>
/// One pin, the newest version found for it and what its blocks did there. Blocks that failed on the pin already are
/// counted apart: a failure the newest version did not cause is not rot.
/// </summary>
/// <param name="Newest">The newest version that restores; null when the sources list none; the pin itself when none newer restores.</param>
/// <param name="Note">Why the newest listed version was not taken, or why none was found.</param>
public sealed record PinRow(PackagePin Pin, string? Newest, string? Note)
{
    /// <summary>Blocks that pass on the pin and on the newest version.</summary>
    public IReadOnlyList<SourceLocation> StillPass { get; init; } = [];

    /// <summary>Blocks that pass on the pin and fail on the newest version: the rot <c>outdated</c> is for.</summary>
    internal IReadOnlyList<BlockFailure> NowFail { get; init; } = [];

    /// <summary>Blocks that fail on the pin too, with their first error on the newest version (or the pin's when it did not move).</summary>
    internal IReadOnlyList<BlockFailure> FailedBefore { get; init; } = [];

    /// <summary>Blocks that failed on the pin and pass on the newest version.</summary>
    public IReadOnlyList<SourceLocation> NowPass { get; init; } = [];

    /// <summary>A version newer than the pin restores.</summary>
    public bool Behind => Newest is not null && !string.Equals(Newest, Pin.Version, StringComparison.OrdinalIgnoreCase);

    /// <summary>Every block passes on the newest version: <c>--write</c> may move the pin.</summary>
    public bool Movable => !Pin.IsFramework && Behind && NowFail.Count == 0 && FailedBefore.Count == 0;

    /// <summary>After <c>--write</c>: moved, or why it was not (null when it was not asked to move).</summary>
    public string? Written { get; init; }
}

/// <summary>What <c>outdated</c> found: a row per pin, and whether the pins were moved.</summary>
public sealed record OutdatedReport(IReadOnlyList<PinRow> Rows, IReadOnlyList<Diagnostic> FileErrors)
{
    /// <summary>Whether the pins were to be moved (<c>--write</c>).</summary>
    public bool Write { get; init; }

    /// <summary>Requests made to the sources (version lists, restores of newer versions): none when every answer was kept.</summary>
    public int Requests { get; init; }

    /// <summary>Blocks verified again on newer versions.</summary>
    public int Reverified { get; init; }

    /// <summary>A block that passes on its pin fails on the newest version.</summary>
    public bool Rots => Rows.Any(r => r.NowFail.Count > 0);

    /// <summary>There were pins, and no source listed a version of any.</summary>
    public bool NothingResolved => Rows.Count > 0 && Rows.All(r => !r.Behind && r.Newest is null);
}
