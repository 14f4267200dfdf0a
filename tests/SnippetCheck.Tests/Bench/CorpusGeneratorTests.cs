using SnippetCheck.Bench.Corpus;
using SnippetCheck.Tests.EndToEnd;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Bench;

/// <summary>
/// The benchmark's corpus generator: a corpus with fewer snippets than promised, or with failing ones, would make
/// every figure in bench/results meaningless.
/// </summary>
public sealed class CorpusGeneratorTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(20)]
    [InlineData(45)]
    [InlineData(1000)]
    public void Writes_exactly_the_promised_number_of_csharp_blocks(int count)
    {
        using var folder = new TempFolder();

        var corpus = CorpusGenerator.Write(folder.Path, count);

        var files = Directory.GetFiles(folder.Path, "*.md", SearchOption.AllDirectories);
        Assert.Equal(corpus.PostCount, files.Length);
        Assert.Equal(count, files.Sum(f => File.ReadLines(f).Count(l => l.StartsWith("```csharp", StringComparison.Ordinal))));
        Assert.Equal(count, corpus.Snippets.Count);
    }

    [Fact]
    public void One_post_holds_every_kind_of_snippet_mostly_run()
    {
        using var folder = new TempFolder();

        var snippets = CorpusGenerator.Write(folder.Path, CorpusGenerator.SnippetsPerPost).Snippets;

        Assert.Equal(14, snippets.Count(s => s.Kind == SnippetKind.Run));
        Assert.Equal(2, snippets.Count(s => s.Kind == SnippetKind.Compile));
        Assert.Equal(1, snippets.Count(s => s.Kind == SnippetKind.CompileFail));
        Assert.Equal(3, snippets.Count(s => s.Kind == SnippetKind.SessionBlock));
        Assert.Single(snippets, s => s.UsesPrelude);
        Assert.All(snippets.Where(s => s.Kind is SnippetKind.Run or SnippetKind.SessionBlock), s => Assert.NotNull(s.Body.Output));
    }

    [Fact]
    public void Is_deterministic()
    {
        using var first = new TempFolder();
        using var second = new TempFolder();

        CorpusGenerator.Write(first.Path, 45);
        CorpusGenerator.Write(second.Path, 45);

        foreach (var file in Directory.GetFiles(first.Path, "*.md", SearchOption.AllDirectories))
        {
            Assert.Equal(File.ReadAllText(file), File.ReadAllText(Path.Combine(second.Path, Path.GetRelativePath(first.Path, file))));
        }
    }

    [Fact]
    public void An_edit_changes_one_run_snippet_and_its_output_block_only()
    {
        using var folder = new TempFolder();
        var corpus = CorpusGenerator.Write(folder.Path, 60);
        var before = Directory.GetFiles(folder.Path, "*.md", SearchOption.AllDirectories).ToDictionary(f => f, File.ReadAllLines);

        var edited = corpus.EditOneSnippet();

        Assert.Equal(SnippetKind.Run, edited.Kind);
        var changed = before.Where(pair => !pair.Value.SequenceEqual(File.ReadAllLines(pair.Key))).ToList();
        var file = Assert.Single(changed).Key;
        Assert.EndsWith(edited.File, file.Replace('\\', '/'), StringComparison.Ordinal);
        Assert.Contains(edited.Body.Code, File.ReadAllText(file), StringComparison.Ordinal);
        Assert.Contains(edited.Body.Output!, File.ReadAllText(file), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_snippet_of_a_post_passes_with_the_real_tool()
    {
        using var folder = new TempFolder();
        CorpusGenerator.Write(folder.Path, CorpusGenerator.SnippetsPerPost);

        var result = CliRunner.Run(folder.Path, "verify", ".", "--report", "json=report.json");

        Assert.True(result.ExitCode == 0, result.Output);
        var summary = JsonReport.Load(Path.Combine(folder.Path, "report.json")).Summary;
        Assert.Equal(CorpusGenerator.SnippetsPerPost, summary.Int("passed"));
        Assert.Equal(0, summary.Int("failed"));
        Assert.Equal(0, summary.Int("untagged"));
    }
}
