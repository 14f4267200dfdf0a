using SnippetCheck.Compilation;
using SnippetCheck.Model;

namespace SnippetCheck.Results;

/// <summary>What a snippet came to: a closed set. A failure carries its own data (<see cref="Failure"/>).</summary>
public abstract record Verdict
{
    private Verdict() { }

    /// <summary>The status reports show for this verdict.</summary>
    internal abstract SnippetStatus Status { get; }

    /// <summary>The one line a report shows for it.</summary>
    public virtual string? Message => null;

    /// <summary>A pass with nothing to say beside it.</summary>
    public static readonly Verdict Pass = new Passed();

    /// <summary>The verdict of every untagged block a run does not verify.</summary>
    public static readonly Verdict NotTagged = new Untagged();

    /// <param name="Note">Said beside the pass, when anything is (<c>output accepted</c>).</param>
    /// <summary>It did what its tags say.</summary>
    public sealed record Passed(string? Note = null) : Verdict
    {
        /// <inheritdoc/>
        internal override SnippetStatus Status => SnippetStatus.Passed;

        /// <inheritdoc/>
        public override string? Message => Note;
    }

    /// <summary>
    /// Passed at the <c>check</c> level, weaker than <c>compile</c>: every error was an unknown name the post never
    /// declares, and something bound to the framework or a package. Reports say "checked", never "verified".
    /// </summary>
    public sealed record Checked : Verdict
    {
        internal Checked(IReadOnlyList<UnknownName> unknown, string knownUse) => (Unknown, KnownUse) = (unknown, knownUse);

        internal IReadOnlyList<UnknownName> Unknown { get; init; }
        /// <summary>The first use that bound to the framework or a package (<c>Console.WriteLine(string?)</c>).</summary>
        public string KnownUse { get; init; }

        /// <inheritdoc/>
        internal override SnippetStatus Status => SnippetStatus.Passed;

        /// <summary>The <c>...</c> placeholders the tool filled so that what is around them could be checked.</summary>
        internal IReadOnlyList<Hole> Holes { get; init; } = [];

        /// <inheritdoc/>
        public override string Message => (Unknown.Count == 0
            ? "checked (every name binds"
            : $"checked ({string.Join(", ", Unknown.Select(u => u.Name).Distinct())} not declared in the post")
            + (Holes.Count switch { 0 => "", 1 => "; 1 hole left out", var n => $"; {n} holes left out" }) + ")";
    }

    /// <summary>Not verified, for a reason outside the block (front matter, a broken session).</summary>
    /// <param name="Why">The reason, as the report says it.</param>
    public sealed record Skipped(string Why) : Verdict
    {
        /// <inheritdoc/>
        internal override SnippetStatus Status => SnippetStatus.Skipped;

        /// <inheritdoc/>
        public override string Message => Why;
    }

    /// <summary>
    /// Compiled, and not run yet: what a block that would run gets in a compile-only run (the language server's as you
    /// type), neither a pass nor a failure. Reports count it as skipped; it runs on save.
    /// </summary>
    public sealed record Compiled : Verdict
    {
        /// <inheritdoc/>
        internal override SnippetStatus Status => SnippetStatus.Skipped;

        /// <inheritdoc/>
        public override string Message => "compiled; not run yet (it runs on save)";
    }

    /// <summary>The verdict of every block that would run, in a compile-only run.</summary>
    public static readonly Verdict NotRunYet = new Compiled();

    /// <summary>Never compiled: tagged <c>ignore</c>, or nothing to compile (<paramref name="ReasonWord"/> <c>empty</c>).</summary>
    /// <param name="Why">What the report says beside it; null for a plain <c>ignore</c>.</param>
    /// <param name="ReasonWord">The reason word reports give it (<c>empty</c>); null for a plain <c>ignore</c>.</param>
    public sealed record Ignored(string? Why = null, string? ReasonWord = null) : Verdict
    {
        /// <inheritdoc/>
        internal override SnippetStatus Status => SnippetStatus.Ignored;

        /// <inheritdoc/>
        public override string? Message => Why;
    }

    /// <summary>An untagged block, not verified (a run without <c>--all</c>).</summary>
    public sealed record Untagged : Verdict
    {
        /// <inheritdoc/>
        internal override SnippetStatus Status => SnippetStatus.Untagged;
    }

