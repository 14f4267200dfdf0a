namespace SnippetCheck.References;

/// <summary>
/// A project a run built for its snippets (a <c>.csproj</c> argument, config <c>references</c>, a <c>#:project</c>), and
/// which of its target frameworks: the one code on <paramref name="Framework"/> consumes, as NuGet picks it (a library
/// of <c>netstandard2.0;net9.0</c> is built for <c>net9.0</c> for snippets on <c>net10.0</c>). <c>-v</c> and the JSON
/// report name it.
/// </summary>
/// <param name="Project">The project file, as a full path.</param>
/// <param name="Framework">The framework the snippets compiled and ran on.</param>
/// <param name="LibraryFramework">The project's target framework that was built.</param>
internal sealed record LibraryBuild(string Project, string Framework, string LibraryFramework)
{
    /// <summary>One line: <c>library /repo/Lib/Lib.csproj: built for net9.0, used by snippets on net10.0</c>.</summary>
    public string Describe() => $"library {Project}: built for {LibraryFramework}, used by snippets on {Framework}";
}
