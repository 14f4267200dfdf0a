using SnippetCheck.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SnippetCheck.Tests.Hardening;

/// <summary>
/// What a pull request's checkout may make the tool reach around its snippets (issue 74, findings 1, 2 and 5): config
/// <c>references</c> and <c>preludes</c>, a <c>#:project</c>'s <c>ProjectReference</c>s, and a <c>nuget.config</c>'s local
/// feeds. The checkout (<c>repo/</c>, the folder the tool runs in) holds a <c>.git/config</c> with a token; the job's HOME,
/// beside it, a <c>.ssh/id_rsa</c>. Each case shows the leak the checkout could cause, then that it is held.
/// </summary>
[TakesSeconds(240)]
public sealed class UntrustedReachTests(ITestOutputHelper output) : IDisposable
{
    private const string GitToken = "GIT_TOKEN_CANARY_4711", KeyValue = "SSH_KEY_CANARY_0815";

    private readonly TempFolder _folder = new();

    private string Repo => Path.Combine(_folder.Path, "repo");

    private string Home => Path.Combine(_folder.Path, "home");

    private string Key => Path.Combine(Home, ".ssh", "id_rsa");

    private string GitConfig => Path.Combine(Repo, ".git", "config");

    private CliResult Verify(params string[] args)
    {
        _folder.Write("repo/.git/config", $"[http]\n\textraheader = AUTHORIZATION: basic {GitToken}\n");
        _folder.Write("home/.ssh/id_rsa", KeyValue);
        var result = CliRunner.Run(Repo, new Dictionary<string, string?>
        {
            ["HOME"] = Home,
            ["SNIPPETCHECK_PACKAGE_CACHE"] = Path.Combine(_folder.Path, "package-cache"),
        }, ["verify", "--no-cache", "-v", "--report", "json=report.json", .. args]);
        output.WriteLine($"$ snippetcheck verify {string.Join(' ', args)} → exit {result.ExitCode}\n{result.Output}");
        return result;
    }

    /// <summary>A snippet that prints the checkout's <c>.git/config</c>, or that it could not.</summary>
    private string ReadingGitConfig => $$"""
        ```csharp run
        try { Console.WriteLine(File.ReadAllText(@"{{GitConfig}}").Trim()); }
        catch (UnauthorizedAccessException) { Console.WriteLine("blocked"); }
        ```

        ```output
        blocked
        ```
        """;

    private string SandboxLine(CliResult result) => result.Output.Split('\n').Single(l => l.StartsWith("sandbox: ", StringComparison.Ordinal));

    [SandboxFact(SandboxFeature.Filesystem)]
    public void A_config_reference_gives_the_runners_a_copy_under_untrusted_and_every_run_names_what_it_granted()
    {
        Directory.CreateDirectory(Repo);
        File.Copy(typeof(Assert).Assembly.Location, Path.Combine(Repo, "Helper.dll"));
        _folder.Write("repo/snippetcheck.json", "{\n  \"references\": [\"Helper.dll\"]\n}\n");
        _folder.Write("repo/post.md", ReadingGitConfig);

        var untrusted = Verify("post.md", "--untrusted");

        Assert.True(untrusted.ExitCode == 0, untrusted.Output);
        Assert.DoesNotContain(GitToken, untrusted.Output, StringComparison.Ordinal);
        // The runners read a copy of the reference in the tool's own cache, and the sandbox line says so.
        var granted = SandboxLine(untrusted);
        Assert.Contains($"read {Path.Combine(_folder.Path, "package-cache")}", granted, StringComparison.Ordinal);
        Assert.DoesNotContain($"read {Repo} ", granted, StringComparison.Ordinal);

        // Control: trusted, the reference's folder (the checkout, .git and all) is granted, the snippet reads the token,
        // and the grant is on the sandbox line and in the report.
        var trusted = Verify("post.md");
        Assert.True(trusted.ExitCode == 1, trusted.Output);
        Assert.Contains(GitToken, trusted.Output, StringComparison.Ordinal);
        Assert.Contains($"read {Repo} to ", SandboxLine(trusted), StringComparison.Ordinal);
        var grants = JsonReport.Load(Path.Combine(Repo, "report.json")).Root.GetProperty("sandbox").GetProperty("grants").EnumerateArray();
        Assert.Contains(grants, g => g.Str("what") == $"read {Repo}");
    }

