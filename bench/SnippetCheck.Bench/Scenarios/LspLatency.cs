using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace SnippetCheck.Bench.Scenarios;

/// <summary>
/// Issue 18's latency targets, with the server warm: on a post of 50 <c>run</c> snippets, the time from a
/// <c>didChange</c> that breaks one snippet's compilation to the <c>publishDiagnostics</c> that reports it, and from
/// the <c>didSave</c> after one run snippet changed to the diagnostics of its re-run; then a soak of edits, reading the
/// server's resident memory as it goes.
/// </summary>
public static class LspLatency
{
    public const int Snippets = 50;

    public sealed record Result(
        IReadOnlyList<double> BreakMs, IReadOnlyList<double> FixMs, IReadOnlyList<double> RerunMs,
        IReadOnlyList<(int Edits, long RssKiB)> Soak, int DebounceMs);

    /// <summary>A post of 50 run snippets with their output blocks, <paramref name="seed"/> changing the constant of snippet 0.</summary>
    public static string Post(int seed = 0)
    {
        var text = new StringBuilder("# Fifty snippets\n\n");
        for (var i = 0; i < Snippets; i++)
        {
            var n = i == 0 ? 10 + seed : 10 + i;
            text.Append(CultureInfo.InvariantCulture, $"Snippet {i}.\n\n```csharp run\nvar values = Enumerable.Range(1, {n}).Select(x => x * x).ToList();\nConsole.WriteLine($\"{{values.Count}} squares, sum {{values.Sum()}}\");\n```\n\n");
            text.Append(CultureInfo.InvariantCulture, $"```output\n{n} squares, sum {Enumerable.Range(1, n).Sum(x => x * x)}\n```\n\n");
        }
        return text.ToString();
    }

    public static async Task<Result> MeasureAsync(PublishedTool tool, string work, int repeat, int soakEdits, int debounceMs, Action<string> log)
    {
        var folder = Directory.CreateDirectory(Path.Combine(work, "lsp")).FullName;
        var path = Path.Combine(folder, "fifty.md");
        var text = Post();
        await File.WriteAllTextAsync(path, text);
        await using var client = LspBenchClient.Start(tool.Dll, folder);
        await client.InitializeAsync(folder, debounceMs);
        var version = 1;
        await client.OpenAsync(path, text, version);
        await client.NextDiagnosticsAsync(version);
        // Warm: one full run fills the result cache and starts the runners; each measured step below is then a warm one.
        await client.SaveAsync(path);
        var first = await client.NextDiagnosticsAsync(version);
        if (first.Count != 0) throw new InvalidOperationException($"the post should pass: {first.ToJsonString()}");

        var breakMs = new List<double>();
        var fixMs = new List<double>();
        var rerunMs = new List<double>();
        for (var i = 0; i < repeat; i++)
        {
            var snippet = 1 + (i % (Snippets - 1));
            var broken = text.Replace($"Enumerable.Range(1, {10 + snippet})", $"Enumerable.Range(1, {10 + snippet}).Nope()", StringComparison.Ordinal);
            var clock = Stopwatch.StartNew();
            await client.ChangeAsync(path, broken, ++version);
            var diagnostics = await client.NextDiagnosticsAsync(version);
            breakMs.Add(clock.Elapsed.TotalMilliseconds);
            if (!diagnostics.Any(d => (string?)d!["code"] == "CS1061")) throw new InvalidOperationException($"no CS1061: {diagnostics.ToJsonString()}");

            clock.Restart();
            await client.ChangeAsync(path, text, ++version);
            if ((await client.NextDiagnosticsAsync(version)).Count != 0) throw new InvalidOperationException("the fix did not clear the diagnostics");
            fixMs.Add(clock.Elapsed.TotalMilliseconds);

            // One run snippet changed (its constant and its output block), typed, then saved: only it runs again.
            var changed = Post(seed: 100 + i);
            await client.ChangeAsync(path, changed, ++version);
            await client.NextDiagnosticsAsync(version);
            clock.Restart();
            await client.SaveAsync(path);
            var rerun = await client.NextDiagnosticsAsync(version);
            rerunMs.Add(clock.Elapsed.TotalMilliseconds);
            if (rerun.Count != 0) throw new InvalidOperationException($"the re-run should pass: {rerun.ToJsonString()}");
            text = changed;
        }
        log($"latency: {repeat} of each measured; soak of {soakEdits} edits");

        var soak = new List<(int, long)>();
        for (var edit = 1; edit <= soakEdits; edit++)
        {
            // Every edit is new text (a new constant), alternately broken and fixed, and each is waited for.
            var n = 1000 + edit;
            var edited = text.Replace("Snippet 7.", $"Snippet 7 ({n}).", StringComparison.Ordinal)
                .Replace($"Enumerable.Range(1, 17)", edit % 2 == 0 ? $"Enumerable.Range(1, 17 + {n} - {n})" : $"Enumerable.Range(1, 17 + {n} - undefined{n})", StringComparison.Ordinal);
            await client.ChangeAsync(path, edited, ++version);
            await client.NextDiagnosticsAsync(version);
            if (edit == 1 || edit % 100 == 0) soak.Add((edit, client.ResidentKiB()));
        }
        return new Result(breakMs, fixMs, rerunMs, soak, debounceMs);
    }

