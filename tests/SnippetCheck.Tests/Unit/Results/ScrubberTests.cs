using SnippetCheck.Configuration;
using SnippetCheck.Results;
using SnippetCheck.Extraction.Snippets;

namespace SnippetCheck.Tests.Unit.Results;

/// <summary>Each built-in scrubber, what it must leave alone, placeholder numbering, and the comparison after scrubbing.</summary>
public sealed class ScrubberTests
{
    private static string Scrub(string text, params string[] names) => Scrubbing.For(names, []).Apply(text);

    [Theory]
    [InlineData("id 3f2504e0-4f89-41d3-9a0c-0305e82c3301 done", "id Guid_1 done")]         // D
    [InlineData("id 3F2504E04F8941D39A0C0305E82C3301", "id Guid_1")]                       // N, upper case
    [InlineData("id {3f2504e0-4f89-41d3-9a0c-0305e82c3301}", "id {Guid_1}")]               // B
    [InlineData("id (3f2504e0-4f89-41d3-9a0c-0305e82c3301)", "id (Guid_1)")]               // P
    [InlineData("v7 01936d3c-8a2b-7c4d-9e5f-0a1b2c3d4e5f", "v7 Guid_1")]
    public void Guids_in_every_standard_format_become_placeholders(string text, string scrubbed) =>
        Assert.Equal(scrubbed, Scrub(text));

