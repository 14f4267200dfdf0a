using System.Text.RegularExpressions;
using SnippetCheck.Extraction;
using SnippetCheck.Results;

namespace SnippetCheck.Adoption.Rot;

/// <summary>
/// What the page says around a block, as rot is read in context: the paragraph before it and the one after
/// it, and what the page itself declares and imports, so that an entry never rests on a guess of the tool's.
/// </summary>
internal static partial class RotContext
{
    /// <summary>The most lines of a paragraph read, before or after.</summary>
    private const int ParagraphLines = 8;

    /// <summary>
    /// The paragraph right before the block and the one right after it. One after it that ends with a colon counts unless
    /// a C# block follows it ("Parsing a word throws:" is then about that block); before an output block ("This will fail
    /// with:" over the exception's text) it is about this one.
    /// </summary>
    public static string Around(SourceDocument document, FencedBlock block)
    {
        var lines = document.Lines;
        bool Skipped(int at) => string.IsNullOrWhiteSpace(lines.Text(at)) || IsMarkup(lines.Text(at));
        bool InParagraph(int at) => !string.IsNullOrWhiteSpace(lines.Text(at)) && !IsFence(lines.Text(at));
        var before = new List<string>();
        var line = block.Location.Line - 1;
        while (line >= 1 && Skipped(line)) line--;
        for (; line >= 1 && before.Count < ParagraphLines && InParagraph(line); line--)
            if (!IsMarkup(lines.Text(line))) before.Insert(0, lines.Text(line));
        var after = new List<string>();
        line = block.EndLine + 1;
        while (line <= lines.LineCount && Skipped(line)) line++;
        for (; line <= lines.LineCount && after.Count < ParagraphLines && InParagraph(line); line++)
            if (!IsMarkup(lines.Text(line))) after.Add(lines.Text(line));
        while (line <= lines.LineCount && Skipped(line)) line++;
        if (after.Count > 0 && after[^1].TrimEnd().EndsWith(':') && line <= lines.LineCount && IsCSharpFence(lines.Text(line))) after.Clear();
        return string.Join('\n', before.Concat(after));
    }

    /// <summary>
    /// A line a snippet tool writes around an included block, no prose of the page's: an HTML comment
    /// (<c>&lt;!-- snippet: … --&gt;</c>, <c>&lt;!-- endSnippet --&gt;</c>), an anchor, or mdsnippets' "snippet source" line.
    /// </summary>
    private static bool IsMarkup(string line) => SnippetToolMarkup().IsMatch(line);

    [GeneratedRegex(@"^\s*(?:<!--.*-->|<a\s+id=['""][^'""]*['""]\s*>\s*</a>|<sup>.*</sup>)\s*$")]
    private static partial Regex SnippetToolMarkup();

    /// <summary>
    /// The entry rests on what the tool gave the block, not on the page: a namespace the page declares (CS0234 under a
    /// package's root), a call no overload fits of a method the page declares, or an error against an API read through
    /// usings the tool picked while the page has a <c>using</c> of its own the block was not tried with.
    /// </summary>
    public static bool RestsOnAGuess(SuspectedRot rot, SourceDocument document, SnippetResult failed)
    {
        if (TriedAtAMajorThePageDoesNotName(document.Text, failed.Snippet.Tags.Packages)) return true;
        if (rot.Evidence != RotEvidence.KnownApi) return false;
        if (rot.Id == "CS0234" && Quoted().Matches(rot.Message) is { Count: >= 2 } names
            && Regex.IsMatch(document.Text, $@"\bnamespace\s+{Regex.Escape($"{names[1].Groups[1].Value}.{names[0].Groups[1].Value}")}\b"))
            return true;
        // A call no overload fits of a method the page declares: the docs' own helper, whose signature the page may show
        // another way; only a library's method is evidence.
        if (RotEvidence.IsOverloadError(rot.Id) && RotEvidence.MethodCalledAt(failed.Snippet, rot.Location) is { } method
            && Regex.IsMatch(document.Text, $@"\b(?!(?:return|await|new|throw|else|in|is|as|case|yield)\b)[A-Za-z_][\w<>\[\]?,.]*\s+{
                Regex.Escape(method)}\s*(?:<[^>\n]*>)?\s*\(")) return true;
        var picked = failed.Snippet.Tags.Usings;
        if (picked.Count == 0) return false;
        var own = string.Join('\n', failed.Snippet.Code.Select(l => l.Text));
        return PageUsings().Matches(document.Text).Select(m => m.Groups[1].Value)
            .Any(u => !picked.Contains(u, StringComparer.Ordinal) && !own.Contains(u, StringComparison.Ordinal));
    }

    /// <summary>
    /// A package the block was tried with at a major the page does not speak of, when the page names others: language-ext's
    /// "Version 2 Release Notes" ("Version 2.0 of Language-Ext") tried with LanguageExt.Core 4.4.9. The tool chose that
    /// version; what fails there is no rot of a page about 2.0. A page that names no version of the package reads as current.
    /// </summary>
    internal static bool TriedAtAMajorThePageDoesNotName(string text, IEnumerable<Model.PackageRequest> packages) =>
        packages.Any(p => MajorOf(p.Version) is { } major && !text.Contains(p.Version, StringComparison.Ordinal)
            && NamedMajors(text, p.Id) is { Count: > 0 } named && !named.Contains(major));

    /// <inheritdoc cref="Inference.Packages.PackageMajors.Named"/>
    internal static IReadOnlySet<int> NamedMajors(string text, string id) => Inference.Packages.PackageMajors.Named(text, id);

    private static int? MajorOf(string version) => int.TryParse(version.Split('.')[0], out var major) ? major : null;

    private static bool IsFence(string line) => line.TrimStart(' ', '>', '\t').StartsWith("```", StringComparison.Ordinal)
        || line.TrimStart(' ', '>', '\t').StartsWith("~~~", StringComparison.Ordinal);

    private static bool IsCSharpFence(string line) => CSharpFence().IsMatch(line);

    [GeneratedRegex(@"^[\s>]*(?:```|~~~)\s*(?:csharp|cs|c#)\b", RegexOptions.IgnoreCase)]
    private static partial Regex CSharpFence();

    // 'using Acme.Caching;' on a line of its own, as a page's blocks import (not 'using var', not 'using (…)').
    [GeneratedRegex(@"^[\s>]*using\s+(?!var\b|static\b)([A-Za-z_][\w]*(?:\.[A-Za-z_]\w*)*)\s*;", RegexOptions.Multiline)]
    private static partial Regex PageUsings();

    [GeneratedRegex(@"'([^']+)'")]
    private static partial Regex Quoted();
}
