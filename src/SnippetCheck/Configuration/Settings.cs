using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SnippetCheck.Model;
using SnippetCheck.Caching.Store;

namespace SnippetCheck.Configuration;

/// <summary>
/// The settings table: every setting of <c>snippetcheck.json</c>, front matter, tags and the command line, in the order
/// config errors list the known keys. Config, front matter, the tags of settings (<c>Extraction.Snippets.TagParser</c>), <c>verify</c>'s
/// options (the CLI's <c>SettingOptions</c>), every overlay and the settings part of the cache key (<see cref="AddKeyed"/>)
/// are read from it. To add a setting: a property of <see cref="SnippetCheckConfig"/> below, a row here, and its use
/// (docs/architecture.md, "How to add"); its documentation goes in the README's config table.
/// </summary>
public static partial class Settings
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

    /// <summary>The <c>mode</c> setting (<see cref="SnippetCheckConfig.Mode"/>), typed: its enum is the core's own.</summary>
    internal static readonly Setting<VerifyMode?> TypedMode = new("mode", PerFile, c => c.Mode, (c, v) => c with { Mode = v },
        ConfigValues.Choice<VerifyMode>("\"tagged\" or \"all\"", ("tagged", VerifyMode.Tagged), ("all", VerifyMode.All)))
    {
        Default = VerifyMode.Tagged,
        Option = new("--all", "Also verify untagged C# blocks, as 'compile'") { SwitchValue = VerifyMode.All },
        CacheKey = KeyPlace.In("a block's kind too (an untagged block verified as compile)"),
    };

    /// <summary>The <c>mode</c> setting, for a host: its <c>--all</c> switch (<see cref="Setting.Switched"/>).</summary>
    public static readonly Setting Mode = TypedMode;

    /// <summary>The <c>timeout</c> setting (<see cref="SnippetCheckConfig.Timeout"/>).</summary>
    public static readonly Setting<TimeSpan?> Timeout =
        new("timeout", PerBlock, c => c.Timeout, (c, v) => c with { Timeout = v }, ConfigValues.Duration)
    {
        Default = TimeSpan.FromSeconds(10),
        Tag = TagRule.Value<TimeSpan>(
            "timeout", Durations.TryParse, value => Durations.NotATagDuration("timeout", value)),
        Option = new("--timeout", $"Default timeout per snippet ({Durations.HelpForms})")
        {
            Parse = text => Durations.TryParse(text, out var timeout) ? (timeout, null) : (null, Durations.NotAnOptionDuration("--timeout", text)),
        },
        Merge = SettingMerge.TagReplaces("a block's tag, else the nearest layer"),
        CacheKey = KeyPlace.In("each block's \"timeout\" too"),
        Widens = c => c.Timeout > Untrusted.TimeoutCap
            ? $"lets a snippet run for {c.Timeout.Value.TotalSeconds:0} s, past the {Untrusted.TimeoutCap.TotalSeconds:0} s cap " +
                "(the command line's --timeout may give more)"
            : null,
    };

    /// <summary>The <c>langVersion</c> setting (<see cref="SnippetCheckConfig.LangVersion"/>).</summary>
    public static readonly Setting<LanguageVersion?> LangVersion =
        new("langVersion", PerBlock, c => c.LangVersion, (c, v) => c with { LangVersion = v }, ConfigValues.LanguageVersion)
    {
        DefaultFor = SdkLanguageVersion,
        Tag = TagRule.Value<LanguageVersion>(
            "langversion", SettingValues.TryParseLanguageVersion,
            value => $"'langversion={value}' is not a C# language version (write 12, 13, 14, preview)"),
        Merge = SettingMerge.TagReplaces("the first block of a program that tags it, else the nearest layer"),
        CacheKey = KeyPlace.In("the compile settings' key too"),
    };

    /// <summary>The <c>nullable</c> setting (<see cref="SnippetCheckConfig.Nullable"/>).</summary>
    public static readonly Setting<NullableContextOptions?> Nullable =
        new("nullable", PerBlock, c => c.Nullable, (c, v) => c with { Nullable = v }, ConfigValues.Nullable)
    {
        Default = NullableContextOptions.Enable,
        Tag = TagRule.Value<NullableContextOptions>(
            "nullable", SettingValues.TryParseNullable, value => $"'nullable={value}' must be enable or disable"),
        Merge = SettingMerge.TagReplaces("the first block of a program that tags it, else the nearest layer"),
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
        Merge = SettingMerge.TagAdds("a block's tag adds to the file's"),
        CacheKey = KeyPlace.In("the compile settings' key too"),
    };

    /// <summary>The <c>frameworks</c> setting (<see cref="SnippetCheckConfig.Frameworks"/>).</summary>
    public static readonly Setting<IReadOnlyList<TargetFramework>?> Frameworks =
        new("frameworks", PerBlock, c => c.Frameworks, (c, v) => c with { Frameworks = v }, ConfigValues.Frameworks)
    {
        Default = [TargetFramework.Tool],
        Tag = TagRule.Value("frameworks", (value, _) => FrameworkSet.TryParse(value, out var problem) is { } frameworks
            ? TagReading.Good(frameworks) : TagReading.Bad($"'frameworks={value}': {problem}")),
        Option = new("--frameworks", $"Verify on each of these target frameworks, over config and front matter 'frameworks' " +
        $"({TargetFramework.SupportedList})")
        {
            HelpName = "net8.0,net10.0",
            Parse = text => FrameworkSet.TryParse(text, out var problem) is { } frameworks
                ? (frameworks.Matrix, null)
                : (null, $"--frameworks: {problem}"),
        },
        Merge = SettingMerge.TagNarrows("a block's tag narrows the file's matrix (net9.0+ or a list)"),
        CacheKey = KeyPlace.Through("the compile settings' key: the framework of the pass, not the matrix"),
    };

    /// <summary>The <c>references</c> setting (<see cref="SnippetCheckConfig.References"/>).</summary>
    public static readonly Setting<IReadOnlyList<string>?> References =
        new("references", RunOnly, c => c.References, (c, v) => c with { References = v }, ConfigValues.Strings("a list of .dll or .csproj paths"))
    {
        Merge = SettingMerge.NearestThen(
            "the command line's --reference (the library under test, VerifyOptions.Library, with --runtime-assembly and --using) adds to it"),
        CacheKey = KeyPlace.In("\"refs\" too, each reference by its content"),
    };

    /// <summary>The <c>packages</c> setting (<see cref="SnippetCheckConfig.Packages"/>).</summary>
    public static readonly Setting<IReadOnlyList<string>?> Packages =
        new("packages", RunOnly | SettingScope.Block, c => c.Packages, (c, v) => c with { Packages = v }, ConfigValues.Packages)
    {
        Tag = TagRule.Value(
            "packages", (value, where) =>
            value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => PackageRequest.TryParseTag(p, where))
            .ToList() is { Count: > 0 } packages && packages.All(p => p is not null)
            ? TagReading.Good(packages.OfType<PackageRequest>().ToList())
            : TagReading.Bad($"'packages={value}' must list packages, pinned or pinned by the config's packageVersions, such as " +
                "packages=Spectre.Console@0.57.2,Bogus")),
        Merge = SettingMerge.TagAdds("a block's tag adds to the run's"),
        CacheKey = KeyPlace.In("\"refs\" too, the restored assemblies"),
    };

    /// <summary>The <c>packageVersions</c> setting (<see cref="SnippetCheckConfig.PackageVersions"/>).</summary>
    public static readonly Setting<IReadOnlyList<string>?> PackageVersions =
        new("packageVersions", RunOnly, c => c.PackageVersions, (c, v) => c with { PackageVersions = v }, ConfigValues.Packages)
    { CacheKey = KeyPlace.Through("the packages of each block whose packages= tag it pins, in \"refs\"") };

    /// <summary>The <c>preludes</c> setting (<see cref="SnippetCheckConfig.Preludes"/>).</summary>
    public static readonly Setting<IReadOnlyList<string>?> Preludes =
        new("preludes", RunOnly, c => c.Preludes, (c, v) => c with { Preludes = v }, ConfigValues.Preludes)
    { Merge = SettingMerge.NearestThen("before the page's own preludes"), CacheKey = KeyPlace.In("each \"prelude\" too") };

    /// <summary>The <c>hiddenCode</c> setting (<see cref="SnippetCheckConfig.HiddenCode"/>).</summary>
    public static readonly Setting<IReadOnlyList<string>?> HiddenCode =
        new("hiddenCode", RunOnly, c => c.HiddenCode, (c, v) => c with { HiddenCode = v }, ConfigValues.HiddenCode)
    { Merge = SettingMerge.NearestThen("after the preludes' files, before the page's own preludes"), CacheKey = KeyPlace.In("each \"prelude\" too") };

    /// <summary>The <c>warnAsError</c> setting (<see cref="SnippetCheckConfig.WarnAsError"/>).</summary>
    public static readonly Setting<bool?> WarnAsError =
        new("warnAsError", PerBlock, c => c.WarnAsError, (c, v) => c with { WarnAsError = v }, ConfigValues.Bool)
    {
        Default = false,
        Tag = TagRule.Flag("warnaserror"),
        Merge = SettingMerge.TagTurnsOn("any block's tag, or the nearest layer, turns it on"),
        CacheKey = KeyPlace.In("the compile settings' key too"),
    };

    /// <summary>The <c>noWarn</c> setting (<see cref="SnippetCheckConfig.NoWarn"/>).</summary>
    public static readonly Setting<IReadOnlyList<string>?> NoWarn = new("noWarn", PerBlock, c => c.NoWarn, (c, v) => c with { NoWarn = v },
        ConfigValues.AsTag<IReadOnlyList<string>>(SettingValues.TryParseDiagnosticIds, "a list of diagnostic IDs, such as [\"CS0618\", \"CS0168\"]"))
    {
        Default = [],
        Tag = TagRule.Value<IReadOnlyList<string>>(
            "nowarn", SettingValues.TryParseDiagnosticIds, value => $"'nowarn={value}' must list diagnostic IDs, such as nowarn=CS0618,CS0168"),
        Merge = SettingMerge.TagAdds("a block's tag adds to the file's", StringComparer.OrdinalIgnoreCase),
        CacheKey = KeyPlace.In("the compile settings' key too"),
    };

    /// <summary>
    /// Every setting, in the order config errors list the known keys. Built on first use: the rows stand in two parts of
    /// this class (Settings.Run.cs), whose static fields start in no order C# promises.
    /// </summary>
    public static IReadOnlyList<Setting> All => _all ??=
    [
        Include, Exclude, IncludeGenerated, Mode, Timeout, LangVersion, Nullable, Configuration, WarningLevel, Usings, Frameworks,
        References, Packages, PackageVersions, Preludes, HiddenCode, Environment, Parallelism, Cache, StrictTags, MemoryLimit, Sandbox,
        SandboxRead, SandboxWrite,
        Network, RequireVerified, MinCoverage, MinCheckCoverage, StaleTags, EngineWords, Scrub, Scrubbers, Fixture, HiddenFences, WarnAsError, NoWarn,
    ];

    private static IReadOnlyList<Setting>? _all;

    /// <summary>The config and front-matter keys.</summary>
    public static string[] Keys => _keys ??= [.. All.Select(s => s.Key)];

    private static string[]? _keys;

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
