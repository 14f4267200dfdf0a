using System;
using System.IO;
using System.Linq;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace SnippetCheck.MSBuild;

/// <summary>
/// Runs <c>dotnet exec snippetcheck.dll verify</c> on a project's Markdown documents and turns each failure the
/// CLI reports into an MSBuild error at that place in the post. The CLI writes its console lines as JSON
/// (<c>--console-format json</c>, <see cref="CliLine"/>), so the task reads each finding's file, line, column, code
/// and message as data, never by parsing the text a person reads.
/// </summary>
/// <remarks>
/// The CLI runs in its own process, like Roslyn's <c>Csc</c> task runs the compiler: this assembly references
/// only MSBuild, so neither Roslyn nor Markdig ever loads into the build's process, where they could clash with
/// the copies MSBuild or analyzers already loaded. Running it through <c>dotnet</c> also lets the task work from
/// Visual Studio's .NET Framework MSBuild, as long as the .NET 10 SDK is installed.
/// </remarks>
public sealed class VerifySnippets : ToolTask
{
    /// <summary>
    /// The Markdown files to verify, relative to <see cref="ProjectDirectory"/> or absolute. Not required: a library
    /// with doc comments may have no Markdown at all, and MSBuild rejects an empty list for a required parameter.
    /// </summary>
    public ITaskItem[] Documents { get; set; } = [];

    /// <summary>
    /// The CLI: the package's own <c>tools/snippetcheck.dll</c>, run with <c>dotnet exec</c>; or the executable of a
    /// self-contained build (the RID-specific tool package's fast build, when restored), run directly.
    /// </summary>
    [Required]
    public string CliAssembly { get; set; } = "";

    /// <summary>True when <see cref="CliAssembly"/> is an executable of its own, not a dll for <c>dotnet exec</c>.</summary>
    private bool CliIsExecutable => !CliAssembly.EndsWith(".dll", StringComparison.OrdinalIgnoreCase);

    /// <summary>Where the CLI runs: relative document paths and the <c>snippetcheck.json</c> search start here.</summary>
    [Required]
    public string ProjectDirectory { get; set; } = "";

    /// <summary><c>--config</c>: a <c>snippetcheck.json</c>; empty means the CLI looks from the project folder up.</summary>
    public string? ConfigFile { get; set; }

    /// <summary><c>--timeout</c>: the default timeout per snippet (<c>500ms</c>, <c>10s</c>, <c>2m</c>).</summary>
    public string? SnippetTimeout { get; set; }

    /// <summary>Reports failed snippets as warnings, so the build goes on; the CLI being unable to run stays an error.</summary>
    public bool FailuresAsWarnings { get; set; }

    /// <summary>The <c>dotnet</c> host to run the CLI with; if empty or missing, <c>DOTNET_HOST_PATH</c>, then <c>PATH</c>.</summary>
    public string? DotnetHostPath { get; set; }

    /// <summary>
    /// The library under test, for doc-comment examples and the project's Markdown (docs/doctests.md): items of
    /// <c>_SnippetCheckLibraryItems</c>, each with a <c>Kind</c>: <c>assembly</c> (the built assembly), <c>reference</c>
    /// (<c>@(ReferencePath)</c>), <c>runtime</c> (copy-local and runtime package assemblies), <c>using</c> (<c>@(Using)</c>)
    /// and <c>source</c> (<c>@(Compile)</c>). Empty without <c>SnippetCheckDocComments</c>.
    /// </summary>
    public ITaskItem[] Library { get; set; } = [];

    /// <summary>
    /// This project's file and its built assembly (<c>$(TargetPath)</c>): a reference naming the project (config
    /// <c>references</c>) uses the assembly just built, instead of building it again, which would run this check again.
    /// </summary>
    public string? ProjectFile { get; set; }

    /// <inheritdoc cref="ProjectFile"/>
    public string? ProjectAssembly { get; set; }

