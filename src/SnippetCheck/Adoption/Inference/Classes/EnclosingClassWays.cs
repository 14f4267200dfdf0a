using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SnippetCheck.Adoption.Inference.Packages;
using SnippetCheck.Compilation;
using SnippetCheck.Extraction.Snippets;
using SnippetCheck.Model;
using SnippetCheck.Programs;
using SnippetCheck.Results;

namespace SnippetCheck.Adoption.Inference.Classes;

/// <summary>
/// The ways a failed block is tried inside an enclosing class (the rules of <c>Trials/EnclosingClassTrials</c>, which
/// tries them): the bare names it calls or assigns, the one class of its packages that declares them
/// (<see cref="BaseClasses"/>), the doc set's models that have what its lambdas read, ranked, or another page's models
/// when those are all it lacks; and why a block whose base class is found still fails.
/// </summary>
internal static class EnclosingClassWays
{
    /// <summary>The most models tried as one block's type argument.</summary>
    private const int MaxModels = 4;

    /// <summary>The ways the failed blocks are tried, gathered page by page before one verifier run tries them all.</summary>
    public sealed class Ways
    {
        /// <summary>Each way a block is tried, with its rank: of the ways that pass, the first ranked is taken.</summary>
        public List<(PreparedDocument Document, Snippet Snippet, int Rank)> Tries { get; } = [];

        /// <summary>What a block whose bare names a base class declares still lacks, said in place of "declared nowhere".</summary>
        public Dictionary<SourceLocation, (string Class, IReadOnlyList<string> Bare, IReadOnlySet<string> Read)> Lacking { get; } = new();

        /// <summary>The stub models tried for the blocks no way passes.</summary>
        public List<StubModels.Request> Stubs { get; } = [];
    }

    /// <summary>A failed block's page: its document with the doc models around it, and its doc set's own models.</summary>
    private sealed record Page(PreparedDocument Document, string Path, IReadOnlyList<DocModels.Model> Local, DocModels Models)
    {
        /// <summary>The classes the page's own classes derive from (<see cref="BaseClasses.PageBases"/>).</summary>
        public IReadOnlySet<string> Bases { get; } = BaseClasses.PageBases(Document);
    }

    /// <summary>CS0308: a type of the library's is named like the base's generic method a block calls bare (Akka's Receive).</summary>
    private const string GenericOnType = "CS0308";

    /// <summary>A failed block as it is tried: parsed, its errors, and its unknown types that some page of its doc set declares.</summary>
    private sealed record Block(
        Snippet Snippet, CompileSettings Settings, CompilationUnitSyntax Root, IReadOnlyList<Model.Diagnostic> Errors,
        IReadOnlyList<string> UnknownTypes);

    /// <summary>
    /// The ways of one page's failed blocks; the page's packages are asked of <paramref name="pages"/> once, and only when a
    /// block needs them: until they are answered, none of the page's ways is added (the first that needs them is the first added).
    /// </summary>
    public static Ways AddWaysOfPage(Ways ways, PackageInference packages, DocModels models,
        IGrouping<PreparedDocument, (PreparedDocument Document, SnippetResult Failed)> post, PagePackages pages)
    {
        var document = models.Around(post.Key);
        // Only the models of the page's own doc set: another repository's Person is not this one's.
        var docSet = packages.DocSets.Of(post.Key.Snippets);
        var local = models.Types.Where(t => packages.DocSets.Of(t.Page) == docSet).ToList();
        var page = new Page(document, post.Key.Snippets.DisplayPath, local, models);
        IReadOnlyList<PackageInference.Found>? found = null;
        foreach (var (_, failed) in post)
        {
            var snippet = failed.Snippet;
            var settings = document.SettingsFor(snippet);
            var root = CSharpSyntaxTree.ParseText(string.Join('\n', snippet.Code.Select(l => l.Text)), settings.ParseOptions)
                .GetCompilationUnitRoot();
            var errors = failed.Diagnostics.Where(d => d.IsError).ToList();
            if (errors.Count == 0 || errors.Any(e => !UnknownNames.OrMember.Contains(e.Id) && e.Id != GenericOnType)) continue;
            // Another page's models: the block's unknown types that some page declares.
            var unknownTypes = errors.Where(e => e.Id == UnknownNames.Type).Select(e => UsingInference.IdentifierAt(snippet, e.Location))
                .OfType<string>().Where(n => page.Local.Any(t => t.Name == n)).Distinct(StringComparer.Ordinal).ToList();
            // Names only read (Context.Stop(Self)) may as well be another page's types (Customer.Surname): only when none is.
            var bare = BareNames(root, snippet, errors) ?? (unknownTypes.Count == 0 ? BareNames(root, snippet, errors, reads: true) : null);
            if (bare is null && (unknownTypes.Count == 0 || errors.Any(e => e.Id == GenericOnType))) continue;
            found ??= pages.OfPage(post.Key, settings.References);
            if (found is null) break;
            var block = new Block(snippet, settings, root, errors, unknownTypes);
            if (bare is null || bare.Count == 0) AddOtherPagesModels(ways, page, block, found);
            else AddBaseClassWays(ways, page, block, bare, found);
        }
        return ways;
    }

