using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SnippetCheck.Driver;
using SnippetCheck.Results;
using SnippetCheck.Extraction.Snippets;
using Xunit.Abstractions;

namespace SnippetCheck.Tests.EndToEnd;

/// <summary>
/// Issue 54, the enclosing class, measured on real docs: every block an adopted corpus verifies inside an inferred class
/// (<c>base=</c>) gets two mutants, each of which must fail: the first member of the base class it calls bare, renamed
/// (<c>RuleFor</c> to <c>RuleForq</c>), and the first member called on what that returns (<c>.NotNull(</c> to
/// <c>.NotNullq(</c>); and every block given locals (<c>given=</c>), the first member called on one of them
/// (<c>services.AddScoped</c> to <c>services.AddScopedq</c>). A block whose calls survive such a change protects nothing of the library. Run by
/// <c>eng/check-mutants.sh</c>, on a corpus it adopts; figures in the test output and <c>$SNIPPETCHECK_MUTANT_CORPUS.base-mutants.txt</c>.
/// </summary>
public sealed class BaseClassMutantsOnACorpus(ITestOutputHelper output)
{
    /// <summary>One renamed name: the block it is in, its line and column, and what it was.</summary>
    private sealed record Mutant(string File, int BlockLine, int Line, int Column, string Was);

    [CorpusFact]
    public async Task Every_mutant_of_a_library_call_in_a_base_class_block_fails()
    {
        var corpus = Path.GetFullPath(Environment.GetEnvironmentVariable(CorpusFactAttribute.Variable)!);
        var passing = (await new Verifier(new VerifyOptions { Paths = ["."], CurrentDirectory = corpus, CommandLine = new() { Cache = false } }).RunAsync()).Snippets
            .Where(r => r.Status == SnippetStatus.Passed && (r.Snippet.Tags.Base is not null || r.Snippet.Tags.Given.Count > 0)).Select(r => r.Snippet).ToList();
        var mutants = passing.SelectMany(MutantsOf).ToList();

        var survivors = new List<Mutant>();
        // One mutant per block at a time: each round mutates every file once and verifies it whole.
        foreach (var round in mutants.GroupBy(m => (m.File, m.BlockLine)).SelectMany(g => g.Select((m, i) => (m, i))).GroupBy(x => x.i))
        {
            foreach (var file in round.Select(x => x.m).GroupBy(m => m.File))
            {
                var path = Path.Combine(corpus, file.Key);
                var original = await File.ReadAllTextAsync(path);
                try
                {
                    var lines = original.Split('\n');
                    foreach (var m in file) lines[m.Line - 1] = lines[m.Line - 1].Insert(m.Column - 1 + m.Was.Length, "q");
                    await File.WriteAllTextAsync(path, string.Join('\n', lines));
                    var report = await new Verifier(new VerifyOptions { Paths = [file.Key], CurrentDirectory = corpus, CommandLine = new() { Cache = false } }).RunAsync();
                    survivors.AddRange(file.Where(m => report.Snippets.Single(s => s.Snippet.Location.Line == m.BlockLine).Status != SnippetStatus.Failed));
                }
                finally
                {
                    await File.WriteAllTextAsync(path, original);
                }
            }
        }

        var summary = new List<string> { $"{passing.Count} blocks tagged base= or given= that pass; {mutants.Count} mutants; {mutants.Count - survivors.Count} failed as they must, {survivors.Count} survived" };
        summary.AddRange(survivors.Select(s => $"  survived: {s.File}({s.Line},{s.Column}) '{s.Was}' -> '{s.Was}q'"));
        foreach (var line in summary) output.WriteLine(line);
        await File.WriteAllLinesAsync(corpus.TrimEnd('/') + ".base-mutants.txt", summary);
        Assert.True(survivors.Count == 0, string.Join('\n', summary));
    }

    /// <summary>
    /// The first bare call of the block, and the first member called on its result; for a block with given locals
    /// (<c>given=services:IServiceCollection</c>), the first member called on one of them; as they stand in the document.
    /// </summary>
    private static IEnumerable<Mutant> MutantsOf(Snippet block)
    {
        var tree = CSharpSyntaxTree.ParseText(string.Join('\n', block.Code.Select(l => l.Text)), new CSharpParseOptions(LanguageVersion.Preview));
        var given = block.Tags.Given.Select(g => g[..g.IndexOf(':', StringComparison.Ordinal)]).ToHashSet(StringComparer.Ordinal);
        var onGiven = tree.GetRoot().DescendantNodes().OfType<MemberAccessExpressionSyntax>().FirstOrDefault(
            a => a.Expression is IdentifierNameSyntax id && given.Contains(id.Identifier.ValueText));
        var bare = block.Tags.Base is null ? null
            : tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>().FirstOrDefault(i => i.Expression is SimpleNameSyntax);
        var chained = bare?.Ancestors().OfType<MemberAccessExpressionSyntax>().FirstOrDefault(a => a.Expression == bare || a.Expression.DescendantNodesAndSelf().Contains(bare));
        foreach (var token in new[] { (bare?.Expression as SimpleNameSyntax)?.Identifier ?? default, chained?.Name.Identifier ?? default, onGiven?.Name.Identifier ?? default })
        {
            if (token.RawKind == 0) continue;
            var position = tree.GetLineSpan(token.Span).StartLinePosition;
            var line = block.Code[position.Line];
            if (line.SourceColumns is not null) continue;
            yield return new Mutant(block.Location.File, block.Location.Line, line.Line, line.ColumnAt(position.Character), token.Text);
        }
    }
}
