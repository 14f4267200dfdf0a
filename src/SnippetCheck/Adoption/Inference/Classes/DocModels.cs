using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SnippetCheck.Configuration;
using SnippetCheck.Programs;
using SnippetCheck.Extraction;
using SnippetCheck.Extraction.Snippets;

namespace SnippetCheck.Adoption.Inference.Classes;

/// <summary>
/// Models across pages: the plain types one page of a doc set declares (FluentValidation's <c>Customer</c>,
/// <c>Address</c>: properties and fields, no base class) and other pages use without declaring. They become hidden code
/// for the whole folder, a config prelude (docs/tags.md, "Hidden code for a whole folder"), each page's types in a
/// namespace of their own (<c>DocModels.Start</c>), since two pages may declare a <c>Customer</c> each with other
/// members. A block gets one page's types through a hidden using (<c>usings=DocModels.Start</c>), only when it passes
/// so; a block that declares a type of the same name keeps its own (a type of the global namespace comes first).
/// </summary>
internal sealed class DocModels
{
    /// <summary>The namespace each page's models go under; the page's name follows it.</summary>
    public const string RootNamespace = "DocModels";

    /// <summary>
    /// Where adopt writes the models: the config's <c>hiddenCode</c>, one line of C# a JSON string, not a C# file beside
    /// the pages, which a reader browsing the docs would see.
    /// </summary>
    public const string FileName = SnippetCheckConfig.FileName;

    /// <summary>The config's line of the first line of code, and its column, as <see cref="Writing.DocModelsWriter"/> lays it out.</summary>
    private const int FirstLine = 3, Column = 6;

    /// <summary>One declared type: the namespace it goes in, its name, its members' names, and the page that declares it.</summary>
    public sealed record Model(string Namespace, string Name, IReadOnlySet<string> Members, string Page);

    private DocModels(IReadOnlyList<Model> types, IReadOnlyList<string> lines, string displayPath)
    {
        Types = types;
        Lines = lines;
        var code = lines.Select((text, i) => new CodeLine(text, FirstLine + i, Column));
        Prelude = types.Count == 0 ? null : Prelude.OfLines(displayPath, [.. code]);
    }

    /// <summary>No models: a run with a config file, or pages that declare none.</summary>
    public static readonly DocModels None = new([], [], FileName);

    /// <summary>True when <paramref name="tags"/> use a page's models (a hidden using of theirs).</summary>
    public static bool Uses(SnippetTags tags) => tags.Usings.Any(IsModelNamespace);

    public static bool IsModelNamespace(string ns) => ns.StartsWith(RootNamespace + ".", StringComparison.Ordinal);

    /// <summary>
    /// The config's <c>hiddenCode</c> lines <see cref="Writing.DocModelsWriter"/> writes for <paramref name="usings"/>: the models of the pages
    /// whose namespaces a proposal uses, then their stubs; empty when no proposal uses a model.
    /// </summary>
    public IReadOnlyList<string> Code(IEnumerable<string> usings)
    {
        var used = usings.Where(IsModelNamespace).ToHashSet(StringComparer.Ordinal);
        if (used.Count == 0 || Types.Count == 0 && _stubs.Count == 0) return [];
        var code = new List<string>();
        var keep = true;
        foreach (var line in Lines)
        {
            // Each page's namespace starts at its '// page' comment line; a namespace no proposal uses is left out.
            if (line.StartsWith("// ", StringComparison.Ordinal) && Types.Any(t => "// " + t.Page == line))
                keep = used.Contains(Types.First(t => "// " + t.Page == line).Namespace);
            if (keep) code.Add(line);
        }
        foreach (var stub in _stubs.Where(s => used.Contains(s.Namespace))) code.AddRange(code.Count == 0 ? stub.Lines : ["", .. stub.Lines]);
        return code;
    }

    /// <summary>The stub models of blocks no declared model fits (<see cref="StubModels"/>), written after the pages' models.</summary>
    private readonly List<StubModels.Stub> _stubs = [];

