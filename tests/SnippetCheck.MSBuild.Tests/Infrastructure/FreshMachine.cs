namespace SnippetCheck.MSBuild.Tests.Infrastructure;

/// <summary>
/// What a new user starts from: a copy of this working tree with no <c>bin/</c> or <c>obj/</c>, and NuGet package
/// folders that start empty. A warm package folder once hid a pack that failed everywhere else (NETSDK1094: the
/// ReadyToRun compiler pack was only there because an earlier publish had restored it), and packing in the copy
/// leaves the repository's own <c>obj/</c> folders to the build that runs these tests.
/// </summary>
public sealed class FreshMachine : IDisposable
{
    public FreshMachine(string root)
    {
        Root = root;
        SourceRoot = Path.Combine(root, "clone");
        var listed = Dotnet.RunProgram("git", Dotnet.RepositoryRoot, new Dictionary<string, string>(), TimeSpan.FromMinutes(1),
            "ls-files", "--cached", "--others", "--exclude-standard", "-z");
        Assert.True(listed.ExitCode == 0, $"the tests copy the working tree with git, which failed:\n{listed}");
        // Tracked and untracked files, as a clone of this working tree with its uncommitted changes would have them.
        foreach (var relative in listed.Output.Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            var source = Path.Combine(Dotnet.RepositoryRoot, relative);
            if (!File.Exists(source)) continue; // deleted but not yet committed
            var target = Path.Combine(SourceRoot, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(source, target); // keeps the mode on Unix: the scripts stay executable
        }
    }

    public string Root { get; }

    /// <summary>The copy of the repository.</summary>
    public string SourceRoot { get; }

    /// <summary>A new, empty NuGet package folder (for <c>NUGET_PACKAGES</c>) each call, under <see cref="Root"/>.</summary>
    public string EmptyPackageFolder(string name) => Directory.CreateDirectory(Path.Combine(Root, "nuget-" + name)).FullName;

    public void Dispose() => PackedPackage.TryDelete(Root);
}
