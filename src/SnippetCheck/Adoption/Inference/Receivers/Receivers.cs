using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SnippetCheck.Adoption.Inference.Packages;
using SnippetCheck.Compilation;
using SnippetCheck.Programs;
using SnippetCheck.Model;
using SnippetCheck.Results;
using SnippetCheck.Extraction.Snippets;

namespace SnippetCheck.Adoption.Inference.Receivers;

/// <summary>
/// Receivers a doc set sets up in one block and calls in others. ASP.NET Core docs show
/// <c>Program.cs</c> once (<c>var bld = WebApplication.CreateBuilder(); … var app = bld.Build();</c>) and write fragments on
/// those locals elsewhere, <c>app.UseFastEndpoints(c =&gt; …);</c>; a README creates <c>var table = new Table();</c> and then
/// shows <c>table.SetWidth(50);</c> alone. A block that fails on such a name, one its doc set declares so (and with one type
/// only), is tried with it declared of that type on a hidden line (<c>given=table:Table</c>), ASP.NET Core's as a project of
/// the Web SDK (<c>sdk=web</c>), composed with what else it then lacks: the doc set's packages that declare its other
/// unknown names (<c>UseFastEndpoints</c>, <c>Table</c>), and their usings. The receiver's members then bind, so a misspelt
/// or removed call fails (and is read as rot); a name the docs never declare so is never given.
/// </summary>
internal static partial class Receivers
{
    /// <summary>The type each of a doc set's receiver names is declared as, read from its pages' code; empty when none.</summary>
    public static IReadOnlyDictionary<string, string> Of(IEnumerable<SnippetDocument> docSet)
    {
        var receivers = new Dictionary<string, string>(StringComparer.Ordinal);
        var code = docSet.SelectMany(d => d.Snippets).SelectMany(s => s.Block.Lines.Select(l => l.Text)).ToList();
        foreach (var match in code.Select(l => BuilderDeclaration().Match(l)).Where(m => m.Success))
            receivers.TryAdd(match.Groups["name"].Value, "WebApplicationBuilder");
        foreach (var match in code.Select(l => AppDeclaration().Match(l)).Where(
            m => m.Success && receivers.GetValueOrDefault(m.Groups["builder"].Value) == "WebApplicationBuilder"))
            receivers.TryAdd(match.Groups["name"].Value, "WebApplication");
        // 'var table = new Table();' and 'IScheduler scheduler = await …;': a name the doc set creates or declares with one type
        // only (two pages' 'result's of two types are neither: a block gets the one its page declared last before it, WithNearest).
        var created = docSet.SelectMany(d => d.Snippets).SelectMany(CreatedOrDeclared).GroupBy(c => c.Name, c => c.Type, StringComparer.Ordinal);
        foreach (var name in created.Where(g => g.Distinct(StringComparer.Ordinal).Count() == 1))
            receivers.TryAdd(name.Key, name.First());
        return receivers;
    }

    /// <summary>The locals a block creates (<c>var table = new Table();</c>) or declares of a type it names (<see cref="Declared"/>).</summary>
    private static IEnumerable<(string Name, string Type)> CreatedOrDeclared(Snippet snippet) =>
        snippet.Block.Lines.Select(l => Creation().Match(l.Text)).Where(m => m.Success)
            .Select(m => (m.Groups["name"].Value, string.Concat(m.Groups["type"].Value.Where(c => !char.IsWhiteSpace(c)))))
            .Concat(Declared(snippet));

