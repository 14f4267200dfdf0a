// Shared by the tool and the MSBuild task (linked into both), so the two can never disagree on what a console line is.
namespace SnippetCheck.Reporting;

/// <summary>What a console line is, for a host that reads it as a JSON line (<c>--console-format json</c>) instead of as text.</summary>
internal enum ConsoleLineKind
{
    /// <summary><c>path(line,col): error CODE: message</c>: a failed snippet, a file problem, a stale tag under <c>"stale": "error"</c>.</summary>
    Error,

    /// <summary><c>path(line,col): warning CODE: message</c>: a finding that fails nothing.</summary>
    Warning,

    /// <summary>
    /// <c>path(line,col): message</c>: a note at a place that is neither an error nor a warning (accepted output, a skipped block).
    /// </summary>
    Note,

    /// <summary>
    /// <c>snippetcheck: error CODE: [place: ]message</c>, or <c>snippetcheck: message</c> without a code: the tool cannot do its job.
    /// </summary>
    ToolError,

    /// <summary>An indented line that belongs to the line before it: a diff, compiler notes, a stack trace, a hint.</summary>
    Detail,

    /// <summary>Anything else: the summary, the coverage line, the failure digest.</summary>
    Plain,
}

/// <summary>
/// Each <see cref="ConsoleLineKind"/>'s name in a JSON line: <c>error</c>, <c>warning</c>, <c>note</c>, <c>toolError</c>, <c>detail</c>,
/// <c>plain</c>.
/// </summary>
internal static class ConsoleLineKinds
{
    public static string Name(ConsoleLineKind kind) => kind == ConsoleLineKind.ToolError ? "toolError" : kind.ToString().ToLowerInvariant();

    public static bool TryParse(string? name, out ConsoleLineKind kind)
    {
        foreach (ConsoleLineKind candidate in System.Enum.GetValues(typeof(ConsoleLineKind)))
        {
            if (!string.Equals(Name(candidate), name, System.StringComparison.Ordinal)) continue;
            kind = candidate;
            return true;
        }
        kind = ConsoleLineKind.Plain;
        return false;
    }
}
