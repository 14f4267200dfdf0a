using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Cli;

/// <summary>
/// Issue 56, end to end: a library that does not target the newest .NET (tests/OlderTargetsLibrary,
/// <c>netstandard2.0;net9.0</c>) is built for the framework NuGet would give a program on the snippets' framework, and its
/// examples run on net10.0 against that build; <c>-v</c> and the JSON report name it; a library none of whose frameworks
/// fit gets a clear error instead of the SDK's NETSDK1005.
/// </summary>
[TakesSeconds(112)]
public sealed class LibraryFrameworkTests
{
    private const string Project = "OlderTargetsLibrary.csproj";

    private static void CopyLibrary(TempFolder temp, Func<string, string>? project = null, Func<string, string>? totals = null)
    {
        var source = RepositoryRoot.PathOf("tests/OlderTargetsLibrary");
        File.WriteAllText(Path.Combine(temp.Path, Project), (project ?? (t => t))(File.ReadAllText(Path.Combine(source, Project))));
        File.WriteAllText(Path.Combine(temp.Path, "Totals.cs"), (totals ?? (t => t))(File.ReadAllText(Path.Combine(source, "Totals.cs"))));
    }

    private static Dictionary<string, string?> OwnCache(TempFolder folder) =>
        new() { ["SNIPPETCHECK_PACKAGE_CACHE"] = Path.Combine(folder.Path, ".cache") };

    [Fact]
    public void A_netstandard_and_net9_library_is_built_for_net9_and_a_doc_comment_edit_reuses_that_build()
    {
        using var temp = new TempFolder();
        CopyLibrary(temp);

        var run = CliRunner.Run(temp.Path, OwnCache(temp), "verify", Project, "-v", "--report", "json=report.json");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("3 passed, 0 failed", run.Stdout);
        Assert.Contains($"library {Path.Combine(temp.Path, Project)}: built for net9.0, used by snippets on net10.0", run.Output);
        var library = Assert.Single(JsonReport.Load(Path.Combine(temp.Path, "report.json")).Root.GetProperty("libraries").EnumerateArray());
        Assert.Equal(("net10.0", "net9.0"), (library.Str("framework"), library.Str("libraryFramework")));
        string BuiltAssembly() => Directory.GetFiles(Path.Combine(temp.Path, ".cache", "projects"), "OlderTargetsLibrary.dll", SearchOption.AllDirectories).Single();
        var built = File.GetLastWriteTimeUtc(BuiltAssembly());

        // An example's claim edited (trivia to the compiler): the last build answers, and the example fails on it.
        var totals = Path.Combine(temp.Path, "Totals.cs");
        File.WriteAllText(totals, File.ReadAllText(totals).Replace("/// 1, 3, 6, 10", "/// 1, 3, 6, 11", StringComparison.Ordinal));
        var mutant = CliRunner.Run(temp.Path, OwnCache(temp), "verify", Project, "--report", "json=report.json");
        Assert.Equal(1, mutant.ExitCode);
        Assert.Contains("+ 1, 3, 6, 10", mutant.Stdout);
        Assert.Equal(built, File.GetLastWriteTimeUtc(BuiltAssembly()));
        Assert.Equal("net9.0", Assert.Single(JsonReport.Load(Path.Combine(temp.Path, "report.json")).Root.GetProperty("libraries").EnumerateArray()).Str("libraryFramework"));

        // A hidden result check edited: the same build, and the example's cached pass must not answer for the new check.
        File.WriteAllText(totals, File.ReadAllText(totals).Replace("/// 1, 3, 6, 11", "/// 1, 3, 6, 10", StringComparison.Ordinal)
            .Replace("totals => new[] { 2, 4, 6 }", "totals => new[] { 2, 4, 7 }", StringComparison.Ordinal));
        var check = CliRunner.Run(temp.Path, OwnCache(temp), "verify", Project);
        Assert.Equal(1, check.ExitCode);
        Assert.Contains("totals is [2, 4, 6], not [2, 4, 7]", check.Stdout);
        Assert.Equal(built, File.GetLastWriteTimeUtc(BuiltAssembly()));
    }

    [Fact]
    public void A_netstandard_only_library_is_built_as_it_is_and_its_examples_run_on_net10()
    {
        using var temp = new TempFolder();
        CopyLibrary(temp,
            project => project.Replace("<TargetFrameworks>netstandard2.0;net9.0</TargetFrameworks>", "<TargetFramework>netstandard2.0</TargetFramework>", StringComparison.Ordinal),
            totals => totals.Replace("/// net9.0", "/// netstandard2.0", StringComparison.Ordinal));

        var run = CliRunner.Run(temp.Path, OwnCache(temp), "verify", Project, "-v");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("3 passed, 0 failed", run.Stdout);
        Assert.Contains("built for netstandard2.0, used by snippets on net10.0", run.Output);
    }

    [Fact]
    public void A_library_the_installed_sdk_cannot_build_is_told_its_frameworks_and_what_to_do()
    {
        // Humanizer's shape: net11.0 listed beside net10.0 (the restore evaluates both), or a global.json that pins an SDK 11.
        using var newer = new TempFolder();
        CopyLibrary(newer, project => project.Replace("<TargetFrameworks>netstandard2.0;net9.0</TargetFrameworks>", "<TargetFrameworks>net11.0;net9.0</TargetFrameworks>", StringComparison.Ordinal));

        var run = CliRunner.Run(newer.Path, OwnCache(newer), "verify", Project);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("error NETSDK1045", run.Output);
        Assert.Contains("hint: the library lists net11.0;net9.0; the .NET SDK here (for net10.0) cannot restore net11.0, and a restore evaluates every framework listed, "
            + "even those the examples do not use: run the check with a .NET SDK that supports net11.0", run.Output);

        using var pinned = new TempFolder();
        CopyLibrary(pinned);
        pinned.Write("global.json", """{ "sdk": { "version": "11.0.100-preview.6.26359.118", "rollForward": "latestFeature", "allowPrerelease": true } }""");

        run = CliRunner.Run(pinned.Path, OwnCache(pinned), "verify", Project);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("A compatible .NET SDK was not found", run.Output);
        Assert.Contains("hint: the library lists netstandard2.0;net9.0; its global.json asks for an SDK this machine does not have, and the .NET SDK here (for net10.0) "
            + "cannot stand in for it: install the SDK global.json names, or let its rollForward accept the installed one", run.Output);
    }

    [Fact]
    public void A_library_of_net48_only_is_told_which_frameworks_it_has_and_what_was_looked_for()
    {
        using var temp = new TempFolder();
        CopyLibrary(temp, project => project.Replace("<TargetFrameworks>netstandard2.0;net9.0</TargetFrameworks>", "<TargetFrameworks>net48;net9.0-windows</TargetFrameworks>", StringComparison.Ordinal));

        var run = CliRunner.Run(temp.Path, OwnCache(temp), "verify", Project);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("error SC3014: OlderTargetsLibrary.csproj: the library did not build:", run.Output);
        Assert.Contains("none of its target frameworks (net48;net9.0-windows) can be used by code on net10.0; looked for net10.0 or an older .NET or .NET Core "
            + "(without an OS suffix such as -windows), or .NET Standard 2.1 or older", run.Output);
        Assert.DoesNotContain("NETSDK1005", run.Output);
    }
}
