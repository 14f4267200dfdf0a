using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SnippetCheck.Extraction;

namespace SnippetCheck.Compilation;

/// <summary>
/// Posts write <c>...</c> where code is left out. In a <c>check</c> block (README.md, "Levels") the tool fills each
/// placeholder that stands where C# has a statement, a whole argument list, a value or an initializer's content, so
/// that everything around it is checked; any other <c>...</c> stays the syntax error it is. In a <c>compile-fail</c>
/// block only the holes filled with code that names nothing are filled (statements, members, an initializer's content:
/// the C# standard's <c>replaceEllipsis</c>): its errors must all be its own, and a <see cref="Marker"/> is an error. The fillers are invisible:
/// they are written over the dots with every character mapped to the dots' column (<see cref="CodeLine.SourceColumns"/>).
/// <list type="bullet">
/// <item>A statement: nothing, or, as a body's last statement, a throw, so a method that returns a value still
/// compiles and no code after it becomes unreachable.</item>
/// <item>An argument list or a value: <see cref="Marker"/>, a name nothing declares. The compiler binds the call's
/// receiver and method name as usual (a renamed method fails) and, as for any unknown name, reports no overload
/// error on an argument it cannot type. An argument list stands for any number of arguments, none too: an error of
/// the count at its call (<c>new Button(...)</c> with a parameterless constructor) is the hole's (<see cref="CheckLevel"/>).</item>
/// <item>An object or collection initializer's content: nothing; an implicitly typed array's: <see cref="Marker"/>.</item>
/// </list>
/// </summary>
internal static class Holes
{
    /// <summary>The name an argument list or a value is filled with: an unknown name the check level counts as a hole, not as the post's.</summary>
    public const string Marker = "__hole";

    private const string Throw = "throw new global::System.NotImplementedException();";

    /// <summary>The block's lines with its holes filled, and the holes; the lines as they are when there are none.</summary>
    /// <param name="members">The block is a <c>members</c> block: it is read inside a class.</param>
    /// <param name="markers">
    /// Holes may be filled with <see cref="Marker"/> (a <c>check</c> block); else only those filled with code that names nothing.
    /// </param>
    public static (IReadOnlyList<CodeLine> Lines, IReadOnlyList<Hole> Holes) Fill(
        IReadOnlyList<CodeLine> lines, CSharpParseOptions options, bool members, bool markers = true)
    {
        var dots = Dots(lines);
        if (dots.Count == 0) return (lines, []);

        // Read the block with each '...' as the marker (a name parses wherever a value does), and see where each stands.
        var marked = lines.Select(l => l.Text).ToArray();
        foreach (var (line, index) in dots.OrderByDescending(d => d.Index)) marked[line] =
            marked[line][..index] + Marker + marked[line][(index + 3)..];
        var prefix = members ? "class __Holes {\n" : "";
        var text = prefix + string.Join('\n', marked) + (members ? "\n}" : "");
        var root = CSharpSyntaxTree.ParseText(text, options).GetRoot();
        var starts = LineStarts(text);
        var firstLine = members ? 1 : 0;

        var fillers = new Dictionary<(int Line, int Index), (HoleKind Kind, string Text, int Swallow)>();
        foreach (var (line, index) in dots)
        {
            // Where the marker stands in the marked text: the earlier markers on its line moved it on.
            var shift = dots.Count(d => d.Line == line && d.Index < index) * (Marker.Length - 3);
            var position = starts[line + firstLine] + index + shift;
            var token = root.FindToken(position);
            if (token.Span.Start != position || token.Text != Marker || token.Parent is not { } node) continue;
            if (Filler(node, lines[line].Text, index) is { } filler && (markers || filler.Text != Marker)) fillers[(line, index)] = filler;
        }
        if (fillers.Count == 0) return (lines, []);

        var holes = new List<Hole>();
        var filled = lines.Select((line, i) =>
        {
            var mine = fillers.Where(f => f.Key.Line == i).OrderBy(f => f.Key.Index).ToList();
            if (mine.Count == 0) return line;
            var builder = new System.Text.StringBuilder();
            var columns = new List<int>();
            var at = 0;
            foreach (var ((_, index), (kind, replacement, swallow)) in mine)
            {
                for (; at < index; at++) Add(line.Text[at], line.ColumnAt(at));
                foreach (var c in replacement) Add(c, line.ColumnAt(index));
                // The '...' itself, and a ';' after a statement's dots, which the filler already ends with.
                for (var skipped = 0; skipped < 3 + swallow; skipped++, at++) Add(' ', line.ColumnAt(at));
                holes.Add(new Hole(kind, line.Line, line.ColumnAt(index)));
            }
            for (; at < line.Text.Length; at++) Add(line.Text[at], line.ColumnAt(at));
            return line with { Text = builder.ToString(), SourceColumns = [.. columns] };

            void Add(char c, int column)
            {
                builder.Append(c);
                columns.Add(column);
            }
        }).ToList();
        return (filled, holes);
    }

