using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SnippetCheck.Extraction.Snippets;

namespace SnippetCheck.Adoption.Inference;

/// <summary>
/// What makes a block's run vary, read from its syntax before its runs are trusted: work on other threads (two quiet
/// runs prove little of a race, so adopt tags such a block <c>compile</c>), and reads of the clock or of a random
/// source (its output differs by design, so adopt runs it without comparing output, whatever its two runs printed:
/// deciding by whether they happened to print alike made two adopts of one post differ).
/// </summary>
internal static class RunVariance
{
    /// <summary>How the block is read; only the calls matter, so the newest C# does.</summary>
    private static readonly CSharpParseOptions Syntax = new(LanguageVersion.Preview);

    /// <summary>The calls that start work on other threads, as <c>Type.Method</c>, or a method alone for an extension.</summary>
    private static readonly string[] ParallelStarts =
        ["Parallel.For", "Parallel.ForEach", "Parallel.ForEachAsync", "Parallel.Invoke", "Task.Run", "Factory.StartNew",
         "ThreadPool.QueueUserWorkItem", "ThreadPool.UnsafeQueueUserWorkItem", "AsParallel"];

    /// <summary>Reads whose value differs from run to run, as <c>Type.Member</c>; GUIDs are not here, the default scrubbers hide them.</summary>
    private static readonly string[] VaryingReads =
        ["DateTime.Now", "DateTime.UtcNow", "DateTime.Today", "DateTimeOffset.Now", "DateTimeOffset.UtcNow", "Stopwatch.StartNew",
         "Stopwatch.GetTimestamp", "Stopwatch.GetElapsedTime", "Environment.TickCount", "Environment.TickCount64",
         "Environment.ProcessId", "Random.Shared", "TimeProvider.System", "RandomNumberGenerator.GetInt32",
         "RandomNumberGenerator.GetBytes"];

    /// <summary>
    /// The first read of the clock or of a random source in the block (<c>DateTime.UtcNow</c>, a <c>Stopwatch</c>,
    /// an unseeded <c>new Random()</c>), as written; null when there is none.
    /// </summary>
    public static string? VaryingRead(Snippet snippet)
    {
        foreach (var node in Parse(snippet).DescendantNodes())
        {
            switch (node)
            {
                case MemberAccessExpressionSyntax access
                    when VaryingReads.Contains(LastName(access.Expression) + "." + access.Name.Identifier.ValueText):
                    return access.ToString();
                case ObjectCreationExpressionSyntax { Type: var type } creation when LastName(type) == "Stopwatch"
                    || (LastName(type) == "Random" && creation.ArgumentList is null or { Arguments.Count: 0 }):
                    return $"new {LastName(type)}()";
                case ImplicitObjectCreationExpressionSyntax { Parent: EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax
                    { Parent: VariableDeclarationSyntax { Type: var declared } } } } when LastName(declared) is "Stopwatch" or "Random":
                    return $"new {LastName(declared)}()";
            }
        }
        return null;
    }

    /// <summary>
    /// The first call in the block that starts work on other threads (<c>Parallel.For</c>, <c>Task.Run</c>,
    /// <c>new Thread</c>, PLINQ), as written; null when there is none, or when each such call is awaited on the spot.
    /// Read from the syntax: a block that may race is told apart before it is trusted, not after.
    /// </summary>
    public static string? ParallelStart(Snippet snippet)
    {
        foreach (var node in Parse(snippet).DescendantNodes())
        {
            switch (node)
            {
                // 'await Task.Run(...)' waits for its one task before going on: nothing runs beside it.
                case MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax { Parent: not AwaitExpressionSyntax } } access
                    when ParallelStarts.Contains(access.Name.Identifier.ValueText)
                    || ParallelStarts.Contains(LastName(access.Expression) + "." + access.Name.Identifier.ValueText):
                    return access.ToString();
                case ObjectCreationExpressionSyntax { Type: var type } when LastName(type) == "Thread":
                    return "new Thread";
            }
        }
        return null;
    }

    private static SyntaxNode Parse(Snippet snippet) =>
        CSharpSyntaxTree.ParseText(string.Join('\n', snippet.Code.Select(l => l.Text)), Syntax).GetRoot();

    private static string? LastName(SyntaxNode node) => node switch
    {
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => null,
    };
}
