using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Cli;

/// <summary>
/// Issue 44, item 4, end to end: editing a doc-comment example verifies it against the library's last build, and a
/// change to the library's code builds it again.
/// </summary>
[TakesSeconds(54)]
public sealed class LibraryRebuildTests
{
    private const string Source = """
        namespace Lib;

        /// <summary>Doubles.</summary>
        public static class Calc
        {
            /// <summary>Twice.</summary>
            /// <example>
            /// <code snippetcheck="run">
            /// Console.WriteLine(Calc.Twice(2));
            /// </code>
            /// <code snippetcheck="output">
            /// 4
            /// </code>
            /// </example>
            public static int Twice(int x) => x * 2;
        }
        """;

    [Fact]
    public void A_doc_comment_edit_reuses_the_last_build_and_a_code_edit_rebuilds()
    {
        using var folder = new TempFolder();
        folder.Write("Lib/Lib.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings><NuGetAudit>false</NuGetAudit></PropertyGroup></Project>");
        folder.Write("Lib/Calc.cs", Source);
        var cache = new Dictionary<string, string?> { ["SNIPPETCHECK_PACKAGE_CACHE"] = Path.Combine(folder.Path, ".cache") };
        string BuiltAssembly() => Directory.GetFiles(Path.Combine(folder.Path, ".cache", "projects"), "Lib.dll", SearchOption.AllDirectories).Single();

        var first = CliRunner.Run(folder.Path, cache, "verify", "Lib/Lib.csproj");
        Assert.True(first.ExitCode == 0, first.Output);
        var built = File.GetLastWriteTimeUtc(BuiltAssembly());

        // The example and its output block edited: a doc comment, so trivia to the compiler.
        folder.Write("Lib/Calc.cs", Source.Replace("Twice(2)", "Twice(21)", StringComparison.Ordinal).Replace("/// 4", "/// 42", StringComparison.Ordinal));
        var edited = CliRunner.Run(folder.Path, cache, "verify", "Lib/Lib.csproj");
        Assert.True(edited.ExitCode == 0, edited.Output);
        Assert.Equal(built, File.GetLastWriteTimeUtc(BuiltAssembly()));

        // The code changed: built again, and the example's verdict follows the new code.
        folder.Write("Lib/Calc.cs", Source.Replace("Twice(2)", "Twice(21)", StringComparison.Ordinal).Replace("/// 4", "/// 42", StringComparison.Ordinal).Replace("x * 2", "x * 3", StringComparison.Ordinal));
        var changed = CliRunner.Run(folder.Path, cache, "verify", "Lib/Lib.csproj");
        Assert.Equal(1, changed.ExitCode);
        Assert.Contains("+ 63", changed.Stdout);
        Assert.NotEqual(built, File.GetLastWriteTimeUtc(BuiltAssembly()));
    }
}
