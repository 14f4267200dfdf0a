using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SnippetCheck.Extraction.Snippets;

namespace SnippetCheck.Adoption.Trials;

/// <summary>
/// Whether a block starts work on other threads: two quiet runs prove little of a race, so adopt tags such a block
/// <c>compile</c>, not <c>run</c>.
/// </summary>
internal static class ParallelWork
{
    /// <summary>How the block is read; only the calls matter, so the newest C# does.</summary>
    private static readonly CSharpParseOptions Syntax = new(LanguageVersion.Preview);

    /// <summary>The calls that start work on other threads, as <c>Type.Method</c>, or a method alone for an extension.</summary>
    private static readonly string[] ParallelStarts =
        ["Parallel.For", "Parallel.ForEach", "Parallel.ForEachAsync", "Parallel.Invoke", "Task.Run", "Factory.StartNew",
         "ThreadPool.QueueUserWorkItem", "ThreadPool.UnsafeQueueUserWorkItem", "AsParallel"];

    /// <summary>
    /// The first call in the block that starts work on other threads (<c>Parallel.For</c>, <c>Task.Run</c>,
    /// <c>new Thread</c>, PLINQ), as written; null when there is none, or when each such call is awaited on the spot.
    /// Read from the syntax: a block that may race is told apart before it is trusted, not after.
    /// </summary>
    public static string? In(Snippet snippet)
    {
        foreach (var node in CSharpSyntaxTree.ParseText(string.Join('\n', snippet.Code.Select(l => l.Text)), Syntax).GetRoot()
            .DescendantNodes())
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

    private static string? LastName(SyntaxNode node) => node switch
    {
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => null,
    };
}
