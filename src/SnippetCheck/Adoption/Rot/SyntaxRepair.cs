using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SnippetCheck.Extraction;
using SnippetCheck.Results;

namespace SnippetCheck.Adoption.Rot;

/// <summary>
/// The smallest repair that makes a block that does not parse into C# (a typo, not rot): one token inserted or taken out at the
/// parser's first error (<c>;</c>, <c>,</c>, <c>)</c>, <c>}</c>, <c>);</c>, a lambda's <c>x =&gt;</c>), or the same one at
/// each error it leaves, read as a program and as a class's members. Only a repair that parses is returned; whether the
/// repaired block compiles is for the caller to try (a repair that parses but binds nothing is no evidence).
/// </summary>
internal static class SyntaxRepair
{
    /// <summary>A repair: what it does, the block's code with it, and its edits in the post.</summary>
    internal sealed record Found(string Description, IReadOnlyList<CodeLine> Code, IReadOnlyList<RepairEdit> Edits)
    {
        public TypoRepair Repair => new(Description, Edits, string.Join('\n', Code.Select(l => l.Text)));
    }

    private enum Kind { Insert, RemoveBefore, RemoveAt, Lambda }

    private sealed record Candidate(Kind Kind, string Token);

    /// <summary>An edit of the block's text: at <c>At</c>, <c>Old</c> becomes <c>New</c>; <c>Ends</c>: the block's last ';'.</summary>
    private sealed record Edit(int At, string Old, string New, bool Ends = false);

    private static readonly CSharpParseOptions Syntax = new(LanguageVersion.Preview);

    private static readonly (string Before, string After)[] Readings = [("", ""), ("class Members {\n", "\n}")];

    private static readonly Candidate[] Candidates =
    [
        new(Kind.Insert, ";"), new(Kind.Insert, ","), new(Kind.Insert, ")"), new(Kind.Insert, "}"), new(Kind.Insert, ");"),
        new(Kind.Lambda, "=>"), new(Kind.RemoveBefore, ","), new(Kind.RemoveBefore, ";"), new(Kind.RemoveBefore, ")"),
        new(Kind.RemoveBefore, "}"), new(Kind.RemoveAt, ","), new(Kind.RemoveAt, ";"), new(Kind.RemoveAt, ")"), new(Kind.RemoveAt, "}"),
    ];

    /// <summary>The most times one repair is made in a block (five calls each missing their ',' is one typo five times).</summary>
    private const int MostEdits = 8;

    /// <summary>The repair with the fewest edits that makes <paramref name="code"/> parse; null when none does, or it parses already.</summary>
    public static Found? Of(IReadOnlyList<CodeLine> code)
    {
        if (code.Count == 0) return null;
        var text = string.Join('\n', code.Select(l => l.Text));
        if (IsSketch(text) || Readings.Any(r => FirstError(r.Before + text + r.After) is null)) return null;
        (List<Edit> Edits, string Repaired, Candidate Candidate)? best = null;
        foreach (var (before, after) in Readings)
        {
            var full = before + text + after;
            var first = FirstError(full)!.Value;
            foreach (var candidate in Candidates)
            {
                if (Attempt(full, first, candidate, before.Length, text.Length) is { } edits
                    && (best is null || edits.Count < best.Value.Edits.Count))
                    best = (edits, TextEditApply(text, edits), candidate);
            }
        }
        if (best is not { } found) return null;
        var lines = found.Repaired.Split('\n');
        var repaired = code.Select((l, i) => l with { Text = lines[i], SourceColumns = null }).ToList();
        var made = found.Edits.Count(e => !e.Ends);
        var more = made > 1 ? $" (and {made - 1} more like it)" : "";
        var ends = found.Edits.Any(e => e.Ends) ? " (and the ';' that ends the block's last statement)" : "";
        return new Found(Describe(found.Repaired, found.Edits, found.Candidate) + more + ends, repaired, InPost(code, text, found.Edits));
    }

