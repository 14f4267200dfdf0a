using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SnippetCheck.Extraction;
using SnippetCheck.Model;

namespace SnippetCheck.Compilation;

/// <summary>
/// The <c>check listing</c> level, so that a listing is checked against the API, not compiled as a copy of it: a block that lists an API's signatures
/// (<c>public static string Humanize(this DateTime input, …);</c>, <c>public const long BytesInGibibyte = 1073741824;</c>)
/// is not compiled, since re-declared members compile whatever the library holds; each member it lists is looked up in
/// the packages it references instead (the framework when it references none): a public member of that name and kind,
/// with those parameter, return and field types, and a constant with that value. A member no type has so fails the
/// block (SC2014); when every one is found it is checked, never verified.
/// </summary>
internal static partial class ListingCheck
{
    private static readonly ConditionalWeakTable<object, ILookup<string, ISymbol>> MembersBySet = new();

    /// <summary>Types named as a listing shows them: by name alone, keywords for built-in types, <c>int?</c> for a nullable value.</summary>
    private static readonly SymbolDisplayFormat TypeFormat = new(
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameOnly,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.UseSpecialTypes);

    /// <summary>The block read as a listing: its members, each with the block line it starts on; null when it is not one.</summary>
    public static IReadOnlyList<(MemberDeclarationSyntax Member, int Line)>? Members(IReadOnlyList<string> lines, CSharpParseOptions options)
    {
        // Listings leave out the ';' after a signature, and the body after a type's header line.
        var text = "class __Listing {\n" + string.Join('\n', lines.Select(Completed)) + "\n}";
        var tree = CSharpSyntaxTree.ParseText(text, options);
        if (tree.GetDiagnostics().Any(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error)) return null;
        if (tree.GetRoot() is not CompilationUnitSyntax { Members: [ClassDeclarationSyntax { Members: { Count: > 0 } members }] }) return null;
        var read = new List<(MemberDeclarationSyntax, int)>();
        foreach (var member in members)
        {
            var line = member.GetLocation().GetLineSpan().StartLinePosition.Line - 1;
            var listed = member switch
            {
                FieldDeclarationSyntax field => field.Declaration.Variables.All(v => v.Initializer is null || IsLiteral(v.Initializer.Value)),
                MethodDeclarationSyntax method => method.Body is null && method.ExpressionBody is null,
                ConstructorDeclarationSyntax constructor => constructor.Body is null && constructor.ExpressionBody is null,
                OperatorDeclarationSyntax op => op.Body is null && op.ExpressionBody is null && ListedOperators.MetadataName(op) is not null,
                ConversionOperatorDeclarationSyntax conversion => conversion.Body is null && conversion.ExpressionBody is null,
                PropertyDeclarationSyntax property => property.ExpressionBody is null && property.Initializer is null
                    && property.AccessorList?.Accessors.All(a => a.Body is null && a.ExpressionBody is null) == true,
                TypeDeclarationSyntax type => type.Members.Count == 0,
                _ => false,
            };
            if (!listed || !member.Modifiers.Any(SyntaxKind.PublicKeyword)) return null;
            read.Add((member, line));
        }
        return read;
    }

    private static string Completed(string line)
    {
        var trimmed = line.TrimEnd();
        if (trimmed.EndsWith(')')) return line + ";";
        var words = trimmed.TrimStart().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Any(w => w is "class" or "struct" or "interface" or "record") && !trimmed.Contains('{', StringComparison.Ordinal) ? line + " { }"
            : line;
    }

    /// <summary>
    /// Looks each member of <paramref name="code"/> up in <paramref name="references"/>: the compilation's result for the
    /// <c>check</c> verdict, with an error for each member not found as listed and the first found as the evidence.
    /// </summary>
    internal static CompilationResult Compare(
        string file, IReadOnlyList<CodeLine> code, ImmutableArray<MetadataReference> references, CSharpParseOptions options, int partId)
    {
        var clock = Stopwatch.StartNew();
        SourceLocation At(int line) => code.Count == 0 ? new(file, 1, 1) : code[Math.Clamp(line, 0, code.Count - 1)] is var at
            ? new(file, at.Line, at.Column) : default!;
        var members = Members([.. code.Select(l => l.Text)], options);
        if (members is null)
        {
            return new CompilationResult(false, null, false, [new CompilerDiagnostic(DiagnosticCodes.UnboundApi, Model.DiagnosticSeverity.Error,
                "'listing' reads a block of public signatures without bodies (fields with literal values, methods, constructors, properties, type " +
                "headers); " +
                "this block holds something else: tag it 'check' or 'compile'", At(0), partId)], clock.Elapsed);
        }
        var index = Index(references);
        var errors = new List<CompilerDiagnostic>();
        string? first = null;
        foreach (var (member, line) in members)
        {
            foreach (var (problem, found) in Look(member, index))
            {
                if (problem is not null) errors.Add(
                    new CompilerDiagnostic(DiagnosticCodes.UnboundApi, Model.DiagnosticSeverity.Error, problem, At(line), partId));
                else first ??= found;
            }
        }
        var bound = members.Count - errors.Count;
        return new CompilationResult(errors.Count == 0, null, false, errors, clock.Elapsed)
        {
            Evidence = new CheckEvidence(errors.Count == 0 ? first : null, Math.Max(bound, 0), 0),
        };
    }

