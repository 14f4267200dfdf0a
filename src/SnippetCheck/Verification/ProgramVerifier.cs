using System.Diagnostics;
using SnippetCheck.Comparison;
using SnippetCheck.Compilation;
using SnippetCheck.Execution;
using SnippetCheck.Model;
using SnippetCheck.Packages;
using SnippetCheck.Snippets;

namespace SnippetCheck.Verification;

/// <summary>
/// Compiles, runs and judges one program: a lone snippet, or all blocks of a session (SPEC §2–§5).
/// Every failure becomes a <see cref="SnippetResult"/>; nothing here throws for a snippet's sake.
/// </summary>
internal sealed class ProgramVerifier(RunnerPool pool, DependencyResolver dependencyResolver)
{
    private int _chunks, _merged, _droppedAtCompile, _retriedAlone, _notMerged;

    /// <summary>
    /// True once two chunks have shown that more than half of the snippets draw a diagnostic (fragments verified
    /// with <c>--all</c>, say): each of those is compiled merged and then again alone, which costs more than
    /// merging saves (measured on ../shared/realworld with --all: 80 % dropped, 14.7 s of CPU merged against 12.7 s alone).
    /// </summary>
    private bool MergingDoesNotPay => Volatile.Read(ref _chunks) >= 2 && Volatile.Read(ref _droppedAtCompile) * 2 > Volatile.Read(ref _merged);

    /// <summary>Starts the pool's runners in the background: something is about to be compiled and run.</summary>
    public void StartRunners(int programs) => pool.StartRunners(programs);

    /// <summary>What merging did so far in this run.</summary>
    public MergeStatistics Merging => new(_chunks, _merged, _droppedAtCompile, _retriedAlone) { NotMerged = _notMerged };

    public async Task<IReadOnlyList<SnippetResult>> VerifyLoneAsync(SnippetDocument document, FileSettings settings, Snippet snippet, CancellationToken cancellationToken)
    {
        if (snippet.HasAnnotationErrors) return [AnnotationFailure(snippet)];
        if (snippet.Kind == SnippetKind.Ignore) return [SnippetResult.Of(snippet, SnippetStatus.Ignored)];

        var clock = Stopwatch.StartNew();
        // Packages, projects, #:sdk and #:property (SPEC §6): the program's references, runtime assemblies and settings.
        var dependencies = await dependencyResolver.ResolveAsync(document, [snippet], null, cancellationToken).ConfigureAwait(false);
        if (dependencies.Failed) return dependencies.FailureResults([snippet], null, clock.Elapsed);
        var parts = PreludeParts(document, session: null).Append(PartOf(document, snippet, 0)).ToList();
        var compileSettings = dependencies.Apply(settings.CompileSettingsFor([snippet.Tags]));
        var kind = snippet.Kind;

        if (kind is SnippetKind.Compile or SnippetKind.CompileFail)
        {
            var compiled = SnippetCompiler.Compile(parts, compileSettings, markBlocks: false, cancellationToken);
            return [kind == SnippetKind.CompileFail ? JudgeCompileFail(snippet, compiled, clock) : JudgeCompile(snippet, compiled, clock)];
        }

        var result = SnippetCompiler.Compile(parts, compileSettings, markBlocks: false, cancellationToken);
        var shape = result.Shapes[0];
        if (!shape.HasStatements && !shape.HasMain)
        {
            // Declarations only: nothing of its own to execute.
            if (!NeedsRun(snippet)) return [JudgeCompile(snippet, result, clock)];
            return [Fail(snippet, FailureReason.Annotation, DiagnosticCodes.RunWithoutEntryPoint,
                $"'{kind.ToTag()}' needs code to execute, but this snippet only declares types; tag it 'compile' to check that it compiles",
                snippet.Location, null, clock)];
        }
        if (!result.Success) return [CompileFailure(snippet, result, result.Errors.ToList(), clock)];

        var run = await pool.RunAsync(new ProgramImage(result.Image!), snippet.Stdin?.Content ?? "", SplitArgs(snippet.Tags.Args),
            dependencies.RuntimePaths, settings.TimeoutFor(snippet.Tags), cancellationToken).ConfigureAwait(false);
        return [JudgeRun(snippet, run, run.Stdout, isLast: true, WithDiagnostics(result, snippet), clock)];
    }

