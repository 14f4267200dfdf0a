using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Unit;

/// <summary>
/// Dependencies in the core run one way, along the pipeline: documents → blocks → snippets → compile/run → verify →
/// report. Checked on the source with Roslyn's semantic model, so a use in a method body counts as much as a signature.
/// </summary>
public sealed class ArchitectureTests
{
    /// <summary>Each folder may use folders of a lower rank only, with no exception.</summary>
    private static readonly Dictionary<string, int> Ranks = new()
    {
        // The vocabulary every stage shares (locations, diagnostics and their codes, frameworks): it uses no other folder.
        ["Model"] = 0,
        // The content-addressed store every cache keeps its entries in (key, hash, lock, atomic write): it uses no other folder.
        ["Store"] = 0,
        ["Discovery"] = 1,
        ["Markdown"] = 2,
        ["DocComments"] = 3,
        ["Snippets"] = 4,
        ["Configuration"] = 5,
        // What a run says of each block (verdicts, results, the report): they name the snippets and documents they are on.
        ["Results"] = 5,
        ["Execution"] = 6,
        ["Compilation"] = 7,
        ["Packages"] = 8,
        // The judge and what it compares output with (scrubbers, the diff).
        ["Judging"] = 9,
        ["Programs"] = 10,
        // What each framework of a matrix compiles against and runs on: its restored packs and the runner built for it.
        ["Frameworks"] = 10,
        ["Caching"] = 11,
        // The driver: one run planned (documents loaded, programs, the matrix, shards) and driven alone, merged or as sessions.
        ["Driver"] = 12,
        ["Reporting"] = 13,
        ["Authoring"] = 14,
        // An editor's view of verdicts (the language server's core): findings, carried run failures, quick-fix edits.
        ["Editing"] = 15,
        // Verified blocks as readers see them (render): highlighting from the compiler's notes, fragments, the copy.
        ["Rendering"] = 14,
        // Posts verified again on the newest versions of their pins: a verify run, its reports and the rewriter.
        ["Outdated"] = 15,
    };

    /// <summary>The SDK's implicit usings (ImplicitUsings in Directory.Build.props), without which Environment or File would not bind.</summary>
    private static readonly string[] ImplicitUsings =
        ["System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks"];

    /// <summary>The core's source (and src/Shared), bound once for every rule here.</summary>
    private static readonly Lazy<CSharpCompilation> Core = new(() =>
    {
        var files = Directory.GetFiles(CoreFolder, "*.cs", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(RepositoryRoot.PathOf("src/Shared"), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        var trees = files.Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), path: f)).ToList();
        trees.Add(CSharpSyntaxTree.ParseText(string.Concat(ImplicitUsings.Select(n => $"global using {n};\n")), path: "ImplicitUsings.cs"));
        return CSharpCompilation.Create("Architecture", trees, References(), new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
    });

    private static string CoreFolder => RepositoryRoot.PathOf("src/SnippetCheck");

    [Fact]
    public void Every_folder_of_the_core_depends_only_on_the_ones_before_it()
    {
        var core = CoreFolder;
        var compilation = Core.Value;
        var trees = compilation.SyntaxTrees;

        var violations = new SortedSet<string>(StringComparer.Ordinal);
        var checkedUses = 0;
        foreach (var tree in trees)
        {
            var model = compilation.GetSemanticModel(tree);
            var from = LayerOf(((CompilationUnitSyntax)tree.GetRoot()).DescendantNodes().OfType<BaseNamespaceDeclarationSyntax>().FirstOrDefault()?.Name.ToString());
            if (from is null) continue;
            foreach (var name in tree.GetRoot().DescendantNodes().OfType<SimpleNameSyntax>())
            {
                var symbol = model.GetSymbolInfo(name).Symbol;
                var type = symbol as INamedTypeSymbol ?? symbol?.ContainingType;
                var to = LayerOf(type?.ContainingNamespace?.ToDisplayString());
                if (to is null || to == from) continue;
                checkedUses++;
                if (!Allowed(from, to))
                {
                    var line = name.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
                    violations.Add($"{Path.GetRelativePath(core, tree.FilePath)}:{line}: {from} uses {to}.{type!.Name}");
                }
            }
        }

        Assert.True(checkedUses > 500, $"only {checkedUses} uses across folders were seen: is the source being bound?");
        Assert.True(violations.Count == 0, "uses against the direction of the pipeline:\n" + string.Join('\n', violations));
    }

    /// <summary>
    /// A host gives the core its folder (<c>VerifyOptions.CurrentDirectory</c>, a report's base folder): a core that read
    /// the process's current directory would make every host in one process (the tests, a language server) take turns.
    /// </summary>
    [Fact]
    public void The_core_never_reads_or_sets_the_process_current_directory()
    {
        string[] processFolder = ["System.Environment.CurrentDirectory", "System.IO.Directory.GetCurrentDirectory()", "System.IO.Directory.SetCurrentDirectory(string)"];
        var compilation = Core.Value;

        var uses = new SortedSet<string>(StringComparer.Ordinal);
        var checkedNames = 0;
        foreach (var tree in compilation.SyntaxTrees.Where(t => t.FilePath.StartsWith(CoreFolder, StringComparison.Ordinal)))
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var name in tree.GetRoot().DescendantNodes().OfType<SimpleNameSyntax>())
            {
                if (model.GetSymbolInfo(name).Symbol is not { } symbol) continue;
                checkedNames++;
                if (!processFolder.Contains(symbol.ToDisplayString())) continue;
                var line = name.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
                uses.Add($"{Path.GetRelativePath(CoreFolder, tree.FilePath)}:{line}: {symbol.ToDisplayString()}");
            }
        }

        Assert.True(checkedNames > 5000, $"only {checkedNames} names were bound: is the source being bound?");
        Assert.True(uses.Count == 0, "the core reads the process's current directory; take the host's folder instead:\n" + string.Join('\n', uses));
    }

    private static bool Allowed(string from, string to) => Ranks[to] < Ranks[from];

    /// <summary><c>SnippetCheck.Driver</c> → <c>Driver</c>; null outside the core.</summary>
    private static string? LayerOf(string? ns)
    {
        if (ns is null || !ns.StartsWith("SnippetCheck.", StringComparison.Ordinal)) return null;
        var layer = ns["SnippetCheck.".Length..].Split('.')[0];
        return Ranks.ContainsKey(layer) ? layer : throw new InvalidOperationException($"namespace {ns} has no rank: add its folder to {nameof(Ranks)}");
    }

    /// <summary>The framework and every library beside the tests, except SnippetCheck's own assemblies (their source is what is bound).</summary>
    private static IEnumerable<MetadataReference> References() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Concat(Directory.GetFiles(AppContext.BaseDirectory, "*.dll"))
            .Where(p => !Path.GetFileName(p).StartsWith("SnippetCheck", StringComparison.OrdinalIgnoreCase) && !Path.GetFileName(p).StartsWith("snippetcheck", StringComparison.Ordinal))
            .GroupBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase)
            .Select(g => MetadataReference.CreateFromFile(g.First()));
}
