using SnippetCheck.Configuration;
using SnippetCheck.Model;

namespace SnippetCheck.Extraction.Snippets;

// Output blocks: which fence is one, and its scrub= and frameworks= words, read by the code block's tag rules.
internal static partial class SnippetReader
{
    private static bool IsOutput(FencedBlock block, out OutputMatchMode mode)
    {
        var words = TagWords(block);
        mode = words.Contains("unordered", StringComparer.OrdinalIgnoreCase) ? OutputMatchMode.Unordered
             : words.Contains("ellipsis", StringComparer.OrdinalIgnoreCase) ? OutputMatchMode.Ellipsis
             : OutputMatchMode.Exact;
        return words.Contains("output", StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The <c>scrub=</c> names on an output block, read as the code block's tag; a bad value is the snippet's annotation error.</summary>
    private static IReadOnlyList<string>? OutputScrub(FencedBlock block, List<Diagnostic> annotations)
    {
        IReadOnlyList<string>? names = null;
        foreach (var word in TagWords(block))
        {
            if (ReadOutputTag<IReadOnlyList<string>>(Settings.Scrub, word, block, annotations) is { } parsed) names = [.. names ?? [], .. parsed];
        }
        return names;
    }

    /// <summary>The <c>frameworks=</c> set on an output block, read as the code block's tag; a bad value is the snippet's annotation error.</summary>
    private static FrameworkSet? OutputFrameworks(FencedBlock block, List<Diagnostic> annotations) =>
        TagWords(block).LastOrDefault(w => w.StartsWith(Settings.Frameworks.Tag!.Word + "=", StringComparison.OrdinalIgnoreCase)) is { } word
            ? ReadOutputTag<FrameworkSet>(Settings.Frameworks, word, block, annotations)
            : null;

    /// <summary>An output block's <c>word=value</c> of <paramref name="setting"/>, read by the table's tag rule; null when another word.</summary>
    private static T? ReadOutputTag<T>(Setting setting, string word, FencedBlock block, List<Diagnostic> annotations) where T : class
    {
        var rule = setting.Tag!;
        var prefix = rule.Word + "=";
        if (!word.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) return null;
        var reading = rule.Read(word[prefix.Length..].Trim('"'), block.Location);
        if (reading.Problem is { } problem) annotations.Add(Diagnostic.Error(DiagnosticCodes.BadTagValue, problem, block.Location));
        return reading.Value as T;
    }

    /// <summary>
    /// A snippet may have one output block per set of frameworks (<c>```output frameworks=net8.0</c>) and one for the
    /// rest; any other second output block is a slip (SC1008). Null when <paramref name="output"/> may join.
    /// </summary>
    private static string? SecondOutputProblem(SnippetBuilder snippet, ExpectedOutput output)
    {
        var all = (List<ExpectedOutput>)[snippet.Output!, .. snippet.FrameworkOutputs, output];
        if (all.Count(o => o.Frameworks is null) > 1)
            return $"second output block for the snippet at line {snippet.Block.Location.Line}; for output that differs between frameworks, tag " +
                $"each with frameworks=, as in ```output frameworks=net8.0";
        var twice = TargetFramework.Supported.FirstOrDefault(f => all.Count(o => o.Frameworks?.Contains(f) == true) > 1);
        return twice is null ? null
            : $"a second output block for {twice} for the snippet at line {snippet.Block.Location.Line}; each framework may have one";
    }
}
