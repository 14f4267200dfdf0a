using System.Text.RegularExpressions;

namespace SnippetCheck.Execution;

/// <summary>
/// The one place where the classes the tool wraps a post's code in leave what a reader sees, named as the post names it: a compiler
/// message, a hover card, a stack trace says <c>Person</c>, not <c>Program.Person</c>, as the post declares it. The
/// names are <c>Programs.MemberWrapper</c>'s <c>Program</c> and <c>__Members</c><i>i</i>, and
/// <c>Programs.FixtureWrapper</c>'s helper, whose frames are dropped. <c>Program.&lt;Main&gt;$</c>, the frame of a
/// program's own top-level statements, is the post's and stays.
/// </summary>
internal static partial class WrapperNames
{
    /// <summary>The page fixture's helper class, which runs each block's method: none of its frames is the post's.</summary>
    public const string FixtureHelper = "__SnippetCheckFixture";

    /// <summary><paramref name="text"/> with each wrapper's name removed where it qualifies a name; null stays null.</summary>
    public static string? Strip(string? text) => text is null || !text.Contains("Program.", StringComparison.Ordinal)
        && !text.Contains("__", StringComparison.Ordinal)
        ? text
        : Qualifier().Replace(text, "");

    /// <summary>
    /// A stack trace without the fixture's own frames (its helper, the lambdas and the <c>Main</c> that call it), and without wrapper names.
    /// </summary>
    public static string? StripFrames(string? trace)
    {
        if (trace is null) return null;
        var lines = trace.Split('\n');
        var fixture = lines.Any(l => l.Contains(FixtureHelper + ".", StringComparison.Ordinal));
        return Strip(string.Join('\n', lines.Where(l => !l.Contains(FixtureHelper + ".", StringComparison.Ordinal)
            && !(fixture && (l.TrimStart().StartsWith("at Program.<>c.<Main>b__", StringComparison.Ordinal)
                || l.TrimStart().StartsWith("at Program.Main()", StringComparison.Ordinal)
                || l.TrimStart().StartsWith("at Program.<Main>()", StringComparison.Ordinal))))));
    }

    /// <summary>A wrapper class's name and its dot, before a name (a letter, '_' or '@'), not after another name's dot.</summary>
    [GeneratedRegex(@"(?<![\w.])(?:Program|__Members\d+)\.(?=[\p{L}_@])")]
    private static partial Regex Qualifier();
}
