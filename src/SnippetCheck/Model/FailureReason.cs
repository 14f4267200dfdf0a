namespace SnippetCheck.Model;

/// <summary>Why a snippet failed (the JSON report's <c>reason</c>, docs/ci.md "Reports"); a closed set, one word each in reports.</summary>
public enum FailureReason
{
    /// <summary>It should compile but has errors.</summary>
    CompileError,

    /// <summary>Its stdout differs from its output block.</summary>
    OutputMismatch,

    /// <summary>It exited with another code than 0 or <c>exit=N</c>.</summary>
    ExitCode,

    /// <summary>It ended with an unhandled exception it was not tagged to throw.</summary>
    Exception,

    /// <summary>It was tagged <c>throws</c> but ended normally.</summary>
    NoException,

    /// <summary>It threw, but not the exception type its <c>throws=</c> names.</summary>
    WrongException,

    /// <summary>It was tagged <c>compile-fail</c> but compiled.</summary>
    Compiled,

    /// <summary>It failed to compile, but without every error ID its <c>compile-fail=</c> lists.</summary>
    MissingDiagnostic,

    /// <summary>It ran past its timeout.</summary>
    Timeout,

    /// <summary>Its process died: stack overflow, <c>Environment.FailFast</c>, a signal.</summary>
    Crash,

    /// <summary>It printed more than 1 MiB.</summary>
    OutputLimit,

    /// <summary>Its tags are wrong (a misspelt tag, a bad value, two kinds, ...).</summary>
    Annotation,

    /// <summary>A package it needs could not be restored.</summary>
    Package,

    /// <summary>It was tagged <c>check</c>, but nothing in it binds to the framework or a package.</summary>
    NothingChecked,

    /// <summary>One of its test methods failed (NUnit, xUnit, MSTest), or its tests could not be run.</summary>
    TestFailed,

    /// <summary>
    /// A version it pins is on no package source, which offers another: it was not verified at the version it names (a setup
    /// problem, not rot; docs/packages.md).
    /// </summary>
    PinNotServed,
}
