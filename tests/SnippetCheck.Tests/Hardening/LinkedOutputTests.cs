using System.Security;
using SnippetCheck.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SnippetCheck.Tests.Hardening;

/// <summary>
/// No write through a link a pull request commits where a build writes (issue 74, finding 3): Landlock resolves a path
/// when its rule is added, so a granted <c>obj/</c> that is a link to <c>../.git</c> granted <c>.git</c>, and a build's
/// <c>&lt;Exec&gt;</c> planted <c>.git/hooks/post-checkout</c>, which the job's next <c>git checkout</c> runs with its
/// token. The runner that confines a build opens each write grant without following a link and refuses a linked one;
/// the build fails with a message naming it. The control replaces the link with a real folder: the same Exec writes there.
/// </summary>
public sealed class LinkedOutputTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempFolder _folder = new();

    /// <summary>A library whose restore and build plant a hook through <c>obj/hooks/</c>, and a post that uses it.</summary>
    private void WriteCheckout()
    {
        Directory.CreateDirectory(Path.Combine(_folder.Path, ".git", "hooks"));
        _folder.Write(".git/config", "[core]\n");
        const string hooks = "$(MSBuildProjectDirectory)/obj/hooks";
        var script = $"mkdir -p '{hooks}'; echo 'echo pwned' > '{hooks}/post-checkout'; true";
        _folder.Write("evil/Lib.cs", "namespace Evil;\n\npublic static class Lib\n{\n    public static int Answer => 42;\n}\n");
        _folder.Write("evil/Evil.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
              <Target Name="Plant" BeforeTargets="Restore;CoreCompile">
                <Exec Command="bash -c {SecurityElement.Escape("'" + script.Replace("'", "'\\''", StringComparison.Ordinal) + "'")}" ContinueOnError="true" />
              </Target>
            </Project>
            """);
        _folder.Write("posts/post.md", """
            ```csharp run
            #:project ../evil/Evil.csproj
            Console.WriteLine(Evil.Lib.Answer);
            ```

            ```output
            42
            ```
            """);
    }

    private CliResult Run(string packageCache)
    {
        var result = CliRunner.Run(_folder.Path, new Dictionary<string, string?>
        {
            ["SNIPPETCHECK_PACKAGE_CACHE"] = Path.Combine(_folder.Path, packageCache),
        }, ["verify", "posts/post.md", "--no-cache"]);
        output.WriteLine($"$ snippetcheck verify posts/post.md → exit {result.ExitCode}\n{result.Output}");
        return result;
    }

    [SandboxFact(SandboxFeature.Filesystem)]
    public void A_build_never_writes_through_an_obj_folder_that_links_into_git()
    {
        WriteCheckout();
        var obj = Path.Combine(_folder.Path, "evil", "obj");
        Directory.CreateSymbolicLink(obj, "../.git");
        var hook = Path.Combine(_folder.Path, ".git", "hooks", "post-checkout");

        var linked = Run("package-cache");

        Assert.False(File.Exists(hook), $"the build wrote .git/hooks/post-checkout through evil/obj\n{linked.Output}");
        Assert.Equal([Path.Combine(_folder.Path, ".git", "config"), ], Directory.GetFiles(Path.Combine(_folder.Path, ".git")));
        Assert.NotEqual(0, linked.ExitCode);
        Assert.Contains("symbolic link", linked.Output, StringComparison.Ordinal);
        Assert.Contains(obj, linked.Output, StringComparison.Ordinal);
        Assert.Contains("posts/post.md(2,1): error SC2011", linked.Output, StringComparison.Ordinal);

        // The control: a real obj/ is written by the same Exec, and the post passes.
        Directory.Delete(obj);
        var plain = Run("package-cache-plain");
        Assert.True(plain.ExitCode == 0, plain.Output);
        Assert.True(File.Exists(Path.Combine(obj, "hooks", "post-checkout")), "the Exec never ran: the test proves nothing");
        Assert.False(File.Exists(hook));
    }

    public void Dispose() => _folder.Dispose();
}
