using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Cli;

/// <summary>
/// Issue 17, part 3: <c>snippetcheck adopt</c> on Samples/adopt, three posts written the way blogs are (fragments,
/// declarations, runnable blocks with and without a matching output fence, list and quote nesting).
/// </summary>
[TakesSeconds(25)]
public sealed partial class AdoptCommandTests
{
    private static readonly string[] Posts = ["async-pitfalls.md", "channels.md", "linq-tips.md"];

    // 7 compile (1 of them members; 1 starts a Task.Run it never awaits) + 9 run (1 of them with a hidden using) are adopted; linq-tips.md already has one
    // block tagged compile and one ignore.
    private const int Adopted = 16;

    // One more fragment calls a real API on a name the posts never declare: tagged check, counted apart. Three others bind
    // nothing of their own (orders.Any() and builder.Services.AddSingleton(...) on unknown receivers) or make their first
    // call on one (cache.TryGetValue(...), where a misspelt method would pass): not checked (issue 54).
    private const int Checked = 1;

    private static readonly string[] Table =
    [
        "file               blocks  would-compile  would-run  would-get-output  would-check  still-failing",
        "async-pitfalls.md       7              4          1                 1            0              2",
        "channels.md            10              1          5                 2            1              3",
        "linq-tips.md            7              2          3                 2            0              2",
        "total                  24              7          9                 5            1              7",
        "top error codes:",
    ];

    [GeneratedRegex(@"^[ >]*<!-- snippetcheck: (compile|compile members|run|run usings=System.Threading.Channels|check|check usings=System.Threading.Channels|output) -->$")]
    private static partial Regex TagLine();

    private static TempFolder CopySamples()
    {
        var folder = new TempFolder();
        foreach (var post in Posts) folder.CopySample(Path.Combine("adopt", post), post);
        return folder;
    }

    private static Dictionary<string, byte[]> Snapshot(TempFolder folder) =>
        Posts.ToDictionary(p => p, p => File.ReadAllBytes(Path.Combine(folder.Path, p)));

    [Fact]
    [Trait("Category", "Fast")]
    public void The_dry_run_prints_the_table_and_changes_no_post()
    {
        using var folder = CopySamples();
        var before = Snapshot(folder);

        var run = CliRunner.Run(folder.Path, "adopt");

        Assert.Equal(0, run.ExitCode);
        var lines = run.Stdout.TrimEnd('\n').Split('\n');
        Assert.Equal(Table, lines.Take(Table.Length));
        Assert.Contains("      7  CS0103  e.g. async-pitfalls.md(6,14): The name 'GetAsync' does not exist in the current context", lines);
        Assert.Matches(@"^adopt: would tag 16 of 24 untagged C# blocks \(7 compile, 9 run, 5 with an output block, 1 as members, 1 with hidden usings\); 1 more to check only \(the check level: names the post never declares are tolerated; checked, not verified\) in 3 files; 7 still fail; in [0-9.]+s\. Dry run: nothing was written; 'snippetcheck adopt --write' inserts the tags$", lines[^1]);
        foreach (var (post, bytes) in Snapshot(folder)) Assert.Equal(before[post], bytes);
    }

