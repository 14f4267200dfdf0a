using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Cli;

/// <summary>
/// Issue 54, "no hollow protection": <c>adopt</c> proposes no tag that says more was checked than was. Through the real
/// CLI, on a post of the kinds real docs hold.
/// </summary>
public sealed class AdoptHollowTests
{
    private const string Post = """
        # Hollow

        ```csharp
        public const long BytesInGibibyte = 1073741824;
        ```

        ```csharp
        public static int Twice(int value) => value * 2;
        ```

        ```csharp
        RuleFor(x => x.Surname).NotEqual("foo", StringComparer.OrdinalIgnoreCase);
        ```

        ```csharp
        int Compute(Order order)
        {
            ...
        }
        ```

        ```csharp
        var json = System.Text.Json.JsonSerializer.Serialize(order);
        ```
        """;

    [Fact]
    public void Adopt_tags_no_block_that_binds_nothing_of_what_it_is_about()
    {
        using var folder = new TempFolder();
        folder.Write("post.md", Post);

        var run = CliRunner.Run(folder.Path, "adopt", "--write");

        Assert.Equal(0, run.ExitCode);
        var lines = File.ReadAllLines(Path.Combine(folder.Path, "post.md"));
        string? TagAbove(string code) => Array.FindIndex(lines, l => l.Contains(code, StringComparison.Ordinal)) is var at and > 1
            && lines[at - 2].StartsWith("<!-- snippetcheck:", StringComparison.Ordinal) ? lines[at - 2] : null;
        // Constants of built-in types with literal values compile whatever the library holds.
        Assert.Null(TagAbove("BytesInGibibyte"));
        Assert.Contains("only lists constants or fields of built-in types", run.Stdout);
        Assert.Equal("<!-- snippetcheck: compile members -->", TagAbove("Twice"));
        // Only a framework name handed to an unknown rule method binds; only a hole's filler binds.
        Assert.Null(TagAbove("RuleFor"));
        Assert.Null(TagAbove("int Compute"));
        Assert.Equal("<!-- snippetcheck: check -->", TagAbove("JsonSerializer"));
    }
}
