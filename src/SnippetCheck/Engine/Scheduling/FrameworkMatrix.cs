using SnippetCheck.References;
using SnippetCheck.Model;
using SnippetCheck.Programs;
using SnippetCheck.Results;
using SnippetCheck.Extraction.Snippets;

namespace SnippetCheck.Engine.Scheduling;

/// <summary>
/// A run over several target frameworks (docs/frameworks.md): one pass per framework, each a whole run of its own
/// (its references, runner, package assets, cache keys and merged chunks, so chunks never mix frameworks), over the
/// blocks that apply there; then each block's verdicts joined into one result that keeps them all.
/// </summary>
internal static class FrameworkMatrix
{
    /// <summary>
    /// The pass that also finds what is about the text, the same on every framework (stale tags, render's notes): the
    /// tool's own framework's when the matrix has it, else the newest.
    /// </summary>
    public static TargetFramework Main(IReadOnlyList<TargetFramework> frameworks) => frameworks.Contains(TargetFramework.Tool) ? TargetFramework.Tool
        : frameworks[^1];

    /// <summary>The documents as one pass sees them: the blocks that apply there, compiling against the framework's references.</summary>
    internal static IReadOnlyList<PreparedDocument> DocumentsFor(IReadOnlyList<PreparedDocument> documents, FrameworkPack pack) =>
        [.. documents.Select(document =>
        {
            // Each block with the output block it is expected to print on this framework.
            var applicable = document.Snippets.Snippets.Where(s => document.Applies(s, pack.Framework))
                .Select(s => WithOutputFor(s, pack.Framework))
                .ToList();
            var settings = pack.Framework.IsTool && document.Settings.CompileSettings.Framework.IsTool
                ? document.Settings
                : document.Settings.For(pack.Framework, pack.References);
            return applicable.SequenceEqual(document.Snippets.Snippets, ReferenceEqualityComparer.Instance)
                && ReferenceEquals(settings, document.Settings)
                ? document
                : document with { Snippets = document.Snippets with { Snippets = applicable }, Settings = settings };
        })];

    /// <summary>
    /// The block as it is checked on <paramref name="framework"/>: with the output block for it. Output blocks that all
    /// name other frameworks leave it none there, which would check nothing: that fails the block, as a tag mistake.
    /// </summary>
    private static Snippet WithOutputFor(Snippet snippet, TargetFramework framework)
    {
        var output = snippet.OutputFor(framework);
        if (output == snippet.Output) return snippet;
        if (output is not null) return snippet with { Output = output };
        var named = string.Join(", ", new[] { snippet.Output! }.Concat(snippet.FrameworkOutputs).Select(o => $"frameworks={o.Frameworks!.Text}"));
        return snippet with
        {
            Output = null,
            Annotations = [.. snippet.Annotations, Diagnostic.Error(DiagnosticCodes.BadTagValue,
                $"no output block for {framework}: the output blocks name only {named}; add one without frameworks= for the other frameworks",
                snippet.Output!.Block.Location)],
        };
    }

    /// <summary>
    /// One result per block from the passes' results: a block that failed anywhere carries the first failing
    /// framework's verdict, else a pass; every framework's verdict is kept in <see cref="SnippetResult.Frameworks"/>.
    /// A block that applies to none of the run's frameworks is skipped, and says why.
    /// </summary>
    /// <param name="planned">Whether the run covers a block (the planner's <c>--filter</c>).</param>
    internal static IReadOnlyList<SnippetResult> Join(IReadOnlyList<PreparedDocument> documents, IReadOnlyList<TargetFramework> frameworks,
        IReadOnlyList<IReadOnlyList<SnippetResult>> passes, Func<Snippet, bool> planned)
    {
        // On the tool's framework alone a result stays as it is: only blocks that apply nowhere are added.
        var keepEach = frameworks.Count > 1 || !frameworks[0].IsTool;
        var mainPass = frameworks.ToList().IndexOf(Main(frameworks));
        var byBlock = new Dictionary<SourceLocation, SnippetResult?[]>();
        for (var pass = 0; pass < passes.Count; pass++)
        {
            foreach (var result in passes[pass])
            {
                if (!byBlock.TryGetValue(result.Location, out var verdicts)) byBlock[result.Location] = verdicts =
                    new SnippetResult?[frameworks.Count];
                verdicts[pass] = result;
            }
        }
        var joined = new List<SnippetResult>();
        foreach (var document in documents)
        {
            foreach (var snippet in document.Snippets.Snippets.Where(planned))
            {
                if (!byBlock.TryGetValue(snippet.Location, out var verdicts))
                {
                    joined.Add(SnippetResult.Of(snippet, new Verdict.Skipped(NotApplicable(snippet, document.Settings.Frameworks))) with
                    {
                        Frameworks = keepEach ? [.. frameworks.Select(f => new FrameworkVerdict(f, null))] : null,
                    });
                    continue;
                }
                if (!keepEach)
                {
                    joined.Add(verdicts[0]!);
                    continue;
                }
                var each = frameworks.Select((f, i) => new FrameworkVerdict(f, verdicts[i])).ToList();
                var present = verdicts.OfType<SnippetResult>().ToList();
                // Ignored, untagged and skipped read the same everywhere; the main pass's carries the stale-tag check.
                var decisive = present.FirstOrDefault(r => r.Status == SnippetStatus.Failed)
                    ?? present.FirstOrDefault(r => r.Status == SnippetStatus.Passed)
                    ?? verdicts[mainPass] ?? present[0];
                joined.Add(decisive with
                {
                    Frameworks = each,
                    Duration = TimeSpan.FromTicks(present.Sum(r => r.Duration.Ticks)),
                    Cached = present.All(r => r.Cached),
                });
            }
        }
        return joined;
    }

    /// <param name="frameworks">The frameworks the block's file verifies on (its config, front matter or <c>--frameworks</c>).</param>
    private static string NotApplicable(Snippet snippet, IReadOnlyList<TargetFramework> frameworks)
    {
        var file = string.Join(", ", frameworks);
        return snippet.PinnedFramework is { } pinned && snippet.Tags.Frameworks is { } set && !set.Contains(pinned)
            ? $"not applicable: '#:property TargetFramework={pinned}' is outside 'frameworks={set.Text}'"
            : snippet.Tags.Frameworks is { } tagged
                ? $"not applicable: 'frameworks={tagged.Text}' keeps none of the frameworks this file verifies on ({file})"
                : $"not applicable on the frameworks this file verifies on ({file})";
    }
}
