namespace SnippetCheck.Configuration;

// The rows of how a run goes (environment, parallelism, cache, sandbox, network) and how it is judged (coverage,
// stale tags, scrubbers, fixtures); the documents' and compilation's rows are in Settings.cs.
public static partial class Settings
{
    /// <summary>The <c>environment</c> setting (<see cref="SnippetCheckConfig.Environment"/>).</summary>
    public static readonly Setting<IReadOnlyList<string>?> Environment =
        new("environment", RunOnly, c => c.Environment, (c, v) => c with { Environment = v }, ConfigValues.Strings("a list of variable names"))
    {
        Default = [],
        CacheKey = KeyPlace.In("the run-wide part too: each \"allowed\" name and its value"),
        Widens = c => c.Environment is { Count: > 0 } names ? $"passes {string.Join(", ", names)} from the tool's environment to snippets" : null,
    };

    /// <summary>The <c>parallelism</c> setting (<see cref="SnippetCheckConfig.Parallelism"/>).</summary>
    public static readonly Setting<int?> Parallelism = new("parallelism", RunOnly, c => c.Parallelism, (c, v) => c with { Parallelism = v },
        ConfigValues.WholeNumber(count => count >= 1, "a whole number of at least 1"))
    {
        DefaultFor = _ => System.Environment.ProcessorCount,
        Option = new("--parallel", "Snippets compiled and run at once (default: processor count)") { Validate =
            count => (int)count < 1 ? "--parallel must be at least 1" : null },
        CacheKey = KeyPlace.None("it changes no verdict"),
        Widens = c => c.Parallelism > Untrusted.ParallelismCap
            ? $"runs {c.Parallelism} snippets at once, past this machine's {Untrusted.ParallelismCap} processors" : null,
    };

    /// <summary>The <c>cache</c> setting (<see cref="SnippetCheckConfig.Cache"/>).</summary>
    public static readonly Setting<bool?> Cache = new("cache", RunOnly, c => c.Cache, (c, v) => c with { Cache = v }, ConfigValues.Bool)
    {
        Default = true,
        Option = new("--no-cache", "Verify everything; neither read nor write the result cache") { SwitchValue = false },
        CacheKey = KeyPlace.None("it turns the cache off"),
    };

    /// <summary>The <c>strictTags</c> setting (<see cref="SnippetCheckConfig.StrictTags"/>).</summary>
    public static readonly Setting<bool?> StrictTags =
        new("strictTags", PerFile, c => c.StrictTags, (c, v) => c with { StrictTags = v }, ConfigValues.Bool)
    { Default = false, CacheKey = KeyPlace.None("an annotation error is never cached") };

    /// <summary>The <c>memoryLimit</c> setting (<see cref="SnippetCheckConfig.MemoryLimit"/>).</summary>
    public static readonly Setting<long?> MemoryLimit =
        new("memoryLimit", RunOnly, c => c.MemoryLimit, (c, v) => c with { MemoryLimit = v }, ConfigValues.MemoryLimit)
    {
        Default = 1L << 30,
        CacheKey = KeyPlace.In("the run-wide part too, \"memory\""),
        Widens = c => c.MemoryLimit > Untrusted.MemoryLimitCap
            ? $"raises each runner's heap to {c.MemoryLimit / (double)(1L << 30):0.#} GiB, past the {Untrusted.MemoryLimitCap >> 30} GiB cap" : null,
    };

    /// <summary>The <c>sandbox</c> setting (<see cref="SnippetCheckConfig.Sandbox"/>), typed: its enum is the core's own.</summary>
    internal static readonly Setting<SandboxMode?> TypedSandbox = new("sandbox", RunOnly, c => c.Sandbox, (c, v) => c with { Sandbox = v },
        ConfigValues.Choice<SandboxMode>("\"auto\" or \"off\"", ("auto", SandboxMode.Auto), ("off", SandboxMode.Off)))
    {
        Default = SandboxMode.Auto,
        Option = new("--no-sandbox",
            "Run snippets unconfined: they may read your files, write anywhere and use the network (SECURITY.md)") { SwitchValue = SandboxMode.Off },
        CacheKey = KeyPlace.None("a confined and an unconfined run give one verdict, or a sandbox error"),
        Widens = c => c.Sandbox == SandboxMode.Off ? "runs snippets unconfined" : null,
    };