    /// <summary>Each name a member declares: what is wrong with it (null when found as listed), or the symbol it was found as.</summary>
    private static IEnumerable<(string? Problem, string? Found)> Look(MemberDeclarationSyntax member, ILookup<string, ISymbol> index)
    {
        switch (member)
        {
            case FieldDeclarationSyntax field:
                foreach (var variable in field.Declaration.Variables) yield return LookField(field, variable, index);
                break;
            case MethodDeclarationSyntax method:
                yield return LookMethod(method, index);
                break;
            case ConstructorDeclarationSyntax constructor:
                yield return LookConstructor(constructor, index);
                break;
            case OperatorDeclarationSyntax op:
            {
                var name = ListedOperators.MetadataName(op)!;
                var match = ListedOperators.Candidates(index, name).FirstOrDefault(
                    m => SameType(op.ReturnType, m.ReturnType) && SameParameters(op.ParameterList, m));
                yield return Result(
                    name, match, ListedOperators.Candidates(index, name), $"'operator {op.OperatorToken.ValueText}{op.ParameterList}'");
                break;
            }
            case ConversionOperatorDeclarationSyntax conversion:
            {
                var name = ListedOperators.MetadataName(conversion);
                var match = ListedOperators.Candidates(index, name).FirstOrDefault(
                    m => SameType(conversion.Type, m.ReturnType) && SameParameters(conversion.ParameterList, m));
                yield return Result(name, match, ListedOperators.Candidates(index, name),
                    $"'{conversion.ImplicitOrExplicitKeyword.ValueText} operator {conversion.Type}{conversion.ParameterList}'");
                break;
            }
            case PropertyDeclarationSyntax property:
                yield return LookProperty(property, index);
                break;
            case TypeDeclarationSyntax type:
                yield return LookType(type, index);
                break;
        }
    }

    /// <summary>A listed field (or constant): its kind, static or not, type and constant value as listed.</summary>
    private static (string?, string?) LookField(FieldDeclarationSyntax field, VariableDeclaratorSyntax variable, ILookup<string, ISymbol> index)
    {
        var name = variable.Identifier.ValueText;
        var candidates = index[name].OfType<IFieldSymbol>().ToList();
        var match = candidates.FirstOrDefault(f => f.IsConst == field.Modifiers.Any(SyntaxKind.ConstKeyword)
            && (f.IsConst || f.IsStatic == field.Modifiers.Any(SyntaxKind.StaticKeyword)) && SameType(field.Declaration.Type, f.Type)
            && (variable.Initializer is null || !f.IsConst || SameValue(variable.Initializer.Value, f.ConstantValue)));
        return Result(name, match, candidates, $"'{variable}' ({field.Declaration.Type})");
    }

    /// <summary>A listed method (an extension method as its receiver's): static or not, return type, type parameters, parameters.</summary>
    private static (string?, string?) LookMethod(MethodDeclarationSyntax method, ILookup<string, ISymbol> index)
    {
        var name = method.Identifier.ValueText;
        var candidates = index[name].OfType<IMethodSymbol>().Where(m => m.MethodKind is MethodKind.Ordinary or MethodKind.ReducedExtension)
            .ToList();
        var match = candidates.FirstOrDefault(
            m => m.IsStatic == method.Modifiers.Any(SyntaxKind.StaticKeyword) && SameType(method.ReturnType, m.ReturnType)
            && m.TypeParameters.Length == (method.TypeParameterList?.Parameters.Count ?? 0) && SameParameters(method.ParameterList, m));
        // The overloads nearest the listed one first: the same receiver, then the same number of parameters.
        var near = candidates.OrderByDescending(
            m => method.ParameterList.Parameters.FirstOrDefault()?.Type is { } type && m.Parameters.FirstOrDefault() is { } first
            && SameType(type, first.Type)).ThenBy(m => Math.Abs(m.Parameters.Length - method.ParameterList.Parameters.Count)).ToList();
        return Result(name, match, near, $"'{name}{method.ParameterList}'");
    }

