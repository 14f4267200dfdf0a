using SnippetCheck.Compilation;
using SnippetCheck.Execution;
using SnippetCheck.Model;
using SnippetCheck.Extraction.Snippets;

namespace SnippetCheck.Results;

/// <summary>
/// Turns what the compiler and the runner said into a block's verdict: the kinds × outcomes table, in one place.
/// Pure: no I/O, no clock; the same inputs always give the same verdict, whatever path produced them.
/// </summary>
internal static partial class Judge
{
    /// <summary>The verdict of a block that is not compiled: its tags are wrong, it is ignored, or it holds no code.</summary>
    public static Verdict? BeforeCompiling(Snippet snippet, bool isEmpty)
    {
        if (snippet.Annotations.FirstOrDefault(d => d.IsError) is { } error) return new Verdict.Failed(new AnnotationFailure(error));
        if (!snippet.Kind.Rule().Verified) return new Verdict.Ignored();
        if (!isEmpty) return null;
        // An explicit kind, an output or stdin block asks for code that is not there.
        return snippet.Tags.Kind is not null || snippet.Output is not null || snippet.Stdin is not null
            ? new Verdict.Failed(new AnnotationFailure(Diagnostic.Error(DiagnosticCodes.RunWithoutEntryPoint,
                $"'{snippet.Kind.ToTag()}' needs code, but the block is empty (only blank lines or comments); fill it, or tag it 'ignore'",
                snippet.Location)))
            : Verdict.Empty;
    }

    /// <summary>True when a lone program that compiled like this is to be run: a run or throws snippet with an entry point.</summary>
    public static bool ShouldRun(Snippet snippet, CompilationResult compiled, bool hasEntryPoint) =>
        compiled.Success && snippet.Kind.Rule().Runs && (hasEntryPoint || RunsTests(snippet, compiled));

    /// <summary>A block asking to run whose program declares test methods: they run, after its statements if it has any.</summary>
    private static bool RunsTests(Snippet snippet, CompilationResult compiled) => snippet.Kind.Rule().RunsTests && compiled.Tests.Count > 0;

    /// <summary>
    /// A lone snippet's verdict, from its compilation and (when <see cref="ShouldRun"/>) its run: the kinds × outcomes
    /// table for everything that got past <see cref="BeforeCompiling"/>.
    /// </summary>
    public static Verdict Lone(Snippet snippet, CompilationResult compiled, bool hasEntryPoint, RunResult? run, Scrubbing scrubbing)
    {
        // The kind's judge case (its row's Judged): a new kind that passes another way adds its case here, and one
        // that has none fails loudly rather than being judged as a run.
        return snippet.Kind.Rule().Judged switch
        {
            KindJudging.CompileFail => CompileFail(snippet, compiled),
            KindJudging.Check => Check(snippet, compiled),
            KindJudging.Compile => Compile(snippet, compiled, [.. compiled.Errors]),
            KindJudging.Run or KindJudging.Throws => Ran(snippet, compiled, hasEntryPoint, run, scrubbing),
            // Decided before compiling (BeforeCompiling); --stale compiles and runs an ignored block retagged compile or run.
            KindJudging.Ignored => throw new InvalidOperationException($"an '{snippet.Kind.ToTag()}' block is never judged on a compilation"),
            var judged => throw new InvalidOperationException($"no judge case for {judged}"),
        };
    }

    /// <summary>
    /// A block compiled apart from its session, against the session so far, and left out of it (a kind that does not
    /// join one: <see cref="KindRule.JoinsSession"/>): its judge case on that compilation alone. Such a kind never runs
    /// (<c>KindRulesTests</c>), so a row that says otherwise fails here rather than passing a block nothing ran.
    /// </summary>
    public static Verdict Apart(Snippet snippet, CompilationResult compiled) =>
        snippet.Kind.Rule() is { Runs: false, Verified: true }
            ? Lone(snippet, compiled, hasEntryPoint: false, run: null, Scrubbing.Off)
            : throw new InvalidOperationException($"a '{snippet.Kind.ToTag()}' block is never judged apart from its session");

    /// <summary>A block that asks to run: its compilation, then its run.</summary>
    private static Verdict Ran(Snippet snippet, CompilationResult compiled, bool hasEntryPoint, RunResult? run, Scrubbing scrubbing)
    {
        if (!compiled.Success) return Compile(snippet, compiled, [.. compiled.Errors]);
        // Declarations only: nothing of its own to execute.
        if (!hasEntryPoint && !RunsTests(snippet, compiled)) return NeedsRun(snippet) ? NothingToRun(snippet, null) : Verdict.Pass;
        return run is null ? throw new ArgumentNullException(nameof(run), "a runnable snippet is judged on its run")
            : Run(snippet, run, run.Stdout, isLast: true, scrubbing);
    }