    /// <summary>The <c>sandbox</c> setting, for a host: its <c>--no-sandbox</c> switch (<see cref="Setting.Switched"/>).</summary>
    public static readonly Setting Sandbox = TypedSandbox;

    /// <summary>The <c>sandboxRead</c> setting (<see cref="SnippetCheckConfig.SandboxRead"/>).</summary>
    public static readonly Setting<IReadOnlyList<string>?> SandboxRead =
        new("sandboxRead", RunOnly, c => c.SandboxRead, (c, v) => c with { SandboxRead = v }, ConfigValues.Strings("a list of paths"))
    {
        Default = [],
        CacheKey = KeyPlace.None("as sandbox"),
        Widens = c => c.SandboxRead is { Count: > 0 } paths ? $"lets snippets read {string.Join(", ", paths)}" : null,
    };

    /// <summary>The <c>sandboxWrite</c> setting (<see cref="SnippetCheckConfig.SandboxWrite"/>).</summary>
    public static readonly Setting<IReadOnlyList<string>?> SandboxWrite =
        new("sandboxWrite", RunOnly, c => c.SandboxWrite, (c, v) => c with { SandboxWrite = v }, ConfigValues.Strings("a list of paths"))
    {
        Default = [],
        CacheKey = KeyPlace.None("as sandbox"),
        Widens = c => c.SandboxWrite is { Count: > 0 } paths ? $"lets snippets write {string.Join(", ", paths)}" : null,
    };

    /// <summary>The <c>network</c> setting (<see cref="SnippetCheckConfig.Network"/>).</summary>
    public static readonly Setting<bool?> Network = new("network", PerBlock, c => c.Network, (c, v) => c with { Network = v }, ConfigValues.Bool)
    {
        Default = false,
        Tag = TagRule.Flag("network"),
        Merge = SettingMerge.TagTurnsOn("a block's tag, or the nearest layer, allows it"),
        CacheKey = KeyPlace.In("each block's \"tags\" too (the tag)"),
        Widens = c => c.Network == true ? "opens the network to snippets" : null,
    };

    /// <summary>The <c>requireVerified</c> setting (<see cref="SnippetCheckConfig.RequireVerified"/>).</summary>
    public static readonly Setting<bool?> RequireVerified =
        new("requireVerified", RunOnly, c => c.RequireVerified, (c, v) => c with { RequireVerified = v }, ConfigValues.Bool)
    {
        Default = false,
        Option = new("--require-verified", "Fail (exit 1, SC3010) when the run verified no snippet at all") { SwitchValue = true },
        CacheKey = KeyPlace.None(NotAVerdict),
    };

    /// <summary>The <c>minCoverage</c> setting (<see cref="SnippetCheckConfig.MinCoverage"/>).</summary>
    public static readonly Setting<double?> MinCoverage =
        new("minCoverage", RunOnly, c => c.MinCoverage, (c, v) => c with { MinCoverage = v }, ConfigValues.Percentage)
    {
        Option = new("--min-coverage", "Fail (exit 1, SC3013) when the run verified less than this percentage of its C# blocks")
        { HelpName = "PERCENT", Validate = percent => (double)percent is < 0 or > 100 ? "--min-coverage must be a percentage from 0 to 100" : null },
        CacheKey = KeyPlace.None(NotAVerdict),
    };

