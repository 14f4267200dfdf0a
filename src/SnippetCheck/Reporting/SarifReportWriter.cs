using System.Text.Json;
using SnippetCheck.Model;
using SnippetCheck.Results;
using SnippetCheck.Snippets;

namespace SnippetCheck.Reporting;

/// <summary>
/// A SARIF 2.1.0 log in the shape GitHub code scanning accepts: one run, every SC code as a rule (from
/// <see cref="DiagnosticCatalog"/>), and one result per failed snippet, file error and SC warning.
/// </summary>
/// <remarks>
/// Rule IDs are our SC codes, which never change meaning. A compile error is filed under SC2012 with the compiler's
/// ID (CS0103) at the start of its message and in its properties, since one rule per CS ID would need descriptions
/// we do not own. Paths are relative to the current directory (run from the repository root) and based on
/// <c>%SRCROOT%</c>, which is what code scanning resolves against the checkout.
/// </remarks>
internal static class SarifReportWriter
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";
    public const string SourceRoot = "%SRCROOT%";


    public static void Write(Stream stream, VerificationReport report)
    {
        using var json = new Utf8JsonWriter(stream, JsonReportWriter.Options);
        json.WriteStartObject();
        json.WriteString("$schema", SchemaUri);
        json.WriteString("version", "2.1.0");
        json.WriteStartArray("runs");
        json.WriteStartObject();
        WriteTool(json);
        json.WriteStartArray("results");
        foreach (var error in report.Errors)
        {
            WriteResult(json, error.Code, "error", error.Message,
                new SourceLocation(error.File, ReportText.Line(error), ReportText.Column(error)), properties: null);
        }
        foreach (var result in report.Snippets)
        {
            foreach (var warning in ReportText.ToolWarnings(result))
            {
                WriteResult(json, warning.Id, "warning", warning.Message, warning.Location, properties: null);
            }
            if (result.StaleFinding is { IsError: true } stale) WriteResult(json, stale.Id, "error", stale.Message, stale.Location, properties: null);
            if (result.Status == SnippetStatus.Failed) WriteFailure(json, result);
        }
        json.WriteEndArray();
        json.WriteString("columnKind", "utf16CodeUnits");
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteTool(Utf8JsonWriter json)
    {
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", "SnippetCheck");
        json.WriteString("version", ToolInfo.Version);
        json.WriteString("semanticVersion", ToolInfo.Version);
        json.WriteString("informationUri", ToolInfo.RepositoryUrl);
        json.WriteStartArray("rules");
        foreach (var rule in DiagnosticCatalog.All) WriteRule(json, rule);
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteRule(Utf8JsonWriter json, DiagnosticDescriptor rule)
    {
        json.WriteStartObject();
        json.WriteString("id", rule.Code);
        json.WriteString("name", rule.Name);
        WriteText(json, "shortDescription", rule.Title);
        WriteText(json, "fullDescription", rule.Description);
        json.WriteString("helpUri", ToolInfo.DiagnosticsDocsUrl);
        json.WriteStartObject("help");
        json.WriteString("text", $"{rule.Description} See {ToolInfo.DiagnosticsDocsUrl}");
        json.WriteString("markdown", $"**{rule.Code}: {rule.Title}.** {rule.Description} See [the list of diagnostics]({ToolInfo.DiagnosticsDocsUrl}).");
        json.WriteEndObject();
        json.WriteStartObject("defaultConfiguration");
        json.WriteString("level", Level(rule.Severity));
        json.WriteEndObject();
        json.WriteStartObject("properties");
        json.WriteStartArray("tags");
        json.WriteStringValue("snippetcheck");
        json.WriteStringValue("markdown");
        json.WriteEndArray();
        json.WriteString("problem.severity", rule.Severity == DiagnosticSeverity.Warning ? "warning" : "error");
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteFailure(Utf8JsonWriter json, SnippetResult result)
    {
        var code = result.Code ?? DiagnosticCodes.InternalError;
        var isCompilerId = DiagnosticCatalog.Find(code) is null;
        var ruleId = isCompilerId ? DiagnosticCodes.CompileError : code;
        var message = ReportText.MessageWithDetail(result);
        var properties = new Dictionary<string, string?>
        {
            ["snippet"] = ReportText.Label(result),
            ["kind"] = result.Kind.ToTag(),
            ["reason"] = result.Reason?.ToWord(),
            ["compilerId"] = isCompilerId ? code : null,
        };
        WriteResult(json, ruleId, "error", isCompilerId ? $"{code}: {message}" : message, result.FailureLocation, properties);
    }

    private static void WriteResult(Utf8JsonWriter json, string ruleId, string level, string message, SourceLocation where,
        IReadOnlyDictionary<string, string?>? properties)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", ruleId);
        if (RuleIndex(ruleId) is { } index) json.WriteNumber("ruleIndex", index);
        json.WriteString("level", level);
        WriteText(json, "message", message);
        json.WriteStartArray("locations");
        json.WriteStartObject();
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        var (uri, isRelative) = ToUri(where.File);
        json.WriteString("uri", uri);
        if (isRelative) json.WriteString("uriBaseId", SourceRoot);
        json.WriteEndObject();
        json.WriteStartObject("region");
        json.WriteNumber("startLine", Math.Max(1, where.Line));
        json.WriteNumber("startColumn", Math.Max(1, where.Column));
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();
        if (properties is not null)
        {
            json.WriteStartObject("properties");
            foreach (var (key, value) in properties.Where(p => p.Value is not null)) json.WriteString(key, value);
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }

    /// <summary>
    /// A relative path becomes a relative URI reference (segments percent-encoded, forward slashes); an absolute
    /// one (a file outside the current directory) a <c>file:</c> URI.
    /// </summary>
    internal static (string Uri, bool IsRelative) ToUri(string path)
    {
        if (Path.IsPathRooted(path)) return (new Uri(path).AbsoluteUri, false);
        var segments = path.Replace('\\', '/').Split('/').Select(Uri.EscapeDataString);
        return (string.Join('/', segments), true);
    }

    private static int? RuleIndex(string ruleId)
    {
        for (var i = 0; i < DiagnosticCatalog.All.Count; i++)
        {
            if (DiagnosticCatalog.All[i].Code == ruleId) return i;
        }
        return null;
    }

    private static string Level(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "note",
    };

    private static void WriteText(Utf8JsonWriter json, string name, string text)
    {
        json.WriteStartObject(name);
        json.WriteString("text", text);
        json.WriteEndObject();
    }
}
