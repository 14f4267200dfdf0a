using Microsoft.CodeAnalysis.CSharp;
using SnippetCheck.Extraction;

namespace SnippetCheck.Programs;

/// <summary>
/// A block tagged <c>given=NAME:TYPE,...</c> calls locals an earlier page set up and it never declares: ASP.NET Core docs
/// write <c>app.UseFastEndpoints();</c> or <c>bld.Services.AddAuthorization();</c>, <c>app</c> and <c>bld</c> being the
/// <c>WebApplication</c> and its builder of the page that showed <c>Program.cs</c>. Each is declared of its type on a hidden
/// line before the block's statements (after its usings), so every member the block calls on it binds, and a misspelt one
/// fails. They hold no value (<c>default!</c>): such a block is verified by compiling it; a run would meet a null.
/// </summary>
internal static class GivenLocals
{
    /// <summary>The block's lines with a hidden declaration of each given local before its first statement.</summary>
    public static IReadOnlyList<CodeLine> Declare(IReadOnlyList<CodeLine> lines, IReadOnlyList<string> given, CSharpParseOptions options)
    {
        if (given.Count == 0) return lines;
        var root = CSharpSyntaxTree.ParseText(string.Join('\n', lines.Select(l => l.Text)), options).GetCompilationUnitRoot();
        // Usings stay first: the declarations open the block's statements, on the line after the last using.
        var fileLevel = root.Externs.Cast<Microsoft.CodeAnalysis.SyntaxNode>().Concat(root.Usings).Select(n => n.Span.End).DefaultIfEmpty(-1).Max();
        var openBefore = fileLevel < 0 ? 0 : root.SyntaxTree.GetLineSpan(new(fileLevel, 0)).StartLinePosition.Line + 1;
        var anchor = lines.Count == 0 ? new CodeLine("", 1, 1) : lines[Math.Min(openBefore, lines.Count - 1)];
        var declarations = given.Select(entry =>
        {
            var colon = entry.IndexOf(':', StringComparison.Ordinal);
            return new CodeLine($"{TypeOf(entry)} {entry[..colon]} = default!;", anchor.Line, 1) { Generated = true };
        });
        return [.. lines.Take(openBefore), .. declarations, .. lines.Skip(openBefore)];
    }

    /// <summary>
    /// The given locals of a <c>members</c> block, as the fields its class opens with (<see cref="MemberWrapper.Wrap"/>):
    /// a post's members read their class's fields (<c>_httpClientFactory.CreateClient()</c>) as statements read locals.
    /// Static, so a static class of extension methods may hold them too; they hold no value, as a given local does.
    /// </summary>
    public static IReadOnlyList<string> Fields(IReadOnlyList<string> given) =>
        [.. given.Select(entry => $"static {TypeOf(entry)} {entry[..entry.IndexOf(':', StringComparison.Ordinal)]} = default!;")];

    /// <summary>
    /// The type of a <c>given=</c> entry: <c>StateMachine&lt;State,Trigger&gt;</c> of
    /// <c>phoneCall:StateMachine&lt;State,Trigger&gt;</c>.
    /// </summary>
    public static string TypeOf(string entry) => entry[(entry.IndexOf(':', StringComparison.Ordinal) + 1)..];

    /// <summary>The name of a <c>given=</c> entry as the compiler reads it: <c>class</c> of <c>@class:Type</c>.</summary>
    public static string NameOf(string entry) => entry[..entry.IndexOf(':', StringComparison.Ordinal)].TrimStart('@');
}
