namespace SnippetCheck.Model;

/// <summary>
/// Every code the tool itself reports. Compiler errors keep Roslyn's own IDs (CS0103).
/// The table in docs/diagnostics.md lists the same codes; a test keeps the two in step.
/// </summary>
internal static class DiagnosticCodes
{
    // SC1xxx: annotations (how a post tags its snippets).
    /// <summary>Unknown tag.</summary>
    public const string UnknownTag = "SC1001";
    /// <summary>Bad tag value.</summary>
    public const string BadTagValue = "SC1002";
    /// <summary>Two kinds.</summary>
    public const string TwoKinds = "SC1003";
    /// <summary>Conflicting tag values.</summary>
    public const string ConflictingTag = "SC1004";
    /// <summary>Duplicate name.</summary>
    public const string DuplicateName = "SC1005";
    /// <summary>Nothing to run.</summary>
    public const string RunWithoutEntryPoint = "SC1006";
    /// <summary>Orphan output block.</summary>
    public const string OrphanOutput = "SC1007";
    /// <summary>Second output block.</summary>
    public const string SecondOutput = "SC1008";
    /// <summary>Foreign attribute.</summary>
    public const string ForeignAttribute = "SC1009";
    /// <summary>Misplaced stdin block.</summary>
    public const string OrphanStdin = "SC1010";
    /// <summary>Misplaced snippetcheck comment.</summary>
    public const string BadComment = "SC1011";
    /// <summary>Bad directive.</summary>
    public const string BadDirective = "SC1012";
    /// <summary>Conflicting directive.</summary>
    public const string ConflictingDirective = "SC1013";
    /// <summary>Unclosed fence.</summary>
    public const string UnclosedFence = "SC1014";
    /// <summary>XML inside an example.</summary>
    public const string XmlInCode = "SC1015";
    /// <summary>Unknown scrubber.</summary>
    public const string UnknownScrubber = "SC1016";
    /// <summary>C# block not verified.</summary>
    public const string HighlightBlock = "SC1018";
    /// <summary>Ignored snippet compiles.</summary>
    public const string IgnoredCompiles = "SC1019";
    /// <summary>Ignored snippet passes.</summary>
    public const string IgnoredPasses = "SC1020";

    // SC2xxx: verdicts (what a snippet did wrong).
    /// <summary>Output mismatch.</summary>
    public const string OutputMismatch = "SC2001";
    /// <summary>Wrong exit code.</summary>
    public const string ExitCode = "SC2002";
    /// <summary>Unhandled exception.</summary>
    public const string UnexpectedException = "SC2003";
    /// <summary>No exception.</summary>
    public const string NoException = "SC2004";
    /// <summary>Wrong exception.</summary>
    public const string WrongException = "SC2005";
    /// <summary>Compiled unexpectedly.</summary>
    public const string UnexpectedCompile = "SC2006";
    /// <summary>Missing compiler error.</summary>
    public const string MissingDiagnostic = "SC2007";
    /// <summary>Timeout.</summary>
    public const string Timeout = "SC2008";
    /// <summary>Crash.</summary>
    public const string Crash = "SC2009";
    /// <summary>Output limit.</summary>
    public const string OutputLimit = "SC2010";
    /// <summary>Package unavailable.</summary>
    public const string Package = "SC2011";
    /// <summary>Compile error.</summary>
    public const string CompileError = "SC2012";
    /// <summary>Nothing checked.</summary>
    public const string NothingChecked = "SC2013";
    /// <summary>API not found where the compiler did not look.</summary>
    public const string UnboundApi = "SC2014";
    /// <summary>Test failed.</summary>
    public const string TestFailed = "SC2015";
    /// <summary>Suspected rot: an untagged block that looks broken rather than incomplete.</summary>
    public const string SuspectedRot = "SC2016";
    /// <summary>Hollow check: the call a check block shows is made on a name of unknown type, or all it binds is incidental.</summary>
    public const string HollowCheck = "SC2017";
    /// <summary>Pinned version not served: no package source has the version a block pins, and NuGet would take another.</summary>
    public const string PinNotServed = "SC2018";

    // SC3xxx: files, configuration and the tool itself.
    /// <summary>Bad configuration.</summary>
    public const string BadConfig = "SC3001";
    /// <summary>Bad front matter.</summary>
    public const string BadFrontMatter = "SC3002";
    /// <summary>Unreadable file.</summary>
    public const string UnreadableFile = "SC3003";
    /// <summary>No Markdown files.</summary>
    public const string NoDocuments = "SC3004";
    /// <summary>Reference assemblies missing.</summary>
    public const string TargetingPackMissing = "SC3005";
    /// <summary>Internal error.</summary>
    public const string InternalError = "SC3006";
    /// <summary>Markdown nested too deeply.</summary>
    public const string UnparsableMarkdown = "SC3007";
    /// <summary>Not UTF-8.</summary>
    public const string NotUtf8 = "SC3008";

    /// <summary>Reported by SnippetCheck.MSBuild, not the CLI: a project with the package and nothing to verify.</summary>
    public const string NoDocumentsInProject = "SC3009";
    /// <summary>Nothing verified.</summary>
    public const string NothingVerified = "SC3010";
    /// <summary>Unclosed fence of another block.</summary>
    public const string UnclosedOtherFence = "SC3011";

    /// <summary>Reported by SnippetCheck.MSBuild, not the CLI: a library's repository README that no document names.</summary>
    public const string UncheckedRepositoryReadme = "SC3012";
    /// <summary>Coverage below the minimum.</summary>
    public const string CoverageBelowMinimum = "SC3013";
    /// <summary>Library did not build.</summary>
    public const string LibraryBuildFailed = "SC3014";
    /// <summary>Glob matched nothing.</summary>
    public const string GlobMatchedNothing = "SC3015";
    /// <summary>Generated file left out.</summary>
    public const string GeneratedFileLeftOut = "SC3016";
    /// <summary>Refused under --untrusted.</summary>
    public const string UntrustedRefused = "SC3017";
    /// <summary>Output through a symbolic link.</summary>
    public const string LinkedOutput = "SC3035";
}
