using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace SnippetCheck.MSBuild;

/// <summary>What one line the CLI printed is to the build.</summary>
internal enum CliLineKind
{
    /// <summary>A failed snippet or a file problem: <c>path(line,col): error CODE: message</c>.</summary>
    Error,

    /// <summary>A finding that does not fail the run (a foreign attribute): <c>path(line,col): warning CODE: message</c>.</summary>
    Warning,

    /// <summary>
    /// The CLI could not do its job (exit code 2): <c>snippetcheck: error CODE: message</c>, where the message may
    /// start with the place at fault (<c>snippetcheck.json(1,1): unknown key</c>), or a bad argument reported
    /// without a code (<c>snippetcheck: --timeout 'soon' is not a duration</c>).
    /// </summary>
    ToolError,

    /// <summary>An indented line below a failure: its diff, compiler notes, stack trace.</summary>
    Detail,

    /// <summary>
    /// Anything else, such as the summary line, or a note at a place that is neither an error nor a warning
    /// (<c>path(line,col): accepted output for ...</c>), whose place is read too.
    /// </summary>
    Other,
}

/// <summary>
/// One line of the CLI's console output, classified. The CLI prints the MSBuild canonical form
/// (README.md#command-line) and its own errors as <c>snippetcheck: error CODE: message</c> (the core's
/// <c>ToolMessage</c>), so this reads exactly those forms rather than every variant MSBuild's own parser accepts.
/// </summary>
internal sealed class CliOutputLine
{
    private static readonly Regex Located = new(
        @"^(?<file>.+?)\((?<line>\d+),(?<column>\d+)\): (?<category>error|warning) (?<code>[A-Za-z]+[0-9]+): (?<message>.*)$",
        RegexOptions.CultureInvariant);

    private static readonly Regex FromTool = new(
        @"^snippetcheck: (?!warning )(?:error (?<code>[A-Za-z]+[0-9]+): )?(?:(?<file>.+?)\((?<line>\d+),(?<column>\d+)\): )?(?<message>.*)$",
        RegexOptions.CultureInvariant);

    private static readonly Regex Noted = new(
        @"^(?<file>\S.*?)\((?<line>\d+),(?<column>\d+)\): (?<message>.*)$",
        RegexOptions.CultureInvariant);

    private CliOutputLine(CliLineKind kind, string original, string text, string? file = null, int line = 0, int column = 0, string? code = null)
    {
        Kind = kind;
        Original = original;
        Text = text;
        File = file;
        Line = line;
        Column = column;
        Code = code;
    }

    public CliLineKind Kind { get; }

    /// <summary>The line as the CLI printed it.</summary>
    public string Original { get; }

    /// <summary>The message without its location and code; the message after the place for a note; the whole line for details and other lines.</summary>
    public string Text { get; }

    /// <summary>The file at fault as the CLI printed it (relative to its working directory, or absolute), if any.</summary>
    public string? File { get; }

    public int Line { get; }

    public int Column { get; }

    public string? Code { get; }

    /// <summary>
    /// A note's line with its file made relative to <paramref name="directory"/> (the CLI's working directory), the
    /// form the CLI prints files below it in; any other line as it is.
    /// </summary>
    public string WithFileRelativeTo(string directory)
    {
        if (Kind != CliLineKind.Other || File is null || !Path.IsPathRooted(File)) return Original;
        return $"{RelativePath(directory, File)}({Line},{Column}): {Text}";
    }

    /// <summary><paramref name="path"/> from <paramref name="directory"/>, with <c>..</c> where it lies outside; forward slashes.</summary>
    internal static string RelativePath(string directory, string path)
    {
        var comparison = Path.DirectorySeparatorChar == '\\' ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        char[] separators = ['/', '\\'];
        var from = Path.GetFullPath(directory).Split(separators, StringSplitOptions.RemoveEmptyEntries);
        var to = Path.GetFullPath(path).Split(separators, StringSplitOptions.RemoveEmptyEntries);
        var common = 0;
        while (common < from.Length && common < to.Length && string.Equals(from[common], to[common], comparison)) common++;
        // Another drive: nothing relative reaches it.
        if (common == 0 && Path.IsPathRooted(path) && Path.GetPathRoot(path)!.Length > 1) return path;
        return string.Join("/", Enumerable.Repeat("..", from.Length - common).Concat(to.Skip(common)));
    }

    public static CliOutputLine Parse(string line)
    {
        if (line.Length > 0 && char.IsWhiteSpace(line[0])) return new CliOutputLine(CliLineKind.Detail, line, line);
        var tool = FromTool.Match(line);
        if (tool.Success) return FromMatch(CliLineKind.ToolError, tool);
        var located = Located.Match(line);
        if (located.Success) return FromMatch(located.Groups["category"].Value == "error" ? CliLineKind.Error : CliLineKind.Warning, located);
        var noted = Noted.Match(line);
        return noted.Success ? FromMatch(CliLineKind.Other, noted) : new CliOutputLine(CliLineKind.Other, line, line);
    }

    private static CliOutputLine FromMatch(CliLineKind kind, Match match) => new(
        kind,
        match.Value,
        match.Groups["message"].Value,
        match.Groups["file"].Success ? match.Groups["file"].Value : null,
        match.Groups["line"].Success ? int.Parse(match.Groups["line"].Value, CultureInfo.InvariantCulture) : 0,
        match.Groups["column"].Success ? int.Parse(match.Groups["column"].Value, CultureInfo.InvariantCulture) : 0,
        match.Groups["code"].Success ? match.Groups["code"].Value : null);
}

/// <summary>One thing the CLI reported: a line (<see cref="CliOutputLine"/>) and the indented detail lines below it.</summary>
internal sealed class CliMessage(CliOutputLine header, IReadOnlyList<string> details)
{
    /// <summary>The line that opens the message; for detail lines that came before any other line, a detail line itself.</summary>
    public CliOutputLine Header { get; } = header;

    /// <summary>Its hint, stack trace, diff or compiler notes, each line as printed (indentation kept).</summary>
    public IReadOnlyList<string> Details { get; } = details;
}

/// <summary>
/// Groups the CLI's output lines into messages. The CLI prints each failure as one line in the canonical form and
/// its detail indented below it (README.md#command-line), so a detail line belongs to the last line that was not
/// one. A message is complete only when the next one starts, or the output ends: its details are never logged
/// apart from it, before or after another message.
/// </summary>
internal sealed class CliMessageReader
{
    private CliOutputLine? _header;
    private readonly List<string> _details = [];

    /// <summary>Reads one line; returns the message this line completed, if it started a new one.</summary>
    public CliMessage? Add(string line)
    {
        var parsed = CliOutputLine.Parse(line);
        if (parsed.Kind == CliLineKind.Detail && _header is not null)
        {
            _details.Add(line);
            return null;
        }
        var completed = Finish();
        _header = parsed;
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
