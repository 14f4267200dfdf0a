using SnippetCheck.Model;

namespace SnippetCheck.Results;

/// <summary>A problem not tied to one snippet: an orphan output block, bad front matter, an unreadable file.</summary>
/// <param name="File">The file as shown to the user (see <see cref="SourceLocation.File"/>).</param>
/// <param name="Line">1-based line of the problem.</param>
/// <param name="Column">1-based column of the problem.</param>
/// <param name="Code">The tool's code for it (<c>SC1007</c>, <c>SC3002</c>, ...).</param>
/// <param name="Message">What is wrong, in one line.</param>
public sealed record FileError(string File, int Line, int Column, string Code, string Message)
{
    /// <summary>The file error a file-level finding is reported as.</summary>
    public static FileError From(Diagnostic diagnostic) =>
        new(diagnostic.Location.File, diagnostic.Location.Line, diagnostic.Location.Column, diagnostic.Id, diagnostic.Message);
}
