using System.Globalization;
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

    /// <summary>Anything else, such as the summary line.</summary>
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

    private CliOutputLine(CliLineKind kind, string text, string? file = null, int line = 0, int column = 0, string? code = null)
    {
        Kind = kind;
        Text = text;
        File = file;
        Line = line;
        Column = column;
        Code = code;
    }

    public CliLineKind Kind { get; }

    /// <summary>The message without its location and code; the whole line for details and other lines.</summary>
    public string Text { get; }

    /// <summary>The file at fault as the CLI printed it (relative to its working directory, or absolute), if any.</summary>
    public string? File { get; }

    public int Line { get; }

    public int Column { get; }

    public string? Code { get; }

    public static CliOutputLine Parse(string line)
    {
        if (line.Length > 0 && char.IsWhiteSpace(line[0])) return new CliOutputLine(CliLineKind.Detail, line);
        var tool = FromTool.Match(line);
        if (tool.Success) return FromMatch(CliLineKind.ToolError, tool);
        var located = Located.Match(line);
        if (!located.Success) return new CliOutputLine(CliLineKind.Other, line);
        return FromMatch(located.Groups["category"].Value == "error" ? CliLineKind.Error : CliLineKind.Warning, located);
    }

    private static CliOutputLine FromMatch(CliLineKind kind, Match match) => new(
        kind,
        match.Groups["message"].Value,
        match.Groups["file"].Success ? match.Groups["file"].Value : null,
        match.Groups["line"].Success ? int.Parse(match.Groups["line"].Value, CultureInfo.InvariantCulture) : 0,
        match.Groups["column"].Success ? int.Parse(match.Groups["column"].Value, CultureInfo.InvariantCulture) : 0,
        match.Groups["code"].Success ? match.Groups["code"].Value : null);
}