    /// <summary>Adds <paramref name="stub"/>, to be written when a proposal uses its namespace; never to <see cref="None"/>.</summary>
    public void Add(StubModels.Stub stub)
    {
        if (!ReferenceEquals(this, None)) _stubs.Add(stub);
    }

    /// <summary>Every model type the prelude declares.</summary>
    public IReadOnlyList<Model> Types { get; }

    /// <summary>The prelude file's lines.</summary>
    public IReadOnlyList<string> Lines { get; }

    /// <summary>The prelude, as a config prelude of the file would be read; null when no page declares a model.</summary>
    public Prelude? Prelude { get; }

    /// <summary><paramref name="document"/> with the models as its first prelude, as <c>verify</c> will read it through config.</summary>
    public PreparedDocument Around(PreparedDocument document) =>
        Prelude is null ? document : document with { Snippets = document.Snippets with { Preludes = [Prelude, .. document.Snippets.Preludes] } };

    /// <summary>
    /// The models of <paramref name="documents"/>' C# blocks, in one prelude that compiles against
    /// <paramref name="references"/> with <paramref name="usings"/> (a page whose models do not is left out).
    /// </summary>
    public static DocModels Of(IReadOnlyList<PreparedDocument> documents, ImmutableArray<MetadataReference> references, IReadOnlyList<string> usings,
        CSharpParseOptions options, string displayPath)
    {
        var pages = new List<(string Namespace, string Page, List<(TypeDeclarationSyntax Type, IReadOnlySet<string> Members)> Types)>();
        var namespaces = new HashSet<string>(StringComparer.Ordinal);
        foreach (var document in documents)
        {
            var types = new List<(TypeDeclarationSyntax, IReadOnlySet<string>)>();
            foreach (var snippet in document.Snippets.Snippets)
            {
                var root = CSharpSyntaxTree.ParseText(string.Join('\n', snippet.Code.Select(l => l.Text)), options).GetCompilationUnitRoot();
                if (root.ContainsDiagnostics) continue;
                foreach (var type in root.DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax)
                    .OfType<TypeDeclarationSyntax>())
                {
                    if (IsModel(type) && types.All(t => t.Item1.Identifier.ValueText != type.Identifier.ValueText)) types.Add(
                        (type, MembersOf(type)));
                }
            }
            if (types.Count == 0) continue;
            var page = document.Snippets.DisplayPath;
            var name = PageNamespace(page);
            for (var i = 2; !namespaces.Add(name); i++) name = PageNamespace(page) + i;
            pages.Add((name, page, types));
        }

