using SnippetCheck.Model;
using SnippetCheck.Results;

namespace SnippetCheck.Adoption;

/// <summary>What <c>--accept</c> did with one output block.</summary>
/// <param name="Location">The output block's opening fence, in the file as it was verified.</param>
/// <param name="Result">The failed snippet the output block belongs to.</param>
/// <param name="Accepted">True when the block now holds the actual output; false when it was left alone.</param>
/// <param name="Message">What happened, for the console: <c>accepted output for …</c> or <c>not rewritten: …</c>.</param>
public sealed record AcceptEntry(SourceLocation Location, SnippetResult Result, bool Accepted, string Message)
{
    /// <summary><c>path(line,col): message</c>, the form every console line of the tool has.</summary>
    public override string ToString() => $"{Location}: {Message}";
}

/// <summary>Everything one <c>--accept</c> pass did, one entry per output-mismatch failure, in report order.</summary>
public sealed record AcceptOutcome(IReadOnlyList<AcceptEntry> Entries, IReadOnlyList<string> FilesWritten)
{
    internal static readonly AcceptOutcome Nothing = new([], []);

    /// <summary>Output blocks that now hold the actual output.</summary>
    public int AcceptedCount => Entries.Count(e => e.Accepted);

    /// <summary>Failures left alone, each with its reason in <see cref="Entries"/>.</summary>
    public int RefusedCount => Entries.Count(e => !e.Accepted);

    /// <summary>
    /// The report as it stands after accepting: a snippet whose output block now holds its actual output
    /// counts as passed. Every other verdict, and the locations (those of the files as verified), stay.
    /// </summary>
    public VerificationReport Apply(VerificationReport report)
    {
        // A matrix block with several output blocks passes once every one of them was accepted.
        var accepted = Entries.Where(e => e.Accepted).Select(e => e.Result)
            .Except(Entries.Where(e => !e.Accepted).Select(e => e.Result), ReferenceEqualityComparer.Instance)
            .ToHashSet(ReferenceEqualityComparer.Instance);
        if (accepted.Count == 0) return report;
        return report with
        {
            Snippets = [.. report.Snippets.Select(r => accepted.Contains(r)
                ? r with { Verdict = new Verdict.Passed("output accepted") }
                : r)],
        };
    }
}

