using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SnippetCheck.Model;
using SnippetCheck.Store;

namespace SnippetCheck.Configuration;

/// <summary>Where a setting may be given; config <c>snippetcheck.json</c> is always one place.</summary>
[Flags]
public enum SettingScope
{
    /// <summary>The config file, and the command line if the setting has an option.</summary>
    Run = 1,

    /// <summary>A post's front matter too (a setting without it is "run-only", and front matter naming it is an error).</summary>
    File = 2,

    /// <summary>A block's tag too (<see cref="Setting.Tag"/>).</summary>
    Block = 4,
}

/// <summary>
/// One setting, described once: its config and front-matter key, its tag, its command-line option, where it may be
/// given, how its config value is read (with the error that names the key), its default, how layers merge, and where it
/// enters the cache key. <see cref="Settings.All"/> is the table; the readers and overlays are derived from it.
/// </summary>
public abstract class Setting(string key, SettingScope scope)
{
    /// <summary>The key in <c>snippetcheck.json</c> and in front matter's <c>snippetcheck:</c> map.</summary>
    public string Key { get; } = key;

    internal SettingScope Scope { get; } = scope;

    /// <summary>The tag that sets it on one block (<c>timeout=2s</c>, <c>network</c>), read by <c>Snippets.TagParser</c>; null when no tag does.</summary>
    internal TagRule? Tag { get; init; }

    /// <summary>The <c>verify</c> option that sets it for a run, over config and front matter; null when none does.</summary>
    public SettingOption? Option { get; init; }

    /// <summary>
    /// How layers merge: config, then front matter, then the command line, the nearer set value winning; where a
    /// block's tag joins, what it does to the file's value.
    /// </summary>
    public string Merge { get; init; } = "the nearest layer that sets it wins";

    /// <summary>Whether the value can change a verdict, and so is in every program's cache key (<see cref="Settings.AddKeyed"/>).</summary>
    public required KeyPlace CacheKey { get; init; }

    /// <summary>True when front matter may not set it: it applies to a whole run.</summary>
    public bool RunOnly => !Scope.HasFlag(SettingScope.File);

    /// <summary>
    /// What the value in a config grants snippets beyond the sandbox (<c>"opens the network"</c>), or null when it grants
    /// nothing: <c>--untrusted</c> refuses every such value from the checkout, naming the setting and its place.
    /// </summary>
    internal Func<SnippetCheckConfig, string?>? Widens { get; init; }

    /// <summary>The sandbox grant <paramref name="config"/>'s value of this setting makes (<see cref="Widens"/>), or null.</summary>
    internal string? WideningIn(SnippetCheckConfig config) => Widens?.Invoke(config);

    /// <summary>The value <paramref name="input"/> gives, set on <paramref name="config"/>; a <see cref="ConfigException"/> naming the key when it is bad.</summary>
    internal abstract SnippetCheckConfig Read(SnippetCheckConfig config, SettingInput input);

    /// <summary><paramref name="under"/> with this setting's value from <paramref name="over"/>, when <paramref name="over"/> sets it.</summary>
    internal abstract SnippetCheckConfig Overlay(SnippetCheckConfig under, SnippetCheckConfig over);

    /// <summary>The value in <paramref name="config"/> as key text (null when not set), for the cache key.</summary>
    internal abstract string? KeyText(SnippetCheckConfig config);

    /// <summary>
    /// The sandbox grant a block's tag value of this setting makes (<see cref="Widens"/>), or null; only for a setting whose
    /// tag value is of the setting's own type (<c>network</c>'s flag).
    /// </summary>
    internal abstract string? WideningOfTag(object value);

    /// <summary>Calls <paramref name="visitor"/> with this setting typed (a host builds an option of the setting's type).</summary>
    public abstract TResult Accept<TResult>(ISettingVisitor<TResult> visitor);
}

/// <summary>Something done with a setting of its own type (<see cref="Setting.Accept"/>).</summary>
public interface ISettingVisitor<out TResult>
{
    /// <summary>Does it with <paramref name="setting"/>, typed.</summary>
    TResult Visit<T>(Setting<T> setting);
}

