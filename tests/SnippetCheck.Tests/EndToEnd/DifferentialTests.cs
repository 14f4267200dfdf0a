using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.EndToEnd;

/// <summary>
/// A verdict never depends on the path a snippet took: every sample, every post and the torture corpus verified
/// merged, each snippet alone, and each alone on one reused runner give the same JSON report but for durations.
/// </summary>
[Trait("Category", "Differential")]
public sealed class DifferentialTests
{
    public static TheoryData<string, string> Inputs => new()
    {
        // working directory (relative to the repository, or Samples/...), paths to verify
        { "posts", "." },
        { "Samples", "*.md one-judge" },
        { "Samples/one-judge/release", "." },
        { "Samples/torture", "." },
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Every_path_gives_the_same_report(string folder, string paths)
    {
        var workingDirectory = folder.StartsWith("Samples", StringComparison.Ordinal)
            ? Path.Combine(AppContext.BaseDirectory, folder)
            : RepositoryRoot.PathOf(folder);
        var runs = VerificationPaths.All
            .Select(way => (way.Name, Run: VerificationPaths.Verify(workingDirectory, paths.Split(' '), way.Args)))
            .ToList();

        var (firstName, first) = runs[0];
        Assert.True(first.Report.Snippets.Any(), $"nothing was verified in {folder}:\n{first.Result.Output}");
        foreach (var (name, run) in runs.Skip(1))
        {
            Assert.True(first.Normalized == run.Normalized,
                $"{folder}: '{name}' differs from '{firstName}':\n{VerificationPaths.Differences(first.Normalized, run.Normalized)}");
        }
    }
}
