using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Cli;

/// <summary>
/// Issue 44, item 1: <c>adopt</c> on doc comments, as <c>verify</c> takes them (a .csproj, or a .cs file with its
/// library as a reference). It tags each example that passes with the doc-comment tag form
/// (<c>/// &lt;!-- snippetcheck: run --&gt;</c> on the line just before <c>&lt;code&gt;</c>), adds only those lines, byte
/// for byte, and nothing IntelliSense or the XML doc file shows changes. tests/SequenceLibrary is the trial's library.
/// </summary>
[TakesSeconds(104)]
public sealed partial class AdoptDocCommentTests
{
    [GeneratedRegex(@"^    /// <!-- snippetcheck: (run|compile) -->$")]
    private static partial Regex TagLine();

    // A hidden check comment's lines: its opening, a result line of what the prose says, its closing.
    [GeneratedRegex(@"^    /// (<!-- snippetcheck: results|(result|words) => new\[\] \{ [^}]+ \}|-->)$")]
    private static partial Regex CheckLine();

    private static bool Added(string line) => TagLine().IsMatch(line) || CheckLine().IsMatch(line);

    private static string CopyLibrary(TempFolder temp)
    {
        var source = RepositoryRoot.PathOf("tests/SequenceLibrary");
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories).Where(f => Path.GetExtension(f) is ".cs" or ".csproj"))
        {
            var target = Path.Combine(temp.Path, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return "SequenceLibrary.csproj";
    }

    private static Dictionary<string, string?> OwnCache(TempFolder folder) =>
        new() { ["SNIPPETCHECK_PACKAGE_CACHE"] = Path.Combine(folder.Path, ".cache") };

    /// <summary>
    /// What IntelliSense and the XML doc file show of each documented member: its doc comment's XML, with XML comments
    /// (never shown) removed, by the member's name.
    /// </summary>
    internal static Dictionary<string, string> VisibleDocs(string source)
    {
        var docs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var trivia in CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(documentationMode: DocumentationMode.Parse)).GetRoot()
                     .DescendantTrivia().Where(t => t.GetStructure() is DocumentationCommentTriviaSyntax))
        {
            var text = string.Join('\n', trivia.ToFullString().Split('\n').Select(l => Regex.Replace(l, @"^\s*///\s?", "")));
            var xml = XElement.Parse("<doc>" + text + "</doc>", LoadOptions.PreserveWhitespace);
            xml.DescendantNodes().OfType<XComment>().ToList().ForEach(c => c.Remove());
            var member = trivia.Token.Parent!.ToString().Split('\n')[0];
            docs[member] = string.Join('\n', xml.ToString(SaveOptions.DisableFormatting).Split('\n').Where(l => l.Trim().Length > 0));
        }
        return docs;
    }

    [Fact]
    public void Adopt_write_on_the_project_tags_every_passing_example_with_added_comment_lines_only_and_reports_the_broken_one()
    {
        using var temp = new TempFolder();
        var project = CopyLibrary(temp);
        var file = Path.Combine(temp.Path, "Lib/Sequences.cs");
        var before = File.ReadAllText(file);
        var generated = File.ReadAllBytes(Path.Combine(temp.Path, "Lib/Extensions.g.cs"));

        var adopt = CliRunner.Run(temp.Path, OwnCache(temp), "adopt", project, "--write");

        Assert.True(adopt.ExitCode == 0, adopt.Output);
        Assert.Contains("Lib/Extensions.g.cs(1,1): info SC3016: a generated file: left out", adopt.Stdout);
        Assert.Contains("      1  CS0820  e.g. Lib/Sequences.cs(58,13): Cannot initialize an implicitly-typed variable with an array initializer", adopt.Stdout);
        Assert.Matches(@"adopt: tagged 5 of 6 untagged C# blocks \(0 compile, 5 run, 0 with an output block, 3 with a hidden check of their prose\) in 1 file; "
            + @"1 still fails and stays untagged; 2 suspected rot \(above\); in ", adopt.Stdout);

        // The false claim (the example yields tuples) is reported at the prose's line, and gets no check (item 2).
        Assert.Contains("Lib/Sequences.cs(51,9): prose: the prose says 'result' holds [\"a\", \"b\", \"c\"], but after the example it is [(0, a), (1, b), (2, c)] — fix the prose or the example (no check was written for it) [claim]", adopt.Stdout);
        // The example that never compiled is suspected too (issue 55).
        Assert.Contains("Lib/Sequences.cs(58,13): CS0820: Cannot initialize an implicitly-typed variable with an array initializer — 'var' with a bare array initializer", adopt.Stdout);

        // Only whole lines were added, tag comments and hidden checks; taking them out gives the file back byte for byte.
        var after = File.ReadAllText(file);
        Assert.Equal(5, after.Split('\n').Count(l => TagLine().IsMatch(l)));
        Assert.Equal(["    /// result => new[] { 1, 3, 6, 10 }", "    /// result => new[] { 123, 456, 789, 0, 0 }", "    /// words => new[] { \"ab\", \"ab\", \"ab\" }"],
            after.Split('\n').Where(l => l.Contains(" => new[]", StringComparison.Ordinal)));
        Assert.Equal(before, string.Join('\n', after.Split('\n').Where(l => !Added(l))));
        // Each stands just before a <code> line, and nothing a reader sees changed.
        var lines = after.Split('\n');
        Assert.All(Enumerable.Range(0, lines.Length).Where(i => TagLine().IsMatch(lines[i])), i => Assert.StartsWith("    /// <code>", lines[i + 1]));
        Assert.Equal(VisibleDocs(before), VisibleDocs(after));
        Assert.Equal(generated, File.ReadAllBytes(Path.Combine(temp.Path, "Lib/Extensions.g.cs")));

        // What adopt tagged passes in verify, exactly those; the broken example stays untagged. (Not from the results adopt's
        // proof of its proposal left in the cache: verified again.)
        var verify = CliRunner.Run(temp.Path, OwnCache(temp), "verify", project, "--no-cache");
        Assert.True(verify.ExitCode == 0, verify.Output);
        Assert.Contains("5 passed, 0 failed, 0 ignored, 1 untagged (6 C# blocks in 1 file)", verify.Stdout);

        // The hidden checks are checks: the library's behaviour drifting from its prose fails at the check's line.
        File.WriteAllText(file, after.Replace("yield return 0;", "yield return 1;", StringComparison.Ordinal));
        var rotten = CliRunner.Run(temp.Path, OwnCache(temp), "verify", project);
        Assert.Equal(1, rotten.ExitCode);
        Assert.Contains("Lib/Sequences.cs(38,16): result is [123, 456, 789, 1, 1], not [123, 456, 789, 0, 0]", rotten.Stdout);
    }

    [Fact]
    public void A_lone_cs_file_is_adopted_against_the_library_given_with_reference_and_the_json_report_names_checks_and_rot()
    {
        using var temp = new TempFolder();
        var project = CopyLibrary(temp);

        var adopt = CliRunner.Run(temp.Path, OwnCache(temp), "adopt", "Lib/Sequences.cs", "--reference", project, "--report", "json=adopt.json");

        Assert.True(adopt.ExitCode == 0, adopt.Output);
        Assert.Matches(@"adopt: would tag 5 of 6 untagged C# blocks", adopt.Stdout);
        var json = File.ReadAllText(Path.Combine(temp.Path, "adopt.json"));
        Assert.Contains("\"hiddenChecks\": 3", json);
        Assert.Contains("\"suspectedRot\": 2", json);
        Assert.Contains("\"hiddenChecks\": [\n        \"result =\u003E new[] { 1, 3, 6, 10 }\"", json.Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.Contains("\"message\": \"the prose says 'result' holds", json.Replace("\\u0027", "'", StringComparison.Ordinal));
    }

    [Fact]
    public void Block_comments_crlf_and_a_code_tag_that_shares_its_line_are_written_as_the_docs_define_or_left_with_a_note()
    {
        using var temp = new TempFolder();
        const string Source = "/**\r\n * <summary>One.</summary>\r\n * <example>\r\n * <code>\r\n * Console.WriteLine(1);\r\n * </code>\r\n * </example>\r\n */\r\npublic static class One\r\n{\r\n"
            + "    /// <summary>Two.</summary>\r\n    /// <example><code>\r\n    /// Console.WriteLine(2);\r\n    /// </code></example>\r\n    public static void Two() { }\r\n}\r\n";
        File.WriteAllText(Path.Combine(temp.Path, "One.cs"), Source, new UTF8Encoding(false));

        var adopt = CliRunner.Run(temp.Path, "adopt", "One.cs", "--write");

        Assert.True(adopt.ExitCode == 0, adopt.Output);
        Assert.Contains("One.cs(12,18): passes, but left untagged: its <code> tag shares its line with other text of the comment", adopt.Stdout);
        Assert.Equal(Source.Replace(" * <code>\r\n", " * <!-- snippetcheck: run -->\r\n * <code>\r\n", StringComparison.Ordinal), File.ReadAllText(Path.Combine(temp.Path, "One.cs")));
        var verify = CliRunner.Run(temp.Path, "verify", "One.cs");
        Assert.Contains("1 passed, 0 failed, 0 ignored, 1 untagged", verify.Stdout);
    }
}
