using System.Text;
using SnippetCheck.Execution;

namespace SnippetCheck.Tests.Unit.Execution;

/// <summary>
/// What a restore's network and credentials follow from (issue 74): the sources its NuGet configs declare, read as XML,
/// and the requests its proxy takes.
/// </summary>
public sealed class PackageSourcesTests
{
    private const string Configs = """
        <configuration>
          <packageSources>
            <add key="mirror" value="https://Feed.Example.com/v3/index.json" />
            <!-- <add key="commented" value="https://evil.example/v3/index.json" /> -->
            <add key="local" value="/srv/feed" />
          </packageSources>
          <config><add key="http_proxy" value="http://proxy.evil.example:8080" /></config>
        </configuration>
        <configuration><packageSources><add key="plain" value="http://10.0.0.5:8081/nuget" /></packageSources></configuration>
        """;

    [Fact]
    public void Sources_are_the_package_sources_of_each_config_and_nothing_in_comments_or_other_sections()
    {
        var sources = PackageSources.Declared([Configs, "<configuration><packageSources><add key=\"broken\" value=\"https://x\""]);

        Assert.Equal(["mirror", "local", "plain"], sources.Select(s => s.Name));
        Assert.Equal(["feed.example.com:443", "10.0.0.5:8081"], PackageSources.Endpoints(sources));
    }

    [Fact]
    public void Only_the_credentials_of_declared_sources_pass()
    {
        var sources = PackageSources.Declared([Configs]);
        var current = new Dictionary<string, string>
        {
            ["NuGetPackageSourceCredentials_mirror"] = "Username=u;Password=p",
            ["NuGetPackageSourceCredentials_other"] = "Username=u;Password=stolen",
            ["NUGET_API_KEY"] = "push",
            ["VSS_NUGET_EXTERNAL_FEED_ENDPOINTS"] = """
                {"endpointCredentials":[{"endpoint":"https://feed.example.com/v3/index.json/","password":"kept"},
                {"endpoint":"https://evil.example/v3/index.json","password":"dropped"}]}
                """,
        };

        var passed = PackageSources.Credentials(new System.Collections.Hashtable(current), sources).ToDictionary();

        Assert.Equal(["NuGetPackageSourceCredentials_mirror", "VSS_NUGET_EXTERNAL_FEED_ENDPOINTS"], passed.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("kept", passed["VSS_NUGET_EXTERNAL_FEED_ENDPOINTS"], StringComparison.Ordinal);
        Assert.DoesNotContain("dropped", passed["VSS_NUGET_EXTERNAL_FEED_ENDPOINTS"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CONNECT Feed.Example.com:443 HTTP/1.1\r\nHost: x\r\n\r\n", "feed.example.com:443", true)]
    [InlineData("GET http://10.0.0.5:8081/nuget/index.json HTTP/1.1\r\nHost: x\r\n\r\n", "10.0.0.5:8081", false)]
    [InlineData("GET http://example.com/ HTTP/1.1\r\n\r\n", "example.com:80", false)]
    [InlineData("CONNECT [::1]:443 HTTP/1.1\r\n\r\n", "[::1]:443", true)]
    [InlineData("CONNECT user@evil.example:443 HTTP/1.1\r\n\r\n", null, false)]
    [InlineData("CONNECT evil.example HTTP/1.1\r\n\r\n", null, false)]
    [InlineData("GET /relative HTTP/1.1\r\n\r\n", null, false)]
    [InlineData("GET https://example.com/ HTTP/1.1\r\n\r\n", null, false)]
    [InlineData("CONNECT example.com:443 HTTP/1.1\r\n", null, false)]
    public void The_proxy_takes_a_tunnel_or_an_absolute_http_request_and_nothing_else(string head, string? endpoint, bool tunnel)
    {
        var bytes = Encoding.ASCII.GetBytes(head);

        var request = ProxyRequest.Parse(bytes, bytes.Length);

        Assert.Equal(endpoint, request?.Endpoint);
        if (request is not null) Assert.Equal(tunnel, request.Tunnel);
    }
}
