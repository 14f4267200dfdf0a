using SnippetCheck.Adoption.Inference.Classes;
using SnippetCheck.Adoption.Trials.Packages;
using SnippetCheck.Driver;
using SnippetCheck.Programs;
using SnippetCheck.Results;

namespace SnippetCheck.Adoption.Trials;

/// <summary>
/// Stub types: a block that calls its package on a type the docs never declare
/// (<c>new Faker&lt;Order&gt;().RuleFor(o =&gt; o.OrderId, f =&gt; f.IndexVariable++)</c>, Refit's <c>Task&lt;User&gt; GetUser(string user);</c>)
/// fails on that name, and the package's calls cascade (CS1593). When its only unknown names are types, used as types
/// only (a type argument or a parameter's type at least once; never an attribute or a base), and no reference, package or
/// page declares them, it is tried over stubs of them in the config's hiddenCode (<see cref="StubModels"/>): classes with
/// just the members the block reads, each typed by trial (an <c>IFoo</c> an empty interface a stub <c>Foo</c> implements).
/// Only blocks tagged with a package are tried: the package's calls still bind, so a misspelt one fails. Which blocks,
/// which stubs and members is <see cref="StubTypeNeeds"/>'.
/// </summary>
internal static class StubTypes
{
    /// <summary>Each failed block that passes over stubs of its unknown types: its result (its stubs go to <paramref name="models"/>).</summary>
    public static async Task<IReadOnlyList<SnippetResult>> TryAsync(IBlockTrials verifier, PackageFinds packages, DocModels models,
        IReadOnlyList<(PreparedDocument Document, SnippetResult Failed)> failing, CancellationToken cancellationToken)
    {
        // With a config, adopt writes no hiddenCode: a stub would be proposed and never written.
        if (ReferenceEquals(models, DocModels.None)) return [];
        var requests = await packages.AnswerAsync(pages => StubTypeNeeds.Requests(packages.Inference, models, failing, pages), cancellationToken)
            .ConfigureAwait(false);
        var passed = new List<SnippetResult>();
        foreach (var (result, stub) in await StubTrials.TryAsync(verifier, requests, cancellationToken).ConfigureAwait(false))
        {
            passed.Add(result);
            models.Add(stub);
        }
        return passed;
    }
}