    /// <summary>A <c>compile</c> block, or any block whose program did not compile.</summary>
    public static Verdict Compile(Snippet snippet, CompilationResult compiled, IReadOnlyList<CompilerDiagnostic> ownErrors) =>
        compiled.Success ? Verdict.Pass : CompileError(snippet, ownErrors);

    /// <summary>
    /// A <c>check</c> block, compiled with a <see cref="CheckScope"/>: it passes, as <see cref="Verdict.Checked"/>, when every
    /// error is an unknown name and something in it binds to the framework or a package. Any other error fails it as
    /// in <c>compile</c>; a block that binds nothing checks nothing, and fails for that.
    /// </summary>
    public static Verdict Check(Snippet snippet, CompilationResult compiled)
    {
        var refused = compiled.Errors.Where(e => e.UnknownName is null).ToList();
        if (refused.Count > 0) return CompileError(snippet, refused);
        if (compiled.KnownUse is not { } knownUse) return new Verdict.Failed(new NothingCheckedFailure(snippet.Location));
        // A call on an unknown receiver beside output writes alone says more as the hollow call it is (below).
        if (compiled.Evidence is { ChecksSomething: false } evidence && (evidence.HollowCall is null || evidence.UnboundCalls > evidence.BoundCalls))
            return new Verdict.Failed(new NothingCheckedFailure(snippet.Location) { Shortfall = compiled.Evidence?.Shortfall });
        // What the block is about must bind, not something beside it (docs/authoring.md, "What check counts").
        if (compiled.Evidence?.HollowCall is { } hollow) return new Verdict.Failed(new HollowCheckFailure(hollow.At ?? snippet.Location, hollow, 0));
        if (compiled.Evidence is { Incidental: true, UnboundCalls: var unboundCalls })
            return new Verdict.Failed(new HollowCheckFailure(snippet.Location, null, unboundCalls));
        var unknown = compiled.Errors.Where(e => e.UnknownName != Holes.Marker).Select(
            e => new UnknownName(e.UnknownName!, e.Location ?? snippet.Location)).Distinct();
        return new Verdict.Checked([.. unknown], knownUse) { Holes = compiled.Holes };
    }

    /// <summary>A block that asks to run, in a program with nothing to execute.</summary>
    public static Verdict NothingToRun(Snippet snippet, string? session) =>
        new Verdict.Failed(new AnnotationFailure(Diagnostic.Error(DiagnosticCodes.RunWithoutEntryPoint,
            session is null && snippet.Tags.Members
                ? $"'{snippet.Kind.ToTag()}' needs code to execute, but a 'members' block only declares members; tag it 'compile members' to check " +
                $"that they compile"
            : session is null
                ? $"'{snippet.Kind.ToTag()}' needs code to execute, but this snippet only declares types; tag it 'compile' to check that it compiles"
                : $"this block has an output or stdin block, but session '{session}' has no statements to run",
            snippet.Location)));

    /// <summary>True when a block asks to be executed, not just compiled.</summary>
    public static bool NeedsRun(Snippet snippet) =>
        snippet.Tags.Kind?.Rule().Runs == true || snippet.Output is not null || snippet.Stdin is not null ||
        snippet.Tags.ExitCode is not null || snippet.Tags.Args is not null;