    /// <summary>
    /// The snippet as a member of a merged assembly, or null when it must be compiled alone: sessions, packages
    /// and other directives, <c>compile-fail</c>, annotation errors, and code that would not mean the same wrapped
    /// (see <see cref="MergeableProgram"/>).
    /// </summary>
    public MergeCandidate? TryMerge(SnippetDocument document, FileSettings settings, Snippet snippet)
    {
        if (snippet.Tags.Session is not null || snippet.HasAnnotationErrors ||
            snippet.Kind is not (SnippetKind.Run or SnippetKind.Throws or SnippetKind.Compile) ||
            !dependencyResolver.NeedsNothing(document, snippet))
        {
            return null;
        }
        var compileSettings = settings.CompileSettingsFor([snippet.Tags]);
        var parts = PreludeParts(document, session: null).Append(PartOf(document, snippet, 0)).ToList();
        var program = MergeableProgram.TryCreate(parts, compileSettings.ParseOptions);
        if (program is null || (snippet.Kind != SnippetKind.Compile && !program.HasEntryPoint)) return null;
        return new MergeCandidate(document, settings, snippet, program, compileSettings);
    }

    /// <summary>
    /// Verifies lone snippets compiled into one assembly (<paramref name="members"/> share their compile settings).
    /// A snippet that drew any diagnostic is compiled and verified alone instead, and so is one that fails when run
    /// merged: a failure's text (type names, stack traces) must be what the snippet gives alone. Only a timeout,
    /// which the wrapping cannot cause, is kept as it is.
    /// </summary>
    public async Task<IReadOnlyList<SnippetResult>> VerifyMergedAsync(IReadOnlyList<MergeCandidate> members, CancellationToken cancellationToken)
    {
        if (MergingDoesNotPay)
        {
            // Most snippets so far drew diagnostics, so most of this chunk would be compiled twice: go alone.
            Interlocked.Add(ref _notMerged, members.Count);
            var alone = new List<SnippetResult>(members.Count);
            foreach (var member in members)
                alone.AddRange(await VerifyLoneAsync(member.Document, member.Settings, member.Snippet, cancellationToken).ConfigureAwait(false));
            return alone;
        }
        var compiled = MergedCompiler.Compile([.. members.Select(m => m.Program)], members[0].CompileSettings, cancellationToken);
        Interlocked.Increment(ref _chunks);
        Interlocked.Add(ref _merged, members.Count);
        Interlocked.Add(ref _droppedAtCompile, compiled.Broken.Count);
        var compileShare = compiled.Duration / members.Count;
        var results = new List<SnippetResult>(members.Count);
        for (var i = 0; i < members.Count; i++)
        {
            var (document, settings, snippet, _, _) = members[i];
            if (compiled.Broken.Contains(i))
            {
                results.AddRange(await VerifyLoneAsync(document, settings, snippet, cancellationToken).ConfigureAwait(false));
                continue;
            }
            var clock = Stopwatch.StartNew();
            SnippetResult verdict;
            if (snippet.Kind == SnippetKind.Compile)
            {
                verdict = Pass(snippet, [], null, clock);
            }
            else
            {
                var image = compiled.Image! with { EntryType = compiled.EntryTypes[i]! };
                var run = await pool.RunAsync(image, snippet.Stdin?.Content ?? "", SplitArgs(snippet.Tags.Args), [],
                    settings.TimeoutFor(snippet.Tags), cancellationToken).ConfigureAwait(false);
                verdict = JudgeRun(snippet, run, run.Stdout, isLast: true, [], clock);
                if (verdict.Status != SnippetStatus.Passed && verdict.Reason != FailureReason.Timeout)
                {
                    Interlocked.Increment(ref _retriedAlone);
                    results.AddRange(await VerifyLoneAsync(document, settings, snippet, cancellationToken).ConfigureAwait(false));
                    continue;
                }
            }
            results.Add(verdict with { Duration = verdict.Duration + compileShare });
        }
        return results;
    }

