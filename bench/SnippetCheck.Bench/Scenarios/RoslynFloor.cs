using System.Runtime.InteropServices;
using SnippetCheck.Bench.Corpus;
using SnippetCheck.Bench.Measuring;

namespace SnippetCheck.Bench.Scenarios;

/// <summary>
/// The Roslyn floor (<c>../shared/floor/roslynbench</c>): the same runnable snippets compiled merged in 4 chunks and run
/// in its own process, with no isolation at all. A lower bound, measured beside the tool in the same repetitions, so
/// that every figure can be read as a ratio to it (its README gives the configuration used here).
/// </summary>
public sealed class RoslynFloor(string dll)
{
    public string Dll { get; } = dll;

    /// <summary>Publishes the floor ReadyToRun for this machine, as its README says; null when its source is not there.</summary>
    public static async Task<RoslynFloor?> PublishAsync(string floorFolder, string output)
    {
        var project = Path.Combine(floorFolder, "roslynbench");
        if (!Directory.Exists(project)) return null;
        var result = await ProcessMeter.RunAsync("dotnet",
            ["publish", project, "-c", "Release", "-r", RuntimeInformation.RuntimeIdentifier, "--self-contained", "false",
             "-p:PublishReadyToRun=true", "-o", output, "-nologo", "-clp:ErrorsOnly"],
            project, timeout: TimeSpan.FromMinutes(15));
        if (result.ExitCode != 0) throw new InvalidOperationException($"publishing the floor failed:\n{result.Stdout}\n{result.Stderr}");
        return new RoslynFloor(Path.Combine(output, "roslynbench.dll"));
    }

    /// <summary>Writes the corpus's runnable snippets for the floor once, into <c>floor/</c> beside the posts.</summary>
    public static string InputFor(GeneratedCorpus corpus)
    {
        var folder = Path.Combine(corpus.Directory, "..", Path.GetFileName(corpus.Directory) + "-floor");
        if (!Directory.Exists(folder)) corpus.WriteFloorInput(folder);
        return Path.GetFullPath(folder);
    }

    public async Task<Measurement> RunAsync(string input)
    {
        var measurement = await ProcessMeter.RunAsync("dotnet", ["exec", Dll, "merged", input, "--opt", "debug", "--chunks", "4", "--parallel-run"],
            input, new Dictionary<string, string> { ["DOTNET_TieredPGO"] = "0" });
        if (measurement.ExitCode != 0) throw new InvalidOperationException($"the floor failed on {input}:\n{measurement.Stdout}\n{measurement.Stderr}");
        return measurement;
    }
}
