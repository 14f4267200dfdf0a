using System.Diagnostics;
using SnippetCheck.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SnippetCheck.Tests.Hardening;

/// <summary>
/// Issue 75, item 6: MSBuild reads environment variables as properties, so a library can build only with its author's
/// environment. A trusted run's confined build of the author's project sees that environment, as <c>dotnet build</c> in
/// their shell would; <c>--untrusted</c> keeps the allow-list and its sandbox line says so; and the <c>reproduce:</c>
/// line, run in a shell with the variable set, reproduces what the tool ran.
/// </summary>
[TakesSeconds(4)]
public sealed class BuildEnvironmentTests(ITestOutputHelper output) : IDisposable
{
    private const string NeedText = "NeedFromEnv is not yes: this library builds only with its environment";

    private readonly TempFolder _folder = new();

    private string Library => Path.Combine(_folder.Path, "lib", "Lib.csproj");

    private void WritePost()
    {
        _folder.Write("lib/Lib.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <NuGetAudit>false</NuGetAudit>
              </PropertyGroup>
              <Target Name="Need" BeforeTargets="Build;CoreCompile" Condition="'$(NeedFromEnv)' != 'yes'">
                <Error Text="{NeedText}" />
              </Target>
            </Project>
            """);
        _folder.Write("lib/Lib.cs", "namespace Acme;\n\npublic static class Lib { public static int Answer => 42; }\n");
        _folder.Write("posts/post.md", """
            ```csharp run
            #:project ../lib/Lib.csproj
            Console.WriteLine(Acme.Lib.Answer);
            ```

            ```output
            42
            ```
            """);
    }

    /// <summary>Verifies the post with <c>NeedFromEnv=yes</c> in the tool's environment; one package cache for both runs.</summary>
    private CliResult Verify(params string[] args)
    {
        var result = CliRunner.Run(_folder.Path, new Dictionary<string, string?>
        {
            ["NeedFromEnv"] = "yes",
            ["SNIPPETCHECK_PACKAGE_CACHE"] = Path.Combine(_folder.Path, "package-cache"),
        }, ["verify", "posts/post.md", "--no-cache", "-v", .. args]);
        output.WriteLine($"$ snippetcheck verify {string.Join(' ', args)} → exit {result.ExitCode}\n{result.Output}");
        return result;
    }

    private static string SandboxLine(CliResult result) =>
        result.Output.Split('\n').Single(l => l.StartsWith("sandbox: ", StringComparison.Ordinal));

    [SandboxFact(SandboxFeature.Filesystem)]
    public void A_trusted_build_sees_the_authors_environment_and_an_untrusted_one_is_refused_it_and_says_so()
    {
        WritePost();

        var trusted = Verify();

        Assert.True(trusted.ExitCode == 0, trusted.Output);
        Assert.Contains("1 passed", trusted.Output, StringComparison.Ordinal);
        Assert.Contains($"confined: no network, the author's environment (a trusted run's own project), private HOME, " +
            $"writes only obj/ and its output to build of {Library}", SandboxLine(trusted), StringComparison.Ordinal);

        // The same post, the same variable in the tool's environment, the same package cache: the build under --untrusted
        // does not reuse the trusted one, sees the allow-list, fails, and its sandbox line says which environment it saw.
        var untrusted = Verify("--untrusted");

        Assert.True(untrusted.ExitCode != 0, untrusted.Output);
        Assert.Contains(NeedText, untrusted.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("1 passed", untrusted.Output, StringComparison.Ordinal);
        var line = SandboxLine(untrusted);
        Assert.Contains($"confined: no network, environment: an allow-list (PATH, LANG, DOTNET_*; no credentials), private HOME, " +
            $"writes only obj/ and its output to build of {Library}", line, StringComparison.Ordinal);
        Assert.DoesNotContain("the author's environment", line, StringComparison.Ordinal);

        // What the tool ran, run in a shell that has the variable, fails as the tool's build did.
        var reproduce = untrusted.Output.Split('\n').First(l => l.Contains("reproduce: ", StringComparison.Ordinal));
        var command = reproduce[(reproduce.IndexOf("reproduce: ", StringComparison.Ordinal) + "reproduce: ".Length)..];
        var (exitCode, shellOutput) = Shell(command);
        Assert.True(exitCode != 0 && shellOutput.Contains(NeedText, StringComparison.Ordinal),
            $"'{command}' did not reproduce the failure (exit {exitCode}):\n{shellOutput}");
    }

    /// <summary>Runs <paramref name="command"/> with bash, <c>NeedFromEnv=yes</c> set, as the author's shell would.</summary>
    private (int ExitCode, string Output) Shell(string command)
    {
        var start = new ProcessStartInfo("bash", ["-c", command]) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["NeedFromEnv"] = "yes";
        start.Environment["HOME"] = Path.Combine(_folder.Path, "home");
        start.Environment["NUGET_PACKAGES"] = Path.Combine(_folder.Path, "shell-packages");
        Directory.CreateDirectory(start.Environment["HOME"]!);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        var text = stdout.Result + stderr;
        output.WriteLine($"$ {command} → exit {process.ExitCode}\n{text}");
        return (process.ExitCode, text);
    }

    public void Dispose() => _folder.Dispose();
}
