using System.Text.RegularExpressions;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Cli;

/// <summary>
/// Issue 26, part 3: <c>adopt</c> finds the package a post is about (its usings, its repository, or <c>--package</c>),
/// pins it in the block's hidden tag, and checks the guess by verifying with it; mutants of an adopted block fail.
/// </summary>
public sealed partial class AdoptPackageTests
{
    private const string Post = """
        # JSON in one line

        ```csharp
        using Newtonsoft.Json;

        Console.WriteLine(JsonConvert.SerializeObject(new[] { 1, 2 }));
        ```

        ```text
        [1,2]
        ```

        Later, without the using:

        ```csharp
        Console.WriteLine(JsonConvert.SerializeObject("a"));
        ```

        ```csharp
        Console.WriteLine(NoSuchLibrary.Value);
        ```
        """;

    [GeneratedRegex(@"Newtonsoft\.Json@(?<version>\d+\.\d+\.\d+)")]
    private static partial Regex Pinned();

    [Fact]
    public void A_posts_using_names_its_package_which_is_pinned_hidden_and_verified_and_mutants_of_it_fail()
    {
        using var folder = new TempFolder();
        folder.Write("post.md", Post);

        var write = CliRunner.Run(folder.Path, "adopt", "--write");

        Assert.True(write.ExitCode == 0, write.Output);
        Assert.Contains("2 with their post's package", write.Stdout);
        var text = File.ReadAllText(Path.Combine(folder.Path, "post.md"));
        // The version is the config's one pin (issue 54); the tags name the package alone.
        var version = Pinned().Match(File.ReadAllText(Path.Combine(folder.Path, "snippetcheck.json"))).Groups["version"].Value;
        Assert.NotEqual("", version);
        var expected = Post
            .Replace("```csharp\nusing", "<!-- snippetcheck: run packages=Newtonsoft.Json -->\n```csharp\nusing", StringComparison.Ordinal)
            .Replace("```text", "<!-- snippetcheck: output -->\n```text", StringComparison.Ordinal)
            .Replace("```csharp\nConsole.WriteLine(JsonConvert", "<!-- snippetcheck: run usings=Newtonsoft.Json packages=Newtonsoft.Json -->\n```csharp\nConsole.WriteLine(JsonConvert", StringComparison.Ordinal)
            .Replace("```csharp\nConsole.WriteLine(NoSuchLibrary", "<!-- snippetcheck: check -->\n```csharp\nConsole.WriteLine(NoSuchLibrary", StringComparison.Ordinal);
        Assert.Equal(expected, text);

        var verify = CliRunner.Run(folder.Path, "verify");
        Assert.True(verify.ExitCode == 0, verify.Output);
        Assert.StartsWith("2 passed, 1 checked, 0 failed, 0 ignored, 0 untagged", verify.Stdout.TrimEnd('\n').Split('\n')[^1]);

        // Context, never a pass by itself: a changed output, or a method the package lacks, fails.
        File.WriteAllText(Path.Combine(folder.Path, "post.md"), expected.Replace("[1,2]", "[1,3]", StringComparison.Ordinal));
        Assert.Equal(1, CliRunner.Run(folder.Path, "verify").ExitCode);
        File.WriteAllText(Path.Combine(folder.Path, "post.md"), expected.Replace("SerializeObject(\"a\")", "SerializeObjekt(\"a\")", StringComparison.Ordinal));
        var renamed = CliRunner.Run(folder.Path, "verify");
        Assert.Equal(1, renamed.ExitCode);
        Assert.Contains("CS0117", renamed.Output);
    }

    [Fact]
    public void The_repositorys_project_pins_the_version_and_a_named_package_that_exists_nowhere_leaves_the_block_unchecked_with_a_note()
    {
        using var folder = new TempFolder();
        folder.Write(".git/config", "[remote \"origin\"]\n\turl = https://github.com/example/json-notes.git\n");
        folder.Write("samples/Samples.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><ItemGroup><PackageReference Include=\"Newtonsoft.Json\" Version=\"13.0.3\" /></ItemGroup></Project>");
        folder.Write("docs/post.md", """
            # Tokens

            ```csharp
            var token = JToken.Parse("[1, 2, 3]");
            Console.WriteLine(token[1]);
            ```
            """);
        folder.Write("docs/other.md", """
            # Elsewhere

            ```csharp
            using Zqxv.Imaginary.Widgets;

            Console.WriteLine(Widget.Make());
            ```

            ```csharp
            var text = new StringBuilder();
            Console.WriteLine(Gadget.Make(text));
            ```
            """);

        var write = CliRunner.Run(folder.Path, "adopt", "docs", "--write");

        Assert.True(write.ExitCode == 0, write.Output);
        Assert.Contains("<!-- snippetcheck: run usings=Newtonsoft.Json.Linq packages=Newtonsoft.Json -->\n```csharp\nvar token",
            File.ReadAllText(Path.Combine(folder.Path, "docs", "post.md")));
        Assert.Contains("\"packageVersions\": [\"Newtonsoft.Json@13.0.3\"]", File.ReadAllText(Path.Combine(folder.Path, "snippetcheck.json")));
        Assert.Matches(@"other\.md\(3,1\): .*'Widget'.* declared nowhere the tool can see: not in the post, the framework, nor the packages it looked in \(Zqxv\.Imaginary\.Widgets\); if a package declares them, name it with adopt --package", write.Stdout);
        // Its names stay unknown, so the block is never verified; nor checked (issue 54): they may be the API of the
        // package its using names, which could not be loaded, and a misspelt one would pass.
        Assert.DoesNotContain("snippetcheck: check", File.ReadAllText(Path.Combine(folder.Path, "docs", "other.md")));
        // A framework type the block does not import is no name declared nowhere (issue 54): a using is missing.
        Assert.Contains("other.md(9,1): 'StringBuilder' is a framework name the block does not import: a using is missing", write.Stdout);
        Assert.Matches(@"other\.md\(9,1\): 'Gadget' is declared nowhere the tool can see", write.Stdout);
        // A package no source has is no setup problem: it may well be the docs' own namespace.
        Assert.Contains("other.md(3,1): not tagged check: its post names Zqxv.Imaginary.Widgets, which no package source has", write.Stdout);

        var bad = CliRunner.Run(folder.Path, "adopt", "docs", "--package", "Newtonsoft.Json@latest");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("--package 'Newtonsoft.Json@latest' is not NAME or NAME@VERSION", bad.Output);
    }

