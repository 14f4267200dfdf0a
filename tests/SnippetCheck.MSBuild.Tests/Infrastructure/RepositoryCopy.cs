using System.Diagnostics;

namespace SnippetCheck.MSBuild.Tests.Infrastructure;

/// <summary>
/// The working tree (tracked and untracked files, as <c>git status</c> sees them) copied into a fresh git repository
/// with one commit. A test restores and packs there with a NuGet cache of its own without rewriting the checkout's
/// obj/ folders, which the other end-to-end tests build from at the same time. The SDK reads the commit from it.
/// </summary>
public sealed class RepositoryCopy : IDisposable
{
    public RepositoryCopy(string parent)
    {
        Root = Path.Combine(parent, "repository");
        var files = Git(Dotnet.RepositoryRoot, "ls-files", "-z", "--cached", "--others", "--exclude-standard")
            .Split('\0', StringSplitOptions.RemoveEmptyEntries);
        foreach (var file in files)
        {
            var source = Path.Combine(Dotnet.RepositoryRoot, file);
            if (!File.Exists(source)) continue; // deleted in the working tree
            var target = Path.Combine(Root, file);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(source, target);
        }
        Git(Root, "init", "-q");
        Git(Root, "add", "-A");
        Git(Root, "-c", "user.name=test", "-c", "user.email=test@example.invalid", "commit", "-q", "--no-verify", "-m", "snapshot");
        Commit = Git(Root, "rev-parse", "HEAD").Trim();
    }

    public string Root { get; }

    /// <summary>The copy's one commit, which the packed assemblies' informational version ends with.</summary>
    public string Commit { get; }

    public void Dispose() => PackedPackage.TryDelete(Root);

    private static string Git(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("git", args) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), $"git {string.Join(' ', args)} did not finish");
        Assert.True(process.ExitCode == 0, $"git {string.Join(' ', args)} failed:\n{stderr.Result}");
        return stdout.Result;
    }
}
