using SnippetCheck.Compilation;
using SnippetCheck.Model;
using SnippetCheck.Extraction.Snippets;

namespace SnippetCheck.Programs;

/// <summary>
/// What a tool (adopt's inferences, render) asks of a document's blocks before it tries them in another shape
/// (the verifier's <c>VerifyLoneAsync</c>, <c>VerifySessionsAsync</c>, <c>VerifyFixturesAsync</c>):
/// answered from the program the core would build, so no tool builds one of its own.
/// </summary>
public sealed partial record PreparedDocument
{
    /// <summary>
    /// The compile settings a block gets verified alone (defaults, config, front matter and its own tags; the namespace a
    /// doc comment's example documents): its references, usings and parse options.
    /// </summary>
    internal CompileSettings SettingsFor(Snippet block) => SnippetProgram.Lone(Snippets, block, Settings).Settings;

    /// <summary>The compile settings of these blocks verified as the page's fixture (one class of them all).</summary>
    internal CompileSettings FixtureSettingsFor(IReadOnlyList<Snippet> blocks) => SnippetProgram.ForFixture(Snippets, blocks, Settings).Settings;

    /// <summary>
    /// Whether the block, verified alone, has code and something to run: top-level statements, a static <c>Main</c> (its
    /// own or a prelude's) or a fixture method.
    /// </summary>
    public bool HasEntryPoint(Snippet block)
    {
        var program = SnippetProgram.Lone(Snippets, block, Settings);
        return !program.BlockParts(program.Settings)[0].IsEmpty && program.HasEntryPoint(program.Settings, [0]);
    }

    /// <summary>
    /// For each of these blocks as the page's fixture, whether it is something to run (statements, a <c>Main</c> or test
    /// methods, which run only so) rather than declarations to compile.
    /// </summary>
    public IReadOnlyList<bool> RunnableInFixture(IReadOnlyList<Snippet> blocks)
    {
        var asRun = blocks.Select(b => b with { Tags = b.Tags with { Kind = SnippetKind.Run } }).ToList();
        var program = SnippetProgram.ForFixture(Snippets, asRun, Settings);
        return [.. program.BlockParts(program.Settings).Select(p => p.Part.FixtureMethod is not null || p.HasMain || TestMethods.MayDeclare(p))];
    }

    /// <summary>
    /// Whether the block reads as a listing (members shown as signatures, bodies left out) under the parse options it
    /// gets alone: a candidate for <c>check listing</c>.
    /// </summary>
    public bool IsListing(Snippet block) => ListingCheck.Members([.. block.Code.Select(l => l.Text)], SettingsFor(block).ParseOptions) is not null;

    /// <summary>
    /// The frameworks a run over <paramref name="run"/> covers, oldest first: every document's matrix (config, front matter),
    /// and the frameworks blocks pin with <c>#:property TargetFramework</c>.
    /// </summary>
    public static IReadOnlyList<TargetFramework> RunFrameworks(IReadOnlyList<PreparedDocument> run)
    {
        var frameworks = new SortedSet<TargetFramework>();
        foreach (var document in run)
        {
            frameworks.UnionWith(document.Settings.Frameworks);
            frameworks.UnionWith(document.Snippets.Snippets.Select(s => s.PinnedFramework).OfType<TargetFramework>());
        }
        return frameworks.Count == 0 ? [TargetFramework.Tool] : [.. frameworks];
    }

    /// <summary>Which of <paramref name="frameworks"/> (a run's, <see cref="RunFrameworks"/>) the block is verified on in this document.</summary>
    public IEnumerable<TargetFramework> FrameworksOf(Snippet block, IReadOnlyList<TargetFramework> frameworks) =>
        frameworks.Where(f => Applies(block, f));

    /// <summary>True when the block is verified on <paramref name="framework"/> in this document.</summary>
    internal bool Applies(Snippet block, TargetFramework framework) =>
        block.AppliesTo(framework) && (block.PinnedFramework == framework || Settings.Frameworks.Contains(framework));
}
