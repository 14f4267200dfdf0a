using System;
using System.IO;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace SnippetCheck.MSBuild;

/// <summary>
/// Runs <c>dotnet exec snippetcheck.dll verify</c> on a project's Markdown documents and turns each failure the
/// CLI prints (<c>path(line,col): error CODE: message</c>) into an MSBuild error at that place in the post.
/// </summary>
/// <remarks>
/// The CLI runs in its own process, like Roslyn's <c>Csc</c> task runs the compiler: this assembly references
/// only MSBuild, so neither Roslyn nor Markdig ever loads into the build's process, where they could clash with
/// the copies MSBuild or analyzers already loaded. Running it through <c>dotnet</c> also lets the task work from
/// Visual Studio's .NET Framework MSBuild, as long as the .NET 10 SDK is installed.
/// </remarks>
public sealed class VerifySnippets : ToolTask
{
    /// <summary>The Markdown files to verify, relative to <see cref="ProjectDirectory"/> or absolute.</summary>
    [Required]
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
            Log.LogError($"The SnippetCheck CLI was not found at '{CliAssembly}'; the SnippetCheck.MSBuild package looks incomplete. Restore it again.");
            return false;
        }
        return base.ValidateParameters();
    }

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
        builder.AppendSwitchIfNotNull("--config ", string.IsNullOrWhiteSpace(ConfigFile) ? null : ConfigFile);
        builder.AppendSwitchIfNotNull("--timeout ", string.IsNullOrWhiteSpace(SnippetTimeout) ? null : SnippetTimeout);
        return builder.ToString();
    }

    /// <summary>The documents go in a response file: a blog can have more posts than a command line has room for.</summary>
    protected override string GenerateResponseFileCommands()
    {
        var text = new StringBuilder();
        foreach (var document in Documents) text.Append('"').Append(document.ItemSpec).Append('"').AppendLine();
        return text.ToString();
    }

    /// <inheritdoc />
    protected override void LogEventsFromTextOutput(string singleLine, MessageImportance messageImportance)
    {
        if (singleLine.Length == 0) return;
        var line = CliOutputLine.Parse(singleLine);
        switch (line.Kind)
        {
            case CliLineKind.Error when !FailuresAsWarnings:
                Log.LogError(null, line.Code, null, ResolveFile(line.File), line.Line, line.Column, 0, 0, line.Text);
                break;
            case CliLineKind.Error:
            case CliLineKind.Warning:
                Log.LogWarning(null, line.Code, null, ResolveFile(line.File), line.Line, line.Column, 0, 0, line.Text);
                break;
            case CliLineKind.ToolError:
                // Not a verdict on a snippet but the CLI unable to run at all: an error even with FailuresAsWarnings.
                Log.LogError(null, line.Code, null, ResolveFile(line.File), line.Line, line.Column, 0, 0, "snippetcheck: " + line.Text);
                break;
            case CliLineKind.Detail:
                Log.LogMessage(MessageImportance.Normal, singleLine);
                break;
            default:
                // The summary line ("3 passed, 1 failed, ...") and anything the CLI adds later.
                Log.LogMessage(MessageImportance.High, singleLine);
                break;
        }
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
                Log.LogError(null, null, null, BuildEngine.ProjectFileOfTaskNode, 0, 0, 0, 0,
                    "snippetcheck reported failed snippets (exit code 1) but printed no errors; run 'dotnet build -v:n' to see its output.");
            }
            return false;
        }
        if (!Log.HasLoggedErrors)
        {
            Log.LogError(null, null, null, BuildEngine.ProjectFileOfTaskNode, 0, 0, 0, 0,
                $"snippetcheck could not verify the documents (exit code {ExitCode}); see the messages above.");
        }
        return false;
    }

    /// <summary>
    /// Full paths, so the IDE's error list opens the post whatever folder it resolves from; a finding with no file
    /// belongs to the project (MSBuild would otherwise point at this package's .targets file).
    /// </summary>
    private string ResolveFile(string? origin)
    {
        if (origin is null || origin.Length == 0) return BuildEngine.ProjectFileOfTaskNode;
        try
        {
            return Path.GetFullPath(Path.Combine(ProjectDirectory, origin));
        }
        catch (ArgumentException)
        {
            return origin;
        }
    }
}
