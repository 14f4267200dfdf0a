using SnippetCheck.Configuration;
using SnippetCheck.Extraction;
using SnippetCheck.Extraction.Markdown;
using SnippetCheck.Model;
using SnippetCheck.Results;
using SnippetCheck.Extraction.Snippets;

namespace SnippetCheck.Adoption;

/// <summary>A tag <c>adopt</c> proposes for one untagged block, and the fence to mark as its output, if any.</summary>
internal sealed record AdoptProposal(Snippet Snippet, SnippetKind Kind, FencedBlock? Output)
{
    /// <summary>The block compiles only as members inside a class the tool adds: tagged <c>members</c> as well.</summary>
    public bool Members { get; init; }

    /// <summary>The block lists an API's signatures, looked up in its packages: tagged <c>check listing</c>.</summary>
    public bool Listing { get; init; }

    /// <summary>The block's result lines (<c>EXPR => VALUE</c>) are checked: tagged <c>results</c> as well.</summary>
    public bool Results { get; init; }

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

    /// <summary>The tag words written above the fence.</summary>
    public string Words => Kind.ToTag() + (ExpectedErrorIds.Count > 0 ? "=" + string.Join(',', ExpectedErrorIds) : "") + (Members ? " members" : "")
        + (Listing ? " listing" : "") + (Results ? " results" : "") + (Base is null ? "" : " base=" + Base)
        + (Given.Count > 0 ? " given=" + string.Join(',', Given) : "") + (Usings.Count > 0 ? " usings=" + SettingValues.UsingsValue(Usings) : "")
        + (Packages.Count > 0 ? " packages=" + string.Join(',', Packages.Select(p => p.TagText)) : "")
        + (WebSdk ? " sdk=web" : "") + (Session is null ? "" : " session=" + Session);
}

/// <summary>
/// The page settings <c>adopt</c> writes into a page's front matter for its fixture (docs/authoring.md#the-page-fixture):
/// <c>fixture: true</c> unless config already says so, and the info strings of the docs' hidden fences it read.
/// </summary>
internal sealed record PageSettings(bool Fixture, IReadOnlyList<string> HiddenFences)
{
    /// <summary>The settings as lines of the front matter's <c>snippetcheck:</c> map, without their indent.</summary>
    public IReadOnlyList<string> Lines =>
        [.. Fixture ? ["fixture: true"] : Array.Empty<string>(), .. HiddenFences.Count > 0 ? [$"hiddenFences: [{string.Join(", ", HiddenFences)}]"]
            : Array.Empty<string>()];

    /// <summary>
    /// Written as a hidden <c>&lt;!-- snippetcheck: page … --&gt;</c> comment, which readers never see, rather than into the
    /// front matter (which <c>adopt --front-matter</c> asks for).
    /// </summary>
    public bool InComment { get; init; }

    /// <summary>The settings as the one line of a hidden page comment (<c>PageSettingsComment</c>).</summary>
    public string Comment => $"<!-- {FrontMatterReader.Key}: {PageSettingsComment.Word} {this} -->";

    public override string ToString() => string.Join(", ", Lines);
}

/// <summary>Something <c>adopt</c> says about one block besides the table (a block that passes but cannot be tagged).</summary>
internal sealed record AdoptNote(SourceLocation Location, string Message)
{
    /// <summary>The block a note at another place is about (suspected rot stands at the prose's line); null when at the block.</summary>
    public SourceLocation? Block { get; init; }

    /// <summary><c>path(line,col): message</c>, the form every console line of the tool has.</summary>
    public override string ToString() => $"{Location}: {Message}";
}

