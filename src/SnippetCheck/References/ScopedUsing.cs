namespace SnippetCheck.References;

/// <summary>
/// A <c>--using</c> meant for some examples only: <c>NAMESPACE@FILE</c> for the examples of one file,
/// <c>NAMESPACE@FILE:LINE</c> for the one <c>&lt;code&gt;</c> element (or Markdown fence) that starts on that line.
/// A global <c>--using</c> for one example's sake made others ambiguous (CS0121).
/// </summary>
/// <param name="Using">What the using names: <c>N</c>, <c>static N.T</c> or <c>Alias=N.T</c>.</param>
/// <param name="File">The file, as given (relative to the current directory).</param>
/// <param name="Line">The line the example starts on; null for every example of the file.</param>
internal sealed record ScopedUsing(string Using, string File, int? Line)
{
    /// <summary>The scope of <c>N@FILE[:LINE]</c>; null for a using with none.</summary>
    public static ScopedUsing? TryParse(string text)
    {
        var at = text.IndexOf('@', StringComparison.Ordinal);
        // '@class' is a verbatim identifier, not a scope: an '@' at the start or after a dot or a space belongs to a name.
        while (at >= 0 && (at == 0 || text[at - 1] is '.' or ' ' or '=')) at = text.IndexOf('@', at + 1);
        if (at < 0 || at == text.Length - 1) return null;
        var (name, where) = (text[..at].Trim(), text[(at + 1)..].Trim());
        var colon = where.LastIndexOf(':');
        return colon > 0 && int.TryParse(
            where[(colon + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var line) && line > 0
            ? new ScopedUsing(name, where[..colon], line)
            : new ScopedUsing(name, where, null);
    }

    /// <summary>Whether an example of <paramref name="fullPath"/> starting on <paramref name="line"/> is in scope.</summary>
    public bool Covers(string fullPath, int line, string currentDirectory) =>
        string.Equals(Path.GetFullPath(File, currentDirectory), fullPath, StringComparison.Ordinal) && (Line is null || Line == line);
}
