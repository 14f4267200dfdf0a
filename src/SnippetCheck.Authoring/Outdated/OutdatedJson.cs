using System.Text.Json;
using SnippetCheck.Model;
using SnippetCheck.Reporting;

namespace SnippetCheck.Outdated;

/// <summary>
/// <c>outdated --report json=PATH</c>: a row per pin, key for key as docs/packages.md#outdated gives it. The key names
/// are a stable contract.
/// </summary>
public static class OutdatedJson
{
    /// <summary>Writes <paramref name="report"/> as one JSON document (UTF-8, indented).</summary>
    public static void Write(Stream stream, OutdatedReport report) => ReportSet.WriteJson(stream, report.FileErrors, json => WriteBody(json, report));

    private static void WriteBody(Utf8JsonWriter json, OutdatedReport report)
    {
        json.WriteBoolean("write", report.Write);
        json.WriteStartObject("summary");
        json.WriteNumber("pins", report.Rows.Count);
        json.WriteNumber("behind", report.Rows.Count(r => r.Behind));
        json.WriteNumber("nowFailing", report.Rows.Sum(r => r.NowFail.Count));
        json.WriteNumber("reverified", report.Reverified);
        json.WriteNumber("requests", report.Requests);
        json.WriteEndObject();
        json.WriteStartArray("pins");
        foreach (var row in report.Rows)
        {
            json.WriteStartObject();
            json.WriteString("package", row.Pin.Id);
            json.WriteString("pinned", row.Pin.Version);
            WriteNullable(json, "newest", row.Newest);
            json.WriteString("place", row.Pin.PlaceWord);
            WriteLocation(json, row.Pin.Location);
            WriteNullable(json, "note", row.Note);
            WriteNullable(json, "written", row.Written);
            WriteBlocks(json, "stillPass", row.StillPass);
            WriteBlocks(json, "nowPass", row.NowPass);
            WriteFailures(json, "nowFail", row.NowFail);
            WriteFailures(json, "failedBefore", row.FailedBefore);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WriteBlocks(Utf8JsonWriter json, string name, IReadOnlyList<SourceLocation> blocks)
    {
        json.WriteStartArray(name);
        foreach (var block in blocks)
        {
            json.WriteStartObject();
            WriteLocation(json, block);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WriteFailures(Utf8JsonWriter json, string name, IReadOnlyList<BlockFailure> failures)
    {
        json.WriteStartArray(name);
        foreach (var failure in failures)
        {
            json.WriteStartObject();
            WriteLocation(json, failure.Block);
            json.WriteStartObject("error");
            json.WriteString("code", failure.Code);
            json.WriteString("message", failure.Message);
            WriteLocation(json, failure.ErrorLocation);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WriteLocation(Utf8JsonWriter json, SourceLocation location)
    {
        json.WriteString("file", location.File);
        json.WriteNumber("line", location.Line);
        json.WriteNumber("column", location.Column);
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null) json.WriteNull(name);
        else json.WriteString(name, value);
    }
}
