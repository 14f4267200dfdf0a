using SnippetCheck.Adoption;
using SnippetCheck.Driver;
using SnippetCheck.Reporting;
using SnippetCheck.Results;

namespace SnippetCheck.Tests.Infrastructure;

/// <summary>
/// An adopt test in this process, with no CLI: a doc set in a temp folder, <c>adopt</c> through its entry point (the call
/// the CLI makes, <see cref="AdoptReport.RunAsync"/>, with the real <see cref="Verifier"/>, compiles and runs), the report
/// (each file's proposals, rot and pins; the table the CLI prints is <see cref="Table"/>) and the pages as written; then
/// <c>verify</c> of what it wrote and the mutants of a tagged page (<see cref="Mutants"/>), in this process too. For an
/// adoption rule on real trials (EndToEnd/Adoption/); a doc set with a local feed (<see cref="WithFeed"/>) keeps its package
/// cache and NuGet packages folder apart through the run's options, not the process's environment. What only the CLI
/// shows (its exit codes, options) stays in Cli/, through <c>CliRunner</c>.
/// </summary>
public sealed class AdoptInProcess : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly string? _feed;

    public AdoptInProcess() => Docs = _folder.Path;

    private AdoptInProcess(string docs)
    {
        Docs = Path.Combine(_folder.Path, docs);
        (_feed, _) = LocalFeed.Create(_folder.Path, Docs);
    }

    /// <summary>
    /// A doc set in <c>ROOT/docs</c> (or <paramref name="docs"/>) whose <c>nuget.config</c> names a local feed as its only source
    /// (<see cref="LocalFeed"/>), its package cache and NuGet packages folder under ROOT (the run's options).
    /// </summary>
    public static AdoptInProcess WithFeed(string docs = "docs") => new(docs);

    /// <summary>Adds a package to the feed (<see cref="LocalFeed.Pack"/>).</summary>
    public AdoptInProcess Pack(string id, string version, string source, string? dependency = null)
    {
        LocalFeed.Pack(_feed ?? throw new InvalidOperationException("a doc set made without WithFeed() has no feed"), id, version, source, dependency);
        return this;
    }

    /// <summary>The local feed's folder (<see cref="WithFeed"/>).</summary>
    public string Feed => _feed ?? throw new InvalidOperationException("a doc set made without WithFeed() has no feed");

    /// <summary>The temp folder the doc set is in (the doc set's own folder but for <see cref="WithFeed"/>).</summary>
    public string Root => _folder.Path;

    /// <summary>The doc set's folder, where adopt and verify run (the CLI's working directory).</summary>
    public string Docs { get; }

    /// <summary>
    /// A run's options in <see cref="Docs"/>; with a feed, its package cache and NuGet packages folder under <see cref="Root"/>
    /// (what the environment of <see cref="LocalFeed.Create"/> gives a CLI process).
    /// </summary>
    public VerifyOptions Options(IReadOnlyList<string> paths, SnippetCheck.Configuration.SnippetCheckConfig? commandLine = null) => new()
    {
        Paths = paths,
        CurrentDirectory = Docs,
        CommandLine = commandLine ?? new(),
        PackageCacheDirectory = _feed is null ? null : Path.Combine(Root, "cache"),
        NuGetPackagesDirectory = _feed is null ? null : Path.Combine(Root, "nuget-packages"),
    };

    /// <summary>Writes a page (or any file) of the doc set; returns its full path.</summary>
    public string Write(string page, string text)
    {
        var path = PathOf(page);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Writes a page built with <see cref="DocPage"/>; returns its full path.</summary>
    public string Write(string page, DocPage text) => Write(page, text.ToString());

    /// <summary>Makes the doc set's folder a git repository's root (its <c>.git/config</c>): one site, as adopt reads it.</summary>
    public AdoptInProcess InRepository()
    {
        Write(".git/config", "[core]\n");
        return this;
    }

    /// <summary>The full path of a file of the doc set.</summary>
    public string PathOf(string page) => Path.Combine(Docs, page);

    /// <summary>A file as it is now.</summary>
    public string Read(string page) => File.ReadAllText(PathOf(page));

    /// <summary><c>adopt PATHS</c> (a dry run); the run must refuse no file (the CLI's exit 0).</summary>
    public Task<AdoptReport> AdoptAsync(params string[] paths) => RunAsync(write: false, paths, []);

    /// <summary><c>adopt PATHS --write</c>; no file refused (the CLI's exit 0).</summary>
    public Task<AdoptReport> AdoptWriteAsync(params string[] paths) => RunAsync(write: true, paths, []);

    /// <summary>
    /// One post adopted (a dry run) in a doc set of its own, <c>post.md</c>: the report, and the rot it lists by its block's
    /// fence line (each post of the rot tests holds blocks that must be listed and neighbours that must not).
    /// </summary>
    public static async Task<(AdoptReport Report, Dictionary<int, SuspectedRot> RotByBlock)> AdoptPostAsync(string post)
    {
        using var docs = new AdoptInProcess();
        docs.Write("post.md", post);
        var report = await docs.AdoptAsync("post.md");
        return (report, report.Files.SelectMany(f => f.Rot).ToDictionary(r => r.Block!.Value.Line));
    }

    /// <summary><c>adopt --write</c>, then <paramref name="page"/> as adopt wrote it.</summary>
    public async Task<string> AdoptWrittenAsync(string page)
    {
        await AdoptWriteAsync();
        return Read(page);
    }

    /// <summary><c>adopt --front-matter</c> (with <c>--write</c> when <paramref name="write"/>); no file refused.</summary>
    public Task<AdoptReport> AdoptFrontMatterAsync(bool write) => RunAsync(write, [], [], frontMatter: true);

    /// <summary>
    /// <c>adopt</c> as the CLI runs it (<c>AdoptCommand</c>): <paramref name="packages"/> is <c>--package</c>; a file refused
    /// (the CLI's exit 1) fails the test unless <paramref name="mayRefuse"/>.
    /// </summary>
    public async Task<AdoptReport> RunAsync(
        bool write, IReadOnlyList<string> paths, IReadOnlyList<string> packages, bool frontMatter = false, bool mayRefuse = false)
    {
        var report = await AdoptReport.RunAsync(new Verifier(Options(paths)), write, packages, frontMatter);
        Assert.True(mayRefuse || !report.AnyRefused, Table(report));
        return report;
    }

    /// <summary>The table <c>adopt</c> prints (<see cref="AdoptReport.TableLines"/>), one string.</summary>
    public static string Table(AdoptReport report) => string.Join('\n', report.TableLines()) + "\n";

    /// <summary>The JSON report of <paramref name="report"/> (<c>adopt --report json=adopt.json</c>), written to adopt.json and read back.</summary>
    public AdoptJsonReport Json(AdoptReport report)
    {
        using (var stream = File.Create(PathOf("adopt.json"))) report.WriteJson(stream);
        return AdoptJsonReport.Load(PathOf("adopt.json"));
    }

    /// <summary><c>verify --no-cache PATHS</c> (or from the cache), which must pass; the report and what verify prints.</summary>
    public Verified Verifies(bool cache = false, params string[] paths)
    {
        var verify = Verify(cache, paths);
        Assert.True(verify.Report.Succeeded, verify.Output);
        return verify;
    }

    /// <summary><c>verify PATHS</c> in this process, whatever its verdict; waits, as the CLI runner does.</summary>
    public Verified Verify(bool cache = false, params string[] paths)
    {
        var options = Options(paths, new() { Cache = cache ? null : false });
        var report = Task.Run(() => new Verifier(options).RunAsync()).GetAwaiter().GetResult();
        var output = new StringWriter();
        new ConsoleWriter(output).WriteRun(report, verbose: false);
        return new Verified(report, output.ToString());
    }

    /// <summary>Each mutant written over <paramref name="page"/> (<paramref name="text"/>, as adopt wrote it) fails verify, with its error.</summary>
    public void MutantsFail(string page, string text, IEnumerable<(string From, string To, string? Id)> mutants, params string[] paths) =>
        Mutants.EachFails(PathOf(page), text, mutants, () =>
        {
            var verify = Verify(cache: false, paths);
            return (verify.Report.Succeeded ? 0 : 1, verify.Output);
        });

    /// <summary>As above, without the compiler error each failure must name.</summary>
    public void MutantsFail(string page, string text, IEnumerable<(string From, string To)> mutants, params string[] paths) =>
        MutantsFail(page, text, mutants.Select(m => (m.From, m.To, (string?)null)), paths);

    public void Dispose() => _folder.Dispose();
}

/// <summary>One in-process <c>verify</c>: its report, and the text the CLI would print for it.</summary>
public sealed record Verified(VerificationReport Report, string Output)
{
    /// <summary>The summary line (<c>2 passed, 0 failed, ...</c>), the CLI's last line.</summary>
    public string Summary => ConsoleWriter.Summary(Report);

    /// <summary>The JSON report of this run (<c>verify --report json=PATH</c>), written as the CLI writes it and read back.</summary>
    public JsonReport Json()
    {
        using var stream = new MemoryStream();
        JsonReportWriter.Write(stream, Report);
        return new JsonReport(System.Text.Json.JsonDocument.Parse(stream.ToArray()));
    }
}
