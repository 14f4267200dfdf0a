using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Cli;

/// <summary>
/// Issue 44, item 5: what a library maintainer trying the tool on a library is told. Each message of the trial, said right:
/// a hint whose commands cover the same files, a source folder that points at its project, a lone .cs file that names
/// its missing library, and a library whose own build fails reported as that, with its first error and the command.
/// </summary>
[TakesSeconds(47)]
public sealed class LibraryMessageTests
{
    private const string Project = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <ImplicitUsings>enable</ImplicitUsings>
            <NuGetAudit>false</NuGetAudit>
          </PropertyGroup>
        </Project>
        """;

    private const string Source = """
        namespace Acme.Text;

        /// <summary>Greets.</summary>
        /// <example>
        /// <code>
        /// Console.WriteLine(Greeter.Greet("Ada"));
        /// </code>
        /// </example>
        public static class Greeter { public static string Greet(string name) => $"Hello, {name}!"; }
        """;

    private static TempFolder Library()
    {
        var folder = new TempFolder();
        folder.Write("README.md", "# Acme\n");
        folder.Write("src/Acme.Text/Acme.Text.csproj", Project);
        folder.Write("src/Acme.Text/Greeter.cs", Source);
        return folder;
    }

    private static Dictionary<string, string?> OwnCache(TempFolder folder) =>
        new() { ["SNIPPETCHECK_PACKAGE_CACHE"] = Path.Combine(folder.Path, ".cache") };

    [Fact]
    public void The_nothing_verified_hint_repeats_the_paths_so_its_commands_cover_the_same_files()
    {
        using var folder = Library();

        var run = CliRunner.Run(folder.Path, "verify", "src/Acme.Text/Acme.Text.csproj");

        Assert.Equal(0, run.ExitCode);
        Assert.EndsWith("hint: nothing was verified: 1 C# block untagged; 'snippetcheck adopt src/Acme.Text/Acme.Text.csproj' tags the ones that pass, "
            + "'snippetcheck --all src/Acme.Text/Acme.Text.csproj' checks them all\n", run.Stdout);
    }

    [Theory]
    [InlineData("src/Acme.Text", "src/Acme.Text/Acme.Text.csproj")]
    [InlineData("src", "src/Acme.Text/Acme.Text.csproj")]
    public void Verifying_a_source_folder_names_the_project_to_verify_instead(string argument, string project)
    {
        using var folder = Library();

        var run = CliRunner.Run(folder.Path, "verify", argument);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"snippetcheck: error SC3004: no Markdown files matched in {argument}; for the examples in the doc comments of its C# files, verify the project: 'snippetcheck verify {project}'\n",
            run.Stderr);
    }

    [Fact]
    public void A_lone_cs_file_whose_library_is_not_referenced_gets_a_hint_naming_the_project_and_reference()
    {
        using var folder = Library();

        var run = CliRunner.Run(folder.Path, "verify", "src/Acme.Text/Greeter.cs", "--all", "--no-cache");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("src/Acme.Text/Greeter.cs(5,5): error CS0400: The type or namespace name 'Acme' could not be found in the global namespace", run.Stdout);
        Assert.Contains("    hint: the namespace 'Acme.Text' of the documented code is in no assembly this example compiles against: verify the library's project "
            + "('snippetcheck verify path/to/Library.csproj') rather than one of its files, or name it with '--reference path/to/Library.csproj'\n", run.Stdout);
    }

    [Fact]
    public void A_project_given_to_verify_that_does_not_build_is_SC3014_with_its_first_error_and_the_command_not_a_reference_error()
    {
        using var folder = Library();
        folder.Write("src/Acme.Text/Broken.cs", "namespace Acme.Text;\npublic static class Broken { public static int X = \"text\"; }\n");

        var run = CliRunner.Run(folder.Path, OwnCache(folder), "verify", "src/Acme.Text/Acme.Text.csproj", "--all");

        Assert.Equal(2, run.ExitCode);
        var lines = run.Stderr.TrimEnd('\n').Split('\n');
        Assert.Equal(["snippetcheck: error SC3014: src/Acme.Text/Acme.Text.csproj: the library did not build:",
                      $"{Path.Combine(folder.Path, "src/Acme.Text/Broken.cs")}(2,52): error CS0029: Cannot implicitly convert type 'string' to 'int'",
                      $"reproduce: cd {Path.Combine(folder.Path, "src/Acme.Text")} && dotnet build Acme.Text.csproj -c Debug -p:SnippetCheckEnabled=false -p:CopyLocalLockFileAssemblies=true " +
                      "-p:EnableSourceControlManagerQueries=false -p:NBGV_GitEngine=Disabled"],
            lines);
        Assert.DoesNotContain("--reference", run.Output);
    }

    [Fact]
    public void A_library_whose_global_json_pins_a_missing_SDK_says_so_with_the_version_and_the_file()
    {
        using var folder = Library();
        folder.Write("global.json", """{ "sdk": { "version": "8.0.999", "rollForward": "disable" } }""");
        // The tool's own cache lies outside the library's folder, as it does by default.
        using var cache = new TempFolder();

        var run = CliRunner.Run(folder.Path, OwnCache(cache), "verify", "src/Acme.Text/Acme.Text.csproj", "--all");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("error SC3014: src/Acme.Text/Acme.Text.csproj: the library did not build:\n"
            + $"A compatible .NET SDK was not found. (Requested SDK version: 8.0.999) (global.json file: {Path.Combine(folder.Path, "global.json")})\n"
            + $"reproduce: cd {Path.Combine(folder.Path, "src/Acme.Text")} && dotnet build Acme.Text.csproj -c Debug -p:SnippetCheckEnabled=false -p:CopyLocalLockFileAssemblies=true " +
                      "-p:EnableSourceControlManagerQueries=false -p:NBGV_GitEngine=Disabled", run.Stderr);
    }

    [Fact]
    public void A_library_build_that_fails_on_a_warning_as_error_gives_that_warnings_error_line()
    {
        using var folder = Library();
        folder.Write("src/Acme.Text/Acme.Text.csproj", Project.Replace("<NuGetAudit>false</NuGetAudit>",
            "<NuGetAudit>false</NuGetAudit><TreatWarningsAsErrors>true</TreatWarningsAsErrors>", StringComparison.Ordinal));
        folder.Write("src/Acme.Text/Unused.cs", "namespace Acme.Text;\npublic static class Unused { public static void M() { int x; } }\n");

        var run = CliRunner.Run(folder.Path, OwnCache(folder), "verify", "src/Acme.Text/Acme.Text.csproj", "--all");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Unused.cs(2,59): error CS0168: The variable 'x' is declared but never used", run.Stderr);
        Assert.Contains("reproduce: cd ", run.Stderr);
    }
}