/// <summary>One file's untagged blocks: what would be tagged, what still fails, and whether the tags were written.</summary>
/// <param name="Blocks">Untagged C# blocks in the file (those <c>adopt</c> looked at).</param>
internal sealed record AdoptFile(
    SourceDocument Document, int Blocks, IReadOnlyList<AdoptProposal> Proposals, IReadOnlyList<SnippetResult> Failures,
    IReadOnlyList<AdoptNote> Notes)
{
    internal string Path => Document.DisplayPath;
    internal int Compile => Proposals.Count(p => p.Kind == SnippetKind.Compile);
    internal int CompileFail => Proposals.Count(p => p.Kind == SnippetKind.CompileFail);

    /// <summary>Blocks tagged <c>check</c>: protected, but weaker than verified, and never counted with them.</summary>
    public int Check => Proposals.Count(p => p.Kind == SnippetKind.Check);
    // What the verified blocks were tagged with; check blocks are counted apart (Check), never among them.
    internal int Members => Verified.Count(p => p.Members);
    internal int Results => Verified.Count(p => p.Results);
    internal int WithUsings => Verified.Count(p => p.Usings.Count > 0);
    internal int InSessions => Verified.Count(p => p.Session is not null);
    internal int WithPackages => Verified.Count(p => p.Packages.Count > 0);

    /// <summary>Doc-comment examples with a hidden check of what their prose claims.</summary>
    public int WithHiddenChecks => Verified.Count(p => p.HiddenChecks.Count > 0);

    /// <summary>Blocks that look broken rather than incomplete (and prose claims an example does not bear out), with their evidence.</summary>
    public IReadOnlyList<SuspectedRot> Rot { get; init; } = [];

    /// <summary>How many of <see cref="Rot"/>.</summary>
    public int SuspectedRot => Rot.Count;

    private IEnumerable<AdoptProposal> Verified => Proposals.Where(p => p.Kind is not (SnippetKind.Check or SnippetKind.Ignore));
    internal int Run => Proposals.Count(p => p.Kind == SnippetKind.Run);
    internal int Output => Proposals.Count(p => p.Output is not null);
    internal int StillFailing => Failures.Count;

    /// <summary>
    /// The page is verified as one class: what its front matter gets for it (nothing when config already says all); null for no fixture.
    /// </summary>
    internal PageSettings? Fixture { get; init; }

    /// <summary>Blocks left out of a fixture page because they fail in it: tagged <c>ignore</c>, never counted as verified.</summary>
    public int LeftOut => Proposals.Count(p => p.Kind == SnippetKind.Ignore);

    /// <summary>Why each of <see cref="Failures"/> stays unverified, in the same order.</summary>
    internal IReadOnlyList<UnverifiedCause> Causes { get; init; } = [];

    /// <summary>With <c>--write</c>: true once a write of the file was tried.</summary>
    public bool WriteTried { get; init; }

    /// <summary>Why the tried write was refused; null when it was not (or none was tried).</summary>
    public string? WriteProblem { get; init; }

    /// <summary>The file now holds the proposals.</summary>
    public bool Written => WriteTried && WriteProblem is null;
}