    public async Task<IReadOnlyList<SnippetResult>> VerifySessionAsync(
        SnippetDocument document, FileSettings settings, string session, IReadOnlyList<Snippet> blocks, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var results = new SnippetResult?[blocks.Count];
        var broken = blocks.FirstOrDefault(b => b.HasAnnotationErrors);
        if (broken is not null)
        {
            return [.. blocks.Select(b => b.HasAnnotationErrors
                ? AnnotationFailure(b)
                : SnippetResult.Of(b, SnippetStatus.Skipped, $"not run: block at line {broken.Location.Line} of session '{session}' has annotation errors"))];
        }

        var dependencies = await dependencyResolver.ResolveAsync(document, blocks, session, cancellationToken).ConfigureAwait(false);
        if (dependencies.Failed) return dependencies.FailureResults(blocks, session, clock.Elapsed);
        var preludes = PreludeParts(document, session).ToList();
        var compileSettings = dependencies.Apply(settings.CompileSettingsFor([.. blocks.Select(b => b.Tags)]));
        var included = new List<(int Id, Snippet Block)>();
        for (var i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            if (block.Kind == SnippetKind.Ignore)
            {
                results[i] = SnippetResult.Of(block, SnippetStatus.Ignored);
            }
            else if (block.Kind == SnippetKind.CompileFail)
            {
                // Checked against the session so far, then left out of it.
                var parts = preludes.Concat(included.Select(b => PartOf(document, b.Block, b.Id))).Append(PartOf(document, block, i)).ToList();
                var compiled = SnippetCompiler.Compile(parts, compileSettings, markBlocks: false, cancellationToken);
                results[i] = JudgeCompileFail(block, compiled, clock);
            }
            else
            {
                included.Add((i, block));
            }
        }
        if (included.Count == 0) return [.. results.Select(r => r!)];

        var programParts = preludes.Concat(included.Select(b => PartOf(document, b.Block, b.Id))).ToList();
        var result = SnippetCompiler.Compile(programParts, compileSettings, markBlocks: true, cancellationToken);
        if (!result.Success)
        {
            var errors = result.Errors.ToList();
            var firstId = included[0].Id;
            var first = errors[0];
            foreach (var (id, block) in included)
            {
                // Errors in preludes or generated code are the first block's to report.
                var own = errors.Where(e => e.PartId == id || (id == firstId && e.PartId is null or < 0)).ToList();
                results[id] = own.Count > 0
                    ? CompileFailure(block, result, own, clock)
                    : SnippetResult.Of(block, SnippetStatus.Skipped,
                        $"not run: session '{session}' did not compile (error {first.Id} at line {first.Location?.Line ?? block.Location.Line})");
            }
            return [.. results.Select(r => r!)];
        }

        if (!result.IsExecutable)
        {
            foreach (var (id, block) in included)
            {
                results[id] = NeedsRun(block) && (block.Output is not null || block.Stdin is not null)
                    ? Fail(block, FailureReason.Annotation, DiagnosticCodes.RunWithoutEntryPoint,
                        $"this block has an output or stdin block, but session '{session}' has no statements to run", block.Location, null, clock)
                    : JudgeCompile(block, result, clock);
            }
            return [.. results.Select(r => r!)];
        }

        var stdin = string.Concat(included.Where(b => b.Block.Stdin is not null).Select(b => b.Block.Stdin!.Content + "\n"));
        var args = SplitArgs(included.Select(b => b.Block.Tags.Args).FirstOrDefault(a => a is not null));
        // Each block has its own budget; the program gets them all.
        var timeout = included.Aggregate(TimeSpan.Zero, (sum, b) => sum + settings.TimeoutFor(b.Block.Tags));
        var run = await pool.RunAsync(new ProgramImage(result.Image!), stdin, args, dependencies.RuntimePaths, timeout, cancellationToken).ConfigureAwait(false);

        var endedAbnormally = run.Status is not (RunStatus.Completed);
        var endingId = endedAbnormally && run.CurrentBlock >= 0 ? run.CurrentBlock : included[^1].Id;
        var diagnostics = WithDiagnostics(result, included[0].Block);
        foreach (var (id, block) in included)
        {
            var output = run.BlockOutputs.TryGetValue(id, out var text) ? text : "";
            if (id < endingId)
            {
                results[id] = JudgeRun(block, run with { Status = RunStatus.Completed, ExitCode = block.Tags.ExitCode ?? 0 }, output, isLast: false, diagnostics, clock);
            }
            else if (id == endingId)
            {
                results[id] = JudgeRun(block, run, output, isLast: true, diagnostics, clock);
            }
            else
            {
                var ending = blocks[endingId];
                results[id] = SnippetResult.Of(block, SnippetStatus.Skipped,
                    $"not run: session '{session}' ended in the block at line {ending.Location.Line} ({Describe(run)})");
            }
        }
        return [.. results.Select(r => r!)];
    }

