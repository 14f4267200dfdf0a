using System.Text;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.EndToEnd;

/// <summary>
/// Every shape a snippet's program can have, through every path a program can take: alone, merged, in a session,
/// with a file prelude and with a session prelude. Each shape passes on each path, printing what it prints alone.
/// </summary>
public sealed class ProgramShapeTests
{
    /// <summary>A shape: its tag, its code, and the prelude it needs itself (a <c>Main</c> in a prelude).</summary>
    private sealed record Shape(string Name, string Kind, string Code, string? OwnPrelude = null);

    private static readonly Shape[] Shapes =
    [
        new("top-level", "run", "Console.WriteLine(\"S\");"),
        new("main-void", "run", "class P\n{\n    static void Main() { Console.WriteLine(\"S\"); }\n}"),
        new("main-int", "run", "class P\n{\n    static int Main() { Console.WriteLine(\"S\"); return 0; }\n}"),
        new("main-async", "run", "class P\n{\n    static async Task Main() { await Task.Yield(); Console.WriteLine(\"S\"); }\n}"),
        new("declarations", "compile", "class Library\n{\n    public int Value => 1;\n}"),
        new("leading-define", "run", "#define FAST\n#if FAST\nConsole.WriteLine(\"S\");\n#endif"),
        new("trailing-endif", "run", "#if true\nConsole.WriteLine(\"S\");\n#endif"),
        new("trailing-endregion", "run", "#region usage\nConsole.WriteLine(\"S\");\n#endregion"),
        new("statements-then-types", "run", "Console.WriteLine(new Box(\"S\").Text);\n\nrecord Box(string Text);"),
        new("nullable", "run", "#nullable disable\nstring missing = null;\nConsole.WriteLine(\"S\" + missing);"),
        new("pragma", "run warnaserror", "#pragma warning disable CS0168\nint unused;\nConsole.WriteLine(\"S\");"),
        new("main-in-prelude", "run", "partial class Shaped\n{\n    static void Say() => Console.WriteLine(\"S\");\n}",
            OwnPrelude: "partial class Shaped\n{\n    static void Main() => Say();\n}"),
    ];

    /// <summary>What a prelude adds that every shape must survive: a using and a type, nothing that would change the entry point.</summary>
    private const string HelperPrelude = "using System.Text;\nstatic class Helpers\n{\n    public static string Twice(string s) => s + s;\n}";

    private enum Path { Alone, Merged, Session, FilePrelude, SessionPrelude }

    private static string Post(Path path, Shape shape)
    {
        var text = new StringBuilder();
        if (shape.OwnPrelude is { } own) text.Append($"<!-- snippetcheck: prelude\n{own}\n-->\n\n");
        if (path == Path.FilePrelude) text.Append($"<!-- snippetcheck: prelude\n{HelperPrelude}\n-->\n\n");
        if (path == Path.SessionPrelude) text.Append($"<!-- snippetcheck: prelude session=s\n{HelperPrelude}\n-->\n\n");
        var session = path is Path.Session or Path.SessionPrelude ? " session=s" : "";
        text.Append($"```csharp {shape.Kind} name={shape.Name}{session}\n{shape.Code}\n```\n");
        if (shape.Kind.StartsWith("run", StringComparison.Ordinal)) text.Append("\n```output\nS\n```\n");
        return text.ToString();
    }

    [Fact]
    public void Every_shape_passes_on_every_path()
    {
        using var folder = new TempFolder();
        foreach (var path in Enum.GetValues<Path>())
        {
            // One post per shape: a prelude applies to its whole file.
            foreach (var shape in Shapes) folder.Write($"{path}/{shape.Name}.md", Post(path, shape));
        }

        var problems = new List<string>();
        foreach (var path in Enum.GetValues<Path>())
        {
            var ways = path == Path.Alone ? [["--no-merge"]] : path == Path.Merged ? [Array.Empty<string>()] : new[] { Array.Empty<string>(), ["--no-merge"] };
            foreach (var way in ways)
            {
                var (result, report, _) = VerificationPaths.Verify(System.IO.Path.Combine(folder.Path, path.ToString()), ["."], way);
                Assert.Equal(Shapes.Length, report.Snippets.Count());
                problems.AddRange(report.Snippets.Where(s => s.Str("status") != "passed")
                    .Select(s => $"{path} {string.Join(' ', way)}: {s.Str("name")}: {s.Str("status")} {s.Str("reason")}: {s.Str("message")}"));
                if (result.ExitCode != 0 && problems.Count == 0) problems.Add($"{path}: exit code {result.ExitCode}\n{result.Output}");
            }
        }
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }
}
