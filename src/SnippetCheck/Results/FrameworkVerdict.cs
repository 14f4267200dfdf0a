using SnippetCheck.Model;

namespace SnippetCheck.Results;

/// <summary>A block's verdict on one framework of a matrix; <paramref name="Result"/> is null where the block does not apply.</summary>
internal sealed record FrameworkVerdict(TargetFramework Framework, SnippetResult? Result)
{
    /// <summary>The JSON report's word: the verdict's status, or <c>not-applicable</c>.</summary>
    public string StatusWord => Result?.Status.ToWord() ?? "not-applicable";
}
