using System.Diagnostics;
using SnippetCheck.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SnippetCheck.Tests.Hardening;

/// <summary>
/// Issue 74, finding 9. Under <c>--untrusted</c> a pull request may not raise the resources a run gives it: a
/// <c>memoryLimit</c> over 2 GiB, a <c>timeout</c> over 60 s (config, front matter, tag) and a <c>parallelism</c> over the
/// processor count are refused with SC3017 at their line; each has a trusted control that accepts it. And a temp file a
/// killed <c>--accept</c> or <c>adopt --write</c> left beside a post (<c>.post.md.PID.GUID.tmp</c>) is removed by the next
/// run once its process is gone, and nothing else is.
/// </summary>
public sealed class UntrustedCapTests(ITestOutputHelper output) : IDisposable
{
    private const string Post = "```csharp run\nConsole.WriteLine(1);\n```\n\n```output\n1\n```\n";

    private readonly TempFolder _folder = new();

    private CliResult Verify(params string[] args)
    {
        var result = CliRunner.Run(_folder.Path, ["verify", "--no-cache", .. args]);
        output.WriteLine($"$ snippetcheck verify {string.Join(' ', args)} → exit {result.ExitCode}\n{result.Output}");
        return result;
    }

    [SandboxTheory(SandboxFeature.Filesystem)]
    [InlineData("\"memoryLimit\": \"64GB\"", "'memoryLimit'")]
    [InlineData("\"timeout\": \"10m\"", "'timeout'")]
    [InlineData("\"parallelism\": PROCESSORS_PLUS_ONE", "'parallelism'")]
    public void A_config_that_raises_a_resource_past_its_cap_is_refused_at_its_line(string setting, string named)
    {
        // One past this machine's processors: a trusted run of "parallelism": 4096 did not finish within 100 s here.
        setting = setting.Replace("PROCESSORS_PLUS_ONE", $"{Environment.ProcessorCount + 1}", StringComparison.Ordinal);
        _folder.Write("snippetcheck.json", $"{{\n  \"strictTags\": false,\n  {setting}\n}}\n");
        _folder.Write("post.md", Post);

        var refused = Verify("post.md", "--untrusted");
        Assert.True(refused.ExitCode == 2, refused.Output);
        Assert.Contains($"snippetcheck.json(3,1): --untrusted refuses {named}", refused.Output, StringComparison.Ordinal);
        Assert.Contains("SC3017", refused.Output, StringComparison.Ordinal);

        var trusted = Verify("post.md");
        Assert.True(trusted.ExitCode == 0, trusted.Output);
    }

    [SandboxFact(SandboxFeature.Filesystem)]
    public void Values_within_the_caps_are_accepted()
    {
        _folder.Write("snippetcheck.json", "{\n  \"memoryLimit\": \"2GB\",\n  \"timeout\": \"60s\",\n  \"parallelism\": 1\n}\n");
        _folder.Write("post.md", "---\nsnippetcheck:\n  timeout: 30s\n---\n\n" + Post.Replace("run", "run timeout=45s", StringComparison.Ordinal));

        var result = Verify("post.md", "--untrusted");

        Assert.True(result.ExitCode == 0, result.Output);
    }

    [SandboxFact(SandboxFeature.Filesystem)]
    public void A_front_matter_or_tag_timeout_past_the_cap_is_refused_at_its_line()
    {
        _folder.Write("front.md", "---\ntitle: A post\nsnippetcheck:\n  timeout: 10m\n---\n\n" + Post);
        _folder.Write("tag.md", "# A post\n\n```csharp run timeout=5m\nConsole.WriteLine(1);\n```\n\n```output\n1\n```\n");

        var refused = Verify("front.md", "tag.md", "--untrusted");
        Assert.True(refused.ExitCode == 1, refused.Output);
        Assert.Contains("front.md(4,1)", refused.Output, StringComparison.Ordinal);
        Assert.Contains("--untrusted refuses 'timeout'", refused.Output, StringComparison.Ordinal);
        Assert.Contains("tag.md(3,1)", refused.Output, StringComparison.Ordinal);
        Assert.Contains("--untrusted refuses the 'timeout' tag", refused.Output, StringComparison.Ordinal);

        var trusted = Verify("front.md", "tag.md");
        Assert.True(trusted.ExitCode == 0, trusted.Output);
    }

    /// <summary>A process id that was alive a moment ago and is not now.</summary>
    private static int DeadProcessId()
    {
        using var process = Process.Start("true")!;
        process.WaitForExit();
        return process.Id;
    }

    [Theory]
    [InlineData("verify")]
    [InlineData("adopt")]
    public void A_killed_writes_temp_file_beside_a_post_is_swept_by_the_next_run_and_nothing_else(string command)
    {
        _folder.Write("posts/post.md", Post);
        var guid = Guid.NewGuid().ToString("N");
        var dead = _folder.Write($"posts/.post.md.{DeadProcessId()}.{guid}.tmp", "half a post");
        // Kept: a writer still alive (this process), and names that only look alike.
        var live = _folder.Write($"posts/.post.md.{Environment.ProcessId}.{guid}.tmp", "being written");
        var lookAlikes = new[] { "posts/.post.md.tmp", $"posts/post.md.{DeadProcessId()}.{guid}.tmp", $"posts/.post.md.{DeadProcessId()}.tmp" }
            .Select(name => _folder.Write(name, "mine")).ToList();

        var result = CliRunner.Run(_folder.Path, command, "posts");
        output.WriteLine($"$ snippetcheck {command} posts → exit {result.ExitCode}\n{result.Output}");

        Assert.False(File.Exists(dead), $"{command} left {dead}");
        Assert.True(File.Exists(live));
        Assert.All(lookAlikes, path => Assert.True(File.Exists(path), path));
    }

    public void Dispose() => _folder.Dispose();
}