    /// <summary>The <c>minCheckCoverage</c> setting (<see cref="SnippetCheckConfig.MinCheckCoverage"/>).</summary>
    public static readonly Setting<double?> MinCheckCoverage =
        new("minCheckCoverage", RunOnly, c => c.MinCheckCoverage, (c, v) => c with { MinCheckCoverage = v }, ConfigValues.Percentage)
    {
        Option = new("--min-check-coverage",
            "Fail (exit 1, SC3013) when the run checked or verified less than this percentage of its C# blocks ('check' blocks count)")
        { HelpName = "PERCENT", Validate =
            percent => (double)percent is < 0 or > 100 ? "--min-check-coverage must be a percentage from 0 to 100" : null },
        CacheKey = KeyPlace.None(NotAVerdict),
    };

    /// <summary>
    /// The <c>stale</c> setting (<see cref="SnippetCheckConfig.StaleTags"/>): how a stale <c>ignore</c> tag is reported. Not
    /// <c>--stale</c>, which runs the ignored blocks (<c>VerifyOptions.RunIgnored</c>).
    /// </summary>
    internal static readonly Setting<StaleMode?> StaleTags = new("stale", RunOnly, c => c.StaleTags, (c, v) => c with { StaleTags = v },
        ConfigValues.Choice<StaleMode>(
            "\"warn\", \"error\" or \"off\"", ("warn", StaleMode.Warn), ("error", StaleMode.Error), ("off", StaleMode.Off)))
    { Default = StaleMode.Warn, CacheKey = KeyPlace.None("ignored blocks are never cached") };

    /// <summary>The <c>engineWords</c> setting (<see cref="SnippetCheckConfig.EngineWords"/>).</summary>
    public static readonly Setting<IReadOnlyList<string>?> EngineWords =
        new("engineWords", PerFile, c => c.EngineWords, (c, v) => c with { EngineWords = v },
        ConfigValues.Strings("a list of words, such as [\"linenos\", \"title\"]"))
    { CacheKey = KeyPlace.None("it only silences a warning") };

    /// <summary>The <c>scrub</c> setting (<see cref="SnippetCheckConfig.Scrub"/>).</summary>
    public static readonly Setting<IReadOnlyList<string>?> Scrub =
        new("scrub", PerBlock, c => c.Scrub, (c, v) => c with { Scrub = v }, ConfigValues.Scrub)
    {
        Tag = TagRule.Value<IReadOnlyList<string>>(
            "scrub", SettingValues.TryParseScrub, value => $"'scrub={value}' must name scrubbers, such as scrub=duration,hex or scrub=none"),
        Merge = SettingMerge.TagAdds("a block's tag and its output block's add to the file's"),
        CacheKey = KeyPlace.In("each block's \"scrub\" too"),
    };

    internal static readonly Setting<IReadOnlyList<CustomScrubber>?> Scrubbers =
        new("scrubbers", RunOnly, c => c.Scrubbers, (c, v) => c with { Scrubbers = v }, ConfigValues.Scrubbers)
    { CacheKey = KeyPlace.In("each block's \"scrub\" too (the scrubbers it uses)") };

    /// <summary>The <c>fixture</c> setting (<see cref="SnippetCheckConfig.Fixture"/>).</summary>
    public static readonly Setting<bool?> Fixture = new("fixture", PerFile, c => c.Fixture, (c, v) => c with { Fixture = v }, ConfigValues.Bool)
    { Default = false, CacheKey = KeyPlace.In("\"fixture\" too") };

    /// <summary>The <c>hiddenFences</c> setting (<see cref="SnippetCheckConfig.HiddenFences"/>).</summary>
    public static readonly Setting<IReadOnlyList<string>?> HiddenFences =
        new("hiddenFences", PerFile, c => c.HiddenFences, (c, v) => c with { HiddenFences = v },
        ConfigValues.Strings("a list of info strings, such as [\"requiredcode\"]"))
    { CacheKey = KeyPlace.In("each \"prelude\" too (the hidden code)") };
}