/// <summary>A setting of type <typeparamref name="T"/> (nullable: null is "not set here"), kept in <see cref="SnippetCheckConfig"/>.</summary>
public sealed class Setting<T>(string key, SettingScope scope, Func<SnippetCheckConfig, T> get, Func<SnippetCheckConfig, T, SnippetCheckConfig> set, Func<SettingInput, T> parse)
    : Setting(key, scope)
{
    /// <summary>The value <paramref name="config"/> holds; null when it does not set it.</summary>
    public T Get(SnippetCheckConfig config) => get(config);

    /// <summary><paramref name="config"/> with <paramref name="value"/> set (the command line's layer is written so).</summary>
    public SnippetCheckConfig With(SnippetCheckConfig config, T value) => set(config, value);

    /// <summary>
    /// The value when no layer sets it, for the framework of a pass (the SDK gives net8.0 C# 12, net10.0 C# 14); null when
    /// "not set" is itself the meaning (no coverage bar). Readers get it through <see cref="SettingDefaults"/>.
    /// </summary>
    internal Func<TargetFramework, T>? DefaultFor { get; init; }

    /// <summary>The default, the same on every framework (<see cref="DefaultFor"/>).</summary>
    internal T Default { get => DefaultFor is { } of ? of(TargetFramework.Tool) : default!; init => DefaultFor = _ => value; }

    internal override SnippetCheckConfig Read(SnippetCheckConfig config, SettingInput input) => set(config, parse(input));

    internal override SnippetCheckConfig Overlay(SnippetCheckConfig under, SnippetCheckConfig over) =>
        get(over) is { } value ? set(under, value) : under;

    internal override string? KeyText(SnippetCheckConfig config) => get(config) is { } value ? SettingValues.KeyText(value) : null;

    internal override string? WideningOfTag(object value) => Widens is null || value is not T typed ? null : WideningIn(set(new SnippetCheckConfig(), typed));

    /// <inheritdoc/>
    public override TResult Accept<TResult>(ISettingVisitor<TResult> visitor) => visitor.Visit(this);
}

/// <summary>One config or front-matter value being read: its file and key, for the error that names them.</summary>
public readonly record struct SettingInput(string File, string Key, RawValue Raw)
{
    /// <summary>The value as the reader gave it (a string, a number, a bool, a list).</summary>
    public object Value => Raw.Value;

    /// <summary><c>'KEY' must be EXPECTED, not VALUE</c>.</summary>
    internal ConfigException Bad(string expected) => Error($"'{Key}' must be {expected}, not {ConfigValues.Describe(Value)}");

    internal ConfigException Error(string message) => new(File, Raw.Line, message);
}

/// <summary>
/// The settings table: every setting of <c>snippetcheck.json</c>, front matter, tags and the command line, in the order
/// config errors list the known keys. Config, front matter, the tags of settings (<c>Snippets.TagParser</c>), <c>verify</c>'s
/// options (the CLI's <c>SettingOptions</c>), every overlay and the settings part of the cache key (<see cref="AddKeyed"/>)
/// are read from it. To add a setting: a property of <see cref="SnippetCheckConfig"/> below, a row here, and its use
/// (docs/architecture.md, "How to add"); its documentation goes in the README's config table.
/// </summary>
public static class Settings
{
    private const SettingScope RunOnly = SettingScope.Run;
    private const SettingScope PerFile = SettingScope.Run | SettingScope.File;
    private const SettingScope PerBlock = SettingScope.Run | SettingScope.File | SettingScope.Block;

    private const string NotAVerdict = "it judges the run, not a program";

    /// <summary>The implicit usings the SDK gives a console project: <c>usings</c>' default.</summary>
    internal static readonly IReadOnlyList<string> ImplicitUsings =
    [
        "System", "System.Collections.Generic", "System.IO", "System.Linq",
        "System.Net.Http", "System.Threading", "System.Threading.Tasks",
    ];

    /// <summary>The C# version the SDK gives a target framework (net8.0: C# 12, net9.0: 13, net10.0: 14): <c>langVersion</c>'s default.</summary>
    private static LanguageVersion? SdkLanguageVersion(TargetFramework framework) => framework.Major switch
    {
        8 => LanguageVersion.CSharp12,
        9 => LanguageVersion.CSharp13,
        _ => LanguageVersion.CSharp14,
    };

