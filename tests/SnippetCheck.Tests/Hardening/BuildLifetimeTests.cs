using SnippetCheck.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SnippetCheck.Tests.Hardening;

/// <summary>
/// A confined restore or build dies with the tool and has a timeout of its own (issue 74, finding 7): a <c>#:project</c>
/// whose build runs <c>&lt;Exec Command="sleep …"/&gt;</c> is left running neither by a SIGKILLed CLI nor by a build that
/// never ends. Each run gets its own TMPDIR and package cache; the sleep's unique length finds its process in /proc.
/// </summary>
[TakesSeconds(4)]
public sealed class BuildLifetimeTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly string _marker = ProcessProbe.UniqueSleepSeconds();

    private IReadOnlyList<(int Id, string CommandLine)> Sleeps => ProcessProbe.Matching("sleep " + _marker);

    /// <summary>A post whose <c>#:project</c>'s build sleeps for five minutes before it compiles.</summary>
    private void WriteHangingProject()
    {
        _folder.Write("lib/Lib.cs", "namespace Lib; public static class Answer { public static int Value => 42; }\n");
        _folder.Write("lib/Lib.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
              <Target Name="Hang" BeforeTargets="CoreCompile">
                <Exec Command="sleep {_marker}" />
              </Target>
            </Project>
            """);
        _folder.Write("posts/post.md", """
            # A library that never builds

            ```csharp run
            #:project ../lib/Lib.csproj
            Console.WriteLine(Lib.Answer.Value);
            ```
            """);
    }

    private CliProcess Start(Dictionary<string, string?>? extra = null)
    {
        var environment = new Dictionary<string, string?>
        {
            ["TMPDIR"] = Directory.CreateDirectory(Path.Combine(_folder.Path, "tmp")).FullName,
            ["SNIPPETCHECK_PACKAGE_CACHE"] = Path.Combine(_folder.Path, "package-cache"),
        };
        foreach (var (name, value) in extra ?? []) environment[name] = value;
        return new CliProcess(_folder.Path, environment, "verify", "posts/post.md", "--no-cache", "-v");
    }

    [SandboxFact(SandboxFeature.PidNamespace)]
    public void A_build_the_killed_cli_started_dies_with_it()
    {
        WriteHangingProject();
        using var cli = Start();
        var started = ProcessProbe.WaitUntil(() => Sleeps.Count > 0 || cli.HasExited, TimeSpan.FromMinutes(2));
        Assert.True(started && !cli.HasExited, $"the build never reached its Exec: {cli.WaitForExit(TimeSpan.Zero)?.Output}");

        cli.Signal("KILL");
        Assert.NotNull(cli.WaitForExit(TimeSpan.FromSeconds(10)));

        var gone = ProcessProbe.WaitUntil(() => Sleeps.Count == 0, TimeSpan.FromSeconds(5));
        Assert.True(gone, $"the build's Exec outlived the killed CLI: {string.Join("; ", Sleeps.Select(s => $"{s.Id} {s.CommandLine}"))}");
    }

    [SandboxFact(SandboxFeature.PidNamespace)]
    public void A_build_that_never_ends_is_stopped_by_its_timeout_with_a_diagnostic_at_the_directive()
    {
        WriteHangingProject();
        // The internal seam that shortens the builds' and restores' timeouts (docs/packages.md): seconds, not minutes. Long
        // enough for the restore on a loaded machine; the build's Exec then sleeps past it.
        using var cli = Start(new() { ["SNIPPETCHECK_BUILD_TIMEOUT"] = "25" });

        var result = cli.WaitForExit(TimeSpan.FromSeconds(150));

        Assert.True(result is not null, "the build was not stopped by its timeout: the CLI was still running after 150 s");
        output.WriteLine(result.Output);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("did not finish within 25 seconds", result.Output, StringComparison.Ordinal);
        Assert.Contains("posts/post.md(4,1): error SC2011", result.Output.Replace('\\', '/'), StringComparison.Ordinal);
        Assert.True(ProcessProbe.WaitUntil(() => Sleeps.Count == 0, TimeSpan.FromSeconds(5)), "the timed-out build's Exec is still running");
    }

    public void Dispose()
    {
        // A failed run's survivors must not outlive the test either.
        foreach (var (id, _) in Sleeps)
        {
            try
            {
                System.Diagnostics.Process.GetProcessById(id).Kill();
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
                // Gone already.
            }
        }
        _folder.Dispose();
    }
}