    /// <summary>A listed constructor: a public one of the type of its name with the parameters listed.</summary>
    private static (string?, string?) LookConstructor(ConstructorDeclarationSyntax constructor, ILookup<string, ISymbol> index)
    {
        var name = constructor.Identifier.ValueText;
        var candidates = index[name].OfType<INamedTypeSymbol>().SelectMany(t => t.InstanceConstructors).Where(
            c => c.DeclaredAccessibility == Accessibility.Public).ToList();
        var match = candidates.FirstOrDefault(c => SameParameters(constructor.ParameterList, c));
        return Result(name, match, candidates, $"constructor '{name}{constructor.ParameterList}'");
    }

    /// <summary>A listed property: static or not, its type, and a public setter when it lists a set or init accessor.</summary>
    private static (string?, string?) LookProperty(PropertyDeclarationSyntax property, ILookup<string, ISymbol> index)
    {
        var name = property.Identifier.ValueText;
        var candidates = index[name].OfType<IPropertySymbol>().ToList();
        var match = candidates.FirstOrDefault(
            p => p.IsStatic == property.Modifiers.Any(SyntaxKind.StaticKeyword) && SameType(property.Type, p.Type)
            && (property.AccessorList!.Accessors.Any(
                a => a.IsKind(SyntaxKind.SetAccessorDeclaration) || a.IsKind(SyntaxKind.InitAccessorDeclaration))
                ? p.SetMethod?.DeclaredAccessibility == Accessibility.Public : true));
        return Result(name, match, candidates, $"property '{property.Type} {name}'");
    }

    /// <summary>A listed type: its arity, its kind, and every base type and interface it lists.</summary>
    private static (string?, string?) LookType(TypeDeclarationSyntax type, ILookup<string, ISymbol> index)
    {
        var name = type.Identifier.ValueText;
        var candidates = index[name].OfType<INamedTypeSymbol>().ToList();
        var match = candidates.FirstOrDefault(t => t.Arity == (type.TypeParameterList?.Parameters.Count ?? 0) && KindOf(type) == t.TypeKind
            && (type.BaseList?.Types.All(b => t.AllInterfaces.Append(t.BaseType).OfType<ITypeSymbol>().Any(s => SameType(b.Type, s)))
                ?? true));
        return Result(
            name, match, candidates, $"{type.Keyword.ValueText} '{name}'{(type.BaseList is null ? "" : " " + type.BaseList)}");
    }

    private static (string?, string?) Result(string name, ISymbol? match, IReadOnlyList<ISymbol> candidates, string listed) =>
        match is not null
            ? (null, match.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat))
            : (candidates.Count == 0
                ? $"the listing's {listed} is not in the API it documents: no public type of its packages declares '{name}'"
                : $"the listing's {listed} is not in the API it documents: it declares " +
                $"{string.Join(", ", candidates.Take(3).Select(Shown))}{(candidates.Count > 3 ? $" and {candidates.Count - 3} more" : "")}", null);

    private static string Shown(ISymbol symbol) => symbol is IFieldSymbol { IsConst: true } constant
        ? $"'{constant.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat)} = " +
        $"{Convert.ToString(constant.ConstantValue, CultureInfo.InvariantCulture)}'"
        : $"'{symbol.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat)}'";

    private static TypeKind KindOf(TypeDeclarationSyntax type) => type switch
    {
        StructDeclarationSyntax => TypeKind.Struct,
        InterfaceDeclarationSyntax => TypeKind.Interface,
        RecordDeclarationSyntax record => record.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword) ? TypeKind.Struct : TypeKind.Class,
        _ => TypeKind.Class,
    };

    /// <summary>
    /// The public members, constructors' types and types of the packages and projects of <paramref name="references"/> (the
    /// framework's, when it has no other), by name; built once per reference set.
    /// </summary>
    private static ILookup<string, ISymbol> Index(ImmutableArray<MetadataReference> references)
    {
        var key = (object?)ImmutableCollectionsMarshal.AsArray(references) ?? Array.Empty<MetadataReference>();
        return MembersBySet.GetValue(key, _ =>
        {
            var compilation = SnippetCompiler.BaseFor(references);
            var packages = references.Where(r => !CheckLevel.IsFramework(r)).ToList();
            var assemblies = (packages.Count > 0 ? packages : [.. references]).Select(compilation.GetAssemblyOrModuleSymbol)
                .OfType<IAssemblySymbol>();
            var symbols = new List<ISymbol>();
            void Walk(INamespaceOrTypeSymbol container)
            {
                foreach (var member in container.GetMembers())
                {
                    if (member is INamespaceSymbol space) Walk(space);
                    else if (member is INamedTypeSymbol type && type.DeclaredAccessibility == Accessibility.Public)
                    {
                        symbols.Add(type);
                        symbols.AddRange(type.GetMembers().Where(m => m.DeclaredAccessibility == Accessibility.Public && m is not INamedTypeSymbol));
                        Walk(type);
                    }
                }
            }
            foreach (var assembly in assemblies) Walk(assembly.GlobalNamespace);
            return symbols.ToLookup(s => s.Name, StringComparer.Ordinal);
        });
    }
}
