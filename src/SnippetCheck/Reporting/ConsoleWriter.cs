using System.Text.Json;

namespace SnippetCheck.Reporting;

/// <summary>
/// Where console lines go: as text for a person (in colour when asked), or as JSON lines for a host
/// (<c>--console-format json</c>: the MSBuild task), one object per line (<see cref="ConsoleLine.WriteJson"/>).
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

    /// <summary>ANSI colours a terminal shows (<see cref="Write"/>), and the code that ends one.</summary>
    public const string Red = "\u001b[31m", Green = "\u001b[32m", Yellow = "\u001b[33m", Dim = "\u001b[2m", Reset = "\u001b[0m";

    /// <summary>The writer underneath, for output that is not lines of the tool's own (GitHub annotations).</summary>
    public TextWriter Output => output;

    /// <summary>True when lines go out as JSON objects for a host, one per line, instead of text.</summary>
    public bool JsonLines => jsonLines;

    /// <summary>Writes one line: as JSON for a host, else as its text, in <paramref name="color"/> when colour is on.</summary>
    public void Write(ConsoleLine line, string? color = null)
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
