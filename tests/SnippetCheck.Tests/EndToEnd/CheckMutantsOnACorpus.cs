using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SnippetCheck.Compilation;
using SnippetCheck.Driver;
using SnippetCheck.Results;
using SnippetCheck.Extraction.Snippets;
using Xunit.Abstractions;

namespace SnippetCheck.Tests.EndToEnd;

/// <summary>Runs only where a corpus is named: <c>eng/check-mutants.sh</c> adopts a copy of one and names it.</summary>
public sealed class CorpusFactAttribute : FactAttribute
{
    public const string Variable = "SNIPPETCHECK_MUTANT_CORPUS";

    public CorpusFactAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(Variable)))
            Skip = $"no corpus to mutate: eng/check-mutants.sh sets {Variable} to an adopted copy of ../shared/realworld";
    }
}

/// <summary>
/// Issue 42's "no false check", measured on real posts: every block tagged <c>check</c> in an adopted corpus gets
/// mutants that break an API it binds to the framework, and each must fail. Its kinds, the first of each a block has:
/// a member it calls on a framework type renamed (or, for a framework type or static member it names alone, one letter
/// changed, which the check level tells from a name the post never declares by the near-miss rule); one argument
/// removed from a call to a framework method that has no overload taking one fewer; one argument added to the block's
/// first framework call, when no overload takes one more; a framework type in a declaration misspelt by one letter;
/// issue 75's: a member of a known base type called bare in the block's own class, misspelt (<c>Ok</c> to <c>OkZq</c>);
/// <c>ref</c> or <c>out</c> dropped from a framework call's argument that no overload takes by value (beside an unknown
/// argument, where the compiler leaves the call open); an attribute's named argument misspelt (<c>EntryPoint</c>).
/// Bindings are read from a compilation of the block against the framework alone, so a package's names give no mutants. The figures are written to the test output and to <c>$SNIPPETCHECK_MUTANT_CORPUS.mutants.txt</c>.
/// </summary>
public sealed class CheckMutantsOnACorpus(ITestOutputHelper output)
{
    private enum Kind { Rename, DropArgument, AddArgument, MisspellType, RenameOnUnknown, MisspellBaseMember, DropRefOrOut, MisspellAttributeArgument }

    /// <summary>One text edit on one line of a post: replace <paramref name="Length"/> characters at the column.</summary>
    private sealed record Mutant(Kind Kind, string File, int BlockLine, int Line, int Column, int Length, string Replacement, string Was);