    /// <summary>The <c>include</c> setting (<see cref="SnippetCheckConfig.Include"/>).</summary>
    public static readonly Setting<IReadOnlyList<string>?> Include =
        new("include", RunOnly, c => c.Include, (c, v) => c with { Include = v }, ConfigValues.Strings("a list of globs"))
    { Default = ["**/*.md", "**/*.markdown", "**/*.mdx"], CacheKey = KeyPlace.None("it picks the files") };

    /// <summary>The <c>exclude</c> setting (<see cref="SnippetCheckConfig.Exclude"/>).</summary>
    public static readonly Setting<IReadOnlyList<string>?> Exclude =
        new("exclude", RunOnly, c => c.Exclude, (c, v) => c with { Exclude = v }, ConfigValues.Strings("a list of globs"))
    { Default = [], CacheKey = KeyPlace.None("it picks the files") };

    /// <summary>The <c>includeGenerated</c> setting (<see cref="SnippetCheckConfig.IncludeGenerated"/>).</summary>
    public static readonly Setting<bool?> IncludeGenerated =
        new("includeGenerated", RunOnly, c => c.IncludeGenerated, (c, v) => c with { IncludeGenerated = v }, ConfigValues.Bool)
    { Default = false, CacheKey = KeyPlace.None("it picks the files") };

    /// <summary>The <c>mode</c> setting (<see cref="SnippetCheckConfig.Mode"/>).</summary>
    public static readonly Setting<VerifyMode?> Mode = new("mode", PerFile, c => c.Mode, (c, v) => c with { Mode = v },
        ConfigValues.Choice<VerifyMode>("\"tagged\" or \"all\"", ("tagged", VerifyMode.Tagged), ("all", VerifyMode.All)))
    {
        Default = VerifyMode.Tagged,
        Option = new("--all", "Also verify untagged C# blocks, as 'compile'") { SwitchValue = VerifyMode.All },
        CacheKey = KeyPlace.In("a block's kind too (an untagged block verified as compile)"),
    };

    /// <summary>The <c>timeout</c> setting (<see cref="SnippetCheckConfig.Timeout"/>).</summary>
    public static readonly Setting<TimeSpan?> Timeout =
        new("timeout", PerBlock, c => c.Timeout, (c, v) => c with { Timeout = v }, ConfigValues.Duration)
    {
        Default = TimeSpan.FromSeconds(10),
        Tag = TagRule.Value<TimeSpan>("timeout", SettingValues.TryParseDuration, value => $"'timeout={value}' is not a duration (write 500ms, 10s or 2m)"),
        Option = new("--timeout", "Default timeout per snippet (500ms, 10s, 2m)")
        {
            Parse = text => SettingValues.TryParseDuration(text, out var timeout) ? (timeout, null) : (null, $"--timeout '{text}' is not a duration (write 500ms, 10s, 2m, 12h or 1d)"),
        },
        Merge = "a block's tag, else the nearest layer",
        CacheKey = KeyPlace.In("each block's \"timeout\" too"),
    };

    /// <summary>The <c>langVersion</c> setting (<see cref="SnippetCheckConfig.LangVersion"/>).</summary>
    public static readonly Setting<LanguageVersion?> LangVersion =
        new("langVersion", PerBlock, c => c.LangVersion, (c, v) => c with { LangVersion = v }, ConfigValues.LanguageVersion)
    {
        DefaultFor = SdkLanguageVersion,
        Tag = TagRule.Value<LanguageVersion>("langversion", SettingValues.TryParseLanguageVersion, value => $"'langversion={value}' is not a C# language version (write 12, 13, 14, preview)"),
        Merge = "the first block of a program that tags it, else the nearest layer",
        CacheKey = KeyPlace.In("the compile settings' key too"),
    };

