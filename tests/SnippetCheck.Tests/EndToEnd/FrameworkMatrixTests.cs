using System.Xml.Linq;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.EndToEnd;

/// <summary>
/// The target-framework matrix end to end (docs/frameworks.md): each block compiled against and run on each framework
/// for real (net8.0 here from the runtime pack, self-contained, unless a .NET 8 runtime is installed), its verdicts
/// kept per framework in every report format, a block narrowed with <c>frameworks=</c> not applicable where it says,
/// and <c>--accept</c> writing per-framework output only where the outputs differ.
/// </summary>
public sealed class FrameworkMatrixTests
{
    private const string Post = """
        ---
        snippetcheck:
          frameworks: [net8.0, net10.0]
        ---
        # A post read on .NET 8 and .NET 10

        ```csharp run name=runtime
        Console.WriteLine(Environment.Version.Major);
        ```

        ```output frameworks=net8.0
        8
        ```

        ```output
        10
        ```

        ```csharp run name=count-by
        var counts = new[] { "a", "b", "a" }.CountBy(w => w);
        foreach (var pair in counts) Console.WriteLine($"{pair.Key}: {pair.Value}");
        ```

        ```output
        a: 2
        b: 1
        ```

        ```csharp run name=lock frameworks=net9.0+
        System.Threading.Lock gate = new();
        lock (gate) Console.WriteLine("locked");
        ```

        ```output
        locked
        ```

        ```csharp run name=pinned
        #:property TargetFramework=net8.0
        Console.WriteLine($"net{Environment.Version.Major}.0");
        ```

        ```output
        net8.0
        ```

        """;

    [Fact]
    public void Each_block_is_verified_on_each_framework_and_every_report_names_where_it_failed()
    {
        using var folder = new TempFolder();
        folder.Write("post.md", Post);
        var summary = Path.Combine(folder.Path, "summary.md");
        var environment = new Dictionary<string, string?>(PackageTestCache.Environment) { ["GITHUB_ACTIONS"] = "true", ["GITHUB_STEP_SUMMARY"] = summary };

        var run = CliRunner.Run(folder.Path, environment, "verify", "post.md", "--no-cache",
            "--report", "json=r.json", "--report", "sarif=r.sarif", "--report", "junit=r.xml", "--report", "markdown=r.md");

        Assert.True(run.ExitCode == 1, run.Output);
        // The console: one line for the block that differs, naming both frameworks.
        Assert.Contains("post.md(20,38): error CS1061 on net8.0 (passes on net10.0): 'string[]' does not contain a definition for 'CountBy'", run.Stdout);
        Assert.Contains("3 passed, 1 failed", run.Stdout);
        // GitHub annotations and the step summary.
        Assert.Contains("::error file=post.md,line=20,col=38,", run.Stdout);
        Assert.Contains("::on net8.0 (passes on net10.0): ", run.Stdout);
        Assert.Contains("on net8.0 (passes on net10.0)", File.ReadAllText(summary));

        var report = JsonReport.Load(Path.Combine(folder.Path, "r.json"));
        Assert.Equal(["net8.0", "net10.0"], report.Summary.GetProperty("frameworks").EnumerateArray().Select(f => f.GetString()));
        string[] Statuses(string name) => [.. report.Snippet(name).GetProperty("frameworks").EnumerateArray().Select(f => $"{f.Str("framework")} {f.Str("status")}")];
        Assert.Equal(["net8.0 passed", "net10.0 passed"], Statuses("runtime"));
        Assert.Equal(["net8.0 failed", "net10.0 passed"], Statuses("count-by"));
        Assert.Equal(["net8.0 not-applicable", "net10.0 passed"], Statuses("lock"));
        Assert.Equal(["net8.0 passed", "net10.0 not-applicable"], Statuses("pinned"));
        // Each framework ran on its own runtime, and was checked against its own output block.
        var outputs = report.Snippet("runtime").GetProperty("frameworks").EnumerateArray().Select(f => (f.Str("expectedOutput"), f.Str("actualOutput"))).ToList();
        Assert.Equal([("8", "8\n"), ("10", "10\n")], outputs);
        var countBy = report.Snippet("count-by");
        Assert.Equal(("failed", "compile-error"), (countBy.Str("status"), countBy.Str("reason")));
        Assert.Equal("CS1061", countBy.GetProperty("frameworks")[0].Str("code"));

        // SARIF, JUnit and the markdown report say where it failed in their messages.
        Assert.Contains("on net8.0 (passes on net10.0)", File.ReadAllText(Path.Combine(folder.Path, "r.sarif")));
        var failure = XDocument.Load(Path.Combine(folder.Path, "r.xml")).Descendants("failure").Single();
        Assert.StartsWith("on net8.0 (passes on net10.0): ", failure.Attribute("message")!.Value);
        Assert.Contains("on net8.0 (passes on net10.0)", File.ReadAllText(Path.Combine(folder.Path, "r.md")));
    }

