using SnippetCheck.Model;

namespace SnippetCheck.Compilation;

/// <summary>A test method a program declares (NUnit, xUnit or MSTest), where the author wrote it.</summary>
/// <param name="Type">The runtime name of its class (<c>Program</c>, <c>Docs.GreeterTests</c>, <c>Outer+Inner</c>).</param>
/// <param name="PartId">The block (or prelude) whose lines declare it; null in code of the tool's own.</param>
internal sealed record DeclaredTest(string Type, string Method, SourceLocation? Location, int? PartId);
