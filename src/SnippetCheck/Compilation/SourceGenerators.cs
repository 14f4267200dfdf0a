using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SnippetCheck.Compilation;

/// <summary>
/// The source generators a project of the snippet's framework runs: the ones its targeting pack ships beside its
/// reference assemblies (<c>packs/Microsoft.NETCore.App.Ref/&lt;version&gt;/analyzers/dotnet/cs</c>). <c>dotnet run</c>
/// runs them, so <c>[GeneratedRegex]</c>, <c>[JsonSerializable]</c>, <c>[LibraryImport]</c> and <c>[LoggerMessage]</c>
/// partials compile there; without them each is CS8795 or a missing member, a verdict the SDK never gives. Only the
/// generators an attribute turns on: the web SDK's opt-in ones write interceptors, which need project properties a
/// snippet has no way to set. Nothing from a package or the docs' repository is loaded: only the packs of the .NET
/// installation the tool compiles against (a matrix's other frameworks, restored into the package cache, get none).
/// </summary>
internal static class SourceGenerators
{
    /// <summary>The generators each attribute turns on, by assembly file name, as the packs ship them.</summary>
    private static readonly string[] AttributeDriven =
    [
        "System.Text.RegularExpressions.Generator.dll", "System.Text.Json.SourceGeneration.dll",
        "Microsoft.Interop.LibraryImportGenerator.dll", "Microsoft.Interop.ComInterfaceGenerator.dll",
        "Microsoft.Interop.JavaScript.JSImportGenerator.dll", "Microsoft.Extensions.Logging.Generators.dll",
        "Microsoft.Extensions.Options.SourceGeneration.dll",
    ];

    private static readonly string[] FrameworkPacks = ["Microsoft.NETCore.App.Ref", "Microsoft.AspNetCore.App.Ref"];

    private static readonly ConditionalWeakTable<object, IReadOnlyList<ISourceGenerator>> ByReferences = new();
    private static readonly Dictionary<string, IReadOnlyList<ISourceGenerator>> ByFolder = new(StringComparer.Ordinal);

    /// <summary>The generators of the framework packs <paramref name="references"/> come from; none for a set from nowhere known.</summary>
    public static IReadOnlyList<ISourceGenerator> For(ImmutableArray<MetadataReference> references)
    {
        var key = (object?)ImmutableCollectionsMarshal.AsArray(references) ?? Array.Empty<MetadataReference>();
        return ByReferences.GetValue(key, _ => [.. references.OfType<PortableExecutableReference>()
            .Select(r => AnalyzerFolderOf(r.FilePath)).OfType<string>().Distinct(StringComparer.Ordinal).SelectMany(InFolder)]);
    }

    /// <summary>
    /// The program with what the generators write added, and their diagnostics; the program as it was when none applies.
    /// They run only for a program that carries an attribute one of them acts on (<see cref="MayFill"/>).
    /// </summary>
    public static (CSharpCompilation Compilation, ImmutableArray<Diagnostic> Diagnostics) Run(
        CSharpCompilation compilation, CompileSettings settings, CancellationToken cancellationToken)
    {
        var generators = For(settings.References);
        if (generators.Count == 0 || !compilation.SyntaxTrees.Any(t => MayFill(t, cancellationToken))) return (compilation, []);
        CSharpGeneratorDriver.Create(generators, parseOptions: settings.ParseOptions)
            .RunGeneratorsAndUpdateCompilation(compilation, out var generated, out var diagnostics, cancellationToken);
        return ((CSharpCompilation)generated, diagnostics);
    }

    /// <summary>
    /// True when <paramref name="tree"/> carries an attribute one of the generators acts on: the author's partial for it to
    /// fill. The tool's own wrappers (<c>partial class Program</c>) carry none, so they cost no generator run.
    /// </summary>
    public static bool MayFill(SyntaxTree tree, CancellationToken cancellationToken = default) =>
        tree.GetRoot(cancellationToken).DescendantNodes().OfType<AttributeSyntax>()
            .Any(a => Triggers.Contains(SimpleName(a.Name.ToString())));

    /// <summary>The attributes the generators above act on, by simple name.</summary>
    private static readonly HashSet<string> Triggers = new(StringComparer.Ordinal)
    {
        "GeneratedRegex", "JsonSerializable", "LibraryImport", "GeneratedComInterface", "GeneratedComClass", "JSImport", "JSExport",
        "LoggerMessage", "OptionsValidator",
    };

    private static string SimpleName(string name)
    {
        var simple = name[(name.LastIndexOf('.') + 1)..];
        return simple.EndsWith("Attribute", StringComparison.Ordinal) ? simple[..^"Attribute".Length] : simple;
    }

    /// <summary><c>…/packs/Microsoft.NETCore.App.Ref/10.0.12/analyzers/dotnet/cs</c> of <c>…/10.0.12/ref/net10.0/System.Runtime.dll</c>.</summary>
    private static string? AnalyzerFolderOf(string? reference)
    {
        if (reference is null) return null;
        var version = Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(reference)));
        var pack = Path.GetFileName(Path.GetDirectoryName(version));
        if (version is null || !FrameworkPacks.Any(p => string.Equals(p, pack, StringComparison.OrdinalIgnoreCase))) return null;
        // Only the SDK's own packs: a reference of the docs' config laid out like a pack must not bring code into the process.
        var folder = Path.GetFullPath(Path.Combine(version, "analyzers", "dotnet", "cs"));
        var packs = Path.GetFullPath(Path.Combine(Execution.DotnetInstallation.Root, "packs")) + Path.DirectorySeparatorChar;
        return folder.StartsWith(packs, StringComparison.Ordinal) && Directory.Exists(folder) ? folder : null;
    }

    private static IReadOnlyList<ISourceGenerator> InFolder(string folder)
    {
        lock (ByFolder)
        {
            if (ByFolder.TryGetValue(folder, out var known)) return known;
            var loader = new FolderLoader(folder);
            IReadOnlyList<ISourceGenerator> generators = [.. AttributeDriven.Select(name => Path.Combine(folder, name)).Where(File.Exists)
                .SelectMany(path => new AnalyzerFileReference(path, loader).GetGenerators(LanguageNames.CSharp))];
            ByFolder[folder] = generators;
            return generators;
        }
    }

    /// <summary>
    /// Loads a pack's generators and their siblings (<c>Microsoft.Interop.SourceGeneration</c>) in a context of their
    /// own; the compiler's assemblies come from the tool's, the one copy the generators must share with it.
    /// </summary>
    private sealed class FolderLoader(string folder) : AssemblyLoadContext("source-generators", isCollectible: false), IAnalyzerAssemblyLoader
    {
        public void AddDependencyLocation(string fullPath) { }

        public Assembly LoadFromPath(string fullPath) => LoadFromAssemblyPath(fullPath);

        protected override Assembly? Load(AssemblyName name)
        {
            if (name.Name is null || name.Name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal)) return null;
            var sibling = Path.Combine(folder, name.Name + ".dll");
            return File.Exists(sibling) ? LoadFromAssemblyPath(sibling) : null;
        }
    }
}