    [Fact]
    public void Accept_writes_one_output_where_the_frameworks_agree_and_one_per_framework_where_they_differ()
    {
        using var folder = new TempFolder();
        var post = """
            ```csharp run
            Console.WriteLine("same everywhere");
            ```

            ```output
            stale
            ```

            ```csharp run
            Console.WriteLine(Environment.Version.Major);
            ```

            ```output
            7
            ```

            The end.
            """;
        folder.Write("post.md", post);

        var run = CliRunner.Run(folder.Path, PackageTestCache.Environment, "verify", "post.md", "--no-cache", "--frameworks", "net8.0,net10.0", "--accept");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("post.md(5,1): accepted output for the snippet at line 1", run.Stdout);
        Assert.Contains("post.md(13,1): accepted output for the snippet at line 9; added an ```output frameworks=net8.0 block for the output that differs there", run.Stdout);
        // The main framework's output stays in the block the others share; the other one gets a block of its own.
        var expected = post.Replace("stale", "same everywhere", StringComparison.Ordinal)
            .Replace("```output\n7\n```\n", "```output\n10\n```\n\n```output frameworks=net8.0\n8\n```\n", StringComparison.Ordinal);
        Assert.Equal(expected, File.ReadAllText(Path.Combine(folder.Path, "post.md")));
        var again = CliRunner.Run(folder.Path, PackageTestCache.Environment, "verify", "post.md", "--no-cache", "--frameworks", "net8.0,net10.0");
        Assert.True(again.ExitCode == 0, again.Output);
    }

    /// <summary>
    /// Where <c>dotnet --list-runtimes</c> has the framework's runtime, snippets run on it, framework-dependent, as on a
    /// CI runner with <c>actions/setup-dotnet</c>. Here only .NET 10 is installed, so the test makes a .NET installation
    /// that also has .NET 8 (the runtime pack's files as a shared framework) and points DOTNET_ROOT at it.
    /// </summary>
    [Fact]
    public void A_framework_whose_runtime_is_installed_runs_on_that_runtime_and_one_that_is_not_runs_self_contained()
    {
        using var folder = new TempFolder();
        folder.Write("post.md", """
            ```csharp run
            var location = typeof(object).Assembly.Location;
            Console.WriteLine($"{Environment.Version.Major} {(location.Contains("/shared/Microsoft.NETCore.App/") ? "shared" : "self-contained")}");
            ```

            ```output frameworks=net8.0
            8 SHARING
            ```

            ```output
            10 shared
            ```

            """.Replace("SHARING", "self-contained", StringComparison.Ordinal));
        var selfContained = CliRunner.Run(folder.Path, PackageTestCache.Environment, "verify", "post.md", "--no-cache", "--frameworks", "net8.0,net10.0");
        Assert.True(selfContained.ExitCode == 0, selfContained.Output);

        // The runtime pack the first run restored, laid out as an installed shared framework beside .NET 10's.
        using var installation = new TempFolder();
        var runtimePack = Directory.GetFiles(Path.Combine(PackageTestCache.Root, "frameworks"), "packs.json", SearchOption.AllDirectories)
            .Select(File.ReadAllText).Select(text => System.Text.Json.JsonDocument.Parse(text).RootElement)
            .First(pack => pack.GetProperty("RuntimeVersion").GetString() is { } version && version.StartsWith("8.", StringComparison.Ordinal) && pack.GetProperty("RuntimeAssets").GetArrayLength() > 0);
        var root = RealDotnetRoot();
        var shared = Directory.CreateDirectory(Path.Combine(installation.Path, "shared", "Microsoft.NETCore.App", runtimePack.GetProperty("RuntimeVersion").GetString()!)).FullName;
        var assets = runtimePack.GetProperty("RuntimeAssets").EnumerateArray().Select(a => (From: a.GetProperty("Path").GetString()!, To: a.GetProperty("Destination").GetString()!)).ToList();
        foreach (var (from, to) in assets) File.Copy(from, Path.Combine(shared, to));
        // hostfxr lists a framework folder by its deps.json, which the runtime pack holds beside its assemblies.
        var depsJson = Path.Combine(Path.GetDirectoryName(assets.First(a => a.To.EndsWith(".dll", StringComparison.Ordinal)).From)!, "Microsoft.NETCore.App.deps.json");
        File.Copy(depsJson, Path.Combine(shared, "Microsoft.NETCore.App.deps.json"));
        foreach (var entry in new[] { "host", "sdk", "packs" }) Directory.CreateSymbolicLink(Path.Combine(installation.Path, entry), Path.Combine(root, entry));
        foreach (var framework in Directory.GetDirectories(Path.Combine(root, "shared", "Microsoft.NETCore.App")))
            Directory.CreateSymbolicLink(Path.Combine(installation.Path, "shared", "Microsoft.NETCore.App", Path.GetFileName(framework)), framework);
        // The muxer finds its host and frameworks beside its own file: a copy (File.Copy keeps its mode), not a link.
        File.Copy(Path.Combine(root, "dotnet"), Path.Combine(installation.Path, "dotnet"));
        folder.Write("post.md", File.ReadAllText(Path.Combine(folder.Path, "post.md")).Replace("8 self-contained", "8 shared", StringComparison.Ordinal));

        var environment = new Dictionary<string, string?>(PackageTestCache.Environment) { ["DOTNET_ROOT"] = installation.Path };
        var onShared = CliRunner.Run(folder.Path, environment, "verify", "post.md", "--no-cache", "--frameworks", "net8.0,net10.0");

        Assert.True(onShared.ExitCode == 0, onShared.Output);
        Assert.Contains("1 passed, 0 failed", onShared.Stdout);
    }

    private static string RealDotnetRoot()
    {
        var runtime = System.Runtime.InteropServices.RuntimeEnvironment.GetRuntimeDirectory();
        return Path.GetFullPath(Path.Combine(runtime, "..", "..", ".."));
    }

    [Fact]
    public void A_framework_outside_the_supported_ones_is_a_usage_error_that_lists_them()
    {
        using var folder = new TempFolder();
        folder.Write("post.md", "```csharp run\nConsole.WriteLine(1);\n```\n");

        var run = CliRunner.Run(folder.Path, "verify", "post.md", "--frameworks", "net8.0,net7.0");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--frameworks: 'net7.0' is not a supported target framework (supported: net8.0, net9.0, net10.0)", run.Output);
    }
}