/// <summary>Everything one <c>adopt</c> run found and did; and the run itself (<see cref="RunAsync"/>, <see cref="Adopter"/>'s).</summary>
public sealed record AdoptReport
{
    /// <summary>
    /// <c>adopt</c>: proposes the tags, hidden lines and settings that make each block of <paramref name="options"/>' files
    /// pass, and with <paramref name="write"/> writes them (<see cref="Adopter"/>).
    /// </summary>
    /// <param name="verifier">Made from <paramref name="options"/>; its events report each pass's progress.</param>
    /// <param name="options">The files and settings of the run.</param>
    /// <param name="write"><c>--write</c>.</param>
    /// <param name="packages"><c>--package</c>: each <c>NAME</c> or <c>NAME@VERSION</c> (<see cref="IsPackage"/>).</param>
    /// <param name="frontMatter"><c>--front-matter</c>: page fixtures may write their settings into the front matter.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    public static Task<AdoptReport> RunAsync(
        Driver.Verifier verifier, Driver.VerifyOptions options, bool write, IReadOnlyList<string> packages, bool frontMatter,
        CancellationToken cancellationToken = default) =>
        Adopter.RunAsync(verifier, options, write, packages, frontMatter, cancellationToken);

    /// <summary>Whether <paramref name="text"/> names a package as <c>adopt --package</c> takes it: <c>NAME</c> or <c>NAME@VERSION</c>.</summary>
    public static bool IsPackage(string text) => PackageCandidate.TryParse(text) is not null;

    /// <summary>
    /// What <c>adopt</c> would list as suspected rot for <paramref name="snippet"/> of <paramref name="document"/>, given how
    /// it <paramref name="failed"/> (<see cref="RotReport"/>); null for no evidence that it is broken.
    /// </summary>
    public static SuspectedRot? SuspectedRotOf(SourceDocument document, Snippet snippet, SnippetResult? failed) =>
        RotReport.Of(document, snippet, failed);

    internal AdoptReport(IReadOnlyList<AdoptFile> files, IReadOnlyList<Diagnostic> errors, bool write, TimeSpan duration)
    {
        Files = files;
        Errors = errors;
        Write = write;
        Duration = duration;
    }

    /// <summary>Each file with untagged blocks, with what was proposed and found for it.</summary>
    internal IReadOnlyList<AdoptFile> Files { get; init; }

    /// <summary>Problems with files rather than blocks.</summary>
    public IReadOnlyList<Diagnostic> Errors { get; init; }

    /// <summary><c>--write</c>: the proposals were written into the files.</summary>
    public bool Write { get; init; }

    /// <summary>How long the run took.</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>True when a file could not be written (<c>adopt</c> exits 1).</summary>
    public bool AnyRefused => Refused.Any();

    /// <summary><c>adopt --report json</c>: this report as one JSON document (UTF-8, indented; <see cref="AdoptJson"/>).</summary>
    public void WriteJson(Stream stream) => AdoptJson.Write(stream, this);

    /// <summary>What <c>adopt</c> prints, line by line (<see cref="AdoptTable"/>).</summary>
    public IEnumerable<string> TableLines() => AdoptTable.Lines(this);

    internal int Blocks => Files.Sum(f => f.Blocks);
    internal int Compile => Files.Sum(f => f.Compile);

    /// <summary>Of <see cref="Compile"/>, the blocks tagged <c>members</c> too.</summary>
    public int Members => Files.Sum(f => f.Members);

    /// <summary>Blocks whose result lines are checked (<c>results</c>).</summary>
    public int Results => Files.Sum(f => f.Results);

    /// <summary>Blocks tagged with hidden <c>usings=</c>.</summary>
    public int WithUsings => Files.Sum(f => f.WithUsings);

    /// <summary>Doc-comment examples with a hidden check of their prose's claim.</summary>
    public int WithHiddenChecks => Files.Sum(f => f.WithHiddenChecks);

    /// <summary>Blocks suspected of rot (docs/authoring.md, "What adopt reports as rot").</summary>
    public int SuspectedRot => Files.Sum(f => f.SuspectedRot);

    /// <summary>Blocks joined with earlier blocks of their post into sessions.</summary>
    public int InSessions => Files.Sum(f => f.InSessions);

    /// <summary>Blocks tagged with the packages of their post (<c>packages=</c>).</summary>
    public int WithPackages => Files.Sum(f => f.WithPackages);
    internal int Run => Files.Sum(f => f.Run);

    /// <summary>Blocks that show errors and mark them (<c>compile-fail=IDS</c>).</summary>
    public int CompileFail => Files.Sum(f => f.CompileFail);
    internal int Output => Files.Sum(f => f.Output);
    internal int StillFailing => Files.Sum(f => f.StillFailing);
    /// <summary>Blocks tagged at a level that verifies them (compile, run, compile-fail); <see cref="Check"/> apart.</summary>
    public int Adopted => Compile + Run + CompileFail;

    /// <summary>Blocks tagged <c>check</c>: checked, not verified.</summary>
    public int Check => Files.Sum(f => f.Check);

    /// <summary>Files whose tags could not be written (with <c>--write</c>).</summary>
    internal IEnumerable<AdoptFile> Refused => Files.Where(f => f.WriteProblem is not null);

    /// <summary>Blocks tagged, at a level that verifies them, in files that were written.</summary>
    public int Tagged => Files.Where(f => f.Written).Sum(f => f.Proposals.Count(p => p.Kind is not (SnippetKind.Check or SnippetKind.Ignore)));

    /// <summary>Pages proposed as fixtures (one class each).</summary>
    public int Fixtures => Files.Count(f => f.Fixture is not null);

    /// <summary>Blocks of those pages that fail in them, left out with <c>ignore</c> (and counted among <see cref="StillFailing"/>).</summary>
    public int LeftOut => Files.Sum(f => f.LeftOut);

    /// <summary>Blocks tagged <c>check</c> in files that were written.</summary>
    public int TaggedCheck => Files.Where(f => f.Written).Sum(f => f.Check);

    /// <summary>
    /// The pins (<c>Id@Version</c>) new to the config's <c>packageVersions</c>, one per package, whose blocks are tagged
    /// <c>packages=Id</c> without a version; written with <c>--write</c>.
    /// </summary>
    public IReadOnlyList<string> Pins { get; init; } = [];

    /// <summary>
    /// Packages whose docs were written for an older major than the newest, told by the names they use, each as a sentence
    /// naming the names the newest lacks: the blocks are verified at the older major, and the rot is said, never hidden.
    /// </summary>
    internal IReadOnlyList<string> Versions { get; init; } = [];

    /// <summary>The config file that holds (or would hold) <see cref="Pins"/>.</summary>
    public string? PinsFile { get; init; }

    /// <summary>Why the pins could not be written (the tags then keep their versions); null when they were, or none was tried.</summary>
    public string? PinsProblem { get; init; }
}
