using SnippetCheck.Model;

namespace SnippetCheck.Results;

/// <summary>One test method of a block, or one data row of it, as its framework names and judges it.</summary>
/// <param name="Name">The framework's name for it: <c>Adds(1,2)</c> (NUnit), <c>Docs.Tests.Adds(a: 1, b: 2)</c> (xUnit), <c>Adds (1,2)</c>
/// (MSTest).</param>
/// <param name="Message">A failure's message (the framework's own), or a skip's reason.</param>
/// <param name="Location">Where it failed (the assertion's line) or, otherwise, where the test method is declared.</param>
/// <param name="Output">What the test printed.</param>
internal sealed record TestResult(string Name, TestStatus Status, string? Message, SourceLocation Location, string Output, TimeSpan Duration)
{
    /// <summary>The report's word for its status.</summary>
    public string StatusWord => Status.ToString().ToLowerInvariant();
}