    [Fact]
    [Trait("Category", "Fast")]
    public void Write_inserts_only_comment_lines_and_verify_then_passes_with_exactly_the_adopted_blocks()
    {
        using var folder = CopySamples();
        var before = Snapshot(folder);

        var write = CliRunner.Run(folder.Path, "adopt", "--write");

        Assert.Equal(0, write.ExitCode);
        Assert.Matches(@"adopt: tagged 16 of 24 untagged C# blocks \(7 compile, 9 run, 5 with an output block, 1 as members, 1 with hidden usings\); 1 more to check only \(.*\) in 3 files; 7 still fail and stay untagged", write.Stdout);
        var inserted = new List<string>();
        foreach (var post in Posts)
        {
            var old = Encoding.UTF8.GetString(before[post]).Split('\n');
            var now = File.ReadAllText(Path.Combine(folder.Path, post)).Split('\n');
            var added = now.Where(l => TagLine().IsMatch(l)).ToList();
            Assert.DoesNotContain(old, l => TagLine().IsMatch(l));
            // Take the tag lines away and the post is what it was, line for line.
            Assert.Equal(old, now.Where(l => !TagLine().IsMatch(l)));
            inserted.AddRange(added);
        }
        Assert.Equal(Adopted + Checked + 5, inserted.Count);
        Assert.Contains("   <!-- snippetcheck: output -->", inserted);   // in a list item
        Assert.Contains("> <!-- snippetcheck: output -->", inserted);     // in a block quote
        Assert.Contains("  > <!-- snippetcheck: run -->", inserted);      // a quote in a list item

        var verify = CliRunner.Run(folder.Path, "verify", "--no-cache", "--report", "json=report.json");

        Assert.Equal(0, verify.ExitCode);
        Assert.StartsWith($"{Adopted + 1} passed, {Checked} checked, 0 failed, 1 ignored, 7 untagged (26 C# blocks in 3 files)", verify.Stdout.TrimEnd('\n').Split('\n')[^1]);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder.Path, "report.json")));
        var snippets = json.RootElement.GetProperty("snippets").EnumerateArray().ToList();
        Assert.Equal(5, snippets.Count(s => s.GetProperty("status").GetString() == "passed" && s.GetProperty("expectedOutput").ValueKind == JsonValueKind.String));
        Assert.Equal(9, snippets.Count(s => s.GetProperty("status").GetString() == "passed" && s.GetProperty("kind").GetString() == "run"));

        // Adopting again finds nothing more to tag, and writes nothing.
        var after = Snapshot(folder);
        var again = CliRunner.Run(folder.Path, "adopt", "--write");
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("adopt: tagged 0 of 7 untagged C# blocks (0 compile, 0 run, 0 with an output block) in 0 files; 7 still fail", again.Stdout);
        foreach (var (post, bytes) in Snapshot(folder)) Assert.Equal(after[post], bytes);
    }

    [Fact]
    public void Write_keeps_every_byte_of_crlf_and_bom_posts_with_list_and_quote_nesting()
    {
        using var folder = new TempFolder();
        var originals = new Dictionary<string, byte[]>();
        foreach (var post in Posts)
        {
            var text = File.ReadAllText(Samples.PathOf(Path.Combine("adopt", post))).Replace("\n", "\r\n", StringComparison.Ordinal);
            byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)];
            File.WriteAllBytes(Path.Combine(folder.Path, post), bytes);
            originals[post] = bytes;
        }

        var write = CliRunner.Run(folder.Path, "adopt", "--write");

        Assert.Equal(0, write.ExitCode);
        var tags = 0;
        foreach (var post in Posts)
        {
            var bytes = File.ReadAllBytes(Path.Combine(folder.Path, post));
            Assert.True(bytes.AsSpan().StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }), $"{post} lost its BOM");
            var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
            Assert.DoesNotMatch("[^\r]\n", text);
            var lines = text.Split("\r\n");
            tags += lines.Count(l => TagLine().IsMatch(l));
            // Without the inserted lines (each with its CRLF), the bytes are the original bytes.
            var without = string.Join("\r\n", lines.Where(l => !TagLine().IsMatch(l)));
            Assert.Equal(originals[post], [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(without)]);
        }
        Assert.Equal(Adopted + Checked + 5, tags);

        var verify = CliRunner.Run(folder.Path, "verify", "--no-cache");
        Assert.Equal(0, verify.ExitCode);
        Assert.StartsWith($"{Adopted + 1} passed, {Checked} checked, 0 failed", verify.Stdout.TrimEnd('\n').Split('\n')[^1]);
    }

    [Fact]
    public void A_block_that_prints_a_new_guid_each_run_would_run_with_its_output_block_as_verify_scrubs_guids()
    {
        using var folder = new TempFolder();
        var markdown = "```csharp\nConsole.WriteLine(Guid.NewGuid());\n```\n\n```text\n3f2504e0-4f89-11d3-9a0c-0305e82c3301\n```\n";
        folder.Write("guid.md", markdown);

        var run = CliRunner.Run(folder.Path, "adopt", "--write");

        Assert.True(run.ExitCode == 0, run.Output);
        // Each run prints another GUID, and the post a third: all alike through the default scrubbers, as verify compares.
        Assert.Equal("<!-- snippetcheck: run -->\n```csharp\nConsole.WriteLine(Guid.NewGuid());\n```\n\n<!-- snippetcheck: output -->\n```text\n3f2504e0-4f89-11d3-9a0c-0305e82c3301\n```\n",
            File.ReadAllText(Path.Combine(folder.Path, "guid.md")));
        var verified = CliRunner.Run(folder.Path, "verify", "--no-cache");
        Assert.True(verified.ExitCode == 0, verified.Output);
    }

    /// <summary>
    /// Issue 42: a Dictionary written from Parallel.For ran clean in both of adopt's runs and threw in the verify right
    /// after it (realworld, AsyncGuidance.md, under load). A block that starts parallel work is tagged compile, with a note;
    /// one that awaits its one task on the spot is no such block.
    /// </summary>
    [Fact]
    public void A_block_that_starts_parallel_work_is_tagged_compile_with_a_note_however_quietly_it_ran()
    {
        using var folder = new TempFolder();
        const string parallel = "```csharp\nvar seen = new System.Collections.Concurrent.ConcurrentBag<int>();\nParallel.For(0, 4, i => seen.Add(i));\nConsole.WriteLine(seen.Count);\n```\n";
        const string awaited = "```csharp\nvar answer = await Task.Run(() => 42);\nConsole.WriteLine(answer);\n```\n";
        folder.Write("threads.md", parallel + "\n" + awaited);

        var run = CliRunner.Run(folder.Path, "adopt", "--write");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("threads.md(1,1): starts parallel work (Parallel.For): tagged compile", run.Output);
        Assert.Equal("<!-- snippetcheck: compile -->\n" + parallel + "\n<!-- snippetcheck: run -->\n" + awaited, File.ReadAllText(Path.Combine(folder.Path, "threads.md")));
    }

    [Fact]
    public void A_block_whose_two_runs_print_different_output_is_tagged_compile_a_clock_reader_is_run_unchecked_and_a_guid_is_no_such_difference()
    {
        using var folder = new TempFolder();
        // A string's hash code is randomised per process: nothing in the code says its output varies.
        const string hashed = "```csharp\nConsole.WriteLine(\"post\".GetHashCode());\n```\n";
        const string guid = "```csharp\nConsole.WriteLine($\"id {Guid.NewGuid()}\");\n```\n";
        // Issue 75: reads the clock, so it is run without comparing output, whether or not its two runs printed alike
        // (a tick difference printed "1" twice in one cold adopt of realworld and "1" then "2" in the next).
        const string clock = "```csharp\nvar start = DateTime.UtcNow;\nConsole.WriteLine((DateTime.UtcNow - start).Ticks >= 0);\n```\n\n```txt\nTrue\n```\n";
        const string random = "```csharp\nConsole.WriteLine(Random.Shared.NextInt64());\n```\n\n```txt\n42\n```\n";
        folder.Write("varies.md", hashed + "\n" + guid + "\n" + clock + "\n" + random);

        var run = CliRunner.Run(folder.Path, "adopt", "--write", "--report", "json=adopt.json");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("varies.md(1,1): runs, but printed something else on its second run", run.Output);
        Assert.Contains("varies.md(9,1): reads DateTime.UtcNow, so what it prints varies from run to run: tagged run", run.Output);
        Assert.Contains("varies.md(18,1): reads Random.Shared, so what it prints varies", run.Output);
        using (var report = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(folder.Path, "adopt.json"))))
        {
            var blocks = report.RootElement.GetProperty("blocks").EnumerateArray().ToList();
            Assert.Equal(["compile", "run", "run", "run"], blocks.Select(b => b.GetProperty("tag").GetString()));
            Assert.StartsWith("runs, but printed something else", blocks[0].GetProperty("notes")[0].GetString());
            Assert.False(blocks[1].TryGetProperty("notes", out _));
            // Not rot: a varying program's output says nothing about the text's.
            Assert.Equal(0, report.RootElement.GetProperty("suspectedRot").GetArrayLength());
        }
        // A race that printed in another order may as well throw next time; a GUID is what the default scrubbers hide;
        // the clock's and the random block's output blocks stay untagged, though the clock's happened to match.
        Assert.Equal(
            "<!-- snippetcheck: compile -->\n" + hashed + "\n<!-- snippetcheck: run -->\n" + guid + "\n<!-- snippetcheck: run -->\n" + clock +
            "\n<!-- snippetcheck: run -->\n" + random, File.ReadAllText(Path.Combine(folder.Path, "varies.md")));
        var verified = CliRunner.Run(folder.Path, "verify", "--no-cache");
        Assert.True(verified.ExitCode == 0, verified.Output);
    }
}

