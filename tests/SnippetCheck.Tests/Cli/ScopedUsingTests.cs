using SnippetCheck.References;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Cli;

/// <summary>
/// Issue 44, item 5: <c>--using</c> scoped to a file or to one <c>&lt;code&gt;</c> element, as well as global. A global
/// using meant for one example made the trial's other examples ambiguous (CS0121); here System.Timers makes
/// System.Threading's Timer ambiguous (CS0104).
/// </summary>
public sealed class ScopedUsingTests
{
    private const string Source = """
        /// <summary>Timers.</summary>
        /// <example>
        /// <code snippetcheck="compile">
        /// ElapsedEventHandler handler = (_, _) => { };
        /// </code>
        /// <code snippetcheck="compile">
        /// using var timer = new Timer(_ => { });
        /// </code>
        /// </example>
        public static class Timers { }
        """;

    private static CliResult Verify(params string[] options)
    {
        using var folder = new TempFolder();
        folder.Write("Docs/Timers.cs", Source);
        return CliRunner.Run(folder.Path, ["verify", "Docs/Timers.cs", "--no-cache", .. options]);
    }

    [Fact]
    public void A_using_scoped_to_one_code_element_reaches_that_example_alone()
    {
        var run = Verify("--using", "System.Timers@Docs/Timers.cs:3");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("2 passed, 0 failed", run.Stdout);
    }

    [Fact]
    public void A_global_using_or_one_scoped_to_the_file_reaches_every_example_and_makes_the_other_ambiguous()
    {
        foreach (var option in new[] { "System.Timers", "System.Timers@Docs/Timers.cs" })
        {
            var run = Verify("--using", option);

            Assert.Equal(1, run.ExitCode);
            Assert.Contains("Docs/Timers.cs(7,", run.Stdout);
            Assert.Contains("error CS0104: 'Timer' is an ambiguous reference", run.Stdout);
        }
    }

    [Fact]
    public void Without_the_using_the_first_example_does_not_compile()
    {
        var run = Verify();

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Docs/Timers.cs(4,5): error CS0246: The type or namespace name 'ElapsedEventHandler' could not be found", run.Stdout);
    }

    [Theory]
    [InlineData("System.Timers", null, null, null)]
    [InlineData("System.Timers@Docs/Timers.cs", "System.Timers", "Docs/Timers.cs", null)]
    [InlineData("static System.Math@A.cs:12", "static System.Math", "A.cs", 12)]
    [InlineData("J=System.Text.Json.JsonSerializer@C:/src/A.cs", "J=System.Text.Json.JsonSerializer", "C:/src/A.cs", null)]
    [InlineData("Lib.@class", null, null, null)]
    public void A_scope_is_read_after_the_at_sign(string text, string? name, string? file, int? line)
    {
        var scoped = ScopedUsing.TryParse(text);

        Assert.Equal((name, file, line), (scoped?.Using, scoped?.File, scoped?.Line));
    }
}
