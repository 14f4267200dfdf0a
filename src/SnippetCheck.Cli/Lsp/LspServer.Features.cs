using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using SnippetCheck.Editor;
using SnippetCheck.Model;
using SnippetCheck.Results;

namespace SnippetCheck.Cli.Lsp;

/// <summary>Code actions, hover and code lens: all read the document's latest check, never start one.</summary>
internal sealed partial class LspServer
{
    /// <summary>How many lines of actual output a hover shows.</summary>
    private const int HoverOutputLines = 10;

    private Task<JsonNode?> CodeActionsAsync(JsonNode? parameters, CancellationToken cancellationToken)
    {
        var actions = new JsonArray();
        if (Find(parameters) is not { } document || Latest(document) is not { } check) return Task.FromResult<JsonNode?>(actions);
        var uri = document.Uri;
        var source = check.Document;
        JsonObject Edit(QuickFix fix) => LspJson.WorkspaceEdit(
            uri, check.Version, fix.Edits.Select(e => LspJson.TextEdit(LspJson.Range(source.Locate(e.Start), source.Locate(e.End)), e.NewText)));

        foreach (var diagnostic in parameters?["context"]?["diagnostics"] as JsonArray ?? [])
        {
            var code = (string?)diagnostic?["code"];
            var line = (int?)diagnostic?["range"]?["start"]?["line"] + 1;
            if (code is null || line is null) continue;
            if (check.Results.FirstOrDefault(
                    r => r.Reason == FailureReason.OutputMismatch && r.Code == code && r.FailureLocation.Line == line) is { } mismatch
                && QuickFixes.AcceptOutput(check.Document, mismatch, out _) is { } accept)
            {
                actions.Add(LspJson.CodeAction(accept.Title, "quickfix", Edit(accept), diagnostic, preferred: true));
            }
            // Only a misspelt word (SC1001) carries a suggestion.
            else if (LspJson.SuggestionOf(diagnostic) is { } suggestion
                && QuickFixes.NearMiss(check.Document, suggestion, new SourceLocation(check.Document.DisplayPath, line.Value, 1)) is { } nearMiss)
            {
                actions.Add(LspJson.CodeAction(nearMiss.Title, "quickfix", Edit(nearMiss), diagnostic, preferred: true));
            }
        }

        var (from, to) = LineSpan(parameters?["range"]);
        foreach (var result in check.Results.Where(
            r => r.Verdict is Verdict.Untagged && r.Location.Line <= to && r.Snippet.EndLine >= from))
        {
            if (check.Adoptable.TryGetValue(result.Snippet.Content, out var tag)
                && QuickFixes.AddTag(check.Document, result.Snippet, tag) is { } add)
                actions.Add(LspJson.CodeAction(add.Title, "quickfix", Edit(add), null));
        }
        return Task.FromResult<JsonNode?>(actions);
    }

    private Task<JsonNode?> HoverAsync(JsonNode? parameters, CancellationToken cancellationToken)
    {
        if (Find(parameters) is not { } document || Latest(document) is not { } check) return Task.FromResult<JsonNode?>(null);
        var line = ((int?)parameters?["position"]?["line"] ?? -1) + 1;
        var result = check.Results.FirstOrDefault(r => (r.Location.Line <= line && line <= r.Snippet.EndLine)
            || (r.Snippet.OutputLocation is { } output && output.Line <= line && line <= r.Snippet.OutputEndLine));
        if (result is null) return Task.FromResult<JsonNode?>(null);

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"**snippetcheck**: {Verdicts.Headline(result)}");
        if (result.Duration > TimeSpan.Zero) text.Append(CultureInfo.InvariantCulture, $" in {result.Duration.TotalMilliseconds:0} ms");
        if (result.Cached) text.Append(" (cached)");
        if (result.Message is { } message && result.Verdict is not (Verdict.Passed or Verdict.Checked)) text.Append("\n\n").Append(message);
        if (result.ActualOutput is { } actual)
        {
            var outputLines = actual.TrimEnd('\n').Split('\n');
            text.Append("\n\nActual output:\n\n```text\n").AppendJoin('\n', outputLines.Take(HoverOutputLines)).Append("\n```");
            if (outputLines.Length > HoverOutputLines) text.Append(
                CultureInfo.InvariantCulture, $"\n\n… {outputLines.Length - HoverOutputLines} more lines");
        }
        JsonNode hover = new JsonObject
        {
            ["contents"] = new JsonObject { ["kind"] = "markdown", ["value"] = text.ToString() },
            ["range"] = LspJson.Range(
                result.Location, result.Location with { Line = result.Location.Line, Column =
                    1 + EditorFindings.LineLength(check.Document, result.Location.Line) }),
        };
        return Task.FromResult<JsonNode?>(hover);
    }

    private Task<JsonNode?> CodeLensAsync(JsonNode? parameters, CancellationToken cancellationToken)
    {
        var lenses = new JsonArray();
        if (Find(parameters) is not { } document || Latest(document) is not { } check) return Task.FromResult<JsonNode?>(lenses);
        foreach (var result in check.Results)
        {
            var at = result.Location with { Column = 1 };
            lenses.Add(new JsonObject
            {
                ["range"] = LspJson.Range(at, at),
                // A title with no command: the lens only informs.
                ["command"] = new JsonObject { ["title"] = Verdicts.Lens(result), ["command"] = "" },
            });
        }
        return Task.FromResult<JsonNode?>(lenses);
    }

    private static DocumentCheck? Latest(OpenDocument document)
    {
        lock (document) return document.Latest;
    }

    /// <summary>The 1-based lines an LSP range covers.</summary>
    private static (int From, int To) LineSpan(JsonNode? range) =>
        ((int?)range?["start"]?["line"] + 1 ?? 0, (int?)range?["end"]?["line"] + 1 ?? int.MaxValue);
}
