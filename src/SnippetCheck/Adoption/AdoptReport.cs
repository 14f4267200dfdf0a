using SnippetCheck.Adoption.Inference.Packages;
using SnippetCheck.Adoption.Proposals;
using SnippetCheck.Adoption.Rot;
using SnippetCheck.Extraction;
using SnippetCheck.Model;
using SnippetCheck.Results;
using SnippetCheck.Extraction.Snippets;

namespace SnippetCheck.Adoption;

/// <summary>Everything one <c>adopt</c> run found and did; and the run itself (<see cref="RunAsync"/>, <see cref="Adopter"/>'s).</summary>
public sealed record AdoptReport
{
    /// <summary>
    /// <c>adopt</c>: proposes the tags, hidden lines and settings that make each block of <paramref name="verifier"/>'s files
    /// pass, and with <paramref name="write"/> writes them (<see cref="Adopter"/>).
    /// </summary>
    /// <param name="verifier">The run: its files and settings are the options it was made from; its events report each pass's progress.</param>
    /// <param name="write"><c>--write</c>.</param>
    /// <param name="packages"><c>--package</c>: each <c>NAME</c> or <c>NAME@VERSION</c> (<see cref="IsPackage"/>).</param>
    /// <param name="frontMatter"><c>--front-matter</c>: page fixtures may write their settings into the front matter.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    public static Task<AdoptReport> RunAsync(
        Driver.Verifier verifier, bool write, IReadOnlyList<string> packages, bool frontMatter, CancellationToken cancellationToken = default) =>
        Adopter.RunAsync(verifier, write, packages, frontMatter, cancellationToken);

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

    /// <summary>
    /// <c>adopt --repair</c>: writes the repairs of the typos this run found, each of which made its block compile, into their
    /// posts, every other byte as it was (<see cref="Writing.RepairWriter"/>); one line per file, written or why not.
    /// </summary>
    public IReadOnlyList<string> WriteRepairs() => Writing.RepairWriter.Write(Files);

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
    public int Tagged => Files.Where(f => f.Written).Sum(f => f.Proposals.Count(p => p.Verifies));

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

    /// <summary>Each block whose tag keeps a version of its own, with why (<see cref="Writing.DocSetPins.OwnPins"/>).</summary>
    internal IReadOnlyList<string> OwnPins { get; init; } = [];

    /// <summary>Each package a source has that could not be restored here, with the blocks left unverified for it: a setup problem.</summary>
    internal IReadOnlyList<string> SetupProblems { get; init; } = [];

    /// <summary>The config file that holds (or would hold) <see cref="Pins"/>.</summary>
    public string? PinsFile { get; init; }

    /// <summary>Why the pins could not be written (the tags then keep their versions); null when they were, or none was tried.</summary>
    public string? PinsProblem { get; init; }
}
