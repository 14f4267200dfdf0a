using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.EndToEnd;

/// <summary>
/// The repros of issue 13, one Markdown file each in Samples/one-judge, on every path: a snippet named
/// <c>fails-CODE-...</c> must fail with that code, <c>ignored-empty-...</c> must be ignored as empty, every other must pass.
/// The runs are the differential test's (<see cref="EveryWayRuns"/>): the top-level posts with <c>--all</c>, and
/// <c>release/</c> from inside it, with its own config.
/// </summary>
public sealed class OneJudgeTests
{
    private const string Folder = "one-judge";

    public static TheoryData<VerificationPath> Paths() => [.. PathRuns.All];

    [Theory]
    [MemberData(nameof(Paths))]
    public void Every_repro_gets_the_verdict_its_name_states(VerificationPath path)
    {
        var posts = EveryWayRuns.ByPath(Folder)[path];
        var release = EveryWayRuns.ByPath($"{Folder}/release")[path];

        var problems = new List<string>();
        var named = 0;
        foreach (var snippet in posts.Report.Snippets.Concat(release.Report.Snippets))
        {
            var name = snippet.Str("name");
            if (name is null) continue;
            named++;
            var (status, code) = name.StartsWith("fails-", StringComparison.Ordinal) ? ("failed", name.Split('-')[1])
                : name.StartsWith("ignored-empty", StringComparison.Ordinal) ? ("ignored", null)
                : ("passed", (string?)null);
            var actualCode = snippet.GetProperty("diagnostics").EnumerateArray().Select(d => d.Str("id")).FirstOrDefault(id => id == code);
            if (snippet.Str("status") != status || (code is not null && actualCode is null) || (status == "ignored" && snippet.Str("reason") != "empty"))
                problems.Add($"{snippet.Str("file")}:{snippet.Int("line")} {name}: {snippet.Str("status")} {snippet.Str("reason")}: {snippet.Str("message")}");
        }
        Assert.True(named >= 25, $"only {named} named repros were verified:\n{posts.Result.Output}");
        Assert.True(problems.Count == 0, $"{PathRuns.Label(path)}:\n" + string.Join('\n', problems));
    }

    [Fact]
    public void A_try_dotnet_fence_without_code_is_ignored_as_empty_never_passed()
    {
        var tryDotnet = EveryWayRuns.ByPath(Folder)[VerificationPath.Merged].SnippetsOf("empty.md").First();
        Assert.Equal(("ignored", "empty"), (tryDotnet.Str("status"), tryDotnet.Str("reason")));
        Assert.Contains("empty", tryDotnet.Str("message"));
    }

    [Fact]
    public void Only_the_errors_the_compiler_reports_are_in_the_diagnostics()
    {
        var report = EveryWayRuns.ByPath(Folder)[VerificationPath.Merged].Report;
        string[] Ids(string name) => [.. report.Snippet(name).GetProperty("diagnostics").EnumerateArray().Select(d => d.Str("id")!)];

        // Like csc: a syntax error hides the semantic ones (the undefined name is not reported)...
        Assert.Equal(["CS1002"], Ids("fails-CS1002-syntax_first"));
        // ...and a file with statements never draws an entry-point complaint.
        Assert.Equal(["CS8635"], Ids("fails-CS8635-placeholder"));
    }
}
