namespace SnippetCheck.Model;

/// <summary>One finding, tool or compiler, always tied to a place in a Markdown file.</summary>
/// <param name="Id">A compiler ID (<c>CS0103</c>) or one of the tool's codes (<c>SC1001</c>, listed in docs/diagnostics.md).</param>
/// <param name="Severity">Whether it is an error, a warning or a note.</param>
/// <param name="Message">What is wrong, in one line.</param>
/// <param name="Location">Where it starts in the original file.</param>
public sealed record Diagnostic(string Id, DiagnosticSeverity Severity, string Message, SourceLocation Location)
{
    /// <summary>True when the finding is an <see cref="DiagnosticSeverity.Error"/>.</summary>
    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <summary>Where the compiler's span ends (exclusive), for an editor's underline; null for the tool's own findings.</summary>
    public SourceLocation? End { get; init; }

    /// <summary>For a misspelt word (SC1001): the word as written and what it likely meant, for an editor's quick fix.</summary>
    public Suggestion? Suggestion { get; init; }

    /// <summary>The MSBuild canonical form, which editors and problem matchers understand.</summary>
    public string ToCanonicalString() =>
        $"{Location.File}({Location.Line},{Location.Column}): {Severity.ToString().ToLowerInvariant()} {Id}: {Message}";

    /// <summary>An error finding with the given code (<c>SC1002</c>) and message at <paramref name="location"/>.</summary>
    public static Diagnostic Error(string id, string message, SourceLocation location) =>
        new(id, DiagnosticSeverity.Error, message, location);

    /// <summary>A warning finding with the given code and message at <paramref name="location"/>.</summary>
    public static Diagnostic Warning(string id, string message, SourceLocation location) =>
        new(id, DiagnosticSeverity.Warning, message, location);

    /// <summary>
    /// The tool's own failure, caught while <paramref name="doing"/> (<c>verifying this file</c>), as an SC3006 error at
    /// <paramref name="location"/>: what a host that goes on after it (the language server) shows in its place.
    /// </summary>
    public static Diagnostic InternalError(string doing, Exception error, SourceLocation location) =>
        Error(DiagnosticCodes.InternalError, $"internal error while {doing} ({error.GetType().Name}: {error.Message})", location);
}
