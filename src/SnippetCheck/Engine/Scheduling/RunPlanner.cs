using SnippetCheck.Configuration;
using SnippetCheck.Programs;
using SnippetCheck.Results;
using SnippetCheck.Extraction.Snippets;

namespace SnippetCheck.Engine.Scheduling;

/// <summary>
/// Turns documents into programs: a program per lone snippet and per session, after the filter, front matter
/// <c>skip</c> and the untagged rule. A session runs whole, even when the filter picked only some of its blocks.
/// </summary>
internal static class RunPlanner
{
    /// <param name="filter"><c>--filter</c> (see <see cref="Matches"/>).</param>
    /// <param name="checkStale">Plan the ignored lone blocks for <see cref="StalePolicy"/> (their verdict is known: ignored).</param>
    internal static RunPlan Plan(IReadOnlyList<PreparedDocument> documents, string? filter, bool checkStale = false)
    {
        var stale = new List<(Snippet, SnippetProgram)>();
        var lone = new List<SnippetProgram>();
        var sessions = new List<SnippetProgram>();
        var known = new List<SnippetResult>();
        foreach (var document in documents)
        {
            var snippets = document.Snippets.Snippets.Where(s => Matches(s, filter)).ToList();
            if (document.Skip)
            {
                known.AddRange(snippets.Select(s => SnippetResult.Of(s, new Verdict.Skipped(document.SkipReason))));
                continue;
            }
            var settings = document.Settings;
            // --all is the top layer of the file's settings (DocumentLoader).
            var verifyUntagged = settings.Mode == VerifyMode.All;
            if (settings.IsFixture)
            {
                // The page is one program, whatever the filter picked: every block outside a session, as the docs' own test
                // class holds every example; the page's setting is the tag of a block without one, which is 'run'.
                var page = document.Snippets.Snippets.Where(s => s.Tags.Session is null)
                    .Select(s => s.IsTagged ? s : s with { Tags = s.Tags with { Kind = SnippetKind.Run } }).ToList();
                if (page.Count > 0 && snippets.Any(s => s.Tags.Session is null)) sessions.Add(
                    SnippetProgram.ForFixture(document.Snippets, page, settings));
            }
            foreach (var snippet in snippets.Where(s => s.Tags.Session is null && !settings.IsFixture))
            {
                if (!snippet.IsTagged && !verifyUntagged) known.Add(SnippetResult.Of(snippet, Verdict.NotTagged));
                else if (!snippet.Kind.Rule().Verified && !snippet.HasAnnotationErrors)
                {
                    // Never compiled for its verdict; only, apart from every other snippet, for a stale tag.
                    known.Add(SnippetResult.Of(snippet, new Verdict.Ignored()));
                    if (checkStale) stale.Add((snippet, StalePolicy.ProgramFor(document.Snippets, snippet, settings)));
                }
                else lone.Add(SnippetProgram.Lone(document.Snippets, snippet, settings));
            }
            foreach (var session in snippets.Select(s => s.Tags.Session).OfType<string>().Distinct())
            {
                var blocks = document.Snippets.Snippets.Where(s => s.Tags.Session == session).ToList();
                sessions.Add(SnippetProgram.ForSession(document.Snippets, session, blocks, settings));
            }
        }
        return new RunPlan(lone, sessions, known) { Stale = stale };
    }

    /// <summary><c>--filter</c>: a snippet name, part of a file path, or <c>file:line</c> within a block.</summary>
    public static bool Matches(Snippet snippet, string? filter)
    {
        if (string.IsNullOrEmpty(filter)) return true;
        if (snippet.Tags.Name == filter) return true;
        var file = snippet.Location.File;
        var colon = filter.LastIndexOf(':');
        if (colon > 0 && int.TryParse(filter[(colon + 1)..], out var line))
        {
            return file.EndsWith(filter[..colon], StringComparison.Ordinal) && line >= snippet.Location.Line && line <= snippet.Block.EndLine;
        }
        return file.Contains(filter, StringComparison.Ordinal);
    }
}
