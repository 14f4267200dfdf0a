using System.Text.Json;
using SnippetCheck.Model;
using SnippetCheck.Results;

namespace SnippetCheck.Reporting;

/// <summary>
/// Where console lines go: as text for a person (in colour when asked), or as JSON lines for a host
/// (<c>--console-format json</c>: the MSBuild task), one object per line (<see cref="ConsoleLine.WriteJson"/>).
/// A host writes a run (<see cref="WriteRun"/>) and its own lines through it; the line kinds are the core's.
/// </summary>
/// <param name="output">Where the lines go.</param>
/// <param name="useColor">Lines in colour, for a terminal.</param>
/// <param name="jsonLines">Lines as JSON objects for a host.</param>
/// <param name="quoteWorkflowCommands">
/// The console is a GitHub Actions log (<see cref="CiTarget.GitHubActions"/>), which reads a line that starts with <c>::</c>
/// as a workflow command: a line whose text would read so (a snippet's output or exception quoted in it) is written
/// between <c>::stop-commands::TOKEN</c> and <c>::TOKEN::</c>, TOKEN random per writer, so a post cannot mask, annotate
/// or stop anything. The tool's own annotations do not pass through here (<see cref="GitHubReporter"/>).
/// </param>
public sealed class ConsoleWriter(TextWriter output, bool useColor = false, bool jsonLines = false, bool quoteWorkflowCommands = false)
{
    private readonly string _resumeToken = Guid.NewGuid().ToString("N");

    /// <summary>ANSI colours a terminal shows (<see cref="Write(ConsoleLine, string?)"/>), and the code that ends one.</summary>
    public const string Red = "\u001b[31m", Green = "\u001b[32m", Yellow = "\u001b[33m", Dim = "\u001b[2m", Reset = "\u001b[0m";

    /// <summary>The writer underneath, for output that is not lines of the tool's own (GitHub annotations).</summary>
    public TextWriter Output => output;

    /// <summary>True when lines go out as JSON objects for a host, one per line, instead of text.</summary>
    public bool JsonLines => jsonLines;

    /// <summary>Writes a run's findings, then its summary (every block, with <paramref name="verbose"/>: <c>-v</c>).</summary>
    public void WriteRun(VerificationReport report, bool verbose) => new ConsoleReporter(this, verbose).Write(report);

    /// <summary>
    /// The last line of a run (<c>41 passed, 2 failed, 3 ignored, 17 untagged (63 C# blocks in 12 files) in 2.1s</c>),
    /// which <see cref="WriteRun"/> ends with; <c>--watch</c> prints it for its totals.
    /// </summary>
    public static string Summary(VerificationReport report) => SummaryLine.For(report);

    /// <summary>A line of text of its own (a summary, a heading, a <c>-v</c> note).</summary>
    public void Write(string line) => Write(ConsoleLine.Plain(line));

    /// <summary>The tool unable to do its job for a reason of the user's (a bad argument, a signal): no code.</summary>
    public void WriteToolError(string message) => Write(ConsoleLine.ToolError(null, message));

    /// <summary>The tool stopped by a setup problem, at its place if it has one.</summary>
    public void Write(VerificationSetupException problem) => Write(ConsoleLine.Of(problem));

    /// <summary>A bug of the tool's: the exception whole, under the internal-error code.</summary>
    public void WriteInternalError(Exception error) => Write(ConsoleLine.ToolError(DiagnosticCodes.InternalError, $"internal error: {error}"));

    /// <summary>The tool's text about itself, not a finding: <c>snippetcheck: message</c> (the tool stopping, a file not written).</summary>
    public static string ToolText(string message) => ToolMessage.Text(message);

    /// <summary>Writes one line: as JSON for a host, else as its text, in <paramref name="color"/> when colour is on.</summary>
    internal void Write(ConsoleLine line, string? color = null)
    {
        if (jsonLines)
        {
            WriteJson(line);
            return;
        }
        var text = useColor && color is not null ? color + line + Reset : line.ToString();
        if (!quoteWorkflowCommands || !GitHubReporter.ReadsAsCommand(text))
        {
            output.WriteLine(text);
            return;
        }
        output.WriteLine($"::stop-commands::{_resumeToken}");
        output.WriteLine(text);
        output.WriteLine($"::{_resumeToken}::");
    }

    /// <summary>
    /// A message of several lines (an internal error's stack trace) is one line and its details, as the text reads:
    /// an indented line below belongs to the line above it.
    /// </summary>
    private void WriteJson(ConsoleLine line)
    {
        var lines = line.Message.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        WriteObject(line with { Message = lines[0] });
        foreach (var rest in lines.Skip(1))
            WriteObject(rest.Length > 0 && char.IsWhiteSpace(rest[0]) ? ConsoleLine.Detail(rest) : ConsoleLine.Plain(rest));
    }

    private void WriteObject(ConsoleLine line)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer)) line.WriteJson(json);
        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
