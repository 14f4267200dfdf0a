using SnippetCheck.Configuration;
using SnippetCheck.Extraction;
using SnippetCheck.Model;
using SnippetCheck.Extraction.Snippets;

namespace SnippetCheck.Adoption.Proposals;

/// <summary>A tag <c>adopt</c> proposes for one untagged block, and the fence to mark as its output, if any.</summary>
internal sealed record AdoptProposal(Snippet Snippet, SnippetKind Kind, FencedBlock? Output)
{
    /// <summary>The block compiles only as members inside a class the tool adds: tagged <c>members</c> as well.</summary>
    public bool Members { get; init; }

    /// <summary>The block lists an API's signatures, looked up in its packages: tagged <c>check listing</c>.</summary>
    public bool Listing { get; init; }

    /// <summary>The block's result lines (<c>EXPR => VALUE</c>) are checked: tagged <c>results</c> as well.</summary>
    public bool Results { get; init; }

    /// <summary>The block's type declarations compile after its statements: tagged <c>statements-first</c> as well.</summary>
    public bool StatementsFirst { get; init; }

    /// <summary>The base class the block's statements compile in, as a constructor's (<c>base=</c>); null for none.</summary>
    public string? Base { get; init; }

    /// <summary>
    /// Locals the block uses and never declares, each declared of its type on a hidden line (<c>given=app:WebApplication</c>); empty for none.
    /// </summary>
    public IReadOnlyList<string> Given { get; init; } = [];

    /// <summary>Namespaces the block compiles with as hidden usings (<c>usings=</c>); empty for none.</summary>
    public IReadOnlyList<string> Usings { get; init; } = [];

    /// <summary>Packages the block compiles with (<c>packages=</c>), pinned, or unpinned when the config's pin is theirs; empty for none.</summary>
    internal IReadOnlyList<PackageRequest> Packages { get; init; } = [];

    /// <summary>The block compiles as a project of the Web SDK would (<c>sdk=web</c>): ASP.NET Core docs.</summary>
    public bool WebSdk { get; init; }

    /// <summary>The session <c>adopt</c> joined the block to, with the earlier blocks it needs; null for none.</summary>
    public string? Session { get; init; }

    /// <summary>For <c>compile-fail</c>: the compiler errors the block must still give (the errors its comments mark).</summary>
    public IReadOnlyList<string> ExpectedErrorIds { get; init; } = [];

    /// <summary>
    /// Hidden result lines (docs/doctests.md, "Hidden checks") written in a <c>&lt;!-- snippetcheck: results</c> comment
    /// after a doc-comment example: what the prose after it says, found true. Empty for none.
    /// </summary>
    public IReadOnlyList<string> HiddenChecks { get; init; } = [];

    /// <summary>
    /// The tag verifies the block at a level adopt counts as verified: compiled or run as written (the kind table's verified
    /// row without holes), never <c>check</c> (protected, counted apart) or <c>ignore</c>.
    /// </summary>
    public bool Verifies => Kind.Rule() is { Verified: true, Holes: false };

    /// <summary>Tagged <c>ignore</c>: a block its page's class leaves out (the one proposal the kind table never verifies).</summary>
    public bool LeftOut => !Kind.Rule().Verified;

    /// <summary>The tag words written above the fence.</summary>
    public string Words => Kind.ToTag() + (ExpectedErrorIds.Count > 0 ? "=" + string.Join(',', ExpectedErrorIds) : "")
        + (Members ? " members" : "") + (Listing ? " listing" : "") + (Results ? " results" : "") + (StatementsFirst ? " statements-first" : "")
        + (Base is null ? "" : " base=" + Base)
        + (Given.Count > 0 ? " given=" + string.Join(',', Given) : "")
        + (Usings.Count > 0 ? " usings=" + SettingValues.UsingsValue(Usings) : "")
        + (Packages.Count > 0 ? " packages=" + string.Join(',', Packages.Select(p => p.TagText)) : "")
        + (WebSdk ? " sdk=web" : "") + (Session is null ? "" : " session=" + Session);
}
