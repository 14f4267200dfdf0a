using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SnippetCheck.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SnippetCheck.Tests.Hardening;

/// <summary>
/// A pull request's own SDK (issue 74, finding 6): its <c>global.json</c> names an SDK folder of its own
/// (<c>"sdk": { "paths": ["sdkroot"] }</c>) whose <c>dotnet.dll</c> is a tiny app compiled here, which writes what it
/// sees (the job's <c>GITHUB_TOKEN</c>, its arguments) to a canary file outside the checkout. Under <c>--untrusted</c>
/// that global.json is refused at its line before any <c>dotnet</c> runs; <c>outdated</c> (which has no <c>--untrusted</c>)
/// runs every <c>dotnet</c> confined, so the fake SDK can neither see the token nor write outside.
/// </summary>
[TakesSeconds(2)]
public sealed class SdkPathsTests(ITestOutputHelper output) : IDisposable
{
    private const string Token = "GITHUB-TOKEN-CANARY";

    private readonly TempFolder _folder = new();

    private string Canary => Path.Combine(_folder.Path, "outside", "canary.txt");

    /// <summary>The checkout: a post pinning a package, and a global.json whose SDK is the fake one.</summary>
    private void WriteCheckout(string paths = "\"sdkroot\"")
    {
        Directory.CreateDirectory(Path.Combine(_folder.Path, "outside"));
        _folder.Write("global.json", $$"""
            {
              "sdk": {
                "version": "10.0.999",
                "rollForward": "disable",
                "paths": [{{paths}}]
              }
            }
            """);
        WriteFakeSdk(Path.Combine(_folder.Path, "sdkroot", "sdk", "10.0.999"));
        _folder.Write("posts/post.md", """
            # A pinned package

            ```csharp run
            #:package Humanizer.Core@2.14.1
            Console.WriteLine("hello");
            ```
            """);
    }

    /// <summary>A framework-dependent app named <c>dotnet.dll</c>: the muxer runs it as the SDK's CLI.</summary>
    private void WriteFakeSdk(string folder)
    {
        Directory.CreateDirectory(folder);
        var source = $$"""
            System.IO.File.AppendAllText(@"{{Canary}}",
                $"ran [{string.Join(' ', args)}] token=[{System.Environment.GetEnvironmentVariable("GITHUB_TOKEN")}]\n");
            """;
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p) is "System.Runtime.dll" or "System.Private.CoreLib.dll" or "System.Console.dll")
            .Select(p => MetadataReference.CreateFromFile(p));
        var compilation = CSharpCompilation.Create("dotnet", [CSharpSyntaxTree.ParseText(source)], references,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication));
        var emitted = compilation.Emit(Path.Combine(folder, "dotnet.dll"));
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        // The muxer takes the runtime from beside the SDK it picked: a pull request links the machine's.
        var shared = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", ".."));
        Directory.CreateSymbolicLink(Path.Combine(folder, "..", "..", "shared"), shared);
        File.WriteAllText(Path.Combine(folder, "dotnet.runtimeconfig.json"), """
            { "runtimeOptions": { "tfm": "net10.0", "framework": { "name": "Microsoft.NETCore.App", "version": "10.0.0" } } }
            """);
    }

    private CliResult Run(params string[] args)
    {
        var result = CliRunner.Run(_folder.Path, new Dictionary<string, string?>
        {
            ["GITHUB_TOKEN"] = Token,
            ["SNIPPETCHECK_PACKAGE_CACHE"] = Path.Combine(_folder.Path, "outside", "package-cache"),
        }, args);
        output.WriteLine($"$ snippetcheck {string.Join(' ', args)} → exit {result.ExitCode}\n{result.Output}");
        return result;
    }

    private string CanaryText => File.Exists(Canary) ? File.ReadAllText(Canary) : "";

    [SandboxFact(SandboxFeature.Filesystem)]
    public void Under_untrusted_a_global_json_naming_sdk_paths_is_refused_at_its_line_and_its_sdk_never_runs()
    {
        WriteCheckout();

        var result = Run("verify", "posts/post.md", "--untrusted", "--packages", "newest", "--no-cache");

        Assert.True(CanaryText == "", $"the pull request's SDK ran: {CanaryText}");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("global.json(5,", result.Output, StringComparison.Ordinal);
        Assert.Contains("SC3017", result.Output, StringComparison.Ordinal);
    }

    [SandboxFact(SandboxFeature.Filesystem)]
    public void The_installation_s_own_sdk_through_host_is_not_refused()
    {
        WriteCheckout(paths: "\"$host$\"");
        File.WriteAllText(Path.Combine(_folder.Path, "global.json"), """{ "sdk": { "paths": ["$host$"] } }""");
        _folder.Write("posts/post.md", "```csharp run\nConsole.WriteLine(\"hello\");\n```\n\n```output\nhello\n```\n");

        var result = Run("verify", "posts/post.md", "--untrusted", "--no-cache");

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.DoesNotContain("SC3017", result.Output, StringComparison.Ordinal);
    }

    [SandboxFact(SandboxFeature.Filesystem)]
    public void Outdated_runs_its_dotnet_confined_so_a_fake_sdk_sees_no_token_and_writes_nothing_outside()
    {
        WriteCheckout();

        var result = Run("outdated", "posts/post.md");

        Assert.True(CanaryText == "", $"outdated ran the pull request's SDK unconfined: {CanaryText}");
        // It did run (a trusted run's dotnet reads the SDK folders its global.json names), and was denied its canary.
        Assert.Contains($"Access to the path '{Canary}' is denied", result.Output, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();
}
