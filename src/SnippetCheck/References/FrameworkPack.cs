using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using SnippetCheck.Model;

namespace SnippetCheck.References;

/// <summary>What one framework of a matrix compiles against and runs on.</summary>
/// <param name="References">The framework's reference assemblies, as a project targeting it compiles against.</param>
/// <param name="RunnerPath">The runner built for it, started with <c>dotnet exec</c>: on the installed shared runtime, or self-contained.</param>
/// <param name="Runtime">How it runs, for messages: <c>shared runtime 8.0.22</c> or <c>self-contained 8.0.31</c>.</param>
internal sealed record FrameworkPack(TargetFramework Framework, ImmutableArray<MetadataReference> References, string RunnerPath, string Runtime);
