using SnippetCheck.Results;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Unit.Results;

/// <summary>
/// A run that throws for what the reader's machine lacks (a server, the network) or for a placeholder the reader fills in
/// (<c>"&lt;connection string&gt;"</c>) is no rot of the author's text. Npgsql's docs had 6 such entries of 6: a driver's
/// own exception wrapping the socket's failure ("Failed to connect to 127.0.0.1:5432", "Unable to connect to a suitable
/// host"), and a connection string that is a placeholder ("Format of the initialization string does not conform...").
/// The exception texts are the runs' own (Npgsql 10.0.3 in the sandbox, no network).
/// </summary>
public sealed class EnvironmentThrowsTests
{
    private static SuspectedRot? RotOf(string code, string type, string message, string? trace)
    {
        var snippet = Assert.Single(Pipeline.Read($"# Post\n\n```csharp\n{code}\n```\n").Snippets);
        var failure = new ExceptionFailure(snippet.Location with { Line = 4 }, type, message, trace);
        return RotEvidence.Of(SnippetResult.Of(snippet, new Verdict.Failed(failure)));
    }

    private const string Connect = """
        var dataSource = NpgsqlDataSource.Create("Host=localhost;Username=test;Password=test");
        await using var connection = await dataSource.OpenConnectionAsync();
        """;

    [Fact]
    public void A_throw_whose_inner_exception_is_the_networks_is_not_rot()
    {
        Assert.Null(RotOf(Connect, "Npgsql.NpgsqlException", "Failed to connect to 127.0.0.1:5432", """
            Npgsql.NpgsqlException (0x80004005): Failed to connect to 127.0.0.1:5432
             ---> System.Net.Sockets.SocketException (101): Network is unreachable
               at System.Net.Sockets.Socket.AwaitableSocketAsyncEventArgs.CreateException(SocketError error, Boolean forAsyncThrow)
               at Program.<Main>$(String[] args) in post.md:line 5
            """));
        // Two hosts: the socket's failure two levels down, under an AggregateException.
        Assert.Null(RotOf(Connect, "Npgsql.NpgsqlException", "Unable to connect to a suitable host. Check inner exception for more details.", """
            Npgsql.NpgsqlException (0x80004005): Unable to connect to a suitable host. Check inner exception for more details.
             ---> System.AggregateException: One or more errors occurred. (Resource temporarily unavailable)
             ---> Npgsql.NpgsqlException (0x80004005): Resource temporarily unavailable
             ---> System.Net.Sockets.SocketException (00000001, 11): Resource temporarily unavailable
               at System.Net.Dns.GetHostEntryOrAddressesCore(String hostName, Boolean justAddresses, AddressFamily addressFamily)
            """));
    }

    [Fact]
    public void A_throw_whose_frames_only_name_the_network_is_still_rot()
    {
        // The chain is read for its exceptions' types only: a frame that names a socket is no failure of one.
        var rot = RotOf("var x = new Widget();\nx.Start();", "System.InvalidOperationException", "the handler is not set", """
            System.InvalidOperationException: the handler is not set
               at Widget.Start(SocketException handler) in post.md:line 4
            """);
        Assert.Equal(RotEvidence.Throws, rot?.Evidence);
    }

    [Fact]
    public void A_throw_of_a_block_that_passes_a_placeholder_string_is_not_rot_and_one_with_a_real_value_still_is()
    {
        const string Message = "Format of the initialization string does not conform to specification starting at index 0.";
        const string Trace = "System.ArgumentException: " + Message + "\n   at Program.<Main>$(String[] args) in post.md:line 4";
        Assert.Null(RotOf("var builder = new NpgsqlDataSourceBuilder(\"<connection string>\");\nawait using var dataSource = builder.Build();",
            "System.ArgumentException", Message, Trace));
        Assert.Null(RotOf("await using var conn = new LogicalReplicationConnection(\"<connection_string>\");", "System.ArgumentException", Message, Trace));

        // An HTML tag in a string is text, not a placeholder; nor is a generic type's name.
        Assert.Equal(RotEvidence.Throws, RotOf("var builder = new NpgsqlDataSourceBuilder(\"Host=;;\");", "System.ArgumentException", Message, Trace)?.Evidence);
        Assert.Equal(RotEvidence.Throws, RotOf("var html = \"<br>\";\nvar builder = new NpgsqlDataSourceBuilder(\"Host=;;\");",
            "System.ArgumentException", Message, Trace)?.Evidence);
    }

