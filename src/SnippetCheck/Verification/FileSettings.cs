using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using SnippetCheck.Compilation;
using SnippetCheck.Configuration;
using SnippetCheck.Snippets;

namespace SnippetCheck.Verification;

/// <summary>The settings in force for one file: defaults, config file, front matter and command line merged.</summary>
public sealed class FileSettings(SnippetCheckConfig config, ImmutableArray<MetadataReference> references)
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    public SnippetCheckConfig Config { get; } = config;

    public VerifyMode Mode => Config.Mode ?? VerifyMode.Tagged;

    public TimeSpan TimeoutFor(SnippetTags tags) => tags.Timeout ?? Config.Timeout ?? DefaultTimeout;

    /// <summary>How the file's programs compile before their blocks' tags are laid over.</summary>
    public CompileSettings CompileSettings { get; } = new CompileSettings { References = references }.Overlay(config);
}
