using SnippetCheck.Tests.Infrastructure;
using static SnippetCheck.Tests.Unit.Extraction.Discovery.FileSetTests;

namespace SnippetCheck.Tests.Cli;

/// <summary>The file set's notes and counts as the CLI reports them (the set itself: Unit/Extraction/Discovery/FileSetTests).</summary>
public sealed class FileSetCliTests
{
    [Fact]
    public void The_CLI_run_reports_the_notes_and_counts_only_the_files_left_in()
    {
        using var folder = Library();
        folder.Write("snippetcheck.json", "{ \"exclude\": [\"src/Lib/Legacy.cs\", \"Lib/Nothing.cs\"] }");

        var run = CliRunner.Run(folder.Path, "list", "src/Lib/Lib.csproj");

        Assert.Contains("snippetcheck.json(1,36): warning SC3015: exclude glob 'Lib/Nothing.cs'", run.Output);
        Assert.Contains("src/Lib/Calc.cs", run.Output);
        Assert.DoesNotContain("src/Lib/Legacy.cs", run.Output);
    }
}
