using SnippetCheck.Programs;
using SnippetCheck.Extraction;

namespace SnippetCheck.Compilation;

/// <summary>A piece of code that goes into a program: a snippet's body or a prelude.</summary>
/// <param name="Id">The block's index in its session (0 for a lone snippet); negative for preludes.</param>
/// <param name="File">The document, as written into <c>#line</c> directives.</param>
/// <param name="MemberClass">For a <c>members</c> block of extension methods, the static class <see cref="MemberWrapper"/> put around its
/// lines.</param>
internal sealed record CodePart(int Id, string File, IReadOnlyList<CodeLine> Lines, string? MemberClass = null)
{
    /// <summary>On a fixture page, the instance method a statement block became (<see cref="FixtureWrapper"/>); null otherwise.</summary>
    public string? FixtureMethod { get; init; }

    internal bool IsPrelude => Id < 0;
}