    /// <summary>
    /// Each run of exactly three dots, as (line, index in the line). One in a string or a comment is found too; it is
    /// let go when the marked block is read, since no name token starts there.
    /// </summary>
    private static List<(int Line, int Index)> Dots(IReadOnlyList<CodeLine> lines)
    {
        var found = new List<(int, int)>();
        for (var i = 0; i < lines.Count; i++)
        {
            var text = lines[i].Text;
            for (var at = text.IndexOf("...", StringComparison.Ordinal); at >= 0; at = text.IndexOf("...", at + 3, StringComparison.Ordinal))
            {
                if ((at > 0 && text[at - 1] == '.') || (at + 3 < text.Length && text[at + 3] == '.')) continue;
                found.Add((i, at));
            }
        }
        return found;
    }

    /// <summary>
    /// What fills the marker at <paramref name="node"/>, and how many characters after the dots it takes too; null where C# has no place for left-out
    /// code.
    /// </summary>
    private static (HoleKind Kind, string Text, int Swallow)? Filler(SyntaxNode node, string line, int index)
    {
        var rest = line[(index + 3)..];
        var semicolon = rest.TrimStart().StartsWith(';') ? rest.IndexOf(';') + 1 : 0;
        if (node is not IdentifierNameSyntax) return null;
        // '...' alone on its line, which C# reads as the type of what the next line declares ('...' over 'var options = …;').
        var alone = line.Trim() == "...";
        return node.Parent switch
        {
            // 'AddDbContext<T>(...)', 'new Widget(...)': the whole argument list.
            ArgumentSyntax { Parent: BaseArgumentListSyntax { Arguments.Count: 1 } } => (HoleKind.Arguments, Marker, 0),
            // 'var x = ...;', 'x = ...;', '=> ...;'
            EqualsValueClauseSyntax => (HoleKind.Initializer, Marker, 0),
            AssignmentExpressionSyntax assignment when assignment.Right == node => (HoleKind.Initializer, Marker, 0),
            ArrowExpressionClauseSyntax => (HoleKind.Initializer, "throw new global::System.NotImplementedException()", 0),
            // 'new Order { ... }', 'new List<int> { ... }', 'int[] a = { ... }': nothing; 'new[] { ... }' needs an element.
            InitializerExpressionSyntax { Expressions.Count: 1, Parent: ImplicitArrayCreationExpressionSyntax } => (HoleKind.Initializer, Marker, 0),
            InitializerExpressionSyntax { Expressions.Count: 1 } => (HoleKind.Initializer, "", 0),
            // '...' or '...;' alone: a statement left out; an empty block stands anywhere a statement does.
            ExpressionStatementSyntax statement when statement.Expression == node =>
                (HoleKind.Statement, IsLastOfABody(statement) ? Throw : "{}", semicolon),
            // In a type's body: members left out.
            IncompleteMemberSyntax => (HoleKind.Statement, "", semicolon),
            // '...;' reads as a declaration of a variable of type '...' with its name missing.
            VariableDeclarationSyntax { Parent: FieldDeclarationSyntax } declaration when IsNameless(declaration, node) =>
                (HoleKind.Statement, "", semicolon),
            VariableDeclarationSyntax { Parent: LocalDeclarationStatementSyntax local } declaration when IsNameless(declaration, node) =>
                (HoleKind.Statement, IsLastOfABody(local) ? Throw : "{}", semicolon),
            // '...' alone on its line between statements, read as the type of the declaration or local function after it.
            VariableDeclarationSyntax { Parent: LocalDeclarationStatementSyntax } declaration when alone && declaration.Type == node =>
                (HoleKind.Statement, "{}", 0),
            VariableDeclarationSyntax { Parent: FieldDeclarationSyntax } declaration when alone && declaration.Type == node =>
                (HoleKind.Statement, "", 0),
            LocalFunctionStatementSyntax function when alone && function.ReturnType == node => (HoleKind.Statement, "{}", 0),
            _ => null,
        };
    }

    /// <summary>The last statement of a method's, accessor's or function's body: where a value may be owed.</summary>
    private static bool IsLastOfABody(StatementSyntax statement) =>
        statement.Parent is BlockSyntax
        {
            Parent: BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AccessorDeclarationSyntax or AnonymousFunctionExpressionSyntax
        } body
        && body.Statements.Last() == statement;

    private static bool IsNameless(VariableDeclarationSyntax declaration, SyntaxNode node) =>
        declaration.Type == node && declaration.Variables.All(v => v.Identifier.IsMissing);

    private static int[] LineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n') starts.Add(i + 1);
        }
        return [.. starts];
    }
}
