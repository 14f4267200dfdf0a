using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SnippetCheck.Compilation;
using SnippetCheck.Model;
using SnippetCheck.Programs;
using SnippetCheck.Extraction.Snippets;

namespace SnippetCheck.Results;

/// <summary>
/// Evidence that binds, so rot is said only with context: errors that only a block whose names all bind can show, a local read before it
/// is assigned and a call no overload of a known method fits. Each is the author's only when every other error of the
/// block is of the same kinds: beside an unknown name or a member no type has, the block lacks context (and the compiler's
/// reading of it may be a cascade), so it is no evidence.
/// </summary>
internal static partial class RotEvidence
{
    /// <summary>A local or an out parameter read before it is assigned, in a block whose other names all bind.</summary>
    public const string Unassigned = "unassigned";

    /// <summary>Definite assignment: a local read unassigned, an out parameter read unassigned or left unassigned.</summary>
    private static readonly string[] UnassignedIds = ["CS0165", "CS0269", "CS0177"];

    /// <summary>A call no overload fits: an argument count, an argument's type, a required parameter with no argument.</summary>
    private static readonly HashSet<string> OverloadIds = ["CS1501", "CS1503", "CS7036"];

    /// <summary>Whether <paramref name="id"/> is a definite-assignment error, which says nothing of a missing name.</summary>
    internal static bool IsUnassignedError(string id) => UnassignedIds.Contains(id);

    /// <summary>
    /// The block's other errors are all of the kinds that need its names bound (definite assignment, overloads, a
    /// constructor's argument count, CS1729): what it calls binds, so its one wrong call or read is the author's.
    /// </summary>
    private static bool RestBinds(IEnumerable<Diagnostic> errors) =>
        errors.All(e => UnassignedIds.Contains(e.Id) || OverloadIds.Contains(e.Id) || e.Id == "CS1729");

    /// <summary>
    /// A local or an out parameter read before it is assigned (CS0165, CS0269; CS0177 for one left unassigned) where every
    /// other error is one of those or an overload's, and the name is not one the tool declared (<c>given=</c>).
    /// </summary>
    private static SuspectedRot? UnassignedError(SnippetResult failed)
    {
        var errors = failed.Diagnostics.Where(d => d.IsError).ToList();
        if (errors.Count == 0 || !RestBinds(errors)) return null;
        var given = failed.Snippet.Tags.Given.Select(GivenLocals.NameOf).ToHashSet(StringComparer.Ordinal);
        foreach (var error in errors.Where(e => UnassignedIds.Contains(e.Id)).OrderBy(e => Array.IndexOf(UnassignedIds, e.Id)))
        {
            if (Quoted().Match(error.Message) is not { Success: true } name || given.Contains(name.Groups[1].Value)
                || MarkedAsError(failed.Snippet, error)
                || error.Id == "CS0165" && NeverAssigned(string.Join('\n', failed.Snippet.Code.Select(l => l.Text)), name.Groups[1].Value)) continue;
            var why = error.Id switch
            {
                "CS0165" => $"'{name.Groups[1].Value}' is used before it is assigned (not on every path before this line)",
                "CS0269" => $"the out parameter '{name.Groups[1].Value}' is read before it is assigned",
                _ => $"the out parameter '{name.Groups[1].Value}' is not assigned on every path out of its method",
            };
            return new SuspectedRot(error.Location, error.Id, error.Message, Unassigned, why);
        }
        return null;
    }