    /// <summary>The <c>nullable</c> setting (<see cref="SnippetCheckConfig.Nullable"/>).</summary>
    public static readonly Setting<NullableContextOptions?> Nullable =
        new("nullable", PerBlock, c => c.Nullable, (c, v) => c with { Nullable = v }, ConfigValues.Nullable)
    {
        Default = NullableContextOptions.Enable,
        Tag = TagRule.Value<NullableContextOptions>("nullable", SettingValues.TryParseNullable, value => $"'nullable={value}' must be enable or disable"),
        Merge = "the first block of a program that tags it, else the nearest layer",
        CacheKey = KeyPlace.In("the compile settings' key too"),
    };

    internal static readonly Setting<BuildConfiguration?> Configuration =
        new("configuration", PerFile, c => c.Configuration, (c, v) => c with { Configuration = v }, ConfigValues.Configuration)
    { Default = BuildConfiguration.Debug, CacheKey = KeyPlace.In("the compile settings' key too") };

    /// <summary>The <c>warningLevel</c> setting (<see cref="SnippetCheckConfig.WarningLevel"/>).</summary>
    public static readonly Setting<int?> WarningLevel = new("warningLevel", PerFile, c => c.WarningLevel, (c, v) => c with { WarningLevel = v },
        ConfigValues.WholeNumber(SettingValues.IsWarningLevel, "a whole number from 0 to 9999 (net10.0 projects get 10)"))
    { DefaultFor = framework => framework.Major, CacheKey = KeyPlace.In("the compile settings' key too") };

    /// <summary>The <c>usings</c> setting (<see cref="SnippetCheckConfig.Usings"/>).</summary>
    public static readonly Setting<IReadOnlyList<string>?> Usings =
        new("usings", PerBlock, c => c.Usings, (c, v) => c with { Usings = v }, ConfigValues.Usings)
    {
        Default = ImplicitUsings,
        Tag = TagRule.Value<IReadOnlyList<string>>("usings", SettingValues.TryParseUsings,
            value => $"'usings={value}' must list namespaces, or static:Type for a using static, such as usings=System.Text,static:System.Console"),
        Merge = "a block's tag adds to the file's",
        CacheKey = KeyPlace.In("the compile settings' key too"),
    };

    /// <summary>The <c>frameworks</c> setting (<see cref="SnippetCheckConfig.Frameworks"/>).</summary>
    public static readonly Setting<IReadOnlyList<TargetFramework>?> Frameworks =
        new("frameworks", PerBlock, c => c.Frameworks, (c, v) => c with { Frameworks = v }, ConfigValues.Frameworks)
    {
        Default = [TargetFramework.Tool],
        Tag = TagRule.Value("frameworks", (value, _) => FrameworkSet.TryParse(value, out var problem) is { } frameworks
            ? TagReading.Good(frameworks) : TagReading.Bad($"'frameworks={value}': {problem}")),
        Option = new("--frameworks", $"Verify on each of these target frameworks, over config and front matter 'frameworks' ({TargetFramework.SupportedList})")
        {
            HelpName = "net8.0,net10.0",
            Parse = text => TargetFramework.TryParseList([text], out var unknown) is { } frameworks
                ? (frameworks, null) : (null, $"--frameworks: '{unknown ?? text}' is not a supported target framework (supported: {TargetFramework.SupportedList})"),
        },
        Merge = "a block's tag narrows the file's matrix (net9.0+ or a list)",
        CacheKey = KeyPlace.Through("the compile settings' key: the framework of the pass, not the matrix"),
    };

    /// <summary>The <c>references</c> setting (<see cref="SnippetCheckConfig.References"/>).</summary>
    public static readonly Setting<IReadOnlyList<string>?> References =
        new("references", RunOnly, c => c.References, (c, v) => c with { References = v }, ConfigValues.Strings("a list of .dll or .csproj paths"))
    {
        Merge = "the command line's --reference (the library under test, VerifyOptions.Library, with --runtime-assembly and --using) adds to it",
        CacheKey = KeyPlace.In("\"refs\" too, each reference by its content"),
    };

