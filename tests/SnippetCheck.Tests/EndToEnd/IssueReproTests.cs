using System.Text.Json;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.EndToEnd;

/// <summary>
/// The bug repros of <c>Samples/repros</c> on every <see cref="VerificationPath"/>, as the differential test ran them
/// (<see cref="EveryWayRuns"/>): the top-level posts in one run per path (with <c>--all</c>, for the empty blocks),
/// and <c>release-config/</c> (a folder with its own <c>snippetcheck.json</c>) from inside that folder.
/// </summary>
public sealed class OneJudgeRunFixture
{
    public const string Folder = "repros";
    public const string ReleaseConfigFolder = "release-config";

    public OneJudgeRunFixture()
    {
        Posts = [.. Directory.GetFiles(Samples.PathOf(Folder), "*.md").Select(Path.GetFileName).Order(StringComparer.Ordinal).Cast<string>()];
        PostRuns = EveryWayRuns.ByPath(Folder);
        ReleaseConfigRuns = EveryWayRuns.ByPath($"{Folder}/{ReleaseConfigFolder}");
    }

    /// <summary>The top-level Markdown files of the folder.</summary>
    public IReadOnlyList<string> Posts { get; }

    public IReadOnlyDictionary<VerificationPath, PathRun> PostRuns { get; }

    /// <summary>Runs of <c>release-config/</c>, from inside it; the report names its file <c>release.md</c>.</summary>
    public IReadOnlyDictionary<VerificationPath, PathRun> ReleaseConfigRuns { get; }
}

/// <summary>
/// One judge: each bug repro in <c>Samples/repros</c> gets its written-down verdict on every path. Every tagged
/// snippet passes unless <see cref="Expected"/> says otherwise.
/// </summary>
public sealed class IssueReproTests(OneJudgeRunFixture run) : IClassFixture<OneJudgeRunFixture>
{
    private const string ReleaseConfig = "release-config/release.md";

    /// <summary>Samples whose snippets do not all pass: the verdict of each, by name ("": blocks without one; "*": any other).</summary>
    private static readonly Dictionary<string, Dictionary<string, (string Status, string? Reason)>> Expected = new()
    {
        // A type before top-level statements is CS8803 for 'dotnet run'; the #region pair around statements is fine.
        ["type-before-statements.md"] = new() { ["type_first"] = ("failed", "compile-error") },
        // Under --all, blocks with no code (or only comments) are ignored as empty; tagged explicitly, they are annotation errors.
        ["empty-blocks.md"] = new()
        {
            [""] = ("ignored", "empty"),
            ["empty_run"] = ("failed", "annotation"),
            ["empty_compile"] = ("failed", "annotation"),
        },
        // Every snippet there is a compile error (see CscDiagnostics).
        ["compiler-diagnostics.md"] = new() { ["*"] = ("failed", "compile-error") },
    };

