using System.Text.RegularExpressions;
using SnippetCheck.MSBuild.Tests.Infrastructure;

namespace SnippetCheck.MSBuild.Tests;

/// <summary>
/// Library doctests through the build (docs/msbuild.md, "Library doctests"): a library with
/// <c>SnippetCheckDocComments</c> verifies its doc-comment examples against the assembly it just built, in both layouts
/// a library team uses, and never rebuilds itself in a loop.
/// </summary>
[Trait("Category", "EndToEnd")]
[TakesSeconds(596)]
public sealed class DocCommentBuildTests
{
    private const string SkippedTarget = "Skipping target \"SnippetCheck\" because all output files are up-to-date";

    private const string Calculator = """
        namespace Lib;

        /// <summary>Doubles numbers.</summary>
        public static class Calc
        {
            /// <summary>Twice <paramref name="value"/>.</summary>
            /// <example>
            /// <code snippetcheck="run">
            /// Console.WriteLine(Calc.Twice(21));
            /// </code>
            /// <code snippetcheck="output">
            /// 42
            /// </code>
            /// </example>
            public static int Twice(int value) => value * 2;
        }
        """;

    [Fact]
    public void A_library_verifies_its_doc_examples_and_readme_against_its_own_build_once_even_when_its_config_references_itself()
    {
        using var project = PackedPackage.Instance.CreateProject("doclib", Posts.NetLibrary + "<ImplicitUsings>enable</ImplicitUsings><SnippetCheckDocComments>true</SnippetCheckDocComments>");
        project.Write("Calc.cs", Calculator);
        project.Write("Greeter.cs", Library.Greeter);
        project.Write("README.md", Library.Guide);
        // The form docs/packages.md recommends for posts, naming the project itself: it once made the build recurse forever.
        project.Write("snippetcheck.json", Library.ConfigReferencing("Consumer.csproj"));

        // Building itself from its own check never ended (issue 16, bug 1); Dotnet.Run gives up after three minutes.
        var cache = Path.Combine(project.Home, "cache");
        var first = project.Build(new Dictionary<string, string> { ["SNIPPETCHECK_PACKAGE_CACHE"] = cache });
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("2 passed, 0 failed", first.Output);
        // The check used the assembly just built (--project-output), not a build of its own in the CLI's cache.
        Assert.False(Directory.Exists(Path.Combine(cache, "projects")), "the CLI built the project again");

        var unchanged = project.Build();
        Assert.True(unchanged.ExitCode == 0, unchanged.ToString());
        Assert.Contains(SkippedTarget, unchanged.Output);

        // Both APIs are renamed; the doc comment and the README are not: the next plain build fails at each example's
        // line and column. The README did not change at all: the stamp covers the built assembly (issue 16, bug 2).
        project.Write("Calc.cs", Calculator.Replace("public static int Twice(", "public static int Double(", StringComparison.Ordinal));
        project.Write("Greeter.cs", Library.Renamed);
        var renamed = project.Build();
        Assert.NotEqual(0, renamed.ExitCode);
        Assert.True(Regex.IsMatch(renamed.Output, @"Calc\.cs\(9,32\): error CS0117: 'Calc' does not contain a definition for 'Twice'"), renamed.Output);
        Assert.Matches(@"README\.md\(6,27\): error CS0117: 'Greeter' does not contain a definition for 'Greet'", renamed.Output);
        project.Write("Greeter.cs", Library.Greeter);

        // A rotten output: the diff is in the error itself, and the hint names a command that works from the build.
        project.Write("Calc.cs", Calculator.Replace("/// 42", "/// 41", StringComparison.Ordinal));
        var rotten = project.Build("-v:m");
        Assert.NotEqual(0, rotten.ExitCode);
        // MSBuild's console logger prints each line of a message behind the error's place.
        Assert.True(Regex.IsMatch(rotten.Output, @"Calc\.cs\(12,9\): error SC2001: output differs[^\n]*\n[^\n]*Calc\.cs\(12,9\): error SC2001:\s+- 41[^\n]*\n[^\n]*error SC2001:\s+\+ 42"), rotten.Output);
        Assert.Contains("dotnet build -t:SnippetCheckAccept updates the output block", rotten.Output);

        var accept = project.Build("-t:SnippetCheckAccept");
        Assert.True(accept.ExitCode == 0, accept.ToString());
        Assert.Equal(Calculator, File.ReadAllText(Path.Combine(project.Directory, "Calc.cs")));
        var fixedBuild = project.Build();
        Assert.True(fixedBuild.ExitCode == 0, fixedBuild.ToString());
        Assert.Contains("2 passed, 0 failed", fixedBuild.Output);
    }

