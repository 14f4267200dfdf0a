using SnippetCheck.Compilation;
using SnippetCheck.Extraction.Snippets;
using SnippetCheck.Model;
using SnippetCheck.Results;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Unit.Extraction.Snippets;

/// <summary>
/// A tag kind's meaning is one row of <see cref="KindRules"/>: the stages that plan, merge, run and judge a block read its
/// columns, so a new kind is a row plus its judge case, not a search through eight files. These are what the columns
/// imply of each other, so that a new row cannot say something the stages reading it do not handle. That the stages
/// compare no kind is a check of the source, Hygiene/KindComparisonTests.
/// </summary>
public sealed class KindRulesTests
{
    [Fact]
    public void Every_kind_has_one_row_in_the_order_of_the_enum_with_a_word_of_its_own()
    {
        Assert.Equal(Enum.GetValues<SnippetKind>(), KindRules.All.Select(r => r.Kind));
        Assert.Equal(KindRules.All.Count, KindRules.All.Select(r => r.Word).Distinct(StringComparer.Ordinal).Count());
        Assert.All(Enum.GetValues<SnippetKind>(), kind => Assert.Equal(kind, KindRules.FromTag(kind.ToTag())));
    }

    [Fact]
    public void A_row_names_its_behaviours_and_places_no_bool()
    {
        // A row of positional bools is kept straight only by a column comment: one misplaced 'true' is a kind that merges
        // instead of running tests, and nothing fails to compile. A row names what the kind does (KindBehaviour).
        var bools = typeof(KindRule).GetConstructors().SelectMany(c => c.GetParameters()).Where(p => p.ParameterType == typeof(bool))
            .Select(p => p.Name).ToList();
        Assert.True(bools.Count == 0, $"KindRule's constructor takes bools by position: {string.Join(", ", bools)}");
    }

    [Fact]
    public void A_kind_never_verified_is_judged_ignored_and_does_nothing_else()
    {
        // BeforeCompiling answers 'ignored' from Verified alone; a row that ran, merged or joined a session would be verified after all.
        Assert.All(KindRules.All, r =>
            Assert.True(r.Verified == (r.Judged != KindJudging.Ignored), $"{r.Word}: verified {r.Verified}, judged {r.Judged}"));
        Assert.All(KindRules.All.Where(r => !r.Verified), r => Assert.False(
            r.Runs || r.RunsTests || r.Merges || r.JoinsSession || r.Holes || r.FillsDots, $"{r.Word} is never verified, yet its row acts"));
    }

    [Fact]
    public void A_kind_runs_exactly_when_its_judge_case_reads_a_run_and_only_a_running_kind_runs_tests()
    {
        // Judge.Ran and Judge.Run read a run's exit, output and exception: a kind judged so that never ran would pass on nothing.
        Assert.All(KindRules.All, r =>
            Assert.True(r.Runs == (r.Judged is KindJudging.Run or KindJudging.Throws), $"{r.Word}: runs {r.Runs}, judged {r.Judged}"));
        Assert.All(KindRules.All, r => Assert.True(!r.RunsTests || r.Runs, $"{r.Word} runs tests but never runs"));
    }

    [Fact]
    public void A_kind_that_allows_compile_errors_neither_merges_nor_joins_a_session_and_one_left_out_of_a_session_never_runs()
    {
        // Its errors (listed, or unknown names) would stop every other block compiled in the same assembly.
        Assert.All(KindRules.All.Where(r => r.Judged is KindJudging.CompileFail or KindJudging.Check || r.Holes), r =>
            Assert.False(r.Merges || r.JoinsSession, $"{r.Word} passes with compile errors, yet merges or joins a session"));
        // A session compiles a block that does not join it against the session so far and judges it there, unrun (Judge.Apart).
        Assert.All(KindRules.All.Where(r => r.Verified && !r.JoinsSession), r =>
            Assert.False(r.Runs, $"{r.Word} stays out of a session, yet runs"));
    }

    [Fact]
    public void A_kind_that_merges_or_joins_a_session_is_judged_by_a_case_those_paths_judge()
    {
        // A merged chunk passes a member that does not run on the chunk's compilation, and a session judges its blocks on
        // the joint compilation and run (Judge.Run): neither reaches Judge.Lone, so another judge case there would be skipped.
        Assert.All(KindRules.All.Where(r => r.Merges || r.JoinsSession), r => Assert.True(
            r.Judged is KindJudging.Compile or KindJudging.Run or KindJudging.Throws,
            $"{r.Word} merges or joins a session, where its judge case {r.Judged} is never asked"));
    }

    [Fact]
    public void Holes_are_the_check_levels_and_a_kind_with_holes_leaves_out_the_dots_that_stand_for_statements()
    {
        // The result's level reads Holes ('check'), and only the check judge tolerates the unknown names holes leave.
        Assert.All(KindRules.All, r =>
            Assert.True(r.Holes == (r.Judged == KindJudging.Check), $"{r.Word}: holes {r.Holes}, judged {r.Judged}"));
        Assert.All(KindRules.All.Where(r => r.Holes), r => Assert.True(r.FillsDots, $"{r.Word} fills a value's dots but not a statement's"));
    }

    [Fact]
    public void Every_judge_case_is_some_kinds_and_the_judge_has_a_case_for_every_kind()
    {
        Assert.Equal(Enum.GetValues<KindJudging>().Order(), KindRules.All.Select(r => r.Judged).Distinct().Order());
        var broken = new CompilationResult(false, null, true,
            [new CompilerDiagnostic("CS0103", DiagnosticSeverity.Error, "The name 'x' does not exist in the current context", null, 0)],
            TimeSpan.Zero);
        foreach (var rule in KindRules.All)
        {
            var snippet = Pipeline.Read($"```csharp {rule.Word}\nConsole.WriteLine(x);\n```\n").Snippets[0];
            Assert.Equal(rule.Kind, snippet.Kind);
            // Throws "no judge case" for a judging value Judge.Lone has no arm for. A kind never verified has its case before
            // compiling (BeforeCompiling: ignored), and Lone refuses it.
            if (rule.Verified) Assert.IsAssignableFrom<Verdict>(Judge.Lone(snippet, broken, hasEntryPoint: true, run: null, Scrubbing.Default));
            else Assert.IsType<Verdict.Ignored>(Judge.BeforeCompiling(snippet, isEmpty: false));
            if (rule.Verified && !rule.JoinsSession) Assert.IsAssignableFrom<Verdict>(Judge.Apart(snippet, broken));
        }
    }
}