    /// <summary>
    /// The doc set's receivers, with each name it declares with several types (ErrorOr's README: <c>ErrorOr&lt;int&gt; result</c>,
    /// later <c>ErrorOr&lt;Success&gt; result</c>) of the type <paramref name="block"/>'s page declared it with last before the
    /// block: the one its reader has in mind.
    /// </summary>
    private static IReadOnlyDictionary<string, string> WithNearest(
        IReadOnlyDictionary<string, string> known, PreparedDocument document, Snippet block)
    {
        Dictionary<string, string>? merged = null;
        foreach (var earlier in document.Snippets.Snippets.Where(s => s.Location.Line < block.Location.Line))
        {
            foreach (var (name, type) in CreatedOrDeclared(earlier).Where(d => !known.ContainsKey(d.Name)))
                (merged ??= new(known, StringComparer.Ordinal))[name] = type;
        }
        return merged ?? known;
    }

    /// <summary>
    /// The locals a block declares of a type it names (<c>IScheduler scheduler = await factory.GetScheduler();</c>), in its
    /// statements or its methods' bodies: each name with its type, as <c>given=</c> writes it (a type name, no keyword type).
    /// </summary>
    private static IEnumerable<(string Name, string Type)> Declared(Snippet snippet) =>
        CSharpSyntaxTree.ParseText(string.Join('\n', snippet.Code.Select(l => l.Text))).GetCompilationUnitRoot()
            .DescendantNodes().OfType<LocalDeclarationStatementSyntax>()
            .Where(d => d.Declaration.Type is NameSyntax { IsVar: false } && !d.Declaration.Type.ContainsDiagnostics)
            .SelectMany(d => d.Declaration.Variables.Where(v => v.Initializer is not null).Select(
                v => (v.Identifier.ValueText, string.Concat(d.Declaration.Type.ToString().Where(c => !char.IsWhiteSpace(c))))));

    /// <summary>
    /// Each failed block with its doc set's receivers given, as <c>compile</c> (a given local holds no value), to be tried
    /// (<c>Trials/ReceiverTrials</c>). Blocks with no such receiver are left out.
    /// </summary>
    /// <param name="receivers">By doc set (<see cref="PackageInference.DocSets"/>), what <see cref="Of"/> read.</param>
    /// <param name="passed">After the session pass: the blocks that compiled alone, as tagged to pass. A receiver one of them
    /// creates is then given too (its block lends its tags), since no session took the failing block.</param>
    public static List<(PreparedDocument Document, Snippet Snippet)> Tries(
        PackageInference packages, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> receivers,
        IReadOnlyList<(PreparedDocument Document, SnippetResult Failed)> failing,
        IReadOnlyDictionary<SourceLocation, IReadOnlyList<InferredReceivers.Given>>? inferred = null,
        IReadOnlyDictionary<SourceLocation, Snippet>? passed = null)
    {
        inferred ??= new Dictionary<SourceLocation, IReadOnlyList<InferredReceivers.Given>>();
        var tries = new List<(PreparedDocument Document, Snippet Snippet)>();
        var failingBlocks = failing.ToDictionary(f => f.Failed.Snippet.Location, f => f.Failed);
        foreach (var (document, failed) in failing)
        {
            var known = WithNearest(
                receivers.GetValueOrDefault(packages.DocSets.Of(document.Snippets)) ?? new Dictionary<string, string>(), document, failed.Snippet);
            var fits = inferred.GetValueOrDefault(failed.Snippet.Location) ?? [];
            // A members block gets only the fields its calls type (InferredReceivers), never a doc set's local (ReceiversIn).
            if (failed.Snippet.Tags.Base is not null || failed.Snippet.Tags.Members && fits.Count == 0) continue;
            // An enum's values read off a package's namesake a using brought in (Stateless.Graph's State, CS0117) are the docs'
            // own enum's: the receiver is still given, and the stubs (StubTypes) leave that using out.
            if (PackageInference.UnknownNames(failed.Snippet, EnumReads.WithoutEnumReads(failed)) is not { } names) continue;
            known = PageTypes.Given(known, document, failed.Snippet, names);
            if (known.Count == 0 && fits.Count == 0) continue;
            if (WithReceiversGiven(document, failed, names, known, fits, failing, failingBlocks, passed) is { } tried) tries.Add((document, tried));
        }
        return tries;
    }

