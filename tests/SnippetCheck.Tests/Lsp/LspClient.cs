using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Lsp;

/// <summary>
/// A minimal LSP client that drives the real <c>snippetcheck lsp</c> process over stdio, with its own framing code
/// (not the server's), so a framing bug on either side shows.
/// </summary>
public sealed class LspClient : IDisposable
{
    private readonly Process _process;
    private readonly Stream _input;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonObject>> _pending = new();
    private readonly List<JsonObject> _notifications = [];
    private readonly SemaphoreSlim _arrived = new(0);
    private readonly Task _reader;
    private readonly StringBuilder _stderr = new();
    private int _nextId;

    public LspClient(string workingDirectory, params string[] extraArgs)
        : this(workingDirectory, new Dictionary<string, string?>(), extraArgs)
    {
    }

    /// <param name="environment">Variables the server gets besides its own <c>TMPDIR</c> (a package cache of the test's own).</param>
    public LspClient(string workingDirectory, IReadOnlyDictionary<string, string?> environment, params string[] extraArgs)
    {
        var tmp = Directory.CreateDirectory(Path.Combine(workingDirectory, ".tmp")).FullName;
        _process = Process.Start(CliRunner.StartInfo(workingDirectory, new Dictionary<string, string?>(environment) { ["TMPDIR"] = tmp }, ["lsp", "--stdio", .. extraArgs]))!;
        _input = _process.StandardInput.BaseStream;
        _process.ErrorDataReceived += (_, e) => { lock (_stderr) _stderr.AppendLine(e.Data); };
        _process.BeginErrorReadLine();
        _reader = Task.Run(ReadLoopAsync);
    }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    public string Stderr { get { lock (_stderr) return _stderr.ToString(); } }

    public int ExitCode => _process.ExitCode;

    public static string UriOf(string path) => new Uri(path).AbsoluteUri;

    /// <summary>Starts the server and completes the initialize handshake; <paramref name="options"/> are its initializationOptions.</summary>
    public static Task<LspClient> StartAsync(string root, JsonObject? options = null, params string[] extraArgs) =>
        StartAsync(root, new Dictionary<string, string?>(), options, extraArgs);

    /// <summary>As <see cref="StartAsync(string, JsonObject?, string[])"/>, with <paramref name="environment"/> for the server.</summary>
    public static async Task<LspClient> StartAsync(string root, IReadOnlyDictionary<string, string?> environment, JsonObject? options = null, params string[] extraArgs)
    {
        var client = new LspClient(root, environment, extraArgs);
        var result = await client.RequestAsync("initialize", new JsonObject
        {
            ["processId"] = Environment.ProcessId,
            ["rootUri"] = UriOf(root),
            ["capabilities"] = new JsonObject(),
            ["initializationOptions"] = options ?? new JsonObject { ["debounceMs"] = 50 },
        });
        Assert.NotNull(result?["capabilities"]);
        await client.NotifyAsync("initialized", new JsonObject());
        return client;
    }

    public async Task<JsonNode?> RequestAsync(string method, JsonNode? parameters, TimeSpan? timeout = null)
    {
        var id = Interlocked.Increment(ref _nextId);
        var reply = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = reply;
        await SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters });
        var message = await reply.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(60));
        if (message["error"] is { } error) throw new InvalidOperationException($"{method} failed: {error.ToJsonString()}");
        return message["result"];
    }

    public Task NotifyAsync(string method, JsonNode? parameters) =>
        SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters });

    public async Task SendRawAsync(byte[] bytes)
    {
        await _input.WriteAsync(bytes);
        await _input.FlushAsync();
    }

    private Task SendAsync(JsonObject message)
    {
        var body = Encoding.UTF8.GetBytes(message.ToJsonString());
        return SendRawAsync([.. Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n"), .. body]);
    }

    public Task OpenAsync(string path, string text, int version = 1) => NotifyAsync("textDocument/didOpen", new JsonObject
    {
        ["textDocument"] = new JsonObject { ["uri"] = UriOf(path), ["languageId"] = "markdown", ["version"] = version, ["text"] = text },
    });

    public Task ChangeAsync(string path, string text, int version) => NotifyAsync("textDocument/didChange", new JsonObject
    {
        ["textDocument"] = new JsonObject { ["uri"] = UriOf(path), ["version"] = version },
        ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = text }),
    });

    public Task SaveAsync(string path) => NotifyAsync("textDocument/didSave", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = UriOf(path) } });

    /// <summary>
    /// The next publishDiagnostics for the file after <paramref name="after"/> (a count from <see cref="Published"/>)
    /// that has <paramref name="version"/> and satisfies <paramref name="accept"/>.
    /// </summary>
    public async Task<JsonArray> DiagnosticsAsync(string path, int after, Func<JsonArray, bool>? accept = null, int? version = null, TimeSpan? timeout = null)
    {
        var uri = UriOf(path);
        var clock = Stopwatch.StartNew();
        var limit = timeout ?? TimeSpan.FromSeconds(90);
        var seen = after;
        while (clock.Elapsed < limit)
        {
            JsonObject[] fresh;
            lock (_notifications) fresh = [.. _notifications.Skip(seen)];
            seen += fresh.Length;
            foreach (var message in fresh)
            {
                if ((string?)message["method"] != "textDocument/publishDiagnostics" || (string?)message["params"]!["uri"] != uri) continue;
                if (version is not null && (int?)message["params"]!["version"] != version) continue;
                var diagnostics = (JsonArray)message["params"]!["diagnostics"]!;
                if (accept is null || accept(diagnostics)) return diagnostics;
            }
            await _arrived.WaitAsync(TimeSpan.FromMilliseconds(200));
        }
        throw new TimeoutException($"no matching diagnostics for {path} in {limit}; stderr:\n{Stderr}");
    }

    /// <summary>How many notifications have arrived so far: pass it to <see cref="DiagnosticsAsync"/> to wait for newer ones.</summary>
    public int Published { get { lock (_notifications) return _notifications.Count; } }

    /// <summary>shutdown, exit, and the process's end; returns its exit code.</summary>
    public async Task<int> ShutdownAsync()
    {
        await RequestAsync("shutdown", null);
        await NotifyAsync("exit", null);
        if (!_process.WaitForExit(TimeSpan.FromSeconds(30))) throw new TimeoutException("the server did not exit after 'exit'");
        return _process.ExitCode;
    }

    private async Task ReadLoopAsync()
    {
        var output = _process.StandardOutput.BaseStream;
        while (true)
        {
            var length = -1;
            while (true)
            {
                var line = await ReadLineAsync(output);
                if (line is null) return;
                if (line.Length == 0) break;
                if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
                    length = int.Parse(line["Content-Length:".Length..].Trim(), CultureInfo.InvariantCulture);
            }
            var body = new byte[length];
            await output.ReadExactlyAsync(body);
            var message = JsonNode.Parse(body)!.AsObject();
            if (message["method"] is null && message["id"] is JsonValue id && _pending.TryRemove((int)id, out var reply))
            {
                reply.SetResult(message);
                continue;
            }
            lock (_notifications) _notifications.Add(message);
            _arrived.Release();
        }
    }

    private static async Task<string?> ReadLineAsync(Stream stream)
    {
        var line = new StringBuilder();
        var one = new byte[1];
        while (true)
        {
            if (await stream.ReadAsync(one) == 0) return null;
            if (one[0] == '\n') return line.ToString().TrimEnd('\r');
            line.Append((char)one[0]);
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
        _process.Dispose();
    }
}
