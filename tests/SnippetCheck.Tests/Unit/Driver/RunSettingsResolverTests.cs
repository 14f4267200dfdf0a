using SnippetCheck.Caching;
using SnippetCheck.Configuration;
using SnippetCheck.Driver;
using SnippetCheck.Model;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Unit.Driver;

/// <summary>
/// The façade's side of a run's settings: the command line over the config file, read once, so the engine never sees
/// the host's <see cref="VerifyOptions"/>. No file is read but a config the test writes.
/// </summary>
public sealed class RunSettingsResolverTests
{
    [Fact]
    public void The_cache_folder_is_beside_the_config_unless_the_host_names_one_and_none_when_the_cache_is_off()
    {
        using var folder = new TempFolder();
        var config = new SnippetCheckConfig { SourcePath = Path.Combine(folder.Path, "docs", "snippetcheck.json") };
        var options = new VerifyOptions { CurrentDirectory = folder.Path };

        Assert.Equal(Path.Combine(folder.Path, "docs", ResultCache.DefaultFolder), RunSettingsResolver.Resolve(options, config).CacheDirectory);
        Assert.Equal(Path.Combine(folder.Path, "elsewhere"),
            RunSettingsResolver.Resolve(options with { CacheDirectory = "elsewhere" }, config).CacheDirectory);
        Assert.Null(RunSettingsResolver.Resolve(options with { CommandLine = new SnippetCheckConfig { Cache = false } }, config).CacheDirectory);
    }

    [Fact]
    public void The_command_line_wins_over_the_config_and_no_merge_is_the_command_lines_alone()
    {
        using var folder = new TempFolder();
        var options = new VerifyOptions { CurrentDirectory = folder.Path, CommandLine = new SnippetCheckConfig { Parallelism = 3 } };

        var settings = RunSettingsResolver.Resolve(options, new SnippetCheckConfig { Parallelism = 5 });
        var unmerged = RunSettingsResolver.Resolve(options with { NoMerge = true }, new SnippetCheckConfig());

        Assert.Equal((3, true), (settings.Parallelism, settings.Merge));
        Assert.False(unmerged.Merge);
    }

    [Fact]
    public void Untrusted_refuses_no_sandbox_before_anything_runs()
    {
        using var folder = new TempFolder();
        var options = new VerifyOptions
        {
            CurrentDirectory = folder.Path, Untrusted = true, CommandLine = new SnippetCheckConfig { Sandbox = SandboxMode.Off },
        };

        var refused = Assert.Throws<VerificationSetupException>(() => RunSettingsResolver.Resolve(options, new SnippetCheckConfig()));

        Assert.Equal(DiagnosticCodes.UntrustedRefused, refused.Code);
        // Refused as the command line's own switch, not later as a machine that cannot confine.
        Assert.StartsWith("--untrusted refuses --no-sandbox: it runs snippets unconfined", refused.Message);
    }
}
