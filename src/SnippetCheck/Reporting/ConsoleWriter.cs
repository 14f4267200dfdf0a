using System.Text.Json;

namespace SnippetCheck.Reporting;

/// <summary>
/// Where console lines go: as text for a person (in colour when asked), or as JSON lines for a host
/// (<c>--console-format json</c>: the MSBuild task), one object per line (<see cref="ConsoleLine.WriteJson"/>).
/// </summary>
public sealed class ConsoleWriter(TextWriter output, bool useColor = false, bool jsonLines = false)
{
    /// <summary>ANSI colours a terminal shows (<see cref="Write"/>), and the code that ends one.</summary>
    public const string Red = "\u001b[31m", Green = "\u001b[32m", Yellow = "\u001b[33m", Dim = "\u001b[2m", Reset = "\u001b[0m";

    /// <summary>The writer underneath, for output that is not lines of the tool's own (GitHub annotations).</summary>
    public TextWriter Output => output;

    /// <summary>True when lines go out as JSON objects for a host, one per line, instead of text.</summary>
    public bool JsonLines => jsonLines;

    /// <summary>Writes one line: as JSON for a host, else as its text, in <paramref name="color"/> when colour is on.</summary>
    public void Write(ConsoleLine line, string? color = null)
    {
        if (jsonLines) WriteJson(line);
        else if (useColor && color is not null) output.WriteLine(color + line + Reset);
        else output.WriteLine(line.ToString());
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
