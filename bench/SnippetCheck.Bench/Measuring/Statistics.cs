namespace SnippetCheck.Bench.Measuring;

/// <summary>Repeated measurements of one scenario.</summary>
public sealed record Series(string Scenario, int Snippets, IReadOnlyList<Measurement> Runs, int Cached = -1)
{
    public TimeSpan Median => Sorted[Sorted.Count / 2];

    public TimeSpan Min => Sorted[0];

    public TimeSpan PerSnippet => Median / Math.Max(1, Snippets);

    /// <summary>The median CPU time (tool and runners, user and system).</summary>
    public TimeSpan CpuMedian => Runs.Select(r => r.Cpu).Order().ElementAt(Runs.Count / 2);

    /// <summary>The median system CPU time (tool and runners).</summary>
    public TimeSpan SystemCpuMedian => Runs.Select(r => r.SystemCpu).Order().ElementAt(Runs.Count / 2);

    public long ToolMaxRssKiB => Runs.Max(r => r.ToolMaxRssKiB);

    public long RunnerMaxRssKiB => Runs.Max(r => r.RunnerMaxRssKiB);

    public long TreePeakRssKiB => Runs.Max(r => r.TreePeakRssKiB);

    public long TreePeakPssKiB => Runs.Max(r => r.TreePeakPssKiB);

    private List<TimeSpan> Sorted => [.. Runs.Select(r => r.Wall).Order()];
}
