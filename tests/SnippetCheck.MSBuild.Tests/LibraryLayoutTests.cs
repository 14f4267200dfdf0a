using System.Text.RegularExpressions;
using SnippetCheck.MSBuild.Tests.Infrastructure;

namespace SnippetCheck.MSBuild.Tests;

/// <summary>
/// End-to-end: a library and its docs in the layouts docs/msbuild.md describes (issue 16's MSBuild bugs): docs next
/// to the library in its own project, a docs project beside it with the docs in <c>../docs</c>, and doc-comment
/// examples in a multi-targeted library. Each test is one project built several times, as a user would change and
/// build it. DocCommentBuildTests covers the rest: a library whose config references itself (doc comments and its
/// README), a docs project without a ProjectReference, SC3009 and the sample library.
/// </summary>
[Trait("Category", "EndToEnd")]
[TakesSeconds(125)]
public sealed class LibraryLayoutTests
{
    private const string SkippedTarget = "Skipping target \"SnippetCheck\" because all output files are up-to-date";
    private const string CliInvocation = "snippetcheck.dll verify";

    [Fact]
    public void A_docs_project_that_references_the_library_and_includes_the_docs_folder_fails_on_a_renamed_method()
    {
        // The layout most library repositories have: src/, docs/, and a docs project with a ProjectReference.
        using var project = PackedPackage.Instance.CreateProject("docs-project", Posts.NetLibrary,
            """<ProjectReference Include="../lib/Lib.csproj" /><SnippetCheckDocument Include="../docs/**/*.md" />""");
        project.Write("../lib/Lib.csproj", Library.PlainProject);
        project.Write("../lib/Greeter.cs", Library.Greeter);
        project.Write("../docs/guide.md", Library.Guide);
        project.Write("snippetcheck.json", Library.ConfigReferencing("../lib/Lib.csproj"));
        project.Write("../nuget.config", project.Read("nuget.config"));

        var first = project.Build();
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("1 passed, 0 failed", first.Output);
        Assert.DoesNotContain("SC3009", first.Output);

        project.Write("../lib/Greeter.cs", Library.Renamed);
        var renamed = project.Build();
        Assert.NotEqual(0, renamed.ExitCode);
        Assert.Matches(@"docs[/\\]guide\.md\(6,27\): error CS0117: 'Greeter' does not contain a definition for 'Greet'", renamed.Output);
    }

    [Fact]
    public void A_multi_targeted_library_checks_once_against_its_highest_framework_and_fails_at_rotten_examples_until_the_accept_target_fixes_them()
    {
        using var project = PackedPackage.Instance.CreateProject(
            "doc-comments", "<TargetFrameworks>netstandard2.0;net10.0</TargetFrameworks><SnippetCheckDocComments>true</SnippetCheckDocComments>");
        project.Write("Greeter.cs", Library.RottenDocComment);
        project.Write("Flavor.cs", Flavor);
        project.Write("posts/post.md", Posts.Rotten);
        project.Write("snippetcheck.json", Library.ConfigReferencing("Consumer.csproj"));

        // An errors-only log holds just the error messages: the diff and the hint must be in the error itself (bug 4).
        var rotten = project.Build("-flp:errorsonly;logfile=errors.log");
        Assert.NotEqual(0, rotten.ExitCode);
        // Once, not once per framework.
        Assert.Single(Regex.Matches(rotten.Output, Regex.Escape(CliInvocation)));
        var errors = File.ReadAllText(Path.Combine(project.Directory, "errors.log"));
        Assert.Matches(@"Greeter\.cs\(12,13\): error SC2001: output differs", errors);
        Assert.Contains("- Hi, Ada.", errors);
        Assert.Contains("+ Hello, Ada!", errors);
        Assert.Contains("dotnet build -t:SnippetCheckAccept updates the output block", errors);
        // The console logger repeats errors in its closing summary; an errors-only file log lists each once, though each
        // line of its message (the diff) carries the place again, as MSBuild prints a multi-line error.
        Assert.Single(Regex.Matches(errors, @"post\.md\(11,1\): error SC2001: output differs"));
        Assert.DoesNotContain("Flavor.cs", errors);

        var accepted = project.Build("-t:SnippetCheckAccept");
        Assert.True(accepted.ExitCode == 0, accepted.ToString());
        Assert.Equal(Library.FixedDocComment, project.Read("Greeter.cs"));

        var fixedBuild = project.Build();
        Assert.True(fixedBuild.ExitCode == 0, fixedBuild.ToString());
        Assert.Contains("3 passed, 0 failed", fixedBuild.Output);
    }

    /// <summary>An example whose output names the framework the library was built for: the highest one, net10.0.</summary>
    private const string Flavor = """
        namespace Lib
        {
        /// <summary>Which build of the library this is.</summary>
        /// <example>
        /// <code snippetcheck="run">
        /// System.Console.WriteLine(Flavor.Name);
        /// </code>
        /// <code snippetcheck="output">
        /// net10.0
        /// </code>
        /// </example>
        public static class Flavor
        {
        #if NET10_0
            public const string Name = "net10.0";
        #else
            public const string Name = "netstandard2.0";
        #endif
        }
        }
        """;
}
