using System.Text.RegularExpressions;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.EndToEnd.Adoption;

/// <summary>
/// Issue 54, docs written for an older major, told by the names they use: CsvHelper's own docs (124 C# blocks, for 33.x)
/// use <c>CsvConfiguration</c>, <c>ClassMap</c> and <c>[Name]</c>, which CsvHelper 34 (a rewrite) no longer declares, and
/// say <c>dotnet add package CsvHelper</c> once, on a getting-started page in a folder beside the examples. Adopt pinned
/// 34.0.0, never gave the examples the package, and protected 11 blocks. Now the pin is the older major that declares
/// the names (a note says which the newest lacks), every page of the run takes the run's install line when its folders
/// name none, and <c>CultureInfo</c> is System.Globalization's, not the package's <c>[CultureInfo]</c> attribute.
/// </summary>
public sealed partial class AdoptWrittenForAnOlderMajorTests
{
    private const string GettingStarted = """
        # Getting started

        ```
        dotnet add package CsvHelper
        ```

        ```cs
        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = ";" };
        Console.WriteLine(config.Delimiter);
        ```
        """;

    private const string Maps = """
        # Class maps

        ```cs
        var map = new FooMap();
        Console.WriteLine(map.MemberMaps.Count);

        public class Foo { public int Id { get; set; } }

        public sealed class FooMap : ClassMap<Foo>
        {
            public FooMap() => Map(m => m.Id).Name("ColumnA");
        }
        ```
        """;

    private const string Reading = """
        # Reading

        ```cs
        using var csv = new CsvReader(new StringReader("Id\n1\n2\n"), CultureInfo.InvariantCulture);
        Console.WriteLine(csv.GetRecords<Row>().Count());

        public class Row { public int Id { get; set; } }
        ```
        """;

    [GeneratedRegex(@"CsvHelper@(?<version>(?<major>\d+)\.\d+\.\d+)")]
    private static partial Regex Pinned();

    [Fact]
    public async Task Docs_that_use_names_the_newest_major_dropped_are_verified_at_the_older_major_that_declares_them_and_mutants_fail()
    {
        using var docs = new AdoptInProcess();
        // One repository: its pages share the install line across sibling folders.
        docs.Write(".git/config", "[core]\n");
        docs.Write("docs/getting-started/index.md", GettingStarted);
        docs.Write("docs/examples/maps/index.md", Maps);
        docs.Write("docs/examples/reading/index.md", Reading);

        var write = await docs.AdoptWriteAsync("docs");
        Assert.True(File.Exists(Path.Combine(docs.Docs, "snippetcheck.json")), AdoptInProcess.Table(write));
        var pin = Pinned().Match(docs.Read("snippetcheck.json"));
        Assert.True(pin.Success, AdoptInProcess.Table(write));
        Assert.True(pin.Groups["major"].Value == "33", AdoptInProcess.Table(write));
        Assert.Matches(@"the docs use \d+ names CsvHelper \d+\.\d+\.\d+, the newest, no longer declares \(.*ClassMap.*CsvConfiguration", AdoptInProcess.Table(write));
        Assert.Contains("3 of 3 untagged C# blocks", AdoptInProcess.Table(write));
        var verify = docs.Verifies(cache: true);
        Assert.StartsWith("3 passed, 0 failed", verify.Summary);

        // Context, never a pass by itself: a misspelt call of each block fails at the pinned version.
        foreach (var (page, from, to) in new[]
        {
            ("getting-started", "Delimiter = ", "Delimiterq = "), ("examples/maps", ".Name(\"ColumnA\")", ".Nameq(\"ColumnA\")"),
            ("examples/maps", "map.MemberMaps", "map.MemberMapz"), ("examples/reading", "GetRecords<Row>", "GetRecordz<Row>"),
        })
        {
            var path = Path.Combine(docs.Docs, "docs", page, "index.md");
            var text = File.ReadAllText(path);
            File.WriteAllText(path, text.Replace(from, to, StringComparison.Ordinal));
            Assert.False(docs.Verify().Report.Succeeded);
            File.WriteAllText(path, text);
        }
    }
}
