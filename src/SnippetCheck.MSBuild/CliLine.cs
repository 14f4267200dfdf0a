using System.Collections.Generic;
using SnippetCheck.Reporting;

namespace SnippetCheck.MSBuild;

/// <summary>
/// One line the CLI wrote under <c>--console-format json</c>: an object with <c>kind</c>, <c>message</c>, and where
/// there are any, <c>file</c>, <c>line</c>, <c>column</c> and <c>code</c> (docs/msbuild.md). A line that is
/// not such an object (the <c>dotnet</c> host failing to start the CLI) is plain text, kept as it is.
/// </summary>
internal sealed class CliLine
{
    private CliLine(ConsoleLineKind kind, string message, string? file = null, int line = 0, int column = 0, string? code = null)
    {
        Kind = kind;
        Message = message;
        File = file;
        Line = line;
        Column = column;
        Code = code;
    }

    public ConsoleLineKind Kind { get; }

    /// <summary>The message without its place and code; the whole line, indentation kept, for a detail or plain line.</summary>
    public string Message { get; }

    /// <summary>The file at fault as the CLI wrote it (relative to its working directory, or absolute), if any.</summary>
    public string? File { get; }

    public int Line { get; }

    public int Column { get; }

    public string? Code { get; }

    public static CliLine Read(string text)
    {
        var fields = FlatJson.TryRead(text);
        if (fields is null || !fields.TryGetValue("kind", out var kindName) || !ConsoleLineKinds.TryParse(kindName as string, out var kind))
            return new CliLine(ConsoleLineKind.Plain, text);
        return new CliLine(
            kind,
            fields.TryGetValue("message", out var message) ? message as string ?? "" : "",
            fields.TryGetValue("file", out var file) ? file as string : null,
            fields.TryGetValue("line", out var line) && line is int l ? l : 0,
            fields.TryGetValue("column", out var column) && column is int c ? c : 0,
            fields.TryGetValue("code", out var code) ? code as string : null);
    }
}

/// <summary>One thing the CLI reported: a line (<see cref="CliLine"/>) and the detail lines below it.</summary>
internal sealed class CliMessage(CliLine header, IReadOnlyList<string> details)
{
    /// <summary>The line that opens the message; for detail lines that came before any other line, a detail line itself.</summary>
    public CliLine Header { get; } = header;

    /// <summary>Its hint, stack trace, diff or compiler notes, each line as printed (indentation kept).</summary>
    public IReadOnlyList<string> Details { get; } = details;
}

/// <summary>
/// Groups the CLI's lines into messages: a detail line belongs to the last line that was not one. A message is
/// complete only when the next one starts, or the output ends: its details are never logged apart from it, before
/// or after another message.
/// </summary>
internal sealed class CliMessageReader
{
    private CliLine? _header;
    private readonly List<string> _details = [];

    /// <summary>Reads one line; returns the message this line completed, if it started a new one.</summary>
    public CliMessage? Add(string text)
    {
        var line = CliLine.Read(text);
        if (line.Kind == ConsoleLineKind.Detail && _header is not null)
        {
            _details.Add(line.Message);
            return null;
        }
        var completed = Finish();
        _header = line;
        return completed;
    }

    /// <summary>The message still open when the output ends, if any.</summary>
    public CliMessage? Finish()
    {
        if (_header is null) return null;
        var message = new CliMessage(_header, _details.ToArray());
        _header = null;
        _details.Clear();
        return message;
    }
}
