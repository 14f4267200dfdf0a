using SnippetCheck.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SnippetCheck.Tests.EndToEnd.Adoption;

/// <summary>
/// Issue 75, item 1: what <c>adopt --write</c> writes, <c>verify</c> proves. Adopt's last step verifies its whole proposal
/// as written (tags, page settings, the config's hidden code and pins) through verify's own loader and withdraws what
/// fails; so, on each doc set, the blocks adopt says it tagged are exactly the blocks verify then passes or checks, with
/// none failed or skipped. The mixed set is the case: stub models adopt writes into the config's
/// <c>hiddenCode</c> (a validation library's bare rules) beside a page fixture (test bodies with a mocking library),
/// which compiles that hidden code inside its class. In this process (<see cref="AdoptInProcess"/>).
/// </summary>
[TakesSeconds(120)]
public sealed class AdoptProofTests(ITestOutputHelper output)
{
    private const string Rules = "# Rules\n\n```csharp\nRuleFor(x => x.Surname).NotNull();\n```\n\n" +
        "```csharp\nRuleFor(customer => customer.CreditLimit).GreaterThan(0);\n```\n";

    public static TheoryData<string> DocSets => ["adopt", "adopt-tests", "stub-models-beside-a-fixture"];

    private static void Populate(AdoptInProcess docs, string set)
    {
        switch (set)
        {
            case "stub-models-beside-a-fixture":
                docs.Write("installation.md", "# Installation\n\n```\ndotnet add package FluentValidation\n```\n");
                docs.Write("rules.md", Rules);
                docs.Write("substitutes.md", File.ReadAllText(Samples.PathOf("adopt-tests/substitutes.md")));
                break;
            default:
                foreach (var page in Directory.GetFiles(Samples.PathOf(set), "*.md")) docs.Write(Path.GetFileName(page), File.ReadAllText(page));
                break;
        }
    }

    [Fact]
    public async Task A_block_its_output_block_alone_makes_run_is_adopted_and_verify_then_passes_it()
    {
        // Npgsql's replication.md: a block with an output block and no tag is 'run' to verify; adopt took it for tagged and
        // never tried it, so verify failed it (CS0246, a using it lacks) after adopt said nothing of it.
        using var docs = new AdoptInProcess();
        docs.Write("post.md", """
            # Builder

            ```csharp
            var sb = new StringBuilder("a");
            Console.WriteLine(sb.Append("b"));
            ```

            It prints:

            ```output
            ab
            ```

            Read the settings:

            ```csharp
            var sb = new StringBuilder(File.ReadAllText("settings.json"));
            Console.WriteLine(sb.Length);
            ```

            ```output
            42
            ```

            Add them:

            ```csharp
            Console.WriteLine(1 + 1);
            ```

            ```output
            2
            ```
            """);
        var written = await docs.AdoptWrittenAsync("post.md");
        output.WriteLine(written);
        docs.Verifies();
        Assert.Contains("<!-- snippetcheck: run usings=System.Text -->\n```csharp\nvar sb = new StringBuilder(\"a\")", written);
        // Its run needs a file the reader has: compiled, its output block not claimed to be checked.
        Assert.Contains("<!-- snippetcheck: compile usings=System.Text -->\n```csharp\nvar sb = new StringBuilder(File", written);
        // A block that passes as its author wrote it gets no tag: verify runs it and compares its output already.
        Assert.Contains("Add them:\n\n```csharp", written);
    }

    [Theory]
    [MemberData(nameof(DocSets))]
    public async Task After_adopt_write_verify_passes_exactly_the_blocks_adopt_tagged(string set)
    {
        using var docs = new AdoptInProcess();
        Populate(docs, set);

        var before = VerifyCounts(docs);
        var dry = await docs.RunAsync(write: false, [], [], mayRefuse: true);
        var adopt = await docs.RunAsync(write: true, [], [], mayRefuse: true);
        output.WriteLine($"$ adopt\n{AdoptInProcess.Table(dry)}\n$ adopt --write\n{AdoptInProcess.Table(adopt)}");
        var after = VerifyCounts(docs);

        var (adopted, promised) = (docs.Json(adopt).Summary, docs.Json(dry).Summary);
        var (tagged, checks) = (adopted.Int("adopted"), adopted.Int("checked"));
        Assert.True(tagged + checks > 0, "adopt tagged nothing: the set proves nothing");
        // The dry run promises what the write does, and verify then finds exactly that, with nothing failed or skipped.
        Assert.Equal((tagged, checks), (promised.Int("adopted"), promised.Int("checked")));
        Assert.Equal((before.Passed + tagged, before.Checked + checks, before.Failed, 0), after);
    }

    private (int Passed, int Checked, int Failed, int Skipped) VerifyCounts(AdoptInProcess docs)
    {
        var verify = docs.Verify();
        output.WriteLine($"$ verify\n{verify.Output}");
        var summary = verify.Json().Summary;
        return (summary.Int("passed"), summary.Int("checked"), summary.Int("failed"), summary.Int("skipped"));
    }
}