/// <summary>Issue 26, part 1: <c>adopt</c> proposes <c>compile members</c> for members a post shows out of their class.</summary>
public sealed class AdoptMembersTests
{
    [Fact]
    public void Members_outside_a_type_are_tagged_compile_members_and_a_broken_one_stays_untagged()
    {
        using var folder = new TempFolder();
        const string post = """
            # Members

            ```csharp
            public decimal Total(IEnumerable<decimal> prices) => prices.Sum();
            ```

            - In a list:

              ```csharp
              private readonly List<string> _names = [];
              public IReadOnlyList<string> Names => _names;
              ```

            ```csharp
            public int Broken() => missing;
            ```
            """;
        folder.Write("post.md", post);

        var write = CliRunner.Run(folder.Path, "adopt", "--write");

        Assert.True(write.ExitCode == 0, write.Output);
        Assert.Contains("(2 compile, 0 run, 0 with an output block, 2 as members)", write.Stdout);
        var expected = post
            .Replace("```csharp\npublic decimal", "<!-- snippetcheck: compile members -->\n```csharp\npublic decimal", StringComparison.Ordinal)
            .Replace("  ```csharp\n  private", "  <!-- snippetcheck: compile members -->\n  ```csharp\n  private", StringComparison.Ordinal);
        Assert.Equal(expected, File.ReadAllText(Path.Combine(folder.Path, "post.md")));

        var verify = CliRunner.Run(folder.Path, "verify", "--no-cache", "--report", "json=report.json");
        Assert.True(verify.ExitCode == 0, verify.Output);
        var report = JsonReport.Load(Path.Combine(folder.Path, "report.json"));
        Assert.Equal(["members", "members"], report.Snippets.Where(s => s.Str("status") == "passed").Select(s => s.Str("wrapped")));
        Assert.Equal(1, report.Summary.Int("untagged"));
    }
}

