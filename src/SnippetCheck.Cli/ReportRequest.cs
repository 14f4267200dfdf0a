namespace SnippetCheck.Cli;

/// <summary>One <c>--report FORMAT[=PATH]</c>; without a path the report goes to standard output.</summary>
public sealed record ReportRequest(string Format, string? Path)
{
    public static readonly string[] Formats = ["json", "junit", "sarif", "github", "markdown"];

    public static ReportRequest Parse(string text)
    {
        var equals = text.IndexOf('=');
        return equals < 0 ? new ReportRequest(text.Trim().ToLowerInvariant(), null)
            : new ReportRequest(text[..equals].Trim().ToLowerInvariant(), text[(equals + 1)..]);
    }
}