    [CorpusFact]
    public async Task Every_mutant_of_a_checked_block_that_breaks_a_framework_api_fails()
    {
        var corpus = Path.GetFullPath(Environment.GetEnvironmentVariable(CorpusFactAttribute.Variable)!);
        var (documents, _) = new Verifier(new VerifyOptions { Paths = ["."], CurrentDirectory = corpus }).Prepare();
        // Only a block that passes as it stands says anything when its mutant fails.
        var passing = (await new Verifier(new VerifyOptions { Paths = ["."], CurrentDirectory = corpus, CommandLine = new() { Cache = false } }).RunAsync()).Snippets
            .Where(r => r.Status == SnippetStatus.Passed && r.Level == VerificationLevel.Check).Select(r => r.Snippet.Location).ToHashSet();
        var checkedBlocks = documents.SelectMany(d => d.Snippets.Snippets.Where(s => s.Kind == SnippetKind.Check && passing.Contains(s.Location)).Select(s => (Document: d, Snippet: s))).ToList();
        // A mutant is made only where the author's text stands as the compiler read it (not in a hole's filler).
        var mutants = checkedBlocks.SelectMany(b => MutantsOf(b.Snippet, b.Document.Settings.CompileSettings.Usings).Where(m => StandsInTheBlock(b.Snippet, m))).ToList();

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
                    await File.WriteAllTextAsync(path, Apply(original, file));
                    var report = await new Verifier(new VerifyOptions { Paths = [file.Key], CurrentDirectory = corpus, CommandLine = new() { Cache = false } }).RunAsync();
                    foreach (var mutant in file)
                    {
                        var result = report.Snippets.Single(s => s.Snippet.Location.Line == mutant.BlockLine);
                        if (result.Status != SnippetStatus.Failed) survivors.Add(mutant);
                    }
                }
                finally
                {
                    await File.WriteAllTextAsync(path, original);
                }
            }
        }

        var lines = new List<string> { $"{checkedBlocks.Count} blocks tagged check that pass; {mutants.Count} mutants; {mutants.Count - survivors.Count} failed as they must, {survivors.Count} survived" };
        foreach (var kind in Enum.GetValues<Kind>())
            lines.Add($"  {kind}: {mutants.Count(m => m.Kind == kind)} mutants, {survivors.Count(m => m.Kind == kind)} survived");
        lines.AddRange(survivors.Select(s => $"  survived: {s.File}({s.Line},{s.Column}) {s.Kind}: '{s.Was}' -> '{s.Replacement}'"));
        foreach (var line in lines) output.WriteLine(line);
        await File.WriteAllLinesAsync(corpus.TrimEnd('/') + ".mutants.txt", lines);
        Assert.True(mutants.Count > 0, "no mutants were made: the corpus has no check block that binds a framework API");
        Assert.True(survivors.Count == 0, string.Join('\n', lines));
    }

    private static bool StandsInTheBlock(Snippet block, Mutant mutant) =>
        block.Code.FirstOrDefault(l => l.Line == mutant.Line) is { Text: not null } line && line.SourceColumns is null
        && mutant.Column - line.Column is var index && index >= 0 && index + mutant.Length <= line.Text.Length
        && line.Text.Substring(index, mutant.Length) == mutant.Was;

    private static string Apply(string text, IEnumerable<Mutant> mutants)
    {
        var lines = text.Split('\n');
        foreach (var m in mutants.OrderByDescending(m => m.Column))
        {
            var line = lines[m.Line - 1];
            lines[m.Line - 1] = line[..(m.Column - 1)] + m.Replacement + line[(m.Column - 1 + m.Length)..];
        }
        return string.Join('\n', lines);
    }

    /// <summary>The block's mutants, at most one of each kind, found in a compilation of its code against the framework.</summary>
    private static IEnumerable<Mutant> MutantsOf(Snippet block, IReadOnlyList<string> usings)
    {
        // As the check level compiles it: its holes filled, each character still at its column.
        var code = Holes.Fill(block.Code, new CSharpParseOptions(LanguageVersion.Preview), block.Tags.Members).Lines;
        var prefix = block.Tags.Members ? "public class __Mutated {\n" : "";
        var text = prefix + string.Join('\n', code.Select(l => l.Text)) + (block.Tags.Members ? "\n}" : "");
        var options = new CSharpParseOptions(LanguageVersion.Preview);
        var tree = CSharpSyntaxTree.ParseText(text, options);

        // A block of the Web SDK binds ASP.NET Core's names too (a controller's base class).
        var references = block.Tags.WebSdk ? ReferenceAssemblies.Default.AddRange(ReferenceAssemblies.Web) : ReferenceAssemblies.Default;
        IEnumerable<string> webUsings = block.Tags.WebSdk ? ReferenceAssemblies.WebUsings : [];
        var global = CSharpSyntaxTree.ParseText(
            string.Concat(usings.Concat(webUsings).Concat(block.Tags.Usings).Distinct().Select(u => $"global using {u};\n")), options);
        var compilation = CSharpCompilation.Create("mutants", [tree, global], references,
            new CSharpCompilationOptions(block.Tags.Members ? OutputKind.DynamicallyLinkedLibrary : OutputKind.ConsoleApplication));
        var model = compilation.GetSemanticModel(tree);
        var firstLine = block.Tags.Members ? 1 : 0;

        (int Line, int Column) At(int position)
        {
            var linePosition = tree.GetLineSpan(new Microsoft.CodeAnalysis.Text.TextSpan(position, 0)).StartLinePosition;
            var codeLine = code[linePosition.Line - firstLine];
            return (codeLine.Line, codeLine.ColumnAt(linePosition.Character));
        }
        bool OfTheFramework(ISymbol? symbol) => symbol?.ContainingAssembly is { } assembly && !SymbolEqualityComparer.Default.Equals(assembly, compilation.Assembly);
        bool InBlock(SyntaxNode node) => tree.GetLineSpan(node.Span).StartLinePosition.Line >= firstLine
            && tree.GetLineSpan(node.Span).StartLinePosition.Line - firstLine < code.Count;

        var names = tree.GetRoot().DescendantNodes().OfType<SimpleNameSyntax>().Where(InBlock).ToList();
        Mutant Make(Kind kind, SyntaxToken token, string replacement)
        {
            var (line, column) = At(token.SpanStart);
            return new Mutant(kind, block.Location.File, block.Location.Line, line, column, token.Text.Length, replacement, token.Text);
        }

        // A member called on a framework type: renamed outright; a framework name alone: one letter changed.
        foreach (var name in names)
        {
            var symbol = model.GetSymbolInfo(name).Symbol;
            if (!OfTheFramework(symbol) || symbol is INamespaceSymbol || name is IdentifierNameSyntax { IsVar: true }) continue;
            var member = name.Parent is MemberAccessExpressionSyntax access && access.Name == name;
            if (!member && symbol is not INamedTypeSymbol) continue;
            var text0 = name.Identifier.Text;
            yield return Make(Kind.Rename, name.Identifier, member ? text0 + "Zq" : OneLetterOff(text0));
            break;
        }

        // One argument fewer to a framework method that has no overload taking that many.
        foreach (var invocation in tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>().Where(InBlock))
        {
            if (model.GetSymbolInfo(invocation).Symbol is not IMethodSymbol method || !OfTheFramework(method) || invocation.ArgumentList.Arguments.Count == 0
                || invocation.ArgumentList.ToString().Contains(Holes.Marker, StringComparison.Ordinal)) continue;
            var count = invocation.ArgumentList.Arguments.Count;
            var original = method.ReducedFrom ?? method;
            var receiverArgument = method.ReducedFrom is null ? 0 : 1;
            var overloads = original.ContainingType.GetMembers(original.Name).OfType<IMethodSymbol>();
            if (overloads.Any(o => Accepts(o, count - 1 + receiverArgument))) continue;
            var arguments = invocation.ArgumentList.Arguments;
            var last = arguments[^1];
            var start = count == 1 ? last.SpanStart : arguments.GetSeparator(count - 2).SpanStart;
            var (editLine, editColumn) = At(start);
            if (At(last.Span.End).Line != editLine) continue; // the arguments span lines: keep the edit on one line
            yield return new Mutant(Kind.DropArgument, block.Location.File, block.Location.Line, editLine, editColumn, last.Span.End - start, "", text[start..last.Span.End]);
            break;
        }

        // One argument more to the block's first framework call that no overload takes with that many (issue 54: an
        // argument added to a call the check level tolerated still passed). Inserted before its ')', on that line.
        foreach (var invocation in tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>().Where(InBlock).OrderBy(i => i.ArgumentList.SpanStart))
        {
            if (model.GetSymbolInfo(invocation).Symbol is not IMethodSymbol method || !OfTheFramework(method)
                || invocation.ArgumentList.ToString().Contains(Holes.Marker, StringComparison.Ordinal)) continue;
            var original = method.ReducedFrom ?? method;
            var more = invocation.ArgumentList.Arguments.Count + 1 + (method.ReducedFrom is null ? 0 : 1);
            if (original.ContainingType.GetMembers(original.Name).OfType<IMethodSymbol>().Any(o => Accepts(o, more))) break;
            var (closeLine, closeColumn) = At(invocation.ArgumentList.CloseParenToken.SpanStart);
            var added = invocation.ArgumentList.Arguments.Count == 0 ? "0" : ", 0";
            yield return new Mutant(Kind.AddArgument, block.Location.File, block.Location.Line, closeLine, closeColumn, 0, added, "");
            break;
        }

        // The block's first member call, the one it exists to show, chained on an unknown name: renamed.
        var first = tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>().Where(InBlock)
            .Select(i => i.Expression as MemberAccessExpressionSyntax).OfType<MemberAccessExpressionSyntax>().MinBy(a => a.Name.SpanStart);
        var receiver = first?.Expression;
        while (receiver is MemberAccessExpressionSyntax or InvocationExpressionSyntax)
            receiver = receiver is MemberAccessExpressionSyntax access ? access.Expression : ((InvocationExpressionSyntax)receiver).Expression;
        if (first is not null && receiver is IdentifierNameSyntax root && model.GetSymbolInfo(root).Symbol is null
            && model.GetSymbolInfo(root).CandidateSymbols.IsEmpty)
            yield return Make(Kind.RenameOnUnknown, first.Name.Identifier, first.Name.Identifier.Text + "Zq");

        foreach (var (kind, token, length, replacement) in HollowShapes(tree, model, InBlock, OfTheFramework))
        {
            var (line, column) = At(token.SpanStart);
            yield return new Mutant(kind, block.Location.File, block.Location.Line, line, column, length, replacement, text.Substring(token.SpanStart, length));
        }

        // A framework type in a declaration, misspelt by one letter.
        foreach (var name in names)
        {
            if (name is IdentifierNameSyntax { IsVar: true }) continue;
            if (name.Parent is not (VariableDeclarationSyntax or ParameterSyntax or ObjectCreationExpressionSyntax or PropertyDeclarationSyntax or MethodDeclarationSyntax)) continue;
            if (model.GetSymbolInfo(name).Symbol is not INamedTypeSymbol type || !OfTheFramework(type)) continue;
            yield return Make(Kind.MisspellType, name.Identifier, OneLetterOff(name.Identifier.Text));
            break;
        }
    }

    /// <summary>Issue 75's mutants: a bare base-class member misspelt, <c>ref</c>/<c>out</c> dropped, an attribute's named argument misspelt.</summary>
    private static IEnumerable<(Kind Kind, SyntaxToken Token, int Length, string Replacement)> HollowShapes(
        SyntaxTree tree, SemanticModel model, Func<SyntaxNode, bool> inBlock, Func<ISymbol?, bool> ofTheFramework)
    {
        var invocations = tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>().Where(n => inBlock(n)).ToList();
        // A method of the class's known base, called bare: 'Ok(person)' in a controller.
        foreach (var invocation in invocations)
        {
            // An unknown argument leaves the overload open: the name still binds to the base's method group.
            var info = model.GetSymbolInfo(invocation);
            if (invocation.Expression is not IdentifierNameSyntax bare || (info.Symbol ?? info.CandidateSymbols.FirstOrDefault()) is not IMethodSymbol method
                || !ofTheFramework(method) || model.GetEnclosingSymbol(invocation.SpanStart)?.ContainingType is not { } type) continue;
            var bases = new List<INamedTypeSymbol>();
            for (var b = type.BaseType; b is not null; b = b.BaseType) bases.Add(b);
            if (!bases.Any(b => SymbolEqualityComparer.Default.Equals(b, method.ContainingType?.OriginalDefinition)
                || SymbolEqualityComparer.Default.Equals(b.OriginalDefinition, method.ContainingType?.OriginalDefinition))) continue;
            yield return (Kind.MisspellBaseMember, bare.Identifier, bare.Identifier.Text.Length, bare.Identifier.Text + "Zq");
            break;
        }
        // 'ref'/'out' dropped where every method of that name and count takes the argument by reference.
        foreach (var invocation in invocations)
        {
            var info = model.GetSymbolInfo(invocation);
            var methods = info.Symbol is IMethodSymbol bound ? [bound] : info.CandidateSymbols.OfType<IMethodSymbol>().ToList();
            if (methods.Count == 0 || !methods.All(m => ofTheFramework(m))) continue;
            var arguments = invocation.ArgumentList.Arguments;
            // Not 'out var x': without 'out' that is no expression at all, a mutant that proves nothing of the call.
            var at = arguments.IndexOf(a => a.NameColon is null && a.Expression is not DeclarationExpressionSyntax
                && a.RefKindKeyword.Kind() is SyntaxKind.RefKeyword or SyntaxKind.OutKeyword);
            if (at < 0) continue;
            var original = methods[0].ReducedFrom ?? methods[0];
            var offset = methods[0].ReducedFrom is null ? 0 : 1;
            var overloads = original.ContainingType.GetMembers(original.Name).OfType<IMethodSymbol>().Where(m => Accepts(m, arguments.Count + offset));
            if (overloads.Any(m => at + offset < m.Parameters.Length && m.Parameters[at + offset].RefKind is RefKind.None or RefKind.In)) continue;
            var keyword = arguments[at].RefKindKeyword;
            yield return (Kind.DropRefOrOut, keyword, keyword.Text.Length + 1, "");
            break;
        }
        // An attribute of the framework's, given a field or property it does not have.
        foreach (var argument in tree.GetRoot().DescendantNodes().OfType<AttributeArgumentSyntax>().Where(n => inBlock(n)))
        {
            if (argument.NameEquals is not { } named || argument.Parent?.Parent is not AttributeSyntax attribute
                || model.GetTypeInfo(attribute).Type is not { TypeKind: not TypeKind.Error } type || !ofTheFramework(type)) continue;
            yield return (Kind.MisspellAttributeArgument, named.Name.Identifier, named.Name.Identifier.Text.Length, named.Name.Identifier.Text + "Zq");
            break;
        }
    }

    /// <summary>The name with its second letter changed: one edit, so a near miss of the name it was.</summary>
    private static string OneLetterOff(string name) => name[..1] + (name[1] == 'q' ? 'x' : 'q') + name[2..];

    private static bool Accepts(IMethodSymbol method, int arguments)
    {
        var required = method.Parameters.Count(p => !p.IsOptional && !p.IsParams);
        return arguments >= required && (arguments <= method.Parameters.Length || method.Parameters.Any(p => p.IsParams));
    }
}
