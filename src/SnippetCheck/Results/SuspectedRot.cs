using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.CSharp;
using SnippetCheck.Model;
using SnippetCheck.Extraction.Snippets;

namespace SnippetCheck.Results;

/// <summary>
/// A block that looks broken rather than incomplete (docs/authoring.md, "What adopt reports as rot"): the error as the
/// compiler or the run gave it, why it is suspected, and the kind of evidence (<see cref="RotEvidence"/>).
/// </summary>
/// <param name="Location">Where the error stands.</param>
/// <param name="Id">The compiler's ID (<c>CS0117</c>), or the runtime's word (<c>exception</c>, <c>output</c>).</param>
/// <param name="Message">The error as the compiler or the runtime says it.</param>
/// <param name="Evidence">One of <see cref="RotEvidence.Kinds"/>.</param>
/// <param name="Why">Why it is suspected, in a few words.</param>
public sealed record SuspectedRot(SourceLocation Location, string Id, string Message, string Evidence, string Why)
{
    /// <summary>Where the block's opening fence stands.</summary>
    public SourceLocation? Block { get; init; }

    /// <summary>For a removed API: the last version of the package that declared the name; null when not known.</summary>
    public string? LastVersion { get; init; }

    /// <summary>The SC2016 warning's text, as <c>verify --all</c>'s reports and the language server show it.</summary>
    public string Warning => $"suspected rot [{Evidence}]: {Id}: {Message} — {Why}";

    /// <summary><c>file(line,col): ID: message — why [evidence]</c>, one console line.</summary>
    public override string ToString() => $"{Location}: {Id}: {OneLine(Message)} — {Why} [{Evidence}]";

    private static string OneLine(string text)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length <= 160 ? line : line[..157] + "...";
    }
}

/// <summary>
/// Reads a failed block's result for the evidence that it is broken (rot), never for what it merely lacks: the post's own
/// undeclared names, pseudo-code, <c>...</c> holes, placeholders and the errors that cascade from unknown names are not
/// evidence. The kinds, strongest first, are <see cref="Kinds"/>.
/// </summary>
internal static partial class RotEvidence
{
    /// <summary>A name an older version of a package the post uses declared, and the current one does not.</summary>
    public const string RemovedApi = "removed-api";

    /// <summary>An error against an API the block compiles against: a member a known type lacks, an overload that does not fit.</summary>
    public const string KnownApi = "known-api";

    /// <summary>A typo in otherwise valid C#: an unbalanced parenthesis, an unrecognised escape, a JavaScript line.</summary>
    public const string Typo = "typo";

    /// <summary>A claim the code no longer meets: a result line (<c>x =&gt; value</c>), an output block, the prose.</summary>
    public const string Claim = "claim";

    /// <summary>Code that compiles but throws, where nothing near it says it throws.</summary>
    public const string Throws = "throws";

    /// <summary>Every kind, strongest first.</summary>
    public static readonly IReadOnlyList<string> Kinds = [RemovedApi, KnownApi, Typo, Claim, Throws];

    /// <summary>The parser's errors: a block that has one is not otherwise-valid C#, and its other errors may be cascades.</summary>
    private static readonly HashSet<string> SyntaxIds =
        ["CS1001", "CS1002", "CS1003", "CS1010", "CS1012", "CS1022", "CS1026", "CS1031", "CS1039", "CS1056", "CS1513", "CS1514", "CS1519", "CS1525",
            "CS1733", "CS8124"];

    /// <summary>Exceptions a block throws for what its sandbox or machine lacks (a file, the network, a database), never rot.</summary>
    private static readonly string[] EnvironmentExceptions =
        ["IOException", "FileNotFoundException", "DirectoryNotFoundException", "UnauthorizedAccessException", "SocketException",
            "HttpRequestException",
         "DbException", "SqlException", "PlatformNotSupportedException", "NotImplementedException", "NotSupportedException", "TaskCanceledException",
         "OperationCanceledException", "WebException", "Win32Exception", "SecurityException", "TypeInitializationException", "FileLoadException",
         "DllNotFoundException", "EntryPointNotFoundException"];