    /// <summary>
    /// The failed block with the receivers it lacks given as typed locals: the doc set's (with the packages and usings of
    /// the failing block that creates each), and those inferred from its calls; null when it lacks none.
    /// </summary>
    private static Snippet? WithReceiversGiven(
        PreparedDocument document, SnippetResult failed, IReadOnlyList<string> names, IReadOnlyDictionary<string, string> known,
        IReadOnlyList<InferredReceivers.Given> fits, IReadOnlyList<(PreparedDocument Document, SnippetResult Failed)> failing,
        Dictionary<SourceLocation, SnippetResult> failingBlocks, IReadOnlyDictionary<SourceLocation, Snippet>? passed)
    {
        var given = new List<string>();
        var context = failed.Snippet.Tags;
        foreach (var name in ReceiversIn(failed.Snippet, names, known))
        {
            if (IsWeb(known[name]))
            {
                given.Add(name);
                continue;
            }
            // The page's last block before this one that creates the name: when it compiles, the two are a session's to
            // join (it runs), not a hidden local's, until the session pass took none; its packages and usings are what
            // 'new Table()' binds in.
            var creator = document.Snippets.Snippets.LastOrDefault(s => s.Location.Line < failed.Snippet.Location.Line && Creates(s, name));
            if (creator is not null && !failingBlocks.ContainsKey(creator.Location) && passed?.ContainsKey(creator.Location) != true) continue;
            var creatorSnippet = creator is null ? failing.Select(f => f.Failed.Snippet).FirstOrDefault(s => Creates(s, name))
                : failingBlocks.GetValueOrDefault(creator.Location)?.Snippet ?? passed![creator.Location];
            if (creatorSnippet?.Tags is { } creatorTags)
            {
                context = context with
                {
                    Packages = PackageRequest.OneVersionEach(
                        context.Packages.Concat(creatorTags.Packages.Select(p => p with { Location = failed.Snippet.Location }))),
                    // Its hidden usings and its own 'using' lines alike: 'new Table()' binds in both.
                    Usings = [.. context.Usings.Concat(creatorTags.Usings).Concat(BlockUsings.Of(creatorSnippet)).Distinct(
                        StringComparer.Ordinal)],
                };
            }
            given.Add(name);
        }
        List<string> typed = [.. given.Select(g => $"{g}:{known[g]}")];
        var webSdk = context.WebSdk || given.Any(g => IsWeb(known[g]));
        // A local no page creates, of the one type its calls fit (InferredReceivers), with that type's package and usings.
        foreach (var fit in fits.Where(f => !given.Contains(f.Name)))
        {
            typed.Add($"{fit.Name}:{fit.Type}");
            webSdk |= fit.Web;
            context = context with
            {
                Usings = [.. context.Usings.Concat(fit.Usings).Distinct(StringComparer.Ordinal)],
                Packages = fit.Package is null ? context.Packages
                    : PackageRequest.OneVersionEach(context.Packages.Append(fit.Package with { Location = failed.Snippet.Location })),
            };
        }
        if (typed.Count == 0) return null;
        return failed.Snippet with { Tags = context with { Kind = SnippetKind.Compile, WebSdk = webSdk, Given = typed } };
    }