    /// <summary>
    /// A block's verdict with its tests (<paramref name="owns"/> picks the declared tests that are the block's own): each
    /// test's result, and the first failed test fails a block that passed otherwise. A block of tests that did not run
    /// (a compile-only kind, or a program that ended before its tests) is never a run: compiled, or skipped.
    /// </summary>
    public static (Verdict Verdict, IReadOnlyList<TestResult> Tests) WithTests(
        Snippet snippet, Verdict verdict, CompilationResult compiled, RunResult? run,
        Func<DeclaredTest, bool> owns)
    {
        var declared = compiled.Tests.Where(owns).ToList();
        if (declared.Count == 0 || !snippet.Kind.Rule().RunsTests || run is null) return (verdict, []);
        var tests = new List<TestResult>();
        foreach (var report in run.Tests)
        {
            if (declared.FirstOrDefault(d => d.Type == report.Type && d.Method == report.Method) is not { } test) continue;
            var at = test.Location ?? snippet.Location;
            if (report.Ending == Execution.TestEnding.Failed) at = ThrowingLine(report.ExceptionText, snippet) ?? at;
            var status = report.Ending switch { Execution.TestEnding.Failed => TestStatus.Failed, Execution.TestEnding.Skipped => TestStatus.Skipped,
                _ => TestStatus.Passed };
            tests.Add(new TestResult(report.Name, status, report.Message, at, report.Output, TimeSpan.FromMilliseconds(report.DurationMs)));
        }
        if (verdict is not Verdict.Passed) return (verdict, tests);
        if (tests.Count == 0)
            return (new Verdict.Skipped($"not run: its {(declared.Count == 1 ? "test" : $"{declared.Count} tests")} did not run, the program ended " +
                $"before them"), tests);
        // A declared test with no result at all did not run: the block is not a pass of its tests, whatever the others did.
        var unrun = declared.Where(d => !run.Tests.Any(r => r.Type == d.Type && r.Method == d.Method)).Select(d => d.Method).Distinct().ToList();
        var failed = tests.Where(t => t.Status == TestStatus.Failed).ToList();
        if (failed.Count == 0 && unrun.Count > 0)
            return (new Verdict.Skipped($"not run: {(unrun.Count == 1 ? "test" : "tests")} {string.Join(", ", unrun)} did not run, the program " +
                $"ended before {(unrun.Count == 1 ? "it" : "them")}"), tests);
        if (failed.Count > 0)
        {
            // The block fails where its first failing test stands in the post, whatever order the framework ran them in.
            var first = failed.OrderBy(t => t.Location.Line).ThenBy(t => t.Location.Column).First();
            var report = run.Tests.First(r => r.Name == first.Name && r.Ending == Execution.TestEnding.Failed);
            return (new Verdict.Failed(
                new TestFailure(first.Location, first.Name, first.Message ?? "", Frames(report.ExceptionText), failed.Count - 1)
            {
                Hint = FailureHints.ForProxyAccess(first.Message),
            }), tests);
        }
        var skipped = tests.Count(t => t.Status == TestStatus.Skipped);
        var passed = tests.Count - skipped;
        return (new Verdict.Passed($"{passed} {(passed == 1 ? "test" : "tests")} passed" + (skipped > 0 ? $", {skipped} skipped" : "")), tests);
    }

    /// <summary>A failed test's stack frames, in the post's lines: its message is said apart, in the framework's words.</summary>
    private static string? Frames(string? exceptionText) =>
        StackTraces.SnippetFrames(exceptionText)?.Split('\n').Where(l => l.StartsWith("   at ", StringComparison.Ordinal))
        .ToList() is { Count: > 0 } frames
            ? string.Join('\n', frames)
            : null;

    /// <summary>
    /// A block that ran: <paramref name="output"/> is what it printed itself; <paramref name="isLast"/> is false for a
    /// session block the program went past (its exit code and exception are not its own). Output is compared after
    /// <paramref name="scrubbing"/>, applied alike to both sides.
    /// </summary>
    public static Verdict Run(Snippet snippet, RunResult run, string output, bool isLast, Scrubbing scrubbing)
    {
        var at = snippet.Location;
        switch (run.Status)
        {
            case RunStatus.Timeout: return new Verdict.Failed(new TimeoutFailure(at, run.CrashMessage ?? "timed out"));
            case RunStatus.Crashed: return new Verdict.Failed(new CrashFailure(at, $"crashed: {run.CrashMessage}", Tail(run.Stderr)));
            case RunStatus.OutputLimit: return new Verdict.Failed(new OutputLimitFailure(at));
            case RunStatus.WroteToChannel: return new Verdict.Failed(new CrashFailure(at, run.CrashMessage!, FailureHints.ForChannelWrite));
            case RunStatus.LoadFailed: return new Verdict.Failed(
                new CrashFailure(at, $"could not be loaded: {run.ExceptionMessage}", run.ExceptionText));
        }

        var expected = snippet.Tags.ExpectedException;
        if (snippet.Kind.Rule().Judged == KindJudging.Throws)
        {
            if (!isLast) return new Verdict.Failed(new NoExceptionFailure(at, expected, null));
            if (run.Status != RunStatus.Exception) return new Verdict.Failed(new NoExceptionFailure(at, expected, run.ExitCode));
            if (expected is not null && !IsSameType(expected, run.ExceptionType!))
                return new Verdict.Failed(new WrongExceptionFailure(ThrowingLine(run.ExceptionText, snippet) ?? at, expected,
                    run.ExceptionType!, run.ExceptionMessage ?? "", StackTraces.SnippetFrames(run.ExceptionText), FailureHints.ForSandbox(run)
                    ?? FailureHints.ForProxyAccess(run.ExceptionMessage)));
        }
        else if (run.Status == RunStatus.Exception)
        {
            return new Verdict.Failed(new ExceptionFailure(ThrowingLine(run.ExceptionText, snippet) ?? at,
                run.ExceptionType!, run.ExceptionMessage ?? "", StackTraces.SnippetFrames(run.ExceptionText), FailureHints.ForSandbox(run)
                ?? FailureHints.ForProxyAccess(run.ExceptionMessage)));
        }
        else if (isLast && run.ExitCode != (snippet.Tags.ExitCode ?? 0))
        {
            return new Verdict.Failed(new ExitCodeFailure(at, snippet.Tags.ExitCode ?? 0, run.ExitCode));
        }

        if (snippet.Output is { } block)
        {
            var comparison = OutputComparer.Compare(block.Text, output, block.Mode, scrubbing);
            if (!comparison.Matches)
                return new Verdict.Failed(new OutputMismatchFailure(block.Block.Location, comparison.DiffText)
                {
                    Location = FirstDifference(block, comparison),
                    Hint = FailureHints.ForMismatch(block, output, scrubbing),
                });
        }
        return Verdict.Pass;
    }

