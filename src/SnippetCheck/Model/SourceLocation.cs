namespace SnippetCheck.Model;

/// <summary>
/// A place in an original Markdown file. Made once, at extraction, and carried everywhere after.
/// </summary>
/// <param name="File">The file as the user should see it: relative to the current directory when below it.</param>
/// <param name="Line">1-based line in the original file (front matter, BOM and CRLF included as they are).</param>
/// <param name="Column">1-based column (UTF-16 characters from the start of the line).</param>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    /// <summary>The MSBuild form, <c>file(line,column)</c>.</summary>
    public override string ToString() => $"{File}({Line},{Column})";
}
