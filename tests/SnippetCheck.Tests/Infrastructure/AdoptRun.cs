namespace SnippetCheck.Tests.Infrastructure;

/// <summary>
/// The end-to-end adopt test in three steps, "adopt, verify, mutate": a doc set in a folder of its own (with a local feed
/// of packages compiled from a line of C#, when it has any), <c>adopt --write</c> through the real CLI, <c>verify</c> of
/// what it wrote, and each mutant of a tagged page failing verify (<see cref="Mutants"/>). A doc set without packages runs
/// the CLI in this process; one with a feed runs it as a process of its own, with the feed's environment.
/// </summary>
public sealed class AdoptRun : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly string? _feed;

    private AdoptRun(bool withFeed)
    {
        Docs = withFeed ? Path.Combine(_folder.Path, "docs") : _folder.Path;
        if (withFeed) (_feed, Environment) = LocalFeed.Create(_folder.Path, Docs);
    }

    /// <summary>The doc set's folder, where adopt and verify run.</summary>
    public string Docs { get; }

    /// <summary>The local feed's environment; null when the doc set has no packages (the CLI then runs in this process).</summary>
    public IDictionary<string, string?>? Environment { get; }

    /// <summary>A doc set with no packages of its own.</summary>
    public static AdoptRun Pages() => new(withFeed: false);

    /// <summary>A doc set whose <c>nuget.config</c> names a local feed holding <paramref name="id"/> <paramref name="version"/>.</summary>
    public static AdoptRun WithPackage(string id, string version, string source) => new AdoptRun(withFeed: true).Pack(id, version, source);

    /// <summary>Adds a package to the feed (<see cref="LocalFeed.Pack"/>).</summary>
    public AdoptRun Pack(string id, string version, string source, string? dependency = null)
    {
        LocalFeed.Pack(_feed ?? throw new InvalidOperationException("a doc set made with Pages() has no feed"), id, version, source, dependency);
        return this;
    }

    /// <summary>Writes a page (or any file) of the doc set; returns its full path.</summary>
    public string Write(string page, string text)
    {
        var path = PathOf(page);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>The full path of a file of the doc set.</summary>
    public string PathOf(string page) => Path.Combine(Docs, page);

    /// <summary>A page as it is now.</summary>
    public string Read(string page) => File.ReadAllText(PathOf(page));

    /// <summary><c>snippetcheck ARGS</c> in the doc set's folder, whatever its exit code.</summary>
    public CliResult Run(params string[] args) => Environment is null ? CliRunner.Run(Docs, args) : CliRunner.Run(Docs, Environment, args);

    /// <summary><c>adopt ARGS</c>, which must exit 0.</summary>
    public CliResult Adopt(params string[] args)
    {
        var adopt = Run(["adopt", .. args]);
        Assert.True(adopt.ExitCode == 0, adopt.Output);
        return adopt;
    }

    /// <summary><c>adopt --write</c>, then <paramref name="page"/> as adopt wrote it.</summary>
    public string AdoptWritten(string page)
    {
        Adopt("--write");
        return Read(page);
    }

    /// <summary><c>verify --no-cache</c> (or <paramref name="args"/>), which must pass; its result.</summary>
    public CliResult Verifies(params string[] args)
    {
        var verify = Run(["verify", .. args.Length == 0 ? ["--no-cache"] : args]);
        Assert.True(verify.ExitCode == 0, verify.Output);
        return verify;
    }

    /// <summary>Each mutant written over <paramref name="page"/> (as <paramref name="text"/>, what adopt wrote) fails verify.</summary>
    public void MutantsFail(string page, string text, IEnumerable<(string From, string To, string? Id)> mutants) =>
        Mutants.EachFails(Docs, PathOf(page), text, mutants, Environment);

    /// <summary>As above, without the compiler error each failure must name.</summary>
    public void MutantsFail(string page, string text, IEnumerable<(string From, string To)> mutants) =>
        Mutants.EachFails(Docs, PathOf(page), text, mutants, Environment);

    public void Dispose() => _folder.Dispose();
}