    public static TheoryData<string, VerificationPath> Repros()
    {
        var data = new TheoryData<string, VerificationPath>();
        var posts = Directory.GetFiles(Samples.PathOf(OneJudgeRunFixture.Folder), "*.md").Select(p => Path.GetFileName(p)).Order(StringComparer.Ordinal);
        foreach (var post in posts.Append(ReleaseConfig))
        {
            foreach (var path in PathRuns.All) data.Add(post, path);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Repros))]
    public void Every_snippet_of_a_bug_repro_gets_its_verdict_on_every_path(string post, VerificationPath path)
    {
        var (pathRun, reportedFile) = post == ReleaseConfig
            ? (run.ReleaseConfigRuns[path], Path.GetFileName(ReleaseConfig))
            : (run.PostRuns[path], post);
        Assert.True(pathRun.ReportText is not null,
            $"{post} on {PathRuns.Label(path)}: no report, exit {pathRun.Result.ExitCode}\n{pathRun.Result.Output}");
        var snippets = pathRun.SnippetsOf(reportedFile);

        var problems = new List<string>();
        var fences = CSharpFenceCount(Samples.PathOf(Path.Combine(OneJudgeRunFixture.Folder, post)));
        if (snippets.Count != fences) problems.Add($"{fences} C# blocks in the file, {snippets.Count} in the report");
        problems.AddRange(pathRun.ErrorsOf(reportedFile).Select(e => $"file error {e.Str("code")} at line {e.Int("line")}: {e.Str("message")}"));
        var expected = Expected.GetValueOrDefault(post) ?? [];
        foreach (var snippet in snippets)
        {
            var want = expected.TryGetValue(snippet.Str("name") ?? "", out var listed) || expected.TryGetValue("*", out listed) ? listed : ("passed", null);
            if ((snippet.Str("status"), snippet.Str("reason")) != want)
                problems.Add($"want {want.Status}{(want.Reason is null ? "" : $" [{want.Reason}]")}, got {PathRun.Describe(snippet)}");
        }
        Assert.True(problems.Count == 0, $"{post} on '{PathRuns.Label(path)}':\n  " + string.Join("\n  ", problems));
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void A_type_before_top_level_statements_fails_with_CS8803_at_the_first_statement_as_dotnet_run_does(VerificationPath path)
    {
        var snippet = run.PostRuns[path].Report.Snippet("type_first");
        var detail = PathRun.Describe(snippet);
        Assert.True((snippet.Str("status"), snippet.Str("reason")) == ("failed", "compile-error"), detail);
        var first = Errors(snippet).FirstOrDefault();
        Assert.True(first.ValueKind == JsonValueKind.Object, $"no error diagnostic: {detail}");
        var line = LineOf("type-before-statements.md", "Console.WriteLine(Greeter.Hi());");
        Assert.True((first.Str("id"), first.Int("line"), first.Int("column")) == ("CS8803", line, 1), detail);
    }

    /// <summary>
    /// What <c>dotnet build</c> reports for each snippet of <c>compiler-diagnostics.md</c> as a console project's
    /// Program.cs (measured with the .NET 10 SDK): ID, line within the snippet (1 = its first line), column.
    /// </summary>
    private static readonly Dictionary<string, (string Id, int Line, int Column)[]> CscDiagnostics = new()
    {
        // Syntax errors only: csc does not bind a tree that does not parse, so CS0029 never shows.
        ["syntax_and_semantic"] = [("CS1026", 2, 25), ("CS1002", 2, 25)],
        ["statements_with_error"] = [("CS1503", 2, 10)],
        ["placeholder"] = [("CS8635", 1, 19)],
        ["two_errors"] = [("CS0029", 1, 13), ("CS0103", 2, 14)],
        ["lone_placeholder"] = [("CS8635", 1, 1), ("CS1002", 1, 4)],
        ["statement_placeholder"] = [("CS8635", 2, 1)],
        ["missing_semicolon"] = [("CS1002", 1, 23)],
        // No CS7022 or CS8321 warnings either: they come from binding.
        ["main_placeholder"] = [("CS1001", 1, 18)],
        // Never CS5001 (no Main) or CS0028 (wrong signature): the snippet has statements.
        ["await_placeholder"] = [("CS8635", 1, 18)],
    };

    public static TheoryData<string, VerificationPath> CompileErrors()
    {
        var data = new TheoryData<string, VerificationPath>();
        foreach (var name in CscDiagnostics.Keys)
        {
            foreach (var path in PathRuns.All) data.Add(name, path);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(CompileErrors))]
    public void A_compile_error_reports_what_csc_reports_and_nothing_else(string name, VerificationPath path)
    {
        var snippet = run.PostRuns[path].Report.Snippet(name);
        var codeLine = snippet.Int("line") + 1;
        var expected = CscDiagnostics[name].Select(d => $"{d.Id}({codeLine + d.Line - 1},{d.Column})").Order(StringComparer.Ordinal);
        var actual = snippet.GetProperty("diagnostics").EnumerateArray()
            .Where(d => d.Str("id")!.StartsWith("CS", StringComparison.Ordinal))
            .Select(d => $"{d.Str("id")}({d.Int("line")},{d.Int("column")})").Order(StringComparer.Ordinal);
        Assert.True(expected.SequenceEqual(actual),
            $"{name} on '{PathRuns.Label(path)}': csc reports {string.Join(", ", expected)}\n  got {PathRun.Describe(snippet)}");
        Assert.Equal(("failed", "compile-error"), (snippet.Str("status"), snippet.Str("reason")));
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void A_snippet_with_statements_never_reports_a_missing_or_wrong_Main(VerificationPath path)
    {
        foreach (var snippet in run.PostRuns[path].SnippetsOf("compiler-diagnostics.md"))
        {
            var ids = snippet.GetProperty("diagnostics").EnumerateArray().Select(d => d.Str("id")).ToList();
            Assert.True(!ids.Contains("CS5001") && !ids.Contains("CS0028"), PathRun.Describe(snippet));
        }
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void A_placeholder_fails_with_the_parser_error_first(VerificationPath path)
    {
        foreach (var name in new[] { "placeholder", "lone_placeholder", "statement_placeholder", "await_placeholder" })
        {
            var snippet = run.PostRuns[path].Report.Snippet(name);
            var first = Errors(snippet).FirstOrDefault();
            Assert.True(first.ValueKind == JsonValueKind.Object && first.Str("id") is "CS8635" or "CS1525", PathRun.Describe(snippet));
        }
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void The_headline_of_a_compile_error_is_the_first_error_by_position(VerificationPath path)
    {
        foreach (var snippet in run.PostRuns[path].SnippetsOf("compiler-diagnostics.md"))
        {
            var errors = Errors(snippet).ToList();
            Assert.True(errors.Count > 0, PathRun.Describe(snippet));
            var earliest = errors.MinBy(d => (d.Int("line"), d.Int("column")));
            Assert.True((errors[0].Int("line"), errors[0].Int("column")) == (earliest.Int("line"), earliest.Int("column")), PathRun.Describe(snippet));
            Assert.True((snippet.Str("message") ?? "").StartsWith(errors[0].Str("message")!, StringComparison.Ordinal), PathRun.Describe(snippet));
        }
        var two = Errors(run.PostRuns[path].Report.Snippet("two_errors")).First();
        Assert.Equal(("CS0029", LineOf("compiler-diagnostics.md", "int first = \"one\";"), 13), (two.Str("id"), two.Int("line"), two.Int("column")));
    }

    public static TheoryData<VerificationPath> Paths() => [.. PathRuns.All];

    private static IEnumerable<JsonElement> Errors(JsonElement snippet) =>
        snippet.GetProperty("diagnostics").EnumerateArray().Where(d => d.Str("severity") == "error");

    private static int LineOf(string post, string text) =>
        Array.FindIndex(File.ReadAllLines(Samples.PathOf(Path.Combine(OneJudgeRunFixture.Folder, post))), l => l.Contains(text, StringComparison.Ordinal)) + 1;

    /// <summary>Opening fences of C# blocks (csharp, cs, c#) in a sample; every one must be in the report.</summary>
    private static int CSharpFenceCount(string path)
    {
        var count = 0;
        var open = false;
        foreach (var line in File.ReadLines(path))
        {
            if (!line.StartsWith("```", StringComparison.Ordinal)) continue;
            var info = line[3..].Trim();
            if (!open && info.Split(' ').First().ToLowerInvariant() is "csharp" or "cs" or "c#") count++;
            open = !open;
        }
        return count;
    }
}

/// <summary>The settings <c>configuration</c> and <c>warningLevel</c> (SPEC §11) are keys of the config file.</summary>
public sealed class BuildSettingsTests
{
    private const string Post = "```csharp run\n#if DEBUG\nConsole.WriteLine(\"debug\");\n#else\nConsole.WriteLine(\"release\");\n#endif\nConsole.WriteLine(\"done\");\n```\n";

    [Fact]
    public void A_warning_level_is_accepted()
    {
        using var folder = new TempFolder();
        folder.Write("post.md", "```csharp run\nConsole.WriteLine(1);\n```\n\n```output\n1\n```\n");
        folder.Write("snippetcheck.json", "{ \"warningLevel\": 4 }");
        var result = CliRunner.Run(folder.Path, "verify", "--no-cache");
        Assert.True(result.ExitCode == 0, result.Output);
    }

    [Theory]
    [InlineData("warningLevel", "\"loud\"")]
    [InlineData("configuration", "\"Fast\"")]
    public void A_bad_value_is_a_config_error_that_exits_2_naming_the_key(string key, string value)
    {
        using var folder = new TempFolder();
        folder.Write("post.md", Post);
        folder.Write("snippetcheck.json", $"{{\n  \"{key}\": {value}\n}}\n");
        var result = CliRunner.Run(folder.Path, "verify", "--no-cache");
        Assert.True(result.ExitCode == 2, result.Output);
        Assert.Contains(key, result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Release", "release")]
    [InlineData("Debug", "debug")]
    public void The_configuration_decides_whether_DEBUG_is_defined(string configuration, string printed)
    {
        using var folder = new TempFolder();
        folder.Write("post.md", Post.Replace("```\n", $"```\n\n```output\n{printed}\ndone\n```\n", StringComparison.Ordinal));
        folder.Write("snippetcheck.json", $"{{ \"configuration\": \"{configuration}\" }}");
        var result = CliRunner.Run(folder.Path, "verify", "--no-cache");
        Assert.True(result.ExitCode == 0, result.Output);
    }
}
