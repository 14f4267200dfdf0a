using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SnippetCheck.Cli.Lsp;

/// <summary>A JSON-RPC error a request handler throws to answer with that code instead of a result.</summary>
internal sealed class JsonRpcException(int code, string message) : Exception(message)
{
    public int Code { get; } = code;
}

/// <summary>The JSON-RPC 2.0 error codes the server answers with (LSP adds RequestCancelled).</summary>
internal static class JsonRpcErrors
{
    public const int ParseError = -32700;
    public const int InvalidRequest = -32600;
    public const int MethodNotFound = -32601;
    public const int InvalidParams = -32602;
    public const int InternalError = -32603;
    public const int ServerNotInitialized = -32002;
    public const int RequestCancelled = -32800;
}

/// <summary>
/// JSON-RPC 2.0 over a <see cref="JsonRpcStream"/>, as much as a language server needs: notifications handled in
/// order as they arrive (a didChange must never overtake the one before it), requests handled concurrently, each
/// with a token that <c>$/cancelRequest</c> cancels, and a reply for every request, an error reply when its handler
/// throws. A malformed message is answered (or dropped, if it has no id), never fatal.
/// </summary>
internal sealed class JsonRpcConnection(JsonRpcStream stream)
{
    private readonly Dictionary<string, Func<JsonNode?, CancellationToken, Task<JsonNode?>>> _requests = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Func<JsonNode?, Task>> _notifications = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _inFlight = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Task, byte> _running = new();

    /// <summary>Called when a handler fails, for the server's log (stderr).</summary>
    public event Action<string>? Log;

    public void OnRequest(string method, Func<JsonNode?, CancellationToken, Task<JsonNode?>> handler) => _requests[method] = handler;

    public void OnNotification(string method, Func<JsonNode?, Task> handler) => _notifications[method] = handler;

    public Task NotifyAsync(string method, JsonNode? parameters) =>
        stream.WriteAsync(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters });

    /// <summary>Reads and dispatches messages until the input ends or <paramref name="stop"/> is cancelled.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            string? text;
            try
            {
                text = await stream.ReadAsync(stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                break;
            }
            catch (EndOfStreamException)
            {
                break;
            }
            catch (InvalidDataException e)
            {
                // Broken framing cannot be resynchronised: the connection ends, cleanly, as at the end of the input.
                Log?.Invoke($"unreadable message header, closing: {e.Message}");
                break;
            }
            if (text is null) break;
            try
            {
                await DispatchAsync(text).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A message of an unexpected shape (an array where an object belongs, say) is that message's problem.
                Log?.Invoke($"message dropped: {e.GetType().Name}: {e.Message}");
            }
        }
        // Replies still being computed go out before the connection is done with.
        await Task.WhenAll(_running.Keys).ConfigureAwait(false);
    }

    private async Task DispatchAsync(string text)
    {
        JsonObject message;
        try
        {
            message = JsonNode.Parse(text) as JsonObject ?? throw new JsonException("not an object");
        }
        catch (JsonException e)
        {
            await ReplyErrorAsync(null, JsonRpcErrors.ParseError, $"parse error: {e.Message}").ConfigureAwait(false);
            return;
        }
        var id = message["id"]?.DeepClone();
        var method = message["method"]?.GetValueKind() == JsonValueKind.String ? (string?)message["method"] : null;
        var parameters = message["params"];
        if (method is null)
        {
            // A response to a request of ours: the server sends none that need an answer.
            if (id is null) await ReplyErrorAsync(null, JsonRpcErrors.InvalidRequest, "a message needs a method or an id").ConfigureAwait(false);
            return;
        }
        if (id is null)
        {
            await HandleNotificationAsync(method, parameters).ConfigureAwait(false);
            return;
        }
        var key = id.ToJsonString();
        var cancellation = new CancellationTokenSource();
        _inFlight[key] = cancellation;
        var task = Task.Run(() => HandleRequestAsync(id, key, method, parameters, cancellation));
        _running[task] = 0;
        _ = task.ContinueWith(t => _running.TryRemove(t, out _), TaskScheduler.Default);
    }

    private async Task HandleNotificationAsync(string method, JsonNode? parameters)
    {
        if (method == "$/cancelRequest")
        {
            // The request may finish meanwhile; its source is never disposed, so a late cancel is harmless.
            if (parameters is JsonObject { } cancel && cancel["id"] is { } id
                && _inFlight.TryGetValue(id.ToJsonString(), out var cancellation)) cancellation.Cancel();
            return;
        }
        if (!_notifications.TryGetValue(method, out var handler)) return; // unknown notifications, $/ ones included, are dropped
        try
        {
            await handler(parameters).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Log?.Invoke($"{method}: {e}");
        }
    }

    private async Task HandleRequestAsync(JsonNode id, string key, string method, JsonNode? parameters, CancellationTokenSource cancellation)
    {
        try
        {
            if (!_requests.TryGetValue(method, out var handler))
            {
                await ReplyErrorAsync(id, JsonRpcErrors.MethodNotFound, $"method not found: {method}").ConfigureAwait(false);
                return;
            }
            JsonNode? result;
            try
            {
                result = await handler(parameters, cancellation.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                await ReplyErrorAsync(id, JsonRpcErrors.RequestCancelled, "request cancelled").ConfigureAwait(false);
                return;
            }
            catch (JsonRpcException e)
            {
                await ReplyErrorAsync(id, e.Code, e.Message).ConfigureAwait(false);
                return;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                Log?.Invoke($"{method}: {e}");
                await ReplyErrorAsync(id, JsonRpcErrors.InternalError, $"{e.GetType().Name}: {e.Message}").ConfigureAwait(false);
                return;
            }
            await stream.WriteAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["result"] = result }).ConfigureAwait(false);
        }
        finally
        {
            _inFlight.TryRemove(key, out _);
        }
    }

    private Task ReplyErrorAsync(JsonNode? id, int code, string message) =>
        stream.WriteAsync(new JsonObject
        {
            ["jsonrpc"] = "2.0",
            ["id"] = id?.DeepClone(),
            ["error"] = new JsonObject { ["code"] = code, ["message"] = message },
        });
}