        // A page whose models do not compile (a member of a type no page declares) is left out, and the rest tried again.
        for (var round = 0; round < 4 && pages.Count > 0; round++)
        {
            var (text, spans) = Text(pages);
            var tree = CSharpSyntaxTree.ParseText(text, options);
            var global = CSharpSyntaxTree.ParseText(
                string.Concat(usings.Select(u => $"global using {(u.StartsWith("static ", StringComparison.Ordinal) ? u : "global::" + u)};\n")),
                options);
            var errors = CSharpCompilation.Create(
                "models", [global, tree], references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary))
                .GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error && d.Location.SourceTree == tree).ToList();
            if (errors.Count == 0) break;
            var broken = errors.Select(e => spans.FindIndex(s => s.Contains(e.Location.SourceSpan.Start))).ToHashSet();
            if (broken.Contains(-1)) { pages.Clear(); break; }
            pages = [.. pages.Where((_, i) => !broken.Contains(i))];
        }
        var models = pages.SelectMany(
            p => p.Types.Select(t => new Model($"{RootNamespace}.{p.Namespace}", t.Type.Identifier.ValueText, t.Members, p.Page))).ToList();
        return new DocModels(models, pages.Count == 0 ? [] : Text(pages).Text.Split('\n'), displayPath);
    }

    /// <summary>The prelude's text, and the span of each page's namespace in it.</summary>
    private static (string Text, List<Microsoft.CodeAnalysis.Text.TextSpan> Spans) Text(
        IReadOnlyList<(string Namespace, string Page, List<(TypeDeclarationSyntax Type, IReadOnlySet<string> Members)> Types)> pages)
    {
        var text = new StringBuilder("// Written by snippetcheck adopt: the types each page of the docs declares, for the pages that use them\n")
            .Append("// without declaring them (docs/tags.md, \"Hidden code for a whole folder\"). Edit it as the docs change.\n#nullable disable\n");
        var spans = new List<Microsoft.CodeAnalysis.Text.TextSpan>();
        foreach (var (ns, page, types) in pages)
        {
            var start = text.Length;
            text.Append("\n// ").Append(page).Append('\n').Append("namespace ").Append(RootNamespace).Append('.').Append(ns).Append("\n{\n");
            foreach (var (type, _) in types) text.Append(Indented(type)).Append('\n');
            text.Append("}\n");
            spans.Add(Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(start, text.Length));
        }
        return (text.ToString().TrimEnd('\n'), spans);
    }

    private static string Indented(TypeDeclarationSyntax type) =>
        string.Join('\n', type.WithoutTrivia().ToFullString().Replace("\r", "", StringComparison.Ordinal).Split('\n').Select(
            l => "    " + l.TrimEnd()));

    /// <summary>
    /// A plain type: a class, record or struct without a base list, whose members are properties, fields and
    /// constructors only (nothing that runs logic a page might lean on), with no attributes.
    /// </summary>
    private static bool IsModel(TypeDeclarationSyntax type) =>
        type is ClassDeclarationSyntax or RecordDeclarationSyntax or StructDeclarationSyntax && type.BaseList is null
        && type.AttributeLists.Count == 0 &&
        type.TypeParameterList is null
        && !type.Modifiers.Any(m => m.Kind() is SyntaxKind.StaticKeyword or SyntaxKind.AbstractKeyword or SyntaxKind.PartialKeyword)
        &&
        type.Members.All(m => m is PropertyDeclarationSyntax or FieldDeclarationSyntax or ConstructorDeclarationSyntax) &&
        (type.Members.Count > 0 || type.ParameterList is not null);

    private static IReadOnlySet<string> MembersOf(TypeDeclarationSyntax type) =>
        type.Members.OfType<PropertyDeclarationSyntax>().Select(p => p.Identifier.ValueText)
            .Concat(type.Members.OfType<FieldDeclarationSyntax>().SelectMany(f => f.Declaration.Variables.Select(v => v.Identifier.ValueText)))
            .Concat(type.ParameterList?.Parameters.Select(p => p.Identifier.ValueText) ?? [])
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// <c>built-in-validators.md</c> → <c>BuiltInValidators</c>, <c>mapping-by-index/index.md</c> → <c>MappingByIndex</c>: a page's name as an
    /// identifier.
    /// </summary>
    internal static string PageNamespace(string displayPath)
    {
        // A page that is its folder's index (docs/reading/index.md) goes by its folder's name.
        var stem = Path.GetFileNameWithoutExtension(displayPath);
        if (stem.Equals("index", StringComparison.OrdinalIgnoreCase) || stem.Equals("_index", StringComparison.OrdinalIgnoreCase)
            || stem.Equals("readme", StringComparison.OrdinalIgnoreCase))
            stem = Path.GetFileName(Path.GetDirectoryName(displayPath)) is { Length: > 0 } folder ? folder : stem;
        var name = string.Concat(
            System.Text.RegularExpressions.Regex.Split(stem, "[^A-Za-z0-9]+").Where(w => w.Length > 0).Select(
                w => char.ToUpperInvariant(w[0]) + w[1..]));
        return name.Length == 0 || char.IsDigit(name[0]) ? "Page" + name : name;
    }
}