    private static double Median(IReadOnlyList<double> values) => values.Order().ElementAt(values.Count / 2);

    public static string Render(Result result, string machine)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"LSP latency, a post of {Snippets} run snippets, server warm, debounce {result.DebounceMs} ms ({machine}):");
        text.AppendLine();
        text.AppendLine("| step | median | min | max | target |");
        text.AppendLine("| --- | ---: | ---: | ---: | --- |");
        void Row(string name, IReadOnlyList<double> values, string target) =>
            text.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {Median(values):0} ms | {values.Min():0} ms | {values.Max():0} ms | {target} |");
        Row("didChange that breaks a snippet → publishDiagnostics", result.BreakMs, "< 300 ms");
        Row("didChange that fixes it → empty publishDiagnostics", result.FixMs, "");
        Row("didSave after one run snippet changed → its re-run's diagnostics", result.RerunMs, "< 500 ms");
        text.AppendLine();
        text.AppendLine("Soak (server's resident set, KiB, after N edits): " + string.Join(", ", result.Soak.Select(s => $"{s.Edits}: {s.RssKiB}")));
        return text.ToString();
    }
}

/// <summary>A small LSP client for the benchmark: Content-Length framing over the server's stdio.</summary>
internal sealed class LspBenchClient : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Stream _input;
    private readonly Stream _output;
    private int _nextId;

    private LspBenchClient(Process process)
    {
        _process = process;
        _input = process.StandardInput.BaseStream;
        _output = process.StandardOutput.BaseStream;
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
    }

    public static LspBenchClient Start(string dll, string folder)
    {
        var start = new ProcessStartInfo("dotnet", ["exec", dll, "lsp"])
        {
            WorkingDirectory = folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        return new LspBenchClient(Process.Start(start)!);
    }

    public long ResidentKiB()
    {
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal)) return long.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }
        return 0;
    }

    public async Task InitializeAsync(string root, int debounceMs)
    {
        var id = ++_nextId;
        await SendAsync(new JsonObject
        {
            ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = "initialize",
            ["params"] = new JsonObject
            {
                ["rootUri"] = new Uri(root).AbsoluteUri, ["capabilities"] = new JsonObject(),
                ["initializationOptions"] = new JsonObject { ["debounceMs"] = debounceMs },
            },
        });
        while ((int?)(await ReadAsync())["id"] != id) { }
        await NotifyAsync("initialized", new JsonObject());
    }

    public Task OpenAsync(string path, string text, int version) => NotifyAsync("textDocument/didOpen", new JsonObject
    {
        ["textDocument"] = new JsonObject { ["uri"] = new Uri(path).AbsoluteUri, ["languageId"] = "markdown", ["version"] = version, ["text"] = text },
    });

    public Task ChangeAsync(string path, string text, int version) => NotifyAsync("textDocument/didChange", new JsonObject
    {
        ["textDocument"] = new JsonObject { ["uri"] = new Uri(path).AbsoluteUri, ["version"] = version },
        ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = text }),
    });

    public Task SaveAsync(string path) => NotifyAsync("textDocument/didSave", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = new Uri(path).AbsoluteUri } });

    /// <summary>The next publishDiagnostics for <paramref name="version"/>.</summary>
    public async Task<JsonArray> NextDiagnosticsAsync(int version)
    {
        while (true)
        {
            var message = await ReadAsync().WaitAsync(TimeSpan.FromMinutes(2));
            if ((string?)message["method"] == "textDocument/publishDiagnostics" && (int?)message["params"]!["version"] == version)
                return (JsonArray)message["params"]!["diagnostics"]!;
        }
    }

    private Task NotifyAsync(string method, JsonNode parameters) => SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters });

    private async Task SendAsync(JsonObject message)
    {
        var body = Encoding.UTF8.GetBytes(message.ToJsonString());
        await _input.WriteAsync(Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n"));
        await _input.WriteAsync(body);
        await _input.FlushAsync();
    }

    private async Task<JsonObject> ReadAsync()
    {
        var length = 0;
        var line = new StringBuilder();
        var one = new byte[1];
        while (true)
        {
            if (await _output.ReadAsync(one) == 0) throw new EndOfStreamException("the server ended");
            if (one[0] != '\n')
            {
                line.Append((char)one[0]);
                continue;
            }
            var header = line.ToString().TrimEnd('\r');
            line.Clear();
            if (header.Length == 0) break;
            if (header.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)) length = int.Parse(header[15..].Trim(), CultureInfo.InvariantCulture);
        }
        var body = new byte[length];
        await _output.ReadExactlyAsync(body);
        return JsonNode.Parse(body)!.AsObject();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            var id = ++_nextId;
            await SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = "shutdown" });
            await NotifyAsync("exit", new JsonObject());
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            _process.Dispose();
        }
    }
}
