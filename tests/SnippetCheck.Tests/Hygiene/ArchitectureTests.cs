using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Hygiene;

/// <summary>
/// Dependencies in the core, and in the authoring tools built on it (<c>src/SnippetCheck.Authoring</c>), run one way,
/// back along the pipeline of docs/how-it-works.md (discover → extract → snippets with tags → programs → compile → run → judge →
/// report; <see cref="Ranks"/> says where imports make the order differ). Checked on the source with Roslyn's semantic
/// model, so a use in a method body counts as much as a signature.
/// </summary>
[Trait("Category", "Fast")]
public sealed partial class ArchitectureTests
{
    /// <summary>
    /// Each folder may use folders of a lower rank only, with no exception; a folder's namespace is its path (a sub-folder
    /// is a namespace inside its parent's, and has a rank of its own). Listed in the order data flows through them, with
    /// one departure the imports force: the runner (<c>Execution</c>) ranks before the compiler, which writes the runner
    /// protocol's hooks into a program, hands the runner a <c>ProgramImage</c>, and finds reference packs under the
    /// <c>DotnetInstallation</c>. The settings table ranks before extraction, which reads tags and front matter through it;
    /// the store, under <c>Caching</c>, ranks with the model, as every cache (packages, frameworks, results) keeps its
    /// entries there.
    /// </summary>
    private static readonly Dictionary<string, int> Ranks = new()
    {
        // The vocabulary every stage shares (locations, diagnostics and their codes, frameworks, failure reasons), and
        // the phase trace every stage marks.
        ["Model"] = 0,
        // The content-addressed store every cache keeps its entries in (key, hash, lock, atomic write).
        ["Caching.Store"] = 0,

        // The settings, described once: the table config, front matter, tags and the command line read.
        ["Configuration"] = 1,
        // extract: which documents (paths and globs); what every extractor hands back (a document's items: fences,
        // comments, front matter, each pinned to its line and column); Markdown's extractor and, beside it, doc comments';
        // then the snippets with their tags, read through the table.
        ["Extraction.Discovery"] = 2,
        ["Extraction"] = 3,
        ["Extraction.Markdown"] = 4,
        ["Extraction.DocComments"] = 4,
        ["Extraction.Snippets"] = 5,
        // run: runner processes, their pool, protocol and sandbox, and where .NET is installed.
        ["Execution"] = 6,
        // compile: Roslyn, the compile settings, check levels, the reference index; then what a program compiles
        // against: #:package and #:project, a library's references, each framework of a matrix (its packs, its runner);
        // and the package lookups adopt is handed beside its seam (IPackageFeed, PackageFeed over PackageSearch and PackageRestorer).
        ["Compilation"] = 7,
        ["References"] = 8,
        // A document prepared for a run (its blocks, settings and frameworks), and one program (a lone snippet, a
        // session, a fixture page): its blocks, preludes and settings, and its source assembled (the wrappers around
        // members, a fixture, a base class).
        ["Programs"] = 9,
        // The loading stage: discover → extract → snippets with tags carried out for a run, each document read into the
        // PreparedDocument it hands on (DocumentLoader, over the disk or a host's texts; --shard; a tool's DocumentTrial;
        // the config's shared preludes). After Programs, whose PreparedDocument it makes; it reads the host's options as
        // LoadOptions, since VerifyOptions is the façade's. It ranks with the judge: neither uses the other.
        ["Loading"] = 10,
        // judge: what a run says of each block (verdicts, results, the report), the judge and output comparison.
        ["Results"] = 10,
        // The result cache (a program's key and its verdicts, kept in the store) and the program cache in front of it.
        ["Caching"] = 11,
        // The one verification engine: a run's settings (RunSettings, read once from options over config); a unit of
        // work (programs, a compile strategy, a judging policy) taken through resolve → compile → compile-only or run →
        // judge; alone and session strategies, the stale-tag policy; then merging: which programs merge, their chunks,
        // the merged compiler and the merged strategy.
        ["Engine"] = 12,
        ["Engine.Merging"] = 13,
        // A run carried out: its plan (lone programs, sessions, stale candidates: RunPlanner), then VerificationRun's
        // schedule of it: cache lookups, merged chunks, lone programs and sessions, runner warm-up, stale chunks; and a
        // matrix's passes (MatrixRun: each framework's pack, plan and VerificationRun, FrameworkMatrix joining them).
        ["Engine.Scheduling"] = 14,
        // The public façade the hosts call: the verifier (documents loaded, a matrix run, the packages verified named),
        // its options, its editor session, its observer, and the package service built on it; adopt's seam onto it (IBlockTrials).
        ["Driver"] = 15,
        // report: console, JSON, JUnit, SARIF, Markdown, GitHub.
        ["Reporting"] = 16,
        // The byte-exact edits of a page and the one way a document is written back (TextEdit, DocumentRewriter), an output
        // block rewritten (BlockRewrite) and where an added line stands (PageLines): what --accept, adopt --write, outdated
        // --write and an editor's quick fixes all write with; then --accept itself (OutputAcceptor, AcceptOutcome).
        ["Editing"] = 17,
        // adopt (docs/architecture.md, Adoption/'s table), in data order: what a block needs, what adopt
        // proposes, the trials that decide it, the edit that writes it, and the commands that use them.
        // What a block needs, as pure rules read from Roslyn's diagnostics, the pages and the trials' results (a run's variance,
        // its output, the errors a page marks, an API listing): usings, the doc set; then its
        // packages (and the Web SDK); then the models and stubs of the types around it, and its receivers. The rounds of
        // trials that try them (sessions, enclosing and base classes, page fixtures among them) rank with the trials.
        ["Adoption.Inference"] = 18,
        ["Adoption.Inference.Packages"] = 19,
        ["Adoption.Inference.Classes"] = 20,
        ["Adoption.Inference.Receivers"] = 20,
        // What adopt proposes for each file's blocks and why the rest stay unverified; where its lines can stand in a
        // page (a tag comment, hidden checks, a fixture's settings), which the trials ask and the writer follows.
        ["Adoption.Proposals"] = 21,
        // Suspected rot: what a failure or the prose says of a page. Before the trials, which try the prose's claims
        // and read rot from the failures they leave.
        ["Adoption.Rot"] = 22,
        // The package lookups adopt's rules ask for: each candidate found and restored once per run, and the pages' packages a
        // pure rule asks for, answered until it asks for nothing new. Below the trials, which hand them to the rules' answers.
        ["Adoption.Trials.Packages"] = 22,
        // adopt's passes: the compile, run and fallback trials, page fixtures, each taking the seam (ArchitectureTests.Seam).
        ["Adoption.Trials"] = 23,
        // What each block is proposed, decided from the trials' results (BlockProposals): no trial of its own. Beside the writer,
        // which neither uses nor is used by it.
        ["Adoption.Decisions"] = 24,
        // What adopt writes with Editing's edits: decisions to text, the doc set's pins.
        ["Adoption.Writing"] = 24,
        // The entry points the hosts call: adopt (Adopter, AdoptReport and its table and JSON).
        ["Adoption"] = 25,

        // After the pipeline: the tools built on a run, in an assembly of their own on the core's public surface
        // (src/SnippetCheck.Authoring; see The_core_and_the_authoring_tools_show_their_internals_to_no_host).
        // --watch.
        ["Authoring"] = 26,
        // Verified blocks as readers see them (render): highlighting from the compiler's notes, fragments, the copy.
        ["Rendering"] = 26,
        // An editor's view of verdicts (the language server's core): findings, carried run failures, quick-fix edits.
        ["Editor"] = 27,
        // Posts verified again on the newest versions of their pins: a verify run, its reports and the rewriter.
        ["Outdated"] = 27,
    };