    /// <summary>It did not do what its tags say.</summary>
    /// <param name="Failure">How it failed, with the reason, code, place and detail reports show.</param>
    public sealed record Failed(Failure Failure) : Verdict
    {
        /// <inheritdoc/>
        internal override SnippetStatus Status => SnippetStatus.Failed;

        /// <inheritdoc/>
        public override string Message => Failure.Message;
    }

    /// <summary>An empty block (no code at all) is never counted as passed.</summary>
    public static readonly Verdict Empty = new Ignored(
        "empty: the block holds no code (only blank lines or comments); fill it, or tag it 'ignore'", "empty");
}

/// <summary>Why a snippet failed, with what that failure needs to be reported: it owns its reason word, code and message.</summary>
/// <param name="Location">Where the failure points: the first compile error, the throwing line, the output block, or the fence.</param>
public abstract record Failure(SourceLocation Location)
{
    /// <summary>The closed-set reason reports name the failure by.</summary>
    public abstract FailureReason Reason { get; }

    /// <summary>The code it is reported with: a compiler ID (<c>CS0103</c>) or one of the tool's (<c>SC2001</c>).</summary>
    public abstract string Code { get; }

    /// <summary>The one line a report shows for it.</summary>
    public abstract string Message { get; }

    /// <summary>More lines for the console: a diff, a stack trace, further compiler errors; null when there are none.</summary>
    public virtual string? Detail => null;
}

/// <summary>Compile errors, first by position first, as the compiler lists them; <paramref name="Hint"/> names a well-known cause.</summary>
internal sealed record CompileErrorFailure(IReadOnlyList<Diagnostic> Errors, string? Hint) : Failure(Errors[0].Location)
{
    public override FailureReason Reason => FailureReason.CompileError;
    public override string Code => Errors[0].Id;
    public override string Message => Errors[0].Message + (Errors.Count > 1 ? $" (and {Errors.Count - 1} more)" : "");

    public override string? Detail
    {
        get
        {
            var lines = Errors.Skip(1).Select(e => e.ToCanonicalString()).ToList();
            if (Hint is not null) lines.Add("hint: " + Hint);
            return lines.Count > 0 ? string.Join('\n', lines) : null;
        }
    }
}

/// <summary>The output differed from the output block; it moves with the output block (<see cref="SnippetResult.MovedTo"/>).</summary>
/// <param name="OutputBlock">The output block that was compared.</param>
/// <param name="Diff">The line diff, <c>-</c> expected and <c>+</c> actual.</param>
internal sealed record OutputMismatchFailure(SourceLocation OutputBlock, string Diff) : Failure(OutputBlock)
{
    /// <inheritdoc/>
    public override FailureReason Reason => FailureReason.OutputMismatch;
    /// <inheritdoc/>
    public override string Code => DiagnosticCodes.OutputMismatch;
    /// <inheritdoc/>
    public override string Message => $"output differs from the output block at line {OutputBlock.Line}";
    /// <inheritdoc/>
    public override string Detail => Hint is null ? Diff : Diff + "\nhint: " + Hint;

    /// <summary>What probably went wrong, when a well-known slip explains the whole difference (an unordered block, a scrubber).</summary>
    internal string? Hint { get; init; }
}

internal sealed record TimeoutFailure(SourceLocation At, string Description) : Failure(At)
{
    public override FailureReason Reason => FailureReason.Timeout;
    public override string Code => DiagnosticCodes.Timeout;
    public override string Message => Description;
}

/// <summary>The process died (stack overflow, FailFast, a signal), the program could not be loaded, or the tool failed on it.</summary>
internal sealed record CrashFailure(SourceLocation At, string Description, string? Output, string CrashCode = DiagnosticCodes.Crash) : Failure(At)
{
    public override FailureReason Reason => FailureReason.Crash;
    public override string Code => CrashCode;
    public override string Message => Description;
    public override string? Detail => Output;
}

internal sealed record OutputLimitFailure(SourceLocation At) : Failure(At)
{
    public override FailureReason Reason => FailureReason.OutputLimit;
    public override string Code => DiagnosticCodes.OutputLimit;
    public override string Message => "printed more than 1 MiB of output; stopped";
}