    /// <summary>The <c>packages</c> setting (<see cref="SnippetCheckConfig.Packages"/>).</summary>
    public static readonly Setting<IReadOnlyList<string>?> Packages =
        new("packages", RunOnly | SettingScope.Block, c => c.Packages, (c, v) => c with { Packages = v }, ConfigValues.Packages)
    {
        Tag = TagRule.Value("packages", (value, where) => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => PackageRequest.TryParse(p, where)).ToList() is { Count: > 0 } packages && packages.All(p => p is not null)
            ? TagReading.Good(packages.OfType<PackageRequest>().ToList())
            : TagReading.Bad($"'packages={value}' must list pinned packages, such as packages=Spectre.Console@0.57.2,Bogus@35.6.5")),
        Merge = "a block's tag adds to the run's",
        CacheKey = KeyPlace.In("\"refs\" too, the restored assemblies"),
    };

    /// <summary>The <c>preludes</c> setting (<see cref="SnippetCheckConfig.Preludes"/>).</summary>
    public static readonly Setting<IReadOnlyList<string>?> Preludes =
        new("preludes", RunOnly, c => c.Preludes, (c, v) => c with { Preludes = v }, ConfigValues.Preludes)
    { Merge = "before the page's own preludes", CacheKey = KeyPlace.In("each \"prelude\" too") };

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
        Option = new("--parallel", "Snippets compiled and run at once (default: processor count)") { Validate = count => (int)count < 1 ? "--parallel must be at least 1" : null },
        CacheKey = KeyPlace.None("it changes no verdict"),
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
    { Default = 1L << 30, CacheKey = KeyPlace.In("the run-wide part too, \"memory\"") };

    /// <summary>The <c>sandbox</c> setting (<see cref="SnippetCheckConfig.Sandbox"/>).</summary>
    public static readonly Setting<SandboxMode?> Sandbox = new("sandbox", RunOnly, c => c.Sandbox, (c, v) => c with { Sandbox = v },
        ConfigValues.Choice<SandboxMode>("\"auto\" or \"off\"", ("auto", SandboxMode.Auto), ("off", SandboxMode.Off)))
    {
        Default = SandboxMode.Auto,
        Option = new("--no-sandbox", "Run snippets unconfined: they may read your files, write anywhere and use the network (SECURITY.md)") { SwitchValue = SandboxMode.Off },
        CacheKey = KeyPlace.None("a confined and an unconfined run give one verdict, or a sandbox error"),
        Widens = c => c.Sandbox == SandboxMode.Off ? "runs snippets unconfined" : null,
    };

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
        Merge = "a block's tag, or the nearest layer, allows it",
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
        Option = new("--min-check-coverage", "Fail (exit 1, SC3013) when the run checked or verified less than this percentage of its C# blocks ('check' blocks count)")
        { HelpName = "PERCENT", Validate = percent => (double)percent is < 0 or > 100 ? "--min-check-coverage must be a percentage from 0 to 100" : null },
        CacheKey = KeyPlace.None(NotAVerdict),
    };

    internal static readonly Setting<StaleMode?> Stale = new("stale", RunOnly, c => c.Stale, (c, v) => c with { Stale = v },
        ConfigValues.Choice<StaleMode>("\"warn\", \"error\" or \"off\"", ("warn", StaleMode.Warn), ("error", StaleMode.Error), ("off", StaleMode.Off)))
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
        Tag = TagRule.Value<IReadOnlyList<string>>("scrub", SettingValues.TryParseScrub, value => $"'scrub={value}' must name scrubbers, such as scrub=duration,hex or scrub=none"),
        Merge = "a block's tag and its output block's add to the file's",
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

    /// <summary>The <c>warnAsError</c> setting (<see cref="SnippetCheckConfig.WarnAsError"/>).</summary>
    public static readonly Setting<bool?> WarnAsError =
        new("warnAsError", PerBlock, c => c.WarnAsError, (c, v) => c with { WarnAsError = v }, ConfigValues.Bool)
    {
        Default = false,
        Tag = TagRule.Flag("warnaserror"),
        Merge = "any block's tag, or the nearest layer, turns it on",
        CacheKey = KeyPlace.In("the compile settings' key too"),
    };

    /// <summary>The <c>noWarn</c> setting (<see cref="SnippetCheckConfig.NoWarn"/>).</summary>
    public static readonly Setting<IReadOnlyList<string>?> NoWarn = new("noWarn", PerBlock, c => c.NoWarn, (c, v) => c with { NoWarn = v },
        ConfigValues.AsTag<IReadOnlyList<string>>(SettingValues.TryParseDiagnosticIds, "a list of diagnostic IDs, such as [\"CS0618\", \"CS0168\"]"))
    {
        Default = [],
        Tag = TagRule.Value<IReadOnlyList<string>>("nowarn", SettingValues.TryParseDiagnosticIds, value => $"'nowarn={value}' must list diagnostic IDs, such as nowarn=CS0618,CS0168"),
        Merge = "a block's tag adds to the file's",
        CacheKey = KeyPlace.In("the compile settings' key too"),
    };

    /// <summary>Every setting, in the order config errors list the known keys.</summary>
    public static readonly IReadOnlyList<Setting> All =
    [
        Include, Exclude, IncludeGenerated, Mode, Timeout, LangVersion, Nullable, Configuration, WarningLevel, Usings, Frameworks,
        References, Packages, Preludes, Environment, Parallelism, Cache, StrictTags, MemoryLimit, Sandbox, SandboxRead, SandboxWrite,
        Network, RequireVerified, MinCoverage, MinCheckCoverage, Stale, EngineWords, Scrub, Scrubbers, Fixture, HiddenFences, WarnAsError, NoWarn,
    ];

    /// <summary>The config and front-matter keys.</summary>
    public static readonly string[] Keys = [.. All.Select(s => s.Key)];

    /// <summary>The setting of config key <paramref name="key"/> (case matters), or null.</summary>
    public static Setting? ForKey(string key) => All.FirstOrDefault(s => s.Key.Equals(key, StringComparison.Ordinal));

    /// <summary>
    /// The settings part of a program's cache key: every keyed setting's value in <paramref name="config"/> (the file's
    /// merged settings), by its key. A setting added to the table is in every key unless its row says why it cannot
    /// change a verdict, so no new setting can be forgotten by the cache.
    /// </summary>
    internal static StoreKey AddKeyed(StoreKey key, SnippetCheckConfig config)
    {
        foreach (var setting in All.Where(s => s.CacheKey.Keyed)) key.Add("setting " + setting.Key, setting.KeyText(config));
        return key;
    }
}