    [SandboxTheory(SandboxFeature.Filesystem)]
    [InlineData("references", "../home/lib/Helper.dll", "")]
    [InlineData("preludes", "../home/leak.cs", "")]
    [InlineData("preludes", "notes.cs", "../home/.ssh/id_rsa")]
    [InlineData("preludes", ".git/leak.cs", "")]
    public void A_config_path_outside_the_checkout_or_into_git_is_refused_at_its_line(string key, string path, string linkTo)
    {
        Directory.CreateDirectory(Path.Combine(Home, "lib"));
        File.Copy(typeof(Assert).Assembly.Location, Path.Combine(Home, "lib", "Helper.dll"));
        // C# a prelude would compile into every program: each snippet could print the secret.
        var leak = $"static class Leak {{ public const string Secret = \"{KeyValue} {GitToken}\"; }}\n";
        _folder.Write("home/leak.cs", leak);
        _folder.Write("repo/.git/leak.cs", leak);
        _folder.Write("repo/post.md", "```csharp run\nConsole.WriteLine(1);\n```\n\n```output\n1\n```\n");
        if (linkTo.Length > 0) File.CreateSymbolicLink(Path.Combine(Repo, path), linkTo);
        _folder.Write("repo/snippetcheck.json", $"{{\n  \"timeout\": \"20s\",\n  \"{key}\": [\"{path}\"]\n}}\n");

        var refused = Verify("post.md", "--untrusted");

        Assert.True(refused.ExitCode == 2, refused.Output);
        Assert.Contains($"snippetcheck.json(3,1): --untrusted refuses '{key}'", refused.Output, StringComparison.Ordinal);
        Assert.Contains("SC3017", refused.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(KeyValue, refused.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(GitToken, refused.Output, StringComparison.Ordinal);
    }

    /// <summary>A library the post builds with <c>#:project</c>, whose build notes what it could read of the key and the token.</summary>
    private string WriteLibrary(string folder, string projectReferences)
    {
        _folder.Write($"{folder}/Lib.cs", "namespace Lib;\n\npublic static class Answer\n{\n    public static int Value => 42;\n}\n");
        return _folder.Write($"{folder}/Lib.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
              <ItemGroup>
            {projectReferences}
              </ItemGroup>
              <Target Name="Steal" BeforeTargets="CoreCompile">
                <ReadLinesFromFile File="{Key}" ContinueOnError="true"><Output TaskParameter="Lines" ItemName="Key" /></ReadLinesFromFile>
                <ReadLinesFromFile File="{GitConfig}" ContinueOnError="true"><Output TaskParameter="Lines" ItemName="Git" /></ReadLinesFromFile>
                <PropertyGroup><SeenKey>@(Key)</SeenKey><SeenGit>@(Git)</SeenGit></PropertyGroup>
                <WriteLinesToFile File="$(MSBuildProjectDirectory)/obj/seen.txt" Lines="ran key=[$(SeenKey)] git=[$(SeenGit)]" Overwrite="true" />
              </Target>
            </Project>
            """);
    }

    private void WritePost(string project) => _folder.Write("repo/posts/post.md", $"""
        ```csharp run
        #:project {project}
        Console.WriteLine(Lib.Answer.Value);
        ```

        ```output
        42
        ```
        """);

    private string Seen(string folder, CliResult result)
    {
        var notes = Path.Combine(_folder.Path, folder, "obj", "seen.txt");
        Assert.True(File.Exists(notes), $"the library's build never ran its target: the test proves nothing\n{result.Output}");
        var seen = File.ReadAllText(notes);
        output.WriteLine($"what the build saw: {seen}");
        return seen;
    }

    [SandboxFact(SandboxFeature.Filesystem)]
    public void A_commented_out_project_reference_opens_nothing_to_the_build()
    {
        WriteLibrary("repo/lib", $"""
                <!-- <ProjectReference Include="{Key}" /> -->
                <!-- <ProjectReference Include="{GitConfig}" /> -->
                <ProjectReference Include="{Path.Combine(Home, ".ssh", "id_rsa")}" Condition="'$(Never)' == 'true'" />
            """);
        WritePost("../lib/Lib.csproj");

        var result = Verify("posts/post.md");

        Assert.True(result.ExitCode == 0, result.Output);
        var seen = Seen("repo/lib", result);
        Assert.Contains("ran key=[] git=[]", seen, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(Home, ".ssh", "obj")), "the tool made a folder in ~/.ssh");
        Assert.False(Directory.Exists(Path.Combine(Repo, ".git", "obj")), "the tool made a folder in .git");
    }

    /// <summary>
    /// A multi-targeting library's reference under a condition MSBuild takes (<c>'$(TargetFramework)' != ''</c>) is reached:
    /// the build reads it. Conditions the tool cannot decide are followed, and only left ungranted where they would reach
    /// where no build may (above: the key under <c>'$(Never)' == 'true'</c>).
    /// </summary>
    [SandboxFact(SandboxFeature.Filesystem)]
    public void A_conditional_project_reference_msbuild_takes_is_reached_and_builds()
    {
        _folder.Write("repo/core/Core.cs", "namespace Core;\n\npublic static class Half\n{\n    public static int Of(int x) => x / 2;\n}\n");
        _folder.Write("repo/core/Core.csproj",
            "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>\n</Project>\n");
        WriteLibrary("repo/lib", """    <ProjectReference Include="../core/Core.csproj" Condition="'$(TargetFramework)' != ''" />""");
        _folder.Write("repo/lib/Lib.cs", "namespace Lib;\n\npublic static class Answer\n{\n    public static int Value => Core.Half.Of(84);\n}\n");
        WritePost("../lib/Lib.csproj");

        var result = Verify("posts/post.md");

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("ran key=[] git=[]", Seen("repo/lib", result), StringComparison.Ordinal);
    }

    [SandboxTheory(SandboxFeature.Filesystem)]
    [InlineData("key")]
    [InlineData("git")]
    public void A_project_reference_into_home_or_git_is_refused_at_the_project_directive(string target)
    {
        WriteLibrary("repo/lib", $"""    <ProjectReference Include="{(target == "key" ? Key : GitConfig)}" />""");
        WritePost("../lib/Lib.csproj");

        var result = Verify("posts/post.md");

        Assert.True(result.ExitCode == 1, result.Output);
        Assert.Contains("posts/post.md(2,", result.Output, StringComparison.Ordinal);
        Assert.Contains("Lib.csproj(4,", result.Output, StringComparison.Ordinal);
        Assert.Contains("refused", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(KeyValue, result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(GitToken, result.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(Home, ".ssh", "obj")), "the tool made a folder in ~/.ssh");
        Assert.False(Directory.Exists(Path.Combine(Repo, ".git", "obj")), "the tool made a folder in .git");
    }

    [SandboxFact(SandboxFeature.Filesystem)]
    public void A_project_outside_the_checkout_is_refused_under_untrusted_and_builds_when_trusted()
    {
        WriteLibrary("sibling", "");
        WritePost("../../sibling/Lib.csproj");

        var untrusted = Verify("posts/post.md", "--untrusted");

        Assert.True(untrusted.ExitCode == 1, untrusted.Output);
        Assert.Contains("posts/post.md(2,1): error SC3017: --untrusted refuses", untrusted.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_folder.Path, "sibling", "obj")), "the tool made a folder outside the checkout");

        var trusted = Verify("posts/post.md");
        Assert.True(trusted.ExitCode == 0, trusted.Output);
        Assert.Contains("ran key=[] git=[]", Seen("sibling", trusted), StringComparison.Ordinal);
    }

    [SandboxFact(SandboxFeature.Filesystem)]
    public void A_nuget_config_naming_the_checkout_as_a_feed_is_refused_under_untrusted_and_never_opens_git()
    {
        WriteLibrary("repo/lib", "");
        WritePost("../lib/Lib.csproj");
        // A "feed" of the checkout's root, made to look as if it held a package.
        _folder.Write("repo/feed/Some.Package.1.0.0.nupkg", "not really a package");
        _folder.Write("repo/nuget.config", """
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <!-- <add key="commented" value="/" /> -->
                <add key="checkout" value="." />
              </packageSources>
            </configuration>
            """);

        // Trusted, the feed is not granted: it is the checkout's root, and would open its .git.
        var trusted = Verify("posts/post.md");
        Assert.True(trusted.ExitCode == 0, trusted.Output);
        Assert.Contains("ran key=[] git=[]", Seen("repo/lib", trusted), StringComparison.Ordinal);

        var untrusted = Verify("posts/post.md", "--untrusted");
        Assert.True(untrusted.ExitCode == 2, untrusted.Output);
        Assert.Contains("nuget.config(5,", untrusted.Output, StringComparison.Ordinal);
        Assert.Contains("SC3017", untrusted.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(GitToken, untrusted.Output, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();
}