    [Fact]
    public void A_namespace_the_post_declares_itself_is_no_package_it_names()
    {
        // The C# standard declares 'namespace N1' in one example and writes 'using N1;' in the next: N1 is the post's, so
        // adopt neither looks for a package N1 nor refuses 'check' because "its post names N1, which no package source has".
        using var folder = new TempFolder();
        folder.Write("docs/spec.md", """
            # Namespaces

            ```csharp
            namespace N1.N2
            {
                class A { }
            }
            ```

            ```csharp
            using N1.N2;

            F(new A());
            ```
            """);

        var write = CliRunner.Run(folder.Path, "adopt", "docs", "--write");

        Assert.True(write.ExitCode == 0, write.Output);
        Assert.DoesNotContain("its post names N1", write.Stdout);
        Assert.DoesNotContain("looked in (N1", write.Stdout);
        Assert.Contains("unknown-name", write.Stdout);
    }

    [Fact]
    public void A_package_whose_newest_version_does_not_restore_for_the_framework_is_pinned_at_the_newest_that_does()
    {
        // Microsoft.EntityFrameworkCore 11 wants .NET 11; on net10.0 adopt must take the newest 10.x, not give up on the name.
        using var folder = new TempFolder();
        folder.Write("post.md", """
            # Options

            ```csharp
            using Microsoft.EntityFrameworkCore;

            var builder = new DbContextOptionsBuilder();
            Console.WriteLine(builder.IsConfigured);
            ```
            """);

        var write = CliRunner.Run(folder.Path, "adopt", "--write");

        Assert.True(write.ExitCode == 0, write.Output);
        Assert.Contains("<!-- snippetcheck: run packages=Microsoft.EntityFrameworkCore -->", File.ReadAllText(Path.Combine(folder.Path, "post.md")));
        Assert.Matches(@"""Microsoft\.EntityFrameworkCore@10\.\d+\.\d+""", File.ReadAllText(Path.Combine(folder.Path, "snippetcheck.json")));
        var verify = CliRunner.Run(folder.Path, "verify");
        Assert.True(verify.ExitCode == 0, verify.Output);
    }

    [Fact]
    public void A_package_named_on_the_command_line_is_tried_at_its_version()
    {
        using var folder = new TempFolder();
        folder.Write("post.md", """
            # Stated

            ```csharp
            Console.WriteLine(JsonConvert.ToString(true));
            ```
            """);

        var write = CliRunner.Run(folder.Path, "adopt", "--write", "--package", "Newtonsoft.Json@13.0.3");

        Assert.True(write.ExitCode == 0, write.Output);
        Assert.Contains("<!-- snippetcheck: run usings=Newtonsoft.Json packages=Newtonsoft.Json -->", File.ReadAllText(Path.Combine(folder.Path, "post.md")));
        Assert.Contains("\"Newtonsoft.Json@13.0.3\"", File.ReadAllText(Path.Combine(folder.Path, "snippetcheck.json")));
    }

    [Fact]
    public void A_doc_sets_install_line_on_another_page_names_the_package_of_a_page_that_neither_imports_nor_installs_it()
    {
        // Issue 54: a library's docs say how to install it once; its other pages show calls only.
        using var folder = new TempFolder();
        folder.Write("docs/installation.md", """
            # Installation

            ```
            dotnet add package Newtonsoft.Json --version 13.0.3
            ```
            """);
        folder.Write("docs/usage.md", """
            # Usage

            ```csharp
            Console.WriteLine(JsonConvert.ToString(true));
            ```
            """);

        var write = CliRunner.Run(folder.Path, "adopt", "--write");

        Assert.True(write.ExitCode == 0, write.Output);
        var adopted = File.ReadAllText(Path.Combine(folder.Path, "docs", "usage.md"));
        Assert.Contains("<!-- snippetcheck: run usings=Newtonsoft.Json packages=Newtonsoft.Json -->", adopted);
        Assert.Contains("\"Newtonsoft.Json@13.0.3\"", File.ReadAllText(Path.Combine(folder.Path, "snippetcheck.json")));
        // A mutant of the call the block shows fails.
        File.WriteAllText(Path.Combine(folder.Path, "docs", "usage.md"), adopted.Replace("JsonConvert.ToString", "JsonConvert.ToStrin", StringComparison.Ordinal));
        Assert.Equal(1, CliRunner.Run(folder.Path, "verify").ExitCode);
    }
}
