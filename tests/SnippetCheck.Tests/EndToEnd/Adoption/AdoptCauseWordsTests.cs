using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Cli;

/// <summary>
/// Issue 75, item 9: what adopt says of a block it leaves unverified is true. The docs' own types, which no package
/// declares and no page shows declared, are "declared nowhere in the docs", not a package not found; a note says a page
/// names a package only where that page names it, else who does (its doc set); the rot section names no package no
/// block was tagged with.
/// </summary>
public sealed class AdoptCauseWordsTests
{
    [Fact]
    public void The_docs_own_type_that_no_package_declares_is_declared_nowhere_in_the_docs_not_a_package_not_found()
    {
        using var folder = new TempFolder();
        folder.Write("docs/post.md", """
            # Validators

            ```shell
            dotnet add package Newtonsoft.Json
            ```

            ```csharp
            public PersonValidator MakeValidator() => new PersonValidator();
            ```
            """);

        var run = CliRunner.Run(folder.Path, "adopt", "docs", "--report", "json=adopt.json");

        Assert.True(run.ExitCode == 0, run.Output);
        var block = AdoptJsonReport.Load(Path.Combine(folder.Path, "adopt.json")).Blocks[7];
        Assert.Equal(("unknown-name", "'PersonValidator': declared nowhere in the docs"),
            (block.GetProperty("cause").GetString(), block.GetProperty("detail").GetString()));
        Assert.Contains("unknown-name       e.g. ", run.Stdout);
        Assert.Contains("'PersonValidator': declared nowhere in the docs\n", run.Stdout);
    }

    [Fact]
    public void A_note_says_the_doc_set_names_a_package_the_page_itself_never_names()
    {
        using var folder = new TempFolder();
        folder.Write("docs/install.md", """
            # Install

            ```shell
            dotnet add package Zqxv.Imaginary.Widgets
            ```

            ```csharp
            Console.WriteLine("installed");
            ```
            """);
        folder.Write("docs/usage.md", """
            # Usage

            ```csharp
            Console.WriteLine(Widget.Make());
            ```
            """);

        var run = CliRunner.Run(folder.Path, "adopt", "docs");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.DoesNotContain("usage.md(3,1): not tagged check: its post names", run.Stdout);
        Assert.Contains("usage.md(3,1): not tagged check: its doc set names Zqxv.Imaginary.Widgets, which no package source has", run.Stdout);
    }

    [Fact]
    public void The_older_major_note_names_no_package_that_no_block_is_tagged_with()
    {
        using var folder = new TempFolder();
        // CsvHelper's docs use names its 34 dropped (AdoptWrittenForAnOlderMajorTests), but each block here also misspells a
        // member, so it fails at every version and no block is tagged with the package.
        folder.Write(".git/config", "[core]\n");
        folder.Write("docs/getting-started/index.md", """
            # Getting started

            ```
            dotnet add package CsvHelper
            ```

            ```cs
            var config = new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = ";" };
            Console.WriteLine(config.Delimitr);
            ```
            """);
        folder.Write("docs/examples/maps/index.md", """
            # Class maps

            ```cs
            var map = new FooMap();
            Console.WriteLine(map.MemberMapz.Count);

            public class Foo { public int Id { get; set; } }

            public sealed class FooMap : ClassMap<Foo>
            {
                public FooMap() => Map(m => m.Id).Name("ColumnA");
            }
            ```
            """);

        var run = CliRunner.Run(folder.Path, "adopt", "docs", "--report", "json=adopt.json");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.True(AdoptJsonReport.Load(Path.Combine(folder.Path, "adopt.json")).Summary.GetProperty("adopted").GetInt32() == 0, run.Output);
        Assert.DoesNotContain("the newest, no longer declares", run.Stdout);
    }
}
