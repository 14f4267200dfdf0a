using System.Diagnostics.CodeAnalysis;

namespace SnippetCheck.Reporting;

/// <summary>One <c>--report FORMAT[=PATH]</c>: a format, and the file to write, or standard output without a path.</summary>
internal sealed record ReportRequest(ReportFormat Format, string? Path)
{
    /// <summary>True when the report goes to standard output (no <c>=PATH</c>).</summary>
    public bool ToStandardOutput => Path is null;

    /// <summary>Reads <c>FORMAT</c> or <c>FORMAT=PATH</c>; the format name may be in any case.</summary>
    /// <param name="error">Why <paramref name="text"/> is not a report request, naming the option.</param>
    public static bool TryParse(string text, [NotNullWhen(true)] out ReportRequest? request, [NotNullWhen(false)] out string? error)
    {
        var equals = text.IndexOf('=');
        var name = (equals < 0 ? text : text[..equals]).Trim();
        var path = equals < 0 ? null : text[(equals + 1)..];
        request = null;
        if (!ReportFormats.TryParse(name, out var format))
        {
            error = $"--report '{name}' is not a report format (use {string.Join(", ", ReportFormats.Names)})";
            return false;
        }
        if (path is not null && string.IsNullOrWhiteSpace(path))
        {
            error = $"--report {ReportFormats.Name(format)}= needs a path after '=' (or no '=' for standard output)";
            return false;
        }
        request = new ReportRequest(format, path);
        error = null;
        return true;
    }

    /// <summary>The stream to write the report to: the file, created with its folder, or standard output.</summary>
    /// <param name="standardOutput">Opens standard output.</param>
    /// <param name="baseDirectory">What a relative path starts from: the host's working directory.</param>
    public Stream Open(Func<Stream> standardOutput, string baseDirectory)
    {
        if (Path is null) return standardOutput();
        var full = System.IO.Path.GetFullPath(Path, baseDirectory);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        return File.Create(full);
    }
}
