using SnippetCheck.Extraction.Markdown;
using SnippetCheck.Configuration;
using SnippetCheck.Driver;
using SnippetCheck.Model;
using SnippetCheck.Results;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Hardening;

/// <summary>The memory cap (config <c>memoryLimit</c>, 1 GiB by default) and the allow-listed environment.</summary>
public sealed class ResourceLimitTests
{
    private const string Allocate600MB = """
        ```csharp name=big
        var chunks = new List<byte[]>();
        for (var i = 0; i < 12; i++) chunks.Add(GC.AllocateArray<byte>(50 * 1024 * 1024));
        Console.WriteLine(chunks.Sum(c => (long)c.Length) / (1024 * 1024));
        ```

        ```output
        600
        ```

        """;

    [Fact]
    public async Task A_snippet_allocating_600MB_passes_under_the_default_1GiB_and_fails_with_OutOfMemoryException_under_256MB()
    {
        using var folder = new TempFolder();
        folder.Write("post.md", Allocate600MB);
        var defaults = await new Verifier(new VerifyOptions { Paths = ["post.md"], CurrentDirectory = folder.Path }).RunAsync();
        Assert.Equal(SnippetStatus.Passed, defaults.Snippets.Single().Status);

        folder.Write("snippetcheck.json", "{ \"memoryLimit\": \"256MB\" }");
        var capped = (await new Verifier(new VerifyOptions { Paths = ["post.md"], CurrentDirectory = folder.Path }).RunAsync()).Snippets.Single();
        Assert.Equal((SnippetStatus.Failed, FailureReason.Exception), (capped.Status, capped.Reason));
        Assert.Contains("System.OutOfMemoryException", capped.Message);
    }

    [Theory]
    [InlineData("\"512MB\"", 512L << 20)]
    [InlineData("\"1GB\"", 1L << 30)]
    [InlineData("\"1.5GiB\"", 3L << 29)]
    [InlineData("\"300 mb\"", 300L << 20)]
    [InlineData("1073741824", 1L << 30)]
    public void Memory_limits_are_read_with_units(string value, long bytes)
    {
        Assert.Equal(bytes, ConfigLoader.Parse("snippetcheck.json", $"{{ \"memoryLimit\": {value} }}").MemoryLimit);
    }

    [Theory]
    [InlineData("\"lots\"")]
    [InlineData("\"10MB\"")]
    [InlineData("\"-1GB\"")]
    [InlineData("true")]
    public void Bad_memory_limits_are_config_errors(string value)
    {
        var error = Assert.Throws<ConfigException>(() => ConfigLoader.Parse("snippetcheck.json", $"{{ \"memoryLimit\": {value} }}"));
        Assert.Contains("'memoryLimit' must be a size of at least 64MB", error.Message);
    }

    [Fact]
    public void The_memory_limit_belongs_to_the_whole_run_not_to_a_post()
    {
        var error = Assert.Throws<ConfigException>(() => FrontMatterReader.Read("post.md",
            new SnippetCheck.Extraction.FrontMatter("snippetcheck:\n  memoryLimit: 2GB", new("post.md", 1, 1))));
        Assert.Contains("belongs in snippetcheck.json", error.Message);
    }

    [Fact]
    public void The_starter_config_states_the_default_memory_limit()
    {
        Assert.Equal(Settings.MemoryLimit.Default, ConfigLoader.Parse("snippetcheck.json", ConfigLoader.StarterConfig).MemoryLimit);
    }
}

/// <summary>CI secrets set on the CLI's own process never reach a snippet; variables the config allows do.</summary>
public sealed class SecretTests
{
    public static readonly string[] CiSecretNames =
    [
        "GITHUB_TOKEN", "ACTIONS_RUNTIME_TOKEN", "ACTIONS_ID_TOKEN_REQUEST_TOKEN", "AWS_SECRET_ACCESS_KEY", "AWS_ACCESS_KEY_ID",
        "NUGET_API_KEY", "AZURE_CLIENT_SECRET", "SSH_AUTH_SOCK", "NPM_TOKEN", "CI_JOB_TOKEN", "DOCKER_PASSWORD",
        "GH_TOKEN", "CODECOV_TOKEN", "SONAR_TOKEN",
    ];

    [Fact]
    public void A_snippet_sees_only_the_allow_list_and_what_config_environment_adds()
    {
        using var folder = new TempFolder();
        folder.Write("snippetcheck.json", "{ \"environment\": [\"BLOG_GREETING\"] }");
        folder.Write("post.md", """
            ```csharp name=env
            foreach (var name in Environment.GetEnvironmentVariables().Keys.Cast<string>().Order(StringComparer.Ordinal))
                Console.WriteLine($"{name}={Environment.GetEnvironmentVariable(name)}");
            ```

            """);
        var environment = CiSecretNames.ToDictionary(name => name, name => (string?)$"secret-value-of-{name}");
        environment["BLOG_GREETING"] = "hello";
        environment["DOTNET_SOMETHING_HARMLESS"] = "1";

        var result = CliRunner.Run(folder.Path, environment, "verify", "--report", "json=report.json");
        var printed = JsonReport.Load(Path.Combine(folder.Path, "report.json")).Snippet("env").Str("actualOutput") ?? "";

        Assert.Equal(0, result.ExitCode);
        var names = printed.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split('=')[0]).ToList();
        Assert.Empty(names.Intersect(CiSecretNames));
        Assert.DoesNotContain("secret-value-of", printed);
        Assert.Contains("BLOG_GREETING=hello", printed);
        Assert.Contains("PATH", names);
        Assert.Contains("DOTNET_SOMETHING_HARMLESS", names);
        Assert.All(names, name => Assert.True(name is "PATH" or "HOME" or "TMPDIR" or "LANG" or "TZ" or "BLOG_GREETING" || name.StartsWith("DOTNET_", StringComparison.Ordinal), $"{name} is not allowed"));
    }
}

/// <summary>What one snippet does to its runner process never reaches the next snippet on the same runner.</summary>
public sealed class RunnerStateTests
{
    [Fact]
    public async Task A_snippet_that_swallows_console_output_or_sets_variables_does_not_change_the_next_one()
    {
        var report = await Pipeline.VerifyAsync("""
            ```csharp name=vandal
            Console.SetOut(TextWriter.Null);
            Console.SetError(TextWriter.Null);
            Environment.SetEnvironmentVariable("LEFT_BEHIND", "yes");
            Environment.SetEnvironmentVariable("PATH", "/nowhere");
            ```

            ```csharp name=next
            Console.WriteLine(Environment.GetEnvironmentVariable("LEFT_BEHIND") ?? "clean");
            Console.WriteLine(Environment.GetEnvironmentVariable("PATH") == "/nowhere" ? "path changed" : "path kept");
            ```

            ```output
            clean
            path kept
            ```

            """, o => o with { CommandLine = new() { Parallelism = 1 } });
        Assert.All(report.Snippets, s => Assert.Equal(SnippetStatus.Passed, s.Status));
    }
}