    /// <summary>True when a snippet asks to be executed, not just compiled.</summary>
    private static bool NeedsRun(Snippet snippet) =>
        snippet.Tags.Kind is SnippetKind.Run or SnippetKind.Throws || snippet.Output is not null || snippet.Stdin is not null ||
        snippet.Tags.ExitCode is not null || snippet.Tags.Args is not null;

    private static IEnumerable<CodePart> PreludeParts(SnippetDocument document, string? session) =>
        document.Preludes
            .Where(p => p.Session is null || p.Session == session)
            .Select((p, i) => new CodePart(-1 - i, document.DisplayPath, p.Lines));

    private static CodePart PartOf(SnippetDocument document, Snippet snippet, int id) => new(id, document.DisplayPath, snippet.Code);

    private static SnippetResult AnnotationFailure(Snippet snippet)
    {
        var error = snippet.Annotations.First(d => d.IsError);
        return new SnippetResult(snippet, SnippetStatus.Failed, FailureReason.Annotation, error.Id, error.Message, error.Location,
            null, snippet.Annotations, null, TimeSpan.Zero);
    }

    private static SnippetResult JudgeCompile(Snippet snippet, CompilationResult compiled, Stopwatch clock) =>
        compiled.Success
            ? Pass(snippet, WithDiagnostics(compiled, snippet), null, clock)
            : CompileFailure(snippet, compiled, compiled.Errors.ToList(), clock);