    /// <summary>The SDK's implicit usings (ImplicitUsings in Directory.Build.props), without which Environment or File would not bind.</summary>
    private static readonly string[] ImplicitUsings =
        ["System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks"];

    /// <summary>The source of the core, the authoring tools and src/Shared, bound once for every rule here.</summary>
    private static readonly Lazy<CSharpCompilation> Core = new(() =>
    {
        var files = RankedFolders.SelectMany(f => Directory.GetFiles(f, "*.cs", SearchOption.AllDirectories))
            .Concat(Directory.GetFiles(RepositoryRoot.PathOf("src/Shared"), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        var trees = files.Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), path: f)).ToList();
        trees.Add(CSharpSyntaxTree.ParseText(string.Concat(ImplicitUsings.Select(n => $"global using {n};\n")), path: "ImplicitUsings.cs"));
        return CSharpCompilation.Create("Architecture", trees, References(), new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
    });

    private static string CoreFolder => RepositoryRoot.PathOf("src/SnippetCheck");

    /// <summary>The projects whose folders <see cref="Ranks"/> ranks: the core, and the authoring tools above it.</summary>
    private static string[] RankedFolders => [CoreFolder, RepositoryRoot.PathOf("src/SnippetCheck.Authoring")];

    /// <summary>The ranked project a source file is in.</summary>
    private static string? ProjectOf(string file) =>
        RankedFolders.FirstOrDefault(f => file.StartsWith(f + Path.DirectorySeparatorChar, StringComparison.Ordinal));