    /// <summary>
    /// The evidence that <paramref name="failed"/> (a block's last failure as adopt or <c>verify --all</c> left it) is
    /// broken, the strongest first; null when it only looks incomplete.
    /// </summary>
    /// <param name="nearText">The prose around the block: a run that throws is not rot where the text says it throws.</param>
    public static SuspectedRot? Of(SnippetResult failed, string nearText = "")
    {
        if (failed.Status != SnippetStatus.Failed) return null;
        var found = failed.Reason switch
        {
            FailureReason.CompileError => KnownApiError(failed) ?? TypoIn(failed),
            FailureReason.Exception => ClaimIn(failed) is { } claim ? (claim.Evidence.Length == 0 ? null : claim) : ThrowIn(failed, nearText),
            FailureReason.OutputMismatch => new SuspectedRot(failed.FailureLocation, "output", failed.Message ?? "the output differs", Claim,
                "the output block beside it no longer holds what the code prints"),
            _ => null,
        };
        return found is null ? null : found with { Block = failed.Snippet.Location };
    }

    /// <summary>
    /// The first error against an API the block compiles against: a member a known type lacks (CS0117, CS1061), a namespace
    /// under a package's root that the package does not declare (CS0234), an overload that does not fit (CS1501, CS1503,
    /// CS7036), a constructor whose name is not its class's (CS1520). A type or method the block declares itself is the
    /// post's own, and an error after a syntax error may be a cascade: neither is evidence.
    /// </summary>
    private static SuspectedRot? KnownApiError(SnippetResult failed)
    {
        var errors = failed.Diagnostics.Where(d => d.IsError).ToList();
        if (errors.Any(d => SyntaxIds.Contains(d.Id))) return null;
        var code = string.Join('\n', failed.Snippet.Code.Select(l => l.Text));
        var declared = DeclaredNames(code);
        var hasHole = code.Contains("...", StringComparison.Ordinal);
        // A sketch: names the post never declares ('Type? v = x?.y?.z;' in a spec, where 'Type' stands for any value type)
        // make a call's arity no evidence, for its receiver may be a type the sketch only stands for.
        var isSketch = errors.Any(e => e.Id is "CS0103" or "CS0246");
        foreach (var error in errors)
        {
            var names = Quoted().Matches(error.Message).Select(m => m.Groups[1].Value).ToList();
            var why = error.Id switch
            {
                "CS0117" or "CS1061" when names.Count >= 2 && IsKnownType(names[0], declared) && MissingMember(names[0], names[1]) is { } near =>
                    $"'{SimpleName(names[0])}' is a known type, and it has no '{names[1]}'{near}",
                "CS0234" when names.Count >= 2 && PackageRoot(failed.Snippet, names[1]) is { } package =>
                    $"'{names[1]}' is {package}'s namespace, and it declares no '{names[0]}'",
                "CS1501" or "CS7036" when !hasHole && !isSketch && MethodNamed(error, names) is { } method && !declared.Contains(method) =>
                    $"'{method}' is known, and no overload of it takes these arguments",
                "CS1503" when !hasHole && failed.Snippet.Tags.Packages.Count > 0 && names.Count >= 2 && names.All(n => IsKnownType(n, declared)) =>
                    "a known method's argument has the wrong type (arguments swapped?)",
                "CS1520" when MisnamedConstructor(code) is { } type => $"a constructor in '{type}' whose name is not its class's (misspelt?)",
                _ => null,
            };
            // A line whose comment says it is an error shows the error on purpose (a language post, a spec).
            if (why is not null && !MarkedAsError(failed.Snippet, error)) return new SuspectedRot(
                error.Location, error.Id, error.Message, KnownApi, why);
        }
        return null;
    }

