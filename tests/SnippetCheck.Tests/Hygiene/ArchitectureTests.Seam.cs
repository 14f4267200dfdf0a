using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Hygiene;

/// <summary>Adopt's one seam (issue 78): who asks it, what it holds, and which of adopt's folders may name it.</summary>
public sealed partial class ArchitectureTests
{
    /// <summary>
    /// <c>Adoption/Trials/</c> holds the passes that try blocks, so each of its files takes the seam (<c>IBlockTrials</c>):
    /// it asks it, or hands it to the trial it runs. A rule that only reads results (a page's decisions, a run's variance,
    /// an output's text) belongs in <c>Inference/</c> or the decision stage (<c>Decisions/</c>), where it is tested without a
    /// trial; and no file of those names the seam.
    /// </summary>
    [Fact]
    public void Every_trials_file_takes_the_seam_and_no_inference_file_does()
    {
        var wrong = new SortedSet<string>(StringComparer.Ordinal);
        var trialsFiles = 0;
        foreach (var (tree, ns, names) in AdoptionSeamNames())
        {
            var relative = Path.GetRelativePath(RepositoryRoot.PathOf("src"), tree.FilePath);
            if (ns == "SnippetCheck.Adoption.Trials")
            {
                trialsFiles++;
                if (names.Count == 0) wrong.Add($"{relative}: in Trials/ but never takes the seam (move it to Inference/ or the decision stage)");
            }
            else if ((ns.StartsWith("SnippetCheck.Adoption.Inference", StringComparison.Ordinal) || ns == "SnippetCheck.Adoption.Decisions")
                && names.Count > 0)
                wrong.Add($"{relative}:{names[0]}: in {ns} but names the seam (IBlockTrials)");
        }

        Assert.True(trialsFiles > 10, $"only {trialsFiles} files of Adoption/Trials were seen: is the source being bound?");
        Assert.True(wrong.Count == 0, "adopt's trials and pure rules are in the wrong folders:\n" + string.Join('\n', wrong));
    }

    /// <summary>
    /// The seam is asked by adopt's trials only: <c>Trials/</c>, the two of <c>Writing/</c> that verify the pages as written
    /// (<c>ProposalProof</c>, <c>DocSetPins</c>) and the entry point that hands it to them (<c>Adopter</c>); the driver
    /// declares and implements it. Any other file of the core or the authoring tools that names it runs code around adopt's rules.
    /// </summary>
    [Fact]
    public void Only_adopts_trials_ask_the_seam()
    {
        string[] askers = ["Adoption/Adopter.cs", "Adoption/Writing/ProposalProof.cs", "Adoption/Writing/DocSetPins.cs"];
        var compilation = Core.Value;
        var wrong = new SortedSet<string>(StringComparer.Ordinal);
        var seen = 0;
        foreach (var tree in compilation.SyntaxTrees.Where(t => ProjectOf(t.FilePath) is not null))
        {
            var relative = Path.GetRelativePath(CoreFolder, tree.FilePath).Replace(Path.DirectorySeparatorChar, '/');
            var lines = SeamNames(compilation, tree);
            seen += lines.Count;
            var allowed = relative.StartsWith("Adoption/Trials/", StringComparison.Ordinal) || askers.Contains(relative)
                || relative is "Driver/IBlockTrials.cs" || relative.StartsWith("Driver/Verifier", StringComparison.Ordinal);
            if (!allowed && lines.Count > 0) wrong.Add($"{relative}:{lines[0]}");
        }

        Assert.True(seen > 20, $"only {seen} names of the seam were seen: is the source being bound?");
        Assert.True(wrong.Count == 0, "files outside adopt's trials that ask the seam (IBlockTrials):\n" + string.Join('\n', wrong));
    }

    /// <summary>
    /// The seam is a trial port and nothing else: lone blocks, sessions, page fixtures and pages as written, each given what
    /// adopt lays over the run's config, never the host's <c>VerifyOptions</c>. The package lookups (<c>IPackageFeed</c>) are
    /// handed to adopt beside it, and reading the documents again is the loader's, not a trial.
    /// </summary>
    [Fact]
    public void The_seam_is_a_trial_port_only()
    {
        var seam = typeof(SnippetCheck.Driver.Verifier).Assembly.GetType("SnippetCheck.Driver.IBlockTrials", throwOnError: true)!;
        var wrong = new List<string>();
        foreach (var method in seam.GetMethods())
        {
            if (method.IsSpecialName) continue;
            if (!method.Name.StartsWith("Verify", StringComparison.Ordinal)) wrong.Add($"{method.Name}: not a trial");
            wrong.AddRange(method.GetParameters().Where(p => p.ParameterType == typeof(SnippetCheck.Driver.VerifyOptions))
                .Select(p => $"{method.Name}({p.Name}): takes the host's VerifyOptions"));
            if (method.ReturnType.Name == "IPackageFeed") wrong.Add($"{method.Name}: makes package lookups");
        }

        Assert.True(seam.GetMethods().Length >= 4, $"the seam has {seam.GetMethods().Length} members: is it the right type?");
        Assert.True(wrong.Count == 0, "the seam (IBlockTrials) is wider than adopt's trials:\n" + string.Join('\n', wrong));
    }

