using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SnippetCheck.Model;
using SnippetCheck.Extraction.Snippets;

namespace SnippetCheck.Adoption.Inference.Packages;

/// <summary>
/// What adopt says of a post's packages and names, said as it is (issue 75, item 9): a package is said to be named by its
/// page only where the page names it (else by its doc set, its repository's docs, or <c>adopt --package</c>), and a name
/// is said to be declared nowhere in the docs only where no page of its doc set declares it.
/// </summary>
internal sealed partial class PackageInference
{
    /// <summary>Of each post's file, who names each package it was given: <c>its post</c>, <c>its doc set</c>, ...</summary>
    private readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, string>> _namedBy = new(StringComparer.Ordinal);

    /// <summary>Of each block <see cref="NoteMissing"/> spoke of, the names neither the framework nor a package it looked in declares.</summary>
    private readonly ConcurrentDictionary<SourceLocation, IReadOnlyList<string>> _nowhere = new();

    /// <summary>Of each doc set (<see cref="DocSet.Of(SnippetDocument)"/>), every name its pages declare (<see cref="DeclaredIn"/>).</summary>
    private readonly ConcurrentDictionary<string, IReadOnlySet<string>> _declaredInDocSet = new(StringComparer.Ordinal);

    /// <summary>Keeps, for the notes, whose evidence named each package of <paramref name="document"/>: the author's first.</summary>
    private void RecordWhoNames(
        SnippetDocument document, IEnumerable<IReadOnlyList<PackageCandidate>> stated, IEnumerable<IReadOnlyList<PackageCandidate>> own,
        IEnumerable<IReadOnlyList<PackageCandidate>> set)
    {
        var inFolders = DocSet.FoldersOf(document).SelectMany(key => _docSetEvidence.GetValueOrDefault(key) ?? []).ToList();
        // The page names what its text spells (an install line, a using); a test attribute or a call ('[Fact]', 'Verify(…)')
        // names no package: its code points to one.
        var text = document.Source.Document.Text;
        var by = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (groups, who) in (IEnumerable<(IEnumerable<IReadOnlyList<PackageCandidate>>, string)>)[(stated, "adopt --package"),
            (own.Where(g => text.Contains(g[0].Id, StringComparison.OrdinalIgnoreCase)), "its post"), (own, "its code"),
            (set.Where(g => inFolders.Any(f => f[0].Id.Equals(g[0].Id, StringComparison.OrdinalIgnoreCase))), "its doc set"),
            (set, "its repository's docs")])
        {
            foreach (var group in groups) by.TryAdd(group[0].Id, who);
        }
        // Keyed as its blocks' locations name the file.
        foreach (var file in document.Snippets.Select(b => b.Location.File).Distinct(StringComparer.Ordinal)) _namedBy[file] = by;
    }

    /// <summary>
    /// <c>its post names</c>, <c>its code points to</c>, <c>its doc set names</c>, <c>its post and adopt --package name</c>: who
    /// named <paramref name="ids"/>, packages of <paramref name="snippet"/>'s post, so a note never says the page names a
    /// package it does not.
    /// </summary>
    public string NamedBy(Snippet snippet, IEnumerable<string> ids)
    {
        var by = _namedBy.GetValueOrDefault(snippet.Location.File);
        var who = ids.Select(id => by?.GetValueOrDefault(id) ?? "its doc set").Distinct(StringComparer.Ordinal).ToList();
        return who switch
        {
            ["its code"] => "its code points to",
            [var one] when one != "its repository's docs" => $"{one} names",
            _ => $"{string.Join(" and ", who)} name",
        };
    }

    /// <summary>
    /// The names <paramref name="snippet"/> lacks that neither the framework, nor a package adopt looked in, nor any page
    /// of its doc set declares (<see cref="DeclaredIn"/>): the docs' own types and methods, never shown. Empty where a
    /// package note said nothing of the block.
    /// </summary>
    public IReadOnlyList<string> DeclaredNowhereInTheDocs(Snippet snippet)
    {
        if (_nowhere.GetValueOrDefault(snippet.Location) is not { } nowhere) return [];
        var page = docSet.FirstOrDefault(d => d.Snippets.Any(s => s.Location == snippet.Location));
        if (page is null) return [];
        var declared = _declaredInDocSet.GetOrAdd(DocSets.Of(page), key => DeclaredIn(DocSets.PagesOf(key)));
        return [.. nowhere.Where(n => !declared.Contains(n))];
    }

    /// <summary>
    /// The names <paramref name="pages"/> declare: in their blocks, a type, method, property, field, local, parameter or
    /// pattern variable (<see cref="Results.RotEvidence.DeclaredNames"/> and more); in their text, any <c>class NAME</c> and the like.
    /// </summary>
    private static IReadOnlySet<string> DeclaredIn(IEnumerable<SnippetDocument> pages)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var page in pages)
        {
            names.UnionWith(TypeDeclaration().Matches(page.Source.Document.Text).Select(m => m.Groups["name"].Value));
            foreach (var block in page.Snippets)
            {
                var code = string.Join('\n', block.Code.Select(l => l.Text));
                names.UnionWith(Results.RotEvidence.DeclaredNames(code));
                foreach (var node in Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(code).GetRoot().DescendantNodes())
                {
                    var name = node switch
                    {
                        VariableDeclaratorSyntax v => v.Identifier.ValueText,
                        ParameterSyntax p => p.Identifier.ValueText,
                        PropertyDeclarationSyntax p => p.Identifier.ValueText,
                        SingleVariableDesignationSyntax d => d.Identifier.ValueText,
                        ForEachStatementSyntax f => f.Identifier.ValueText,
                        _ => null,
                    };
                    if (name is { Length: > 0 }) names.Add(name);
                }
            }
        }
        return names;
    }

    [GeneratedRegex(@"\b(?:class|struct|record|interface|enum)\s+(?<name>[A-Za-z_]\w*)")]
    private static partial Regex TypeDeclaration();

    /// <summary>Up to three names, quoted, and how many more.</summary>
    private static string Shown(IReadOnlyList<string> names) =>
        string.Join(", ", names.Take(3).Select(n => $"'{n}'")) + (names.Count > 3 ? $" and {names.Count - 3} more names" : "");

    /// <summary>
    /// The post (or the author) names a package, and none found declares what the block lacks: say so, so the cause is not
    /// mistaken for a fragment. Often they are the docs' own types, declared in code the page never shows: the note says no
    /// more than it knows. A framework type the post does not import ('StringBuilder' without 'using System.Text') is
    /// declared, only not in scope: said apart, never as "declared nowhere" (issue 54).
    /// </summary>
    private void NoteMissing(Snippet snippet, IReadOnlyList<string> names, IReadOnlyList<string> named, ImmutableArray<MetadataReference> framework)
    {
        var inFramework = names.Where(n => UsingInference.NamespacesOf(n, framework, []).Count > 0).ToList();
        var nowhere = names.Except(inFramework, StringComparer.Ordinal).ToList();
        if (inFramework.Count > 0)
            _notes.Add(new AdoptNote(
                snippet.Location, $"{Shown(inFramework)} {(inFramework.Count == 1 ? "is a framework name" : "are framework names")} " +
                "the block does not import: a using is missing (usings=NAMESPACE), not a package"));
        if (nowhere.Count > 0) _nowhere[snippet.Location] = nowhere;
        if (nowhere.Count > 0)
            _notes.Add(new AdoptNote(
                snippet.Location, $"{Shown(nowhere)} {(nowhere.Count == 1 ? "is" : "are")} declared nowhere the tool can see: not in " +
                $"the post, the framework, nor the packages it looked in " +
                $"({string.Join(", ", named.Take(3))}{(named.Count > 3 ? $" and {named.Count - 3} more" : "")}); " +
                "if a package declares them, name it with adopt --package NAME[@VERSION]"));
    }
}
