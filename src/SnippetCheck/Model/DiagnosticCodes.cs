namespace SnippetCheck.Model;

/// <summary>
/// Every code the tool itself reports. Compiler errors keep Roslyn's own IDs (CS0103).
/// The table in docs/diagnostics.md lists the same codes; a test keeps the two in step.
/// </summary>
internal static class DiagnosticCodes
{
    // SC1xxx: annotations (how a post tags its snippets).
    public const string UnknownTag = "SC1001";
    public const string BadTagValue = "SC1002";
    public const string TwoKinds = "SC1003";
    public const string ConflictingTag = "SC1004";
    public const string DuplicateName = "SC1005";
    public const string RunWithoutEntryPoint = "SC1006";
    public const string OrphanOutput = "SC1007";
    public const string SecondOutput = "SC1008";
    public const string ForeignAttribute = "SC1009";
    public const string OrphanStdin = "SC1010";
    public const string BadComment = "SC1011";
    public const string BadDirective = "SC1012";
    public const string ConflictingDirective = "SC1013";
    public const string UnclosedFence = "SC1014";
    public const string XmlInCode = "SC1015";
    public const string UnknownScrubber = "SC1016";
    public const string HighlightBlock = "SC1018";
    public const string IgnoredCompiles = "SC1019";
    public const string IgnoredPasses = "SC1020";

    // SC2xxx: verdicts (what a snippet did wrong).
    public const string OutputMismatch = "SC2001";
    public const string ExitCode = "SC2002";
    public const string UnexpectedException = "SC2003";
    public const string NoException = "SC2004";
    public const string WrongException = "SC2005";
    public const string UnexpectedCompile = "SC2006";
    public const string MissingDiagnostic = "SC2007";
    public const string Timeout = "SC2008";
    public const string Crash = "SC2009";
    public const string OutputLimit = "SC2010";
    public const string Package = "SC2011";
    public const string CompileError = "SC2012";
    public const string NothingChecked = "SC2013";
    public const string UnboundApi = "SC2014";
    public const string TestFailed = "SC2015";

    // SC3xxx: files, configuration and the tool itself.
    public const string BadConfig = "SC3001";
    public const string BadFrontMatter = "SC3002";
    public const string UnreadableFile = "SC3003";
    public const string NoDocuments = "SC3004";
    public const string TargetingPackMissing = "SC3005";
    public const string InternalError = "SC3006";
    public const string UnparsableMarkdown = "SC3007";
    public const string NotUtf8 = "SC3008";

    /// <summary>Reported by SnippetCheck.MSBuild, not the CLI: a project with the package and nothing to verify.</summary>
    public const string NoDocumentsInProject = "SC3009";
    public const string NothingVerified = "SC3010";
    public const string UnclosedOtherFence = "SC3011";

    /// <summary>Reported by SnippetCheck.MSBuild, not the CLI: a library's repository README that no document names.</summary>
    public const string UncheckedRepositoryReadme = "SC3012";
    public const string CoverageBelowMinimum = "SC3013";
    public const string LibraryBuildFailed = "SC3014";
    public const string GlobMatchedNothing = "SC3015";
    public const string GeneratedFileLeftOut = "SC3016";
}
