using SnippetCheck.MSBuild.Tests.Infrastructure;

namespace SnippetCheck.MSBuild.Tests;

/// <summary>
/// eng/pack-local-feed.sh when a pack fails. A stand-in <c>dotnet</c> on PATH makes the tool packages, then fails
/// the MSBuild package's pack, as a real pack fails halfway (a bad property, a compile error); it takes a second
/// where a real pack takes minutes. The real packs are ToolInstallTests'.
/// </summary>
public sealed class PackLocalFeedTests : IDisposable
{
    private const string EarlierPackage = "SnippetCheck.any.0.1.0-local.20250101000000.nupkg";

    /// <summary>Answers <c>--info</c> with a RID, packs the CLI's packages as empty files, and fails any other pack.</summary>
    private const string FakeDotnet = """
        #!/bin/sh
        case "$1" in
          --info) echo " RID:         linux-x64"; exit 0 ;;
          pack) ;;
          *) exit 0 ;;
        esac
        project=$2; out=""; version=""; previous=""
        for argument in "$@"; do
          case "$argument" in -p:Version=*) version=${argument#-p:Version=} ;; esac
          [ "$previous" = "-o" ] && out=$argument
          previous=$argument
        done
        case "$project" in
          *SnippetCheck.Cli) touch "$out/SnippetCheck.$version.nupkg" "$out/SnippetCheck.any.$version.nupkg" "$out/SnippetCheck.linux-x64.$version.nupkg" ;;
          *) echo "error MSB4030: 'maybe' is an invalid value for the property" >&2; exit 1 ;;
        esac
        """;

    private readonly string _root = Path.Combine(Path.GetTempPath(), "snippetcheck-pack-feed-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public void A_failed_pack_removes_the_packages_of_its_own_version_and_keeps_the_earlier_ones()
    {
        if (OperatingSystem.IsWindows()) return;
        var bin = Directory.CreateDirectory(Path.Combine(_root, "bin")).FullName;
        var feed = Directory.CreateDirectory(Path.Combine(_root, "feed")).FullName;
        File.WriteAllText(Path.Combine(feed, EarlierPackage), "");
        var dotnet = Path.Combine(bin, "dotnet");
        File.WriteAllText(dotnet, FakeDotnet.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n");
        File.SetUnixFileMode(dotnet, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var result = Dotnet.RunProgram("sh", _root,
            new Dictionary<string, string> { ["SNIPPETCHECK_FEED"] = feed, ["PATH"] = bin + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH") },
            TimeSpan.FromMinutes(1), Path.Combine(Dotnet.RepositoryRoot, "eng", "pack-local-feed.sh"), "--no-install");

        Assert.True(result.ExitCode != 0, result.ToString());
        Assert.Contains("removed this run's packages", result.Output);
        Assert.Equal([EarlierPackage], Directory.GetFiles(feed).Select(Path.GetFileName));
    }

    public void Dispose() => PackedPackage.TryDelete(_root);
}
