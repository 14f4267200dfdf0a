using System.Globalization;
using System.Text.RegularExpressions;
using SnippetCheck.Extraction;
using SnippetCheck.Model;
using SnippetCheck.Results;

namespace SnippetCheck.Adoption.Rot;

/// <summary>
/// What the prose right after a doc-comment example says a variable of the example holds, as libraries write it:
/// "The <c>result</c> variable, when iterated over, will yield 1, 3, 6 and 10" (docs/doctests.md, "Hidden checks").
/// <c>adopt</c> runs the example with the claim as a hidden result line: a claim that holds becomes a hidden check,
/// one that does not is reported as suspected rot at the prose's line and never written.
/// </summary>
/// <param name="Variable">The variable the prose names.</param>
/// <param name="Values">The values it states, as C# literals, in order.</param>
/// <param name="Location">Where the prose's statement starts.</param>
internal sealed record ProseClaim(string Variable, IReadOnlyList<string> Values, SourceLocation Location)
{
    /// <summary>The hidden result line: <c>result =&gt; new[] { 1, 3, 6, 10 }</c>, compared by elements.</summary>
    public string Check => $"{Variable} => new[] {{ {string.Join(", ", Values)} }}";

    /// <summary>The values as the prose states them, for a report.</summary>
    public string Stated => "[" + string.Join(", ", Values) + "]";
}

internal static partial class ProseClaims
{
    private static readonly Dictionary<string, int> Counts = new(StringComparer.OrdinalIgnoreCase)
    {
        ["a"] = 1, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5,
        ["six"] = 6, ["seven"] = 7, ["eight"] = 8, ["nine"] = 9, ["ten"] = 10,
    };

