using System.Text.Json;
using SnippetCheck.Driver;
using SnippetCheck.Programs;
using SnippetCheck.Model;
using SnippetCheck.Extraction.Snippets;

namespace SnippetCheck.Reporting;

/// <summary>What <c>snippetcheck list</c> shows: every C# block found, its tags, and what is attached to it.</summary>
internal static class ListReport
{
    /// <summary>
    /// <c>list</c> whole: reads every document of <paramref name="verifier"/>'s run without compiling anything, writes
    /// the file set's notes (a glob that matched nothing) to <paramref name="notes"/>, the block reports asked for, and
    /// the console text to <paramref name="console"/> unless a report takes standard output.
    /// </summary>
    public static void Write(Verifier verifier, ReportSet reports, TextWriter console, TextWriter notes)
    {
        var (documents, errors) = verifier.Prepare();
        foreach (var note in verifier.FileSetNotes) notes.WriteLine(note.ToCanonicalString());
        reports.WriteBlocks(documents, errors);
        if (!reports.TakesStandardOutput) WriteText(console, documents, errors);
    }

    /// <summary>The console text of <c>list</c>: a line per block and prelude, the file errors, and a count.</summary>
    internal static void WriteText(TextWriter output, IReadOnlyList<PreparedDocument> documents, IReadOnlyList<Diagnostic> errors)
    {
        var blocks = 0;
        foreach (var document in documents)
        {
            foreach (var snippet in document.Snippets.Snippets)
            {
                blocks++;
                var state = snippet.HasAnnotationErrors ? "annotation error" : snippet.IsTagged ? snippet.Kind.ToTag() : "untagged";
                var extras = new List<string>();
                if (OwnTags(snippet) is { Length: > 0 } ours) extras.Add($"tags: {ours}");
                if (snippet.Tags.ForeignAttributes.Count > 0) extras.Add($"engine attributes: {string.Join(' ', snippet.Tags.ForeignAttributes)}");
                if (snippet.Output is { } o) extras.Add($"output at line " +
                    $"{o.Block.Location.Line}{(o.Mode == OutputMatchMode.Exact ? "" : $" ({o.Mode.ToString().ToLowerInvariant()})")}");
                if (snippet.Stdin is { } s) extras.Add($"stdin at line {s.Location.Line}");
                output.WriteLine($"{snippet.Location}: {state}{(extras.Count > 0 ? " — " + string.Join("; ", extras) : "")}");
                // An untagged block's foreign words are information only; "engine attributes" above already names them.
                foreach (var diagnostic in snippet.Annotations.Where(d => d.Severity != DiagnosticSeverity.Info)) output.WriteLine(
                    "    " + diagnostic.ToCanonicalString());
            }
            foreach (var prelude in document.Snippets.Preludes)
                output.WriteLine($"{prelude.Comment.Location}: " +
                    $"prelude{(prelude.Session is null ? "" : $" for session '{prelude.Session}'")} ({prelude.Lines.Count} lines)");
        }
        foreach (var error in errors.Concat(documents.SelectMany(d => d.Errors)))
            output.WriteLine(ReportText.Canonical(error));
        foreach (var warning in documents.SelectMany(d => d.Snippets.FileDiagnostics.Where(w => !w.IsError)))
            output.WriteLine(warning.ToCanonicalString());
        output.WriteLine($"{blocks} C# {(blocks == 1 ? "block" : "blocks")} in {documents.Count} {(documents.Count == 1 ? "file" : "files")}");
    }

    /// <summary>The snippet's tag words as written, without the foreign ones: those are the blog engine's, not tags.</summary>
    private static string OwnTags(Snippet snippet) =>
        string.Join(' ', TagParser.Tokenize(snippet.Tags.Original).Except(snippet.Tags.ForeignAttributes, StringComparer.Ordinal));

    /// <summary>The JSON report of <c>list</c>: the blocks with their tags instead of verdicts, and the file errors.</summary>
    internal static void WriteJson(Stream stream, IReadOnlyList<PreparedDocument> documents, IReadOnlyList<Diagnostic> errors)
    {
        using var json = new Utf8JsonWriter(stream, JsonReportWriter.Options);
        JsonReportWriter.WriteStart(json);
        json.WriteStartArray("blocks");
        foreach (var snippet in documents.SelectMany(d => d.Snippets.Snippets))
        {
            json.WriteStartObject();
            JsonReportWriter.WriteBlockLocation(json, snippet);
            json.WriteString("kind", snippet.Kind.ToTag());
            json.WriteBoolean("tagged", snippet.IsTagged);
            json.WriteString("tags", OwnTags(snippet));
            JsonReportWriter.WriteNullable(json, "expectedOutput", snippet.Output?.Text);
            JsonReportWriter.WriteNullable(json, "outputMode", snippet.Output?.Mode.ToString().ToLowerInvariant());
            JsonReportWriter.WriteNullable(json, "stdin", snippet.Stdin?.Content);
            json.WriteStartArray("foreignAttributes");
            foreach (var word in snippet.Tags.ForeignAttributes) json.WriteStringValue(word);
            json.WriteEndArray();
            JsonReportWriter.WriteDiagnostics(json, snippet.Annotations);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        JsonReportWriter.WriteErrors(json, [.. errors, .. documents.SelectMany(d => d.Errors)]);
        json.WriteEndObject();
    }
}