    /// <summary>
    /// Where a mismatch is reported: the expected line at which the output first differs, or the closing fence when
    /// the output only goes on past the block's last line. An <c>unordered</c> or <c>ellipsis</c> block has no one
    /// first differing line (nor has a block whose scrubbing joined or split lines): its opening fence.
    /// </summary>
    internal static SourceLocation FirstDifference(ExpectedOutput block, ComparisonResult comparison)
    {
        var expectedLines = comparison.Diff.Count(d => d.Kind != DiffLineKind.Actual);
        if (block.Mode != OutputMatchMode.Exact || expectedLines != OutputComparer.Normalize(block.Text).Count) return block.Block.Location;
        var index = comparison.Diff.TakeWhile(d => d.Kind == DiffLineKind.Same).Count();
        return index < expectedLines && block.ComparedLines[index] is var line
            ? block.Block.Location with { Line = line.Line, Column = line.Column }
            : block.Block.Location with { Line = block.Block.EndLine };
    }

    /// <summary>Compile errors as the compiler's users see them, with a hint for a well-known cause.</summary>
    public static Verdict CompileError(Snippet snippet, IReadOnlyList<CompilerDiagnostic> errors)
    {
        var diagnostics = errors.Select(e => ToDiagnostic(e, snippet)).ToList();
        if (diagnostics.Count == 0)
        {
            // The errors fell in code of the tool's own or another block; say so rather than pass.
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.CompileError, "the program did not compile", snippet.Location));
        }
        return new Verdict.Failed(
            new CompileErrorFailure(
                diagnostics, FailureHints.ForCompileError(
                    diagnostics[0].Id, diagnostics[0].Message, errors.FirstOrDefault()?.NamesInternalMember == true, snippet)));
    }

    public static Diagnostic ToDiagnostic(CompilerDiagnostic diagnostic, Snippet snippet) =>
        new(diagnostic.Id, diagnostic.Severity, diagnostic.Message, diagnostic.Location ?? snippet.Location)
        {
            End = diagnostic.Location is null ? null : diagnostic.End,
        };

    /// <summary>
    /// The line the failure is headlined at: the innermost frame in the snippet's own, visible lines, read from the stack
    /// trace; else the innermost frame in its file (hidden code: a prelude). A helper in a prelude that throws is
    /// headlined where the post calls it, and the trace below still names the prelude's line.
    /// </summary>
    private static Model.SourceLocation? ThrowingLine(string? exceptionText, Snippet snippet)
    {
        if (exceptionText is null) return null;
        var marker = $" in {snippet.Location.File}:line ";
        var frames = new List<int>();
        foreach (var line in exceptionText.Split('\n'))
        {
            var at = line.IndexOf(marker, StringComparison.Ordinal);
            if (at >= 0 && int.TryParse(line[(at + marker.Length)..].Trim(), out var number)) frames.Add(number);
        }
        if (frames.Count == 0) return null;
        var visible = frames.Where(n => snippet.Code.Any(l => l.Line == n)).DefaultIfEmpty(frames[0]).First();
        // Where the line's code starts: past a list's indent, or a doc comment's '///'.
        var column = snippet.Code.FirstOrDefault(l => l.Line == visible) is { Line: > 0 } code ? code.Column : 1;
        return new Model.SourceLocation(snippet.Location.File, visible, column);
    }

    private static bool IsSameType(string expected, string actualFullName)
    {
        if (string.Equals(expected, actualFullName, StringComparison.Ordinal)) return true;
        var simple = actualFullName[(actualFullName.LastIndexOfAny(['.', '+']) + 1)..];
        return string.Equals(expected, simple, StringComparison.Ordinal);
    }

    /// <summary>The first lines of what the process wrote to stderr: enough to see why, not a 500 000-frame stack.</summary>
    private static string Tail(string text)
    {
        var lines = text.TrimEnd().Split('\n');
        return lines.Length <= 12 ? string.Join('\n', lines) : string.Join('\n', lines.Take(12)) + $"\n... ({lines.Length - 12} more lines)";
    }
}