    private static SnippetResult JudgeCompileFail(Snippet snippet, CompilationResult compiled, Stopwatch clock)
    {
        var diagnostics = WithDiagnostics(compiled, snippet);
        if (compiled.Success)
            return Fail(snippet, FailureReason.Compiled, DiagnosticCodes.UnexpectedCompile,
                "tagged compile-fail, but it compiled without errors", snippet.Location, null, clock, diagnostics);
        var found = compiled.Errors.Select(e => e.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var missing = snippet.Tags.ExpectedErrorIds.Where(id => !found.Contains(id)).ToList();
        if (missing.Count > 0)
            return Fail(snippet, FailureReason.MissingDiagnostic, DiagnosticCodes.MissingDiagnostic,
                $"expected {string.Join(", ", missing)} among the compile errors, but got {string.Join(", ", found.Order())}",
                snippet.Location, FormatErrors(compiled.Errors, snippet), clock, diagnostics);
        return Pass(snippet, diagnostics, null, clock);
    }

    private static SnippetResult CompileFailure(Snippet snippet, CompilationResult compiled, IReadOnlyList<CompilerDiagnostic> errors, Stopwatch clock)
    {
        // An entry-point complaint next to real errors is noise the compiler's users never see (csc reports
        // syntax errors first): leave it out when there is anything else.
        var meaningful = errors.Where(e => e.Id is not ("CS5001" or "CS0028")).ToList();
        if (meaningful.Count > 0) errors = meaningful;
        var first = errors[0];
        var more = errors.Count > 1 ? $" (and {errors.Count - 1} more)" : "";
        return Fail(snippet, FailureReason.CompileError, first.Id, first.Message + more, first.Location ?? snippet.Location,
            errors.Count > 1 ? FormatErrors(errors.Skip(1), snippet) : null, clock, WithDiagnostics(compiled, snippet));
    }

    private static SnippetResult JudgeRun(Snippet snippet, RunResult run, string output, bool isLast, IReadOnlyList<Diagnostic> diagnostics, Stopwatch clock)
    {
        SnippetResult Failure(FailureReason reason, string code, string message, SourceLocation? where = null, string? detail = null) =>
            Fail(snippet, reason, code, message, where ?? snippet.Location, detail, clock, diagnostics, output);

        switch (run.Status)
        {
            case RunStatus.Timeout:
                return Failure(FailureReason.Timeout, DiagnosticCodes.Timeout, run.CrashMessage!);
            case RunStatus.Crashed:
                return Failure(FailureReason.Crash, DiagnosticCodes.Crash, $"crashed: {run.CrashMessage}", detail: Tail(run.Stderr));
            case RunStatus.OutputLimit:
                return Failure(FailureReason.OutputLimit, DiagnosticCodes.OutputLimit, "printed more than 1 MiB of output; stopped");
            case RunStatus.LoadFailed:
                return Failure(FailureReason.Crash, DiagnosticCodes.Crash, $"could not be loaded: {run.ExceptionMessage}", detail: run.ExceptionText);
        }

        if (snippet.Kind == SnippetKind.Throws && isLast)
        {
            if (run.Status != RunStatus.Exception)
                return Failure(FailureReason.NoException, DiagnosticCodes.NoException,
                    $"expected an unhandled {snippet.Tags.ExpectedException ?? "exception"}, but it ended normally (exit code {run.ExitCode})");
            if (snippet.Tags.ExpectedException is { } expected && !IsSameType(expected, run.ExceptionType!))
                return Failure(FailureReason.WrongException, DiagnosticCodes.WrongException,
                    $"expected {expected}, but it threw {run.ExceptionType}: {run.ExceptionMessage}",
                    ThrowingLine(run.ExceptionText, snippet), SnippetFrames(run.ExceptionText));
        }
        else if (snippet.Kind == SnippetKind.Throws)
        {
            return Failure(FailureReason.NoException, DiagnosticCodes.NoException,
                $"expected an unhandled {snippet.Tags.ExpectedException ?? "exception"}, but the block ran to its end");
        }
        else if (run.Status == RunStatus.Exception)
        {
            return Failure(FailureReason.Exception, DiagnosticCodes.UnexpectedException,
                $"unhandled exception {run.ExceptionType}: {run.ExceptionMessage}",
                ThrowingLine(run.ExceptionText, snippet), SnippetFrames(run.ExceptionText));
        }
        else if (isLast && run.ExitCode != (snippet.Tags.ExitCode ?? 0))
        {
            return Failure(FailureReason.ExitCode, DiagnosticCodes.ExitCode,
                $"exited with code {run.ExitCode}, expected {snippet.Tags.ExitCode ?? 0}");
        }

        if (snippet.Output is { } expectedOutput)
        {
            var comparison = OutputComparer.Compare(expectedOutput.Text, output, expectedOutput.Mode);
            if (!comparison.Matches)
                return Failure(FailureReason.OutputMismatch, DiagnosticCodes.OutputMismatch,
                    $"output differs from the output block at line {expectedOutput.Block.Location.Line}",
                    expectedOutput.Block.Location, comparison.DiffText);
        }
        return Pass(snippet, diagnostics, output, clock);
    }

    /// <summary>The snippet's own line the exception was thrown from, read from the stack trace.</summary>
    private static SourceLocation? ThrowingLine(string? exceptionText, Snippet snippet)
    {
        if (exceptionText is null) return null;
        var marker = $" in {snippet.Location.File}:line ";
        foreach (var line in exceptionText.Split('\n'))
        {
            var at = line.IndexOf(marker, StringComparison.Ordinal);
            if (at >= 0 && int.TryParse(line[(at + marker.Length)..].Trim(), out var number))
                return new SourceLocation(snippet.Location.File, number, 1);
        }
        return null;
    }

    /// <summary>The exception and its frames, without the runner's reflection frames below the snippet's entry point.</summary>
    private static string? SnippetFrames(string? exceptionText) =>
        exceptionText is null ? null : string.Join('\n', exceptionText.Split('\n')
            .Where(l => !l.TrimStart().StartsWith("at System.Reflection.", StringComparison.Ordinal)
                && !l.TrimStart().StartsWith("at SnippetCheck.Runner.", StringComparison.Ordinal)
                && !l.TrimStart().StartsWith("at System.RuntimeMethodHandle.", StringComparison.Ordinal)));

    private static bool IsSameType(string expected, string actualFullName)
    {
        if (string.Equals(expected, actualFullName, StringComparison.Ordinal)) return true;
        var simple = actualFullName[(actualFullName.LastIndexOfAny(['.', '+']) + 1)..];
        return string.Equals(expected, simple, StringComparison.Ordinal);
    }

    private static string Describe(RunResult run) => run.Status switch
    {
        RunStatus.Exception => $"unhandled {run.ExceptionType}",
        RunStatus.Exited => $"Environment.Exit({run.ExitCode})",
        RunStatus.Timeout => "timeout",
        RunStatus.OutputLimit => "output limit",
        _ => "crash",
    };

    private static string FormatErrors(IEnumerable<CompilerDiagnostic> errors, Snippet snippet) =>
        string.Join('\n', errors.Select(e => ToDiagnostic(e, snippet).ToCanonicalString()));

    private static IReadOnlyList<Diagnostic> WithDiagnostics(CompilationResult compiled, Snippet snippet) =>
        [.. compiled.Diagnostics.Select(d => ToDiagnostic(d, snippet))];

    private static Diagnostic ToDiagnostic(CompilerDiagnostic diagnostic, Snippet? snippet) =>
        new(diagnostic.Id, diagnostic.Severity, diagnostic.Message, diagnostic.Location ?? snippet?.Location ?? default);

    private static SnippetResult Pass(Snippet snippet, IReadOnlyList<Diagnostic> diagnostics, string? output, Stopwatch clock) =>
        new(snippet, SnippetStatus.Passed, null, null, null, snippet.Location, null, [.. snippet.Annotations, .. diagnostics], output, clock.Elapsed);

    private static SnippetResult Fail(Snippet snippet, FailureReason reason, string code, string message, SourceLocation where,
        string? detail, Stopwatch clock, IReadOnlyList<Diagnostic>? diagnostics = null, string? output = null) =>
        new(snippet, SnippetStatus.Failed, reason, code, message, where, detail, [.. snippet.Annotations, .. diagnostics ?? []], output, clock.Elapsed);

    /// <summary>The first lines of what the process wrote to stderr: enough to see why, not a 500 000-frame stack.</summary>
    private static string Tail(string text)
    {
        var lines = text.TrimEnd().Split('\n');
        return lines.Length <= 12 ? string.Join('\n', lines) : string.Join('\n', lines.Take(12)) + $"\n... ({lines.Length - 12} more lines)";
    }

    /// <summary>Splits <c>args="a 'b c'"</c> the way a shell would, for quotes at least.</summary>
    internal static string[] SplitArgs(string? args)
    {
        if (string.IsNullOrWhiteSpace(args)) return [];
        var result = new List<string>();
        var current = new System.Text.StringBuilder();
        char? quote = null;
        var any = false;
        foreach (var c in args)
        {
            if (quote is null && c is '\'' or '"') { quote = c; any = true; }
            else if (c == quote) quote = null;
            else if (quote is null && char.IsWhiteSpace(c))
            {
                if (any || current.Length > 0) result.Add(current.ToString());
                current.Clear();
                any = false;
            }
            else current.Append(c);
        }
        if (any || current.Length > 0) result.Add(current.ToString());
        return [.. result];
    }
}

/// <summary>A lone snippet that can be compiled together with others that share its <see cref="CompileSettings"/>.</summary>
internal sealed record MergeCandidate(SnippetDocument Document, FileSettings Settings, Snippet Snippet, MergeableProgram Program, CompileSettings CompileSettings)
{
    /// <summary>Snippets merge only with snippets that compile under the same settings (the same reference set, too).</summary>
    public object GroupKey { get; } = (CompileSettings.LanguageVersion, CompileSettings.Nullable, CompileSettings.AllowUnsafe,
        CompileSettings.WarningsAsErrors, string.Join(';', CompileSettings.Usings),
        (object?)System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsArray(CompileSettings.References));
}

/// <summary>What merged compilation did in a run.</summary>
/// <param name="Chunks">Merged assemblies compiled.</param>
/// <param name="Snippets">Snippets compiled in them (see <see cref="NotMerged"/> for those planned but compiled alone).</param>
/// <param name="DroppedAtCompile">Snippets dropped from their chunk for a diagnostic, and compiled alone.</param>
/// <param name="RetriedAlone">Snippets that failed when run merged, and were verified again alone.</param>
public sealed record MergeStatistics(int Chunks, int Snippets, int DroppedAtCompile, int RetriedAlone)
{
    /// <summary>Snippets planned into chunks but compiled alone, because merging had stopped paying (most drew diagnostics).</summary>
    public int NotMerged { get; init; }

    public override string ToString() =>
        $"merged: {Snippets} snippets in {Chunks} assemblies ({DroppedAtCompile} dropped for a diagnostic, {RetriedAlone} failed merged and were verified alone" +
        (NotMerged > 0 ? $"; {NotMerged} compiled alone as most snippets drew diagnostics)" : ")");
}
