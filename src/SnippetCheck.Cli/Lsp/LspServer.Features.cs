using System.Text.Json.Nodes;

namespace SnippetCheck.Cli.Lsp;

internal sealed partial class LspServer
{
    private Task<JsonNode?> CodeActionsAsync(JsonNode? parameters, CancellationToken cancellationToken) => Task.FromResult<JsonNode?>(new JsonArray());

    private Task<JsonNode?> HoverAsync(JsonNode? parameters, CancellationToken cancellationToken) => Task.FromResult<JsonNode?>(null);

    private Task<JsonNode?> CodeLensAsync(JsonNode? parameters, CancellationToken cancellationToken) => Task.FromResult<JsonNode?>(new JsonArray());
}
