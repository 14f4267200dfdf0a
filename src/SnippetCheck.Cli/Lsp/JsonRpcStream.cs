using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace SnippetCheck.Cli.Lsp;

/// <summary>
/// The LSP base protocol's framing: a <c>Content-Length</c> header, a blank line, then that many bytes of UTF-8 JSON.
/// Reads one message at a time; writes whole messages under a lock, so concurrent replies never interleave.
/// </summary>
internal sealed class JsonRpcStream(Stream input, Stream output)
{
    /// <summary>A message larger than this is refused rather than buffered: a document of 64 MiB is not a post.</summary>
    public const int MaxMessageBytes = 64 << 20;

    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly byte[] _one = new byte[1];

    /// <summary>The next message's JSON text, or null at the end of the input.</summary>
    /// <exception cref="InvalidDataException">The header is malformed; the stream cannot be resynchronised.</exception>
    public async Task<string?> ReadAsync(CancellationToken cancellationToken)
    {
        int? length = null;
        while (true)
        {
            var line = await ReadHeaderLineAsync(cancellationToken).ConfigureAwait(false);
            if (line is null) return null;
            if (line.Length == 0)
            {
                if (length is null) continue; // stray blank lines between messages
                break;
            }
            var colon = line.IndexOf(':');
            if (colon > 0 && line[..colon].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                if (!int.TryParse(line[(colon + 1)..].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 0
                    || n > MaxMessageBytes)
                    throw new InvalidDataException($"bad Content-Length header: {line}");
                length = n;
            }
        }
        var body = new byte[length.Value];
        await input.ReadExactlyAsync(body, cancellationToken).ConfigureAwait(false);
        return Encoding.UTF8.GetString(body);
    }

    /// <summary>One ASCII header line without its CRLF; null at the end of the input.</summary>
    private async Task<string?> ReadHeaderLineAsync(CancellationToken cancellationToken)
    {
        var line = new StringBuilder();
        while (true)
        {
            if (await input.ReadAsync(_one, cancellationToken).ConfigureAwait(false) == 0) return line.Length == 0 ? null : line.ToString();
            var c = (char)_one[0];
            if (c == '\n') return line.ToString().TrimEnd('\r');
            if (line.Length > 1024) throw new InvalidDataException("header line too long");
            line.Append(c);
        }
    }

    public async Task WriteAsync(JsonNode message, CancellationToken cancellationToken = default)
    {
        var body = Encoding.UTF8.GetBytes(message.ToJsonString());
        var header = Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n");
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await output.WriteAsync(header, cancellationToken).ConfigureAwait(false);
            await output.WriteAsync(body, cancellationToken).ConfigureAwait(false);
            await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }
}