    /// <summary>
    /// <c>Adoption/Inference/</c> is pure: diagnostics, pages and what was restored in, candidate shapes out. None of its files
    /// reads the file system (<c>File</c>, <c>Directory</c>: the repository's projects are read once by <c>CompileTrials</c>), loads
    /// an assembly from disk (<c>CreateFromFile</c>: a restored package comes with its references loaded), or decides how many
    /// lookups run at once (<c>SemaphoreSlim</c>, <c>Task.WhenAll</c>, <c>Parallel</c>: the lookups' owner does). And no file of it
    /// is <c>async</c> (issue 78): a rule that needs a page's packages asks for them (<c>PagePackages</c>) and is handed what
    /// <c>Trials/Packages/PackageFinds</c> found and restored; only the trials await a lookup.
    /// </summary>
    [Fact]
    public void Inference_reads_no_disk_and_awaits_nothing()
    {
        string[] disk = ["System.IO.File", "System.IO.Directory", "System.IO.FileInfo", "System.IO.DirectoryInfo", "System.IO.FileStream",
            "System.IO.StreamReader", "System.Reflection.Assembly"];
        string[] concurrency = ["System.Threading.SemaphoreSlim", "System.Threading.Tasks.Parallel"];
        var compilation = Core.Value;
        var wrong = new SortedSet<string>(StringComparer.Ordinal);
        var asyncFiles = new SortedSet<string>(StringComparer.Ordinal);
        var files = 0;
        foreach (var tree in compilation.SyntaxTrees)
        {
            var relative = Path.GetRelativePath(CoreFolder, tree.FilePath).Replace(Path.DirectorySeparatorChar, '/');
            if (!relative.StartsWith("Adoption/Inference/", StringComparison.Ordinal)) continue;
            files++;
            var file = relative["Adoption/Inference/".Length..];
            var model = compilation.GetSemanticModel(tree);
            var root = tree.GetRoot();
            foreach (var name in root.DescendantNodes().OfType<SimpleNameSyntax>())
            {
                if (model.GetSymbolInfo(name).Symbol is not { } symbol
                    || (symbol as INamedTypeSymbol ?? symbol.ContainingType)?.ToDisplayString() is not { } type) continue;
                var line = name.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
                if (disk.Contains(type)) wrong.Add($"{file}:{line}: reads the disk ({type})");
                else if (symbol is IMethodSymbol { Name: "CreateFromFile" or "CreateFromImage" or "LoadFrom" or "LoadFile" })
                    wrong.Add($"{file}:{line}: loads an assembly ({type}.{symbol.Name})");
                else if (concurrency.Contains(type) || (type == "System.Threading.Tasks.Task" && symbol.Name is "WhenAll" or "WhenAny"))
                    wrong.Add($"{file}:{line}: runs lookups side by side ({type}.{(symbol is INamedTypeSymbol ? "" : symbol.Name)})");
            }
            if (root.DescendantTokens().Any(t => t.IsKind(SyntaxKind.AsyncKeyword))) asyncFiles.Add(file);
        }

        Assert.True(files > 30, $"only {files} files of Adoption/Inference were seen: is the source being bound?");
        wrong.UnionWith(asyncFiles.Select(f => $"{f}: async (a rule asks for a page's packages through PagePackages; its trial awaits them)"));
        Assert.True(wrong.Count == 0, "Adoption/Inference/ is not pure:\n" + string.Join('\n', wrong));
    }

    /// <summary>Each file of adopt with its namespace and the lines where it names the seam (the type or a member of it).</summary>
    private static IEnumerable<(SyntaxTree Tree, string Namespace, List<int> Lines)> AdoptionSeamNames()
    {
        var compilation = Core.Value;
        foreach (var tree in compilation.SyntaxTrees)
        {
            var ns = ((CompilationUnitSyntax)tree.GetRoot()).DescendantNodes().OfType<BaseNamespaceDeclarationSyntax>().FirstOrDefault()
                ?.Name.ToString();
            if (ns is null || !ns.StartsWith("SnippetCheck.Adoption", StringComparison.Ordinal)) continue;
            yield return (tree, ns, SeamNames(compilation, tree));
        }
    }

    /// <summary>The lines of <paramref name="tree"/> that name <c>Driver.IBlockTrials</c> or one of its members.</summary>
    private static List<int> SeamNames(CSharpCompilation compilation, SyntaxTree tree)
    {
        var model = compilation.GetSemanticModel(tree);
        return [.. tree.GetRoot().DescendantNodes().OfType<SimpleNameSyntax>()
            .Where(name => model.GetSymbolInfo(name).Symbol is { } symbol
                && (symbol as INamedTypeSymbol ?? symbol.ContainingType)?.ToDisplayString() == "SnippetCheck.Driver.IBlockTrials")
            .Select(name => name.GetLocation().GetLineSpan().StartLinePosition.Line + 1)];
    }
}