public sealed partial record SnippetCheckConfig
{
    /// <summary><c>include</c>: the globs of documents a folder argument verifies.</summary>
    public IReadOnlyList<string>? Include { get; init; }
    /// <summary><c>exclude</c>: globs left out of <see cref="Include"/>.</summary>
    public IReadOnlyList<string>? Exclude { get; init; }

    /// <summary>Whether generated C# files (<c>*.g.cs</c>, an <c>&lt;auto-generated&gt;</c> header) are verified; left out by default.</summary>
    public bool? IncludeGenerated { get; init; }
    /// <summary><c>mode</c>: verify untagged C# blocks too, or only tagged ones.</summary>
    public VerifyMode? Mode { get; init; }
    /// <summary><c>timeout</c>: the default time limit of a snippet's run.</summary>
    public TimeSpan? Timeout { get; init; }
    /// <summary><c>langVersion</c>: the C# version snippets compile with.</summary>
    public LanguageVersion? LangVersion { get; init; }
    /// <summary><c>nullable</c>: the nullable context snippets compile in.</summary>
    public NullableContextOptions? Nullable { get; init; }

    /// <summary><c>Debug</c> (the default, as <c>dotnet run</c> builds) or <c>Release</c>: no DEBUG symbol, optimized code.</summary>
    internal BuildConfiguration? Configuration { get; init; }

    /// <summary>The compiler's warning level; the default is what the SDK gives <c>net10.0</c> projects (10).</summary>
    public int? WarningLevel { get; init; }
    /// <summary><c>usings</c>: namespaces (and <c>static:Type</c>) every snippet imports.</summary>
    public IReadOnlyList<string>? Usings { get; init; }

    /// <summary>
    /// The target-framework matrix (<c>"frameworks": ["net8.0", "net10.0"]</c>): every snippet compiles against and runs
    /// on each; null: the tool's own framework alone.
    /// </summary>
    public IReadOnlyList<TargetFramework>? Frameworks { get; init; }
    /// <summary><c>references</c>: assemblies and projects every snippet compiles against.</summary>
    public IReadOnlyList<string>? References { get; init; }

