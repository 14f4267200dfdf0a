using System.Text.RegularExpressions;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.EndToEnd.Adoption;

/// <summary>
/// Issue 77, item 1, the major the docs name: Quartz.NET's <c>docs/documentation/quartz-3.x/</c> pages (157 C# blocks, for
/// Quartz 3.x) were tried with Quartz 4.7.3, the newest: 31 of their 38 rot entries were 3.x API gone in 4.x
/// (<c>DateBuilder.DateOf</c>, <c>SchedulerBuilder</c>) and those blocks stayed unverified. Now a page whose folder or title
/// names a major of its package is tried at the newest served version of that major, written as the usual pin; a
/// major is never guessed.
/// </summary>
public sealed partial class AdoptPageMajorTests
{
    private const string Install = """
        # Installing

        ```
        dotnet add package Quartz
        ```

        ```cs
        using Quartz;

        var job = JobBuilder.Create<HelloJob>().WithIdentity("job1", "group1").Build();
        Console.WriteLine(job.Key.Name);

        public class HelloJob : IJob
        {
            public Task Execute(IJobExecutionContext context) => Task.CompletedTask;
        }
        ```
        """;

    // DateBuilder.DateOf(hour, minute, second): Quartz 3.x's; 4.x dropped it.
    private const string Dates = """
        # Dates

        ```cs
        using Quartz;

        var date = DateBuilder.DateOf(10, 30, 0);
        Console.WriteLine(date.Minute);
        ```
        """;

    [GeneratedRegex(@"Quartz@(?<version>(?<major>\d+)\.\d+\.\d+)")]
    private static partial Regex Pinned();

    [Fact]
    public async Task Pages_in_a_folder_named_for_a_major_are_verified_at_that_major_and_mutants_fail()
    {
        using var docs = new AdoptInProcess();
        docs.Write("docs/quartz-3.x/index.md", Install);
        docs.Write("docs/quartz-3.x/tutorial/dates.md", Dates);

        var write = await docs.AdoptWriteAsync("docs");
        var pin = Pinned().Match(docs.Read("snippetcheck.json"));
        Assert.True(pin.Success && pin.Groups["major"].Value == "3", AdoptInProcess.Table(write));
        Assert.Contains("2 of 2 untagged C# blocks", AdoptInProcess.Table(write));
        var verify = docs.Verifies(cache: true);
        Assert.StartsWith("2 passed, 0 failed", verify.Summary);
        var path = Path.Combine(docs.Docs, "docs", "quartz-3.x", "tutorial", "dates.md");
        File.WriteAllText(path, File.ReadAllText(path).Replace("DateOf(", "DateOfq(", StringComparison.Ordinal));
        Assert.False(docs.Verify().Report.Succeeded);
    }
}
