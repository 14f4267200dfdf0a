using System.IO.Pipelines;
using System.Text;
using System.Text.Json.Nodes;
using SnippetCheck.Cli.Lsp;

namespace SnippetCheck.Tests.Lsp;

/// <summary>The server's JSON-RPC layer on its own, over in-memory pipes: framing, dispatch, errors, cancellation.</summary>
public sealed class JsonRpcTests
{
    private static byte[] Frame(string json)
    {
        var body = Encoding.UTF8.GetBytes(json);
        return [.. Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n"), .. body];
    }

    [Fact]
    public async Task Messages_are_read_whole_whatever_the_reads_and_the_header_case_and_multibyte_text()
    {
        var text = "{\"jsonrpc\":\"2.0\",\"method\":\"x\",\"params\":{\"t\":\"é→𝄞\"}}";
        var bytes = Frame(text).Concat(Encoding.ASCII.GetBytes("content-length: 2\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}")).ToArray();
        var stream = new JsonRpcStream(new OneByteStream(bytes), Stream.Null);
        Assert.Equal(text, await stream.ReadAsync(CancellationToken.None));
        Assert.Equal("{}", await stream.ReadAsync(CancellationToken.None));
        Assert.Null(await stream.ReadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_bad_content_length_is_refused()
    {
        var stream = new JsonRpcStream(new MemoryStream("Content-Length: -5\r\n\r\n"u8.ToArray()), Stream.Null);
        await Assert.ThrowsAsync<InvalidDataException>(() => stream.ReadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Requests_get_results_errors_and_cancellation_and_notifications_keep_their_order()
    {
        var toServer = new Pipe();
        var fromServer = new Pipe();
        var connection = new JsonRpcConnection(new JsonRpcStream(toServer.Reader.AsStream(), fromServer.Writer.AsStream()));
        var order = new List<int>();
        connection.OnNotification("n", async p =>
        {
            // A slow first notification must still be handled before the second.
            if ((int)p!["i"]! == 0) await Task.Delay(100);
            lock (order) order.Add((int)p!["i"]!);
        });
        connection.OnRequest("echo", (p, _) => Task.FromResult<JsonNode?>(p!.DeepClone()));
        connection.OnRequest("boom", (_, _) => throw new InvalidOperationException("boom"));
        connection.OnRequest("wait", async (_, token) =>
        {
            await Task.Delay(Timeout.Infinite, token);
            return null;
        });
        using var stop = new CancellationTokenSource();
        var serving = connection.RunAsync(stop.Token);
        var client = new JsonRpcStream(fromServer.Reader.AsStream(), toServer.Writer.AsStream());

        await client.WriteAsync(JsonNode.Parse("""{"jsonrpc":"2.0","method":"n","params":{"i":0}}""")!);
        await client.WriteAsync(JsonNode.Parse("""{"jsonrpc":"2.0","method":"n","params":{"i":1}}""")!);
        await client.WriteAsync(JsonNode.Parse("""{"jsonrpc":"2.0","id":"w","method":"wait"}""")!);
        await client.WriteAsync(JsonNode.Parse("""{"jsonrpc":"2.0","id":1,"method":"echo","params":{"a":[1,2]}}""")!);
        await client.WriteAsync(JsonNode.Parse("""{"jsonrpc":"2.0","id":2,"method":"boom"}""")!);
        await client.WriteAsync(JsonNode.Parse("""{"jsonrpc":"2.0","id":3,"method":"missing"}""")!);
        await toServer.Writer.WriteAsync(Frame("{oops"));
        await client.WriteAsync(JsonNode.Parse("""{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":"w"}}""")!);

        var replies = new Dictionary<string, JsonNode>();
        while (replies.Count < 5)
        {
            var reply = JsonNode.Parse((await client.ReadAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10)))!)!;
            replies[reply["id"]?.ToJsonString() ?? "null"] = reply;
        }
        Assert.Equal("""{"a":[1,2]}""", replies["1"]["result"]!.ToJsonString());
        Assert.Equal(JsonRpcErrors.InternalError, (int)replies["2"]["error"]!["code"]!);
        Assert.Equal(JsonRpcErrors.MethodNotFound, (int)replies["3"]["error"]!["code"]!);
        Assert.Equal(JsonRpcErrors.ParseError, (int)replies["null"]["error"]!["code"]!);
        Assert.Equal(JsonRpcErrors.RequestCancelled, (int)replies["\"w\""]["error"]!["code"]!);
        Assert.Equal([0, 1], order);

        await toServer.Writer.CompleteAsync();
        await serving.WaitAsync(TimeSpan.FromSeconds(10));
    }

    /// <summary>A stream that hands out one byte per read, as a slow pipe may.</summary>
    private sealed class OneByteStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(1, buffer.Length)], cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(1, count));
    }
}
