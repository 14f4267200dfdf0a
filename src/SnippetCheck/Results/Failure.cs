using SnippetCheck.Model;

namespace SnippetCheck.Results;

/// <summary>Why a snippet failed, with what that failure needs to be reported: it owns its reason word, code and message.</summary>
/// <param name="Location">Where the failure points: the first compile error, the throwing line, the output block, or the fence.</param>
public abstract record Failure(SourceLocation Location)
{
    /// <summary>The closed-set reason reports name the failure by.</summary>
    public abstract FailureReason Reason { get; }

    /// <summary>The code it is reported with: a compiler ID (<c>CS0103</c>) or one of the tool's (<c>SC2001</c>).</summary>
    public abstract string Code { get; }

    /// <summary>The one line a report shows for it.</summary>
    public abstract string Message { get; }

    /// <summary>More lines for the console: a diff, a stack trace, further compiler errors; null when there are none.</summary>
    public virtual string? Detail => null;

    /// <summary>
    /// The failure in the few words an editor's code lens shows (<c>output differs</c>, <c>does not compile (CS0103)</c>),
    /// from the same table as the reports' reason word (<see cref="SnippetResult.ReasonWord"/>).
    /// </summary>
    public string Brief => ReportWords.Brief(Reason, Code);
}
