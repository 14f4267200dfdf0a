using SnippetCheck.Model;

namespace SnippetCheck.Extraction.Snippets;

/// <summary>
/// A <c>#:property Name=Value</c> that changes how a snippet compiles, parsed once where it is read: <see cref="Name"/>
/// in its canonical spelling, <see cref="Value"/> normalized (for messages and keys), <see cref="Setting"/> typed.
/// </summary>
internal sealed record PropertyDirective(string Name, string Value, SourceLocation Location, CompileProperty Setting);
