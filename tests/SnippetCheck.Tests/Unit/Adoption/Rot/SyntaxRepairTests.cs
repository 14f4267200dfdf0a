using SnippetCheck.Adoption.Rot;
using SnippetCheck.Extraction;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Unit.Adoption.Rot;

/// <summary>
/// The smallest repair that makes a block parse (<see cref="SyntaxRepair.Of"/>), read from its syntax alone: one token
/// inserted or taken out at the parser's error, or the same one at each such error; none for a block that parses
/// already, or that no such repair makes C#. Whether the repair then compiles is the trial's (AdoptionRuleTests; the bug
/// shapes that are no typo: EndToEnd/Adoption/AdoptTypoRepairTests).
/// </summary>
public sealed class SyntaxRepairTests
{
    private static IReadOnlyList<CodeLine> Code(string code) => Pipeline.Read($"# P\n\n```csharp\n{code}\n```\n").Snippets[0].Code;

    [Theory]
    [InlineData("var a = 1;\nvar b = 2\nvar c = 3;", "var a = 1;\nvar b = 2;\nvar c = 3;")]
    [InlineData("Console.WriteLine(Math.Max(1, 2);", "Console.WriteLine(Math.Max(1, 2));")]
    [InlineData("var list = new List<int> { 1 2 };", "var list = new List<int> { 1, 2 };")]
    [InlineData("var x = 1;;;\nConsole.WriteLine(x));", "var x = 1;;;\nConsole.WriteLine(x);")]
    public void One_token_at_the_error_makes_the_block_parse(string code, string repaired)
    {
        var found = SyntaxRepair.Of(Code(code));

        Assert.NotNull(found);
        Assert.Equal(repaired, string.Join('\n', found.Code.Select(l => l.Text)));
        Assert.Equal(repaired, found.Repair.Code);
        Assert.NotEmpty(found.Edits);
    }

    /// <summary>
    /// Each bug shape one token away from C# (issue 76, item 1), as the suspected-rot entry words it; that the repaired block
    /// then compiles is the trial's (Unit/Adoption/AdoptionRuleTests, <c>A_block_that_one_token_makes_compile_is_suspected_rot_as_a_typo</c>).
    /// </summary>
    [Theory]
    [InlineData("var s = new List<string>();\ns.Add(\"logging\");\ns.Add(\"caching\")\ns.Add(\"metrics\");", "one ';' after 's.Add(\"caching\")'")]
    [InlineData("var list = new List<int> { 3, 1, 2 };\nlist.ForEach(n => {\n    Console.WriteLine(n);\n}\nConsole.WriteLine(\"done\");",
        "one ');' after '}'")]
    [InlineData("static void Configure(Action<Options> configure) => configure(new Options());\nConfigure({ o.Retries = 3; });\n"
        + "class Options { public int Retries { get; set; } }", "'o =>' before '{'")]
    [InlineData("Console.WriteLine(string.Join(\"-\", \"a\", \"b\",));", "taking out the ',' after '\"b\"'")]
    [InlineData("static string Greet(string greeting string name) => $\"{greeting}, {name}\";\nConsole.WriteLine(Greet(\"Hello\", \"Ada\"));",
        "one ',' after 'string greeting'")]
    [InlineData("var total = 2 + 3\nConsole.WriteLine(total);", "one ';' after '2 + 3'")]
    public void Each_bug_shape_one_token_away_is_one_repair_described_as_the_entry_says_it(string code, string description) =>
        Assert.Equal(description, SyntaxRepair.Of(Code(code))?.Description);

    /// <summary>Each edit stands at its place in the post: one inserted at each of five calls, one taken out.</summary>
    [Fact]
    public void A_repairs_edits_are_at_their_places_in_the_post()
    {
        var calls = Enumerable.Range(0, 5).Select(i => $"Console.WriteLine(n.Aggregate({i}, (a, x) => a + x a => a * 2));");
        var five = SyntaxRepair.Of(Code(string.Join('\n', calls)));
        var comma = SyntaxRepair.Of(Code("Console.WriteLine(string.Join(\"-\", \"a\", \"b\",));"));

        Assert.Equal("one ',' after '(a, x) => a + x' (and 4 more like it)", five?.Description);
        Assert.Equal([(4, 49, "", ","), (5, 49, "", ","), (6, 49, "", ","), (7, 49, "", ","), (8, 49, "", ",")],
            five!.Edits.Select(e => (e.Line, e.Column, e.OldText, e.NewText)));
        Assert.Equal([(4, 44, ",", "")], comma!.Edits.Select(e => (e.Line, e.Column, e.OldText, e.NewText)));
    }

    [Fact]
    public void The_same_token_missing_at_each_of_several_errors_is_one_repair_made_at_each()
    {
        var found = SyntaxRepair.Of(Code("services.Add(\"a\")\nservices.Add(\"b\")\nservices.Add(\"c\");"));

        Assert.NotNull(found);
        Assert.Equal("services.Add(\"a\");\nservices.Add(\"b\");\nservices.Add(\"c\");", found.Repair.Code);
        Assert.Equal(2, found.Edits.Count);
    }

    /// <summary>
    /// MassTransit's observability page, its console block (issue 76 bug 4): the options callback without its parameter, and
    /// the block's last call without its ';'. Two different tokens, so no one repair made it parse: the ';' that only ends the
    /// block's last statement is made with the typo's repair, and said, never counted as the typo made again.
    /// </summary>
    [Fact]
    public void A_repair_that_leaves_only_the_blocks_last_semicolon_missing_makes_it_too_and_says_so()
    {
        var found = SyntaxRepair.Of(Code(
            "Sdk.Create()\n    .AddExporter(\n    {\n        o.ConnectionString = \"x\";\n    })\n    .Build();\n\n" +
            "Sdk.Create()\n    .AddExporter(o =>\n    {\n        o.ConnectionString = \"x\";\n    })\n    .Build()"));

        Assert.NotNull(found);
        Assert.Equal(
            "Sdk.Create()\n    .AddExporter(\n    o => {\n        o.ConnectionString = \"x\";\n    })\n    .Build();\n\n" +
            "Sdk.Create()\n    .AddExporter(o =>\n    {\n        o.ConnectionString = \"x\";\n    })\n    .Build();", found.Repair.Code);
        Assert.Equal("'o =>' before '{' (and the ';' that ends the block's last statement)", found.Description);
        Assert.Equal(2, found.Edits.Count);
    }

    [Theory]
    [InlineData("var a = 1;\nConsole.WriteLine(a);")]
    [InlineData("public int Twice(int x) => x * 2;")]
    [InlineData("")]
    [InlineData("for each item in the list: print it")]
    public void A_block_that_parses_or_that_no_one_token_repairs_gets_none(string code) => Assert.Null(SyntaxRepair.Of(Code(code)));
}
