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
