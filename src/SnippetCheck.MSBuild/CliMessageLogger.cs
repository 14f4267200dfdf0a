using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using SnippetCheck.Reporting;

namespace SnippetCheck.MSBuild;

/// <summary>
/// Logs the lines the CLI wrote (<see cref="CliLine"/>) as MSBuild errors, warnings and messages, each with its details: kept apart from
/// <see cref="VerifySnippets"/> so that the task only runs the CLI, and what a line becomes in the build is decided here.
/// </summary>
/// <param name="log">The task's log.</param>
/// <param name="projectDirectory">Where the CLI ran: the paths it wrote are relative to it.</param>
/// <param name="ownProjectFile">The project being built, for a finding that belongs to no file.</param>
/// <param name="accept">The build runs the accept target, so the CLI's own <c>--accept</c> hint stands.</param>
/// <param name="failuresAsWarnings">Failed snippets are logged as warnings; the CLI being unable to run stays an error.</param>
internal sealed class CliMessageLogger(TaskLoggingHelper log, string projectDirectory, string ownProjectFile, bool accept, bool failuresAsWarnings)
{
    /// <summary>
    /// How many detail lines (diff, stack trace, hints) go into an error's message; the rest follow it in the log at normal verbosity.
    /// </summary>
    internal const int DetailLinesInError = 20;

    private readonly CliMessageReader _reader = new();

    /// <summary>Reads one line of the CLI's output, and logs the message it completed, if any.</summary>
    public void Add(string line)
    {
        if (_reader.Add(line) is { } completed) LogMessage(completed);
    }

    /// <summary>Logs the message still open when the output ends, if any.</summary>
    public void Finish()
    {
        if (_reader.Finish() is { } last) LogMessage(last);
    }

    /// <summary>
    /// Logs one message of the CLI with its details: in the error's (or warning's) own text, so that every verbosity,
    /// an errors-only log and the IDE's error list show each hint, stack trace and diff with the error it belongs to.
    /// </summary>
    private void LogMessage(CliMessage message)
    {
        var line = message.Header;
        // The CLI's hint names its own option; from a build, the accept target is what works.
        var details = message.Details.Select(d => accept ? d : d.Replace("--accept updates", VerifySnippets.AcceptCommand + " updates")).ToList();
        switch (line.Kind)
        {
            case ConsoleLineKind.Error when !failuresAsWarnings:
            case ConsoleLineKind.ToolError:
                // A tool error is not a verdict on a snippet but the CLI unable to run at all: an error even with FailuresAsWarnings.
                var text = line.Kind == ConsoleLineKind.ToolError ? "snippetcheck: " + line.Message : line.Message;
                log.LogError(null, line.Code, null, ResolveFile(line.File), line.Line, line.Column, 0, 0, WithDetails(text, details));
                break;
            case ConsoleLineKind.Error:
            case ConsoleLineKind.Warning:
                log.LogWarning(null, line.Code, null, ResolveFile(line.File), line.Line, line.Column, 0, 0, WithDetails(line.Message, details));
                break;
            default:
                // The summary line, accept's lines, the failure digest and its rows, and anything the CLI adds later;
                // indented lines before any of these are no failure's details, and stay at normal verbosity.
                var importance = line.Kind == ConsoleLineKind.Detail ? MessageImportance.Normal : MessageImportance.High;
                log.LogMessage(importance, Shown(line, projectDirectory));
                foreach (var detail in details) log.LogMessage(importance, detail);
                return;
        }
        foreach (var overflow in details.Skip(DetailLinesInError)) log.LogMessage(MessageImportance.Normal, overflow);
    }

    /// <summary>The message and the first <see cref="DetailLinesInError"/> lines of its details, then how many more there are.</summary>
    internal static string WithDetails(string text, IReadOnlyList<string> details)
    {
        if (details.Count == 0) return text;
        var shown = details.Take(DetailLinesInError).Select(d => d.TrimEnd());
        var more = details.Count > DetailLinesInError
            ? $"{Environment.NewLine}    ... ({details.Count - DetailLinesInError} more lines at -v:n)" : "";
        return text + Environment.NewLine + string.Join(Environment.NewLine, shown) + more;
    }

    /// <summary>
    /// A line that is no error or warning, as the CLI's text has it; a note's file relative to the project folder, the
    /// form the CLI prints files below it in.
    /// </summary>
    internal static string Shown(CliLine line, string projectDirectory) => line.Kind == ConsoleLineKind.Note && line.File is { } file
        ? $"{(Path.IsPathRooted(file) ? RelativePath(projectDirectory, file) : file)}({line.Line},{line.Column}): {line.Message}"
        : line.Message;

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

    /// <summary>
    /// Full paths, so the IDE's error list opens the post whatever folder it resolves from; a finding with no file
    /// belongs to the project (MSBuild would otherwise point at this package's .targets file).
    /// </summary>
    private string ResolveFile(string? origin)
    {
        if (origin is null || origin.Length == 0) return ownProjectFile;
        try
        {
            return Path.GetFullPath(Path.Combine(projectDirectory, origin));
        }
        catch (ArgumentException)
        {
            return origin;
        }
    }
}