public sealed class AdoptCacheTests
{
    [Fact]
    public void What_adopt_passed_as_members_or_with_a_package_never_answers_for_the_block_as_written()
    {
        using var folder = new TempFolder();
        folder.Write("post.md", """
            # Members

            ```csharp
            public decimal Total(IEnumerable<decimal> prices) => prices.Sum();
            ```
            """);

        // The dry run passes the block as members, into the result cache; the block as written is not members, and
        // 'verify --all' must compile it as written, from the same cache.
        var adopt = CliRunner.Run(folder.Path, "adopt");
        Assert.True(adopt.ExitCode == 0, adopt.Output);
        Assert.Contains("(1 compile, 0 run, 0 with an output block, 1 as members)", adopt.Stdout);

        var all = CliRunner.Run(folder.Path, "verify", "--all");
        Assert.Equal(1, all.ExitCode);
        Assert.Contains("0 passed, 1 failed", all.Stdout);
    }
}

/// <summary>Issue 26, part 2: <c>adopt</c> adds the usings a block lacks when each unknown name has one namespace.</summary>
public sealed class AdoptUsingsTests
{
    [Fact]
    public void A_block_that_lacks_only_usings_gets_them_hidden_and_an_ambiguous_name_gets_none_and_a_note()
    {
        using var folder = new TempFolder();
        const string post = """
            # Usings

            ```csharp
            var text = new StringBuilder("ab").Append('c').ToString();
            Console.WriteLine(Encoding.UTF8.GetByteCount(text));
            ```

            ```text
            3
            ```

            ```csharp
            public static string Timed(Stopwatch watch) => watch.Elapsed.ToString();
            ```

            ```csharp
            Console.WriteLine(typeof(Binder).Namespace);
            ```

            ```csharp
            Console.WriteLine(order.Total);
            ```
            """;
        folder.Write("post.md", post);

        var write = CliRunner.Run(folder.Path, "adopt", "--write");

        Assert.True(write.ExitCode == 0, write.Output);
        Assert.Contains("post.md(16,1): no using added: 'Binder' is a type in Microsoft.CSharp.RuntimeBinder and System.Reflection", write.Stdout);
        Assert.Contains("(1 compile, 1 run, 1 with an output block, 1 as members, 2 with hidden usings)", write.Stdout);
        var expected = post
            .Replace("```csharp\nvar text", "<!-- snippetcheck: run usings=System.Text -->\n```csharp\nvar text", StringComparison.Ordinal)
            .Replace("```text", "<!-- snippetcheck: output -->\n```text", StringComparison.Ordinal)
            .Replace("```csharp\npublic static", "<!-- snippetcheck: compile members usings=System.Diagnostics -->\n```csharp\npublic static", StringComparison.Ordinal)
            // A real call on a name the post never declares: checked, not verified.
            .Replace("```csharp\nConsole.WriteLine(order", "<!-- snippetcheck: check -->\n```csharp\nConsole.WriteLine(order", StringComparison.Ordinal);
        Assert.Equal(expected, File.ReadAllText(Path.Combine(folder.Path, "post.md")));

        var verify = CliRunner.Run(folder.Path, "verify", "--no-cache");
        Assert.True(verify.ExitCode == 0, verify.Output);
        Assert.StartsWith("2 passed, 1 checked, 0 failed, 0 ignored, 1 untagged", verify.Stdout.TrimEnd('\n').Split('\n')[^1]);

        // The hidden using is context, never a pass by itself: the post's output changes, and the block fails.
        File.WriteAllText(Path.Combine(folder.Path, "post.md"), expected.Replace("```text\n3", "```text\n4", StringComparison.Ordinal));
        Assert.Equal(1, CliRunner.Run(folder.Path, "verify", "--no-cache").ExitCode);
    }
}

