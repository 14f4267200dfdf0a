using SnippetCheck.Model;

namespace SnippetCheck.Compilation;

/// <summary>A compiler diagnostic, mapped back to the Markdown line and column it came from.</summary>
/// <param name="PartId">The program part (session block or prelude) the location falls in; null when it falls in generated code.</param>
internal sealed record CompilerDiagnostic(string Id, Model.DiagnosticSeverity Severity, string Message, SourceLocation? Location, int? PartId)
{
    /// <summary>Where the compiler's span ends (exclusive) in the document, for an editor's underline; null when unknown.</summary>
    public SourceLocation? End { get; init; }

    /// <summary>
    /// A CS0117 or CS1061 whose member exists, but is internal to its assembly: metadata gives a compilation only the
    /// public members of a reference, so the compiler says "no definition" where csc in the library's own project
    /// would have said CS0122. Worked out for doc-comment examples only (<see cref="SnippetCompiler.Compile"/>).
    /// </summary>
    public bool NamesInternalMember { get; init; }

    /// <summary>
    /// The name, when this error is an unknown name that a <c>check</c> block is allowed (<see cref="CheckLevel.UnknownNames"/>); else null.
    /// </summary>
    public string? UnknownName { get; init; }

    /// <summary>What makes two diagnostics the same one, as the reports list them (the span's end is not shown there).</summary>
    public (string, Model.DiagnosticSeverity, string, SourceLocation?, int?) Identity => (Id, Severity, Message, Location, PartId);
}
