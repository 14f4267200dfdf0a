using System.Text;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.EndToEnd;

/// <summary>
/// Library doctests end to end (docs/doctests.md): the real CLI verifies tests/DocLibrary's doc-comment examples
/// against the library it builds, then from the cache; a renamed method rots an example at its exact line and column,
/// cached or not; an internal type or member gets a hint; <c>--accept</c>
/// rewrites an output block inside a doc comment byte for byte.
/// </summary>
[TakesSeconds(174)]
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
    public void The_sample_library_passes_then_comes_from_the_cache_and_a_renamed_method_is_never_a_cached_pass()
    {
        using var temp = new TempFolder();
        CopyLibrary(temp);
        string[] verify = ["verify", "DocLibrary.csproj", "--cache-dir", "cache", "--report", "json=report.json"];

        var cold = CliRunner.Run(temp.Path, verify);
        Assert.True(cold.ExitCode == 0, cold.Output);
        var report = JsonReport.Load(Path.Combine(temp.Path, "report.json"));
        // Eleven passes and one checked, as the console splits them (a check verdict is never cached: it depends on the file's other examples).
        Assert.Equal((11, 1, 1, 0), (report.Summary.Int("passed"), report.Summary.Int("checked"), report.Summary.Int("untagged"), report.Summary.Int("cached")));
        var kinds = report.Snippets.Select(s => (s.Str("file"), s.Int("line"), s.Str("kind"))).ToList();
        Assert.Contains(("Calculator.cs", 5, "run"), kinds);
        Assert.Contains(("Calculator.cs", 31, "compile"), kinds);
        Assert.Contains(("Calculator.cs", 36, "throws"), kinds);
        Assert.Contains(("Calculator.cs", 58, "compile-fail"), kinds);
        Assert.Contains(("Ledger.cs", 17, "run"), kinds);
        Assert.Contains(("Ledger.cs", 47, "check"), kinds);

        var warm = CliRunner.Run(temp.Path, verify);
        Assert.True(warm.ExitCode == 0, warm.Output);
        Assert.Equal(11, JsonReport.Load(Path.Combine(temp.Path, "report.json")).Summary.Int("cached"));

        // The library changes under its docs: the cached passes must not stand.
        var calculator = Path.Combine(temp.Path, "Calculator.cs");
        File.WriteAllText(calculator, File.ReadAllText(calculator).Replace("public static int Multiply(", "public static int Times(", StringComparison.Ordinal));
        var rotten = CliRunner.Run(temp.Path, verify);
        Assert.Equal(1, rotten.ExitCode);
        var line = File.ReadAllLines(calculator).Select((text, i) => (text, i)).First(l => l.text.Contains("Calculator.Multiply(6, 7)", StringComparison.Ordinal));
        var column = line.text.IndexOf("Multiply", StringComparison.Ordinal) + 1;
        Assert.Contains($"Calculator.cs({line.i + 1},{column}): error CS0117", rotten.Stdout, StringComparison.Ordinal);
        // A member that is not there at all is no matter of access: no hint about internal members.
        Assert.DoesNotContain("out of reach", rotten.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Accept_rewrites_only_the_output_lines_of_a_doc_comment_and_an_internal_member_gets_a_hint()
    {
        using var temp = new TempFolder();
        CopyLibrary(temp);
        var calculator = Path.Combine(temp.Path, "Calculator.cs");
        // CRLF and a byte order mark, as Visual Studio saves files; the output of the '/** */' example is rotten.
        var original = "\uFEFF" + File.ReadAllText(calculator).ReplaceLineEndings("\r\n");
        File.WriteAllText(calculator, original.Replace("/// 9\r\n", "/// 10\r\n", StringComparison.Ordinal), new UTF8Encoding(false));
        temp.Write("Secret.cs", """
            namespace DocLibrary;

            /// <summary>Shows what users cannot reach.</summary>
            /// <example>
            /// <code snippetcheck="run">
            /// Console.WriteLine(new Hidden().Value);
            /// </code>
            /// </example>
            public sealed class Shown { }

            internal sealed class Hidden { public int Value => 1; }

            /// <summary>Throws from inside the library.</summary>
            /// <example>
            /// <code snippetcheck="run">
            /// Console.WriteLine("before");
            /// new Calculator().Sum("x");
            /// </code>
            /// </example>
            public sealed class Thrower { }

            /// <summary>Has an internal member.</summary>
            /// <example>
            /// <code snippetcheck="run">
            /// Console.WriteLine(Counter.Count);
            /// </code>
            /// </example>
            public static class Counter { internal static int Count => 3; }
            """);
        var before = File.ReadAllBytes(calculator);

        var result = CliRunner.Run(temp.Path, "verify", "DocLibrary.csproj", "--no-cache", "--accept");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Secret.cs(6,27): error CS0122", result.Stdout, StringComparison.Ordinal);
        // An internal member is not even imported from the library's metadata: the compiler says CS0117, "no definition".
        // It gets the same hint, as the internal type's CS0122 does.
        Assert.Contains("Secret.cs(25,31): error CS0117: 'Counter' does not contain a definition for 'Count'", result.Stdout, StringComparison.Ordinal);
        Assert.Equal(2, result.Output.Split("internal and private members are out of reach").Length - 1);
        // The stack trace points into the doc comment: the example's line, where its code starts after '/// '.
        Assert.Contains("Secret.cs(17,5): error SC2003: unhandled exception System.FormatException", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("accepted output for the snippet at line 19", result.Output, StringComparison.Ordinal);

        // Only the output line changed back; every other byte (BOM, CRLF, '///' prefixes) is as it was.
        var after = File.ReadAllBytes(calculator);
        var expected = Encoding.UTF8.GetString(before).Replace("/// 10\r\n", "/// 9\r\n", StringComparison.Ordinal);
        Assert.Equal(expected, Encoding.UTF8.GetString(after));
        Assert.Equal([0xEF, 0xBB, 0xBF], after[..3]);
    }
}
