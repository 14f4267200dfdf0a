namespace SnippetCheck.Model;

public enum DiagnosticSeverity { Info, Warning, Error }

/// <summary>A near miss: <paramref name="Word"/> as the document has it (<c>rnu</c>, <c>timout=2s</c>), and the word it likely meant (<c>run</c>, <c>timeout</c>).</summary>
public sealed record Suggestion(string Word, string Meant);

/// <summary>One finding, tool or compiler, always tied to a place in a Markdown file.</summary>
public sealed record Diagnostic(string Id, DiagnosticSeverity Severity, string Message, SourceLocation Location)
{
    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <summary>Where the compiler's span ends (exclusive), for an editor's underline; null for the tool's own findings.</summary>
    public SourceLocation? End { get; init; }

    /// <summary>For a misspelt word (SC1001): the word as written and what it likely meant, for an editor's quick fix.</summary>
    public Suggestion? Suggestion { get; init; }

    /// <summary>The MSBuild canonical form, which editors and problem matchers understand.</summary>
    public string ToCanonicalString() =>
        $"{Location.File}({Location.Line},{Location.Column}): {Severity.ToString().ToLowerInvariant()} {Id}: {Message}";

    public static Diagnostic Error(string id, string message, SourceLocation location) =>
        new(id, DiagnosticSeverity.Error, message, location);

    public static Diagnostic Warning(string id, string message, SourceLocation location) =>
        new(id, DiagnosticSeverity.Warning, message, location);
}
