using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SnippetCheck.Compilation;
using SnippetCheck.Extraction;
using HoleKind = SnippetCheck.Compilation.HoleKind;

namespace SnippetCheck.Tests.Unit.Compilation;

/// <summary>
/// <c>...</c> placeholders in a <c>check</c> block (docs/authoring.md#fragments-the-check-level): which positions are
/// filled, with what, that every author character keeps its column, and that what is around a hole still binds.
/// </summary>
public sealed class HolesTests
{
    private static readonly CSharpParseOptions Options = new CompileSettings().ParseOptions;

    private static IReadOnlyList<CodeLine> Lines(params string[] texts) => [.. texts.Select((t, i) => new CodeLine(t, 10 + i, 3))];

    /// <summary>The filled block's errors when compiled as a program, by ID and the text they stand on.</summary>
    private static IReadOnlyList<string> Errors(IReadOnlyList<CodeLine> lines, bool members = false)
    {
        var text = string.Join('\n', lines.Select(l => l.Text));
        if (members) text = "class C {\n" + text + "\n}";
        var tree = CSharpSyntaxTree.ParseText(text, Options);
        var usings = CSharpSyntaxTree.ParseText("global using System; global using System.Collections.Generic;", Options);
        var compilation = CSharpCompilation.Create("holes", [tree, usings], ReferenceAssemblies.Default,
            new CSharpCompilationOptions(members ? OutputKind.DynamicallyLinkedLibrary : OutputKind.ConsoleApplication));
        return [.. compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => $"{d.Id} {tree.GetText().ToString(d.Location.SourceSpan)}")];
    }

    [Theory]
    [InlineData("var json = System.Text.Json.JsonSerializer.Serialize(...);", HoleKind.Arguments)]
    [InlineData("var uri = new Uri(...);", HoleKind.Arguments)]
    [InlineData("int count = ...;", HoleKind.Initializer)]
    [InlineData("var list = new List<int> { ... };", HoleKind.Initializer)]
    [InlineData("var items = new[] { ... };", HoleKind.Initializer)]
    [InlineData("...", HoleKind.Statement)]
    [InlineData("...;", HoleKind.Statement)]
    public void A_hole_in_a_supported_position_is_filled_and_only_the_marker_stays_unknown(string line, object kind)
    {
        var (filled, holes) = Holes.Fill(Lines(line), Options, members: false);

        var hole = Assert.Single(holes);
        Assert.Equal(((HoleKind)kind, 10, 3 + line.IndexOf("...", StringComparison.Ordinal)), (hole.Kind, hole.Line, hole.Column));
        Assert.DoesNotContain("...", filled[0].Text, StringComparison.Ordinal);
        Assert.All(Errors(filled), e => Assert.Equal($"CS0103 {Holes.Marker}", e));
    }

    [Fact]
    public void A_method_body_left_out_still_owes_nothing_and_a_class_body_left_out_is_empty()
    {
        var (filled, holes) = Holes.Fill(Lines("public int Total(Order order)", "{", "    ...", "}", "", "...", "", "public string Name => ...;"), Options, members: true);

        Assert.Equal([HoleKind.Statement, HoleKind.Statement, HoleKind.Initializer], holes.Select(h => h.Kind));
        Assert.Equal(["CS0246 Order"], Errors(filled, members: true));
    }

    [Fact]
    public void Every_author_character_keeps_its_column_and_the_dots_map_to_their_own()
    {
        var (filled, _) = Holes.Fill(Lines("Foo(...); var x = 1;"), Options, members: false);

        var line = filled[0];
        var x = line.Text.IndexOf("var x", StringComparison.Ordinal);
        Assert.Equal(3 + "Foo(...); ".Length, line.ColumnAt(x));
        Assert.Equal(3 + "Foo(".Length, line.ColumnAt(line.Text.IndexOf(Holes.Marker, StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("Foo(a, ...);")]                 // part of an argument list
    [InlineData("var r = items[1...3];")]        // not a placeholder at all
    [InlineData("Console.WriteLine(\"...\");")]  // in a string
    [InlineData("// and so on ...")]             // in a comment
    [InlineData("var total = a + ...;")]         // part of an expression
    public void Any_other_dots_stay_as_they_are(string line)
    {
        var (filled, holes) = Holes.Fill(Lines(line), Options, members: false);

        Assert.Empty(holes);
        Assert.Equal(line, filled[0].Text);
    }

    [Fact]
    public void A_misspelt_method_around_a_hole_still_fails()
    {
        var (filled, _) = Holes.Fill(Lines("var json = System.Text.Json.JsonSerializer.Serializ(...);"), Options, members: false);

        Assert.Contains(Errors(filled), e => e.StartsWith("CS0117", StringComparison.Ordinal));
    }
}
