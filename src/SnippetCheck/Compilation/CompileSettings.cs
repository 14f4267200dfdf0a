using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SnippetCheck.Configuration;
using SnippetCheck.Model;
using SnippetCheck.Extraction.Snippets;

namespace SnippetCheck.Compilation;

/// <summary>
/// How a program compiles: what a <c>net10.0</c> console project built by <c>dotnet run</c> would use, with the
/// config, the front matter and the blocks' tags laid over it (<see cref="Overlay(SnippetCheckConfig)"/>).
/// Typed values only: text was parsed at the edge (<see cref="SettingValues"/>).
/// </summary>
internal sealed record CompileSettings
{
    /// <summary>What it compiles against (<see cref="References"/> are that framework's) and runs on.</summary>
    internal TargetFramework Framework { get; init; } = TargetFramework.Tool;

    /// <summary>C# 14, what the SDK gives <c>net10.0</c>; Roslyn's "latest" may be newer.</summary>
    internal LanguageVersion LanguageVersion { get; init; } = Settings.LangVersion.DefaultOn();
    internal NullableContextOptions Nullable { get; init; } = Settings.Nullable.DefaultOn();
    internal BuildConfiguration Configuration { get; init; } = Settings.Configuration.DefaultOn();

    /// <summary>What the SDK gives a <c>net10.0</c> project: the target framework's major version.</summary>
    internal int WarningLevel { get; init; } = Settings.WarningLevel.DefaultOn();
    internal bool AllowUnsafe { get; init; }
    internal bool WarningsAsErrors { get; init; } = Settings.WarnAsError.DefaultOn();

    /// <summary>Diagnostic IDs suppressed (config, front matter, a block's <c>nowarn=</c>), as a project's <c>&lt;NoWarn&gt;</c>.</summary>
    internal IReadOnlyList<string> NoWarn { get; init; } = Settings.NoWarn.DefaultOn();
    /// <summary>The global usings: the SDK's implicit ones, with those the config, front matter and tags add or remove.</summary>
    public IReadOnlyList<string> Usings { get; init; } = Settings.Usings.DefaultOn();
    /// <summary>What it compiles against: the framework's reference assemblies, then packages and projects.</summary>
    public ImmutableArray<MetadataReference> References { get; init; } = [];

    internal ImmutableArray<string> PreprocessorSymbols => BuildSymbols.For(Framework, debug: Configuration == BuildConfiguration.Debug);

    /// <summary>What the SDK gives a project of <paramref name="framework"/>, compiling against <paramref name="references"/>.</summary>
    internal static CompileSettings For(TargetFramework framework, ImmutableArray<MetadataReference> references) => new()
    {
        Framework = framework,
        LanguageVersion = Settings.LangVersion.DefaultOn(framework),
        WarningLevel = Settings.WarningLevel.DefaultOn(framework),
        References = references,
    };

    /// <summary>How its source is parsed: the language version and the framework's and configuration's preprocessor symbols.</summary>
    public CSharpParseOptions ParseOptions => new(LanguageVersion, DocumentationMode.None, SourceCodeKind.Regular, PreprocessorSymbols);

    internal OptimizationLevel OptimizationLevel => Configuration == BuildConfiguration.Release ? OptimizationLevel.Release : OptimizationLevel.Debug;

    /// <summary>The config file and front matter, merged, laid over these settings.</summary>
    internal CompileSettings Overlay(SnippetCheckConfig config) => Clamped(this with
    {
        LanguageVersion = Settings.LangVersion.Merge.Layers(LanguageVersion, config.LangVersion),
        Nullable = Settings.Nullable.Merge.Layers(Nullable, config.Nullable),
        Configuration = Settings.Configuration.Merge.Layers(Configuration, config.Configuration),
        WarningLevel = Settings.WarningLevel.Merge.Layers(WarningLevel, config.WarningLevel),
        WarningsAsErrors = Settings.WarnAsError.Merge.Layers(WarningsAsErrors, config.WarnAsError),
        Usings = Settings.Usings.Merge.Layers(Usings, config.Usings),
        NoWarn = Settings.NoWarn.Merge.Layers(NoWarn, config.NoWarn),
    });

    /// <summary>
    /// A program's blocks' tags laid over these settings, each by its row's merge (<see cref="Setting.Merge"/>): the first
    /// block that sets a value wins, any block's flag applies to all, lists add.
    /// </summary>
    internal CompileSettings Overlay(IEnumerable<SnippetTags> tags)
    {
        var result = this;
        foreach (var tag in tags.Reverse())
        {
            result = result with
            {
                LanguageVersion = Settings.LangVersion.Merge.WithTag(result.LanguageVersion, tag.LangVersion),
                Nullable = Settings.Nullable.Merge.WithTag(result.Nullable, tag.Nullable),
                // 'unsafe' is a tag of its own, no setting: no layer sets it.
                AllowUnsafe = result.AllowUnsafe || tag.Unsafe,
                WarningsAsErrors = Settings.WarnAsError.Merge.WithTag(result.WarningsAsErrors, tag.WarnAsError),
                Usings = Settings.Usings.Merge.WithTag(result.Usings, tag.Usings),
                NoWarn = Settings.NoWarn.Merge.WithTag(result.NoWarn, tag.Of<IReadOnlyList<string>>(Settings.NoWarn)),
            };
        }
        return Clamped(result);
    }

    /// <summary>Nullable reference types need C# 8; older versions compile as the SDK would build them, without.</summary>
    private static CompileSettings Clamped(CompileSettings settings) =>
        settings.LanguageVersion < LanguageVersion.CSharp8 && settings.Nullable != NullableContextOptions.Disable
            ? settings with { Nullable = NullableContextOptions.Disable }
            : settings;

    /// <summary>
    /// Every value but the references: programs with equal keys (and the same reference set) compile alike, so the key
    /// serves both the result cache and merge grouping.
    /// </summary>
    internal CompileKey Key => new(Framework.Moniker, LanguageVersion, Nullable, Configuration, WarningLevel, AllowUnsafe, WarningsAsErrors,
        SettingValues.KeyText(Usings), SettingValues.KeyText(NoWarn));
}
