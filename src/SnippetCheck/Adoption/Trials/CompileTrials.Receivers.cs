using SnippetCheck.Adoption.Inference.Packages;
using SnippetCheck.Adoption.Inference.Receivers;
using SnippetCheck.Compilation;
using SnippetCheck.Driver;
using SnippetCheck.Model;
using SnippetCheck.Programs;
using SnippetCheck.Results;
using static SnippetCheck.Adoption.Inference.BlockKeys;

namespace SnippetCheck.Adoption.Trials;

/// <summary>
/// The compile trials' receiver passes (1f, 1f'): fragments on receivers the doc set declares elsewhere or whose calls fit
/// one type, then what they still lack (the docs' own types, the page's own helpers), and the failures they leave, read
/// for a block's cause.
/// </summary>
internal sealed partial class CompileTrials
{
    /// <summary>
    /// A failure with its receiver typed, once every name in it binds, says more than the untyped one ('Table' lacks
    /// 'SetWidth' rather than 'table' is unknown): it is the block's failure, for its cause and as evidence of rot.
    /// </summary>
    public SnippetResult? FailedWithReceivers((string, int) key)
    {
        if (WithReceivers.GetValueOrDefault(key) is not { Status: SnippetStatus.Failed } typed) return null;
        var everyNameBinds = typed.Diagnostics.Where(d => d.IsError).All(d => !CheckLevel.IsUnknownName(d.Id));
        return everyNameBinds ? typed : null;
    }

    /// <summary>The failure with receivers given that lacks only names (<c>cancellationToken</c>): the check level tries it first.</summary>
    public SnippetResult? ReceiversFailure((string, int) key) =>
        WithReceivers.GetValueOrDefault(key) is { Status: SnippetStatus.Failed, Snippet.Tags.Given.Count: > 0 } typed
        && PackageInference.UnknownNames(typed.Snippet, typed.Diagnostics) is { Count: > 0 } ? typed : null;

    /// <summary>
    /// The failure with its receivers typed when it lacks fewer names than without them, and none new: what a reader still
    /// has to add once the receivers are given (a consumer class, not the 'x' it is registered on), for the block's cause.
    /// </summary>
    public SnippetResult? NarrowedByReceivers((string, int) key)
    {
        if (WithReceivers.GetValueOrDefault(key) is not { Status: SnippetStatus.Failed } typed || PackageFailure(key) is not { } untyped) return null;
        var before = PackageInference.UnknownNames(untyped.Snippet, untyped.Diagnostics);
        var after = PackageInference.UnknownNames(typed.Snippet, typed.Diagnostics);
        return before is not null && after is { Count: > 0 } && after.Count < before.Count && after.All(before.Contains) ? typed : null;
    }

    /// <summary>By doc set, the receivers its pages declare (<see cref="Receivers.Of"/>), as pass 1f read them.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> DocSetReceivers { get; private set; } =
        new Dictionary<string, IReadOnlyDictionary<string, string>>();

    /// <summary>By block, the locals pass 1f inferred from their calls (<see cref="InferredReceivers"/>).</summary>
    public IReadOnlyDictionary<SourceLocation, IReadOnlyList<InferredReceivers.Given>> Inferred { get; private set; } =
        new Dictionary<SourceLocation, IReadOnlyList<InferredReceivers.Given>>();

    private async Task WithReceiversAsync(IBlockTrials verifier, IReadOnlyList<PreparedDocument> adoptable, CancellationToken cancellationToken)
    {
        // Pass 1f: fragments on receivers the doc set declares elsewhere ('app', 'bld', 'table'), given on hidden lines (Receivers).
        var receivers = DocSetReceivers = adoptable.GroupBy(d => Packages.DocSets.Of(d.Snippets)).ToDictionary(
            g => g.Key, g => Receivers.Of(g.Select(d => d.Snippets)));
        List<(PreparedDocument, SnippetResult)> receiverFailing = [.. _untagged
            .Where(u => !InClass.ContainsKey(Key(u.Snippet)))
            .Select(u => (u.Document, Failed: WithPackages.GetValueOrDefault(Key(u.Snippet)) ?? LastFailure(Key(u.Snippet))))
            .Where(f => f.Failed?.Status == SnippetStatus.Failed)
            .Select(f => (f.Document, f.Failed!))];
        // And locals no page creates, of the one type of the block's references that their calls fit (InferredReceivers).
        var inferredReceivers = Inferred =
            await Finds.AnswerAsync(pages => InferredReceivers.Of(Packages, receivers, receiverFailing, pages), cancellationToken)
                .ConfigureAwait(false);
        WithReceivers = ByBlock(await ReceiverTrials.TryAsync(
            verifier, Finds, receivers, receiverFailing, cancellationToken, inferredReceivers).ConfigureAwait(false));
        await WithReceiversAndTypesAsync(verifier, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Pass 1f': a block whose receivers now bind and that lacks only the docs' own types ('cfg.CreateMap&lt;Order, OrderDto&gt;()'),
    /// with the models other pages declare (EnclosingClassTrials), else over stubs (StubTypes): the type trials ran before
    /// the receivers were given, and the receiver trial gives no types, so neither passed such a block alone.
    /// </summary>
    private async Task WithReceiversAndTypesAsync(IBlockTrials verifier, CancellationToken cancellationToken)
    {
        // The page's own helpers it calls bare ('.OnEntry(() => SendEmailToAssignee())'), given as their use types them (BareHelpers).
        foreach (var (key, result) in ByBlock(await BareHelperTrials.TryAsync(verifier, [.. _untagged.Where(u => !InClass.ContainsKey(Key(u.Snippet)))
            .Select(u => (u.Document, Failed: WithReceivers.GetValueOrDefault(Key(u.Snippet)) ?? PackageFailure(Key(u.Snippet))))
            .Where(f => f.Failed?.Status == SnippetStatus.Failed).Select(f => (f.Document, f.Failed!))], cancellationToken).ConfigureAwait(false)))
            WithReceivers[key] = result;
        List<(PreparedDocument Document, SnippetResult Failed)> Typed() => [.. _untagged
            .Select(u => (u.Document, Failed: WithReceivers.GetValueOrDefault(Key(u.Snippet))))
            .Where(f => f.Failed is { Status: SnippetStatus.Failed, Snippet.Tags.Given.Count: > 0 })
            .Select(f => (f.Document, f.Failed!))];
        var (modelled, _) = await EnclosingClassTrials.TryAsync(verifier, Finds, Models, [.. Typed()
            .Where(f => f.Failed.Diagnostics.Where(d => d.IsError).All(d => d.Id == UnknownNames.Type))], cancellationToken).ConfigureAwait(false);
        foreach (var (key, result) in ByBlock(modelled)) WithReceivers[key] = result;
        foreach (var (key, result) in ByBlock(await StubTypes.TryAsync(verifier, Finds, Models, Typed(), cancellationToken).ConfigureAwait(false)))
            WithReceivers[key] = result;
    }
}
