using SnippetCheck.Compilation;
using SnippetCheck.Execution;
using SnippetCheck.Results;
using SnippetCheck.Model;
using SnippetCheck.Extraction.Snippets;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Unit.Results;

/// <summary>The kinds × outcomes table: every row is one snippet, one compilation, one run, and the verdict the judge must give.</summary>
public sealed class JudgeTests
{
    private static readonly SourceLocation ErrorAt = new("post.md", 3, 9);

    private static readonly CompilationResult Compiled = new(true, [1], true, [], TimeSpan.Zero);

    private static readonly CompilationResult Broken = new(false, null, true,
        [new CompilerDiagnostic("CS0103", DiagnosticSeverity.Error, "The name 'x' does not exist in the current context", ErrorAt, 0)], TimeSpan.Zero);

    private static RunResult Ran(RunStatus status = RunStatus.Completed, int exit = 0, string stdout = "hi\n", string? exception = null) =>
        new(status, exit, stdout, "", new Dictionary<int, string>(), -1, exception, exception is null ? null : "boom",
            exception is null ? null : $"{exception}: boom\n   at Program.<Main>$(String[] args) in post.md:line 2", status == RunStatus.Timeout ? "timed out after 10s" : "died", TimeSpan.Zero);

    private static Snippet Snippet(string tags, string? output = "hi") =>
        Pipeline.Read($"```csharp {tags}\nConsole.WriteLine(\"hi\");\n```\n" + (output is null ? "" : $"\n```output\n{output}\n```\n")).Snippets[0];