    /// <summary>
    /// The edits that the candidate, made at the first error and then at each error it leaves, takes to make the text
    /// parse; null when it never does, reaches outside the block, or only finishes a block the post cut off (<see cref="CutOff"/>).
    /// When only the block's last statement's ';' is then missing, it is made too (MassTransit's console block: a callback
    /// without its parameter, then <c>.Build()</c> at the end): no second typo, and said in the description.
    /// </summary>
    private static List<Edit>? Attempt(string full, int errorAt, Candidate candidate, int offset, int length)
    {
        var edits = new List<Edit>();
        var current = full;
        var shift = 0;
        var done = -1;
        var block = full[offset..(offset + length)];
        while (edits.Count < MostEdits)
        {
            if (edits.Count > 0 && candidate.Token != ";" && Make(current, errorAt, new Candidate(Kind.Insert, ";")) is { } end
                && end.At - shift - offset is var endAt && endAt >= 0 && endAt <= length && IsEmpty(block[endAt..])
                && FirstError(current.Insert(end.At, end.New)) is null)
                return CutOff(block, edits, candidate) || Fragments(block, edits, candidate)
                    ? null : [.. edits, end with { At = endAt, Ends = true }];
            if (Make(current, errorAt, candidate) is not { } made || made.At < done) return null;
            var at = made.At - shift - offset;
            if (at < 0 || at + made.Old.Length > length) return null;
            edits.Add(made with { At = at });
            current = current.Remove(made.At, made.Old.Length).Insert(made.At, made.New);
            shift += made.New.Length - made.Old.Length;
            done = made.At + made.New.Length;
            if (FirstError(current) is not { } next)
                return CutOff(block, edits, candidate) || Fragments(block, edits, candidate) ? null : edits;
            errorAt = next;
        }
        return null;
    }

    /// <summary>
    /// A repair at the block's very end that only finishes what the post cut off: a lone <c>;</c> after an expression shown
    /// alone (<c>DateTime.Now.AddDays(1)</c>), a type's or a method's closing <c>}</c> (a class shown down to its constructor
    /// and a <c>// [...]</c>, an interface's first members), or a close after a block that ends open (<c>foreach (…) {</c>, a
    /// call's <c>(</c> or <c>,</c>): the post shows a beginning, not a typo. A call's <c>)</c> after its lambda's <c>}</c> is one.
    /// </summary>
    private static bool CutOff(string text, List<Edit> edits, Candidate candidate)
    {
        var last = edits[^1];
        if (candidate.Kind != Kind.Insert || !IsEmpty(text[(last.At + last.Old.Length)..])) return false;
        if (candidate.Token == ";" && edits.Count == 1 || candidate.Token == "}") return true;
        var tokens = SyntaxFactory.ParseTokens(text, options: Syntax).Where(t => !t.IsKind(SyntaxKind.EndOfFileToken)).ToList();
        return tokens.Count > 0 && tokens[^1].Kind() is SyntaxKind.OpenBraceToken or SyntaxKind.OpenParenToken or SyntaxKind.CommaToken
            or SyntaxKind.EqualsGreaterThanToken or SyntaxKind.EqualsToken;
    }

