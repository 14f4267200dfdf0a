using System.Text.RegularExpressions;
using SnippetCheck.Extraction.Snippets;
using SnippetCheck.Model;
using SnippetCheck.Results;

namespace SnippetCheck.Adoption.Inference;

/// <summary>
/// The test annotations the C# standard writes above its examples, for its own extractor
/// (<c>&lt;!-- Example: {template:"standalone-lib", name:"SelfBaseClass", expectedErrors:["CS0146"]} --&gt;</c>): the
/// page's own words on which errors an example must give, as a marker comment inside a block is (<see cref="MarkedErrors"/>).
/// <c>adopt</c> tags such a block <c>compile-fail=IDS</c> only when the compiler reports exactly the IDs it lists.
/// </summary>
internal static partial class ExampleAnnotations
{
    /// <summary>How many lines above the fence the annotation may stand (a blank or a lone <c>&gt;</c> between).</summary>
    private const int Reach = 3;

    /// <summary>What the annotation above <paramref name="failed"/>'s block says of its errors.</summary>
    public static MarkedErrors.Reading Of(SnippetDocument document, SnippetResult failed)
    {
        var errors = failed.Diagnostics.Where(d => d.IsError).ToList();
        if (failed.Status != SnippetStatus.Failed || failed.Reason != FailureReason.CompileError || errors.Count == 0) return new([], null);
        if (ExpectedErrors(document, failed.Snippet) is not { Count: > 0 } expected) return new([], null);
        var ids = errors.Select(e => e.Id.ToUpperInvariant()).Distinct().Order(StringComparer.Ordinal).ToList();
        return ids.SequenceEqual(expected)
            ? new(ids, null)
            : new([], $"its annotation expects {string.Join(", ", expected)}, but the compiler reports {string.Join(", ", ids)}: " +
                "left untagged, since the page no longer says what the compiler does");
    }

    /// <summary>The distinct IDs of the <c>expectedErrors</c> list of the annotation just above the block, sorted; null when none.</summary>
    internal static IReadOnlyList<string>? ExpectedErrors(SnippetDocument document, Snippet snippet)
    {
        var lines = document.Source.Document.Lines;
        for (var line = snippet.Location.Line - 1; line >= 1 && line >= snippet.Location.Line - Reach; line--)
        {
            var text = lines.Text(line).Trim().TrimStart('>').Trim();
            if (text.Length == 0 || text.StartsWith("<!-- snippetcheck", StringComparison.Ordinal)) continue;
            if (Annotation().Match(text) is not { Success: true } annotation) return null;
            return [.. ErrorId().Matches(annotation.Groups["errors"].Value).Select(m => m.Value.ToUpperInvariant())
                .Distinct().Order(StringComparer.Ordinal)];
        }
        return null;
    }

    [GeneratedRegex(@"^<!--\s*Example:\s*\{.*\bexpectedErrors:\s*\[(?<errors>[^\]]*)\].*\}\s*-->$")]
    private static partial Regex Annotation();

    [GeneratedRegex(@"\bCS\d{4}\b", RegexOptions.IgnoreCase)]
    private static partial Regex ErrorId();
}
