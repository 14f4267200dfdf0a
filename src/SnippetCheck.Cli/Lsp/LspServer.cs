using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using SnippetCheck.Driver;
using SnippetCheck.Editor;
using SnippetCheck.Model;
using SnippetCheck.Results;

namespace SnippetCheck.Cli.Lsp;

/// <summary>How the server checks documents; the client's <c>initializationOptions</c> can change each.</summary>
/// <param name="Debounce">Quiet time after a change before the compile-only check starts.</param>
/// <param name="RunOnType">Run snippets after every change, not only on save.</param>
internal sealed record LspSettings(TimeSpan Debounce, bool RunOnType, bool NoSandbox)
{
    public static readonly LspSettings Default = new(TimeSpan.FromMilliseconds(150), RunOnType: false, NoSandbox: false);

    public LspSettings With(JsonNode? options) => options is not JsonObject o ? this : this with
    {
        Debounce = o["debounceMs"] is JsonValue ms && ms.TryGetValue<int>(out var value) && value >= 0 ? TimeSpan.FromMilliseconds(value) : Debounce,
        RunOnType = o["runOn"] is JsonValue on && on.TryGetValue<string>(out var when) ? when == "type" : RunOnType,
    };
}

/// <summary>
/// <c>snippetcheck lsp</c>: verdicts where the author types. On open and change (debounced) a compile-only check of the
/// editor's text: annotation errors, foreign-attribute warnings and compile errors, unchanged snippets from the result
/// cache. On save a full run: output mismatches, exceptions, timeouts. A new change cancels the check in flight, and
/// with it the snippet it was running. Every check goes through a <see cref="VerifierSession"/>, the core's pipeline the CLI's runs take.
/// </summary>
internal sealed partial class LspServer
{
    private readonly JsonRpcConnection _rpc;
    private readonly ConcurrentDictionary<string, OpenDocument> _documents = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Task, byte> _checks = new();
    private readonly CancellationTokenSource _stopped = new();
    private LspSettings _settings;
    private VerifierHost? _verifiers;
    private bool _shutdownRequested;

    public LspServer(JsonRpcStream stream, LspSettings settings)
    {
        _settings = settings;
        _rpc = new JsonRpcConnection(stream);
        _rpc.Log += message => Console.Error.WriteLine($"snippetcheck lsp: {message}");
        _rpc.OnRequest("initialize", InitializeAsync);
        _rpc.OnNotification("initialized", _ => Task.CompletedTask);
        _rpc.OnRequest("shutdown", ShutdownAsync);
        _rpc.OnNotification("exit", _ =>
        {
            _stopped.Cancel();
            return Task.CompletedTask;
        });
        _rpc.OnNotification("textDocument/didOpen", DidOpen);
        _rpc.OnNotification("textDocument/didChange", DidChange);
        _rpc.OnNotification("textDocument/didSave", DidSave);
        _rpc.OnNotification("textDocument/didClose", DidClose);
        _rpc.OnRequest("textDocument/codeAction", CodeActionsAsync);
        _rpc.OnRequest("textDocument/hover", HoverAsync);
        _rpc.OnRequest("textDocument/codeLens", CodeLensAsync);
    }

