using System.Text.Json;
using SnippetCheck.Adoption.Proposals;
using SnippetCheck.Extraction.Snippets;
using SnippetCheck.Model;
using SnippetCheck.Results;
using SnippetCheck.Reporting;

namespace SnippetCheck.Adoption;

/// <summary>
/// <c>adopt --report json=PATH</c>: every untagged block <c>adopt</c> looked at, with the tag it got (or would get) or
/// why it stays unverified, key for key as docs/authoring.md#adopt gives it. The key names and words are a stable contract.
/// </summary>
internal static class AdoptJson
{
    /// <summary>Writes <paramref name="report"/> as one JSON document (UTF-8, indented).</summary>
    public static void Write(Stream stream, AdoptReport report)
    {
        using var json = new Utf8JsonWriter(stream, JsonReportWriter.Options);
        JsonReportWriter.WriteStart(json);
        json.WriteBoolean("write", report.Write);
        WriteSummary(json, report);
        WriteBlocks(json, report);
        WriteSuspectedRot(json, report);
        json.WriteEndObject();
    }

    /// <summary>The counts of the summary, the config's new pins, the packages pinned to an older major, own pins, setup problems.</summary>
    private static void WriteSummary(Utf8JsonWriter json, AdoptReport report)
    {
        json.WriteStartObject("summary");
        json.WriteNumber("blocks", report.Blocks);
        json.WriteNumber("adopted", report.Adopted);
        json.WriteNumber("checked", report.Check);
        json.WriteNumber("stillFailing", report.StillFailing);
        json.WriteNumber("hiddenChecks", report.WithHiddenChecks);
        json.WriteNumber("suspectedRot", report.SuspectedRot);
        json.WriteNumber("fixtures", report.Fixtures);
        json.WriteNumber("leftOut", report.LeftOut);
        var causes = report.Files.SelectMany(f => f.Causes).ToList();
        foreach (var kind in UnverifiedCause.Kinds) json.WriteNumber(kind, causes.Count(c => c.Kind == kind));
        json.WriteNumber("durationMs", (long)report.Duration.TotalMilliseconds);
        json.WriteEndObject();
        // The config's new pins: each packages= tag that names no version takes its version from one of them.
        WriteStrings(json, "pins", report.Pins);
        // Packages pinned to the older major the docs were written for, with the names the newest lacks.
        WriteStrings(json, "versions", report.Versions);
        // Blocks whose tags keep a version of their own, and packages that could not be restored here, as the summary says them.
        WriteStrings(json, "ownPins", report.OwnPins);
        WriteStrings(json, "setupProblems", report.SetupProblems);
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values) json.WriteStringValue(value);
        json.WriteEndArray();
    }

    /// <summary>Every block looked at: a proposal with its tag, or a failure with its cause (and the ignore tag that leaves it out).</summary>
    private static void WriteBlocks(Utf8JsonWriter json, AdoptReport report)
    {
        json.WriteStartArray("blocks");
        foreach (var file in report.Files)
        {
            // A block left out of its page's class is listed once, with its cause and the tag that leaves it out.
            foreach (var proposal in file.Proposals.Where(p => !p.LeftOut))
            {
                WriteBlock(json, proposal.Snippet.Location);
                json.WriteString("tag", proposal.Words);
                json.WriteBoolean("output", proposal.Output is not null);
                if (proposal.HiddenChecks.Count > 0)
                {
                    json.WriteStartArray("hiddenChecks");
                    foreach (var check in proposal.HiddenChecks) json.WriteStringValue(check);
                    json.WriteEndArray();
                }
                WriteNotes(json, file, proposal.Snippet.Location);
                json.WriteEndObject();
            }
            foreach (var (failed, cause) in file.Failures.Zip(file.Causes))
            {
                WriteBlock(json, failed.Snippet.Location);
                if (file.Proposals.Any(p => p.LeftOut && p.Snippet.Location == failed.Snippet.Location)) json.WriteString(
                    "tag", SnippetKind.Ignore.ToTag());
                json.WriteString("cause", cause.Kind);
                json.WriteString("detail", cause.Detail);
                json.WriteNumber("causeLine", cause.Location.Line);
                json.WriteNumber("causeColumn", cause.Location.Column);
                WriteNotes(json, file, failed.Snippet.Location);
                json.WriteEndObject();
            }
        }
        json.WriteEndArray();
    }

    /// <summary>The blocks whose failure looks like rot of the docs: the evidence, the diagnostic, why, and the last version they fit.</summary>
    private static void WriteSuspectedRot(Utf8JsonWriter json, AdoptReport report)
    {
        json.WriteStartArray("suspectedRot");
        foreach (var rot in report.Files.SelectMany(f => f.Rot))
        {
            WriteBlock(json, rot.Location);
            json.WriteString("evidence", rot.Evidence);
            json.WriteStartObject("diagnostic");
            json.WriteString("id", rot.Id);
            json.WriteString("message", rot.Message);
            json.WriteEndObject();
            json.WriteString("why", rot.Why);
            if (rot.Block is { } block) json.WriteNumber("blockLine", block.Line);
            if (rot.LastVersion is { } last) json.WriteString("lastVersion", last);
            if (rot.Repair is { } repair) WriteRepair(json, repair);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    /// <summary>A typo's repair: what it does, and its edits of the post (1-based line and column, the text taken out and put in).</summary>
    private static void WriteRepair(Utf8JsonWriter json, TypoRepair repair)
    {
        json.WriteStartObject("repair");
        json.WriteString("description", repair.Description);
        json.WriteStartArray("edits");
        foreach (var edit in repair.Edits)
        {
            json.WriteStartObject();
            json.WriteNumber("line", edit.Line);
            json.WriteNumber("column", edit.Column);
            json.WriteString("oldText", edit.OldText);
            json.WriteString("newText", edit.NewText);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>
    /// What adopt said of the block beside its tag or cause (a run that printed something else the second time, a package not found); no key when
    /// nothing.
    /// </summary>
    private static void WriteNotes(Utf8JsonWriter json, AdoptFile file, SourceLocation at)
    {
        // A note at another place (suspected rot, at the prose's line) says where.
        var notes = file.Notes.Where(n => n.Location == at || n.Block == at).Select(n => n.Location == at ? n.Message : n.ToString()).Distinct()
            .ToList();
        if (notes.Count == 0) return;
        json.WriteStartArray("notes");
        foreach (var note in notes) json.WriteStringValue(note);
        json.WriteEndArray();
    }

    private static void WriteBlock(Utf8JsonWriter json, SourceLocation at)
    {
        json.WriteStartObject();
        json.WriteString("file", at.File.Replace('\\', '/'));
        json.WriteNumber("line", at.Line);
        json.WriteNumber("column", at.Column);
    }
}
