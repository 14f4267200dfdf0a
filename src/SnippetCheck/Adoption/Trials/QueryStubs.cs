using SnippetCheck.Adoption.Inference.Classes;
using SnippetCheck.Driver;
using SnippetCheck.Extraction.Snippets;
using SnippetCheck.Programs;
using SnippetCheck.Results;

namespace SnippetCheck.Adoption.Trials;

/// <summary>
/// Element-type stubs for queries, so a query's clauses bind: a block that queries values of a type no page declares
/// (<c>List&lt;Product&gt; products = GetProductList(); from p in products where p.UnitsInStock &gt; 0 select p</c>, the
/// 101 LINQ samples) checks nothing, since its query binds whatever it selects (SC2013). Over a stub of that type, with
/// the members the query reads off its range variables (and those the compiler says it lacks), each typed by trial
/// (<see cref="StubModels"/>), the query binds to LINQ and is checked: a misspelt method, a member compared with a value
/// of another type, fail. Tried at the <c>check</c> level only, for a block no stronger level verifies; the name the
/// values come from (<c>GetProductList</c>) stays an unknown name, listed as such. Never a stub member named like a
/// name the block calls, never a type a reference, a model or the page declares. Which blocks, which stubs and members
/// is <see cref="QueryElements"/>'.
/// </summary>
internal static class QueryStubs
{
    /// <summary>
    /// Each block that passes at the <c>check</c> level over stubs of its queries' element types (its stubs go to
    /// <paramref name="models"/>).
    /// </summary>
    public static async Task<IReadOnlyList<SnippetResult>> TryAsync(IBlockTrials verifier, DocModels models,
        IReadOnlyList<(PreparedDocument Document, Snippet Snippet)> failing, CancellationToken cancellationToken)
    {
        // With a config, adopt writes no hiddenCode: a stub would be proposed and never written.
        if (ReferenceEquals(models, DocModels.None)) return [];
        var requests = QueryElements.Requests(models, failing);
        var passed = new List<SnippetResult>();
        foreach (var (result, stub) in await StubTrials.TryAsync(verifier, requests, cancellationToken).ConfigureAwait(false))
        {
            passed.Add(result);
            models.Add(stub);
        }
        return passed;
    }
}
