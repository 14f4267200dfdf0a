using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.EndToEnd;

/// <summary>Runs the real CLI once on one sample with a JSON report, shared by a test class's tests.</summary>
public abstract class SampleRunFixture : IDisposable
{
    private readonly TempFolder _folder = new();

    protected SampleRunFixture(string sample)
    {
        _folder.CopySample(sample);
        Result = CliRunner.RunProcess(_folder.Path, null, "verify", sample, "--report", "json=report.json");
        Report = JsonReport.Load(Path.Combine(_folder.Path, "report.json"));
        LeftoverRunners = ProcessProbe.RunnersOf(Result.ProcessId).Count;
    }

    public CliResult Result { get; }
    public JsonReport Report { get; }

    /// <summary>Runner processes of that run still alive after it ended.</summary>
    public int LeftoverRunners { get; }

    public void Dispose()
    {
        _folder.Dispose();
        GC.SuppressFinalize(this);
    }
}