    /// <summary>A block that lacks only types another page declares, tried with that page's models.</summary>
    private static void AddOtherPagesModels(Ways ways, Page page, Block block, IReadOnlyList<PackageInference.Found> found)
    {
        var (snippet, settings) = (block.Snippet, block.Settings);
        // Composed with what else the block lacks: the page's package that declares its other unknown types, and their usings.
        var others = block.Errors.Where(e => e.Id == UnknownNames.Type).Select(e => UsingInference.IdentifierAt(snippet, e.Location)).OfType<string>()
            .Except(block.UnknownTypes, StringComparer.Ordinal).ToList();
        var needed = found.Where(f => f.Names.Overlaps(others)).ToList();
        var references = settings.References.AddRange(PackageInference.Found.ReferencesOf(needed));
        var theirUsings = others.Select(n => UsingInference.NamespacesOf(n, references, settings.Usings)).Where(n => n.Count == 1).Select(
            n => n[0]).ToList();
        // Another page's only: a type of this page's own earlier block is a session's to join (pass 3), which also runs.
        var otherPages = ModelNamespaces(page.Local, block.UnknownTypes).Where(n => n.Page != page.Path).Take(MaxModels);
        List<PackageRequest> neededPackages = [.. needed.Select(f => f.Package)];
        foreach (var (ns, rank) in otherPages.Select((n, i) => (n, i)))
            ways.Tries.Add((page.Document, WithTags(snippet, snippet.Tags.Base, [.. theirUsings, ns.Namespace], neededPackages), rank));
    }