    /// <summary>Serves until <c>exit</c> or the end of the input; the exit code is 0 only after a <c>shutdown</c> request, as LSP asks.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        using var link = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stopped.Token);
        try
        {
            await _rpc.RunAsync(link.Token).ConfigureAwait(false);
        }
        finally
        {
            foreach (var document in _documents.Values) lock (document) document.Cancel();
            await Task.WhenAll(_checks.Keys).ConfigureAwait(false);
            if (_verifiers is not null) await _verifiers.DisposeAsync().ConfigureAwait(false);
        }
        return _shutdownRequested ? ExitCodes.Success : 1;
    }

    private Task<JsonNode?> InitializeAsync(JsonNode? parameters, CancellationToken cancellationToken)
    {
        _settings = _settings.With(parameters?["initializationOptions"]);
        var root = parameters?["rootUri"] is JsonValue uri && uri.TryGetValue<string>(out var text) && DocumentUris.ToPath(text) is { } path ? path
            : null;
        _verifiers = new VerifierHost(root, _settings.NoSandbox);
        JsonNode result = new JsonObject
        {
            ["capabilities"] = new JsonObject
            {
                // Full text on every change: exact, and a post is small.
                ["textDocumentSync"] = new JsonObject { ["openClose"] = true, ["change"] = 1, ["save"] = new JsonObject { ["includeText"] = false } },
                ["codeActionProvider"] = new JsonObject { ["codeActionKinds"] = new JsonArray("quickfix") },
                ["hoverProvider"] = true,
                ["codeLensProvider"] = new JsonObject { ["resolveProvider"] = false },
            },
            ["serverInfo"] = new JsonObject { ["name"] = "snippetcheck", ["version"] = Reporting.ToolInfo.Version },
        };
        return Task.FromResult<JsonNode?>(result);
    }

    private Task<JsonNode?> ShutdownAsync(JsonNode? parameters, CancellationToken cancellationToken)
    {
        _shutdownRequested = true;
        foreach (var document in _documents.Values) lock (document) document.Cancel();
        return Task.FromResult<JsonNode?>(null);
    }

    private Task DidOpen(JsonNode? parameters)
    {
        var item = parameters?["textDocument"];
        var uri = (string?)item?["uri"];
        if (uri is null || DocumentUris.ToPath(uri) is not { } path) return Task.CompletedTask;
        var document = new OpenDocument(uri, path, (string?)item?["text"] ?? "", (int?)item?["version"] ?? 0);
        if (_documents.TryGetValue(uri, out var reopened)) lock (reopened) reopened.Cancel();
        _documents[uri] = document;
        Schedule(document, full: _settings.RunOnType, TimeSpan.Zero);
        return Task.CompletedTask;
    }

    private Task DidChange(JsonNode? parameters)
    {
        if (Find(parameters) is not { } document) return Task.CompletedTask;
        lock (document)
        {
            // Full sync: the last change holds the whole text.
            if (parameters?["contentChanges"] is JsonArray { Count: > 0 } changes && (string?)changes[^1]?["text"] is { } text) document.Text = text;
            document.Version = (int?)parameters?["textDocument"]?["version"] ?? document.Version + 1;
        }
        Schedule(document, full: _settings.RunOnType, _settings.Debounce);
        return Task.CompletedTask;
    }

    private Task DidSave(JsonNode? parameters)
    {
        if (Find(parameters) is not { } document) return Task.CompletedTask;
        if ((string?)parameters?["text"] is { } text) lock (document) document.Text = text;
        Schedule(document, full: true, TimeSpan.Zero);
        return Task.CompletedTask;
    }

    private async Task DidClose(JsonNode? parameters)
    {
        if (Find(parameters) is not { } document) return;
        _documents.TryRemove(document.Uri, out _);
        lock (document) document.Cancel();
        await _rpc.NotifyAsync("textDocument/publishDiagnostics", LspJson.PublishDiagnostics(document.Uri, null, [])).ConfigureAwait(false);
    }

    private OpenDocument? Find(JsonNode? parameters) =>
        (string?)parameters?["textDocument"]?["uri"] is { } uri && _documents.TryGetValue(uri, out var document) ? document : null;

    /// <summary>Cancels the document's check in flight and starts the next after <paramref name="delay"/>.</summary>
    private void Schedule(OpenDocument document, bool full, TimeSpan delay)
    {
        // Before initialize there is no workspace to verify in, after shutdown nothing may start; LSP forbids such messages.
        if (_verifiers is null || _shutdownRequested) return;
        string text;
        int version;
        CancellationToken token;
        lock (document)
        {
            token = document.Restart();
            text = document.Text;
            version = document.Version;
        }
        var check = Task.Run(() => CheckAsync(document, text, version, full, delay, token));
        _checks[check] = 0;
        _ = check.ContinueWith(t => _checks.TryRemove(t, out _), TaskScheduler.Default);
    }

    private async Task CheckAsync(OpenDocument document, string text, int version, bool full, TimeSpan delay, CancellationToken token)
    {
        try
        {
            if (delay > TimeSpan.Zero) await Task.Delay(delay, token).ConfigureAwait(false);
            var clock = Stopwatch.StartNew();
            await using var lease = _verifiers!.For(document.FullPath);
            var session = lease.Session;
            var report = await (full ? session.VerifyAsync(document.FullPath, text, token) : session.CompileAsync(document.FullPath, text, token))
                .ConfigureAwait(false);
            DocumentCheck check;
            lock (document)
            {
                if (token.IsCancellationRequested || document.Version != version) return;
                if (full) document.Memory.Remember(report);
                var results = full ? report.Snippets : document.Memory.Carry(report);
                var markdown = report.Documents[0];
                // Tags and rot found on the last save hold for blocks whose code has not changed since.
                var rot = full ? new Dictionary<string, SuspectedRot>() : document.Latest?.Rot ?? new Dictionary<string, SuspectedRot>();
                var findings = EditorFindings.For(results, report.Errors, markdown).Concat(EditorFindings.ForRot(results, rot, markdown)).ToList();
                check = new DocumentCheck(version, markdown, results, findings, full, clock.Elapsed)
                {
                    Adoptable = full ? new Dictionary<string, string>() : document.Latest?.Adoptable ?? new Dictionary<string, string>(),
                    Rot = rot,
                };
                document.Latest = check;
            }
            await PublishAsync(document, version, check.Findings).ConfigureAwait(false);
            if (check.Full && check.Results.Any(r => r.Verdict is Verdict.Untagged))
                await PublishAdoptableAsync(document, version, check, session, token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // A newer text or the server's end took over.
        }
        catch (VerificationSetupException e)
        {
            await PublishProblemAsync(document, version, token, e.Code, e.Message).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A document that breaks the tool gets a diagnostic; the server goes on.
            Console.Error.WriteLine($"snippetcheck lsp: {document.Uri}: {e}");
            var problem = Diagnostic.InternalError("verifying this file", e, new SourceLocation(document.FullPath, 1, 1));
            await PublishProblemAsync(document, version, token, problem.Id, problem.Message).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// After a save's diagnostics are out: which untagged blocks pass with a tag, for "Add tag" fixes, and which look
    /// broken, published when some do (unless a newer check took over meanwhile).
    /// </summary>
    private async Task PublishAdoptableAsync(
        OpenDocument document, int version, DocumentCheck check, VerifierSession session, CancellationToken token)
    {
        var trial = await TagAdoption.FindAsync(session, check.Document, check.Results, token).ConfigureAwait(false);
        var adoptable = ByCode(check.Results, trial.Adoptable);
        var rot = ByCode(check.Results, trial.Rot);
        var withRot = check with
        {
            Adoptable = adoptable, Rot = rot,
            Findings = [.. check.Findings, .. EditorFindings.ForRot(check.Results, rot, check.Document)],
        };
        lock (document)
        {
            if (!ReferenceEquals(document.Latest, check)) return;
            document.Latest = withRot;
        }
        if (rot.Count > 0) await PublishAsync(document, version, withRot.Findings).ConfigureAwait(false);
    }

    /// <summary>What was found for a block by its opening line, keyed by the block's code instead (the first block with that code).</summary>
    private static Dictionary<string, T> ByCode<T>(IReadOnlyList<SnippetResult> results, IReadOnlyDictionary<int, T> byLine) =>
        results.Where(r => byLine.ContainsKey(r.Location.Line))
            .GroupBy(r => r.Snippet.Content, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => byLine[g.First().Location.Line], StringComparer.Ordinal);

    /// <summary>Publishes unless the text has moved on since <paramref name="version"/>: the newer check will publish.</summary>
    private async Task PublishAsync(OpenDocument document, int version, IReadOnlyList<EditorFinding> findings)
    {
        await document.PublishLock.WaitAsync().ConfigureAwait(false);
        try
        {
            lock (document)
            {
                if (document.Version != version) return;
            }
            await _rpc.NotifyAsync("textDocument/publishDiagnostics", LspJson.PublishDiagnostics(document.Uri, version, findings)).ConfigureAwait(
                false);
        }
        finally
        {
            document.PublishLock.Release();
        }
    }

    private async Task PublishProblemAsync(OpenDocument document, int version, CancellationToken token, string code, string message)
    {
        if (token.IsCancellationRequested) return;
        var at = new SourceLocation(document.FullPath, 1, 1);
        await PublishAsync(document, version, [new EditorFinding(code, DiagnosticSeverity.Error, message, at, at)]).ConfigureAwait(false);
    }
}