    [Theory]
    [InlineData("md5 9e107d9d372bb6826bd81d3542a419d6")]                                   // 32 hex digits, but no GUID version/variant
    [InlineData("sha256 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    [InlineData("commit 3f2504e04f8941d39a0c0305e82c3301aa")]                              // longer than a GUID
    [InlineData("3f2504e0-4f89-41d3-9a0c-0305e82c3301-extra")]                             // part of a longer dashed name
    public void A_hash_is_not_a_guid(string text) => Assert.Equal(text, Scrub(text));

    [Theory]
    [InlineData("at 2026-11-23T08:42:44.1234567Z", "at Date_1")]                           // round-trip "o", UTC
    [InlineData("at 2026-11-23T08:42:44.1234567+01:00", "at Date_1")]                      // "o" with an offset
    [InlineData("at 2026-11-23T08:42:44", "at Date_1")]                                    // "s"
    [InlineData("at 2026-11-23 08:42:44Z", "at Date_1")]                                   // "u"
    [InlineData("on 2026-11-23.", "on Date_1.")]                                           // date only
    [InlineData("at 11/23/2026 08:42:44", "at Date_1")]                                    // invariant DateTime.ToString()
    [InlineData("at 11/23/2026 08:42:44 +00:00", "at Date_1")]                             // invariant DateTimeOffset.ToString()
    [InlineData("on 11/23/2026", "on Date_1")]                                             // invariant ToShortDateString()
    [InlineData("at Mon, 23 Nov 2026 08:42:44 GMT", "at Date_1")]                          // "r"
    public void Dates_and_times_become_placeholders(string text, string scrubbed) =>
        Assert.Equal(scrubbed, Scrub(text));

    [Fact]
    public void Dates_printed_by_the_runtime_itself_are_matched()
    {
        var now = new DateTimeOffset(2026, 11, 23, 8, 42, 44, 123, TimeSpan.FromHours(2));
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        Assert.Equal("Date_1", Scrub(now.UtcDateTime.ToString(invariant)));
        Assert.Equal("Date_1", Scrub(now.ToString(invariant)));
        Assert.Equal("Date_1", Scrub(now.ToString("o", invariant)));
        Assert.Equal("Date_1", Scrub(now.UtcDateTime.ToString("o", invariant)));
        Assert.Equal("Date_1", Scrub(now.ToString("r", invariant)));
    }

    [Theory]
    [InlineData("version 2024.1.0")]
    [InlineData("version 1.2.3")]
    [InlineData("SDK 10.0.100")]
    [InlineData("package 2026-11-23-preview.1")]                                            // a date inside a version label
    [InlineData("range 2026-13-45")]                                                        // no month 13
    [InlineData("ratio 12/31/99")]
    [InlineData("at 10:30")]
    public void A_version_number_is_not_a_date(string text) => Assert.Equal(text, Scrub(text));

    [Theory]
    [InlineData("took 12 ms", "took Duration_1")]
    [InlineData("took 12ms", "took Duration_1")]
    [InlineData("took 1.5 s", "took Duration_1")]
    [InlineData("took 250 µs", "took Duration_1")]
    [InlineData("elapsed 00:00:01.2345678", "elapsed Duration_1")]                          // TimeSpan "c"
    [InlineData("elapsed 0:00:01.5", "elapsed Duration_1")]                                 // TimeSpan "g"
    [InlineData("elapsed 1.02:03:04", "elapsed Duration_1")]                                // days
    public void Durations_are_scrubbed_when_named(string text, string scrubbed)
    {
        Assert.Equal(text, Scrub(text));
        Assert.Equal(scrubbed, Scrub(text, "duration"));
    }

    [Theory]
    [InlineData("12 items")]
    [InlineData("version 1.5")]
    [InlineData("5 messages")]
    public void A_count_is_not_a_duration(string text) => Assert.Equal(text, Scrub(text, "duration"));

    [Theory]
    [InlineData("at 0x7ffd4a3b2c10", "at Hex_1")]
    [InlineData("hash 1A2B3C4D", "hash Hex_1")]
    public void Hex_values_are_scrubbed_when_named(string text, string scrubbed)
    {
        Assert.Equal(text, Scrub(text));
        Assert.Equal(scrubbed, Scrub(text, "hex"));
    }

    [Theory]
    [InlineData("word deadbeef")]                                                           // letters only: a word
    [InlineData("count 12345678")]                                                          // digits only: a number
    [InlineData("name cafe-1234abcd")]
    public void Words_and_plain_numbers_are_not_hex(string text) => Assert.Equal(text, Scrub(text, "hex"));

    [Fact]
    public void Hash_codes_are_scrubbed_when_named_and_small_numbers_are_not()
    {
        Assert.Equal("hash HashCode_1 and HashCode_2", Scrub("hash 58225482 and -1730362548", "hashcode"));
        Assert.Equal("2026 items, 42 left", Scrub("2026 items, 42 left", "hashcode"));
        Assert.Equal("pi 3.1415926535", Scrub("pi 3.1415926535", "hashcode"));
    }

    [Fact]
    public void Numbers_are_scrubbed_when_named_but_not_versions_or_words()
    {
        Assert.Equal("sum Number_1, mean Number_2, delta Number_3.", Scrub("sum 385, mean 38.5, delta -2.", "number"));
        Assert.Equal("net10 on 1.2.3", Scrub("net10 on 1.2.3", "number"));
        Assert.Equal("sum 385", Scrub("sum 385"));
    }

    [Fact]
    public void The_snippets_own_work_and_temp_folders_become_placeholders()
    {
        var root = Path.Combine(Path.GetTempPath(), "snippetcheck-4242-0123456789abcdef0123", "r3");
        var text = $"cwd {Path.Combine(root, "runs", "7")}\ntemp {Path.Combine(root, "tmp", "7")}{Path.DirectorySeparatorChar}\nfile {Path.Combine(root, "runs", "7", "data.txt")}";
        Assert.Equal($"cwd WorkFolder_1\ntemp TempFolder_1{Path.DirectorySeparatorChar}\nfile WorkFolder_1{Path.DirectorySeparatorChar}data.txt", Scrub(text));
        Assert.Equal("/home/me/snippetcheck-tests/runs/1", Scrub("/home/me/snippetcheck-tests/runs/1"));
    }

    [Fact]
    public void Placeholders_are_numbered_by_first_appearance_and_the_same_value_gets_the_same_one()
    {
        const string a = "3f2504e0-4f89-41d3-9a0c-0305e82c3301", b = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
        Assert.Equal("Guid_1 Guid_2 Guid_1", Scrub($"{a} {b} {a}"));
        Assert.Equal("Guid_1 Guid_2 Guid_1", Scrub($"{b} {a} {b}"));
        // Each call starts afresh: both sides of a comparison are numbered on their own.
        Assert.Equal("Guid_1", Scrub(b));
    }

    [Fact]
    public void The_same_id_printed_twice_matches_two_other_equal_ids()
    {
        var expected = "created 3f2504e0-4f89-41d3-9a0c-0305e82c3301\nloaded 3f2504e0-4f89-41d3-9a0c-0305e82c3301";
        var sameTwice = "created 7c9e6679-7425-40de-944b-e07fc1f90ae7\nloaded 7c9e6679-7425-40de-944b-e07fc1f90ae7";
        Assert.True(OutputComparer.Compare(expected, sameTwice, OutputMatchMode.Exact, Scrubbing.Default).Matches);
    }

    [Fact]
    public void Two_different_ids_where_the_block_shows_one_id_twice_fail()
    {
        var expected = "created 3f2504e0-4f89-41d3-9a0c-0305e82c3301\nloaded 3f2504e0-4f89-41d3-9a0c-0305e82c3301";
        var twoIds = "created 7c9e6679-7425-40de-944b-e07fc1f90ae7\nloaded 16fd2706-8baf-433b-82eb-8c7fada847da";
        var result = OutputComparer.Compare(expected, twoIds, OutputMatchMode.Exact, Scrubbing.Default);
        Assert.False(result.Matches);
        Assert.Equal("  created Guid_1\n- loaded Guid_1\n+ loaded Guid_2", result.DiffText);
        // And the other way round: two ids in the block, the same one twice printed.
        Assert.False(OutputComparer.Compare(twoIds, expected, OutputMatchMode.Exact, Scrubbing.Default).Matches);
    }

    [Fact]
    public void Scrubbing_never_hides_a_difference_outside_the_scrubbed_values()
    {
        var expected = "order 3f2504e0-4f89-41d3-9a0c-0305e82c3301 total 10";
        Assert.False(OutputComparer.Compare(expected, "order 7c9e6679-7425-40de-944b-e07fc1f90ae7 total 11", OutputMatchMode.Exact, Scrubbing.Default).Matches);
        Assert.False(OutputComparer.Compare(expected, "order 7c9e6679-7425-40de-944b-e07fc1f90ae7 total 10", OutputMatchMode.Exact, Scrubbing.Off).Matches);
        // A value the block shows must be there: a GUID is no wildcard for text that is not one.
        Assert.False(OutputComparer.Compare(expected, "order none total 10", OutputMatchMode.Exact, Scrubbing.Default).Matches);
    }

    [Fact]
    public void Ellipsis_and_unordered_apply_to_the_scrubbed_lines()
    {
        var scrubbing = Scrubbing.For(["duration"], []);
        Assert.True(OutputComparer.Compare("start\n...\ndone in 5 ms", "start\nstep 1\nstep 2\ndone in 17 ms", OutputMatchMode.Ellipsis, scrubbing).Matches);
        Assert.True(OutputComparer.Compare("b 3f2504e0-4f89-41d3-9a0c-0305e82c3301\na", "a\nb 7c9e6679-7425-40de-944b-e07fc1f90ae7", OutputMatchMode.Unordered, Scrubbing.Default).Matches);
        Assert.False(OutputComparer.Compare("start\n...\ndone in 5 ms", "start\nstep 1\ndone in 17 ms", OutputMatchMode.Ellipsis, Scrubbing.Default).Matches);
    }

    [Fact]
    public void Unordered_numbers_values_whatever_order_the_lines_came_in_and_still_checks_identity()
    {
        const string a = "3f2504e0-4f89-41d3-9a0c-0305e82c3301", b = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
        const string c = "16fd2706-8baf-433b-82eb-8c7fada847da", d = "0b6e9a2c-1d3f-4e5a-9b7c-8d6e5f4a3b2c";
        var expected = $"worker {a}\nqueue {b}\nworker {a} done";
        Assert.True(OutputComparer.Compare(expected, $"queue {d}\nworker {c} done\nworker {c}", OutputMatchMode.Unordered, Scrubbing.Default).Matches);
        // The worker's id must be the same on both of its lines, and differ from the queue's.
        Assert.False(OutputComparer.Compare(expected, $"queue {d}\nworker {c} done\nworker {d}", OutputMatchMode.Unordered, Scrubbing.Default).Matches);
        Assert.False(OutputComparer.Compare(expected, $"queue {c}\nworker {c} done\nworker {c}", OutputMatchMode.Unordered, Scrubbing.Default).Matches);
    }

    [Fact]
    public void A_hint_scrubber_is_tried_in_its_place_in_the_order()
    {
        // With number on, duration must still run before it, or "12 ms" would become "Number_1 ms".
        var numbers = Scrubbing.For(["number"], []);
        Assert.Equal("Duration_1 for Number_1 items", numbers.With(Scrubbers.Duration).Apply("12 ms for 40 items"));
    }

    [Fact]
    public void None_turns_every_scrubber_off_and_custom_scrubbers_are_on_by_default()
    {
        Assert.True(Scrubbing.For(["duration", "none"], []).IsOff);
        var ticks = Scrubber.Custom("ticks", @"\d+ ticks", "N ticks");
        var scrubbing = Scrubbing.For([], [ticks]);
        Assert.Equal("after N ticks, Guid_1", scrubbing.Apply("after 1234 ticks, 3f2504e0-4f89-41d3-9a0c-0305e82c3301"));
        Assert.NotEqual(Scrubbing.Default.Key, scrubbing.Key);
        Assert.NotEqual(Scrubbing.For(["duration"], []).Key, Scrubbing.For(["hex"], []).Key);
    }

    [Fact]
    public void Every_name_scrub_accepts_is_a_built_in_scrubber()
    {
        Assert.Equal(Scrubbers.BuiltInNames.Where(n => n != Scrubbers.None).Order(),
            Scrubbers.OnByDefault.Concat(Scrubbers.OptIn).Select(s => s.Name).Distinct().Order());
    }

    [Fact]
    public void Custom_scrubbers_are_validated_when_the_config_is_read()
    {
        var config = ConfigLoader.Parse("c.json", """{ "scrubbers": [{ "name": "ticks", "pattern": "\\d+ ticks", "replacement": "N ticks" }], "scrub": ["ticks", "duration"] }""");
        Assert.Equal(new CustomScrubber("ticks", @"\d+ ticks", "N ticks"), Assert.Single(config.Scrubbers!));
        Assert.Equal(["ticks", "duration"], config.Scrub!);

        Assert.Contains("'scrubbers[0].pattern' is not a valid regular expression",
            Assert.Throws<ConfigException>(() => ConfigLoader.Parse("c.json", """{ "scrubbers": [{ "name": "t", "pattern": "(\\d+", "replacement": "N" }] }""")).Message);
        Assert.Contains("'scrubbers[0].replacement' is missing",
            Assert.Throws<ConfigException>(() => ConfigLoader.Parse("c.json", """{ "scrubbers": [{ "name": "t", "pattern": "x" }] }""")).Message);
        Assert.Contains("'scrubbers[1].name' 'guid' is already a scrubber's name",
            Assert.Throws<ConfigException>(() => ConfigLoader.Parse("c.json", """{ "scrubbers": [{ "name": "t", "pattern": "x", "replacement": "" }, { "name": "guid", "pattern": "x", "replacement": "" }] }""")).Message);
        Assert.Contains("'scrub' names 'durations', which is no scrubber",
            Assert.Throws<ConfigException>(() => ConfigLoader.Parse("c.json", """{ "scrub": "durations" }""")).Message);
    }

    [Fact]
    public void Scrub_tags_are_parsed_on_the_snippet()
    {
        var (tags, diagnostics) = TagParser.Parse([new TagSource("run scrub=Duration,hex", new SnippetCheck.Model.SourceLocation("post.md", 1, 1))], strictTags: false);
        Assert.Empty(diagnostics);
        Assert.Equal(["duration", "hex"], tags.Scrub!);
        var (_, bad) = TagParser.Parse([new TagSource("scrub=", new SnippetCheck.Model.SourceLocation("post.md", 1, 1))], strictTags: false);
        Assert.Single(bad);
    }
}