/// <summary>Issue 42: a bare <c>WriteLine</c> or <c>Sqrt</c> gets the <c>using static</c> docs leave out (<c>usings=static:System.Console</c>).</summary>
public sealed class AdoptUsingStaticTests
{
    [Fact]
    public void Bare_console_and_math_members_get_a_hidden_using_static_at_every_level()
    {
        using var folder = new TempFolder();
        const string post = """
            # Bare names

            ```csharp
            WriteLine(Sqrt(16));
            ```

            ```text
            4
            ```

            ```csharp
            WriteLine(order.Total);
            ```
            """;
        folder.Write("post.md", post);

        var write = CliRunner.Run(folder.Path, "adopt", "--write");

        Assert.True(write.ExitCode == 0, write.Output);
        var expected = post
            .Replace("```csharp\nWriteLine(Sqrt", "<!-- snippetcheck: run usings=static:System.Console,static:System.Math -->\n```csharp\nWriteLine(Sqrt", StringComparison.Ordinal)
            .Replace("```text", "<!-- snippetcheck: output -->\n```text", StringComparison.Ordinal)
            .Replace("```csharp\nWriteLine(order", "<!-- snippetcheck: check usings=static:System.Console -->\n```csharp\nWriteLine(order", StringComparison.Ordinal);
        Assert.Equal(expected, File.ReadAllText(Path.Combine(folder.Path, "post.md")));
        var verify = CliRunner.Run(folder.Path, "verify", "--no-cache");
        Assert.True(verify.ExitCode == 0, verify.Output);
        Assert.StartsWith("1 passed, 1 checked, 0 failed", verify.Stdout.TrimEnd('\n').Split('\n')[^1]);

        // The using static binds the call; a renamed member still fails the checked block.
        File.WriteAllText(Path.Combine(folder.Path, "post.md"), expected.Replace("WriteLine(order", "WriteLin(order", StringComparison.Ordinal));
        Assert.Equal(1, CliRunner.Run(folder.Path, "verify", "--no-cache").ExitCode);
    }
}

public sealed class AdoptDeclaredNameTests
{
    [Fact]
    public void A_name_the_post_declares_is_never_taken_from_the_framework()
    {
        // System.Windows.Input has an ICommand too; the post means its own, so the block joins it in a session.
        using var folder = new TempFolder();
        folder.Write("post.md", "# Commands\n\n```csharp\ninterface ICommand { void Execute(); }\n```\n\n```csharp\nICommand? command = null;\nConsole.WriteLine(command is null);\n```\n");

        var write = CliRunner.Run(folder.Path, "adopt", "--write");

        Assert.True(write.ExitCode == 0, write.Output);
        var text = File.ReadAllText(Path.Combine(folder.Path, "post.md"));
        Assert.DoesNotContain("System.Windows.Input", text, StringComparison.Ordinal);
        Assert.Contains("session=", text, StringComparison.Ordinal);
    }
}

public sealed class AdoptExtensionUsingTests
{
    [Fact]
    public void A_missing_extension_method_gets_the_using_of_the_one_namespace_that_declares_it()
    {
        using var folder = new TempFolder();
        folder.Write("post.md", "# Immutable\n\n```csharp\nvar numbers = new[] { 3, 1, 2 }.ToImmutableArray();\nConsole.WriteLine(numbers.Length);\n```\n");

        var write = CliRunner.Run(folder.Path, "adopt", "--write");

        Assert.True(write.ExitCode == 0, write.Output);
        Assert.Contains("<!-- snippetcheck: run usings=System.Collections.Immutable -->\n```csharp\nvar numbers", File.ReadAllText(Path.Combine(folder.Path, "post.md")));
    }
}

