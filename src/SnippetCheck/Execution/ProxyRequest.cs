using System.Text;

namespace SnippetCheck.Execution;

/// <summary>
/// The first line of a request to <see cref="RestoreProxy"/>: a tunnel (<c>CONNECT host:port HTTP/1.1</c>) or a plain
/// request in absolute form (<c>GET http://host:port/path HTTP/1.1</c>), and where it goes.
/// </summary>
/// <param name="Host">The host to connect to, as DNS takes it (an IPv6 address without brackets).</param>
/// <param name="Endpoint"><c>host:port</c> as <see cref="PackageSources.Endpoints"/> writes it, for the allow-list and the report.</param>
/// <param name="HeadLength">The bytes of the head, its blank line included.</param>
internal sealed record ProxyRequest(string Host, int Port, string Endpoint, bool Tunnel, int HeadLength)
{
    /// <summary>The request in the first <paramref name="length"/> bytes of <paramref name="head"/>; null when it is none of the two forms.</summary>
    public static ProxyRequest? Parse(byte[] head, int length)
    {
        var end = head.AsSpan(0, length).IndexOf("\r\n\r\n"u8);
        if (end < 0) return null;
        var line = Encoding.ASCII.GetString(head, 0, head.AsSpan(0, end + 2).IndexOf("\r\n"u8));
        if (line.Split(' ') is not [var method, var target, ['H', 'T', 'T', 'P', '/', ..]]) return null;
        var tunnel = method == "CONNECT";
        // A tunnel's target is an authority alone, with its port; a plain request's, an http URL.
        if (tunnel && (target.IndexOfAny(['/', '@', '?', '#']) >= 0 || !target.Contains(':', StringComparison.Ordinal))) return null;
        if (!Uri.TryCreate(tunnel ? "http://" + target : target, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp
            || uri.UserInfo.Length > 0) return null;
        return new ProxyRequest(uri.DnsSafeHost, uri.Port, PackageSources.Endpoint(uri), tunnel, end + 4);
    }
}