    /// <summary>
    /// Examples a library author gets wrong, in this order: a timeout (no detail), an exception (a stack trace), an
    /// internal type (CS0122, with a hint), an internal member (CS0117, with the same hint), a wrong output (a diff).
    /// </summary>
    private const string Checks = """
        namespace Lib;

        internal static class Secret { public static int Value => 1; }

        /// <summary>Examples that fail.</summary>
        public static class Checks
        {
            /// <summary>Hangs.</summary>
            /// <example>
            /// <code snippetcheck="run timeout=1s">
            /// Thread.Sleep(30000);
            /// </code>
            /// </example>
            public static void Hang() { }

            /// <summary>Parses a number.</summary>
            /// <example>
            /// <code snippetcheck="run">
            /// Console.WriteLine(Checks.Parse("two"));
            /// </code>
            /// </example>
            public static int Parse(string text) => int.Parse(text);

            /// <summary>Shows an internal type.</summary>
            /// <example>
            /// <code snippetcheck="run">
            /// Console.WriteLine(Secret.Value);
            /// </code>
            /// </example>
            public static void ShowSecret() { }

            /// <summary>Shows an internal member.</summary>
            /// <example>
            /// <code snippetcheck="run">
            /// Console.WriteLine(Checks.Hidden);
            /// </code>
            /// </example>
            public static void ShowHidden() { }

            internal static int Hidden => 2;

            /// <summary>Twice <paramref name="value"/>.</summary>
            /// <example>
            /// <code snippetcheck="run">
            /// Console.WriteLine(Checks.Twice(21));
            /// </code>
            /// <code snippetcheck="output">
            /// 41
            /// </code>
            /// </example>
            public static int Twice(int value) => value * 2;
        }
        """;

    [Fact]
    public void A_library_authors_build_shows_each_errors_details_with_that_error_names_the_unchecked_readme_and_accepts_with_relative_paths()
    {
        // A repository as a library author has it: README.md at its root, the library in a folder below.
        using var project = PackedPackage.Instance.CreateProject("author", Posts.NetLibrary + "<ImplicitUsings>enable</ImplicitUsings><SnippetCheckDocComments>true</SnippetCheckDocComments>");
        var git = Dotnet.RunProgram("git", project.Home, new Dictionary<string, string>(), TimeSpan.FromSeconds(30), "init", "--quiet");
        Assert.True(git.ExitCode == 0, git.ToString());
        project.Write("../README.md", "# Lib\n\n```csharp run\nConsole.WriteLine(Lib.Checks.Twice(2));\n```\n\n```output\n5\n```\n");
        project.Write("Checks.cs", Checks);

        // One build, read at two verbosities: the console at -v:n, a file log at the default, minimal.
        var failed = project.Build("-flp:verbosity=minimal;logfile=minimal.log");
        Assert.NotEqual(0, failed.ExitCode);
        var minimal = File.ReadAllText(Path.Combine(project.Directory, "minimal.log"));
        foreach (var log in new[] { failed.Output, minimal })
        {
            // MSBuild prints each line of an error's message behind that error's place and code.
            AssertOnlyIn(log, "at Lib.Checks.Parse(String text)", "error SC2003:");
            AssertOnlyIn(log, "hint: an example in a doc comment uses the library as its users do", "error CS0122:", "error CS0117:");
            AssertOnlyIn(log, "- 41", "error SC2001:");
        }
        // At the project, where the item goes, not at the package's .targets file.
        Assert.Matches(@"Consumer\.csproj : warning SC3012: SnippetCheck does not verify the repository's README\.md", failed.Output);
        Assert.Contains("add <SnippetCheckDocument Include=\"../README.md\" /> to the project", failed.Output);

        // The documented fix checks the README; accept then names both files as the rest of the output does.
        project.Write("Directory.Build.targets", """<Project><ItemGroup><SnippetCheckDocument Include="../README.md" /></ItemGroup></Project>""");
        // The two output blocks are rewritten; the exception and the internal member are not accept's to fix: they stay
        // errors, and the target fails.
        var accept = project.Build("-t:SnippetCheckAccept");
        Assert.True(accept.ExitCode != 0, accept.ToString());
        Assert.True(Regex.IsMatch(accept.Output, @"--accept: \d+ failures? not accepted"), accept.Output);
        Assert.Contains("error CS0122", accept.Output);
        Assert.Matches(@"(?m)^\s*\.\./README\.md\(7,1\): accepted output", accept.Output);
        Assert.Matches(@"(?m)^\s*Checks\.cs\(\d+,9\): accepted output", accept.Output);
        Assert.DoesNotContain("SC3012", accept.Output);
        Assert.Contains("Console.WriteLine(Lib.Checks.Twice(2));\n```\n\n```output\n4\n```", File.ReadAllText(Path.Combine(project.Home, "README.md")));
    }

