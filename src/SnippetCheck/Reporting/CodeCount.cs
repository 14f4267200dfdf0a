using SnippetCheck.Model;

namespace SnippetCheck.Reporting;

/// <summary>One failure code across a run (a compiler ID such as CS0103, or one of ours), with the first place it was seen.</summary>
internal sealed record CodeCount(string Code, int Count, SourceLocation Example, string ExampleMessage);
