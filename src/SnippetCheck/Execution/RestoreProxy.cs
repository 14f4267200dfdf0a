using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SnippetCheck.Execution;

/// <summary>
/// The one way a restore reaches the network where namespaces work, its sources alone (SECURITY.md): an HTTP proxy on a UNIX
/// socket of the tool's, which the restore's bridge (the runner's <c>RestoreBridge</c>) reaches from inside its network
/// namespace. It opens a tunnel (<c>CONNECT host:port</c>) or passes a plain request (<c>GET http://host/...</c>) only to
/// the hosts and ports of the configured package sources, resolving their names itself, so the restore needs no DNS;
/// everything else is answered 403 and kept in <see cref="Refused"/> for the run's report. Where the tool's own
/// environment names a proxy, the tunnels go through it.
/// </summary>
internal sealed class RestoreProxy : IDisposable
{
    private const int MaxHead = 16 * 1024;
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(30);

    private readonly Socket _listener = new(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
    private readonly HashSet<string> _allowed;
    private readonly Lazy<IReadOnlyList<string>>? _named;
    private readonly ConcurrentDictionary<string, bool> _refused = new(StringComparer.Ordinal);
    private readonly Uri? _upstream = UpstreamProxy();

    private RestoreProxy(string socketPath, IEnumerable<string> allowed, Func<IReadOnlyList<string>>? named)
    {
        SocketPath = socketPath;
        _allowed = new HashSet<string>(allowed, StringComparer.OrdinalIgnoreCase);
        _named = named is null ? null : new Lazy<IReadOnlyList<string>>(named);
        _listener.Bind(new UnixDomainSocketEndPoint(socketPath));
        _listener.Listen(64);
        _ = AcceptAsync();
    }

    /// <summary>The socket the restore's bridge connects to: in the temp folder, never in one the restore may write.</summary>
    public string SocketPath { get; }

    /// <summary>Told the refusals, if there were any, when the proxy closes (for the run's report).</summary>
    public Action<IReadOnlyList<string>>? Finished { get; set; }

    /// <summary>The <c>host:port</c>s asked for and refused so far, sorted.</summary>
    public IReadOnlyList<string> Refused => [.. _refused.Keys.Order(StringComparer.Ordinal)];

    /// <summary>
    /// A proxy that lets through <paramref name="allowed"/>: <c>host:port</c>s (<see cref="PackageSources.Endpoints"/>), and
    /// those <paramref name="named"/> gives (the hosts the sources' service indexes name), asked only when a request is
    /// for another host: most restores reach their sources' hosts alone and never pay for reading the indexes.
    /// </summary>
    public static RestoreProxy Start(IEnumerable<string> allowed, Func<IReadOnlyList<string>>? named = null)
    {
        var folder = Path.GetTempPath();
        // A socket's path must fit in 108 bytes; a long TMPDIR falls back to /tmp.
        if (folder.Length > 60) folder = "/tmp";
        return new RestoreProxy(Path.Combine(folder, $"snippetcheck-proxy-{Guid.NewGuid():N}"), allowed, named);
    }

    private async Task AcceptAsync()
    {
        while (true)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                return; // disposed: the restore is over
            }
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(Socket client)
    {
        using (client)
        {
            try
            {
                var (head, length) = await ReadHeadAsync(client).ConfigureAwait(false);
                if (ProxyRequest.Parse(head, length) is not { } request)
                {
                    await ReplyAsync(client, "400 Bad Request").ConfigureAwait(false);
                    return;
                }
                if (!_allowed.Contains(request.Endpoint) && !(_named?.Value.Contains(request.Endpoint, StringComparer.OrdinalIgnoreCase) ?? false))
                {
                    _refused.TryAdd(request.Endpoint, true);
                    await ReplyAsync(client, "403 Forbidden").ConfigureAwait(false);
                    return;
                }
                using var server = await OpenAsync(request.Host, request.Port).ConfigureAwait(false);
                if (server is null)
                {
                    await ReplyAsync(client, "502 Bad Gateway").ConfigureAwait(false);
                    return;
                }
                // A tunnel is answered here; a plain request goes on as it came (a server takes the absolute form).
                if (request.Tunnel) await ReplyAsync(client, "200 Connection established").ConfigureAwait(false);
                var rest = request.Tunnel ? head.AsMemory(request.HeadLength, length - request.HeadLength) : head.AsMemory(0, length);
                if (rest.Length > 0) await server.SendAsync(rest).ConfigureAwait(false);
                await SocketRelay.RunAsync(client, server).ConfigureAwait(false);
            }
            catch (Exception e) when (e is SocketException or IOException or ObjectDisposedException)
            {
                // The restore or the source hung up.
            }
        }
    }

    /// <summary>Reads until the end of the request's head, at most <see cref="MaxHead"/> bytes; what came after it is in the buffer too.</summary>
    private static async Task<(byte[] Buffer, int Length)> ReadHeadAsync(Socket client)
    {
        var buffer = new byte[MaxHead];
        var length = 0;
        while (length < buffer.Length && buffer.AsSpan(0, length).IndexOf("\r\n\r\n"u8) < 0)
        {
            var read = await client.ReceiveAsync(buffer.AsMemory(length)).ConfigureAwait(false);
            if (read == 0) break;
            length += read;
        }
        return (buffer, length);
    }

    private static async Task ReplyAsync(Socket client, string status) =>
        await client.SendAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 {status}\r\n" +
            (status.StartsWith("200", StringComparison.Ordinal) ? "\r\n" : "Content-Length: 0\r\nConnection: close\r\n\r\n"))).ConfigureAwait(false);

    /// <summary>
    /// A connection to <paramref name="host"/>:<paramref name="port"/>, straight or through the tool's own proxy; null when none could be made.
    /// </summary>
    private async Task<Socket?> OpenAsync(string host, int port)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        using var timeout = new CancellationTokenSource(ConnectTimeout);
        try
        {
            if (_upstream is null)
            {
                // A link-local address is a cloud's metadata service (169.254.169.254), never a package source.
                var addresses = (await Dns.GetHostAddressesAsync(host, timeout.Token).ConfigureAwait(false)).Where(a => !IsLinkLocal(a)).ToArray();
                if (addresses.Length == 0) throw new SocketException((int)SocketError.AccessDenied);
                await socket.ConnectAsync(addresses, port, timeout.Token).ConfigureAwait(false);
                return socket;
            }
            await socket.ConnectAsync(_upstream.Host, _upstream.Port, timeout.Token).ConfigureAwait(false);
            var authority = host.Contains(':', StringComparison.Ordinal) ? $"[{host}]:{port}" : $"{host}:{port}";
            var login = Uri.UnescapeDataString(_upstream.UserInfo) is { Length: > 0 } user
                ? $"Proxy-Authorization: Basic {Convert.ToBase64String(Encoding.UTF8.GetBytes(user))}\r\n" : "";
            var connect = $"CONNECT {authority} HTTP/1.1\r\nHost: {authority}\r\n{login}\r\n";
            await socket.SendAsync(Encoding.ASCII.GetBytes(connect)).ConfigureAwait(false);
            var (answer, length) = await ReadHeadAsync(socket).ConfigureAwait(false);
            if (Encoding.ASCII.GetString(answer, 0, length).Split(' ', 3) is [_, "200", ..]) return socket;
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or IOException)
        {
            // Unreachable: the restore gets a 502 and says so.
        }
        socket.Dispose();
        return null;
    }

    private static bool IsLinkLocal(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        return address.IsIPv6LinkLocal || address.AddressFamily == AddressFamily.InterNetwork && address.GetAddressBytes() is [169, 254, ..];
    }

    /// <summary>The proxy the tool's own environment names for HTTPS (as the restore's would have been), if any.</summary>
    private static Uri? UpstreamProxy() =>
        new[] { "https_proxy", "HTTPS_PROXY", "http_proxy", "HTTP_PROXY", "all_proxy", "ALL_PROXY" }
            .Select(Environment.GetEnvironmentVariable)
            .Where(value => !string.IsNullOrWhiteSpace(value))
            .Select(value => value!.Contains("://", StringComparison.Ordinal) ? value : "http://" + value)
            .Select(value => Uri.TryCreate(value, UriKind.Absolute, out var uri) ? uri : null)
            .FirstOrDefault(uri => uri is { Scheme: "http" });

    public void Dispose()
    {
        _listener.Dispose();
        if (Refused is { Count: > 0 } refused) Finished?.Invoke(refused);
        try
        {
            File.Delete(SocketPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left in the temp folder: it leads nowhere once closed.
        }
    }
}
