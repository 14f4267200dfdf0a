using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using SnippetCheck.Compilation;
using SnippetCheck.Configuration;
using SnippetCheck.Model;
using SnippetCheck.Extraction.Snippets;

namespace SnippetCheck.Programs;

/// <summary>The settings in force for one file: defaults, config file, front matter and command line merged.</summary>
/// <param name="framework">The framework of this pass of the matrix; the tool's own by default.</param>
internal sealed class FileSettings(SnippetCheckConfig config, ImmutableArray<MetadataReference> references, TargetFramework? framework = null)
{
    /// <summary>The merged config: defaults, config file, front matter and command line.</summary>
    public SnippetCheckConfig Config { get; } = config;

    internal VerifyMode Mode => Settings.TypedMode.In(Config);

    /// <summary>Front matter or config makes this page one class (<see cref="Configuration.SnippetCheckConfig.Fixture"/>).</summary>
    public bool IsFixture => Settings.Fixture.In(Config);

    /// <summary>Front matter or config says every snippet here may use the network.</summary>
    internal bool AllowsNetwork => Settings.Network.In(Config);

    internal TimeSpan TimeoutFor(SnippetTags tags) => Settings.Timeout.Merge.WithTag(Settings.Timeout.In(Config), tags.Timeout);

    /// <summary>How the file's programs compile before their blocks' tags are laid over.</summary>
    internal CompileSettings CompileSettings { get; } = CompileSettings.For(framework ?? TargetFramework.Tool, references).Overlay(config);

    /// <summary>The file's matrix: config and front matter <c>frameworks</c>, else the tool's own framework.</summary>
    internal IReadOnlyList<TargetFramework> Frameworks => Settings.Frameworks.In(Config);

    /// <summary>The same file's settings for one framework of the matrix, compiling against <paramref name="frameworkReferences"/>.</summary>
    internal FileSettings For(TargetFramework pass, ImmutableArray<MetadataReference> frameworkReferences) => new(Config, frameworkReferences, pass);
}
