using SnippetCheck.Model;

namespace SnippetCheck.Results;

/// <summary>A snippet's verdict (the JSON report's <c>status</c>, docs/ci.md "Reports").</summary>
internal enum SnippetStatus
{
    /// <summary>Verified, and it did what its tags say.</summary>
    Passed,

    /// <summary>Verified, and it did not (<see cref="FailureReason"/> says how).</summary>
    Failed,

    /// <summary>Tagged <c>ignore</c>, or empty: never verified.</summary>
    Ignored,

    /// <summary>An untagged C# block in a run without <c>--all</c>: counted, not verified.</summary>
    Untagged,

    /// <summary>Not verified for a reason outside the block: front matter, a broken session, a compile-only run.</summary>
    Skipped,
}
