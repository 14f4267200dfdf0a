using System.Collections.Concurrent;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.EndToEnd;

/// <summary>
/// Every sample set verified on every <see cref="VerificationPath"/>, once per test run: the differential test
/// compares the reports of each set, and the tests that judge a set's verdicts (IssueReproTests,
/// OneJudgeTests) read the same runs instead of verifying the set again.
/// </summary>
public static class EveryWayRuns
{
    /// <summary>
    /// One thing to verify: how to fill a fresh folder, the arguments to give there, and the environment it needs.
    /// <paramref name="OneFolder"/>: every path verifies the same copy, so that a project the input builds is built once
    /// (the package cache keys a build on the project's path) instead of once per path.
    /// </summary>
    private sealed record Input(string Name, Action<string> Populate, string[] Args, IDictionary<string, string?>? Environment = null, bool OneFolder = false);

    /// <summary>Sample folders verified as their top-level posts plus one subfolder with a config of its own.</summary>
    private static readonly Dictionary<string, string> FoldersWithAConfigBelow = new()
    {
        ["repros"] = "release-config",
        ["one-judge"] = "release",
    };

    private static readonly ConcurrentDictionary<string, Lazy<Task<IReadOnlyList<PathRun>>>> Runs = new();

    /// <summary>The names of every input, in a stable order.</summary>
    public static IEnumerable<string> Names => Inputs().Select(i => i.Name);

    /// <summary>
    /// The runs of one input on every path, in <see cref="PathRuns.All"/> order. They start at once on first use;
    /// later callers share them.
    /// </summary>
    public static IReadOnlyList<PathRun> Of(string name) => Runs.GetOrAdd(name, key => new Lazy<Task<IReadOnlyList<PathRun>>>(() => RunEveryWay(key)))
        .Value.GetAwaiter().GetResult();

    /// <summary><see cref="Of"/>, by path.</summary>
    public static IReadOnlyDictionary<VerificationPath, PathRun> ByPath(string name) => Of(name).ToDictionary(r => r.Path);

    /// <summary>
    /// Each path in a folder of its own (or the input's one folder), at once; <see cref="VerificationPath.Warm"/> after
    /// <see cref="VerificationPath.Merged"/>, in its folder and with its TMPDIR, so that it reads the first run's results.
    /// </summary>
    private static async Task<IReadOnlyList<PathRun>> RunEveryWay(string name)
    {
        var input = Inputs().Single(i => i.Name == name);
        using var shared = input.OneFolder ? new TempFolder() : null;
        if (shared is not null) input.Populate(shared.Path);
        var runs = await Task.WhenAll(PathRuns.All.Where(p => p != VerificationPath.Warm).Select(path => Task.Run(() =>
        {
            using var own = shared is null ? new TempFolder() : null;
            var folder = (shared ?? own)!.Path;
            if (own is not null) input.Populate(folder);
            using var tmp = new TempFolder();
            var first = PathRuns.Verify(folder, path, input.Environment, input.Args, tmp.Path);
            return path == VerificationPath.Merged ? [first, PathRuns.Verify(folder, VerificationPath.Warm, input.Environment, input.Args, tmp.Path)] : new[] { first };
        })));
        return [.. PathRuns.All.Select(path => runs.SelectMany(r => r).Single(r => r.Path == path))];
    }

    private static IEnumerable<Input> Inputs()
    {
        // The loose samples in one run (each test of its own uses them alone): --all also verifies their untagged blocks.
        var loose = MarkdownFilesIn(Samples.Directory);
        yield return new Input("samples", to => CopyFiles(Samples.Directory, loose, to), ["--all", .. loose], PackageTestCache.Environment);

        // The top-level posts with the folder's config, and the subfolder from inside it: a config applies from the
        // current directory up, so the subfolder's own snippetcheck.json is only read from there.
        foreach (var (folder, below) in FoldersWithAConfigBelow)
        {
            var source = Samples.PathOf(folder);
            var posts = MarkdownFilesIn(source);
            yield return new Input(folder, to => CopyFiles(source, [.. posts, "snippetcheck.json"], to), ["--all", .. posts]);
            yield return new Input($"{folder}/{below}", to => PathRuns.CopyFolder(Path.Combine(source, below), to), []);
        }

        // As TortureRunFixture runs it (with the folder's snippetcheck.json), but on a copy.
        yield return new Input("torture", to => PathRuns.CopyFolder(Samples.PathOf("torture"), to), ["hostile", "malformed"]);

        yield return new Input("posts", to => PathRuns.CopyFolder(RepositoryRoot.PathOf("posts"), Path.Combine(to, "posts")), ["posts"]);

        // Library doctests: the examples in the sample library's doc comments, compiled against the library it builds.
        var library = RepositoryRoot.PathOf("tests/DocLibrary");
        string[] sources = [.. Directory.GetFiles(library).Select(Path.GetFileName).Where(f => f!.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".csproj", StringComparison.Ordinal)).Cast<string>()];
        // On one framework: the library targets net8.0 and net10.0, and a matrix would build it twice on each of the six
        // paths at once, which on a fresh 2-core machine outran a run's time limit. posts/ runs the matrix every way;
        // DocLibraryTests, the MSBuild tests and .ci/run verify the library on both frameworks. In one folder: the paths
        // share one build of the library (the first to take the build's lock makes it; the others read it).
        yield return new Input("doc-library", to => CopyFiles(library, sources, to), ["--all", "DocLibrary.csproj", "--frameworks", "net10.0"], OneFolder: true);

        // A sample folder added later is verified as a whole from inside it (its packages from the tests' package cache).
        var named = FoldersWithAConfigBelow.Keys.Append("torture");
        foreach (var folder in Directory.GetDirectories(Samples.Directory).Select(Path.GetFileName).Cast<string>().Except(named).Order(StringComparer.Ordinal))
        {
            yield return new Input(folder, to => PathRuns.CopyFolder(Samples.PathOf(folder), to), ["--all"], PackageTestCache.Environment);
        }
    }

    private static string[] MarkdownFilesIn(string folder) =>
        [.. Directory.GetFiles(folder, "*.md").Select(Path.GetFileName).Order(StringComparer.Ordinal).Cast<string>()];

    private static void CopyFiles(string from, IEnumerable<string> names, string to)
    {
        foreach (var name in names) File.Copy(Path.Combine(from, name), Path.Combine(to, name), overwrite: true);
    }
}
