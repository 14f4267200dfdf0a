using System.Runtime.InteropServices;
using System.Text.Json;
using SnippetCheck.Bench.Measuring;

namespace SnippetCheck.Bench.Scenarios;

/// <summary>What the JSON report's summary said about one verify run.</summary>
public sealed record VerifySummary(int Passed, int Failed, int Cached);

/// <summary>A published <c>snippetcheck</c> in a folder, run the way a user runs it.</summary>
public sealed class PublishedTool(string directory)
{
    public string Directory { get; } = Path.GetFullPath(directory);

    public string Dll => Path.Combine(Directory, "snippetcheck.dll");

    /// <summary>The cache options (<c>--no-cache</c>, <c>--cache-dir</c>) arrived with the result cache; older builds lack them.</summary>
    public async Task<bool> SupportsCacheAsync()
    {
        var help = await ProcessMeter.RunAsync("dotnet", ["exec", Dll, "verify", "--help"], Directory);
        return help.Stdout.Contains("--no-cache", StringComparison.Ordinal) && help.Stdout.Contains("--cache-dir", StringComparison.Ordinal);
    }

    /// <summary>Whether this build of verify has an option (older builds measured side by side may not).</summary>
    public async Task<bool> SupportsOptionAsync(string option)
    {
        var help = await ProcessMeter.RunAsync("dotnet", ["exec", Dll, "verify", "--help"], Directory);
        return help.Stdout.Contains(option, StringComparison.Ordinal);
    }

    /// <summary>Verifies a folder and checks that every snippet passed; a benchmark of failing snippets would measure nothing.</summary>
    public async Task<(Measurement Measurement, VerifySummary Summary)> VerifyAsync(string folder, int expectedSnippets, params string[] options)
    {
        var report = Path.Combine(Path.GetTempPath(), $"snippetcheck-bench-{Guid.NewGuid():N}.json");
        try
        {
            var measurement = await ProcessMeter.RunAsync("dotnet", ["exec", Dll, "verify", ".", "--report", $"json={report}", .. options], folder,
                new Dictionary<string, string> { ["CI"] = "true", ["NO_COLOR"] = "1" });
            var summary = File.Exists(report) ? ReadSummary(report) : null;
            if (measurement.ExitCode != 0 || summary is null || summary.Failed != 0 || summary.Passed != expectedSnippets)
            {
                throw new InvalidOperationException(
                    $"verify {string.Join(' ', options)} in {folder} did not pass all {expectedSnippets} snippets " +
                    $"(exit {measurement.ExitCode}, {summary})\n{Tail(measurement.Stdout)}\n{Tail(measurement.Stderr)}");
            }
            return (measurement, summary);
        }
        finally
        {
            File.Delete(report);
        }
    }

    /// <summary>Whether this build has <c>render</c> (issue 27); older builds measured side by side lack it.</summary>
    public async Task<bool> SupportsRenderAsync()
    {
        var help = await ProcessMeter.RunAsync("dotnet", ["exec", Dll, "--help"], Directory);
        return help.Stdout.Contains("render", StringComparison.Ordinal);
    }

    /// <summary>Renders a folder into <paramref name="output"/> and checks that every block was verified and rendered.</summary>
    public async Task<Measurement> RenderAsync(string folder, int expectedSnippets, string output, params string[] options)
    {
        var measurement = await ProcessMeter.RunAsync("dotnet", ["exec", Dll, "render", ".", "--out", output, .. options], folder,
            new Dictionary<string, string> { ["CI"] = "true", ["NO_COLOR"] = "1" });
        if (measurement.ExitCode != 0 || !measurement.Stdout.Contains($"{expectedSnippets} passed, 0 failed", StringComparison.Ordinal))
            throw new InvalidOperationException($"render {string.Join(' ', options)} in {folder} did not pass all {expectedSnippets} snippets (exit {measurement.ExitCode})\n{Tail(measurement.Stdout)}\n{Tail(measurement.Stderr)}");
        return measurement;
    }

    /// <summary>
    /// Publishes the CLI in Release for this machine's RID, so the csproj's publish settings (ReadyToRun) apply;
    /// <paramref name="composite"/> makes it self-contained with runtime, framework and tool in one composite image.
    /// </summary>
    public static async Task<PublishedTool> PublishAsync(string repositoryRoot, string output, bool composite, params string[] extraProperties)
    {
        var project = Path.Combine(repositoryRoot, "src", "SnippetCheck.Cli", "SnippetCheck.Cli.csproj");
        string[] build = composite ? ["--self-contained", "true", "-p:PublishReadyToRunComposite=true"] : ["--self-contained", "false"];
        // The SDK's incremental ReadyToRun step does not notice a switch between composite and per-assembly
        // images in the same intermediate folder (the per-assembly publish then ships composite stubs and aborts).
        foreach (var intermediate in System.IO.Directory.GetDirectories(Path.Combine(repositoryRoot, "src"), RuntimeInformation.RuntimeIdentifier, SearchOption.AllDirectories)
                     .Where(d => d.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            System.IO.Directory.Delete(intermediate, recursive: true);
        }
        var result = await ProcessMeter.RunAsync("dotnet",
            ["publish", project, "-c", "Release", "-r", RuntimeInformation.RuntimeIdentifier, .. build, "-o", output,
             "-nologo", "-clp:ErrorsOnly", .. extraProperties.Select(p => "-p:" + p)],
            repositoryRoot, timeout: TimeSpan.FromMinutes(30));
        if (result.ExitCode != 0) throw new InvalidOperationException($"dotnet publish failed:\n{result.Stdout}\n{result.Stderr}");
        return new PublishedTool(output);
    }

    private static VerifySummary? ReadSummary(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        if (!document.RootElement.TryGetProperty("summary", out var summary)) return null;
        var cached = summary.TryGetProperty("cached", out var c) && c.ValueKind == JsonValueKind.Number ? c.GetInt32() : -1;
        return new VerifySummary(summary.GetProperty("passed").GetInt32(), summary.GetProperty("failed").GetInt32(), cached);
    }

    private static string Tail(string text) => text.Length <= 4000 ? text : "…" + text[^4000..];
}
