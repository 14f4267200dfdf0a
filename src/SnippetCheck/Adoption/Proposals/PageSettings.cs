using SnippetCheck.Extraction.Markdown;

namespace SnippetCheck.Adoption.Proposals;

/// <summary>
/// The page settings <c>adopt</c> writes into a page's front matter for its fixture (docs/authoring.md#the-page-fixture):
/// <c>fixture: true</c> unless config already says so, and the info strings of the docs' hidden fences it read.
/// </summary>
internal sealed record PageSettings(bool Fixture, IReadOnlyList<string> HiddenFences)
{
    /// <summary>The settings as lines of the front matter's <c>snippetcheck:</c> map, without their indent.</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            var lines = new List<string>();
            if (Fixture) lines.Add("fixture: true");
            if (HiddenFences.Count > 0) lines.Add($"hiddenFences: [{string.Join(", ", HiddenFences)}]");
            return lines;
        }
    }

    /// <summary>
    /// Written as a hidden <c>&lt;!-- snippetcheck: page … --&gt;</c> comment, which readers never see, rather than into the
    /// front matter (which <c>adopt --front-matter</c> asks for).
    /// </summary>
    public bool InComment { get; init; }

    /// <summary>The settings as the one line of a hidden page comment (<c>PageSettingsComment</c>).</summary>
    public string Comment => $"<!-- {FrontMatterReader.Key}: {PageSettingsComment.Word} {this} -->";

    public override string ToString() => string.Join(", ", Lines);
}
