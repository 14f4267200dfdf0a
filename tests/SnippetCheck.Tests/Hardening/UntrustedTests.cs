using System.Net;
using System.Net.Sockets;
using SnippetCheck.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SnippetCheck.Tests.Hardening;

/// <summary>
/// <c>--untrusted</c> (issue 53, items 2, 3 and 7): a pull request's checkout cannot widen its own sandbox, from any
/// source, and every refusal names the setting and its place; its run reads the trusted cache but writes nothing to it;
/// its posts never share a runner; and the sandbox line of any run names every grant it made. Each refusal has a
/// control run without the flag that shows the same checkout does widen the sandbox, so the test can fail.
/// </summary>
public sealed class UntrustedTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempFolder _folder = new();

    private CliResult Verify(params string[] args)
    {
        var result = CliRunner.Run(_folder.Path, ["verify", "--report", "json=report.json", "-v", .. args]);
        output.WriteLine($"$ snippetcheck verify {string.Join(' ', args)} → exit {result.ExitCode}\n{result.Output}");
        return result;
    }

    /// <summary>A snippet that connects to <paramref name="listener"/>, and says whether it could.</summary>
    private static string Connecting(TcpListener listener, string tags, string expected = "connected") => $$"""
        ```csharp {{tags}}
        try { new System.Net.Sockets.TcpClient().Connect("127.0.0.1", {{((IPEndPoint)listener.LocalEndpoint).Port}}); Console.WriteLine("connected"); }
        catch (System.Net.Sockets.SocketException) { Console.WriteLine("blocked"); }
        ```

        ```output
        {{expected}}
        ```
        """;

    private static TcpListener Listening()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return listener;
    }

    /// <summary>Drains what a run made connect, so the next run starts with a quiet listener.</summary>
    private static async Task AssertConnectedAsync(TcpListener listener)
    {
        using var accepted = await listener.AcceptTcpClientAsync().WaitAsync(TimeSpan.FromSeconds(5));
    }

    [SandboxTheory(SandboxFeature.Network)]
    [InlineData("\"sandbox\": \"off\"", "'sandbox'")]
    [InlineData("\"environment\": [\"DEPLOY_TOKEN\"]", "'environment'")]
    [InlineData("\"sandboxRead\": [\"secrets\"]", "'sandboxRead'")]
    [InlineData("\"sandboxWrite\": [\"out\"]", "'sandboxWrite'")]
    [InlineData("\"network\": true", "'network'")]
    public void A_config_setting_that_widens_the_sandbox_is_refused_at_its_line(string setting, string named)
    {
        using var listener = Listening();
        // The setting on line 3, below a harmless one: the error must point at it, not at the file.
        _folder.Write("snippetcheck.json", $"{{\n  \"timeout\": \"20s\",\n  {setting}\n}}\n");
        _folder.Write("post.md", Connecting(listener, "run", "blocked"));

        var refused = Verify("post.md", "--untrusted");
        Assert.True(refused.ExitCode == 2, refused.Output);
        Assert.Contains($"snippetcheck.json(3,1): --untrusted refuses {named}", refused.Output);
        Assert.Contains("SC3017", refused.Output);
        Assert.False(listener.Pending(), "a refused run's snippet connected");

        // Control: the same checkout, trusted, is accepted (and "network": true or "sandbox": "off" does connect).
        var opensNetwork = named is "'network'" or "'sandbox'";
        if (opensNetwork) _folder.Write("post.md", Connecting(listener, "run"));
        var trusted = Verify("post.md");
        Assert.True(trusted.ExitCode == 0, trusted.Output);
        if (opensNetwork) Assert.True(listener.Pending(), $"control: {setting} did not connect");
    }

    [SandboxFact(SandboxFeature.Network)]
    public async Task Front_matter_network_is_refused_at_its_line_and_none_of_the_posts_snippets_runs()
    {
        using var listener = Listening();
        _folder.Write("post.md", "---\ntitle: A post\nsnippetcheck:\n  network: true\n---\n\n" + Connecting(listener, "run"));

        var refused = Verify("post.md", "--untrusted");
        Assert.True(refused.ExitCode == 1, refused.Output);
        Assert.Contains("post.md(4,1)", refused.Output);
        Assert.Contains("--untrusted refuses 'network'", refused.Output);
        Assert.False(listener.Pending(), "a snippet of a refused post connected");

        var trusted = Verify("post.md");
        Assert.True(trusted.ExitCode == 0, trusted.Output);
        await AssertConnectedAsync(listener);
    }

    [SandboxFact(SandboxFeature.Network)]
    public async Task The_network_tag_is_refused_at_its_block_which_does_not_run()
    {
        using var listener = Listening();
        _folder.Write("post.md", "# A post\n\n" + Connecting(listener, "run network"));

        var refused = Verify("post.md", "--untrusted");
        Assert.True(refused.ExitCode == 1, refused.Output);
        Assert.Contains("post.md(3,1)", refused.Output);
        Assert.Contains("--untrusted refuses the 'network' tag", refused.Output);
        Assert.False(listener.Pending(), "a refused block connected");

        var trusted = Verify("post.md");
        Assert.True(trusted.ExitCode == 0, trusted.Output);
        await AssertConnectedAsync(listener);
    }

    [SandboxFact(SandboxFeature.Filesystem)]
    public void No_sandbox_is_refused_and_nothing_runs()
    {
        var marker = Path.Combine(_folder.Path, "outside", "written");
        Directory.CreateDirectory(Path.GetDirectoryName(marker)!);
        _folder.Write("post.md", $$"""
            ```csharp run
            File.WriteAllText(@"{{marker}}", "escaped");
            Console.WriteLine("ran");
            ```
            """);

        var refused = Verify("post.md", "--untrusted", "--no-sandbox");
        Assert.True(refused.ExitCode == 2, refused.Output);
        Assert.Contains("--untrusted refuses --no-sandbox", refused.Output);
        Assert.False(File.Exists(marker), "a snippet ran under --untrusted --no-sandbox");

        // Control: unconfined, the snippet writes outside its folders.
        var unconfined = Verify("post.md", "--no-sandbox");
        Assert.True(unconfined.ExitCode == 0, unconfined.Output);
        Assert.True(File.Exists(marker), "control: the unconfined snippet did not write its marker");
    }

    [SandboxFact(SandboxFeature.Network)]
    public void The_environment_variable_turns_it_on_as_the_option_does()
    {
        using var listener = Listening();
        _folder.Write("snippetcheck.json", "{\n  \"network\": true\n}\n");
        _folder.Write("post.md", Connecting(listener, "run"));

        var refused = CliRunner.RunProcess(_folder.Path, new Dictionary<string, string?> { ["SNIPPETCHECK_UNTRUSTED"] = "1" }, "verify", "post.md");
        output.WriteLine(refused.Output);
        Assert.True(refused.ExitCode == 2, refused.Output);
        Assert.Contains("snippetcheck.json(2,1): --untrusted refuses 'network'", refused.Output);
        Assert.False(listener.Pending(), "a snippet connected under SNIPPETCHECK_UNTRUSTED=1");
    }

    private string CacheFolder => Path.Combine(_folder.Path, ".snippetcheck", "cache");

    private string[] CacheFiles() => Directory.Exists(CacheFolder)
        ? [.. Directory.EnumerateFiles(CacheFolder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)]
        : [];

    private static string Printing(string text) => $"""
        ```csharp run
        Console.WriteLine("{text}");
        ```

        ```output
        {text}
        ```
        """;

    [Fact]
    public void An_untrusted_run_reads_the_trusted_cache_and_writes_nothing_to_it()
    {
        _folder.Write("snippetcheck.json", "{}");
        _folder.Write("a.md", Printing("from main"));
        var trusted = Verify("a.md");
        Assert.True(trusted.ExitCode == 0, trusted.Output);
        var kept = CacheFiles();
        Assert.NotEmpty(kept);

        // The pull request adds a post: a.md comes from main's cache, b.md runs, and its pass is kept nowhere.
        _folder.Write("b.md", Printing("from the pull request"));
        var untrusted = Verify("a.md", "b.md", "--untrusted");
        Assert.True(untrusted.ExitCode == 0, untrusted.Output);
        var report = JsonReport.Load(Path.Combine(_folder.Path, "report.json"));
        Assert.True(report.Snippets.Single(s => s.Str("file") == "a.md").GetProperty("cached").GetBoolean(), "the untrusted run did not read the trusted entry");
        Assert.False(report.Snippets.Single(s => s.Str("file") == "b.md").GetProperty("cached").GetBoolean());
        Assert.Equal(kept, CacheFiles());

        // A trusted run afterwards finds nothing the untrusted one left: b.md runs again.
        var after = Verify("b.md");
        Assert.True(after.ExitCode == 0, after.Output);
        Assert.False(JsonReport.Load(Path.Combine(_folder.Path, "report.json")).Snippets.Single().GetProperty("cached").GetBoolean(),
            "a trusted run read an entry the untrusted run wrote");
    }

    /// <summary>
    /// Each post's snippet says what a snippet before it left in its process (AppContext data, which a runner does not
    /// reset between snippets as it resets the environment), then leaves its own mark.
    /// </summary>
    private static string Marking(string post) => $$"""
        ```csharp run
        Console.WriteLine("seen: " + (AppContext.GetData("snippetcheck-test-mark") as string ?? "none"));
        AppContext.SetData("snippetcheck-test-mark", "{{post}}");
        ```

        ```output
        seen: none
        ```
        """;

    [Fact]
    public void Under_untrusted_no_runner_runs_snippets_of_two_posts()
    {
        _folder.Write("a.md", Marking("a"));
        _folder.Write("b.md", Marking("b"));
        _folder.Write("c.md", Marking("c"));

        // One slot: without the flag the three run one after another in one runner (and merged in one chunk).
        var untrusted = Verify("a.md", "b.md", "c.md", "--untrusted", "--parallel", "1", "--no-cache");
        Assert.True(untrusted.ExitCode == 0, untrusted.Output);

        var shared = Verify("a.md", "b.md", "c.md", "--parallel", "1", "--no-cache");
        Assert.True(shared.ExitCode == 1, "control: trusted posts did not share a runner, so the test proves nothing\n" + shared.Output);
    }

    [SandboxFact(SandboxFeature.Network)]
    public async Task The_sandbox_line_names_the_network_blocks_and_the_configs_grants()
    {
        using var listener = Listening();
        _folder.Write("snippetcheck.json", "{\n  \"sandboxRead\": [\"data\"]\n}\n");
        Directory.CreateDirectory(Path.Combine(_folder.Path, "data"));
        _folder.Write("post.md", "# A post\n\n" + Connecting(listener, "run network"));

        var run = Verify("post.md", "--no-cache");
        Assert.True(run.ExitCode == 0, run.Output);
        await AssertConnectedAsync(listener);
        var line = run.Output.Split('\n').Single(l => l.StartsWith("sandbox: ", StringComparison.Ordinal));
        Assert.Contains("network to the runners of 1 network block (post.md:3)", line);
        Assert.Contains($"read {Path.Combine(_folder.Path, "data")} to every runner (snippetcheck.json:2)", line);

        var grants = JsonReport.Load(Path.Combine(_folder.Path, "report.json")).Root.GetProperty("sandbox").GetProperty("grants").EnumerateArray().ToList();
        Assert.Contains(grants, g => g.Str("what") == "network" && g.Str("from") == "post.md:3");
        Assert.Contains(grants, g => g.Str("what") == $"read {Path.Combine(_folder.Path, "data")}" && g.Str("from") == "snippetcheck.json:2" && g.Str("to") == "every runner");
    }

    public void Dispose() => _folder.Dispose();
}