    /// <summary>
    /// Composed: with the receiver bound, its unknown members (an extension method, 'UseFastEndpoints') are the doc set's
    /// packages'. Each tried block that still fails (its result in <paramref name="latest"/>) gets the packages that declare
    /// what it lacks; the blocks, with packages (to be tried) and without, and the assemblies their usings are looked for in.
    /// </summary>
    public static (List<(PreparedDocument Document, Snippet Snippet, IReadOnlyList<string> Compile)> WithPackages,
        List<(PreparedDocument Document, Snippet Snippet, IReadOnlyList<string> Compile)> WithoutPackages) Composed(
        PackageInference packages, List<(PreparedDocument Document, Snippet Snippet)> tries,
        IReadOnlyDictionary<SourceLocation, SnippetResult> latest, PagePackages pages)
    {
        var web = ReferenceAssemblies.Web;
        IReadOnlyList<string> webPaths = [.. web.OfType<PortableExecutableReference>().Select(r => r.FilePath).OfType<string>()];
        var withPackages = new List<(PreparedDocument Document, Snippet Snippet, IReadOnlyList<string> Compile)>();
        var withoutPackages = new List<(PreparedDocument Document, Snippet Snippet, IReadOnlyList<string> Compile)>();
        foreach (var (document, snippet) in tries)
        {
            if (latest[snippet.Location] is not { Status: SnippetStatus.Failed } failed) continue;
            // A given local's unknown type is reported on its hidden line, which names no word of the block.
            var onlyUnknownNames = failed.Diagnostics.Where(d => d.IsError).All(d => CheckLevel.IsUnknownName(d.Id));
            var names = PackageInference.UnknownNames(failed.Snippet, failed.Diagnostics) ?? (onlyUnknownNames ? [] : null);
            if (names is null) continue;
            var references = document.SettingsFor(snippet).References;
            var framework = snippet.Tags.WebSdk ? references.AddRange(web) : references;
            // A given local's own type is lacking too ('IScheduler scheduler = default!;' is a hidden line: its error names no
            // word of the block), when the block that declares it passed on another page and lent it nothing.
            // The page's own types (PageTypes) are no package's: they are stubbed (StubTypeNeeds).
            var pageTypes = PageTypes.Of(document.Snippets);
            names = [.. names.Concat(snippet.Tags.Given.Select(GivenTypeName).Where(t => !pageTypes.Contains(t))).Distinct(StringComparer.Ordinal)];
            if (DeclaringPackages(packages, tries, document, framework, names, pages) is not { } found) continue;
            var sdkPaths = snippet.Tags.WebSdk ? webPaths : [];
            if (found.Count == 0)
            {
                // No package lacks it: a framework type ('StringBuilder') may still want its namespace imported.
                withoutPackages.Add((document, failed.Snippet, sdkPaths));
                continue;
            }
            List<string> compile = [.. found.SelectMany(f => f.Compile).Concat(sdkPaths).Distinct(StringComparer.Ordinal)];
            var failedTags = failed.Snippet.Tags;
            var declaring = found.Select(f => f.Package with { Location = snippet.Location });
            var tags = failedTags with
            {
                Packages = PackageRequest.OneVersionEach(failedTags.Packages.Concat(declaring)),
                Usings = [.. failedTags.Usings.Concat(GivenTypeUsings(snippet, references,
                    PackageInference.Found.ReferencesOf(found).Concat(snippet.Tags.WebSdk ? web : []))).Distinct(StringComparer.Ordinal)],
            };
            withPackages.Add((document, failed.Snippet with { Tags = tags }, compile));
        }
        return (withPackages, withoutPackages);
    }

    /// <summary>
    /// The packages of the page, else of the other tried pages of its doc set, that declare one of <paramref name="names"/>:
    /// a page that names packages of its own (a versioning library's) still calls its doc set's main one on 'app'. Null
    /// until <paramref name="pages"/> has answered each page looked in.
    /// </summary>
    private static List<PackageInference.Found>? DeclaringPackages(
        PackageInference packages, List<(PreparedDocument Document, Snippet Snippet)> tries, PreparedDocument document,
        ImmutableArray<MetadataReference> framework, IReadOnlyList<string> names, PagePackages pages)
    {
        if (pages.OfPage(document, framework) is not { } own) return null;
        var found = own.Where(f => f.Names.Overlaps(names)).ToList();
        if (found.Count > 0) return found;
        var docSet = packages.DocSets.Of(document.Snippets);
        var answered = true;
        foreach (var page in tries.Select(t => t.Document).Distinct().Where(
            d => d != document && packages.DocSets.Of(d.Snippets) == docSet))
        {
            if (pages.OfPage(page, framework) is { } theirs) found.AddRange(theirs.Where(f => f.Names.Overlaps(names)));
            else answered = false;
        }
        return answered ? [.. found.DistinctBy(f => f.Package.Key)] : null;
    }