    /// <summary>Pinned packages (<c>Id@Version</c>) every snippet compiles against, as if each had the <c>#:package</c> lines.</summary>
    public IReadOnlyList<string>? Packages { get; init; }

    /// <summary>C# files of hidden code (relative to the config file) that every program gets, as a file prelude.</summary>
    public IReadOnlyList<string>? Preludes { get; init; }
    /// <summary><c>environment</c>: <c>NAME=value</c> pairs a snippet's process gets.</summary>
    public IReadOnlyList<string>? Environment { get; init; }
    /// <summary><c>parallelism</c>: how many snippets compile and run at once.</summary>
    public int? Parallelism { get; init; }
    /// <summary><c>cache</c>: read and write the result cache.</summary>
    public bool? Cache { get; init; }
    /// <summary><c>strictTags</c>: a word among a block's tags that is not SnippetCheck's is an error.</summary>
    public bool? StrictTags { get; init; }

    /// <summary>Info-string words that belong to the blog engine (<c>linenos</c>, <c>title</c>, <c>hl_lines</c>): never warned about.</summary>
    public IReadOnlyList<string>? EngineWords { get; init; }

    /// <summary>The GC heap hard limit of each runner process, in bytes (<c>"memoryLimit": "512MB"</c>).</summary>
    public long? MemoryLimit { get; init; }

    /// <summary><c>auto</c> (the default): each runner confines itself where the kernel supports it (SECURITY.md).</summary>
    public SandboxMode? Sandbox { get; init; }

    /// <summary>More paths snippets may read, relative to the config file (the runtime and packages need no grant).</summary>
    public IReadOnlyList<string>? SandboxRead { get; init; }

    /// <summary>More paths snippets may read and write, relative to the config file.</summary>
    public IReadOnlyList<string>? SandboxWrite { get; init; }

    /// <summary>
    /// Each page is one class (docs/authoring.md, "The page fixture"): its declarations and members blocks are members of
    /// it, and each statement block is an instance method run on a fresh instance between the class's setup and teardown.
    /// </summary>
    public bool? Fixture { get; init; }

    /// <summary>
    /// Info strings of fences inside HTML comments that are the docs' own hidden code (<c>["requiredcode"]</c>): each such
    /// fence is a prelude of its page (docs/authoring.md, "The docs' own hidden code").
    /// </summary>
    public IReadOnlyList<string>? HiddenFences { get; init; }

    /// <summary>Snippets may open TCP connections (as if each were tagged <c>network</c>).</summary>
    public bool? Network { get; init; }

    /// <summary>A run that verified no snippet at all fails (SC3010), as with <c>--require-verified</c>.</summary>
    public bool? RequireVerified { get; init; }

    /// <summary>A run that verified less than this percentage of its C# blocks fails (SC3013), as with <c>--min-coverage</c>.</summary>
    public double? MinCoverage { get; init; }

    /// <summary>A run that checked or verified less than this percentage of its C# blocks fails (SC3013), as with <c>--min-check-coverage</c>.</summary>
    public double? MinCheckCoverage { get; init; }

    /// <summary><c>"stale"</c>: how an ignored block that compiles (or, with <c>--stale</c>, passes) is reported.</summary>
    internal StaleMode? Stale { get; init; }

    /// <summary>Compiler warnings fail every program here, as if each block were tagged <c>warnaserror</c>.</summary>
    public bool? WarnAsError { get; init; }

    /// <summary>Warnings never reported here (<c>"noWarn": ["CS0618"]</c>), as a project's <c>&lt;NoWarn&gt;</c>: not failed by <c>warnAsError</c> either.</summary>
    public IReadOnlyList<string>? NoWarn { get; init; }

    /// <summary>Opt-in scrubbers for every output block here (<c>"scrub": ["duration"]</c>), or <c>none</c>.</summary>
    public IReadOnlyList<string>? Scrub { get; init; }

    /// <summary>The project's own scrubbers (<c>"scrubbers": [{ "name", "pattern", "replacement" }]</c>), validated at load.</summary>
    internal IReadOnlyList<CustomScrubber>? Scrubbers { get; init; }
}
