using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SnippetCheck.Compilation;

/// <summary>
/// What a reader's hover card says about an identifier: the symbol the compiler bound it to, displayed as an IDE's
/// quick info displays it, its documentation's summary (from the XML file beside the reference assembly, as the IDE
/// reads it), and the API page of a framework symbol.
/// </summary>
internal sealed partial class SymbolCards(CSharpCompilation compilation)
{
    /// <summary>The framework's reference packs: their symbols have pages under <see cref="FrameworkDocs"/>.</summary>
    private static readonly string[] FrameworkPacks = ["Microsoft.NETCore.App.Ref", "Microsoft.AspNetCore.App.Ref"];

    private const string FrameworkDocs = "https://learn.microsoft.com/dotnet/api/";

    /// <summary>Documentation files read so far, by path: member ID → summary.</summary>
    private static readonly ConcurrentDictionary<string, Lazy<IReadOnlyDictionary<string, string>>> DocumentationFiles = new();

    private static readonly SymbolDisplayFormat Format = new(
        globalNamespaceStyle: SymbolDisplayGlobalNamespaceStyle.Omitted,
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypes,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters | SymbolDisplayGenericsOptions.IncludeVariance,
        memberOptions: SymbolDisplayMemberOptions.IncludeParameters | SymbolDisplayMemberOptions.IncludeType |
                       SymbolDisplayMemberOptions.IncludeContainingType | SymbolDisplayMemberOptions.IncludeRef |
                       SymbolDisplayMemberOptions.IncludeConstantValue,
        kindOptions: SymbolDisplayKindOptions.IncludeTypeKeyword | SymbolDisplayKindOptions.IncludeNamespaceKeyword,
        parameterOptions: SymbolDisplayParameterOptions.IncludeType | SymbolDisplayParameterOptions.IncludeName |
                          SymbolDisplayParameterOptions.IncludeDefaultValue | SymbolDisplayParameterOptions.IncludeParamsRefOut |
                          SymbolDisplayParameterOptions.IncludeExtensionThis,
        propertyStyle: SymbolDisplayPropertyStyle.ShowReadWriteDescriptor,
        localOptions: SymbolDisplayLocalOptions.IncludeType | SymbolDisplayLocalOptions.IncludeConstantValue,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.UseSpecialTypes | SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers |
                              SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    /// <summary>The note for an identifier token; null when the compiler bound it to nothing.</summary>
    public SymbolNote? NoteFor(SemanticModel model, SyntaxToken token, string file, int line, int column)
    {
        if (token.Parent is IdentifierNameSyntax { IsVar: true } varName && model.GetSymbolInfo(varName).Symbol is ITypeSymbol inferred)
            return new SymbolNote(file, line, column, token.Span.Length, "keyword", Signature(inferred), Summary(inferred), DocsUrl(inferred));
        if (SymbolOf(model, token) is not { } symbol) return null;
        var shown = symbol is IMethodSymbol { MethodKind: MethodKind.Constructor } constructor && token.ValueText == constructor.ContainingType.Name
            ? (ISymbol)constructor.ContainingType : symbol;
        return new SymbolNote(file, line, column, token.Span.Length, ClassOf(shown), Signature(symbol), Summary(symbol), DocsUrl(symbol));
    }

    private static ISymbol? SymbolOf(SemanticModel model, SyntaxToken token)
    {
        var node = token.Parent;
        if (node is SimpleNameSyntax name)
        {
            var info = model.GetSymbolInfo(name);
            return info.Symbol ?? info.CandidateSymbols.FirstOrDefault();
        }
        // A declaration's own name: the token is the node's identifier.
        return node is null ? null : model.GetDeclaredSymbol(node);
    }

    /// <summary>The CSS class a symbol's tokens get (docs/render.md lists them).</summary>
    public static string ClassOf(ISymbol symbol) => symbol switch
    {
        INamedTypeSymbol { TypeKind: TypeKind.Interface } => "interface",
        INamedTypeSymbol { TypeKind: TypeKind.Struct } => "struct",
        INamedTypeSymbol { TypeKind: TypeKind.Enum } => "enum",
        INamedTypeSymbol { TypeKind: TypeKind.Delegate } => "delegate",
        INamedTypeSymbol or IErrorTypeSymbol => "class",
        ITypeParameterSymbol => "type-parameter",
        IMethodSymbol { IsExtensionMethod: true } or IMethodSymbol { ReducedFrom: not null } => "extension-method",
        IMethodSymbol => "method",
        IPropertySymbol => "property",
        IFieldSymbol { ContainingType.TypeKind: TypeKind.Enum } => "enum-member",
        IFieldSymbol { IsConst: true } => "constant",
        IFieldSymbol => "field",
        IEventSymbol => "event",
        ILocalSymbol => "local",
        IParameterSymbol => "parameter",
        INamespaceSymbol => "namespace",
        ILabelSymbol => "label",
        IRangeVariableSymbol => "local",
        _ => "identifier",
    };

    /// <summary>As quick info shows it: <c>(local variable) int total</c>, <c>void Console.WriteLine(string? value)</c>.</summary>
    public static string Signature(ISymbol symbol)
    {
        var text = Execution.WrapperNames.Strip(symbol.ToDisplayString(Format))!;
        return symbol switch
        {
            ILocalSymbol { IsConst: true } => "(constant) " + text,
            ILocalSymbol => "(local variable) " + text,
            IParameterSymbol => "(parameter) " + text,
            IRangeVariableSymbol => "(range variable) " + text,
            IFieldSymbol { IsConst: true, ContainingType.TypeKind: not TypeKind.Enum } => "(constant) " + text,
            IFieldSymbol { ContainingType.TypeKind: not TypeKind.Enum } => "(field) " + text,
            IMethodSymbol { ReducedFrom: not null } => "(extension) " + text,
            _ => text,
        };
    }

    /// <summary>The documentation's summary as plain text, from the compilation's own comments or the XML file beside the reference.</summary>
    public string? Summary(ISymbol symbol)
    {
        var definition = symbol is IMethodSymbol { ReducedFrom: { } unreduced } ? unreduced : symbol.OriginalDefinition;
        if (definition is ILocalSymbol or IParameterSymbol or IRangeVariableSymbol or ILabelSymbol or ITypeParameterSymbol) return null;
        if (definition.GetDocumentationCommentId() is not { } id) return null;
        var xml = definition.Locations.Any(l => l.IsInSource) ? definition.GetDocumentationCommentXml() : null;
        if (!string.IsNullOrEmpty(xml)) return SummaryOf(xml);
        return DocumentationFileOf(definition) is { } file
            && DocumentationFiles.GetOrAdd(file, f => new(() => ReadDocumentation(f))).Value.TryGetValue(id, out var summary)
            ? summary
            : null;
    }

    /// <summary>The API page of a symbol of the framework's reference assemblies; null for anything else.</summary>
    public string? DocsUrl(ISymbol symbol)
    {
        var definition = symbol is IMethodSymbol { ReducedFrom: { } unreduced } ? unreduced : symbol.OriginalDefinition;
        if (definition is ILocalSymbol or IParameterSymbol or IRangeVariableSymbol or ILabelSymbol or ITypeParameterSymbol) return null;
        if (AssemblyFileOf(definition) is not { } file || !FrameworkPacks.Any(pack => file.Contains(pack, StringComparison.Ordinal))) return null;
        return FrameworkDocs + (definition switch
        {
            INamespaceSymbol ns => ns.ToDisplayString(),
            INamedTypeSymbol type => PageName(type),
            IMethodSymbol { MethodKind: MethodKind.Constructor } ctor => PageName(ctor.ContainingType) + ".-ctor",
            _ when definition.ContainingType is { } owner => PageName(owner) + "." + definition.MetadataName.Split('`')[0],
            _ => definition.Name,
        }).ToLowerInvariant();
    }

    /// <summary><c>System.Collections.Generic.List`1</c> is the page <c>system.collections.generic.list-1</c>.</summary>
    private static string PageName(INamedTypeSymbol type)
    {
        var names = new Stack<string>();
        for (var current = type; current is not null; current = current.ContainingType)
            names.Push(current.MetadataName.Replace('`', '-'));
        var ns = type.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() + "." : "";
        return ns + string.Join('.', names);
    }

    private string? AssemblyFileOf(ISymbol symbol) =>
        symbol.ContainingAssembly is { } assembly && compilation.GetMetadataReference(assembly) is PortableExecutableReference { FilePath: { } path }
        ? path : null;

    private string? DocumentationFileOf(ISymbol symbol) =>
        AssemblyFileOf(symbol) is { } path && Path.ChangeExtension(path, ".xml") is var xml && File.Exists(xml) ? xml : null;

    /// <summary>Every member's summary in a documentation file, read once per process.</summary>
    private static IReadOnlyDictionary<string, string> ReadDocumentation(string path)
    {
        var summaries = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            foreach (var member in XDocument.Load(path).Descendants("member"))
            {
                if (member.Attribute("name")?.Value is { } name && member.Element("summary") is { } summary) summaries[name] = PlainText(summary);
            }
        }
        catch (Exception e) when (e is IOException or System.Xml.XmlException or UnauthorizedAccessException)
        {
            // No card text is better than no render: the signature still shows.
        }
        return summaries;
    }