/// <summary>Issue 26, part 4: a block that needs an earlier block's declarations is joined with it as a session.</summary>
public sealed class AdoptSessionTests
{
    [Fact]
    public void The_shortest_chain_of_earlier_blocks_becomes_a_session_passing_over_fragments_and_keeping_each_output_check()
    {
        using var folder = new TempFolder();
        const string post = """
            # A post that builds up

            ```csharp
            record Order(string Item, decimal Price);
            ```

            ```csharp
            var order = new Order("book", 12.5m);
            Console.WriteLine(order.Item);
            ```

            ```text
            book
            ```

            ```csharp
            var total = ...;
            ```

            ```csharp
            Console.WriteLine(order.Price * 2);
            ```

            ```text
            25.0
            ```

            ```csharp
            Console.WriteLine(missing);
            ```
            """;
        folder.Write("post.md", post);

        var write = CliRunner.Run(folder.Path, "adopt", "--write");

        Assert.True(write.ExitCode == 0, write.Output);
        Assert.Contains("3 in sessions with other blocks of their page", write.Stdout);
        var expected = post
            .Replace("```csharp\nrecord", "<!-- snippetcheck: compile session=adopt-1 -->\n```csharp\nrecord", StringComparison.Ordinal)
            .Replace("```csharp\nvar order", "<!-- snippetcheck: run session=adopt-1 -->\n```csharp\nvar order", StringComparison.Ordinal)
            .Replace("```csharp\nConsole.WriteLine(order", "<!-- snippetcheck: run session=adopt-1 -->\n```csharp\nConsole.WriteLine(order", StringComparison.Ordinal)
            .Replace("```text", "<!-- snippetcheck: output -->\n```text", StringComparison.Ordinal)
            // 'missing' is declared nowhere: the real call around it is checked. 'var total = ...;' binds nothing, and stays untagged.
            .Replace("```csharp\nConsole.WriteLine(missing", "<!-- snippetcheck: check -->\n```csharp\nConsole.WriteLine(missing", StringComparison.Ordinal);
        Assert.Equal(expected, File.ReadAllText(Path.Combine(folder.Path, "post.md")));
        var verify = CliRunner.Run(folder.Path, "verify", "--no-cache");
        Assert.True(verify.ExitCode == 0, verify.Output);
        Assert.StartsWith("3 passed, 1 checked, 0 failed, 0 ignored, 1 untagged", verify.Stdout.TrimEnd('\n').Split('\n')[^1]);

        // Mutants: a flipped output line, and a renamed property in an earlier block, each fail the joined block.
        var path = Path.Combine(folder.Path, "post.md");
        File.WriteAllText(path, expected.Replace("25.0", "26.0", StringComparison.Ordinal));
        Assert.Equal(1, CliRunner.Run(folder.Path, "verify", "--no-cache").ExitCode);
        File.WriteAllText(path, expected.Replace("decimal Price)", "decimal Cost)", StringComparison.Ordinal));
        Assert.Contains("error CS1061", CliRunner.Run(folder.Path, "verify", "--no-cache").Stdout);
    }

    [Fact]
    public void A_chain_that_would_change_what_an_earlier_block_prints_is_not_proposed()
    {
        using var folder = new TempFolder();
        // Joined, the second block's Math would turn the first block's Math.Max(1, 2) from 2 into 3.
        const string post = """
            ```csharp
            var greeting = "hi";
            Console.WriteLine(Math.Max(1, 2));
            ```

            ```text
            2
            ```

            ```csharp
            Console.WriteLine(greeting);

            static class Math
            {
                public static int Max(int a, int b) => a + b;
            }
            ```
            """;
        folder.Write("post.md", post);

        var write = CliRunner.Run(folder.Path, "adopt", "--write");

        Assert.True(write.ExitCode == 0, write.Output);
        Assert.Contains("adopt: tagged 1 of 2 untagged C# blocks (0 compile, 1 run, 1 with an output block)", write.Stdout);
        Assert.DoesNotContain("session=", File.ReadAllText(Path.Combine(folder.Path, "post.md")));
    }
}
