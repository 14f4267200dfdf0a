namespace SnippetCheck.Model;

/// <summary>What one SC code means: the one description table behind SARIF rules and docs/diagnostics.md.</summary>
/// <param name="Code">The stable code, e.g. <c>SC2001</c>.</param>
/// <param name="Name">A PascalCase name for machines (SARIF <c>rule.name</c>); the constant's name in <see cref="DiagnosticCodes"/>.</param>
/// <param name="Title">A few words for people.</param>
/// <param name="Description">One or two sentences: when the code is reported and what to do.</param>
/// <param name="Severity">How it is reported by default.</param>
internal sealed record DiagnosticDescriptor(string Code, string Name, string Title, string Description, DiagnosticSeverity Severity);

/// <summary>
/// Every code in <see cref="DiagnosticCodes"/> with its title and meaning. docs/diagnostics.md shows the same
/// table (<see cref="ToMarkdownTable"/>); a test keeps the code, the catalog and the docs in step.
/// </summary>
internal static class DiagnosticCatalog
{
    /// <summary>Where the table is documented; SARIF rules link here.</summary>
    public const string DocsPath = "docs/diagnostics.md";

    public static IReadOnlyList<DiagnosticDescriptor> All { get; } =
    [
        Error(DiagnosticCodes.UnknownTag, nameof(DiagnosticCodes.UnknownTag), "Unknown tag",
            "A word among a snippet's tags is a near miss of a SnippetCheck tag or key (`rnu`, `timout=2s`, `compile-fial`), or a word on another " +
            "block is a near miss of `output`, `stdin`, `ellipsis` or `unordered`; the message names the word that was probably meant."),
        Error(DiagnosticCodes.BadTagValue, nameof(DiagnosticCodes.BadTagValue), "Bad tag value",
            "A SnippetCheck key has a value it cannot use (`timeout=soon`, `exit=x`, a `name=` with spaces), a key that needs a value has none, or " +
            "a flag was given one."),
        Error(DiagnosticCodes.TwoKinds, nameof(DiagnosticCodes.TwoKinds), "Two kinds",
            "A snippet names more than one kind (`run` and `compile`); a snippet has at most one."),
        Error(DiagnosticCodes.ConflictingTag, nameof(DiagnosticCodes.ConflictingTag), "Conflicting tag values",
            "The same key has two different values, in the info string and the `snippetcheck:` comment or twice in one of them."),
        Error(DiagnosticCodes.DuplicateName, nameof(DiagnosticCodes.DuplicateName), "Duplicate name",
            "Two snippets in one file have the same `name=`; names are unique within a file."),
        Error(DiagnosticCodes.RunWithoutEntryPoint, nameof(DiagnosticCodes.RunWithoutEntryPoint), "Nothing to run",
            "A snippet tagged `run` (or with an output or stdin block) only declares types, so there is nothing to execute; tag it `compile`."),
        Error(DiagnosticCodes.OrphanOutput, nameof(DiagnosticCodes.OrphanOutput), "Orphan output block",
            "An output block has no C# block before it in the file."),
        Error(DiagnosticCodes.SecondOutput, nameof(DiagnosticCodes.SecondOutput), "Second output block",
            "A snippet has a second output block; each snippet takes at most one."),
        new(DiagnosticCodes.ForeignAttribute, nameof(DiagnosticCodes.ForeignAttribute), "Foreign attribute",
            "A word in the info string is not a SnippetCheck tag (`title=\"Program.cs\"`, `showLineNumbers`) and is left alone for the blog " +
            "engine. A warning; an error with `\"strictTags\": true`.",
            DiagnosticSeverity.Warning),
        Error(DiagnosticCodes.OrphanStdin, nameof(DiagnosticCodes.OrphanStdin), "Misplaced stdin block",
            "A stdin block does not stand between a C# block and its output block, or a snippet has a second one."),
        Error(DiagnosticCodes.BadComment, nameof(DiagnosticCodes.BadComment), "Misplaced snippetcheck comment",
            "A `<!-- snippetcheck: ... -->` comment is not followed by a fenced code block, stands on a block that is not C#, is a prelude with " +
            "words other than `session=ID`, misspells the `snippetcheck:` marker, or is never closed with `-->`."),
        Error(DiagnosticCodes.BadDirective, nameof(DiagnosticCodes.BadDirective), "Bad directive",
            "A `#:` or `#r` directive in a snippet is malformed, unknown, unsupported or stands after code (see docs/packages.md)."),
        Error(DiagnosticCodes.ConflictingDirective, nameof(DiagnosticCodes.ConflictingDirective), "Conflicting directive",
            "Two versions of one package in one program, two values of one `#:property`, or a property that contradicts a tag."),
        Error(DiagnosticCodes.UnclosedFence, nameof(DiagnosticCodes.UnclosedFence), "Unclosed fence",
            "A C#, output or stdin block's fence is never closed, so it runs to the end of the file (or of its list item or quote); or another " +
            "language's unclosed fence swallows a C# block. Close the fence."),
        Error(DiagnosticCodes.XmlInCode, nameof(DiagnosticCodes.XmlInCode), "XML inside an example",
            "A doc comment's `<code>` example holds an XML element, usually a generic such as `List<int>` written unescaped: write `<` as `&lt;` " +
            "and `&` as `&amp;`, or wrap the code in `<![CDATA[ ... ]]>` (docs/doctests.md). A `<code>` element that is never closed is named as " +
            "such: add `</code>` after the example's last line."),
        Error(DiagnosticCodes.UnknownScrubber, nameof(DiagnosticCodes.UnknownScrubber), "Unknown scrubber",
            "A `scrub=` tag (on a snippet or its output block) or a post's front matter `scrub` names no scrubber: the built-in ones are `guid`, " +
            "`date`, `paths` (on by default), `duration`, `hex`, `hashcode`, `number`, and `none`; custom ones are declared under `scrubbers` in " +
            "`snippetcheck.json`."),
        new(DiagnosticCodes.HighlightBlock, nameof(DiagnosticCodes.HighlightBlock), "C# block not verified",
            "A C# block written as a Liquid `{% highlight csharp %}` or Hugo `{{< highlight csharp >}}` shortcode is not verified: SnippetCheck " +
            "reads fenced blocks only. Write it as a ```` ```csharp ```` fence to verify it. Also a doc " +
            "comment's `<code>` example in code that `#if` switches off for the build examples are verified against (net10.0, Debug). A warning.",
            DiagnosticSeverity.Warning),

        new(DiagnosticCodes.IgnoredCompiles, nameof(DiagnosticCodes.IgnoredCompiles), "Ignored snippet compiles",
            "A block tagged `ignore` compiles cleanly as written (no error, no warning), so its tag may be stale: tag it `compile` or `run`. The " +
            "verdict stays `ignored`. A warning; an error with `\"stale\": \"error\"`, and never checked with `\"stale\": \"off\"`.",
            DiagnosticSeverity.Warning),
        new(DiagnosticCodes.IgnoredPasses, nameof(DiagnosticCodes.IgnoredPasses), "Ignored snippet passes",
            "With `--stale`, a block tagged `ignore` compiled, ran to its end within its timeout and printed what its output block holds (if it " +
            "has one): tag it `run`. The verdict stays `ignored`. A warning; an error with `\"stale\": \"error\"`.",
            DiagnosticSeverity.Warning),
        Error(DiagnosticCodes.OutputMismatch, nameof(DiagnosticCodes.OutputMismatch), "Output mismatch",
            "The snippet's standard output differs from its output block; the detail is a line diff (- expected, + actual). It points at the first " +
            "line of the block that differs (at the closing fence when the output goes on past the block's last line; at the opening fence of an " +
            "`unordered` or `ellipsis` block, which has no one first differing line). `--accept` rewrites the block."),
        Error(DiagnosticCodes.ExitCode, nameof(DiagnosticCodes.ExitCode), "Wrong exit code",
            "The program exited with another code than 0, or than the `exit=N` it is tagged with."),
        Error(DiagnosticCodes.UnexpectedException, nameof(DiagnosticCodes.UnexpectedException), "Unhandled exception",
            "The program ended with an unhandled exception, and it is not tagged `throws`."),
        Error(DiagnosticCodes.NoException, nameof(DiagnosticCodes.NoException), "No exception",
            "The snippet is tagged `throws`, but it ran to its end without an unhandled exception."),
        Error(DiagnosticCodes.WrongException, nameof(DiagnosticCodes.WrongException), "Wrong exception",
            "The snippet threw, but not the exception type its `throws=` names."),
        Error(DiagnosticCodes.UnexpectedCompile, nameof(DiagnosticCodes.UnexpectedCompile), "Compiled unexpectedly",
            "The snippet is tagged `compile-fail`, but it compiled without errors."),
        Error(DiagnosticCodes.MissingDiagnostic, nameof(DiagnosticCodes.MissingDiagnostic), "Missing compiler error",
            "The snippet failed to compile, but not with the errors its `compile-fail=` lists: one is missing, another is there too, " +
            "or one stands on a line its comments do not mark as failing."),
        Error(DiagnosticCodes.Timeout, nameof(DiagnosticCodes.Timeout), "Timeout",
            "The program ran past its timeout (10s unless `timeout=`, `--timeout` or the config say otherwise) and was stopped."),
        Error(DiagnosticCodes.Crash, nameof(DiagnosticCodes.Crash), "Crash",
            "The program's process died (stack overflow, `Environment.FailFast`, a signal), or its compiled code could not be loaded."),
        Error(DiagnosticCodes.OutputLimit, nameof(DiagnosticCodes.OutputLimit), "Output limit",
            "The program printed more than 1 MiB and was stopped."),
        Error(DiagnosticCodes.Package, nameof(DiagnosticCodes.Package), "Package unavailable",
            "A package the snippet asks for (`#:package`, `#r \"nuget: ...\"`) could not be restored."),
        Error(DiagnosticCodes.CompileError, nameof(DiagnosticCodes.CompileError), "Compile error",
            "The snippet should compile but has errors. The console and annotations show the compiler's own ID (CS0103); SARIF reports file them " +
            "under this rule with the ID in the message."),
        Error(DiagnosticCodes.NothingChecked, nameof(DiagnosticCodes.NothingChecked), "Nothing checked",
            "A block tagged `check` compiled with only unknown names as errors, but none of its uses binds to the framework or a package (a call, " +
            "a member access, a `new`, an attribute or a type in a declaration), so it checks nothing; or its calls left unbound on unknown " +
            "names outnumber those that bound, or the only calls that bind write output (`Console.WriteLine`) beside calls left unbound or a " +
            "query over a type declared nowhere, so it checks too little. Show the API it is about, or tag it `ignore`."),
        Error(DiagnosticCodes.UnboundApi, nameof(DiagnosticCodes.UnboundApi), "API not found where the compiler did not look",
            "In a block tagged `check`, code that depends on an unknown name (the argument of a call on an unknown receiver, a target-typed " +
            "`new()` for an unknown type) is not bound by the compiler, so it reports nothing there. The check level looks each name of it up " +
            "itself: a member a known type or namespace does not have, a framework name misspelt by one letter, a member of the class's known " +
            "base misspelt, or a name another block of the post declares fails the block, as the compiler would fail it elsewhere; so does a " +
            "call one argument of which is unknown when no overload takes its other arguments (their count, names, `ref`/`out`, known types), " +
            "and a member a lambda's parameter lacks when every overload that may take the call gives that parameter one type. " +
            "In a block tagged `check listing`, a listed member that no " +
            "public type of its packages declares as listed (name, kind, types, a constant's value) fails the block the same way."),
        Error(DiagnosticCodes.TestFailed, nameof(DiagnosticCodes.TestFailed), "Test failed",
            "A test method of the block (NUnit `[Test]`/`[TestCase]`, xUnit `[Fact]`/`[Theory]`, MSTest `[TestMethod]`) failed: an assertion, an " +
            "exception, or its setup or teardown. The failure is reported at the line that threw in the test (else the test method's line) with " +
            "the framework's own message; every test of the block is listed by name in the JSON and JUnit reports."),
        new(DiagnosticCodes.SuspectedRot, nameof(DiagnosticCodes.SuspectedRot), "Suspected rot",
            "An untagged block verified with `--all`, or tried by the language server after a save, failed with evidence that it is broken rather " +
            "than incomplete (docs/authoring.md, \"What adopt reports as rot\"): a name an older version of its package declared and the current " +
            "one lacks or made an error, CS0619 (removed API, with the last version that had it; `adopt` only, since it looks versions up), an " +
            "error against a known API (a " +
            "member a known type lacks, a namespace a package does not declare, an overload that does not fit, a misspelt constructor), a typo in " +
            "otherwise valid C# (an unrecognised escape, one `)` too many or too few, a line of JavaScript), a result line that no longer holds, " +
            "or a run that throws where the text does not say so. A warning beside the block's failure, in SARIF, the GitHub annotations and the " +
            "step summary; `adopt` lists the same blocks. Tag the block `ignore reason=\"...\"` to silence it.",
            DiagnosticSeverity.Warning),
        Error(DiagnosticCodes.HollowCheck, nameof(DiagnosticCodes.HollowCheck), "Hollow check",
            "A block tagged `check` binds something, but not what it is about: its first member call, the call it exists to show, is made on " +
            "a receiver of unknown type (`builder.Services.AddX()` with `builder` declared nowhere), or, compiled with packages, all it binds " +
            "is the framework's beside calls left unbound. A misspelt method there would pass. Declare the receiver (`given=NAME:TYPE`, a " +
            "hidden prelude), name its package (`packages=`), or tag it `ignore`."),

        Error(DiagnosticCodes.PinNotServed, nameof(DiagnosticCodes.PinNotServed), "Pinned version not served",
            "A version the block pins (a `packages=` tag, its `packageVersions` entry, `#:package`, `#r \"nuget: ...\"`) is on no package " +
            "source, and NuGet would take the nearest higher one instead (its NU1603). The block is not verified at any other version: it " +
            "fails (reason `pin-not-served`, a setup problem, not rot) at the pin, naming the version asked and the one the source has. Pin " +
            "the version the source has, or add a source that has the pinned one. A config `packages` entry so served stops the run (SC3001)."),

        Error(DiagnosticCodes.BadConfig, nameof(DiagnosticCodes.BadConfig), "Bad configuration",
            "`snippetcheck.json` (or the `--config` file) cannot be used: bad JSON, an unknown key or a bad value. The run stops with exit code 2."),
        Error(DiagnosticCodes.BadFrontMatter, nameof(DiagnosticCodes.BadFrontMatter), "Bad front matter",
            "A post's front matter cannot be read, or its `snippetcheck:` map has an unknown key or a bad value."),
        Error(DiagnosticCodes.UnreadableFile, nameof(DiagnosticCodes.UnreadableFile), "Unreadable file",
            "A Markdown file could not be read."),
        Error(DiagnosticCodes.NoDocuments, nameof(DiagnosticCodes.NoDocuments), "No Markdown files",
            "No Markdown file matched the given paths and globs. The run stops with exit code 2."),
        Error(DiagnosticCodes.TargetingPackMissing, nameof(DiagnosticCodes.TargetingPackMissing), "Reference assemblies missing",
            "The reference assemblies of the .NET shared framework were not found, so nothing can be compiled. The run stops with exit code 2."),
        Error(DiagnosticCodes.InternalError, nameof(DiagnosticCodes.InternalError), "Internal error",
            "SnippetCheck itself failed; please report it with the message. Tied to one file or snippet, it is that file's error or that snippet's " +
            "failure and the run goes on; otherwise the run stops with exit code 2."),
        Error(DiagnosticCodes.UnparsableMarkdown, nameof(DiagnosticCodes.UnparsableMarkdown), "Markdown nested too deeply",
            "The Markdown parser gave up on the file, in practice because lists or block quotes nest past its depth limit (about 64 lists or 128 " +
            "quotes); the line is where it gave up. No block of that file is read; the other files are still verified."),
        Error(DiagnosticCodes.NotUtf8, nameof(DiagnosticCodes.NotUtf8), "Not UTF-8",
            "The file has bytes that are not UTF-8 (a binary file, Latin-1, UTF-16); the line and column are the first bad byte's. The file is " +
            "still read, with U+FFFD for each bad byte, and `--accept` leaves it alone; save it as UTF-8."),
        new(DiagnosticCodes.NoDocumentsInProject, nameof(DiagnosticCodes.NoDocumentsInProject), "No documents in the project",
            "SnippetCheck.MSBuild found no Markdown (and, with `SnippetCheckDocComments`, no C# file) to verify, so the build checked nothing. " +
            "Posts outside the project folder are not included by default: add `<SnippetCheckDocument Include=\"../docs/**/*.md\" />` " +
            "(docs/msbuild.md). A warning.",
            DiagnosticSeverity.Warning),
        Error(DiagnosticCodes.NothingVerified, nameof(DiagnosticCodes.NothingVerified), "Nothing verified",
            "With `--require-verified` (or `\"requireVerified\": true`), the run verified no snippet at all: every C# block was untagged, ignored " +
            "or skipped. The run fails with exit code 1, so CI cannot pass on zero verified snippets; " +
            "`snippetcheck adopt` tags the blocks that pass."),
        Error(DiagnosticCodes.UnclosedOtherFence, nameof(DiagnosticCodes.UnclosedOtherFence), "Unclosed fence of another block",
            "A fenced block that is not C#, output or stdin (`text`, `yaml`, `sh`, no language) is never closed, so it runs to the end of the file " +
            "(or of its list item or quote) and the prose, headings and blocks after it are read as its code. A file error at the opening fence; " +
            "close the fence. (When it swallows a C# block, it is SC1014.)"),
        new(DiagnosticCodes.UncheckedRepositoryReadme, nameof(DiagnosticCodes.UncheckedRepositoryReadme), "Repository README not checked",
            "SnippetCheck.MSBuild, with `SnippetCheckDocComments`: the repository's root `README.md` (in the folder above the project that holds " +
            "`.git`) is outside the project folder and no `SnippetCheckDocument` names it, so its examples are not verified. Add " +
            "`<SnippetCheckDocument Include=\"../../README.md\" />` (the path the warning gives), or list SC3012 in `MSBuildWarningsAsMessages` to " +
            "leave it out on purpose (docs/msbuild.md). A warning.",
            DiagnosticSeverity.Warning),
        Error(DiagnosticCodes.CoverageBelowMinimum, nameof(DiagnosticCodes.CoverageBelowMinimum), "Coverage below the minimum",
            "With `--min-coverage P` (or `\"minCoverage\": P`), the run verified less than P percent of its C# blocks (passed at `run` or " +
            "`compile`, of every block found, untagged and ignored ones included); with `--min-check-coverage P` (or " +
            "`\"minCheckCoverage\": P`), it checked or verified less than P percent (blocks that passed at `check` count too). The run " +
            "fails with exit code 1: a ratchet, as code-coverage gates are; raise P as `adopt` and new tags verify more."),
        Error(DiagnosticCodes.LibraryBuildFailed, nameof(DiagnosticCodes.LibraryBuildFailed), "Library did not build",
            "The `.csproj` given to verify (a library's doc-comment examples) did not build, so no example can compile against it. The message is " +
            "the build's own first error (a compile error, warnings as errors such as NU1603, a `global.json` that pins an SDK this machine does " +
            "not have) and the command that reproduces the build with all its output; or, when none of the library's target frameworks can be " +
            "consumed on the examples' framework (a `net48`-only library), its frameworks and what was looked for. The run stops with exit code 2."),
        new(DiagnosticCodes.GlobMatchedNothing, nameof(DiagnosticCodes.GlobMatchedNothing), "Glob matched nothing",
            "An `include` or `exclude` glob of `snippetcheck.json` matched no file the run found, so it changed nothing: usually a path written " +
            "from another folder. Globs are relative to the config file's folder, in the CLI, the MSBuild package and the editor alike. A warning " +
            "at the glob's place in the config file.",
            DiagnosticSeverity.Warning),
        new(DiagnosticCodes.GeneratedFileLeftOut, nameof(DiagnosticCodes.GeneratedFileLeftOut), "Generated file left out",
            "A generated C# file (a `*.g.cs`, `*.g.i.cs`, `*.designer.cs` or `*.generated.cs` name, or an `<auto-generated>` comment before its " +
            "code) is left out of the run, as Roslyn's analyzers leave it out: its examples are its generator's, and would count twice. Config " +
            "`\"includeGenerated\": true` verifies them. A note, not a warning.",
            DiagnosticSeverity.Info),
        Error(DiagnosticCodes.UntrustedRefused, nameof(DiagnosticCodes.UntrustedRefused), "Refused under --untrusted",
            "Under `--untrusted` (or `SNIPPETCHECK_UNTRUSTED=1`, for a pull request's checkout), a setting widens the sandbox: config " +
            "`\"sandbox\": \"off\"`, `environment`, `sandboxRead`, `sandboxWrite` or `network`, front matter `network`, a block's `network` tag, " +
            "or `--no-sandbox`; a `memoryLimit` over 2 GiB, a `timeout` over 60 s (config, front matter, tag) or a `parallelism` " +
            "over the processor count; a post that is or lies in a symbolic link (a file error); or a path the checkout names would " +
            "reach outside it or into a `.git`: a config `references` or `preludes` entry, a `#:project` or a `ProjectReference` it " +
            "follows, a local feed a `nuget.config` of the checkout names inside it, an SDK a `global.json` names in `sdk.paths`; or " +
            "this machine cannot confine snippets at all. In the config, a `nuget.config`, a `global.json`, on the command line or " +
            "without a sandbox the run stops with exit code 2; in front matter it is a file error and none of the post's snippets " +
            "runs; on a tag, a `#:project` or a `ProjectReference` the block fails without running. The message names the setting " +
            "and its place (docs/ci.md#pull-requests)."),
        Error(DiagnosticCodes.LinkedOutput, nameof(DiagnosticCodes.LinkedOutput), "Output through a symbolic link",
            "`render --out` names a folder that is, or lies below, a symbolic link (a pull request's `site -> ~`): the tool never writes " +
            "through a link, so the run stops with exit code 2 before anything runs; name the folder the link points to. A link inside " +
            "the output folder keeps only its files unwritten, named on standard error, and fails the run (exit code 1)."),
    ];

    private static readonly Dictionary<string, DiagnosticDescriptor> ByCode = All.ToDictionary(d => d.Code, StringComparer.Ordinal);

    /// <summary>The descriptor of an SC code, or null for anything else (a compiler ID such as CS0103).</summary>
    public static DiagnosticDescriptor? Find(string code) => ByCode.GetValueOrDefault(code);

    /// <summary>The table as docs/diagnostics.md shows it: one row per code.</summary>
    public static string ToMarkdownTable()
    {
        var lines = new List<string> { "| Code | Title | Severity | Meaning |", "| --- | --- | --- | --- |" };
        lines.AddRange(All.Select(d => $"| {d.Code} | {d.Title} | {d.Severity.ToString().ToLowerInvariant()} | {d.Description} |"));
        return string.Join('\n', lines) + "\n";
    }

    private static DiagnosticDescriptor Error(string code, string name, string title, string description) =>
        new(code, name, title, description, DiagnosticSeverity.Error);
}
