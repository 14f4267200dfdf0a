using System.Text;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.EndToEnd;

/// <summary>
/// Library doctests end to end (docs/doctests.md): the real CLI verifies tests/DocLibrary's doc-comment examples
/// against the library it builds; a renamed method rots an example at its exact line and column; <c>--accept</c>
/// rewrites an output block inside a doc comment byte for byte.
/// </summary>
public sealed class DocLibraryTests
{
    private static string CopyLibrary(TempFolder temp)
    {
        var source = RepositoryRoot.PathOf("tests/DocLibrary");
        foreach (var file in Directory.GetFiles(source).Where(f => Path.GetExtension(f) is ".cs" or ".csproj"))
            File.Copy(file, Path.Combine(temp.Path, Path.GetFileName(file)));
        return Path.Combine(temp.Path, "DocLibrary.csproj");
    }

    [Fact]
    public void Every_example_in_the_sample_library_passes_and_is_reported_at_its_cs_line()
    {
        using var temp = new TempFolder();
        CopyLibrary(temp);
        var result = CliRunner.Run(temp.Path, "verify", "DocLibrary.csproj", "--no-cache", "--report", "json=report.json");

        Assert.True(result.ExitCode == 0, result.Output);
        var report = JsonReport.Load(Path.Combine(temp.Path, "report.json"));
        Assert.Equal(8, report.Summary.Int("passed"));
        var kinds = report.Snippets.Select(s => (s.Str("file"), s.Int("line"), s.Str("kind"))).ToList();
        Assert.Contains(("Calculator.cs", 5, "run"), kinds);
        Assert.Contains(("Calculator.cs", 30, "throws"), kinds);
        Assert.Contains(("Calculator.cs", 52, "compile-fail"), kinds);
        Assert.Contains(("Ledger.cs", 17, "run"), kinds);
    }

    [Fact]
    public void A_renamed_method_fails_its_example_at_the_exact_column_and_accept_rewrites_only_the_output_lines()
    {
        using var temp = new TempFolder();
        CopyLibrary(temp);
        var calculator = Path.Combine(temp.Path, "Calculator.cs");
        // CRLF and a byte order mark, as Visual Studio saves files; the output of the '/** */' example is rotten.
        var original = "\uFEFF" + File.ReadAllText(calculator).ReplaceLineEndings("\r\n");
        File.WriteAllText(calculator, original.Replace("public static int Multiply(", "public static int Times(", StringComparison.Ordinal)
            .Replace("/// 9\r\n", "/// 10\r\n", StringComparison.Ordinal), new UTF8Encoding(false));
        var before = File.ReadAllBytes(calculator);

        var result = CliRunner.Run(temp.Path, "verify", "DocLibrary.csproj", "--no-cache", "--accept");

        Assert.Equal(1, result.ExitCode);
        var line = File.ReadAllLines(calculator).Select((text, i) => (text, i)).First(l => l.text.Contains("Calculator.Multiply(6, 7)", StringComparison.Ordinal));
        var column = line.text.IndexOf("Multiply", StringComparison.Ordinal) + 1;
        Assert.Contains($"Calculator.cs({line.i + 1},{column}): error CS0117", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("accepted output for the snippet at line 19", result.Output, StringComparison.Ordinal);

        // Only the output line changed back; every other byte (BOM, CRLF, '///' prefixes, the renamed method) is as it was.
        var after = File.ReadAllBytes(calculator);
        var expected = Encoding.UTF8.GetString(before).Replace("/// 10\r\n", "/// 9\r\n", StringComparison.Ordinal);
        Assert.Equal(expected, Encoding.UTF8.GetString(after));
        Assert.Equal([0xEF, 0xBB, 0xBF], after[..3]);
    }
}
