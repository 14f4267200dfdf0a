using SnippetCheck.Bench.Corpus;
using SnippetCheck.Bench.Measuring;

namespace SnippetCheck.Bench.Scenarios;

/// <summary>The same snippets the way a reader checks them by hand: one file each, <c>dotnet run file.cs</c>.</summary>
public sealed record BaselineResult(IReadOnlyList<Measurement> Runs)
{
    /// <summary>The first file: cold when the SDK's build servers (MSBuild, the compiler server) were not running yet.</summary>
    public Measurement First => Runs[0];

    /// <summary>The mean of the others, with the SDK's build servers warm.</summary>
    public TimeSpan WarmMean => Runs.Count < 2 ? Runs[0].Wall : TimeSpan.FromTicks((long)Runs.Skip(1).Average(r => r.Wall.Ticks));

    /// <summary>CPU time of <c>dotnet run</c> itself; its build servers' share is not counted (they are not its children).</summary>
    public TimeSpan WarmCpuMean => Runs.Count < 2 ? Runs[0].Cpu : TimeSpan.FromTicks((long)Runs.Skip(1).Average(r => r.Cpu.Ticks));
}

public static class DotnetRunBaseline
{
    /// <summary>
    /// Runs a sample of the corpus's lone <c>run</c> snippets (without prelude: a file-based app has none) with
    /// <c>dotnet run file.cs</c>, each in a folder of its own outside any repository (so no Directory.Build.props
    /// applies), and checks each printed what its output block says.
    /// </summary>
    public static async Task<BaselineResult> RunAsync(GeneratedCorpus corpus, int sampleSize, string workFolder)
    {
        var sample = corpus.Snippets.Where(s => s is { Kind: SnippetKind.Run, UsesPrelude: false }).Take(sampleSize).ToList();
        var runs = new List<Measurement>();
        foreach (var snippet in sample)
        {
            // A new folder per run and per benchmark: the SDK caches a file-based app's build by its path.
            var name = $"bench-{Guid.NewGuid():N}"[..18];
            var folder = Path.Combine(workFolder, name);
            Directory.CreateDirectory(folder);
            var file = Path.Combine(folder, name + ".cs");
            await File.WriteAllTextAsync(file, snippet.Body.Code + "\n");
            var run = await ProcessMeter.RunAsync("dotnet", ["run", Path.GetFileName(file)], folder,
                new Dictionary<string, string> { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1" });
            if (run.ExitCode != 0 || Normalize(run.Stdout) != Normalize(snippet.Body.Output!))
            {
                throw new InvalidOperationException($"dotnet run {file} did not print its expected output (exit {run.ExitCode}):\n{run.Stdout}\n{run.Stderr}");
            }
            runs.Add(run);
            Directory.Delete(folder, recursive: true);
            RemoveBuildOutput(name);
        }
        return new BaselineResult(runs);
    }

    /// <summary>The SDK keeps each file-based app's build in a folder named after the file; ours are not needed again.</summary>
    private static void RemoveBuildOutput(string name)
    {
        var root = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "dotnet", "runfile");
        if (!Directory.Exists(root)) return;
        foreach (var folder in Directory.GetDirectories(root, name + "-*")) Directory.Delete(folder, recursive: true);
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
}