    /// <summary>
    /// The rot adopt reports for <paramref name="code"/> on a page of <paramref name="prose"/>, thrown as the trace says
    /// (Testcontainers 4.16.0's own run in the sandbox, which has no Docker endpoint).
    /// </summary>
    private static SuspectedRot? PageRotOf(string prose, string code, string type, string trace)
    {
        var text = $"# Networks\n\n{prose}\n\n```csharp\n{code}\n```\n";
        var document = SnippetCheck.Extraction.SourceDocument.FromText("/docs/post.md", "post.md", text);
        var snippet = Assert.Single(Pipeline.Read(text).Snippets);
        var failure = new ExceptionFailure(snippet.Location with { Line = 6 }, type, "Object reference not set to an instance of an object.", trace);
        return SnippetCheck.Adoption.Rot.RotReport.Of(document, snippet, SnippetResult.Of(snippet, new Verdict.Failed(failure)));
    }

    private const string DockerPage = "Testcontainers starts a Docker container for each test. Expose the host's port to the containers first.";
    private const string ExposePorts = "await TestcontainersSettings.ExposeHostPortsAsync(8080)\n  .ConfigureAwait(false);";
    private const string LibraryTrace = """
        System.NullReferenceException: Object reference not set to an instance of an object.
           at DotNet.Testcontainers.Configurations.TestcontainersSettings.ExposeHostPortsAsync(IEnumerable`1 ports, CancellationToken ct) in /_/src/Testcontainers/Configurations/TestcontainersSettings.cs:line 168
           at Program.<Main>$(String[] args) in post.md:line 6
           at Program.<Main>(String[] args)
        """;

    [Fact]
    public void A_throw_inside_the_librarys_code_on_a_page_that_names_the_service_it_needs_is_not_rot()
    {
        Assert.Null(PageRotOf(DockerPage, ExposePorts, "System.NullReferenceException", LibraryTrace));
    }

    [Fact]
    public void A_throw_of_the_blocks_own_code_or_argument_or_on_a_page_that_names_no_service_is_still_rot()
    {
        // The same throw on a page that names no service the library needs: nothing says the machine lacks anything.
        Assert.Equal(RotEvidence.Throws, PageRotOf("Expose the host's port first.", ExposePorts, "System.NullReferenceException", LibraryTrace)?.Evidence);
        // A library's ArgumentException is the block's bad argument, whatever the page names.
        Assert.Equal(RotEvidence.Throws, PageRotOf(DockerPage, "await TestcontainersSettings.ExposeHostPortsAsync(0);", "System.ArgumentOutOfRangeException",
            LibraryTrace.Replace("System.NullReferenceException", "System.ArgumentOutOfRangeException", StringComparison.Ordinal))?.Evidence);
        // A null the block passes in, which the library trips on.
        Assert.Equal(RotEvidence.Throws, PageRotOf(DockerPage, "await TestcontainersSettings.ExposeHostPortsAsync(null);",
            "System.NullReferenceException", LibraryTrace)?.Evidence);
        // Thrown in the post's own code (its first frame is the block's), or in the framework's.
        Assert.Equal(RotEvidence.Throws, PageRotOf(DockerPage, "string name = null!;\nConsole.WriteLine(name.Length);", "System.NullReferenceException",
            "System.NullReferenceException: Object reference not set to an instance of an object.\n   at Program.<Main>$(String[] args) in post.md:line 7")?.Evidence);
        Assert.Equal(RotEvidence.Throws, PageRotOf(DockerPage, "var first = new List<int>().First();", "System.InvalidOperationException",
            "System.InvalidOperationException: Sequence contains no elements\n   at System.Linq.ThrowHelper.ThrowNoElementsException()\n" +
            "   at Program.<Main>$(String[] args) in post.md:line 6")?.Evidence);
    }
}
