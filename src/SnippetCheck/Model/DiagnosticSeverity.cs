namespace SnippetCheck.Model;

/// <summary>How much a <see cref="Diagnostic"/> weighs.</summary>
public enum DiagnosticSeverity
{
    /// <summary>A note, shown only on request (a blog engine's attribute in an info string).</summary>
    Info,

    /// <summary>Reported, but it fails nothing by itself.</summary>
    Warning,

    /// <summary>
    /// A problem: a tool finding fails its snippet (or the run, for a stale tag under <c>"stale": "error"</c>); a
    /// compiler error fails a snippet unless it is tagged <c>compile-fail</c>.
    /// </summary>
    Error,
}