    private static string? SummaryOf(string memberXml)
    {
        try
        {
            return XElement.Parse(memberXml).Element("summary") is { } summary ? PlainText(summary) : null;
        }
        catch (System.Xml.XmlException)
        {
            return null;
        }
    }

    /// <summary>A summary's text, with <c>&lt;see cref&gt;</c> and <c>&lt;paramref&gt;</c> read as the names they point at.</summary>
    private static string PlainText(XElement summary)
    {
        var text = new StringBuilder();
        foreach (var node in summary.DescendantNodes())
        {
            switch (node)
            {
                case XText t when t.Parent is not null:
                    text.Append(t.Value);
                    break;
                case XElement { Name.LocalName: "see" or "seealso" } see when !see.Nodes().Any():
                    var target = see.Attribute("cref")?.Value ?? see.Attribute("langword")?.Value ?? see.Attribute("href")?.Value ?? "";
                    text.Append(CrefName(target));
                    break;
                case XElement { Name.LocalName: "paramref" or "typeparamref" } reference:
                    text.Append(reference.Attribute("name")?.Value);
                    break;
            }
        }
        return Whitespace().Replace(text.ToString(), " ").Trim();
    }

    /// <summary><c>M:System.String.Join(System.String,System.String[])</c> reads as <c>String.Join</c>.</summary>
    private static string CrefName(string cref)
    {
        var name = cref.Length > 2 && cref[1] == ':' ? cref[2..] : cref;
        name = name.Split('(')[0];
        var parts = name.Split('.');
        var shown = parts.Length >= 2 && cref.StartsWith("T:", StringComparison.Ordinal) ? parts[^1] : parts.Length >= 2 ? parts[^2] + "." + parts[^1]
            : name;
        return shown.Split('`')[0];
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