    [Fact]
    public void Every_folder_of_the_core_depends_only_on_the_ones_before_it()
    {
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
                    violations.Add($"{Path.GetRelativePath(RepositoryRoot.PathOf("src"), tree.FilePath)}:{line}: {from} uses {to}.{type!.Name}");
                }
            }
        }

        Assert.True(checkedUses > 500, $"only {checkedUses} uses across folders were seen: is the source being bound?");
        Assert.True(violations.Count == 0, "uses against the direction of the pipeline:\n" + string.Join('\n', violations));
    }

    /// <summary>
    /// The rule above reads a file's folder from its namespace: a file whose namespace is not its folder's, or a folder
    /// without a rank (or a rank without a folder), would be judged by the wrong rank or not at all.
    /// </summary>
    [Fact]
    public void Every_file_of_the_core_is_in_the_namespace_of_its_ranked_folder()
    {
        var misplaced = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var tree in Core.Value.SyntaxTrees.Where(t => ProjectOf(t.FilePath) is not null))
        {
            var project = ProjectOf(tree.FilePath)!;
            var folder = FolderName(project, Path.GetDirectoryName(tree.FilePath)!);
            var ns = ((CompilationUnitSyntax)tree.GetRoot()).DescendantNodes().OfType<BaseNamespaceDeclarationSyntax>().FirstOrDefault()?.Name.ToString();
            if (ns != "SnippetCheck." + folder)
                misplaced.Add($"{Path.GetRelativePath(RepositoryRoot.PathOf("src"), tree.FilePath)}: namespace {ns ?? "(none)"}, folder {folder}");
        }

        var folders = RankedFolders.SelectMany(p => Directory.GetDirectories(p, "*", SearchOption.AllDirectories).Select(d => (Project: p, Folder: d)))
            .Where(d => !FolderName(d.Project, d.Folder).Split('.').Any(part => part is "bin" or "obj") && Directory.EnumerateFiles(d.Folder, "*.cs").Any())
            .Select(d => FolderName(d.Project, d.Folder));
        Assert.True(misplaced.Count == 0, "files outside their folder's namespace:\n" + string.Join('\n', misplaced));
        Assert.Equal(Ranks.Keys.Order(StringComparer.Ordinal), folders.Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// The authoring tools are an assembly of their own because they come after the whole pipeline: each of their
    /// folders ranks above every folder of the core, so the core (which cannot reference them) never needs to.
    /// </summary>
    [Fact]
    public void The_authoring_tools_rank_above_every_folder_of_the_core()
    {
        string Ranked(string project) => string.Join(", ", FoldersOf(project).Select(f => $"{f} {Ranks[f]}"));
        var authoring = RankedFolders[1];

        Assert.True(FoldersOf(authoring).Min(f => Ranks[f]) > FoldersOf(CoreFolder).Max(f => Ranks[f]),
            $"authoring: {Ranked(authoring)}; core: {Ranked(CoreFolder)}");
    }

    /// <summary><c>src/SnippetCheck/Extraction/Markdown</c> → <c>Extraction.Markdown</c>: the namespace a folder's files are in.</summary>
    private static string FolderName(string project, string folder) =>
        Path.GetRelativePath(project, folder).Replace(Path.DirectorySeparatorChar, '.');

    private static IEnumerable<string> FoldersOf(string project) =>
        Directory.GetDirectories(project, "*", SearchOption.AllDirectories).Select(d => FolderName(project, d)).Where(Ranks.ContainsKey);

    /// <summary>
    /// Adopt runs code through one seam (issue 78): <c>Driver.IBlockTrials</c>, which the verifier implements, so its rules
    /// are tested against recorded results (Unit/Adoption). Only adopt's entry points, which a host hands its verifier,
    /// name the <c>Verifier</c>. Its inference and its rot (diagnostics, pages and blocks in, candidate shapes out) run no
    /// trial and reach no network: they name nothing of the driver, ask packages only of the lookups they are handed
    /// (<c>References.IPackageFeed</c>), never make one (<c>PackageFeed</c>) and never hold a <c>PackageSearch</c> or
    /// <c>PackageRestorer</c> (a static, pure helper of theirs, <c>PackageSearch.NewestFirst</c>, is no lookup). The seam is
    /// asked by <c>Trials/</c> and by two of <c>Writing/</c>'s (<c>ProposalProof</c>, the doc set's pins in
    /// <c>DocSetPins</c>); this test checks that <c>Inference/</c>, <c>Rot/</c> and <c>Decisions/</c> never ask it
    /// (ArchitectureTests.Seam checks who else does).
    /// </summary>
    [Fact]
    public void Adoption_runs_code_only_through_its_seam()
    {
        string[] entryPoints = ["Adopter.cs", "AdoptReport.cs"];
        string[] lookups = ["SnippetCheck.References.PackageSearch", "SnippetCheck.References.PackageRestorer"];
        // The lookups' maker: any name of it, its static factory too, is a lookup of their own.
        const string Feed = "SnippetCheck.References.PackageFeed";
        var compilation = Core.Value;

        var uses = new SortedSet<string>(StringComparer.Ordinal);
        var adoptionUses = 0;
        foreach (var tree in compilation.SyntaxTrees)
        {
            var ns = ((CompilationUnitSyntax)tree.GetRoot()).DescendantNodes().OfType<BaseNamespaceDeclarationSyntax>().FirstOrDefault()
                ?.Name.ToString();
            if (ns is null || !ns.StartsWith("SnippetCheck.Adoption", StringComparison.Ordinal)) continue;
            var pure = ns.StartsWith("SnippetCheck.Adoption.Inference", StringComparison.Ordinal)
                || ns.StartsWith("SnippetCheck.Adoption.Rot", StringComparison.Ordinal) || ns == "SnippetCheck.Adoption.Decisions";
            var model = compilation.GetSemanticModel(tree);
            foreach (var name in tree.GetRoot().DescendantNodes().OfType<SimpleNameSyntax>())
            {
                var symbol = model.GetSymbolInfo(name).Symbol;
                if ((symbol as INamedTypeSymbol ?? symbol?.ContainingType) is not { } type) continue;
                var full = type.ToDisplayString();
                bool wrong;
                if (type.ContainingNamespace.ToDisplayString() == "SnippetCheck.Driver")
                {
                    adoptionUses++;
                    wrong = pure || (full == "SnippetCheck.Driver.Verifier" && !entryPoints.Contains(Path.GetFileName(tree.FilePath)));
                }
                else
                {
                    // A type named to reach its static member is judged by that member: 'PackageSearch.NewestFirst' orders strings.
                    var qualifier = symbol is INamedTypeSymbol && name.Parent is MemberAccessExpressionSyntax access && access.Expression == name;
                    wrong = pure && (full == Feed || (lookups.Contains(full) && !qualifier && symbol is not { IsStatic: true }));
                }
                if (!wrong) continue;
                var line = name.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
                uses.Add($"{Path.GetRelativePath(RepositoryRoot.PathOf("src"), tree.FilePath)}:{line}: {full}");
            }
        }

        Assert.True(adoptionUses > 20, $"only {adoptionUses} uses of the driver by adopt were seen: is the source being bound?");
        Assert.True(uses.Count == 0, "adopt runs code or looks packages up around its seam (IBlockTrials, IPackageFeed):\n" + string.Join('\n', uses));
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
        foreach (var tree in compilation.SyntaxTrees.Where(t => ProjectOf(t.FilePath) is not null))
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var name in tree.GetRoot().DescendantNodes().OfType<SimpleNameSyntax>())
            {
                if (model.GetSymbolInfo(name).Symbol is not { } symbol) continue;
                checkedNames++;
                if (!processFolder.Contains(symbol.ToDisplayString())) continue;
                var line = name.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
                uses.Add($"{Path.GetRelativePath(RepositoryRoot.PathOf("src"), tree.FilePath)}:{line}: {symbol.ToDisplayString()}");
            }
        }

        Assert.True(checkedNames > 5000, $"only {checkedNames} names were bound: is the source being bound?");
        Assert.True(uses.Count == 0, "the core reads the process's current directory; take the host's folder instead:\n" + string.Join('\n', uses));
    }

    /// <summary>
    /// The hosts use the core's public surface only: it shows its internals to the tests and the SDK-agreement tool,
    /// never to a host (the CLI with its language server, the Markdig extension; the MSBuild task reads the CLI's JSON)
    /// nor to the authoring tools (adopt, accept, watch, render, outdated, the editor's helpers), which show theirs to
    /// the tests alone.
    /// </summary>
    [Theory]
    [InlineData("SnippetCheck.Core", "SdkAgreement,SnippetCheck.Tests")]
    [InlineData("SnippetCheck.Authoring", "SnippetCheck.Tests")]
    public void The_core_and_the_authoring_tools_show_their_internals_to_no_host(string assembly, string allowed)
    {
        var friends = Assembly.Load(assembly).GetCustomAttributes<InternalsVisibleToAttribute>()
            .Select(a => a.AssemblyName).Order(StringComparer.Ordinal);

        Assert.Equal(allowed.Split(','), friends);
    }

    /// <summary>
    /// The most public types the core may export (issue 57 asks for 40 or fewer): each type made internal lowers it, so the
    /// surface the hosts compile against only shrinks unless someone raises this number on purpose. The members are tracked
    /// line by line in src/SnippetCheck/PublicAPI.*.txt (the PublicApiAnalyzers fail the build on an unlisted one);
    /// eng/public-api-uses.cs says which host uses which type.
    /// </summary>
    private const int MostPublicCoreTypes = 45;

    [Fact]
    public void The_core_exports_no_more_public_types_than_its_budget()
    {
        var exported = Assembly.Load("SnippetCheck.Core").GetExportedTypes();

        Assert.True(exported.Length <= MostPublicCoreTypes,
            $"the core exports {exported.Length} public types, over the budget of {MostPublicCoreTypes}: make the new ones internal, or "
            + "answer the host's question from an existing type (PreparedDocument.SettingsFor, Verifier's trials)");
    }

    private static bool Allowed(string from, string to) => Ranks[to] < Ranks[from];

    /// <summary><c>SnippetCheck.Extraction.Markdown</c> → <c>Extraction.Markdown</c>; null outside the ranked projects.</summary>
    private static string? LayerOf(string? ns)
    {
        if (ns is null || !ns.StartsWith("SnippetCheck.", StringComparison.Ordinal)) return null;
        var layer = ns["SnippetCheck.".Length..];
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