    /// <summary>
    /// A typo in otherwise valid C#: an unrecognised escape (CS1009, a regex in a non-verbatim string), <c>var</c> with a
    /// bare array initializer (CS0820), a line of
    /// JavaScript, or a block that parses once one <c>)</c> is added or taken away.
    /// </summary>
    private static SuspectedRot? TypoIn(SnippetResult failed)
    {
        if (failed.Diagnostics.FirstOrDefault(d => d.Id == "CS1009") is { } escape)
            return new SuspectedRot(escape.Location, escape.Id, escape.Message, Typo, "a backslash in a non-verbatim string (a regex without @?)");
        if (failed.Diagnostics.FirstOrDefault(d => d.Id == "CS0820") is { } initializer)
            return new SuspectedRot(
                initializer.Location, initializer.Id, initializer.Message, Typo, "'var' with a bare array initializer (new[] { ... } compiles)");
        if ((KeywordLambdaParameter(failed.Snippet) ?? KeywordAsArgument(failed.Snippet)) is { } keyword) return keyword;
        var inStrings = LinesInsideStrings(failed.Snippet);
        foreach (var line in failed.Snippet.Code)
        {
            // A page's script inside a C# string (AngleSharp's @"<script>console.log(…)") is the post's data, not its code.
            if (JavaScript().Match(line.Text) is { Success: true } js && !inStrings.Contains(line.Line))
                return new SuspectedRot(
                    failed.Snippet.Location with { Line = line.Line, Column = line.Column + js.Index }, "javascript", line.Text.Trim(), Typo,
                    "a line of JavaScript in a C# fence");
        }
        if (failed.Snippet.Tags.Results || failed.Snippet.Code.Count == 0) return null;
        var text = string.Join('\n', failed.Snippet.Code.Select(l => l.Text));
        // Pseudo-code and placeholders fail to parse for more than one parenthesis: only a block one ')' away from C# is a typo.
        if (text.Contains("...", StringComparison.Ordinal) || Placeholder().IsMatch(text)) return null;
        foreach (var wrap in new[] { (Before: "", After: ""), (Before: "class Members {\n", After: "\n}") })
        {
            var tree = CSharpSyntaxTree.ParseText(wrap.Before + text + wrap.After, new CSharpParseOptions(LanguageVersion.Preview));
            var first = tree.GetDiagnostics().FirstOrDefault(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
            if (first is null) return null;
            var opens = tree.GetRoot().DescendantTokens().Count(t => t.RawKind == (int)SyntaxKind.OpenParenToken);
            var closes = tree.GetRoot().DescendantTokens().Count(t => t.RawKind == (int)SyntaxKind.CloseParenToken && !t.IsMissing);
            if (opens == closes || Math.Abs(opens - closes) > 1) continue;
            var at = first.Location.SourceSpan.Start;
            var fixedText = opens > closes ? (wrap.Before + text + wrap.After).Insert(at, ")")
                : RemoveCloseParen(wrap.Before + text + wrap.After, at);
            if (fixedText is null || CSharpSyntaxTree.ParseText(fixedText, new CSharpParseOptions(LanguageVersion.Preview)).GetDiagnostics()
                    .Any(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error)) continue;
            var position = first.Location.GetLineSpan().StartLinePosition;
            var index = Math.Clamp(position.Line - (wrap.Before.Length > 0 ? 1 : 0), 0, failed.Snippet.Code.Count - 1);
            var codeLine = failed.Snippet.Code[index];
            var id = opens > closes ? "CS1026" : "CS1002";
            var message = opens > closes ? ") expected" : "an extra ')'";
            return new SuspectedRot(
                failed.Snippet.Location with { Line = codeLine.Line, Column = codeLine.Column + position.Character }, id, message, Typo,
                $"unbalanced parentheses: {opens} '(' and {closes} ')', and one {(opens > closes ? "more" : "less")} ')' makes it C#");
        }
        return null;
    }

    /// <summary>The lines of the block that lie wholly inside a string literal (a verbatim, raw or interpolated string that spans lines).</summary>
    private static HashSet<int> LinesInsideStrings(Snippet snippet)
    {
        var inside = new HashSet<int>();
        var text = string.Join('\n', snippet.Code.Select(l => l.Text));
        var tree = CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.Preview));
        foreach (var token in tree.GetRoot().DescendantTokens())
        {
            if (token.RawKind is not ((int)SyntaxKind.StringLiteralToken or (int)SyntaxKind.MultiLineRawStringLiteralToken
                or (int)SyntaxKind.InterpolatedStringTextToken)) continue;
            var span = token.GetLocation().GetLineSpan();
            // The lines after the one the string opens on, up to the one before it closes on: all string.
            for (var line = span.StartLinePosition.Line + 1; line < span.EndLinePosition.Line; line++)
            {
                if (line < snippet.Code.Count) inside.Add(snippet.Code[line].Line);
            }
        }
        return inside;
    }

    /// <summary>
    /// A type keyword where a call's argument belongs: a lambda's parameter named as a keyword (<c>value.Switch(str =&gt; ...,
    /// int =&gt; Use(int))</c>), or a parameter's declaration written in a call (<c>GetThing(string id)</c>). No C# parses it,
    /// with or without the block's <c>...</c> holes; a switch expression's <c>int =&gt;</c> (a type pattern) is no argument.
    /// </summary>
    private static SuspectedRot? KeywordAsArgument(Snippet snippet)
    {
        var tree = CSharpSyntaxTree.ParseText(string.Join('\n', snippet.Code.Select(l => l.Text)), new CSharpParseOptions(LanguageVersion.Preview));
        var keyword = tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.ArgumentSyntax>()
            .Select(a => a.Expression).OfType<Microsoft.CodeAnalysis.CSharp.Syntax.PredefinedTypeSyntax>().FirstOrDefault(IsMisplacedKeyword);
        if (keyword is null) return null;
        var position = keyword.GetLocation().GetLineSpan().StartLinePosition;
        var line = snippet.Code[Math.Min(position.Line, snippet.Code.Count - 1)];
        var name = keyword.Keyword.Text;
        return new SuspectedRot(
            snippet.Location with { Line = line.Line, Column = line.Column + position.Character }, "CS1525", $"Invalid expression term '{name}'",
            Typo,
            $"'{name}', a type, where a call's argument belongs (a lambda parameter named '{name}', or a parameter's declaration in a call?)");
    }

    /// <summary>
    /// A keyword right before <c>=&gt;</c> after a call's <c>(</c> or <c>,</c> (<c>value.Switch(str =&gt; ..., int =&gt; Use(int))</c>):
    /// read from the tokens, since the parser skips such a keyword. Inside braces it is a switch expression's type pattern.
    /// </summary>
    private static SuspectedRot? KeywordLambdaParameter(Snippet snippet)
    {
        var text = string.Join('\n', snippet.Code.Select(l => l.Text));
        var tokens = SyntaxFactory.ParseTokens(text).ToList();
        var open = new Stack<int>();
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            var kind = tokens[i].RawKind;
            if (kind is (int)SyntaxKind.OpenParenToken or (int)SyntaxKind.OpenBracketToken or (int)SyntaxKind.OpenBraceToken) open.Push(kind);
            else if (kind is (int)SyntaxKind.CloseParenToken or (int)SyntaxKind.CloseBracketToken or (int)SyntaxKind.CloseBraceToken) open.TryPop(
                out _);
            else if (i > 0 && SyntaxFacts.IsReservedKeyword(tokens[i].Kind()) && tokens[i + 1].RawKind == (int)SyntaxKind.EqualsGreaterThanToken
                && tokens[i - 1].RawKind is (int)SyntaxKind.OpenParenToken or (int)SyntaxKind.CommaToken
                && open.TryPeek(out var innermost) && innermost == (int)SyntaxKind.OpenParenToken)
            {
                var start = tokens[i].SpanStart;
                var index = Math.Min(text[..start].Count(c => c == '\n'), snippet.Code.Count - 1);
                var line = snippet.Code[index];
                var name = tokens[i].Text;
                return new SuspectedRot(
                    snippet.Location with { Line = line.Line, Column = line.Column + start - (text.LastIndexOf('\n', Math.Max(0, start - 1)) + 1) },
                    "CS1525", $"Invalid expression term '{name}'",
                    Typo, $"a lambda parameter named '{name}', a keyword (a type where a name belongs?)");
            }
        }
        return null;
    }

    /// <summary>
    /// A type keyword argument that no C# reading explains: one before <c>=&gt;</c> (a lambda parameter named as a keyword),
    /// or one before a name (a declaration) in a call whose value is used. Not a signature listed as a statement
    /// (<c>String.Format(string format, params object[] args)</c>), not <c>nameof(int)</c> or <c>Parse(string)</c>, where
    /// the keyword stands for a value, and not an explicitly typed lambda's parameters (<c>(int x) =&gt; x + 1</c>).
    /// </summary>
    private static bool IsMisplacedKeyword(Microsoft.CodeAnalysis.CSharp.Syntax.PredefinedTypeSyntax keyword)
    {
        var next = keyword.Keyword.GetNextToken(includeZeroWidth: false, includeSkipped: true);
        if (next.RawKind == (int)SyntaxKind.EqualsGreaterThanToken) return true;
        if (next.RawKind != (int)SyntaxKind.IdentifierToken
            || keyword.Parent?.Parent is not Microsoft.CodeAnalysis.CSharp.Syntax.ArgumentListSyntax list) return false;
        return list.Parent is Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax
                { Parent: not Microsoft.CodeAnalysis.CSharp.Syntax.ExpressionStatementSyntax }
            && list.CloseParenToken.GetNextToken(includeZeroWidth: false, includeSkipped: true).RawKind != (int)SyntaxKind.EqualsGreaterThanToken;
    }

    /// <summary>The text without the <c>)</c> nearest before <paramref name="at"/>; null when there is none.</summary>
    private static string? RemoveCloseParen(string text, int at)
    {
        var index = text.LastIndexOf(')', Math.Clamp(at, 0, text.Length - 1));
        return index < 0 ? null : text.Remove(index, 1);
    }

    /// <summary>
    /// A result line (<c>x =&gt; value</c>) whose value no longer holds: the check's own message. Not one worded for a
    /// culture the run does not have, nor one that reads the clock (its value is the moment's).
    /// </summary>
    private static SuspectedRot? ClaimIn(SnippetResult failed)
    {
        if (ResultMismatch().Match(failed.Message ?? "") is not { Success: true } match) return null;
        // Not rot, and not a throw either: the result line's own check is what threw.
        var line = int.Parse(match.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture);
        if (OtherCultureOrType().IsMatch(match.Groups["claim"].Value) || CultureWorded(failed.Snippet, line, match.Groups["claim"].Value)
            || Clock().IsMatch(match.Groups["claim"].Value))
            return new SuspectedRot(failed.FailureLocation, "", "", "", "");
        var at = failed.Snippet.Location with { Line = line, Column =
            int.Parse(match.Groups["column"].Value, System.Globalization.CultureInfo.InvariantCulture) };
        return new SuspectedRot(at, "result", match.Groups["claim"].Value.Trim(), Claim, "the result the post states no longer holds");
    }

    /// <summary>
    /// A result line whose value depends on the culture, which the run does not have (it runs in the invariant culture): the
    /// comment the line stands under in its block names a culture or locale (<c>// in fr culture</c>, <c>// Spanish locale</c>),
    /// or the stated value is the printed one with a culture's letters after its digits (<c>1st</c>, <c>1.er</c>, <c>1º</c>
    /// where the invariant culture prints <c>1</c>).
    /// </summary>
    private static bool CultureWorded(Snippet snippet, int line, string claim)
    {
        if (ClaimValues().Match(claim) is not { Success: true } values) return false;
        if (OrdinalSuffix().Replace(values.Groups["stated"].Value, "") == values.Groups["actual"].Value) return true;
        var comment = snippet.Code.Where(l => l.Line < line).Select(l => l.Text.Trim()).LastOrDefault(
            t => t.StartsWith("//", StringComparison.Ordinal));
        return comment is not null && CultureComment().IsMatch(comment);
    }

    /// <summary>A block that compiles and throws, with no word near it that it throws, and not for what the machine lacks.</summary>
    private static SuspectedRot? ThrowIn(SnippetResult failed, string nearText)
    {
        var message = failed.Message ?? "";
        if (EnvironmentExceptions.Any(e => message.Contains(e, StringComparison.Ordinal))) return null;
        var code = string.Join('\n', failed.Snippet.Code.Select(l => l.Text));
        if (ThrowWords().IsMatch(nearText) || ThrowWords().IsMatch(code) || code.Contains("...", StringComparison.Ordinal)) return null;
        return new SuspectedRot(failed.FailureLocation, "exception", message, Throws, "it compiles but throws, and the text does not say it throws");
    }

    /// <summary>
    /// Why a member a known type lacks is rot, as the end of the reason: the member is a near miss of one the framework type
    /// has (<c>Lenght</c>, <c>length</c>). Null otherwise: a name no member is near is most likely an extension method of a
    /// package the post does not name (<c>"text".Humanize()</c>, <c>expression.CompileFast()</c>, LINQPad's <c>Dump()</c>
    /// on a package's type), which the block lacks rather than breaks. A package's type is no evidence here: adopt looks its
    /// member up in the package's versions (removed, or a near miss of one it has; <c>RemovedApiRot</c>).
    /// </summary>
    private static string? MissingMember(string type, string member)
    {
        if (FrameworkType(type) is { } known)
        {
            var members = known.GetMembers(
                System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Static)
                .Select(m => m.Name).Where(n => !n.Contains('_', StringComparison.Ordinal)).Distinct().ToList();
            var meant = EditDistance.NearMiss(member, members);
            // A framework type without the member: an extension method the block's usings or packages do not bring.
            return meant is null ? null : EditDistance.DidYouMean(meant);
        }
        return null;
    }

    /// <summary>Keyword and common framework type names, as the compiler's messages write them.</summary>
    private static readonly Dictionary<string, Type> Keywords = new(StringComparer.Ordinal)
    {
        ["string"] = typeof(string), ["int"] = typeof(int), ["long"] = typeof(long), ["double"] = typeof(double), ["decimal"] = typeof(decimal),
        ["bool"] = typeof(bool), ["char"] = typeof(char), ["object"] = typeof(object), ["byte"] = typeof(byte), ["float"] = typeof(float),
    };

    /// <summary>
    /// The framework type a message names (<c>string</c>, <c>DateTime</c>, <c>List&lt;int&gt;</c>); null when it is none the tool knows.
    /// </summary>
    private static Type? FrameworkType(string name)
    {
        var simple = SimpleName(name);
        if (Keywords.TryGetValue(simple, out var keyword)) return keyword;
        var arity = name.Contains('<', StringComparison.Ordinal) ? "`" + (name.Count(c => c == ',') + 1) : "";
        foreach (var ns in new[] { "System", "System.Collections.Generic", "System.Text", "System.IO", "System.Threading.Tasks" })
        {
            if (typeof(object).Assembly.GetType($"{ns}.{simple}{arity}") is { IsPublic: true } found) return found;
        }
        return null;
    }

    /// <summary>
    /// A constructor the block writes inside a type of another name (<c>class Customer { public Custmer() { } }</c>): that type's name.
    /// </summary>
    private static string? MisnamedConstructor(string code) =>
        CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(LanguageVersion.Preview)).GetRoot().DescendantNodes()
            .OfType<Microsoft.CodeAnalysis.CSharp.Syntax.ConstructorDeclarationSyntax>()
            .Select(c => (c.Parent as Microsoft.CodeAnalysis.CSharp.Syntax.BaseTypeDeclarationSyntax, c.Identifier.ValueText))
            .FirstOrDefault(c => c.Item1 is not null && c.Item1.Identifier.ValueText != c.ValueText).Item1?.Identifier.ValueText;

    /// <summary>The error's line has a comment that says it is an error (<c>// error</c>, <c>// CS1503</c>, <c>// not allowed</c>).</summary>
    private static bool MarkedAsError(Snippet snippet, Diagnostic error) =>
        snippet.Code.FirstOrDefault(l => l.Line == error.Location.Line) is { Text: { } text }
        && text.IndexOf("//", StringComparison.Ordinal) is >= 0 and var at &&
        ErrorComment().IsMatch(text[at..]);

    /// <summary>The type, struct, record, interface, enum and method names the block declares: the post's own.</summary>
    public static HashSet<string> DeclaredNames(string code)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(LanguageVersion.Preview)).GetRoot().DescendantNodes())
        {
            switch (node)
            {
                case Microsoft.CodeAnalysis.CSharp.Syntax.BaseTypeDeclarationSyntax type: names.Add(type.Identifier.ValueText); break;
                case Microsoft.CodeAnalysis.CSharp.Syntax.DelegateDeclarationSyntax del: names.Add(del.Identifier.ValueText); break;
                case Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax method: names.Add(method.Identifier.ValueText); break;
                case Microsoft.CodeAnalysis.CSharp.Syntax.LocalFunctionStatementSyntax local: names.Add(local.Identifier.ValueText); break;
                case Microsoft.CodeAnalysis.CSharp.Syntax.TypeParameterSyntax parameter: names.Add(parameter.Identifier.ValueText); break;
            }
        }
        return names;
    }

    /// <summary>A type the block does not declare and the compiler knew (never the tool's wrapper, never an error type's <c>?</c>).</summary>
    private static bool IsKnownType(string name, HashSet<string> declared)
    {
        var simple = SimpleName(name);
        return simple.Length > 0 && simple != "?" && !declared.Contains(simple) && !simple.StartsWith("__", StringComparison.Ordinal)
            && simple != "Program";
    }

    /// <summary><c>Spectre.Console.Table</c> → <c>Table</c>; <c>List&lt;int&gt;</c> → <c>List</c>; <c>int[]</c> → <c>int</c>.</summary>
    public static string SimpleName(string name)
    {
        var generic = name.IndexOfAny(['<', '[', '(']);
        var bare = generic >= 0 ? name[..generic] : name;
        return bare[(bare.LastIndexOf('.') + 1)..].Trim();
    }

    /// <summary>
    /// The package of the block's whose root namespace <paramref name="ns"/> is under (<c>Humanizer</c> for <c>Humanizer.Localisation</c>).
    /// </summary>
    private static string? PackageRoot(Snippet snippet, string ns)
    {
        var root = ns.Split('.')[0];
        return snippet.Tags.Packages.FirstOrDefault(p => p.Id.Split('.')[0].Equals(root, StringComparison.OrdinalIgnoreCase))?.Id;
    }

    /// <summary>The method an overload error names (<c>No overload for method 'M' takes 2 arguments</c>; CS7036's <c>'T.M(...)'</c>).</summary>
    private static string? MethodNamed(Diagnostic error, List<string> names)
    {
        var name = error.Id == "CS1501" ? names.FirstOrDefault() : names.Skip(1).FirstOrDefault();
        if (name is null) return null;
        var paren = name.IndexOf('(', StringComparison.Ordinal);
        var bare = paren >= 0 ? name[..paren] : name;
        return SimpleName(bare);
    }

    [GeneratedRegex(@"'([^']+)'")]
    private static partial Regex Quoted();

    // JavaScript a C# fence cannot hold: 'function f(', 'const x =' / 'let x =' without a type, console.log, '==='.
    [GeneratedRegex(@"^\s*(?:function\s+[A-Za-z_$][\w$]*\s*\(|(?:const|let)\s+[A-Za-z_$][\w$]*\s*=[^=].*;\s*$|.*\bconsole\.log\s*\("
        + @"|.*\s(?:===|!==)\s)")]
    private static partial Regex JavaScript();

    // '<YourValue>', '<your-connection-string>': a placeholder the author fills, not C#.
    [GeneratedRegex(@"<[A-Za-z][\w-]*(?:\s[\w-]+)*>(?!\s*[({.\w])|\{\{")]
    private static partial Regex Placeholder();

    // "is 1250000000 (Double), not 1250000000 (Int32)": the same value of another type (strictness, not rot); "is "one", not
    // "один"": the post's value in another language, which a culture the run did not have gives.
    [GeneratedRegex(@" is (?:.+ \(\w+\), not .+ \(\w+\)|""[\x20-\x7E]*"", not "".*[^\x00-\x7F].*"")$")]
    private static partial Regex OtherCultureOrType();

    // "x is "1", not "1st"": the printed value, then the stated one.
    [GeneratedRegex(@" is (?<actual>.+), not (?<stated>.+)$")]
    private static partial Regex ClaimValues();

    // A culture's letters right after a number: '1st', '22nd', '1.er', '3.ª', '1º'.
    [GeneratedRegex(@"(?<=\d)\.?[\p{L}ºª]+")]
    private static partial Regex OrdinalSuffix();

    // The clock or a random source, read by a result line: its value is the moment's ('DateTime.UtcNow.AddHours(-30).Humanize()
    // => "yesterday"' holds after 06:00 only), not rot.
    [GeneratedRegex(@"\b(?:DateTime(?:Offset)?\.(?:Now|UtcNow|Today)|TimeProvider\.System|Environment\.TickCount"
        + @"|Guid\.NewGuid|Random\.Shared|new\s+Random)\b")]
    private static partial Regex Clock();

    // '// in fr culture', '// for Brazilian Portuguese locale', '// in de-DE culture'.
    [GeneratedRegex(@"\b(?:(?i:cultures?|locales?)|[a-z]{2}-[A-Z]{2})\b")]
    private static partial Regex CultureComment();

    // The check a result line compiles to: "post.md(12,1): x.Humanize() is "a", not "b"".
    [GeneratedRegex(@"\((?<line>\d+),(?<column>\d+)\): (?<claim>.+? is .+, not .+)")]
    private static partial Regex ResultMismatch();

    [GeneratedRegex(@"\b(?:error|errors|illegal|invalid|not\s+allowed|(?:won't|doesn't|does\s+not|will\s+not)\s+compile|CS\d{4})\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex ErrorComment();

    // 'throws', 'an exception', 'fails', and '// Invalid' above a call that shows what is not accepted.
    [GeneratedRegex(@"\b(?:throws?|thrown|exceptions?|fails?|invalid)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ThrowWords();
}