    public static TheoryData<string, string?, string, bool, string, string?> Rows => new()
    {
        // tags, output block, outcome, has an entry point, status, reason
        { "run", "hi", "compiled+completed", true, "passed", null },
        { "run", "bye", "compiled+completed", true, "failed", "output-mismatch" },
        { "run", "hi", "broken", true, "failed", "compile-error" },
        { "run", "hi", "compiled+exit3", true, "failed", "exit-code" },
        { "run exit=3", "hi", "compiled+exit3", true, "passed", null },
        { "run", "hi", "compiled+exception", true, "failed", "exception" },
        { "run", "hi", "compiled+timeout", true, "failed", "timeout" },
        { "run", "hi", "compiled+crash", true, "failed", "crash" },
        { "run", "hi", "compiled+output-limit", true, "failed", "output-limit" },
        { "run", "hi", "compiled+load-failed", true, "failed", "crash" },
        { "run", null, "compiled", false, "failed", "annotation" },
        { "name=x", null, "compiled", false, "passed", null },
        { "compile", null, "compiled", true, "passed", null },
        { "compile", null, "broken", true, "failed", "compile-error" },
        { "compile-fail", null, "broken", true, "passed", null },
        { "compile-fail=CS0103", null, "broken", true, "passed", null },
        { "compile-fail=CS0029", null, "broken", true, "failed", "missing-diagnostic" },
        { "compile-fail", null, "compiled", true, "failed", "compiled" },
        { "throws", "hi", "compiled+exception", true, "passed", null },
        { "throws=InvalidOperationException", "hi", "compiled+exception", true, "passed", null },
        { "throws=System.InvalidOperationException", "hi", "compiled+exception", true, "passed", null },
        { "throws=ArgumentException", "hi", "compiled+exception", true, "failed", "wrong-exception" },
        { "throws", "hi", "compiled+completed", true, "failed", "no-exception" },
        { "throws", "bye", "compiled+exception", true, "failed", "output-mismatch" },
        { "throws", "hi", "broken", true, "failed", "compile-error" },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void A_lone_snippet_gets_the_verdict_of_its_row(string tags, string? output, string outcome, bool hasEntryPoint, string status, string? reason)
    {
        var snippet = Snippet(tags, output);
        var compiled = outcome == "broken" ? Broken : Compiled;
        var run = outcome switch
        {
            "compiled+completed" => Ran(),
            "compiled+exit3" => Ran(exit: 3),
            "compiled+exception" => Ran(RunStatus.Exception, exception: "System.InvalidOperationException"),
            "compiled+timeout" => Ran(RunStatus.Timeout),
            "compiled+crash" => Ran(RunStatus.Crashed),
            "compiled+output-limit" => Ran(RunStatus.OutputLimit),
            "compiled+load-failed" => Ran(RunStatus.LoadFailed),
            _ => null,
        };
        Assert.Equal(run is not null, Judge.ShouldRun(snippet, compiled, hasEntryPoint));

        var verdict = Judge.Lone(snippet, compiled, hasEntryPoint, run, Scrubbing.Default);
        var result = SnippetResult.Of(snippet, verdict);
        Assert.Equal((status, reason), (result.Status.ToWord(), result.ReasonWord));
    }

    [Fact]
    public void A_failure_owns_its_code_and_points_where_it_happened()
    {
        var compileError = Assert.IsType<Verdict.Failed>(Judge.Lone(Snippet("run"), Broken, true, null, Scrubbing.Default)).Failure;
        Assert.Equal(("CS0103", ErrorAt), (compileError.Code, compileError.Location));

        var exception = Assert.IsType<Verdict.Failed>(Judge.Lone(Snippet("run"), Compiled, true, Ran(RunStatus.Exception, exception: "System.InvalidOperationException"), Scrubbing.Default)).Failure;
        Assert.Equal((DiagnosticCodes.UnexpectedException, 2), (exception.Code, exception.Location.Line));
        Assert.Equal("unhandled exception System.InvalidOperationException: boom", exception.Message);
    }

    /// <summary>
    /// An ignored block is decided before it compiles (<c>BeforeCompiling</c>); <c>--stale</c> compiles and runs it retagged
    /// <c>compile</c> or <c>run</c>. So <c>Lone</c> never judges an <c>ignore</c> block, and fails loudly rather than
    /// judging one on a run.
    /// </summary>
    [Fact]
    public void An_ignored_block_is_decided_before_it_compiles_and_never_judged_on_its_compilation()
    {
        var ignored = Snippet("ignore");

        Assert.IsType<Verdict.Ignored>(Judge.BeforeCompiling(ignored, isEmpty: false));
        Assert.Throws<InvalidOperationException>(() => Judge.Lone(ignored, Compiled, true, Ran(), Scrubbing.Default));
    }

    [Fact]
    public void An_annotation_error_is_reported_with_its_own_code_not_a_generic_one()
    {
        var snippet = Pipeline.Read("```csharp rnu\nConsole.WriteLine(1);\n```\n").Snippets[0];
        var failure = Assert.IsType<AnnotationFailure>(Assert.IsType<Verdict.Failed>(Judge.BeforeCompiling(snippet, isEmpty: false)).Failure);
        Assert.Equal(snippet.Annotations.First(a => a.IsError).Id, failure.Code);
        Assert.Equal(FailureReason.Annotation, failure.Reason);
    }

    [Theory]
    [InlineData("", "ignored", "empty")]
    [InlineData("name=blank", "ignored", "empty")]
    [InlineData("run", "failed", "annotation")]
    [InlineData("compile", "failed", "annotation")]
    [InlineData("ignore", "ignored", null)]
    public void An_empty_block_is_never_passed(string tags, string status, string? reason)
    {
        var snippet = Pipeline.Read($"```csharp {tags}\n// only a comment\n```\n").Snippets[0];
        var verdict = Judge.BeforeCompiling(snippet, isEmpty: true);
        Assert.NotNull(verdict);
        var result = SnippetResult.Of(snippet, verdict);
        Assert.Equal((status, reason), (result.Status.ToWord(), result.ReasonWord));
    }

    [Theory]
    [InlineData("CS0106", "a member outside a type")]
    [InlineData("CS8635", "placeholder")]
    [InlineData("CS0227", "'unsafe' tag")]
    [InlineData("CS8803", "top-level statements must come before")]
    public void A_well_known_compile_error_carries_a_hint(string id, string hint)
    {
        var errors = new[] { new CompilerDiagnostic(id, DiagnosticSeverity.Error, "message", ErrorAt, 0) };
        var failure = Assert.IsType<CompileErrorFailure>(Assert.IsType<Verdict.Failed>(Judge.CompileError(Snippet("run"), errors)).Failure);
        Assert.Contains(hint, failure.Detail);
    }

    [Theory]
    [InlineData("total: 1", "total: 2", false)]                                                             // one number: a regression
    [InlineData("order 1001 shipped\norder 1002 shipped", "order 2001 shipped\norder 2002 shipped", true)] // ids
    public void The_number_scrubber_is_hinted_only_when_several_numbers_differ(string expected, string actual, bool hinted)
    {
        var block = Snippet("run", expected).Output!;

        var hint = FailureHints.ForMismatch(block, actual + "\n", Scrubbing.Default);

        Assert.Equal(hinted, hint?.Contains("scrub=number", StringComparison.Ordinal) == true);
    }

    /// <summary>The output block opens at line 5; its body starts at line 6.</summary>
    [Theory]
    [InlineData("output", "a\nb\nc", "a\nB\nc", 7)]            // the second line differs
    [InlineData("output", "a\nb", "x\na\nb", 6)]                // something printed before the first line
    [InlineData("output", "a\nb\nc", "a", 7)]                   // lines missing from the second on
    [InlineData("output", "a\nb", "a\nb\nc", 8)]                // printed past the last line: the closing fence
    [InlineData("output", "", "a", 7)]                           // a blank block: its closing fence
    [InlineData("output", "\n\na\nb", "a\nc", 9)]              // leading blank lines take no part in matching
    [InlineData("console output", "$ dotnet run\na\nb", "a\nc", 8)]    // nor does a prompt line
    [InlineData("output unordered", "a\nb", "a\nc", 5)]        // lines compared as a set: the opening fence
    [InlineData("output ellipsis", "a\n...\nz", "b", 5)]       // wildcards: the opening fence
    public void An_output_mismatch_points_at_the_first_line_of_the_block_that_differs(string info, string body, string printed, int line)
    {
        var snippet = Pipeline.Read($"```csharp run\nConsole.WriteLine(\"hi\");\n```\n\n```{info}\n{body}\n```\n").Snippets[0];
        Assert.Equal(5, snippet.Output!.Block.Location.Line);

        var failure = Assert.IsType<OutputMismatchFailure>(Assert.IsType<Verdict.Failed>(Judge.Run(snippet, Ran(stdout: printed + "\n"), printed + "\n", isLast: true, Scrubbing.Default)).Failure);

        Assert.Equal(line, failure.Location.Line);
        Assert.Equal(5, failure.OutputBlock.Line);
    }

    [Fact]
    public void An_output_mismatch_in_a_list_item_points_at_the_differing_lines_column()
    {
        var snippet = Pipeline.Read("- item\n\n  ```csharp run\n  Console.WriteLine(\"hi\");\n  ```\n\n  ```output\n  a\n  b\n  ```\n").Snippets[0];

        var failure = Assert.IsType<Verdict.Failed>(Judge.Run(snippet, Ran(stdout: "a\nc\n"), "a\nc\n", isLast: true, Scrubbing.Default)).Failure;

        Assert.Equal(new SourceLocation("post.md", 9, 3), failure.Location);
    }
}