    /// <summary>
    /// A multi-targeted library's frameworks (<c>net8.0;net10.0</c>), from <see cref="SelectTargetFramework.Matrix"/>: the
    /// CLI then verifies on each (<c>--frameworks</c>) and builds the project for each itself, so every example runs
    /// against each target's build. Empty: the one build in <see cref="Library"/>.
    /// </summary>
    public string? Frameworks { get; set; }

    /// <summary><c>--dependency-file</c>: where the CLI lists the files its verdicts depended on, for the next build's Inputs.</summary>
    public string? DependencyFile { get; set; }

    /// <summary>Rewrites mismatching output blocks (<c>--accept</c>): the <c>SnippetCheckAccept</c> target.</summary>
    public bool Accept { get; set; }

    /// <summary><c>--untrusted</c> (<c>SnippetCheckUntrusted</c>): the documents are a pull request's (docs/ci.md#pull-requests).</summary>
    public bool Untrusted { get; set; }

    /// <summary>The command the build offers for <c>--accept</c>, named in the hint below an output diff.</summary>
    internal const string AcceptCommand = "dotnet build -t:SnippetCheckAccept";

    private CliMessageLogger? _logger;

    /// <summary>Made on first use, once MSBuild has set the task's parameters.</summary>
    private CliMessageLogger Logger => _logger ??= new CliMessageLogger(Log, ProjectDirectory, OwnProjectFile, Accept, FailuresAsWarnings);

    /// <inheritdoc />
    protected override string ToolName => IsWindows ? "dotnet.exe" : "dotnet";

    private static bool IsWindows => Path.DirectorySeparatorChar == '\\';

