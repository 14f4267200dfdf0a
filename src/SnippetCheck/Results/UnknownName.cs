using SnippetCheck.Model;

namespace SnippetCheck.Results;

/// <summary>A name a <c>check</c> block uses and nothing it compiles against declares: tolerated, and reported where it stands.</summary>
/// <param name="Name">The name as written (<c>order</c>, <c>OrderDto</c>).</param>
/// <param name="Location">Where it stands in the document.</param>
internal sealed record UnknownName(string Name, SourceLocation Location);
