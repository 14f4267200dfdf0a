using System.Text;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.EndToEnd;

/// <summary>One shape of program a post may show: its tags, its code, what it prints, and the hidden code it needs.</summary>
/// <param name="Output">The expected output; null for a shape that is only compiled.</param>
/// <param name="Prelude">A file prelude the shape itself needs (its <c>Main</c>), or null.</param>
/// <param name="SilencedWarning">A warning the shape's directive turns off: it must not be reported.</param>
public sealed record ProgramShape(string Name, string Tags, string Code, string? Output, string? Prelude = null, string? SilencedWarning = null)
{
    public bool IsCompileOnly => Output is null;

    public override string ToString() => Name;
}

/// <summary>
/// One way a snippet reaches the compiler: alone, merged, in a session, under a prelude. Each is one CLI run over a
/// folder with one post per shape.
/// </summary>
/// <param name="Via">The command-line flags of the run.</param>
/// <param name="InSession">Whether the shape's block is in <c>session=s</c>.</param>
/// <param name="SecondBlock">Whether a declarations-only block of the same session follows it.</param>
/// <param name="FilePrelude">Hidden code for every snippet of the file, or null.</param>
/// <param name="SessionPrelude">Hidden code for session <c>s</c>, or null.</param>
public sealed record ShapePath(string Name, VerificationPath Via, bool InSession = false, bool SecondBlock = false, string? FilePrelude = null, string? SessionPrelude = null)
{
    public override string ToString() => Name;
}

/// <summary>Generates the shapes × paths posts and runs each path once.</summary>
public sealed class ProgramShapeFixture
{
    public static readonly IReadOnlyList<ProgramShape> Shapes =
    [
        new("top-level", "run", "Console.WriteLine(\"top-level statements\");", "top-level statements"),
        new("main-void", "run", """
            static class Entry
            {
                static void Main()
                {
                    Console.WriteLine("main void");
                }
            }
            """, "main void"),
        new("main-int", "run", """
            static class Entry
            {
                static int Main()
                {
                    Console.WriteLine("main int");
                    return 0;
                }
            }
            """, "main int"),
        new("main-async-task", "run", """
            static class Entry
            {
                static async Task Main()
                {
                    await Task.Yield();
                    Console.WriteLine("main async Task");
                }
            }
            """, "main async Task"),
        new("declarations-only", "compile", """
            public record Point(int X, int Y)
            {
                public int Sum => X + Y;
            }
            """, null),
        new("leading-define", "run", """
            #define X
            #if X
            Console.WriteLine("X is defined");
            #endif
            Console.WriteLine("after the #if");
            """, "X is defined\nafter the #if"),
        new("trailing-endif", "run", """
            Console.WriteLine("before the #if");
            #if !NEVER_DEFINED
            Console.WriteLine("inside the #if");
            #endif
            """, "before the #if\ninside the #if"),
        new("trailing-endregion", "run", """
            #region Demo
            Console.WriteLine("inside the region");
            #endregion
            """, "inside the region"),
        new("trailing-endregion-type", "compile", """
            #region Types
            sealed class Shape
            {
                public int Sides { get; init; }
            }
            #endregion
            """, null),
        new("nullable-disable", "run", """
            #nullable disable
            string text = null;
            Console.WriteLine(text ?? "nullable disabled");
            """, "nullable disabled", SilencedWarning: "CS8600"),
        new("pragma-warning-disable", "run", """
            #pragma warning disable CS0168
            int unused;
            Console.WriteLine("CS0168 disabled");
            """, "CS0168 disabled", SilencedWarning: "CS0168"),
        // Members as a post shows them out of their class (docs/authoring.md#member-blocks).
        new("members", "compile members", """
            using System.Text;

            private readonly StringBuilder _log = new();
            public string Name { get; set; } = "members";
            public void Log(string line) => _log.AppendLine(line);
            """, null),
        // Statements written bare in a class deriving from a base class (issue 54, the enclosing class: base=).
        new("base-class", "compile base=List<int>", """
            using System.Text;

            Add(1);
            AddRange([2, 3]);
            var text = new StringBuilder().Append(Count).ToString();
            """, null),
        new("members-extension", "compile members", """
            public static string Shout(this string s) => s.ToUpperInvariant() + "!";
            """, null),
        new("main-in-prelude", "run", """
            partial class C
            {
                static void M() => Console.WriteLine("main in the prelude");
            }
            """, "main in the prelude", Prelude: """
            partial class C
            {
                static void Main() => M();
            }
            """),
    ];

    private const string UsingAndType = """
        using System.Text;
        static class Helpers
        {
            public static string Twice(string s) => new StringBuilder(s).Append(s).ToString();
        }
        """;

    private const string UsingAndMethod = """
        using System.Text;
        static string Twice(string s) => s + s;
        """;

