using System.Text.Json;
using System.Text.RegularExpressions;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Cli;

/// <summary>
/// Issue 45: <c>outdated</c> verifies the posts again on the newest versions of the packages they pin, says which
/// blocks would rot, and <c>--write</c> moves only the pins whose blocks all still pass; <c>verify --packages newest</c>
/// is an ordinary verify on those versions. Through the real CLI, its sources and package cache.
/// </summary>
[TakesSeconds(25)]
public sealed partial class OutdatedTests
{
    /// <summary>AutoMapper 8 has the static <c>Mapper.Initialize</c>; later versions do not. Newtonsoft.Json 12 → 13 breaks nothing here.</summary>
    private const string Post = """
        # Mapping

        <!-- snippetcheck: run packages=AutoMapper@8.0.0 -->
        ```csharp
        using AutoMapper;

        Mapper.Initialize(cfg => cfg.CreateMap<Source, Target>());
        var target = Mapper.Map<Target>(new Source { Name = "Ada" });
        Console.WriteLine(target.Name);

        class Source { public string Name { get; set; } = ""; }
        class Target { public string Name { get; set; } = ""; }
        ```

        ```text
        Ada
        ```

        ```csharp run
        #:package Newtonsoft.Json@12.0.3
        Console.WriteLine(Newtonsoft.Json.JsonConvert.SerializeObject(new[] { 1, 2 }));
        ```

        ```text
        [1,2]
        ```

        A block that pins nothing is not verified again:

        ```csharp run
        Console.WriteLine(6 * 7);
        ```

        ```text
        42
        ```
        """;

    [GeneratedRegex(@"#:package Newtonsoft\.Json@(?<version>\d+\.\d+\.\d+)")]
    private static partial Regex NewtonsoftDirective();

