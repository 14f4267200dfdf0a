using SnippetCheck.Model;

namespace SnippetCheck.Results;

/// <summary>
/// A block that looks broken rather than incomplete (docs/authoring.md, "What adopt reports as rot"): the error as the
/// compiler or the run gave it, why it is suspected, and the kind of evidence (<see cref="RotEvidence"/>).
/// </summary>
/// <param name="Location">Where the error stands.</param>
/// <param name="Id">The compiler's ID (<c>CS0117</c>), or the runtime's word (<c>exception</c>, <c>output</c>).</param>
/// <param name="Message">The error as the compiler or the runtime says it.</param>
/// <param name="Evidence">One of <see cref="RotEvidence.Kinds"/>.</param>
/// <param name="Why">Why it is suspected, in a few words.</param>
public sealed record SuspectedRot(SourceLocation Location, string Id, string Message, string Evidence, string Why)
{
    /// <summary>Where the block's opening fence stands.</summary>
    public SourceLocation? Block { get; init; }

    /// <summary>
    /// For a removed API: the last version of the package that declared the name; for a block of docs written for an older
    /// major: the version it verifies with (adopt pins it). Null when not known.
    /// </summary>
    public string? LastVersion { get; init; }

    /// <summary>For a typo: the repair that makes the block compile (adopt tried it), which <c>adopt --repair</c> writes. Null otherwise.</summary>
    internal TypoRepair? Repair { get; init; }

    /// <summary>The code its warning is reported with (SC2016).</summary>
    public string Code => DiagnosticCodes.SuspectedRot;

    /// <summary>The SC2016 warning's text, as <c>verify --all</c>'s reports and the language server show it.</summary>
    public string Warning => $"suspected rot [{Evidence}]: {Id}: {Message} — {Why}";

    /// <summary><c>file(line,col): ID: message — why [evidence]</c>, one console line.</summary>
    public override string ToString() => $"{Location}: {Id}: {OneLine(Message)} — {Why} [{Evidence}]";

    private static string OneLine(string text)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length <= 160 ? line : line[..157] + "...";
    }
}