    public static readonly IReadOnlyList<ShapePath> Paths =
    [
        new("alone", VerificationPath.Alone),
        new("merged", VerificationPath.Merged),
        new("session-one-block", VerificationPath.Merged, InSession: true),
        new("session-two-blocks", VerificationPath.Merged, InSession: true, SecondBlock: true),
        new("file-prelude-using-and-type", VerificationPath.Merged, FilePrelude: UsingAndType),
        // A prelude's helper method is hidden code for the snippet: it must not turn a classic Main program into
        // top-level statements whose entry point ignores that Main (CS7022: nothing printed).
        new("file-prelude-using-and-method", VerificationPath.Merged, FilePrelude: UsingAndMethod),
        new("session-prelude", VerificationPath.Merged, InSession: true, SessionPrelude: UsingAndType),
    ];

    public ProgramShapeFixture()
    {
        // Two runs at a time: each is one CLI over a dozen posts.
        var runs = new System.Collections.Concurrent.ConcurrentDictionary<string, PathRun>();
        Parallel.ForEach(Paths, new ParallelOptions { MaxDegreeOfParallelism = 2 }, path =>
        {
            using var folder = new TempFolder();
            foreach (var shape in Shapes) folder.Write(FileOf(shape), Post(shape, path));
            runs[path.Name] = PathRuns.Verify(folder.Path, path.Via, null, [.. Shapes.Select(FileOf)]);
        });
        Runs = runs;
    }

    public IReadOnlyDictionary<string, PathRun> Runs { get; }

    public static string FileOf(ProgramShape shape) => $"{shape.Name}.md";

    /// <summary>The post for one shape on one path.</summary>
    public static string Post(ProgramShape shape, ShapePath path)
    {
        var post = new StringBuilder($"# {shape.Name} ({path.Name})\n\n");
        var filePrelude = string.Join("\n", new[] { path.FilePrelude, shape.Prelude }.Where(p => p is not null));
        if (filePrelude.Length > 0) post.Append($"<!-- snippetcheck: prelude\n{filePrelude}\n-->\n\n");
        if (path.SessionPrelude is not null) post.Append($"<!-- snippetcheck: prelude session=s\n{path.SessionPrelude}\n-->\n\n");

        var session = path.InSession ? " session=s" : "";
        post.Append($"<!-- snippetcheck: {shape.Tags} name=shape{session} -->\n```csharp\n{shape.Code}\n```\n\n");
        if (shape.Output is not null) post.Append($"```output\n{shape.Output}\n```\n\n");
        if (path.SecondBlock)
        {
            var kind = shape.IsCompileOnly ? "compile " : "";
            post.Append($"Later in the post:\n\n<!-- snippetcheck: {kind}name=later{session} -->\n```csharp\nstatic class Later\n{{\n    public const int Answer = 42;\n}}\n```\n");
        }
        return post.ToString();
    }
}

/// <summary>
/// Every program shape passes on every path (SPEC §11): top-level statements, classic <c>Main</c>s, declarations,
/// preprocessor directives at either end, and a <c>Main</c> in a prelude; alone, merged, in a session of one or two
/// blocks, under a file prelude and under a session prelude.
/// </summary>
public sealed class ProgramShapeTests(ProgramShapeFixture run) : IClassFixture<ProgramShapeFixture>
{
    public static TheoryData<string, string> ShapesOnPaths()
    {
        var data = new TheoryData<string, string>();
        foreach (var path in ProgramShapeFixture.Paths)
        {
            foreach (var shape in ProgramShapeFixture.Shapes) data.Add(shape.Name, path.Name);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(ShapesOnPaths))]
    public void A_program_shape_passes_on_a_path(string shapeName, string pathName)
    {
        var shape = ProgramShapeFixture.Shapes.Single(s => s.Name == shapeName);
        var path = ProgramShapeFixture.Paths.Single(p => p.Name == pathName);
        var pathRun = run.Runs[pathName];
        Assert.True(pathRun.ReportText is not null, $"{shapeName} on {pathName}: no report, exit {pathRun.Result.ExitCode}\n{pathRun.Result.Output}");

        var file = ProgramShapeFixture.FileOf(shape);
        var snippets = pathRun.SnippetsOf(file);
        var expectedNames = path.SecondBlock ? new[] { "shape", "later" } : ["shape"];
        var problems = pathRun.ErrorsOf(file).Select(e => $"file error {e.Str("code")} at line {e.Int("line")}: {e.Str("message")}").ToList();
        if (!snippets.Select(s => s.Str("name")).SequenceEqual(expectedNames)) problems.Add($"snippets reported: {string.Join(", ", snippets.Select(s => s.Str("name")))}");
        problems.AddRange(snippets.Where(s => s.Str("status") != "passed").Select(PathRun.Describe));
        if (shape.SilencedWarning is { } silenced)
        {
            problems.AddRange(snippets.Where(s => s.GetProperty("diagnostics").EnumerateArray().Any(d => d.Str("id") == silenced))
                .Select(s => $"{silenced} is reported though the snippet turns it off: {PathRun.Describe(s)}"));
        }
        Assert.True(problems.Count == 0,
            $"shape '{shapeName}' on path '{pathName}' ({PathRuns.Label(path.Via)}, --no-cache):\n  " + string.Join("\n  ", problems)
            + $"\n--- the post ---\n{ProgramShapeFixture.Post(shape, path)}");
    }
}
