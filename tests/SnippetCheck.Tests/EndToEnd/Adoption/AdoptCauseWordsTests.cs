using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.EndToEnd.Adoption;

/// <summary>
/// Issue 75, item 9: what adopt says of a block it leaves unverified is true. The docs' own types, which no package
/// declares and no page shows declared, are "declared nowhere in the docs", not a package not found; a note says a page
/// names a package only where that page names it, else who does (its doc set); the rot section names no package no
/// block was tagged with.
/// </summary>
public sealed class AdoptCauseWordsTests
{
    [Fact]
    public async Task The_docs_own_type_that_no_package_declares_is_declared_nowhere_in_the_docs_not_a_package_not_found()
    {
        using var docs = new AdoptInProcess();
        docs.Write("docs/post.md", """
            # Validators

            ```shell
            dotnet add package Newtonsoft.Json
            ```

            ```csharp
            public PersonValidator MakeValidator() => new PersonValidator();
            ```
            """);

        var run = await docs.AdoptAsync("docs");
        var block = docs.Json(run).Blocks[7];
        Assert.Equal(("unknown-name", "'PersonValidator': declared nowhere in the docs"),
            (block.GetProperty("cause").GetString(), block.GetProperty("detail").GetString()));
        Assert.Contains("unknown-name       e.g. ", AdoptInProcess.Table(run));
        Assert.Contains("'PersonValidator': declared nowhere in the docs\n", AdoptInProcess.Table(run));
    }

    [Fact]
    public async Task A_note_says_the_doc_set_names_a_package_the_page_itself_never_names()
    {
        using var docs = new AdoptInProcess();
        docs.Write("docs/install.md", """
            # Install

            ```shell
            dotnet add package Zqxv.Imaginary.Widgets
            ```

            ```csharp
            Console.WriteLine("installed");
            ```
            """);
        docs.Write("docs/usage.md", """
            # Usage

            ```csharp
            Console.WriteLine(Widget.Make());
            ```
            """);

        var run = await docs.AdoptAsync("docs");
        Assert.DoesNotContain("usage.md(3,1): not tagged check: its post names", AdoptInProcess.Table(run));
        Assert.Contains("usage.md(3,1): not tagged check: its doc set names Zqxv.Imaginary.Widgets, which no package source has", AdoptInProcess.Table(run));
    }

    [Fact]
    public async Task The_older_major_note_names_no_package_that_no_block_is_tagged_with()
    {
        using var docs = new AdoptInProcess();
        // CsvHelper's docs use names its 34 dropped (AdoptWrittenForAnOlderMajorTests), but each block here also misspells a
        // member, so it fails at every version and no block is tagged with the package.
        docs.Write(".git/config", "[core]\n");
        docs.Write("docs/getting-started/index.md", """
            # Getting started

            ```
            dotnet add package CsvHelper
            ```

            ```cs
            var config = new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = ";" };
            Console.WriteLine(config.Delimitr);
            ```
            """);
        docs.Write("docs/examples/maps/index.md", """
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

        var run = await docs.AdoptAsync("docs");
        Assert.True(docs.Json(run).Summary.GetProperty("adopted").GetInt32() == 0, AdoptInProcess.Table(run));
        Assert.DoesNotContain("the newest, no longer declares", AdoptInProcess.Table(run));
    }
}
