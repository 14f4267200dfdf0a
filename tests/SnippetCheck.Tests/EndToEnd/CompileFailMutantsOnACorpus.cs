using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SnippetCheck.Compilation;
using SnippetCheck.Driver;
using SnippetCheck.Results;
using SnippetCheck.Extraction.Snippets;
using Xunit.Abstractions;

namespace SnippetCheck.Tests.EndToEnd;

/// <summary>
/// Issue 54, the compile-fail hollow kind, measured on real docs: every <c>compile-fail</c> block of an adopted corpus that
/// passes gets one mutant, which must fail: the first framework member it calls on a line that compiles (not the line
/// that shows the error, nor one its comments mark), renamed (<c>.Append(</c> to <c>.AppendZq(</c>). A block that still
/// passes protects only its failing line. Run by <c>eng/check-mutants.sh</c>, on a corpus it adopts; figures in the test
/// output and <c>$SNIPPETCHECK_MUTANT_CORPUS.compile-fail-mutants.txt</c>. Issue 77: every block tagged <c>statements-first</c>
/// that passes gets the same mutant (its lines as written give CS8803 on one line only): the program so rearranged must
/// still bind what the block calls.
/// </summary>
public sealed class CompileFailMutantsOnACorpus(ITestOutputHelper output)
{
    /// <summary>One renamed member: the block it is in, its line and column, and what it was.</summary>
    private sealed record Mutant(string File, int BlockLine, int Line, int Column, string Was);

    [CorpusFact]
    public async Task Every_mutant_of_a_framework_call_beside_the_failing_line_fails()
    {
        var corpus = Path.GetFullPath(Environment.GetEnvironmentVariable(CorpusFactAttribute.Variable)!);
        var (documents, _) = new Verifier(new VerifyOptions { Paths = ["."], CurrentDirectory = corpus }).Prepare();
        var passing = (await new Verifier(new VerifyOptions { Paths = ["."], CurrentDirectory = corpus, CommandLine = new() { Cache = false } }).RunAsync())
            .Snippets.Where(r => r.Status == SnippetStatus.Passed && Mutated(r.Snippet)).Select(r => r.Snippet.Location).ToHashSet();
        var blocks = documents.SelectMany(d => d.Snippets.Snippets.Where(s => Mutated(s) && passing.Contains(s.Location))
            .Select(s => (Snippet: s, Usings: d.Settings.CompileSettings.Usings))).ToList();
        var mutants = blocks.Select(b => MutantOf(b.Snippet, b.Usings)).OfType<Mutant>().ToList();

        var survivors = new List<Mutant>();
        // One mutant per block: each file mutated once, with all its blocks' mutants, and verified whole.
        foreach (var file in mutants.GroupBy(m => m.File))
        {
            var path = Path.Combine(corpus, file.Key);
            var original = await File.ReadAllTextAsync(path);
            try
            {
                var lines = original.Split('\n');
                foreach (var m in file.OrderByDescending(m => m.Column)) lines[m.Line - 1] = lines[m.Line - 1].Insert(m.Column - 1 + m.Was.Length, "Zq");
                await File.WriteAllTextAsync(path, string.Join('\n', lines));
                var report = await new Verifier(new VerifyOptions { Paths = [file.Key], CurrentDirectory = corpus, CommandLine = new() { Cache = false } }).RunAsync();
                survivors.AddRange(file.Where(m => report.Snippets.Single(s => s.Snippet.Location.Line == m.BlockLine).Status != SnippetStatus.Failed));
            }
            finally
            {
                await File.WriteAllTextAsync(path, original);
            }
        }

        var summary = new List<string> { $"{blocks.Count} blocks tagged compile-fail or statements-first that pass; {mutants.Count} mutants; " +
            $"{mutants.Count - survivors.Count} failed as they must, {survivors.Count} survived" };
        summary.AddRange(survivors.Select(s => $"  survived: {s.File}({s.Line},{s.Column}) '{s.Was}' -> '{s.Was}Zq'"));
        foreach (var line in summary) output.WriteLine(line);
        await File.WriteAllLinesAsync(corpus.TrimEnd('/') + ".compile-fail-mutants.txt", summary);
        Assert.True(survivors.Count == 0, string.Join('\n', summary));
    }

    private static bool Mutated(Snippet block) => block.Kind == SnippetKind.CompileFail || block.Tags.StatementsFirst;

    /// <summary>
    /// The first member the block calls on a framework type, on a line the framework alone compiles without error and its
    /// comments do not mark; null when it has none. Bound in a compilation of the block against the framework.
    /// </summary>
    private static Mutant? MutantOf(Snippet block, IReadOnlyList<string> usings)
    {
        var code = block.Code;
        var members = block.Tags.Members;
        var options = new CSharpParseOptions(LanguageVersion.Preview);
        var tree = CSharpSyntaxTree.ParseText((members ? "public class __Mutated {\n" : "") + string.Join('\n', code.Select(l => l.Text))
            + (members ? "\n}" : ""), options);
        var global = CSharpSyntaxTree.ParseText(string.Concat(usings.Concat(block.Tags.Usings).Select(u => $"global using {u};\n")), options);
        var compilation = CSharpCompilation.Create("mutants", [tree, global], ReferenceAssemblies.Default,
            new CSharpCompilationOptions(members ? OutputKind.DynamicallyLinkedLibrary : OutputKind.ConsoleApplication));
        var model = compilation.GetSemanticModel(tree);
        var firstLine = members ? 1 : 0;
        var failing = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error && d.Location.SourceTree == tree)
            .Select(d => d.Location.GetLineSpan().StartLinePosition.Line - firstLine).ToHashSet();
        var marked = ErrorMarkers.MarkedLines(block);
        foreach (var access in tree.GetRoot().DescendantNodes().OfType<MemberAccessExpressionSyntax>())
        {
            var at = tree.GetLineSpan(access.Name.Span).StartLinePosition;
            var index = at.Line - firstLine;
            if (index < 0 || index >= code.Count || failing.Contains(index) || marked.ContainsKey(code[index].Line) || code[index].SourceColumns is not null)
                continue;
            if (model.GetSymbolInfo(access.Name).Symbol is not { } symbol || symbol is INamespaceSymbol or INamedTypeSymbol
                || symbol.ContainingAssembly is not { } assembly || SymbolEqualityComparer.Default.Equals(assembly, compilation.Assembly))
                continue;
            return new Mutant(block.Location.File, block.Location.Line, code[index].Line, code[index].ColumnAt(at.Character), access.Name.Identifier.Text);
        }
        return null;
    }
}
