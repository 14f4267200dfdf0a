using SnippetCheck.Adoption.Inference;
using SnippetCheck.Extraction.Snippets;
using SnippetCheck.Programs;
using static SnippetCheck.Tests.Unit.Adoption.CannedTrials;
using Block = SnippetCheck.Adoption.Inference.SessionChoice.Block;

namespace SnippetCheck.Tests.Unit.Adoption.Inference;

/// <summary>
/// Which blocks a session joins (<see cref="SessionChoice"/>), read off a page's text: the names a block declares and
/// uses, the earlier blocks a chain takes, the nearest of two declarations, a page's class named by its use. Nothing is
/// compiled or run: the sessions these choose are tried by <c>Trials/SessionTrials</c> (EndToEnd/Adoption/AdoptPageClassTests;
/// Cli/AdoptDeclaredBelowTests).
/// </summary>
public sealed class SessionChoiceTests
{
    private static PreparedDocument PageOf(params string[] blocks) =>
        AdoptionHarness.Page("# Post\n\n" + string.Concat(blocks.Select(b => $"```csharp\n{b}\n```\n\nText.\n\n")));

    private static Block BlockOf(PreparedDocument page, int index, bool passes = true, bool needsEarlier = false, bool runs = false,
        SnippetTags? tags = null)
    {
        var snippet = page.Blocks[index];
        return new Block(page, snippet, tags ?? snippet.Tags, passes, null, needsEarlier, runs);
    }

    [Fact]
    public void A_block_declares_its_types_top_level_locals_and_static_class_methods_and_uses_names_bare_or_after_a_dot()
    {
        var page = PageOf("""
            var total = 0;
            int Twice(int x) => x * 2;
            Console.WriteLine(Helpers.Shout(total));
            class Point { }
            static class Helpers { public static string Shout(int x) => ""; }
            """);

        var names = SessionChoice.Read(page.Blocks[0]);

        Assert.Equal(["Helpers", "Point", "Twice", "total"], names.Types.Order(StringComparer.Ordinal));
        Assert.Equal(["Helpers", "Point", "Shout", "Twice", "total"], names.Declared.Order(StringComparer.Ordinal));
        Assert.Equal(["Twice", "total"], names.TopLevel.Order(StringComparer.Ordinal));
        Assert.Contains("Shout", names.Used);
        Assert.Contains("Console", names.Bare);
        // Written after a dot, a name is a member's, never a top-level local's: 'accumulator.Add' calls no local 'Add'.
        Assert.DoesNotContain("Shout", names.Bare);
        Assert.DoesNotContain("WriteLine", names.Bare);
    }

    [Fact]
    public void Of_two_blocks_declaring_one_type_the_one_nearest_above_the_block_joins_it_and_the_other_never()
    {
        var page = PageOf("class Point { public int X; }", "Console.WriteLine(1);", "class Point { public int X, Y; }",
            "var p = new Point(); Console.WriteLine(p.X);", "class Point { }");
        var blocks = new[] { BlockOf(page, 0), BlockOf(page, 1, runs: true), BlockOf(page, 2),
            BlockOf(page, 3, passes: false, needsEarlier: true, runs: true), BlockOf(page, 4) };
        SessionChoice.Names NamesOf(Block b) => SessionChoice.Read(b.Snippet);

        var ways = SessionChoice.DeclaringWays(blocks, blocks[3], NamesOf);
        var joined = SessionChoice.Grown(blocks[3], ways[0], blocks, [], NamesOf);

        Assert.NotNull(joined);
        Assert.Equal([blocks[2].Snippet.Location, blocks[3].Snippet.Location], joined.Select(b => b.Snippet.Location));
        // The block with statements above declares nothing: it is no way's.
        Assert.DoesNotContain(blocks[1], ways[0]);
    }

