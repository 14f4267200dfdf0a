using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SnippetCheck.Compilation;
using SnippetCheck.Configuration;
using SnippetCheck.Snippets;

namespace SnippetCheck.Verification;

/// <summary>The settings in force for one file: defaults, config file, front matter and command line merged.</summary>
public sealed class FileSettings(SnippetCheckConfig config, System.Collections.Immutable.ImmutableArray<MetadataReference> references)
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    public SnippetCheckConfig Config { get; } = config;

    public VerifyMode Mode => Config.Mode ?? VerifyMode.Tagged;

    public bool StrictTags => Config.StrictTags ?? false;

    public TimeSpan TimeoutFor(SnippetTags tags) => tags.Timeout ?? Config.Timeout ?? DefaultTimeout;

    /// <summary>Compile settings for a program whose blocks carry <paramref name="tags"/>; any block's flag applies to all.</summary>
    public CompileSettings CompileSettingsFor(IReadOnlyList<SnippetTags> tags)
    {
        var langVersion = tags.Select(t => t.LangVersion).FirstOrDefault(v => v is not null) ?? Config.LangVersion;
        var nullable = tags.Select(t => t.Nullable).FirstOrDefault(v => v is not null) ?? Config.Nullable ?? "enable";
        var languageVersion = langVersion is not null && LanguageVersionFacts.TryParse(langVersion, out var version) ? version : LanguageVersion.CSharp14;
        // Nullable reference types need C# 8; older versions compile as the SDK would build them, without.
        if (languageVersion < LanguageVersion.CSharp8) nullable = "disable";
        return new CompileSettings
        {
            LanguageVersion = languageVersion,
            Nullable = nullable switch
            {
                "disable" => NullableContextOptions.Disable,
                "warnings" => NullableContextOptions.Warnings,
                "annotations" => NullableContextOptions.Annotations,
                _ => NullableContextOptions.Enable,
            },
            AllowUnsafe = tags.Any(t => t.Unsafe),
            WarningsAsErrors = tags.Any(t => t.WarnAsError),
            Usings = Config.Usings ?? CompileSettings.DefaultUsings,
            References = references,
        };
    }
}
