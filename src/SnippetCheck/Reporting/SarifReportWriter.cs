using System.Text.Json;
using SnippetCheck.Model;
using SnippetCheck.Results;
using SnippetCheck.Extraction.Snippets;

namespace SnippetCheck.Reporting;

/// <summary>
/// A SARIF 2.1.0 log in the shape GitHub code scanning accepts: one run, every SC code as a rule (from
/// <see cref="DiagnosticCatalog"/>), and one result per failed snippet, file error and SC warning.
/// </summary>
/// <remarks>
/// Rule IDs are our SC codes, which never change meaning, except where a failure has a code of its own: a compile
/// error is filed under the compiler's ID (CS0103) and an unhandled exception under its type, as code scanning
/// groups them, each with a rule of its own after the SC rules; the SC code (SC2012, SC2003) stays in the result's
/// properties (<c>snippetcheckCode</c>) and the rule's tags. Paths are relative to the current directory (run from the repository root)
/// and based on
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
        var rules = RulesOf(report);
        WriteTool(json, rules);
        json.WriteStartArray("results");
        foreach (var error in report.Errors)
        {
            WriteResult(json, rules, error.Id, "error", error.Message,
                new SourceLocation(error.Location.File, ReportText.Line(error), ReportText.Column(error)), properties: null);
        }
        foreach (var result in report.Snippets)
        {
            foreach (var warning in ReportText.ToolWarnings(report, result))
            {
                WriteResult(json, rules, warning.Id, "warning", warning.Message, warning.Location, properties: null);
            }
            if (result.StaleFinding is { IsError: true } stale) WriteResult(
                json, rules, stale.Id, "error", stale.Message, stale.Location, properties: null);
            if (result.Status == SnippetStatus.Failed) WriteFailure(json, rules, result);
        }
        json.WriteEndArray();
        json.WriteString("columnKind", "utf16CodeUnits");
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>
    /// Every SC rule, in the catalog's order, then the codes of the compiler and runtime that this run's failures have,
    /// each with the SC code it counts as.
    /// </summary>
    private static List<(string Id, string Tool)> RulesOf(VerificationReport report) =>
    [
        .. DiagnosticCatalog.All.Select(rule => (rule.Code, rule.Code)),
        .. report.Snippets.Where(result => result.Status == SnippetStatus.Failed)
            .Select(ReportText.FailureCodes)
            .Where(codes => DiagnosticCatalog.Find(codes.Own) is null)
            .DistinctBy(codes => codes.Own, StringComparer.Ordinal)
            .OrderBy(codes => codes.Own, StringComparer.Ordinal),
    ];

    private static void WriteTool(Utf8JsonWriter json, List<(string Id, string Tool)> rules)
    {
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", "SnippetCheck");
        json.WriteString("version", ToolInfo.Version);
        json.WriteString("semanticVersion", ToolInfo.Version);
        json.WriteString("informationUri", ToolInfo.RepositoryUrl);
        json.WriteStartArray("rules");
        foreach (var rule in DiagnosticCatalog.All) WriteRule(json, rule);
        foreach (var (code, tool) in rules.Skip(DiagnosticCatalog.All.Count)) WriteForeignRule(json, code, tool);
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
        json.WriteString("markdown", $"**{rule.Code}: {rule.Title}.** {rule.Description} See [the list of " +
            $"diagnostics]({ToolInfo.DiagnosticsDocsUrl}).");
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

    /// <summary>A rule for a code the compiler or the runtime owns: named, described as whose it is, and tagged with its SC code.</summary>
    private static void WriteForeignRule(Utf8JsonWriter json, string code, string tool)
    {
        var isCompilerId = tool == DiagnosticCodes.CompileError;
        var helpUri = "https://learn.microsoft.com/search/?terms=" + Uri.EscapeDataString(code);
        json.WriteStartObject();
        json.WriteString("id", code);
        json.WriteString("name", code);
        WriteText(json, "shortDescription", isCompilerId ? $"C# compiler error {code}" : $"Unhandled {code}");
        WriteText(json, "fullDescription", isCompilerId
            ? $"The C# compiler reported {code} in a snippet; SnippetCheck counts it as {tool}."
            : $"A snippet ended with an unhandled {code}; SnippetCheck counts it as {tool}.");
        json.WriteString("helpUri", helpUri);
        json.WriteStartObject("help");
        json.WriteString("text", $"See {helpUri}");
        json.WriteEndObject();
        json.WriteStartObject("defaultConfiguration");
        json.WriteString("level", "error");
        json.WriteEndObject();
        json.WriteStartObject("properties");
        json.WriteStartArray("tags");
        json.WriteStringValue("snippetcheck");
        json.WriteStringValue(tool);
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteFailure(Utf8JsonWriter json, List<(string Id, string Tool)> rules, SnippetResult result)
    {
        var (own, tool) = ReportText.FailureCodes(result);
        var isCompilerId = tool == DiagnosticCodes.CompileError && own != tool;
        var message = ReportText.MessageWithDetail(result);
        var properties = new Dictionary<string, string?>
        {
            ["snippet"] = ReportText.Label(result),
            ["kind"] = result.Kind.ToTag(),
            ["reason"] = result.Reason?.ToWord(),
            ["snippetcheckCode"] = tool,
            ["compilerId"] = isCompilerId ? own : null,
        };
        WriteResult(json, rules, own, "error", isCompilerId ? $"{own}: {message}" : message, result.FailureLocation, properties);
    }

    private static void WriteResult(
        Utf8JsonWriter json, List<(string Id, string Tool)> rules, string ruleId, string level, string message, SourceLocation where,
        IReadOnlyDictionary<string, string?>? properties)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", ruleId);
        if (rules.FindIndex(rule => rule.Id == ruleId) is var index and >= 0) json.WriteNumber("ruleIndex", index);
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