    // "The <c>result</c> variable, when iterated over, will yield 1, 3, 6 and 10" / "The words list holds "a" and "b"".
    [GeneratedRegex(@"\bthe\s+(?:<c>\s*(?<name>[A-Za-z_][A-Za-z0-9_]*)\s*</c>|(?<name>[A-Za-z_][A-Za-z0-9_]*))\s+(?:variable|list|array"
        + @"|sequence|collection)\b[^.;:]*?\b(?:will\s+)?(?:yields?|contains?|holds?|produces?|returns?)\s+(?<values>.+?)(?:\.(?:\s|$)|$)",
        RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Claim();

    // "<c>prescan</c> will yield <c>{ 0, 1, 3, 6 }</c>, while <c>scan</c> and <c>result</c> will both yield <c>{ 1, 3, 6, 10 }</c>":
    // names and values in code spans, several names to one verb, several clauses to a sentence.
    [GeneratedRegex(@"(?<subjects>(?:<c>|`)\s*[A-Za-z_]\w*\s*(?:</c>|`)(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:<c>|`)\s*[A-Za-z_]\w*\s*(?:</c>|`))*)"
        + @"\s+(?:will\s+)?(?:both\s+|all\s+)?(?:yields?|contains?|holds?|produces?|returns?|prints?)\s+(?:<c>|`)\s*(?<values>[^`<]+?)\s*(?:</c>|`)",
        RegexOptions.IgnoreCase)]
    private static partial Regex SpanClaim();

    [GeneratedRegex(@"(?:<c>|`)\s*(?<name>[A-Za-z_]\w*)\s*(?:</c>|`)")]
    private static partial Regex SpanName();

    [GeneratedRegex(@"^(?:(?<int>-?\d+)|""(?<string>[^""\\]*)""|(?<count>a|one|two|three|four|five|six|seven|eight|nine"
        + @"|ten)\s+(?<word>zero(?:e?s)?|empty\s+strings?))$", RegexOptions.IgnoreCase)]
    private static partial Regex Item();

    [GeneratedRegex(@"\s*(?:,\s*(?:and\s+)?|\s+and\s+)")]
    private static partial Regex Separator();

    [GeneratedRegex(@"(?:,?\s+(?:in\s+turn|in\s+that\s+order|in\s+order|respectively))+$", RegexOptions.IgnoreCase)]
    private static partial Regex Trailer();

    /// <summary>
    /// The claim in the prose after <paramref name="block"/> (a <c>&lt;code&gt;</c> of a doc comment), up to the next
    /// <c>&lt;code&gt;</c>, the end of its <c>&lt;example&gt;</c> or of the comment (one per variable a sentence names);
    /// empty when it states no list of numbers or strings about a named variable.
    /// </summary>
    public static IReadOnlyList<ProseClaim> After(FencedBlock block, SourceDocument document)
    {
        if (!block.Geometry.XmlEscaped) return [];
        var lines = new List<(int Line, int Column, string Text)>();
        for (var line = block.EndLine; line <= document.Lines.LineCount; line++)
        {
            var start = document.Lines.LineStart(line);
            var end = document.Lines.ContentEnd(line);
            var text = document.Text[start..end];
            var from = 0;
            if (line == block.EndLine)
            {
                var close = text.IndexOf("</code>", StringComparison.Ordinal);
                if (close < 0) return [];
                from = close + "</code>".Length;
            }
            else
            {
                var trimmed = text.TrimStart();
                if (!trimmed.StartsWith("///", StringComparison.Ordinal)
                    && !(trimmed.StartsWith('*') && !trimmed.StartsWith("*/", StringComparison.Ordinal))) break;
                from = text.Length - trimmed.Length + (trimmed.StartsWith("///", StringComparison.Ordinal) ? 3 : 1);
            }
            var content = text[from..];
            var stop = new[] { "<code", "</example>", "</remarks>", "<!--" }.Select(s => content.IndexOf(s, StringComparison.Ordinal)).Where(
                i => i >= 0).DefaultIfEmpty(-1).Min();
            lines.Add((line, from + 1, stop >= 0 ? content[..stop] : content));
            if (stop >= 0) break;
        }
        var prose = string.Join(' ', lines.Select(l => l.Text.Trim()));
        if (Claim().Match(prose) is { Success: true } match)
        {
            var values = Values(Trailer().Replace(match.Groups["values"].Value.Trim(), ""));
            return values is null || values.Count < 2 ? []
                : [new ProseClaim(match.Groups["name"].Value, values, LocationOf(prose, match.Index, lines, document.DisplayPath))];
        }
        var claims = new List<ProseClaim>();
        foreach (Match clause in SpanClaim().Matches(prose))
        {
            var values = Values(Trailer().Replace(clause.Groups["values"].Value.Trim().TrimStart('{', '[').TrimEnd('}', ']').Trim(), ""));
            if (values is null || values.Count < 2) continue;
            foreach (Match name in SpanName().Matches(clause.Groups["subjects"].Value))
            {
                var at = clause.Groups["subjects"].Index + name.Groups["name"].Index;
                claims.Add(new ProseClaim(name.Groups["name"].Value, values, LocationOf(prose, at, lines, document.DisplayPath)));
            }
        }
        return claims;
    }

    /// <summary>
    /// What the variable held, from the failure of the claim's check ("...: result is [(0, a)], not [...]"); null when
    /// the example failed for another reason.
    /// </summary>
    public static string? Actual(SnippetResult failed, ProseClaim claim)
    {
        // The check names its own line, the prose's: "Lib/Sequences.cs(55,16): result is ..., not ...".
        var marker = $"{claim.Location.File}({claim.Location.Line},";
        var message = failed.Verdict.Message ?? "";
        var named = message.IndexOf(marker, StringComparison.Ordinal);
        if (named < 0) return null;
        message = message[named..];
        marker = $"): {claim.Variable} is ";
        var at = message.IndexOf(marker, StringComparison.Ordinal);
        if (at < 0) return null;
        var rest = message[(at + marker.Length)..];
        var not = rest.LastIndexOf(", not ", StringComparison.Ordinal);
        return not < 0 ? null : rest[..not];
    }

    /// <summary>The values of "123, 456, 789 and two zeroes" as C# literals; null unless every item reads and all are of one kind.</summary>
    private static List<string>? Values(string text)
    {
        var values = new List<string>();
        var kinds = new HashSet<char>();
        foreach (var part in Separator().Split(text).Select(p => p.Trim()).Where(p => p.Length > 0))
        {
            if (Item().Match(part) is not { Success: true } item) return null;
            if (item.Groups["int"].Success)
            {
                if (!int.TryParse(item.Groups["int"].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)) return null;
                values.Add(number.ToString(CultureInfo.InvariantCulture));
                kinds.Add('i');
            }
            else if (item.Groups["string"].Success)
            {
                values.Add("\"" + item.Groups["string"].Value + "\"");
                kinds.Add('s');
            }
            else
            {
                var isZero = item.Groups["word"].Value.StartsWith("zero", StringComparison.OrdinalIgnoreCase);
                values.AddRange(Enumerable.Repeat(isZero ? "0" : "\"\"", Counts[item.Groups["count"].Value]));
                kinds.Add(isZero ? 'i' : 's');
            }
        }
        return kinds.Count == 1 ? values : null;
    }

    /// <summary>The line and column in the file of the character at <paramref name="index"/> of the joined prose.</summary>
    private static SourceLocation LocationOf(string prose, int index, List<(int Line, int Column, string Text)> lines, string file)
    {
        var at = 0;
        foreach (var (line, column, text) in lines)
        {
            var trimmed = text.Trim();
            var end = at + trimmed.Length;
            if (index <= end && trimmed.Length > 0)
                return new SourceLocation(file, line, column + (text.Length - text.TrimStart().Length) + Math.Max(0, index - at));
            at = end + 1;
        }
        return new SourceLocation(file, lines[0].Line, lines[0].Column);
    }
}