    /// <summary>A block whose bare names one class of its packages declares, tried inside a class deriving from it.</summary>
    private static void AddBaseClassWays(Ways ways, Page page, Block block, List<string> bare, IReadOnlyList<PackageInference.Found> found)
    {
        var (snippet, root) = (block.Snippet, block.Root);
        if (BaseClasses.BaseClassFor(bare, found, block.Settings.References, ReadNames(root, bare), page.Bases) is not { } baseClass) return;
        var package = baseClass.Package;
        var baseNamespace =
            baseClass.Type.ContainingNamespace.IsGlobalNamespace ? null : baseClass.Type.ContainingNamespace.ToDisplayString();
        IReadOnlyList<string> usings = baseNamespace is null ? [] : [baseNamespace];
        if (baseClass.Type.Arity == 0)
        {
            // A class over ASP.NET Core's types (FastEndpoints' endpoints) compiles only against them, as the reader's web project does.
            ways.Tries.Add((page.Document, WithTags(snippet, baseClass.Type.Name, usings, [package.Package]) is var tried
                && BaseClasses.NeedsAspNetCore(baseClass.Type) ? tried with { Tags = tried.Tags with { WebSdk = true } } : tried, 0));
            return;
        }
        var read = StubModels.LambdaMembers(root, bare);
        ways.Lacking[snippet.Location] = (baseClass.Type.ToDisplayString(), bare, read);
        if (read.Count == 0 && block.UnknownTypes.Count == 0)
        {
            // No lambda reads the model (ClassLevelCascadeMode = ...): the type argument changes nothing the block says.
            ways.Tries.Add((page.Document, WithTags(snippet, $"{baseClass.Type.Name}<object>", usings, [package.Package]), 0));
            return;
        }
        // Several models may have what the lambdas read: the one their parameter names ('customer => ...'), then the
        // page's own, then the one most pages declare (the doc set's main model), is tried first.
        var parameters = LambdaParameters(root, bare);
        // No declared model fits, or none compiles: a stub model of what the lambdas read (StubModels), tried after these;
        // never where no prelude is written (a config file is there): its tag would name a stub no one declares.
        if (!ReferenceEquals(page.Models, DocModels.None) && block.UnknownTypes.Count == 0 && StubModels.MayStub(root, read)
            && StubModels.NameFor(parameters, [.. block.Settings.References,
                .. package.References]) is { } stubName)
            ways.Stubs.Add(new(page.Document, WithTags(snippet, $"{baseClass.Type.Name}<{stubName}>", [.. usings, StubModels.NamespaceFor(
                snippet.Location)], [package.Package]), [stubName], StubModels.NamespaceFor(snippet.Location), root,
                [.. read.Select(m => $"{stubName}.{m}")]));
        var local = page.Local;
        var fitting = local.Where(m => read.IsSubsetOf(m.Members))
            .OrderBy(m => parameters.Contains(m.Name, StringComparer.OrdinalIgnoreCase) ? 0 : 1)
            .ThenBy(m => m.Page == page.Path ? 0 : 1)
            .ThenByDescending(m => local.Count(t => t.Name == m.Name))
            .ThenBy(m => m.Page, StringComparer.Ordinal)
            .Take(MaxModels).ToList();
        for (var rank = 0; rank < fitting.Count; rank++)
        {
            var model = fitting[rank];
            var extra = ModelNamespaces(local, block.UnknownTypes).Select(n => n.Namespace).Append(model.Namespace).Distinct(
                StringComparer.Ordinal);
            ways.Tries.Add(
                (page.Document, WithTags(snippet, $"{baseClass.Type.Name}<{model.Name}>", [.. usings, .. extra], [package.Package]), rank));
        }
    }

    /// <summary>Why each block whose bare names a base class declares still fails: the members it lacks a model of.</summary>
    public static Dictionary<SourceLocation, AdoptNote> NotesFor(
        Dictionary<SourceLocation, (string Class, IReadOnlyList<string> Bare, IReadOnlySet<string> Read)> lacking, List<SnippetResult> passed) =>
        lacking.Where(l => passed.All(p => p.Snippet.Location != l.Key)).ToDictionary(l => l.Key, l => new AdoptNote(l.Key,
            $"{string.Join(", ", l.Value.Bare.Select(n => $"'{n}'"))} {(l.Value.Bare.Count == 1 ? "is a member" : "are members")} of " +
            $"{l.Value.Class}, " +
            (l.Value.Read.Count == 0 ? "and the block fails inside a class deriving from it"
                : $"but no type the docs declare has every member its lambdas read " +
                $"({string.Join(", ", l.Value.Read.Order(StringComparer.Ordinal))}), " +
                  "or the block fails with each that has; declare the model in the config's hiddenCode (or a prelude) to verify it")));

    /// <summary>What tells one way a block is tried from another: the block, its base class and its usings (the models' namespace).</summary>
    public static (SourceLocation, string?, string) TryKey(Snippet snippet) =>
        (snippet.Location, snippet.Tags.Base, string.Join(',', snippet.Tags.Usings));