/// <summary>An unhandled exception it was not tagged to throw; <paramref name="Hint"/> says when the sandbox caused it.</summary>
internal sealed record ExceptionFailure(SourceLocation ThrownAt, string Type, string ExceptionMessage, string? Trace, string? Hint = null)
    : Failure(ThrownAt)
{
    public override FailureReason Reason => FailureReason.Exception;
    public override string Code => DiagnosticCodes.UnexpectedException;
    public override string Message => $"unhandled exception {Type}: {ExceptionMessage}";
    public override string? Detail => WithHint(Trace, Hint);

    internal static string? WithHint(string? text, string? hint) =>
        hint is null ? text : text is null ? "hint: " + hint : text + "\nhint: " + hint;
}

internal sealed record NoExceptionFailure(SourceLocation At, string? Expected, int? ExitCode) : Failure(At)
{
    public override FailureReason Reason => FailureReason.NoException;
    public override string Code => DiagnosticCodes.NoException;
    public override string Message => ExitCode is { } code
        ? $"expected an unhandled {Expected ?? "exception"}, but it ended normally (exit code {code})"
        : $"expected an unhandled {Expected ?? "exception"}, but the block ran to its end";
}

internal sealed record WrongExceptionFailure(
    SourceLocation ThrownAt, string Expected, string Type, string ExceptionMessage, string? Trace, string? Hint = null) : Failure(ThrownAt)
{
    public override FailureReason Reason => FailureReason.WrongException;
    public override string Code => DiagnosticCodes.WrongException;
    public override string Message => $"expected {Expected}, but it threw {Type}: {ExceptionMessage}";
    public override string? Detail => ExceptionFailure.WithHint(Trace, Hint);
}

internal sealed record ExitCodeFailure(SourceLocation At, int Expected, int Actual) : Failure(At)
{
    public override FailureReason Reason => FailureReason.ExitCode;
    public override string Code => DiagnosticCodes.ExitCode;
    public override string Message => $"exited with code {Actual}, expected {Expected}";
}

/// <summary>Tagged <c>check</c>, but nothing in it binds to the framework or a package: every name is the post's own or unknown.</summary>
internal sealed record NothingCheckedFailure(SourceLocation At) : Failure(At)
{
    public override FailureReason Reason => FailureReason.NothingChecked;
    public override string Code => DiagnosticCodes.NothingChecked;
    /// <summary>Why what binds is not enough (<see cref="Compilation.CheckEvidence.Shortfall"/>); null when nothing binds at all.</summary>
    public string? Shortfall { get; init; }

    public override string Message => Shortfall is null
        ? "tagged check, but nothing in it binds to the framework or a package, so it checks nothing; tag it 'ignore', or show the API it uses"
        : $"tagged check, but {Shortfall}, so it checks too little; tag it 'ignore', " +
          "or show what its unknown names are (a hidden prelude, 'packages=')";
}

/// <summary>
/// A test method failed, with its framework's own message (<paramref name="TestMessage"/>); <paramref name="Trace"/> is its
/// stack, in the post's lines.
/// </summary>
internal sealed record TestFailure(SourceLocation At, string Test, string TestMessage, string? Trace, int Others) : Failure(At)
{
    public override FailureReason Reason => FailureReason.TestFailed;
    public override string Code => DiagnosticCodes.TestFailed;

    public override string Message =>
        $"test {Test} failed: {string.Join("; ", TestMessage.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0))}" +
        (Others > 0 ? $" (and {Others} more failed)" : "");

    public override string? Detail => ExceptionFailure.WithHint(Trace is null ? TestMessage.TrimEnd() : TestMessage.TrimEnd() + "\n" + Trace, Hint);

    /// <summary>A well-known cause, when the test's failure shows one (a type a mocking library cannot see).</summary>
    public string? Hint { get; init; }
}

/// <summary>Its tags are wrong: the annotation diagnostic says how, with its own code (SC1001 for a near miss, ...).</summary>
internal sealed record AnnotationFailure(Diagnostic Diagnostic) : Failure(Diagnostic.Location)
{
    public override FailureReason Reason => FailureReason.Annotation;
    public override string Code => Diagnostic.Id;
    public override string Message => Diagnostic.Message;
}

/// <summary>
/// A package or project it needs could not be had (<see cref="FailureReason.Package"/>), or a version it pins is on no
/// source (<see cref="FailureReason.PinNotServed"/>): setup problems, never rot.
/// </summary>
internal sealed record PackageFailure(SourceLocation At, string PackageCode, string Description, string? Output,
    FailureReason Why = FailureReason.Package) : Failure(At)
{
    public override FailureReason Reason => Why;
    public override string Code => PackageCode;
    public override string Message => Description;
    public override string? Detail => Output;
}
