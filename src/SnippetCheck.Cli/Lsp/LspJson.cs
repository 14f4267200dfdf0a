using System.Text.Json.Nodes;
using SnippetCheck.Editor;
using SnippetCheck.Model;

namespace SnippetCheck.Cli.Lsp;

/// <summary>
/// The LSP shapes the server sends, built from the core's types. LSP positions are 0-based lines and UTF-16 columns;
/// the core's are 1-based lines and UTF-16 columns, so a position is the core's minus one on each side.
/// </summary>
internal static class LspJson
{
    public const string Source = "snippetcheck";

    public static JsonObject Position(int line, int column) => new() { ["line"] = line - 1, ["character"] = column - 1 };

    public static JsonObject Position(SourceLocation at) => Position(at.Line, at.Column);

    public static JsonObject Range(SourceLocation start, SourceLocation end) => new() { ["start"] = Position(start), ["end"] = Position(end) };

    /// <summary>A finding as an LSP diagnostic; a near miss rides in <c>data</c>, which the client sends back with a code action request.</summary>
    public static JsonObject Diagnostic(EditorFinding finding)
    {
        var diagnostic = new JsonObject
        {
            ["range"] = Range(finding.Start, finding.End),
            ["severity"] = finding.Severity switch { DiagnosticSeverity.Error => 1, DiagnosticSeverity.Warning => 2, _ => 3 },
            ["code"] = finding.Code,
            ["source"] = Source,
            ["message"] = finding.Message,
        };
        if (finding.Suggestion is { } suggestion) diagnostic["data"] = new JsonObject { ["word"] = suggestion.Word, ["meant"] = suggestion.Meant };
        return diagnostic;
    }

    /// <summary>The near miss a diagnostic of ours carries in <c>data</c>; null for any other.</summary>
    public static Suggestion? SuggestionOf(JsonNode? diagnostic) =>
        (string?)diagnostic?["data"]?["word"] is { } word && (string?)diagnostic?["data"]?["meant"] is { } meant ? new Suggestion(word, meant) : null;

    public static JsonObject PublishDiagnostics(string uri, int? version, IEnumerable<EditorFinding> findings) => new()
    {
        ["uri"] = uri,
        ["version"] = version,
        ["diagnostics"] = new JsonArray([.. findings.Select(f => (JsonNode)Diagnostic(f))]),
    };

    public static JsonObject TextEdit(JsonObject range, string newText) => new() { ["range"] = range, ["newText"] = newText };

    public static JsonObject WorkspaceEdit(string uri, int? version, IEnumerable<JsonObject> edits) => new()
    {
        // documentChanges with the version: a client applies the edit only to the text it was computed for.
        ["documentChanges"] = new JsonArray(new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = version },
            ["edits"] = new JsonArray([.. edits.Cast<JsonNode>()]),
        }),
    };

    public static JsonObject CodeAction(string title, string kind, JsonObject edit, JsonNode? diagnostic, bool preferred = false) => new()
    {
        ["title"] = title,
        ["kind"] = kind,
        ["edit"] = edit,
        ["diagnostics"] = diagnostic is null ? new JsonArray() : new JsonArray(diagnostic.DeepClone()),
        ["isPreferred"] = preferred,
    };
}