    /// <summary>The block tried as <c>compile</c> with <paramref name="baseType"/> and more usings and packages.</summary>
    private static Snippet WithTags(Snippet snippet, string? baseType, IReadOnlyList<string> usings, IReadOnlyList<PackageRequest> packages)
    {
        var packagesHere = packages.Select(p => p with { Location = snippet.Location });
        var tags = snippet.Tags with
        {
            Kind = SnippetKind.Compile,
            Base = baseType,
            Usings = [.. snippet.Tags.Usings.Concat(usings).Distinct(StringComparer.Ordinal)],
            Packages = PackageRequest.OneVersionEach(snippet.Tags.Packages.Concat(packagesHere)),
        };
        return snippet with { Tags = tags };
    }

    /// <summary>The pages' namespaces that declare every one of <paramref name="names"/>; none for no names.</summary>
    private static IEnumerable<(string Namespace, string Page)> ModelNamespaces(
        IReadOnlyList<DocModels.Model> models, IReadOnlyList<string> names) =>
        names.Count == 0 ? [] : models.GroupBy(t => (t.Namespace, t.Page))
            .Where(g => names.All(n => g.Any(t => t.Name == n))).Select(g => g.Key);

    /// <summary>
    /// The unknown names (CS0103) the block calls or assigns bare, as a derived class calls its base's members:
    /// <c>RuleFor(...)</c>, <c>ClassLevelCascadeMode = ...</c>, and a generic one a library's type of the same name hides
    /// (CS0308: <c>Receive&lt;string&gt;(...)</c>); with <paramref name="reads"/>, also those it reads as a receiver or an
    /// argument (<c>Context.Stop(Self)</c>). Null when the block declares anything but statements, or lacks a name that
    /// is none of these (a variable of a block the post never showed, a camelCase name).
    /// </summary>
    public static List<string>? BareNames(CompilationUnitSyntax root, Snippet snippet, IReadOnlyList<Model.Diagnostic> errors, bool reads = false)
    {
        if (root.Members.Any(m => m is not GlobalStatementSyntax) || snippet.Tags.Members || snippet.Tags.Base is not null) return null;
        var bare = new List<string>();
        foreach (var error in errors.Where(e => e.Id is UnknownNames.Name or GenericOnType))
        {
            if (UsingInference.IdentifierAt(snippet, error.Location) is not { } name) return null;
            var node = root.DescendantNodes().OfType<SimpleNameSyntax>().FirstOrDefault(
                n => n.Identifier.ValueText == name && (IsBare(n) || reads && error.Id == UnknownNames.Name && IsRead(n)));
            if (node is null || !char.IsUpper(name[0])) return null;
            if (!bare.Contains(name)) bare.Add(name);
        }
        return bare;
    }

    /// <summary>The names of <paramref name="bare"/> the block only reads, never calls or assigns bare.</summary>
    public static List<string> ReadNames(CompilationUnitSyntax root, IReadOnlyList<string> bare) =>
        [.. bare.Where(b => !root.DescendantNodes().OfType<SimpleNameSyntax>().Any(n => n.Identifier.ValueText == b && IsBare(n)))];

    private static bool IsBare(SimpleNameSyntax name) =>
        name.Parent is InvocationExpressionSyntax invocation && invocation.Expression == name ||
        name.Parent is AssignmentExpressionSyntax assignment && assignment.Left == name;

    private static bool IsRead(SimpleNameSyntax name) =>
        name is IdentifierNameSyntax && (name.Parent is MemberAccessExpressionSyntax access && access.Expression == name ||
        name.Parent is ArgumentSyntax);

    /// <summary>The names of the parameters of the lambdas passed to the bare calls (<c>customer =&gt; ...</c>).</summary>
    public static HashSet<string> LambdaParameters(CompilationUnitSyntax root, IReadOnlyList<string> bare) =>
        root.DescendantNodes().OfType<InvocationExpressionSyntax>().Where(
            i => i.Expression is SimpleNameSyntax name && bare.Contains(name.Identifier.ValueText))
            .SelectMany(i => i.ArgumentList.Arguments.Select(a => a.Expression).OfType<SimpleLambdaExpressionSyntax>())
            .Select(l => l.Parameter.Identifier.ValueText).ToHashSet(StringComparer.OrdinalIgnoreCase);
}