    [Fact]
    public void A_post_that_passes_on_its_old_pin_fails_on_the_newest_at_the_calls_line_and_write_moves_only_the_pin_whose_blocks_pass()
    {
        using var folder = new TempFolder();
        folder.Write("post.md", Post);
        Assert.Equal(0, CliRunner.Run(folder.Path, "verify").ExitCode);

        var outdated = CliRunner.Run(folder.Path, "outdated");

        Assert.True(outdated.ExitCode == 1, outdated.Output);
        Assert.Matches(@"post\.md\(7,\d+\): error CS0117: 'Mapper' does not contain a definition for 'Initialize' \(passes on AutoMapper 8\.0\.0, fails on \d+\.\d+\.\d+\)", outdated.Stdout);
        Assert.Matches(@"AutoMapper +8\.0\.0 +\d+\.\d+\.\d+ +post\.md\(3,1\) tag +0 +1 +stays: 1 block\(s\) fail on", outdated.Stdout);
        Assert.Matches(@"Newtonsoft\.Json +12\.0\.3 +13\.\d+\.\d+ +post\.md\(20,1\) directive +1 +0 +can move \(--write\)", outdated.Stdout);
        Assert.Equal(Post, File.ReadAllText(Path.Combine(folder.Path, "post.md")));

        var write = CliRunner.Run(folder.Path, "outdated", "--write", "--report", "json=outdated.json");

        Assert.True(write.ExitCode == 1, write.Output);
        var text = File.ReadAllText(Path.Combine(folder.Path, "post.md"));
        var moved = NewtonsoftDirective().Match(text).Groups["version"].Value;
        Assert.StartsWith("13.", moved);
        // Only the version of the passing pin changed, byte for byte; the rotting pin stays for its author to mend.
        Assert.Equal(Post.Replace("Newtonsoft.Json@12.0.3", $"Newtonsoft.Json@{moved}", StringComparison.Ordinal), text);
        Assert.Contains($"moved to {moved}", write.Stdout);

        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder.Path, "outdated.json")));
        var autoMapper = report.RootElement.GetProperty("pins").EnumerateArray().Single(p => p.GetProperty("package").GetString() == "AutoMapper");
        var failure = autoMapper.GetProperty("nowFail").EnumerateArray().Single();
        Assert.Equal(4, failure.GetProperty("line").GetInt32());
        Assert.Equal("CS0117", failure.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(7, failure.GetProperty("error").GetProperty("line").GetInt32());
        Assert.Equal(JsonValueKind.Null, autoMapper.GetProperty("written").ValueKind);
        Assert.Equal(2, report.RootElement.GetProperty("summary").GetProperty("reverified").GetInt32());

        // The moved pin is the newest now; a second run the same day asks no source for versions.
        var again = CliRunner.Run(folder.Path, "outdated", "--report", "json=again.json");
        Assert.True(again.ExitCode == 1, again.Output);
        using var second = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder.Path, "again.json")));
        Assert.Equal(0, second.RootElement.GetProperty("summary").GetProperty("requests").GetInt32());
        var newtonsoft = second.RootElement.GetProperty("pins").EnumerateArray().Single(p => p.GetProperty("package").GetString() == "Newtonsoft.Json");
        Assert.Equal(moved, newtonsoft.GetProperty("newest").GetString());
        Assert.Matches(@"Newtonsoft\.Json +13\.\d+\.\d+ +13\.\d+\.\d+ +post\.md\(20,1\) directive +1 +0 +newest", again.Stdout);
    }

    [Fact]
    public void Verify_with_the_newest_packages_fails_the_rotting_block_and_names_the_version_each_block_used()
    {
        using var folder = new TempFolder();
        folder.Write("post.md", Post);

        var verify = CliRunner.Run(folder.Path, "verify", "--packages", "newest", "--report", "json=verify.json");

        Assert.True(verify.ExitCode == 1, verify.Output);
        Assert.Matches(@"post\.md\(7,\d+\): error CS0117 with AutoMapper@\d+\.\d+\.\d+: 'Mapper' does not contain a definition for 'Initialize'", verify.Stdout);
        Assert.Matches(@"pins read as their newest versions: AutoMapper@\d+\.\d+\.\d+, Newtonsoft\.Json@13\.\d+\.\d+", verify.Stdout);
        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder.Path, "verify.json")));
        var snippets = report.RootElement.GetProperty("snippets").EnumerateArray().ToList();
        Assert.Equal(0, snippets[^1].GetProperty("packages").GetArrayLength());
        var versions = snippets.SkipLast(1)
            .Select(s => s.GetProperty("packages").EnumerateArray().Single())
            .ToDictionary(p => p.GetProperty("id").GetString()!, p => p.GetProperty("version").GetString()!);
        Assert.NotEqual("8.0.0", versions["AutoMapper"]);
        Assert.StartsWith("13.", versions["Newtonsoft.Json"]);
        // The post itself is not touched, and verifies on its pins as before.
        Assert.Equal(0, CliRunner.Run(folder.Path, "verify").ExitCode);

        var watch = CliRunner.Run(folder.Path, "verify", "--packages", "newest", "--watch");
        Assert.Equal(2, watch.ExitCode);
        Assert.Contains("--packages newest cannot be combined with --watch", watch.Stderr);
    }

    [Fact]
    public void A_config_pin_and_a_session_pin_move_in_their_one_place_when_every_block_they_reach_passes()
    {
        using var folder = new TempFolder();
        const string config = """
            {
              "packages": ["Humanizer.Core@2.14.1"]
            }
            """;
        folder.Write("snippetcheck.json", config);
        const string post = """
            # Words

            ```csharp run
            using Humanizer;
            Console.WriteLine("some_title".Humanize());
            ```

            ```text
            Some title
            ```

            ```csharp run session=json
            #r "nuget: Newtonsoft.Json, 12.0.3"
            var json = Newtonsoft.Json.JsonConvert.SerializeObject(new { A = 1 });
            ```

            ```csharp run session=json
            Console.WriteLine(json);
            ```

            ```text
            {"A":1}
            ```
            """;
        folder.Write("post.md", post);

        var write = CliRunner.Run(folder.Path, "outdated", "--write", "--report", "json=outdated.json");

        Assert.True(write.ExitCode == 0, write.Output);
        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder.Path, "outdated.json")));
        var pins = report.RootElement.GetProperty("pins").EnumerateArray().ToDictionary(p => p.GetProperty("package").GetString()!);
        Assert.Equal("config", pins["Humanizer.Core"].GetProperty("place").GetString());
        Assert.Equal((2, 17), (pins["Humanizer.Core"].GetProperty("line").GetInt32(), pins["Humanizer.Core"].GetProperty("column").GetInt32()));
        // The config's pin reaches the blocks that do not pin Humanizer.Core themselves: the session's too.
        Assert.Equal(3, pins["Humanizer.Core"].GetProperty("stillPass").GetArrayLength());
        // One #r line pins the whole session: both its blocks are verified on the newest version.
        Assert.Equal(2, pins["Newtonsoft.Json"].GetProperty("stillPass").GetArrayLength());
        var humanizer = pins["Humanizer.Core"].GetProperty("newest").GetString()!;
        var newtonsoft = pins["Newtonsoft.Json"].GetProperty("newest").GetString()!;
        Assert.NotEqual("2.14.1", humanizer);
        Assert.Equal(config.Replace("2.14.1", humanizer, StringComparison.Ordinal), File.ReadAllText(Path.Combine(folder.Path, "snippetcheck.json")));
        Assert.Equal(post.Replace("Newtonsoft.Json, 12.0.3", $"Newtonsoft.Json, {newtonsoft}", StringComparison.Ordinal), File.ReadAllText(Path.Combine(folder.Path, "post.md")));
        Assert.Equal(0, CliRunner.Run(folder.Path, "verify").ExitCode);
    }

    [Fact]
    public void A_package_whose_newest_version_does_not_restore_for_the_framework_is_checked_on_the_newest_that_does()
    {
        using var folder = new TempFolder();
        const string post = """
            # Options

            ```csharp run
            #:package Microsoft.EntityFrameworkCore@10.0.14
            var builder = new Microsoft.EntityFrameworkCore.DbContextOptionsBuilder();
            Console.WriteLine(builder.IsConfigured);
            ```

            ```text
            False
            ```
            """;
        folder.Write("post.md", post);

        var outdated = CliRunner.Run(folder.Path, "outdated");

        Assert.True(outdated.ExitCode == 0, outdated.Output);
        Assert.Matches(@"Microsoft\.EntityFrameworkCore +10\.0\.14 +10\.0\.\d+ ", outdated.Stdout);
        Assert.Matches(@"post\.md\(4,1\): note: Microsoft\.EntityFrameworkCore 11\.\S+ does not restore for net10\.0", outdated.Stdout);

        // The restore that failed is not kept by the restorer, but the answer is: a second run asks the sources nothing.
        var again = CliRunner.Run(folder.Path, "outdated");
        Assert.True(again.ExitCode == 0, again.Output);
        Assert.Contains(", 0 requests to the sources", again.Stdout);
    }

    [Fact]
    public void A_block_verified_only_on_an_older_framework_is_verified_again_on_the_newest_the_sdk_offers_and_write_leaves_the_framework_alone()
    {
        using var folder = new TempFolder();
        const string post = """
            ---
            snippetcheck:
              frameworks: [net8.0]
            ---
            # Versions

            ```csharp run
            Console.WriteLine(Environment.Version.Major);
            ```

            ```output
            8
            ```

            ```csharp run
            #:property TargetFramework=net8.0
            Console.WriteLine(string.Join(",", new[] { 3, 1, 2 }.Order()));
            ```

            ```output
            1,2,3
            ```
            """;
        folder.Write("post.md", post);
        Assert.Equal(0, CliRunner.Run(folder.Path, "verify").ExitCode);

        var outdated = CliRunner.Run(folder.Path, "outdated", "--write");

        Assert.True(outdated.ExitCode == 1, outdated.Output);
        Assert.Matches(@"\.NET +net8\.0 +net10\.0 +post\.md\(7,1\) framework +1 +1 +1 block\(s\) fail on net10\.0", outdated.Stdout);
        Assert.Contains("post.md(7,1): error SC2001: output differs from the output block at line 11 (passes on .NET net8.0, fails on net10.0)", outdated.Stdout);
        Assert.Equal(post, File.ReadAllText(Path.Combine(folder.Path, "post.md")));
    }

    [Fact]
    public void Previews_count_as_newer_versions_only_with_prerelease()
    {
        using var folder = new TempFolder();
        folder.Write("post.md", """
            # Previews

            ```csharp run
            #:package Newtonsoft.Json@13.0.3
            Console.WriteLine(Newtonsoft.Json.JsonConvert.SerializeObject(new[] { 1, 2 }));
            ```

            ```text
            [1,2]
            ```
            """);

        var stable = CliRunner.Run(folder.Path, "outdated", "--report", "json=stable.json");
        var preview = CliRunner.Run(folder.Path, "outdated", "--prerelease", "--report", "json=preview.json");

        Assert.True(stable.ExitCode == 0, stable.Output);
        Assert.True(preview.ExitCode == 0, preview.Output);
        string Newest(string file)
        {
            using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder.Path, file)));
            return report.RootElement.GetProperty("pins").EnumerateArray().Single().GetProperty("newest").GetString()!;
        }
        Assert.DoesNotContain('-', Newest("stable.json"));
        // The source lists a preview above the newest stable version (Newtonsoft.Json 14.0.1-beta2), and it restores.
        Assert.Contains('-', Newest("preview.json"));
    }

    [Fact]
    public void A_pin_no_source_lists_is_nothing_resolved_and_exits_2_and_posts_without_pins_exit_0()
    {
        using var folder = new TempFolder();
        folder.Write("post.md", """
            # Nowhere

            ```csharp compile packages=No.Such.Package.Xyz@1.0.0
            Console.WriteLine(1);
            ```
            """);

        var outdated = CliRunner.Run(folder.Path, "outdated");

        Assert.True(outdated.ExitCode == 2, outdated.Output);
        Assert.Contains("post.md(3,1): note: no source lists No.Such.Package.Xyz", outdated.Stdout);

        folder.Write("post.md", "# Plain\n\n```csharp run\nConsole.WriteLine(1);\n```\n\n```text\n1\n```\n");
        var plain = CliRunner.Run(folder.Path, "outdated");
        Assert.True(plain.ExitCode == 0, plain.Output);
        Assert.Contains("no package pins: nothing to look up", plain.Stdout);
    }
}
