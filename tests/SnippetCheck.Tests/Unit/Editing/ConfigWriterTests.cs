using SnippetCheck.Configuration;
using SnippetCheck.Editing;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Unit.Editing;

/// <summary>
/// Issue 78: one writer of snippetcheck.json. Whoever adds to it (adopt's doc-set pins, its page models) reads, modifies
/// and writes the file through <see cref="ConfigWriter"/>, which keeps every byte it does not own.
/// </summary>
public sealed class ConfigWriterTests
{
    private const string Existing = "{\r\n  // the author's comment\r\n  \"timeout\": \"5s\",\r\n  \"packageVersions\": [\"Acme@1.0.0\"]\r\n}\r\n";

    [Fact]
    public void Values_join_the_keys_list_and_every_other_byte_stays()
    {
        using var folder = new TempFolder();
        var path = folder.Write("snippetcheck.json", Existing);

        var problem = ConfigWriter.AddToList(path, "snippetcheck.json", "packageVersions", ["\"Zed@2.0.0\""], onePerLine: false,
            text => ConfigLoader.ReadText(path, text).PackageVersions?.Count == 2, "with the pins");

        Assert.Null(problem);
        Assert.Equal(Existing.Replace("[\"Acme@1.0.0\"]", "[\"Acme@1.0.0\", \"Zed@2.0.0\"]"), File.ReadAllText(path));
    }

    [Fact]
    public void A_missing_key_comes_first_in_the_object_and_a_missing_file_is_created_in_the_callers_layout()
    {
        using var folder = new TempFolder();
        var path = folder.Write("snippetcheck.json", "{\n  \"timeout\": \"5s\"\n}\n");
        var created = Path.Combine(folder.Path, "sub", "snippetcheck.json");
        Directory.CreateDirectory(Path.GetDirectoryName(created)!);

        Assert.Null(ConfigWriter.AddToList(path, "snippetcheck.json", "hiddenCode", ["\"a\""], onePerLine: true, _ => true, "with the code"));
        Assert.Null(ConfigWriter.AddToList(created, "sub/snippetcheck.json", "hiddenCode", ["\"a\"", "\"b\""], onePerLine: true, _ => true, "with the code"));

        Assert.Equal("{\n  \"hiddenCode\": [\"a\"],\n  \"timeout\": \"5s\"\n}\n", File.ReadAllText(path));
        Assert.Equal("{\n  \"hiddenCode\": [\n    \"a\",\n    \"b\"\n  ]\n}\n", File.ReadAllText(created));
    }

    [Fact]
    public void A_text_that_does_not_read_back_is_not_written()
    {
        using var folder = new TempFolder();
        var path = folder.Write("snippetcheck.json", Existing);

        var problem = ConfigWriter.AddToList(path, "snippetcheck.json", "packageVersions", ["\"Zed@2.0.0\""], onePerLine: false, _ => false, "with the pins");

        Assert.Equal("the config would not read back with the pins in \"packageVersions\"", problem);
        Assert.Equal(Existing, File.ReadAllText(path));
    }
}
