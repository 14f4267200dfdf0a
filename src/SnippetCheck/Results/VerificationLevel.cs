namespace SnippetCheck.Results;

/// <summary>
/// How much verifying a block proves, strongest first (the JSON report's <c>level</c>, README.md "Levels"): it ran, it
/// compiled, or it was only checked, its unknown names aside.
/// </summary>
internal enum VerificationLevel
{
    /// <summary>It compiled and ran, and what it did was compared with its tags.</summary>
    Run,

    /// <summary>It compiled (or, for <c>compile-fail</c>, failed as tagged); nothing ran.</summary>
    Compile,

    /// <summary>It compiled with only unknown names as errors, and its known uses bound (<c>check</c>); nothing ran.</summary>
    Check,
}