    /// <summary>
    /// A menu of fragments, no typo: every <c>;</c> the repair adds ends a statement of the block that stands as a paragraph
    /// of its own (a blank line, a comment or the block's end after it), as every such statement of the block does without
    /// one (Polly's <c>Policy.Handle&lt;X&gt;()</c> under <c>// Single exception type</c>, then the next policy). One missing
    /// alone, among paragraphs that end with theirs, or between two statements, stays a typo.
    /// </summary>
    private static bool Fragments(string text, List<Edit> edits, Candidate candidate)
    {
        if (candidate is not { Kind: Kind.Insert, Token: ";" } || edits.Count < 2) return false;
        var repaired = TextEditApply(text, edits);
        var tree = CSharpSyntaxTree.ParseText(repaired, Syntax);
        var added = edits.OrderBy(e => e.At).Select((e, i) => e.At + i).ToHashSet();
        var lines = tree.GetText().Lines;
        bool Alone(StatementSyntax statement)
        {
            var next = lines.GetLineFromPosition(statement.Span.End).LineNumber + 1;
            return next >= lines.Count || lines[next].ToString().TrimStart() is "" or ['/', '/', ..];
        }
        var paragraphs = tree.GetCompilationUnitRoot().Members.OfType<GlobalStatementSyntax>().Select(g => g.Statement)
            .OfType<ExpressionStatementSyntax>().Where(Alone).ToList();
        var ends = paragraphs.Select(p => p.SemicolonToken.SpanStart).ToHashSet();
        return added.All(ends.Contains) && ends.All(added.Contains);
    }

    /// <summary>
    /// A menu of alternatives as the trial reads it: a block whose statements all declare one local (<c>var foo = cache.Get(…);</c>,
    /// then another way to get it, <c>var foo = …</c>), each in braces of its own on its own lines, so that each binds alone
    /// (their names clash only as one program, CS0128); the block's lines as they are otherwise.
    /// </summary>
    public static IReadOnlyList<CodeLine> AsAlternatives(IReadOnlyList<CodeLine> code)
    {
        var root = CSharpSyntaxTree.ParseText(string.Join('\n', code.Select(l => l.Text)), Syntax).GetCompilationUnitRoot();
        var statements = root.Members.Select(m => (m as GlobalStatementSyntax)?.Statement as LocalDeclarationStatementSyntax).ToList();
        if (statements.Count < 2 || statements.Any(s => s is null || s.Declaration.Variables.Count != 1)
            || statements.Select(s => s!.Declaration.Variables[0].Identifier.ValueText).Distinct(StringComparer.Ordinal).Count() != 1)
            return code;
        var spans = statements.Select(s => s!.GetLocation().GetLineSpan()).ToList();
        if (spans.Zip(spans.Skip(1)).Any(p => p.First.EndLinePosition.Line >= p.Second.StartLinePosition.Line)) return code;
        var lines = code.Select(l => l.Text).ToArray();
        foreach (var span in spans)
        {
            var (start, end) = (span.StartLinePosition, span.EndLinePosition);
            lines[end.Line] = lines[end.Line].Insert(end.Character, " }");
            lines[start.Line] = lines[start.Line].Insert(start.Character, "{ ");
        }
        return [.. code.Select((l, i) => l with { Text = lines[i], SourceColumns = null })];
    }

    /// <summary>The candidate made at the error: after the token before it, before or of the token at it.</summary>
    private static Edit? Make(string text, int errorAt, Candidate candidate)
    {
        var tokens = SyntaxFactory.ParseTokens(text, options: Syntax).Where(t => !t.IsKind(SyntaxKind.EndOfFileToken)).ToList();
        var index = tokens.FindIndex(t => t.SpanStart >= errorAt);
        var next = index >= 0 ? tokens[index] : (SyntaxToken?)null;
        var previous = (index >= 0 ? index : tokens.Count) - 1 is >= 0 and var p ? tokens[p] : (SyntaxToken?)null;
        switch (candidate.Kind)
        {
            case Kind.Insert when previous is { } before:
                return new Edit(before.Span.End, "", candidate.Token);
            case Kind.RemoveBefore when previous is { } before && before.Text == candidate.Token:
                return new Edit(before.SpanStart, candidate.Token, "");
            case Kind.RemoveAt when next is { } at && at.Text == candidate.Token:
                return new Edit(at.SpanStart, candidate.Token, "");
            case Kind.Lambda when next is { RawKind: (int)SyntaxKind.OpenBraceToken } brace
                && previous?.RawKind is (int)SyntaxKind.OpenParenToken or (int)SyntaxKind.CommaToken:
                // The parameter the body uses: the first name inside the braces that a member is read of ('{ o.Retries = 3; }').
                var name = tokens.Skip(index + 1).Zip(tokens.Skip(index + 2)).FirstOrDefault(
                    t => t.First.IsKind(SyntaxKind.IdentifierToken) && t.Second.IsKind(SyntaxKind.DotToken)).First;
                return name.IsKind(SyntaxKind.IdentifierToken) ? new Edit(brace.SpanStart, "", name.Text + " => ") : null;
            default:
                return null;
        }
    }

