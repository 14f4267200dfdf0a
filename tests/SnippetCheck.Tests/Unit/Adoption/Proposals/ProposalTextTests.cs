using SnippetCheck.Adoption.Proposals;
using SnippetCheck.Extraction;
using SnippetCheck.Extraction.Snippets;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Unit.Adoption.Proposals;

/// <summary>
/// What adopt writes, as text: a proposal's tag words (which must read back as the tags proposed) and a page fixture's
/// settings, in a hidden comment or the front matter. Strings in, strings out; nothing is compiled.
/// </summary>
public sealed class ProposalTextTests
{
    private static Snippet Block(string code = "x();") => Pipeline.Read($"# P\n\n```csharp\n{code}\n```\n").Snippets[0];

    [Fact]
    public void A_proposals_words_name_every_tag_it_carries_and_read_back_as_those_tags()
    {
        var proposal = new AdoptProposal(Block(), SnippetKind.CompileFail, null)
        {
            ExpectedErrorIds = ["CS0246", "CS0103"], Members = true, Given = ["app:WebApplication"], Usings = ["System.Text"],
            Packages = [new("Acme.Lib", "1.2.0", default), new("Zed", "", default)], WebSdk = true, Session = "setup",
        };

        Assert.Equal("compile-fail=CS0246,CS0103 members given=app:WebApplication usings=System.Text packages=Acme.Lib@1.2.0,Zed sdk=web session=setup",
            proposal.Words);
        var tags = Pipeline.Read($"# P\n\n<!-- snippetcheck: {proposal.Words} -->\n```csharp\nx();\n```\n").Snippets[0].Tags;
        Assert.Equal(SnippetKind.CompileFail, tags.Kind);
        Assert.Equal(["CS0246", "CS0103"], tags.ExpectedErrorIds);
        Assert.True(tags.Members && tags.WebSdk);
        Assert.Equal(["app:WebApplication"], tags.Given);
        Assert.Equal(["System.Text"], tags.Usings);
        Assert.Equal(["Acme.Lib@1.2.0", "Zed"], tags.Packages.Select(p => p.TagText));
        Assert.Equal("setup", tags.Session);
    }

    [Fact]
    public void A_plain_proposal_is_its_kind_word_alone()
    {
        Assert.Equal("run", new AdoptProposal(Block(), SnippetKind.Run, null).Words);
        Assert.Equal("check listing", new AdoptProposal(Block(), SnippetKind.Check, null) { Listing = true }.Words);
        Assert.Equal("compile results statements-first base=Endpoint<Req,Res>",
            new AdoptProposal(Block(), SnippetKind.Compile, null) { Results = true, StatementsFirst = true, Base = "Endpoint<Req,Res>" }.Words);
    }

    [Fact]
    public void Page_settings_are_front_matter_lines_or_one_hidden_comment()
    {
        var settings = new PageSettings(Fixture: true, HiddenFences: ["requiredcode", "setup"]);

        Assert.Equal(["fixture: true", "hiddenFences: [requiredcode, setup]"], settings.Lines);
        Assert.Equal("<!-- snippetcheck: page fixture: true, hiddenFences: [requiredcode, setup] -->", settings.Comment);
        Assert.Equal(["hiddenFences: [x]"], new PageSettings(Fixture: false, HiddenFences: ["x"]).Lines);
    }

    private static readonly PageSettings Fixture = new(Fixture: true, HiddenFences: []) { InComment = true };

    private static SourceDocument Page(string text, string file = "post.md") => SourceDocument.FromText(Path.GetFullPath(file), file, text);

    private static string Inserted(SourceDocument page, PageSettingsPlace.Insertion? insertion) =>
        insertion is { } at ? page.Text.Insert(at.At, at.Text) : "(no place)";

    [Fact]
    public void The_hidden_comment_goes_below_the_front_matter_else_at_the_top_in_the_pages_line_endings()
    {
        var fronted = Page("---\ntitle: T\n---\n# P\n");
        var bare = Page("# P\r\n\r\ntext\r\n");

        Assert.Equal("---\ntitle: T\n---\n<!-- snippetcheck: page fixture: true -->\n# P\n", Inserted(fronted, PageSettingsPlace.Of(fronted, Fixture)));
        Assert.Equal("<!-- snippetcheck: page fixture: true -->\r\n# P\r\n\r\ntext\r\n", Inserted(bare, PageSettingsPlace.Of(bare, Fixture)));
    }

    [Theory]
    [InlineData("post.mdx", "# P\n")]
    [InlineData("post.md", "<!-- snippetcheck: page fixture: true -->\n# P\n")]
    [InlineData("post.md", "---\nsnippetcheck:\n  timeout: 5s\n---\n# P\n")]
    public void The_hidden_comment_has_no_place_where_it_could_not_say_the_settings_alone(string file, string text) =>
        Assert.Null(PageSettingsPlace.InComment(Page(text, file), Fixture));

    [Fact]
    public void In_the_front_matter_the_settings_join_its_snippetcheck_map_at_its_indent_and_line_ending_else_start_one()
    {
        var settings = new PageSettings(Fixture: true, HiddenFences: ["requiredcode"]);
        var mapped = Page("---\r\ntitle: T\r\nsnippetcheck:\r\n    timeout: 5s\r\n---\r\n# P\r\n");
        var unmapped = Page("---\ntitle: T\n---\n# P\n");
        var bare = Page("# P\n");

        Assert.Equal("---\r\ntitle: T\r\nsnippetcheck:\r\n    fixture: true\r\n    hiddenFences: [requiredcode]\r\n    timeout: 5s\r\n---\r\n# P\r\n",
            Inserted(mapped, PageSettingsPlace.InFrontMatter(mapped, settings)));
        Assert.Equal("---\ntitle: T\nsnippetcheck:\n  fixture: true\n  hiddenFences: [requiredcode]\n---\n# P\n",
            Inserted(unmapped, PageSettingsPlace.InFrontMatter(unmapped, settings)));
        Assert.Equal("---\nsnippetcheck:\n  fixture: true\n  hiddenFences: [requiredcode]\n---\n# P\n", Inserted(bare, PageSettingsPlace.InFrontMatter(bare, settings)));
        Assert.True(PageSettingsPlace.FrontMatterTakesFixture(unmapped));
    }

    [Theory]
    [InlineData("+++\ntitle = \"T\"\n+++\n# P\n")]
    [InlineData("---\nsnippetcheck: {timeout: 5s}\n---\n# P\n")]
    [InlineData("---\nsnippetcheck:\n  fixture: false\n---\n# P\n")]
    public void The_front_matter_takes_no_settings_it_could_not_add_alone(string text)
    {
        Assert.Null(PageSettingsPlace.InFrontMatter(Page(text), new PageSettings(Fixture: true, HiddenFences: [])));
        Assert.False(PageSettingsPlace.FrontMatterTakesFixture(Page(text)));
    }
}
