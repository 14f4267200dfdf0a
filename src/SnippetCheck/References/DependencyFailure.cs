using SnippetCheck.Model;
using SnippetCheck.Extraction.Snippets;

namespace SnippetCheck.References;

/// <summary>Why a program's dependencies could not be had, and which block owns the problem.</summary>
/// <param name="Culprit">The block the failure is reported on; the program's other blocks are skipped.</param>
internal sealed record DependencyFailure(Snippet Culprit, FailureReason Reason, string Code, string Message, SourceLocation Location, string? Detail);
