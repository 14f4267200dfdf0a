using System.Net;
using System.Text;

namespace SnippetCheck.Tests.Infrastructure;

/// <summary>
/// A <see cref="LocalFeed"/> folder served as a NuGet v3 feed on a loopback port (a service index and a flat container),
/// whose packages download at <c>bytesPerSecond</c>: a restore from it takes as long as one from a far
/// source, so restores that run side by side overlap as they do on a new user's machine (issue 75).
/// </summary>
public sealed class SlowFeed : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly string _folder;
    private readonly int _bytesPerSecond;
    private readonly string _prefix;

    public SlowFeed(string folder, int bytesPerSecond)
    {
        (_folder, _bytesPerSecond) = (folder, bytesPerSecond);
        var socket = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        var port = ((IPEndPoint)socket.LocalEndpoint).Port;
        socket.Stop();
        _prefix = $"http://127.0.0.1:{port}/";
        _listener.Prefixes.Add(_prefix);
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public string ServiceIndex => _prefix + "v3/index.json";

    /// <summary>A <c>nuget.config</c> in <paramref name="docs"/> that names this feed as the only source.</summary>
    public void WriteConfig(string docs) => File.WriteAllText(Path.Combine(docs, "nuget.config"), $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <packageSources>
            <clear />
            <add key="slow" value="{ServiceIndex}" allowInsecureConnections="true" />
          </packageSources>
        </configuration>
        """);

    public void Dispose() => _listener.Close();

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        try
        {
            var parts = context.Request.Url!.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
            var nupkgs = Directory.GetFiles(_folder, "*.nupkg").Select(Path.GetFileName).OfType<string>().ToList();
            switch (parts)
            {
                case ["v3", "index.json"]:
                    await WriteAsync(context, Encoding.UTF8.GetBytes(
                        $$"""{"version":"3.0.0","resources":[{"@id":"{{_prefix}}flat/","@type":"PackageBaseAddress/3.0.0"}]}"""), fast: true);
                    break;
                case ["flat", var id, "index.json"] when nupkgs.Any(n => n.StartsWith(id + ".", StringComparison.Ordinal)):
                    var versions = nupkgs.Where(n => n.StartsWith(id + ".", StringComparison.Ordinal) && char.IsDigit(n[id.Length + 1]))
                        .Select(n => n[(id.Length + 1)..^".nupkg".Length]);
                    await WriteAsync(context, Encoding.UTF8.GetBytes(
                        $$"""{"versions":[{{string.Join(",", versions.Select(v => $"\"{v}\""))}}]}"""), fast: true);
                    break;
                case ["flat", var id, var version, var file] when file == $"{id}.{version}.nupkg" && File.Exists(Path.Combine(_folder, file)):
                    await WriteAsync(context, await File.ReadAllBytesAsync(Path.Combine(_folder, file)), fast: false);
                    break;
                default:
                    context.Response.StatusCode = 404;
                    context.Response.Close();
                    break;
            }
        }
        catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException)
        {
            // The restore hung up.
        }
    }

    private async Task WriteAsync(HttpListenerContext context, byte[] body, bool fast)
    {
        context.Response.ContentLength64 = body.Length;
        var chunk = Math.Max(1, _bytesPerSecond / 10);
        for (var at = 0; at < body.Length; at += chunk)
        {
            await context.Response.OutputStream.WriteAsync(body.AsMemory(at, Math.Min(chunk, body.Length - at)));
            if (!fast) await Task.Delay(100);
        }
        context.Response.Close();
    }
}
