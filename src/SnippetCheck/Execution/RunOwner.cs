using SnippetCheck.Model;

namespace SnippetCheck.Execution;

/// <summary>
/// Whose code a run is: the document (a runner keeps to one under <see cref="RunnerOptions.PerDocument"/>) and its blocks, for the report.
/// </summary>
internal sealed record RunOwner(string Document, IReadOnlyList<SourceLocation> Blocks);
