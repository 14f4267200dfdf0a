namespace SnippetCheck.References;

/// <summary>
/// What the command line adds to config <c>references</c> for the library under test (docs/doctests.md): more
/// references (<c>--reference</c>, a <c>.csproj</c> path argument), assemblies only runners load
/// (<c>--runtime-assembly</c>), global usings for doc-comment examples (<c>--using</c>), and projects whose build is
/// already at hand (<c>--project-output</c>: full project path to its assembly).
/// </summary>
public sealed record LibraryReferences(
    IReadOnlyList<string> References,
    IReadOnlyList<string> RuntimeAssemblies,
    IReadOnlyList<string> Usings,
    IReadOnlyDictionary<string, string> ProjectOutputs)
{
    /// <summary>
    /// The <c>.csproj</c> path arguments among <see cref="References"/> (full paths): the library under test, named in
    /// messages as the project verified, not as a <c>--reference</c> the user never gave.
    /// </summary>
    public IReadOnlyList<string> Projects { get; init; } = [];

    /// <summary>
    /// The <see cref="Usings"/> for every doc-comment example: those with no scope (<c>--using N</c>).
    /// </summary>
    public IEnumerable<string> GlobalUsings => Usings.Where(u => ScopedUsing.TryParse(u) is null);

    /// <summary>Nothing beyond the config's references: no library under test.</summary>
    public static readonly LibraryReferences None = new([], [], [], new Dictionary<string, string>());
}

/// <summary>
/// A <c>--using</c> meant for some examples only (issue 44): <c>NAMESPACE@FILE</c> for the examples of one file,
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
