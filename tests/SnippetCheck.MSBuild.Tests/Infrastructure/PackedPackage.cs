namespace SnippetCheck.MSBuild.Tests.Infrastructure;

/// <summary>
/// SnippetCheck.MSBuild packed from this repository into a temporary feed, once per test run, with a version of its
/// own; projects made from it restore into temporary package folders, so the user's NuGet cache stays untouched.
/// </summary>
public sealed class PackedPackage : IDisposable
{
    private static readonly Lazy<PackedPackage> Shared = new(() => new PackedPackage());

    private static readonly string Parent = Path.Combine(Path.GetTempPath(), "snippetcheck-msbuild-tests");

    private PackedPackage()
    {
        RemoveOldRuns();
        Root = Path.Combine(Parent, Guid.NewGuid().ToString("N")[..12]);
        Feed = Path.Combine(Root, "feed");
        Directory.CreateDirectory(Feed);
        Version = $"0.0.0-e2e.{DateTime.UtcNow:yyyyMMddHHmmss}";
        var project = Path.Combine(Dotnet.RepositoryRoot, "src", "SnippetCheck.MSBuild", "SnippetCheck.MSBuild.csproj");
        // The pack's restore walks into the CLI and the runner, which restore the tool's RIDs (Directory.Build.props):
        // by default every platform's, whose runtime packs (about 570 MB) a CI run downloaded for nothing, and the
        // checkout's restore of the CLI was left with six targets. The build's own RID is what the build restored.
        var result = Dotnet.Run(Root, new Dictionary<string, string>(),
            "pack", project, "-c", Dotnet.Configuration, "-o", Feed, $"-p:PackageVersion={Version}",
            $"-p:SnippetCheckToolRids={Dotnet.SdkRuntimeIdentifier}", "-tl:off");
        Assert.True(result.ExitCode == 0, $"dotnet pack failed:\n{result}");
        PackagePath = Path.Combine(Feed, $"SnippetCheck.MSBuild.{Version}.nupkg");
        Assert.True(File.Exists(PackagePath), $"dotnet pack made no {PackagePath}:\n{result}");
        // xunit 2 has no assembly-wide fixture to dispose this; the test host may also be stopped before it
        // finishes, hence the sweep of old runs' folders above.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Dispose();
    }

    /// <summary>The package, packed on first use and shared by every test class.</summary>
    public static PackedPackage Instance => Shared.Value;

    public string Root { get; }

    public string Feed { get; }

    public string Version { get; }

    public string PackagePath { get; }

    /// <summary>
    /// A fresh project folder, <c>project/</c> in a folder of its own, that references this package, with its own
    /// nuget.config; <paramref name="projectItems"/> go beside the package reference. Its builds run the tests'
    /// ReadyToRun CLI (<see cref="ReadyToRunCli"/>, through <c>SnippetCheckCliPath</c>) unless
    /// <paramref name="carriedCli"/> asks for the one the package carries, as a user's build runs it.
    /// </summary>
    public ConsumerProject CreateProject(string name, string projectProperties, string projectItems = "", bool carriedCli = false) =>
        new(Feed, Version, Path.Combine(Root, "projects", $"{name}-{Guid.NewGuid().ToString("N")[..6]}"),
            carriedCli ? projectProperties : projectProperties + $"<SnippetCheckCliPath>{ReadyToRunCli}</SnippetCheckCliPath>", projectItems);

    /// <summary>
    /// The CLI the package carries, the same build, published ReadyToRun by the test project's build
    /// (tests/ReadyToRunCli.targets): each build's CLI then skips most of Roslyn's JIT, about a CPU-second a build.
    /// What the package carries is run by the builds that ask for it, and by ToolInstallTests on a fresh machine.
    /// </summary>
    public static string ReadyToRunCli { get; } = File.Exists(Dotnet.ReadyToRunCli)
        ? Dotnet.ReadyToRunCli
        : throw new FileNotFoundException($"no CLI at {Dotnet.ReadyToRunCli}: the test project's build publishes it there (tests/ReadyToRunCli.targets)");

    public void Dispose() => TryDelete(Root);

    internal static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Leftovers in temp are harmless.
        }
    }

    /// <summary>Folders an earlier run left behind; an hour old, so a run going on beside this one keeps its own.</summary>
    private static void RemoveOldRuns()
    {
        if (!Directory.Exists(Parent)) return;
        foreach (var directory in Directory.GetDirectories(Parent))
        {
            if (Directory.GetLastWriteTimeUtc(directory) < DateTime.UtcNow.AddHours(-1)) TryDelete(directory);
        }
    }
}
