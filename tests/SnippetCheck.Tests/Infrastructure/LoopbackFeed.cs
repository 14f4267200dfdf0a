using System.Net;
using System.Text;

namespace SnippetCheck.Tests.Infrastructure;

/// <summary>
/// A NuGet v3 feed on a free loopback port (a service index and a flat container), recording each path asked for. It
/// lists the versions it is given (<see cref="Versions"/>, by lower-case ID) or, for an ID not given, those of the
/// <see cref="LocalFeed"/> folder's packages, and serves that folder's packages; with <c>bytesPerSecond</c>, a package
/// downloads at that rate, so a restore takes as long as one from a far source and restores side by side overlap as
/// they do on a new user's machine.
/// </summary>
public sealed class LoopbackFeed : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly string? _folder;
    private readonly int? _bytesPerSecond;
    private readonly string _prefix;

    /// <summary>A feed of a <see cref="LocalFeed"/> folder's packages, downloaded at <paramref name="bytesPerSecond"/> when given.</summary>
    public LoopbackFeed(string folder, int? bytesPerSecond = null)
        : this(new Dictionary<string, string[]>(), folder, bytesPerSecond)
    {
    }

    /// <summary>A feed that lists only <paramref name="versions"/> (lower-case ID to versions) and serves no package.</summary>
    public LoopbackFeed(Dictionary<string, string[]> versions)
        : this(versions, null, null)
    {
    }

    private LoopbackFeed(Dictionary<string, string[]> versions, string? folder, int? bytesPerSecond)
    {
        (Versions, _folder, _bytesPerSecond) = (versions, folder, bytesPerSecond);
        var socket = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        var port = ((IPEndPoint)socket.LocalEndpoint).Port;
        socket.Stop();
        _prefix = $"http://127.0.0.1:{port}/";
        _listener.Prefixes.Add(_prefix);
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    /// <summary>The versions listed for an ID (lower case), before the folder's; a test may change them between searches.</summary>
    public Dictionary<string, string[]> Versions { get; }

    /// <summary>Every path asked for, in order.</summary>
    public List<string> Requests { get; } = [];

    public string ServiceIndex => _prefix + "v3/index.json";

    /// <summary>A <c>nuget.config</c> in <paramref name="folder"/> that names this feed as the only source.</summary>
    public void WriteConfig(string folder) => File.WriteAllText(Path.Combine(folder, "nuget.config"), $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <packageSources>
            <clear />
            <add key="loopback" value="{ServiceIndex}" allowInsecureConnections="true" />
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
            lock (Requests) Requests.Add(context.Request.Url!.AbsolutePath);
            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        try
        {
            var parts = context.Request.Url!.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
            var nupkgs = _folder is null ? [] : Directory.GetFiles(_folder, "*.nupkg").Select(Path.GetFileName).OfType<string>().ToList();
            switch (parts)
            {
                case ["v3", "index.json"]:
                    await WriteAsync(context, Encoding.UTF8.GetBytes(
                        $$"""{"version":"3.0.0","resources":[{"@id":"{{_prefix}}flat/","@type":"PackageBaseAddress/3.0.0"}]}"""), throttled: false);
                    break;
                case ["flat", var id, "index.json"] when VersionsOf(id, nupkgs) is { Count: > 0 } versions:
                    await WriteAsync(context, Encoding.UTF8.GetBytes(
                        $$"""{"versions":[{{string.Join(",", versions.Select(v => $"\"{v}\""))}}]}"""), throttled: false);
                    break;
                case ["flat", var id, var version, var file] when _folder is not null && file == $"{id}.{version}.nupkg"
                    && File.Exists(Path.Combine(_folder, file)):
                    await WriteAsync(context, await File.ReadAllBytesAsync(Path.Combine(_folder, file)), throttled: true);
                    break;
                default:
                    context.Response.StatusCode = 404;
                    context.Response.Close();
                    break;
            }
        }
        catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException)
        {
            // The client hung up.
        }
    }

    private List<string> VersionsOf(string id, List<string> nupkgs)
    {
        // A test changes them only between searches.
        if (Versions.TryGetValue(id, out var given)) return [.. given];
        return [.. nupkgs.Where(n => n.StartsWith(id + ".", StringComparison.Ordinal) && char.IsDigit(n[id.Length + 1]))
            .Select(n => n[(id.Length + 1)..^".nupkg".Length])];
    }

    private async Task WriteAsync(HttpListenerContext context, byte[] body, bool throttled)
    {
        context.Response.ContentLength64 = body.Length;
        if (!throttled || _bytesPerSecond is not { } rate)
        {
            await context.Response.OutputStream.WriteAsync(body);
        }
        else
        {
            var chunk = Math.Max(1, rate / 10);
            for (var at = 0; at < body.Length; at += chunk)
            {
                await context.Response.OutputStream.WriteAsync(body.AsMemory(at, Math.Min(chunk, body.Length - at)));
                await Task.Delay(100);
            }
        }
        context.Response.Close();
    }
}
