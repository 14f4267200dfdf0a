namespace SnippetCheck.Extraction.Snippets;

/// <summary>What a snippet must do to pass. See README.md, "Tag reference".</summary>
public enum SnippetKind
{
    /// <summary>Compiles, runs to the end, exits with the expected code, prints the expected output.</summary>
    Run,

    /// <summary>Compiles with no errors.</summary>
    Compile,

    /// <summary>Fails to compile, with every listed error ID among the errors.</summary>
    CompileFail,

    /// <summary>Compiles, runs and ends with an unhandled exception (of the named type).</summary>
    Throws,

    /// <summary>
    /// Not verified: the verdict is always <c>ignored</c>. The block is still compiled on the side, never with verified
    /// snippets, to warn when the tag has gone stale (README.md, "stale").
    /// </summary>
    Ignore,

    /// <summary>
    /// Compiled as <see cref="Compile"/> compiles it, and passes when every error is an unknown name the post never
    /// declares, so long as something binds to the framework or a package (README.md, "Levels"). Never run.
    /// </summary>
    Check,
}

/// <summary>The tag words of snippet kinds, which <see cref="KindRules"/> pairs with each kind.</summary>
internal static class SnippetKindNames
{
    /// <summary><see cref="SnippetKind.Run"/>'s word.</summary>
    internal const string Run = "run";

    /// <summary><see cref="SnippetKind.Compile"/>'s word.</summary>
    internal const string Compile = "compile";

    /// <summary><see cref="SnippetKind.CompileFail"/>'s word, also a key: <c>compile-fail=CS0029</c> names the errors.</summary>
    internal const string CompileFail = "compile-fail";

    /// <summary><see cref="SnippetKind.Throws"/>'s word, also a key: <c>throws=InvalidOperationException</c> names the type.</summary>
    internal const string Throws = "throws";

    /// <summary><see cref="SnippetKind.Ignore"/>'s word.</summary>
    internal const string Ignore = "ignore";

    /// <summary><see cref="SnippetKind.Check"/>'s word.</summary>
    internal const string Check = "check";

    /// <summary>Every kind's tag word, lower case (<see cref="KindRules"/>' word column).</summary>
    internal static IReadOnlyList<string> Words { get; } = [.. KindRules.All.Select(r => r.Word)];

    /// <summary>The kind as a fence tag writes it (<c>run</c>, <c>compile-fail</c>…).</summary>
    public static string ToTag(this SnippetKind kind) => kind.Rule().Word;

    /// <summary>The kind <paramref name="word"/> (lower case) names, or null when it names none.</summary>
    internal static SnippetKind? FromTag(string word) => KindRules.All.FirstOrDefault(r => r.Word == word)?.Kind;
}
