using SnippetCheck.Compilation;
using SnippetCheck.Engine.Merging;
using SnippetCheck.Programs;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Unit.Engine.Merging;

public sealed class MergePlanTests
{
    private static readonly FileSettings Defaults = new(new SnippetCheck.Configuration.SnippetCheckConfig(), ReferenceAssemblies.Default);

    private static IReadOnlyList<MergeCandidate> Candidates(int count, string tags = "run")
    {
        var markdown = string.Concat(Enumerable.Range(0, count).Select(i => $"```csharp {tags}\nConsole.WriteLine({i});\n```\n\n"));
        var document = Pipeline.Read(markdown);
        return [.. document.Snippets.Select(s =>
        {
            var program = SnippetProgram.Lone(document, s, Defaults);
            return new MergeCandidate(program, MergeableProgram.TryCreate(program.BlockParts(program.Settings))!, SnippetCheck.References.ProgramDependencies.None);
        })];
    }

    [Theory]
    [InlineData(1000, 2, 25, 40)]
    [InlineData(100, 2, 3, 34)]
    [InlineData(10, 2, 2, 5)]
    [InlineData(10, 8, 2, 5)]
    [InlineData(3, 2, 1, 3)]
    public void Chunks_keep_every_slot_busy_without_growing_past_the_maximum(int snippets, int parallelism, int expectedChunks, int largest)
    {
        var chunks = MergePolicy.Chunks(Candidates(snippets), parallelism);
        Assert.Equal(expectedChunks, chunks.Count);
        Assert.Equal(largest, chunks.Max(c => c.Count));
        Assert.Equal(snippets, chunks.Sum(c => c.Count));
        Assert.Equal(snippets, chunks.SelectMany(c => c).Select(c => c.Program).Distinct().Count());
    }

    [Fact]
    public void A_lone_candidate_and_different_settings_are_never_merged_together()
    {
        var plain = Candidates(3);
        var unsafeOnes = Candidates(1, "run unsafe");
        var chunks = MergePolicy.Chunks([.. plain, .. unsafeOnes], parallelism: 1);
        Assert.Equal([3], chunks.Select(c => c.Count));
    }
}