    /// <summary>
    /// "one ',' after 'LoadFromDb()'", "taking out the ',' after '"b"'", "'o =&gt;' before '{'": the first edit, read in
    /// the repaired text.
    /// </summary>
    private static string Describe(string repaired, List<Edit> edits, Candidate candidate)
    {
        var first = edits[0];
        if (candidate.Kind == Kind.Lambda) return $"'{first.New.TrimEnd()}' before '{{'";
        var root = CSharpSyntaxTree.ParseText(repaired, Syntax).GetRoot();
        var token = root.FindToken(Math.Max(0, first.At - 1));
        while (token.Span.End > first.At && token.SpanStart > 0) token = token.GetPreviousToken();
        var after = Shown(token);
        return candidate.Kind == Kind.Insert ? $"one '{candidate.Token}' after '{after}'" : $"taking out the '{candidate.Token}' after '{after}'";
    }

    /// <summary>The largest expression or parameter on one line that ends with the token (<c>services.Add("caching")</c>), else the token.</summary>
    private static string Shown(SyntaxToken token)
    {
        var shown = token.Text;
        for (var node = token.Parent; node is not null && node.Span.End == token.Span.End; node = node.Parent)
        {
            var text = node.ToString();
            if (node is ExpressionSyntax or ParameterSyntax && text.Length <= 40 && !text.Contains('\n', StringComparison.Ordinal)) shown = text;
        }
        return shown;
    }

    /// <summary>The edits as the post's lines and columns; none where a line's text is not the post's character for character.</summary>
    private static List<RepairEdit> InPost(IReadOnlyList<CodeLine> code, string text, List<Edit> edits)
    {
        var inPost = new List<RepairEdit>();
        foreach (var edit in edits)
        {
            var line = text[..edit.At].Count(c => c == '\n');
            var character = edit.At - (text.LastIndexOf('\n', Math.Max(0, edit.At - 1)) + 1);
            if (code[line].SourceColumns is not null || code[line].Generated) return [];
            inPost.Add(new RepairEdit(code[line].Line, code[line].ColumnAt(character), edit.Old, edit.New));
        }
        return inPost;
    }

    private static string TextEditApply(string text, List<Edit> edits)
    {
        var result = text;
        foreach (var edit in edits.OrderByDescending(e => e.At)) result = result.Remove(edit.At, edit.Old.Length).Insert(edit.At, edit.New);
        return result;
    }

    /// <summary>The start of the first syntax error; null when the text parses.</summary>
    private static int? FirstError(string text) =>
        CSharpSyntaxTree.ParseText(text, Syntax).GetDiagnostics().FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error)
            ?.Location.SourceSpan.Start;

    /// <summary>Nothing but comments and white space.</summary>
    private static bool IsEmpty(string text) => SyntaxFactory.ParseTokens(text, options: Syntax).All(t => t.IsKind(SyntaxKind.EndOfFileToken));

    /// <summary>A sketch, never a typo: code with a <c>...</c> or <c>…</c> hole outside its comments and strings.</summary>
    private static bool IsSketch(string text)
    {
        var code = string.Concat(SyntaxFactory.ParseTokens(text, options: Syntax)
            .Select(t => t.IsKind(SyntaxKind.StringLiteralToken) || t.IsKind(SyntaxKind.InterpolatedStringTextToken) ? "\"\"" : t.Text));
        return code.Contains("...", StringComparison.Ordinal) || code.Contains('…', StringComparison.Ordinal);
    }
}
