using SnippetCheck.Extraction.Snippets;
using SnippetCheck.Model;

namespace SnippetCheck.Adoption.Inference;

/// <summary>
/// A whole page as one session: a post that walks through an app and its tests (a controller importing the page's
/// namespaces declared below it, a service, an entity, then test methods as members) needs every block at once, with
/// the packages its blocks need together. Which blocks join, and with which tags; whether they pass is the trial's.
/// </summary>
internal static class PageSessions
{
    /// <summary>One block of the page that passes alone or fails only on names.</summary>
    /// <param name="Pending">It fails alone: a block the session is for.</param>
    public sealed record Candidate(Snippet Snippet, SnippetTags Tags, bool Pending);

    /// <summary>
    /// The indices, in page order, of the blocks that join: the pending blocks and the blocks that declare (a type, or a
    /// namespace of the name they import) what those use, and so on; a pending block that neither uses what another
    /// member declares nor declares what one uses is left out (its names are declared nowhere on the page). Empty unless
    /// two or more join and one of them is pending.
    /// </summary>
    public static IReadOnlyList<int> Members(IReadOnlyList<Candidate> page)
    {
        var names = page.Select(c => SessionChoice.Read(c.Snippet)).ToList();
        bool Needs(int user, int declarer) =>
            user != declarer && names[user].Used.Except(names[user].Provides).Any(names[declarer].Provides.Contains);
        var members = Enumerable.Range(0, page.Count).Where(i => page[i].Pending).ToHashSet();
        for (var grown = true; grown;)
        {
            var added = Enumerable.Range(0, page.Count).Where(d => !members.Contains(d) && members.Any(m => Needs(m, d))).ToList();
            members.UnionWith(added);
            grown = added.Count > 0;
        }
        members.RemoveWhere(m => page[m].Pending && !members.Any(o => Needs(m, o) || Needs(o, m)));
        return members.Count >= 2 && members.Any(m => page[m].Pending) ? [.. members.Order()] : [];
    }

    /// <summary>
    /// The members' tags for the session: each with the packages of all (one version of each; null when two blocks ask for
    /// two versions of one package, which one program cannot hold), <c>sdk=web</c> when one needs it, and for a block that
    /// declares no namespace (statements, members), the namespaces the page declares and no block imports, as the author's
    /// test file imports the app's namespaces.
    /// </summary>
    public static IReadOnlyList<SnippetTags>? Tagged(IReadOnlyList<Candidate> members)
    {
        var packages = members.SelectMany(m => m.Tags.Packages).ToList();
        if (packages.GroupBy(p => p.Id, StringComparer.OrdinalIgnoreCase).Any(g => g.Select(p => p.Version).Distinct().Count() > 1)) return null;
        var all = PackageRequest.OneVersionEach(packages);
        var web = members.Any(m => m.Tags.WebSdk);
        var names = members.Select(m => SessionChoice.Read(m.Snippet)).ToList();
        var imported = names.SelectMany(n => n.Imported).ToHashSet(StringComparer.Ordinal);
        var unimported = names.SelectMany(n => n.Namespaces).Where(n => !imported.Contains(n)).Distinct(StringComparer.Ordinal).ToList();
        return [.. members.Select((m, i) => m.Tags with
        {
            Packages = all,
            WebSdk = web,
            Usings = names[i].Namespaces.Count == 0 ? [.. m.Tags.Usings.Union(unimported, StringComparer.Ordinal)] : m.Tags.Usings,
        })];
    }
}