    /// <summary>
    /// Every line of <paramref name="log"/> that holds <paramref name="detail"/> is a line of one of
    /// <paramref name="errors"/>, and each of those errors has such a line.
    /// </summary>
    private static void AssertOnlyIn(string log, string detail, params string[] errors)
    {
        var lines = log.Split('\n').Where(l => l.Contains(detail, StringComparison.Ordinal)).ToList();
        Assert.All(errors, e => Assert.True(lines.Any(l => l.Contains(e, StringComparison.Ordinal)), $"no '{e}' line holds '{detail}':\n{log}"));
        Assert.All(lines, l => Assert.True(errors.Any(e => l.Contains(e, StringComparison.Ordinal)), $"'{detail}' is not with {string.Join(" or ", errors)}: {l}\n{log}"));
    }

    [Fact]
    public void A_docs_project_fails_its_next_plain_build_when_the_library_it_references_renames_an_api()
    {
        using var project = PackedPackage.Instance.CreateProject("docs", Posts.NetLibrary);
        project.Write("../Lib/Lib.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
            </Project>
            """);
        project.Write("../Lib/Calc.cs", Calculator.Replace("Console.", "System.Console.", StringComparison.Ordinal));
        project.Write("../Lib/Flavor.cs", "namespace Lib;\n\npublic static class Flavor\n{\n#if DEBUG\n    public static string Name => \"Debug\";\n#else\n    public static string Name => \"Release\";\n#endif\n}\n");
        project.Write("snippetcheck.json", """{ "references": ["../Lib/Lib.csproj"] }""");
        // The CLI builds the library as 'dotnet build' does, in Debug: the configuration the build's own check uses.
        project.Write("posts/calc.md", "# Doubling\n\n```csharp run\nConsole.WriteLine(Lib.Calc.Twice(4));\nConsole.WriteLine(Lib.Flavor.Name);\n```\n\n```output\n8\nDebug\n```\n");

        var first = project.Build();
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("1 passed, 0 failed", first.Output);
        Assert.Contains(SkippedTarget, project.Build().Output);

        project.Write("../Lib/Calc.cs", Calculator.Replace("public static int Twice(", "public static int Double(", StringComparison.Ordinal));
        var renamed = project.Build();
        Assert.NotEqual(0, renamed.ExitCode);
        Assert.Matches(@"posts[/\\]calc\.md\(4,28\): error CS0117", renamed.Output);
    }

    [Fact]
    public void A_project_with_nothing_to_verify_says_so_and_how_to_include_a_docs_folder()
    {
        using var project = PackedPackage.Instance.CreateProject("empty", Posts.NetLibrary);
        project.Write("../docs/post.md", "```csharp run\nConsole.WriteLine(1);\n```\n");

        var silent = project.Build();
        Assert.True(silent.ExitCode == 0, silent.ToString());
        Assert.Matches(@"warning SC3009: SnippetCheck found no documents to verify", silent.Output);
        Assert.Contains("<SnippetCheckDocument Include=\"../docs/**/*.md\" />", silent.Output);

        // The documented fix for the usual layout: the docs folder beside the project.
        project.Write("Directory.Build.targets", """<Project><ItemGroup><SnippetCheckDocument Include="../docs/**/*.md" /></ItemGroup></Project>""");
        var included = project.Build();
        Assert.True(included.ExitCode == 0, included.ToString());
        Assert.Contains("1 passed, 0 failed", included.Output);
        Assert.DoesNotContain("SC3009", included.Output);
    }

    [Fact]
    public void The_sample_library_passes_through_the_build()
    {
        using var project = PackedPackage.Instance.CreateProject("sample", Posts.NetLibrary);
        var sample = Path.Combine(Dotnet.RepositoryRoot, "tests", "DocLibrary");
        foreach (var file in Directory.GetFiles(sample, "*.cs")) project.Write(Path.GetFileName(file), File.ReadAllText(file));
        // The sample's own project file, with the package added: its global usings and properties as they are.
        project.Write("Consumer.csproj", File.ReadAllText(Path.Combine(sample, "DocLibrary.csproj")).Replace("</Project>",
            $"""<ItemGroup><PackageReference Include="SnippetCheck.MSBuild" Version="{PackedPackage.Instance.Version}" /></ItemGroup><PropertyGroup><SnippetCheckDocComments>true</SnippetCheckDocComments></PropertyGroup></Project>""",
            StringComparison.Ordinal));

        var result = project.Build();

        Assert.True(result.ExitCode == 0, result.ToString());
        // The sample targets net8.0 and net10.0: each example ran against each build (Calculator.BuiltFor prints which).
        Assert.Contains("11 passed, 1 checked, 0 failed, 0 ignored, 1 untagged (13 C# blocks in 2 files, on net8.0 and net10.0)", result.Output);
    }
}
