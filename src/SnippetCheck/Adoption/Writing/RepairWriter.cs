using SnippetCheck.Adoption.Proposals;
using SnippetCheck.Extraction;
using SnippetCheck.Extraction.Snippets;
using SnippetCheck.Results;
using SnippetCheck.Editing;

namespace SnippetCheck.Adoption.Writing;

/// <summary>
/// <c>adopt --repair</c>: writes the repairs of the typos the run found (<see cref="TypoRepair"/>), each of
/// which made its block compile in the run, into their posts, so a maintainer fixes a doc set's typos in one step and
/// reviews the diff. Before a file is written it must still be the bytes adopt read, each edit must find the text it
/// replaces, and the file must read back with each repaired block holding exactly the code that compiled and every other
/// fence as it was (<see cref="DocumentRewriter"/>); nothing else changes.
/// </summary>
internal static class RepairWriter
{
    /// <summary>One line per file: the repairs written, or why not.</summary>
    public static IReadOnlyList<string> Write(IReadOnlyList<AdoptFile> files)
    {
        var lines = new List<string>();
        foreach (var file in files)
        {
            var repairs = file.Rot.Where(r => r.Repair is { Edits.Count: > 0 } && r.Block is not null).ToList();
            if (repairs.Count == 0) continue;
            var document = file.Document;
            var edits = repairs.SelectMany(r => r.Repair!.Edits).Select(e => Edit(document, e)).ToList();
            var problem = edits.Any(e => e is null) ? "a repair's text is no longer where adopt found it"
                : TextEdit.Rewrite(document, edits!, text => ReadsBack(document, text, repairs),
                    "the repaired file would not read back with exactly the repaired blocks (please report it with the file)");
            var count = repairs.Count == 1 ? "1 typo" : $"{repairs.Count} typos";
            lines.Add(problem is null ? $"{document.DisplayPath}: repaired {count}" : $"{document.DisplayPath}: not repaired: {problem}");
        }
        return lines;
    }

    /// <summary>The edit at its line and column of the document; null where the text there is not what the repair takes out.</summary>
    private static TextEdit? Edit(SourceDocument document, RepairEdit edit)
    {
        if (edit.Line < 1 || edit.Line > document.Lines.LineCount) return null;
        var start = document.Lines.LineStart(edit.Line) + edit.Column - 1;
        var end = start + edit.OldText.Length;
        if (start < 0 || end > document.Lines.ContentEnd(edit.Line)
            || !string.Equals(document.Text[start..end], edit.OldText, StringComparison.Ordinal)) return null;
        return new TextEdit(start, end, edit.NewText);
    }

    /// <summary>The same fences, each repaired block's lines the code that compiled, every other fence's content as it was.</summary>
    private static bool ReadsBack(SourceDocument original, string rewritten, IReadOnlyList<SuspectedRot> repairs)
    {
        var before = DocumentExtractor.Extract(original).Items.OfType<FencedBlock>().ToList();
        var after = DocumentExtractor.Extract(SourceDocument.FromText(original.FullPath, original.DisplayPath, rewritten))
            .Items.OfType<FencedBlock>().ToList();
        if (before.Count != after.Count) return false;
        for (var i = 0; i < before.Count; i++)
        {
            if (before[i].Info != after[i].Info || before[i].Arguments != after[i].Arguments || before[i].Location != after[i].Location) return false;
            var repair = repairs.FirstOrDefault(r => r.Block!.Value.Line == before[i].Location.Line)?.Repair;
            var holds = repair is null ? before[i].Content == after[i].Content
                : string.Join('\n', after[i].Lines.Select(l => l.Text)) == repair.Code;
            if (!holds) return false;
        }
        return true;
    }
}
