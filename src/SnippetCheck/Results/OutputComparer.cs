using System.Text.RegularExpressions;
using DiffPlex;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using SnippetCheck.Extraction.Snippets;

namespace SnippetCheck.Results;

/// <summary>
/// Matches output as README.md "Output and standard input" says: line endings normalized, trailing white space of each line and leading
/// and trailing blank lines ignored, otherwise exact; <c>ellipsis</c> and <c>unordered</c> relax that.
/// </summary>
internal static class OutputComparer
{
    internal const string Ellipsis = "...";

    /// <summary>Compares with no scrubbing at all.</summary>
    internal static ComparisonResult Compare(string expected, string actual, OutputMatchMode mode) =>
        Compare(expected, actual, mode, Scrubbing.Off);

    /// <summary>
    /// Compares after both sides went through <paramref name="scrubbing"/>, each with numbering of its own; the
    /// mode applies to the scrubbed lines, and the diff shows them, placeholders and all.
    /// </summary>
    internal static ComparisonResult Compare(string expected, string actual, OutputMatchMode mode, Scrubbing scrubbing)
    {
        var expectedLines = Scrub(Normalize(expected), scrubbing, mode);
        var actualLines = Scrub(Normalize(actual), scrubbing, mode);
        var matches = mode switch
        {
            OutputMatchMode.Ellipsis => EllipsisMatches(expectedLines, actualLines),
            OutputMatchMode.Unordered => expectedLines.Order(StringComparer.Ordinal).SequenceEqual(actualLines.Order(StringComparer.Ordinal)),
            _ => expectedLines.SequenceEqual(actualLines),
        };
        return matches ? ComparisonResult.Match : new ComparisonResult(false, Diff(expectedLines, actualLines, mode));
    }

    /// <summary>
    /// Whether <paramref name="actual"/> matches <paramref name="expected"/> as a verify run compares output (the diff stays inside the judge).
    /// </summary>
    public static bool Matches(string expected, string actual, OutputMatchMode mode, Scrubbing scrubbing) =>
        Compare(expected, actual, mode, scrubbing).Matches;

    /// <summary>The lines that take part in matching.</summary>
    public static IReadOnlyList<string> Normalize(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n')
            .Split('\n').Select(l => l.TrimEnd()).ToList();
        var first = lines.FindIndex(l => l.Length > 0);
        if (first < 0) return [];
        var last = lines.FindLastIndex(l => l.Length > 0);
        return lines.GetRange(first, last - first + 1);
    }

    /// <summary>The lines with the scrubbers applied to them as one text, so numbering runs through the whole output.</summary>
    /// <remarks>
    /// For <c>unordered</c>, placeholders are numbered in an order that does not depend on the order the lines were
    /// printed in: the lines are first sorted by their text with every value masked. Equal scrubbed lines on both
    /// sides still mean the same values are equal, and different ones different, on both.
    /// </remarks>
    public static IReadOnlyList<string> Scrub(IReadOnlyList<string> lines, Scrubbing scrubbing, OutputMatchMode mode = OutputMatchMode.Exact)
    {
        if (scrubbing.IsOff || lines.Count == 0) return lines;
        if (mode == OutputMatchMode.Unordered)
            lines = [.. lines.OrderBy(l => Scrubbing.Masked(scrubbing.Apply(l)), StringComparer.Ordinal).ThenBy(l => l, StringComparer.Ordinal)];
        return scrubbing.Apply(Join(lines)).Split('\n').Select(l => l.TrimEnd()).ToList();
    }

    /// <summary>The text an output block should hold for this output (used by <c>--accept</c>).</summary>
    public static string Canonical(string actual) => string.Join('\n', Normalize(actual));

    private static bool EllipsisMatches(IReadOnlyList<string> expected, IReadOnlyList<string> actual)
    {
        // Memoised search: a '...' line matches any number of lines, '...' inside a line any characters.
        var memo = new Dictionary<(int, int), bool>();
        bool Match(int e, int a)
        {
            if (memo.TryGetValue((e, a), out var known)) return known;
            bool result;
            if (e == expected.Count) result = a == actual.Count;
            else if (expected[e].Trim() == Ellipsis) result = Match(e + 1, a) || (a < actual.Count && Match(e, a + 1));
            else result = a < actual.Count && LineMatches(expected[e], actual[a]) && Match(e + 1, a + 1);
            memo[(e, a)] = result;
            return result;
        }
        return Match(0, 0);
    }

    private static bool LineMatches(string expected, string actual)
    {
        if (!expected.Contains(Ellipsis, StringComparison.Ordinal)) return expected == actual;
        var pattern = "^" + string.Join(".*", expected.Split(Ellipsis).Select(Regex.Escape)) + "$";
        return Regex.IsMatch(actual, pattern, RegexOptions.Singleline, TimeSpan.FromSeconds(1));
    }

    private static List<DiffLine> Diff(IReadOnlyList<string> expected, IReadOnlyList<string> actual, OutputMatchMode mode)
    {
        if (mode == OutputMatchMode.Unordered)
        {
            expected = [.. expected.Order(StringComparer.Ordinal)];
            actual = [.. actual.Order(StringComparer.Ordinal)];
        }
        var model = new InlineDiffBuilder(new Differ()).BuildDiffModel(Join(expected), Join(actual), ignoreWhitespace: false);
        return model.Lines.Select(line => new DiffLine(line.Type switch
        {
            ChangeType.Deleted => DiffLineKind.Expected,
            ChangeType.Inserted => DiffLineKind.Actual,
            _ => DiffLineKind.Same,
        }, line.Text)).ToList();
    }

    private static string Join(IReadOnlyList<string> lines) => string.Join('\n', lines);
}