    /// <summary>A page's type declared at its top and used many blocks later (a chain of earlier blocks reaches over five).</summary>
    [Fact]
    public void A_declaration_far_above_joins_the_block_that_uses_it_past_seven_that_declare_nothing()
    {
        var page = PageOf(["public record Point(int X, int Y) { public int Sum => X + Y; }",
            .. Enumerable.Range(1, 7).Select(i => $"Console.WriteLine({i});"), "var p = new Point(2, 3); Console.WriteLine(p.Sum);"]);
        var blocks = page.Blocks.Select((_, i) => BlockOf(page, i, passes: i < 8, needsEarlier: i == 8, runs: i > 0)).ToArray();
        SessionChoice.Names NamesOf(Block b) => SessionChoice.Read(b.Snippet);

        var joined = SessionChoice.Grown(blocks[8], SessionChoice.DeclaringWays(blocks, blocks[8], NamesOf)[0], blocks, [], NamesOf);

        Assert.NotNull(joined);
        Assert.Equal([blocks[0].Snippet.Location, blocks[8].Snippet.Location], joined.Select(b => b.Snippet.Location));
    }

    [Fact]
    public void A_chain_takes_the_nearest_earlier_blocks_passing_over_a_fragment_and_brings_a_chain_it_reaches_whole()
    {
        var page = PageOf("var a = 1;", "var b = a + 1;", "if (", "Console.WriteLine(b);");
        var blocks = new[] { BlockOf(page, 0, runs: true), BlockOf(page, 1, passes: false, needsEarlier: true, runs: true),
            BlockOf(page, 2, passes: false), BlockOf(page, 3, passes: false, needsEarlier: true, runs: true) };

        var alone = SessionChoice.Earlier(blocks, blocks[3], 1, []);
        var chain = new SessionChoice.Chain(page, [page.Blocks[0], page.Blocks[1]], ["", ""]);
        var along = SessionChoice.Earlier(blocks, blocks[3], 1, [chain]);

        Assert.Equal([page.Blocks[1].Location, page.Blocks[3].Location], alone!.Select(b => b.Snippet.Location));
        Assert.Equal([page.Blocks[0].Location, page.Blocks[1].Location, page.Blocks[3].Location], along!.Select(b => b.Snippet.Location));
        Assert.Null(SessionChoice.Earlier(blocks, blocks[3], 3, []));
    }

    [Fact]
    public void Bare_base_class_statements_before_a_construction_of_a_class_named_like_the_base_become_that_class()
    {
        var page = PageOf("RuleFor(x => x.Name).NotEmpty();", "var validator = new PersonValidator();", "var other = new Unrelated();");
        var statements = BlockOf(page, 0, tags: page.Blocks[0].Tags with { Base = "AbstractValidator<Person>" });

        var named = SessionChoice.WithPageClassNamed([statements, BlockOf(page, 1), BlockOf(page, 2)], new HashSet<string>());
        var declared = SessionChoice.WithPageClassNamed([statements, BlockOf(page, 1)], new HashSet<string> { "PersonValidator" });

        Assert.Equal("PersonValidator:AbstractValidator<Person>", named[0].Tags.Base);
        // A class the page declares is that declaration's, not the statements'.
        Assert.Equal("AbstractValidator<Person>", declared[0].Tags.Base);
    }

    [Fact]
    public void Only_a_failure_on_unknown_names_or_members_needs_an_earlier_block()
    {
        var snippet = PageOf("var total = items.Sum();").Blocks[0];

        Assert.True(SessionChoice.IsUnknownNamesOnly(Failed(snippet, "CS1061", "Sum", "no Sum")));
        Assert.True(SessionChoice.IsUnknownNamesOnly(Unknown(snippet, "items")));
        Assert.False(SessionChoice.IsUnknownNamesOnly(Failed(snippet, "CS0029", "total", "cannot convert")));
        Assert.False(SessionChoice.IsUnknownNamesOnly(Passed(snippet)));
    }
}
