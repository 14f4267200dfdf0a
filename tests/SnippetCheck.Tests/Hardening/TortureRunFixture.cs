using System.Security.Cryptography;
using System.Text.Json;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Hardening;

/// <summary>One expected verdict from <c>Samples/torture/expected.json</c>.</summary>
public sealed record ExpectedSnippet(string File, int Line, string? Name, string Status, string? Reason)
{
    public override string ToString() => $"{File}({Line}) {Name}: {Status}{(Reason is null ? "" : $" [{Reason}]")}";
}

/// <summary>One expected file error (a problem not tied to one snippet) from <c>expected.json</c>.</summary>
public sealed record ExpectedError(string File, int Line, string Code)
{
    public override string ToString() => $"{File}({Line}): {Code}";
}

/// <summary>
/// Runs the real CLI once over <c>Samples/torture</c> in place (hostile snippets and malformed posts), with a
/// private TMPDIR and no result cache (every hostile snippet must really run), and records what the tests check: verdicts, file errors, stray processes, leftover work
/// folders and changed files. The figures are written to <c>torture-figures.json</c> beside the tests.
/// </summary>
public sealed class TortureRunFixture : IDisposable
{
    /// <summary>Every process a torture snippet starts runs <c>sleep 307.x</c>, so strays are easy to find.</summary>
    public const string ChildMarker = "sleep 307.";

    private readonly TempFolder _scratch = new();

    public TortureRunFixture()
    {
        Folder = Path.Combine(Samples.Directory, "torture");
        var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "expected.json"))).RootElement;
        ExpectedSnippets = [.. expected.GetProperty("snippets").EnumerateArray().Select(s =>
            new ExpectedSnippet(s.Str("file")!, s.Int("line"), s.Str("name"), s.Str("status")!, s.Str("reason")))];
        ExpectedErrors = [.. expected.GetProperty("errors").EnumerateArray().Select(e => new ExpectedError(e.Str("file")!, e.Int("line"), e.Str("code")!))];

        var before = HashFiles(Folder);
        var tmp = Directory.CreateDirectory(Path.Combine(_scratch.Path, "tmp")).FullName;
        var reportPath = Path.Combine(_scratch.Path, "report.json");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using (var cli = new CliProcess(Folder, new Dictionary<string, string?> { ["TMPDIR"] = tmp }, "verify", "hostile", "malformed", "--no-cache", "--report", $"json={reportPath}"))
        {
            Result = cli.WaitForExit(TimeSpan.FromMinutes(3)) ?? throw new TimeoutException("the torture run did not finish in 3 minutes");
            Duration = clock.Elapsed;
            ProcessProbe.WaitUntil(() => ProcessProbe.RunnersOf(cli.Id).Count == 0 && ProcessProbe.Matching(ChildMarker).Count == 0, TimeSpan.FromSeconds(3));
            StrayProcesses = [.. ProcessProbe.RunnersOf(cli.Id).Concat(ProcessProbe.Matching(ChildMarker)).Select(p => p.CommandLine)];
        }
        LeftoverWorkFolders = [.. Directory.GetFileSystemEntries(tmp, "snippetcheck-*")];
        var after = HashFiles(Folder);
        ChangedFiles = [.. before.Where(b => !after.TryGetValue(b.Key, out var hash) || hash != b.Value).Select(b => b.Key)];
        NewFiles = [.. after.Keys.Except(before.Keys)];

        Report = JsonReport.Load(reportPath);
        Actual = [.. Report.Snippets.Select(s => new ExpectedSnippet(s.Str("file")!, s.Int("line"), s.Str("name"), s.Str("status")!, s.Str("reason")))];
        ActualErrors = [.. Report.Root.GetProperty("errors").EnumerateArray().Select(e => new ExpectedError(e.Str("file")!, e.Int("line"), e.Str("code")!))];
        Figures = new TortureFigures(
            HostileCases: ExpectedSnippets.Count(s => s.File.StartsWith("hostile/", StringComparison.Ordinal)),
            MalformedFiles: Directory.GetFiles(Path.Combine(Folder, "malformed"), "*.md").Length,
            Verdicts: ExpectedSnippets.Count + ExpectedErrors.Count,
            VerdictsRight: ExpectedSnippets.Intersect(Actual).Count() + ExpectedErrors.Intersect(ActualErrors).Count(),
            StrayProcesses: StrayProcesses.Count,
            LeftoverWorkFolders: LeftoverWorkFolders.Count,
            ChangedFiles: ChangedFiles.Count + NewFiles.Count,
            ExitCode: Result.ExitCode,
            Seconds: Math.Round(Duration.TotalSeconds, 1));
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "torture-figures.json"),
            JsonSerializer.Serialize(Figures, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase }));
    }

    public string Folder { get; }
    public CliResult Result { get; }
    public TimeSpan Duration { get; }
    public JsonReport Report { get; }
    public IReadOnlyList<ExpectedSnippet> ExpectedSnippets { get; }
    public IReadOnlyList<ExpectedError> ExpectedErrors { get; }
    public IReadOnlyList<ExpectedSnippet> Actual { get; }
    public IReadOnlyList<ExpectedError> ActualErrors { get; }
    public IReadOnlyList<string> StrayProcesses { get; }
    public IReadOnlyList<string> LeftoverWorkFolders { get; }
    public IReadOnlyList<string> ChangedFiles { get; }
    public IReadOnlyList<string> NewFiles { get; }
    public TortureFigures Figures { get; }

    private static Dictionary<string, string> HashFiles(string folder) =>
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(
            path => Path.GetRelativePath(folder, path).Replace('\\', '/'),
            path => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path))));

    public void Dispose() => _scratch.Dispose();
}

/// <summary>The numbers docs/torture.md shows for the torture suite.</summary>
public sealed record TortureFigures(
    int HostileCases, int MalformedFiles, int Verdicts, int VerdictsRight, int StrayProcesses, int LeftoverWorkFolders, int ChangedFiles, int ExitCode, double Seconds);