    /// <inheritdoc />
    protected override string GenerateFullPathToTool()
    {
        if (CliIsExecutable) return CliAssembly;
        foreach (var candidate in new[] { DotnetHostPath, Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") })
        {
            if (!string.IsNullOrEmpty(candidate) && File.Exists(candidate)) return candidate!;
        }
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            if (directory.Length == 0) continue;
            var candidate = Path.Combine(directory.Trim('"'), ToolName);
            if (File.Exists(candidate)) return candidate;
        }
        return ToolName;
    }

    /// <inheritdoc />
    protected override bool ValidateParameters()
    {
        if (!File.Exists(CliAssembly))
        {
            Log.LogError($"The SnippetCheck CLI was not found at '{CliAssembly}'; the SnippetCheck.MSBuild package looks incomplete. Restore it " +
                $"again.");
            return false;
        }
        return base.ValidateParameters();
    }

    /// <inheritdoc />
    public override bool Execute()
    {
        if (Library.Length > 0 && UncheckedRepositoryReadme() is { } readme)
        {
            var item = CliMessageLogger.RelativePath(ProjectDirectory, readme);
            Log.LogWarning(null, UncheckedReadmeCode, null, OwnProjectFile, 0, 0, 0, 0,
                $"SnippetCheck does not verify the repository's {Path.GetFileName(readme)} ({item}): it lies outside the project folder, where the " +
                $"build looks for Markdown. To check its examples too, add <SnippetCheckDocument Include=\"{item}\" /> to the project " +
                $"(docs/msbuild.md).");
        }
        return base.Execute();
    }

    /// <summary>The warning for a library whose repository README lies outside the project folder and is not among the documents.</summary>
    internal const string UncheckedReadmeCode = "SC3012";

    /// <summary>
    /// The README.md at the root of the repository (the nearest folder above the project's that holds <c>.git</c>),
    /// when the project folder is not that root and no document names it; otherwise null. A library's README is its
    /// front page, and its examples are the first a user copies.
    /// </summary>
    internal string? UncheckedRepositoryReadme()
    {
        var project = Path.GetFullPath(ProjectDirectory).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        if (Directory.Exists(Path.Combine(project, ".git")) || File.Exists(Path.Combine(project, ".git"))) return null;
        for (var folder = Path.GetDirectoryName(project); !string.IsNullOrEmpty(folder); folder = Path.GetDirectoryName(folder))
        {
            var git = Path.Combine(folder, ".git");
            if (!Directory.Exists(git) && !File.Exists(git)) continue;
            var readme = Directory.EnumerateFiles(folder, "*.md")
                .FirstOrDefault(f => string.Equals(Path.GetFileName(f), "README.md", StringComparison.OrdinalIgnoreCase));
            if (readme is null) return null;
            var documents = Documents.Select(FullPathOf);
            return documents.Any(d => string.Equals(d, readme, PathComparison)) ? null : readme;
        }
        return null;
    }

    private static StringComparison PathComparison => IsWindows ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <inheritdoc />
    protected override string GetWorkingDirectory() => ProjectDirectory;

    /// <inheritdoc />
    protected override string GenerateCommandLineCommands()
    {
        var builder = new CommandLineBuilder();
        if (!CliIsExecutable)
        {
            builder.AppendSwitch("exec");
            builder.AppendFileNameIfNotNull(CliAssembly);
        }
        builder.AppendSwitch("verify");
        // The build's own errors are what CI shows (setup-dotnet's problem matcher reads them); the CLI's GitHub
        // annotations and step summary on top would show each failure twice.
        builder.AppendSwitch("--ci none");
        builder.AppendSwitch("--console-format json");
        builder.AppendSwitchIfNotNull("--config ", string.IsNullOrWhiteSpace(ConfigFile) ? null : ConfigFile);
        builder.AppendSwitchIfNotNull("--timeout ", string.IsNullOrWhiteSpace(SnippetTimeout) ? null : SnippetTimeout);
        if (Accept) builder.AppendSwitch("--accept");
        if (Untrusted) builder.AppendSwitch("--untrusted");
        return builder.ToString();
    }

    /// <inheritdoc />
    protected override string GenerateResponseFileCommands() => new CliResponseFile(this).Text();

    /// <summary>The response file's text, for tests: each token must come back whole through System.CommandLine's <c>@file</c>.</summary>
    internal string ResponseFileText() => GenerateResponseFileCommands();

    /// <summary>An item's path from <see cref="ProjectDirectory"/>, made full.</summary>
    internal string FullPathOf(ITaskItem item) => Path.GetFullPath(Path.Combine(ProjectDirectory, item.ItemSpec));

    /// <inheritdoc />
    protected override void LogEventsFromTextOutput(string singleLine, MessageImportance messageImportance)
    {
        if (singleLine.Length == 0) return;
        Logger.Add(singleLine);
    }

    /// <inheritdoc />
    protected override int ExecuteTool(string pathToTool, string responseFileCommands, string commandLineCommands)
    {
        var exitCode = base.ExecuteTool(pathToTool, responseFileCommands, commandLineCommands);
        Logger.Finish();
        return exitCode;
    }

    /// <summary>Exit code 1 means failed snippets (already logged); anything else means the CLI could not run.</summary>
    protected override bool HandleTaskExecutionErrors()
    {
        const int SnippetsFailed = 1;
        if (ExitCode == SnippetsFailed)
        {
            if (FailuresAsWarnings) return true;
            if (!Log.HasLoggedErrors)
            {
                Log.LogError(null, null, null, OwnProjectFile, 0, 0, 0, 0,
                    "snippetcheck reported failed snippets (exit code 1) but printed no errors; run 'dotnet build -v:n' to see its output.");
            }
            return false;
        }
        if (!Log.HasLoggedErrors)
        {
            Log.LogError(null, null, null, OwnProjectFile, 0, 0, 0, 0,
                $"snippetcheck could not verify the documents (exit code {ExitCode}); see the messages above.");
        }
        return false;
    }

    /// <summary>
    /// The project being built, for a finding that belongs to no file: the task node's own file is this package's
    /// .targets file, which the user cannot change.
    /// </summary>
    private string OwnProjectFile => string.IsNullOrEmpty(ProjectFile) ? BuildEngine.ProjectFileOfTaskNode : ProjectFile!;
}