    /// <summary>True when a line of <paramref name="snippet"/> creates <paramref name="name"/> (<c>var table = new Table();</c>).</summary>
    private static bool Creates(Snippet snippet, string name) =>
        snippet.Block.Lines.Any(l => Creation().Match(l.Text) is { Success: true } m && m.Groups["name"].Value == name)
        || Declared(snippet).Any(d => d.Name == name);

    /// <summary>
    /// The unknown names of the block that it uses as a receiver (<c>app.UseX()</c>, <c>bld.Services</c>) or an argument
    /// (<c>scheduler.ScheduleJob(job, trigger)</c>) and never declares, that the doc set declares as a local of one type; in
    /// the order the block first uses them.
    /// </summary>
    private static List<string> ReceiversIn(Snippet snippet, IReadOnlyList<string> unknown, IReadOnlyDictionary<string, string> known)
    {
        var root = CSharpSyntaxTree.ParseText(string.Join('\n', snippet.Code.Select(l => l.Text))).GetCompilationUnitRoot();
        if (root.Members.Any(m => m is not GlobalStatementSyntax)) return [];
        return [.. root.DescendantNodes().OfType<IdentifierNameSyntax>()
            .Where(n => n.Parent is MemberAccessExpressionSyntax access && access.Expression == n || n.Parent is ArgumentSyntax)
            .Select(n => n.Identifier.ValueText)
            .Where(n => unknown.Contains(n) && known.ContainsKey(n))
            .Distinct(StringComparer.Ordinal)];
    }

    /// <summary>
    /// The namespace of each given type that one namespace of the references declares (a hidden line's error names no word of
    /// the block, so the using round cannot find it): <c>Quartz</c> for <c>scheduler:IScheduler</c>.
    /// </summary>
    private static IEnumerable<string> GivenTypeUsings(
        Snippet snippet, ImmutableArray<MetadataReference> references, IEnumerable<MetadataReference> compile)
    {
        var all = references.AddRange(compile.DistinctBy(r => r.Display, StringComparer.Ordinal));
        return snippet.Tags.Given.Select(GivenTypeName).Select(t => UsingInference.NamespacesOf(t, all, snippet.Tags.Usings))
            .Where(n => n.Count == 1).Select(n => n[0]);
    }

    /// <summary>The simple name of a <c>given=</c> entry's type: <c>IScheduler</c> of <c>scheduler:Quartz.IScheduler</c>.</summary>
    private static string GivenTypeName(string entry)
    {
        var type = GivenLocals.TypeOf(entry).Split('<')[0];
        return type[(type.LastIndexOf('.') + 1)..];
    }

    private static bool IsWeb(string type) => type is "WebApplication" or "WebApplicationBuilder";

    [GeneratedRegex(@"\bvar\s+(?<name>[A-Za-z_]\w*)\s*=\s*new\s+(?<type>[A-Z][\w.]*(\s*<[\w\s,.<>\[\]?]+>)?)\s*[({]")]
    private static partial Regex Creation();

    [GeneratedRegex(@"\b(var|WebApplicationBuilder)\s+(?<name>[A-Za-z_]\w*)\s*=\s*WebApplication\.Create(Slim|Empty)?Builder\s*\(")]
    private static partial Regex BuilderDeclaration();

    [GeneratedRegex(@"\b(var|WebApplication)\s+(?<name>[A-Za-z_]\w*)\s*=\s*(?<builder>[A-Za-z_]\w*)\.Build\s*\(\s*\)")]
    private static partial Regex AppDeclaration();
}
