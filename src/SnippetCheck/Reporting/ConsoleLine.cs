using System.Text.Json;
using SnippetCheck.Model;

namespace SnippetCheck.Reporting;

/// <summary>
/// One line the console shows, with what it is: its text (<see cref="ToString"/>) is what a person reads, its JSON
/// (<see cref="WriteJson"/>) what a host reads, so the MSBuild task never parses the text back.
/// Hosts make one through its factories (<see cref="Plain"/>, <see cref="Note"/>, <see cref="Of(Diagnostic)"/>).
/// </summary>
internal sealed record ConsoleLine
{
    internal ConsoleLine(ConsoleLineKind kind, string message, SourceLocation? place = null, string? code = null)
    {
        Kind = kind;
        Message = message;
        Place = place;
        Code = code;
    }

    /// <summary>What the line is.</summary>
    internal ConsoleLineKind Kind { get; init; }

    /// <summary>The message after the place and code; the whole line (indentation kept) for a detail or plain line.</summary>
    public string Message { get; init; }

    /// <summary>Where the finding is, if anywhere.</summary>
    public SourceLocation? Place { get; init; }

    /// <summary>The finding's code (<c>CS0103</c>, <c>SC2001</c>), if it has one.</summary>
    public string? Code { get; init; }

    /// <summary>
    /// Words the text puts after the code (<c>error CS0117 on net8.0 (passes on net10.0): ...</c>); the JSON puts
    /// them before the message instead, where MSBuild's message shows them.
    /// </summary>
    public string? CodeNote { get; init; }

    internal static ConsoleLine Error(SourceLocation place, string? code, string message) => new(ConsoleLineKind.Error, message, place, code);

    /// <summary>A tool or compiler finding, as its severity makes it: an info is a note that carries its severity word.</summary>
    public static ConsoleLine Of(Diagnostic diagnostic) => diagnostic.Severity switch
    {
        DiagnosticSeverity.Error => Error(diagnostic.Location, diagnostic.Id, diagnostic.Message),
        DiagnosticSeverity.Warning => new(ConsoleLineKind.Warning, diagnostic.Message, diagnostic.Location, diagnostic.Id),
        _ => Note(diagnostic.Location, $"{diagnostic.Severity.ToString().ToLowerInvariant()} {diagnostic.Id}: {diagnostic.Message}"),
    };

    /// <summary>A file problem: its column is 1 when it is about the whole file (<see cref="ReportText.Column"/>).</summary>
    public static ConsoleLine OfFileError(Diagnostic error) =>
        Error(error.Location with { Column = ReportText.Column(error) }, error.Id, error.Message);

    /// <summary>A note at a place: what a person may want to know, never a failure.</summary>
    public static ConsoleLine Note(SourceLocation place, string message) => new(ConsoleLineKind.Note, message, place);

    /// <summary>The tool unable to do its job; a bad argument has no code.</summary>
    public static ConsoleLine ToolError(string? code, string message, SourceLocation? place = null) =>
        new(ConsoleLineKind.ToolError, message, place, code);

    /// <summary>The tool stopped by a setup problem, at its place if it has one.</summary>
    public static ConsoleLine Of(VerificationSetupException problem) => ToolError(problem.Code, problem.Problem, problem.Place);

    /// <summary>A line below the one before it, indentation included.</summary>
    public static ConsoleLine Detail(string line) => new(ConsoleLineKind.Detail, line);

    /// <summary>A line of text of its own (a summary, a heading).</summary>
    public static ConsoleLine Plain(string line) => new(ConsoleLineKind.Plain, line);

    /// <summary>The line as the console prints it (the MSBuild canonical form for a finding, docs/commands.md).</summary>
    public override string ToString() => Kind switch
    {
        ConsoleLineKind.Error or ConsoleLineKind.Warning =>
            $"{Place}: {(Kind == ConsoleLineKind.Error ? "error" : "warning")} {Code}{(CodeNote is null ? "" : " " + CodeNote)}: {Message}",
        ConsoleLineKind.Note when Place is not null => $"{Place}: {Message}",
        ConsoleLineKind.ToolError when Code is null => ToolMessage.Text(Message),
        ConsoleLineKind.ToolError => ToolMessage.Error(Code, Place is null ? Message : $"{Place}: {Message}"),
        _ => Message,
    };

    /// <summary>
    /// One object on one line: <c>kind</c> (<c>error</c>, <c>warning</c>, <c>note</c>, <c>toolError</c>, <c>detail</c>,
    /// <c>plain</c>), <c>message</c>, and where there are any, <c>file</c>, <c>line</c>, <c>column</c> and <c>code</c>.
    /// Non-ASCII text is escaped, so the line survives whatever encoding the host reads the process's output in.
    /// </summary>
    public void WriteJson(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("kind", ConsoleLineKinds.Name(Kind));
        if (Place is { } place)
        {
            json.WriteString("file", place.File);
            json.WriteNumber("line", place.Line);
            json.WriteNumber("column", place.Column);
        }
        if (Code is not null) json.WriteString("code", Code);
        json.WriteString("message", CodeNote is null ? Message : $"{CodeNote}: {Message}");
        json.WriteEndObject();
    }
}
