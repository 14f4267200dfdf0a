using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SnippetCheck.Extraction.Snippets;

namespace SnippetCheck.Adoption.Inference.Receivers;

/// <summary>
/// Receivers that another block of the doc set sets up as a lambda's parameter: Quartz's docs show
/// <c>services.AddQuartz(q =&gt; { … })</c> once and then <c>q.AddJob&lt;HelloJob&gt;(…)</c> alone; AutoMapper's show
/// <c>new MapperConfiguration(cfg =&gt; { … })</c> and then <c>cfg.CreateMap&lt;Order, OrderDto&gt;()</c>. Each block of the doc set
/// that has a lambda with untyped parameters is bound, with the doc set's packages and their namespaces imported and its
/// own unknown receivers given of the one type their calls fit (<see cref="ReceiverIndex"/>); the type the compiler gives each
/// parameter is the name's candidate. <see cref="InferredReceivers"/> gives a block's unknown local the candidate on which
/// every call it makes resolves, so a misspelt call, or one with an argument too many, fails.
/// </summary>
internal static class LambdaReceivers
{
    /// <summary>
    /// For each lambda parameter name of <paramref name="docSet"/>'s blocks, the types the compiler gave it (full names, no
    /// generic or error types): the candidates for a bare local of that name in another block.
    /// </summary>
    /// <param name="references">The framework's files, the doc set's packages' and the Web SDK's.</param>
    /// <param name="packageFiles">The doc set's packages' files: their namespaces are imported, as the docs' readers do.</param>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Of(
        IEnumerable<Snippet> docSet, IReadOnlyList<MetadataReference> references, IReadOnlyList<string> packageFiles, IReadOnlyList<string> usings)
    {
        var metadata = references.DistinctBy(r => Path.GetFileName(r.Display), StringComparer.OrdinalIgnoreCase).ToList();
        var index = ReceiverIndex.Of(references);
        var imported = usings.Concat(Namespaces(metadata, packageFiles)).Distinct(StringComparer.Ordinal).ToList();
        var found = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var snippet in docSet)
        {
            var code = string.Join('\n', snippet.Code.Select(l => l.Text));
            var root = CSharpSyntaxTree.ParseText(code).GetCompilationUnitRoot();
            if (!root.DescendantNodes().OfType<LambdaExpressionSyntax>().Any(Untyped)) continue;
            // Its own receivers no line declares ('services' of 'services.AddQuartz(q => …)'), given as their calls fit.
            var unknown = Compile(root.SyntaxTree, metadata, imported).GetSemanticModel(root.SyntaxTree).GetDiagnostics()
                .Where(d => d.Id == "CS0103")
                .Select(d => root.FindNode(d.Location.SourceSpan) is IdentifierNameSyntax n ? n.Identifier.ValueText : null)
                .OfType<string>().Distinct(StringComparer.Ordinal).ToList();
            var fits = InferredReceivers.CallsOn(root, unknown).Select(c => (Name: c.Key, Fit: index.TypeFor(c.Value, c.Key)))
                .Where(f => f.Fit is not null).ToList();
            // After the block's using directives, where statements may stand.
            var at = root.Usings.LastOrDefault()?.FullSpan.End ?? 0;
            var bound = CSharpSyntaxTree.ParseText(
                code[..at] + string.Concat(fits.Select(f => $"{f.Fit!.Type} {f.Name} = default!;\n")) + code[at..]);
            var model = Compile(bound, metadata, [.. imported, .. fits.SelectMany(f => f.Fit!.Namespaces)]).GetSemanticModel(bound);
            foreach (var parameter in bound.GetCompilationUnitRoot().DescendantNodes().OfType<LambdaExpressionSyntax>().Where(Untyped)
                .SelectMany(Parameters))
            {
                if (model.GetDeclaredSymbol(parameter) is not { Type: INamedTypeSymbol { Arity: 0, TypeKind: not TypeKind.Error } type }) continue;
                if (type.SpecialType != SpecialType.None || type.DeclaredAccessibility != Accessibility.Public) continue;
                if (!found.TryGetValue(parameter.Identifier.ValueText, out var types)) found[parameter.Identifier.ValueText] = types = [];
                types.Add(type.ToDisplayString());
            }
        }
        return found.ToDictionary(f => f.Key, f => (IReadOnlyList<string>)[.. f.Value.Order(StringComparer.Ordinal)], StringComparer.Ordinal);
    }

    private static bool Untyped(LambdaExpressionSyntax lambda) => Parameters(lambda).Any(p => p.Type is null);

    private static IEnumerable<ParameterSyntax> Parameters(LambdaExpressionSyntax lambda) => lambda switch
    {
        SimpleLambdaExpressionSyntax simple => [simple.Parameter],
        ParenthesizedLambdaExpressionSyntax parenthesized => parenthesized.ParameterList.Parameters.Where(p => p.Type is null),
        _ => [],
    };

    private static CSharpCompilation Compile(SyntaxTree tree, IReadOnlyList<MetadataReference> metadata, IReadOnlyList<string> usings)
    {
        var imports = CSharpSyntaxTree.ParseText(string.Concat(usings.Select(u => $"global using {u};\n")));
        return CSharpCompilation.Create("lambda-receivers", [imports, tree], metadata, new(OutputKind.ConsoleApplication));
    }

    /// <summary>The namespaces with a public type of <paramref name="packageFiles"/>' assemblies.</summary>
    private static IEnumerable<string> Namespaces(IReadOnlyList<MetadataReference> metadata, IReadOnlyList<string> packageFiles)
    {
        var compilation = CSharpCompilation.Create("lambda-namespaces", references: metadata);
        var files = packageFiles.Select(Path.GetFileName).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var reference in metadata.OfType<PortableExecutableReference>().Where(r => files.Contains(Path.GetFileName(r.FilePath))))
        {
            if (compilation.GetAssemblyOrModuleSymbol(reference) is not IAssemblySymbol assembly) continue;
            var pending = new Stack<INamespaceSymbol>([assembly.GlobalNamespace]);
            while (pending.TryPop(out var ns))
            {
                foreach (var child in ns.GetNamespaceMembers()) pending.Push(child);
                if (!ns.IsGlobalNamespace && ns.GetTypeMembers().Any(t => t.DeclaredAccessibility == Accessibility.Public))
                    yield return ns.ToDisplayString();
            }
        }
    }
}
