using SnippetCheck.Driver;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.EndToEnd;

/// <summary>
/// The package cache and NuGet's packages folder are options of a run (<see cref="VerifyOptions.PackageCacheDirectory"/>,
/// <see cref="VerifyOptions.NuGetPackagesDirectory"/>), not only the process's environment: two runs in one process, each
/// with a feed of its own serving the same package id and version with a different API, each restore into their own
/// folders and see their own package (a shared folder would hand the second run the first one's assembly).
/// </summary>
[TakesSeconds(60)]
public sealed class PackageFoldersTests
{
    [Fact]
    public async Task Two_runs_in_one_process_keep_their_packages_in_their_own_folders()
    {
        using var folder = new TempFolder();
        var first = await RunAsync(folder.Path, "first", "Twice", "2 * n");
        var second = await RunAsync(folder.Path, "second", "Thrice", "3 * n");

        Assert.True(first.Succeeded && second.Succeeded);
        foreach (var run in new[] { "first", "second" })
        {
            Assert.NotEmpty(Directory.EnumerateFileSystemEntries(Path.Combine(folder.Path, run, "cache")));
            Assert.True(Directory.Exists(Path.Combine(folder.Path, run, "nuget-packages", "acme.same", "1.0.0")), run);
        }
    }

    /// <summary>A doc set under <paramref name="root"/>/<paramref name="run"/> whose feed's Acme.Same 1.0.0 declares only <paramref name="method"/>.</summary>
    private static async Task<Results.VerificationReport> RunAsync(string root, string run, string method, string body)
    {
        var runRoot = Path.Combine(root, run);
        var docs = Path.Combine(runRoot, "docs");
        var (feed, _) = LocalFeed.Create(runRoot, docs);
        LocalFeed.Pack(feed, "Acme.Same", "1.0.0", $"namespace Acme.Same {{ public static class Api {{ public static int {method}(int n) => {body}; }} }}");
        File.WriteAllText(Path.Combine(docs, "post.md"),
            $"# Post\n\n<!-- snippetcheck: run packages=Acme.Same@1.0.0 -->\n```csharp\nConsole.WriteLine(Acme.Same.Api.{method}(2));\n```\n");
        var options = new VerifyOptions
        {
            CurrentDirectory = docs,
            CommandLine = new() { Cache = false },
            PackageCacheDirectory = Path.Combine(runRoot, "cache"),
            NuGetPackagesDirectory = Path.Combine(runRoot, "nuget-packages"),
        };
        var report = await new Verifier(options).RunAsync();
        Assert.True(report.Succeeded, run + ": " + string.Join('\n', report.Snippets.Select(r => r.ToString()).Concat(report.Errors.Select(e => e.ToString()))));
        return report;
    }
}