    /// <summary>
    /// A local the block declares without a value and never assigns (<c>Func&lt;Task&lt;int&gt;&gt; someAsyncFunc;</c> over a call
    /// on it): the post's way to say what the reader has, a typed placeholder, not a read before an assignment it wrote.
    /// </summary>
    private static bool NeverAssigned(string code, string name) =>
        !CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(LanguageVersion.Preview)).GetRoot().DescendantNodes().Any(n => n switch
        {
            AssignmentExpressionSyntax { Left: IdentifierNameSyntax left } => left.Identifier.ValueText == name,
            ArgumentSyntax { RefKindKeyword.ValueText: "out" or "ref", Expression: IdentifierNameSyntax arg } => arg.Identifier.ValueText == name,
            _ => false,
        });

    /// <summary>
    /// Why a call no overload fits is rot, in words (<c>argument 3 of 'cache.Set' is an 'int', where it takes a
    /// 'System.TimeSpan'</c>); null when the block's other errors are not all of the binding kinds, or the call is on a
    /// local the tool declared (<c>given=</c>: its type is the tool's reading, not the post's).
    /// </summary>
    /// <param name="fallback">The words when no call stands at the error (a constructor's arguments).</param>
    private static string? OverloadWhy(SnippetResult failed, List<Diagnostic> errors, Diagnostic error, List<string> names, string fallback)
    {
        if (!RestBinds(errors)) return null;
        var call = CallAt(failed.Snippet, error.Location);
        // On a given local, or in the arguments of a call chained on one ('result.ElseAsync(Task.FromResult("x"))', where the
        // argument's type is read off the given type's parameter), the error rests on the tool's reading.
        var given = failed.Snippet.Tags.Given.Select(GivenLocals.NameOf).ToHashSet(StringComparer.Ordinal);
        var chains = call?.AncestorsAndSelf().OfType<InvocationExpressionSyntax>() ?? [];
        if (chains.Any(i => CheckLevel.ChainStart(i) is { } root && given.Contains(root.Identifier.ValueText)))
            return null;
        var shown = call is null ? null : Shown(call);
        switch (error.Id)
        {
            case "CS1501" when shown is not null && ArgumentCount().Match(error.Message) is { Success: true } count:
                return $"no overload of '{shown}' takes {count.Groups[1].Value} arguments";
            case "CS1503" when shown is not null && ArgumentNumber().Match(error.Message) is { Success: true } number && names.Count >= 2:
                return $"argument {number.Groups[1].Value} of '{shown}' is {Article(names[0])} '{names[0]}', " +
                    $"where it takes {Article(names[1])} '{names[1]}'";
            case "CS7036" when shown is not null && names.Count >= 2:
                return $"'{shown}' has no value for its parameter '{names[0]}': it is '{names[1]}'";
            default:
                return fallback;
        }
    }

    /// <summary>
    /// The simple name of the method a call no overload fits calls (<c>Set</c> for <c>cache.Set("k", 60)</c>), read at the
    /// error in the block's code; null when no call stands there.
    /// </summary>
    internal static string? MethodCalledAt(Snippet snippet, SourceLocation at) => CallAt(snippet, at) switch
    {
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } => member.Name.Identifier.ValueText,
        InvocationExpressionSyntax { Expression: SimpleNameSyntax name } => name.Identifier.ValueText,
        ObjectCreationExpressionSyntax creation => SimpleName(creation.Type.ToString()),
        _ => null,
    };

    /// <summary>Whether <paramref name="id"/> is an overload error (CS1501, CS1503, CS7036).</summary>
    internal static bool IsOverloadError(string id) => OverloadIds.Contains(id);

    /// <summary>
    /// The innermost call or <c>new</c> whose text holds <paramref name="at"/>, a place in the post inside the block's code.
    /// </summary>
    private static ExpressionSyntax? CallAt(Snippet snippet, SourceLocation at)
    {
        var index = snippet.Code.ToList().FindIndex(l => l.Line == at.Line);
        if (index < 0 || snippet.Code[index].SourceColumns is not null) return null;
        var character = at.Column - snippet.Code[index].Column;
        var text = string.Join('\n', snippet.Code.Select(l => l.Text));
        var position = snippet.Code.Take(index).Sum(l => l.Text.Length + 1) + character;
        if (character < 0 || position >= text.Length) return null;
        var root = CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.Preview)).GetRoot();
        return root.FindToken(position).Parent?.AncestorsAndSelf().OfType<ExpressionSyntax>()
            .FirstOrDefault(e => e is InvocationExpressionSyntax or ObjectCreationExpressionSyntax);
    }

    /// <summary>
    /// The call as the reader writes it: <c>cache.Set</c>, <c>Math.Max</c>, <c>Configure</c>, <c>new CsvReader</c>; the
    /// method's name alone after a chain (<c>services.AddX(…).AddY</c> is <c>AddY</c>).
    /// </summary>
    private static string Shown(ExpressionSyntax call) => (call as InvocationExpressionSyntax)?.Expression switch
    {
        null => "new " + Regex.Replace(((ObjectCreationExpressionSyntax)call).Type.ToString(), @"\s+", ""),
        MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax or MemberAccessExpressionSyntax or PredefinedTypeSyntax } member
            when !member.Expression.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>().Any() && member.ToString().Length <= 40 =>
            Regex.Replace(member.ToString(), @"\s+", ""),
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
        SimpleNameSyntax name => name.Identifier.ValueText,
        var other => other.ToString(),
    };

    private static string Article(string type) => "aeiouAEIOU".Contains(type.FirstOrDefault()) ? "an" : "a";

    // "No overload for method 'Max' takes 3 arguments".
    [GeneratedRegex(@"takes (\d+) arguments?")]
    private static partial Regex ArgumentCount();

    // "Argument 3: cannot convert from 'int' to 'System.TimeSpan'".
    [GeneratedRegex(@"^Argument (\d+):")]
    private static partial Regex ArgumentNumber();
}
