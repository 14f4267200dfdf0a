using System.Threading.Channels;
using SnippetCheck.Configuration;
using SnippetCheck.Driver;
using SnippetCheck.Model;
using SnippetCheck.Results;

namespace SnippetCheck.Authoring;

/// <summary>One run of <c>--watch</c>: what was verified, and why.</summary>
/// <param name="Report">This run's verdicts: every file for the first run, only the changed files after that.</param>
/// <param name="Changed">The changed files (display paths) this run verified; empty for a full run.</param>
/// <param name="Removed">Files that were verified before and are gone now.</param>
/// <param name="Totals">The latest verdicts over every file, for a one-line summary of where things stand.</param>
public sealed record WatchRun(VerificationReport Report, IReadOnlyList<string> Changed, IReadOnlyList<string> Removed, VerificationReport Totals)
{
    /// <summary>True for a run over every file (the first, or one after a change it cannot scope).</summary>
    public bool IsFull => Changed.Count == 0;
}

/// <summary>
/// <c>--watch</c>: verifies everything once, then re-verifies each Markdown file that changes, after a quiet
/// period (the debounce) so that one save, which editors often turn into several file events, is one run.
/// Each run gets a fresh <see cref="Verifier"/> (so a changed <c>snippetcheck.json</c> is read again) that
/// verifies only the changed files; a change to <c>snippetcheck.json</c> re-verifies every file.
/// Runs until its cancellation token is cancelled (Ctrl+C), then throws <see cref="OperationCanceledException"/>.
/// </summary>
public sealed class WatchSession(VerifyOptions options)
{
    // An empty path in the queue asks for a full run (config changed, or the watcher lost events).
    private const string FullRun = "";

    private readonly Channel<string> _changes = Channel.CreateUnbounded<string>();
    private readonly Dictionary<string, FileState> _files = new(StringComparer.Ordinal);

    /// <summary>How long the files must be quiet before a run starts.</summary>
    public TimeSpan Debounce { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Called as each run's verifier is made, for the observer of that run (a progress display); null for none.</summary>
    public Func<RunObserver?>? ObserverPerRun { get; init; }

    /// <summary>
    /// Called as a re-run starts, with the changed files (display paths) that caused it and whether every file is verified
    /// again, so a host can say what it is doing before the run, not after.
    /// </summary>
    public event Action<IReadOnlyList<string>, bool>? RunStarting;

    /// <summary>Called when a re-run cannot start (say, a broken <c>snippetcheck.json</c>); watching goes on.</summary>
    public event Action<VerificationSetupException>? SetupFailed;

    /// <summary>
    /// Verifies every file, then waits for changes and re-verifies them, calling <paramref name="onRun"/> after
    /// each run. A setup problem in the first run (no Markdown files, a bad config) is thrown, as in a normal run.
    /// </summary>
    public async Task RunAsync(Func<WatchRun, Task> onRun, CancellationToken cancellationToken)
    {
        // Listening before the first run: a save during it is re-verified right after it.
        var watchers = WatchRoots().Select(Watch).ToList();
        try
        {
            var first = await VerifyAsync(options, cancellationToken).ConfigureAwait(false);
            Remember(first, []);
            await onRun(new WatchRun(first, [], [], Totals())).ConfigureAwait(false);
            while (true)
            {
                var batch = await NextBatchAsync(cancellationToken).ConfigureAwait(false);
                if (await RunBatchAsync(batch, cancellationToken).ConfigureAwait(false) is { } run)
                    await onRun(run).ConfigureAwait(false);
            }
        }
        finally
        {
            foreach (var watcher in watchers) watcher.Dispose();
        }
    }

    /// <summary>Waits for a change, then gathers more until none has come for <see cref="Debounce"/>.</summary>
    private async Task<HashSet<string>> NextBatchAsync(CancellationToken cancellationToken)
    {
        var batch = new HashSet<string>(StringComparer.Ordinal);
        await _changes.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false);
        do
        {
            while (_changes.Reader.TryRead(out var path)) batch.Add(path);
        }
        while (await MoreWithinAsync(Debounce, cancellationToken).ConfigureAwait(false));
        return batch;
    }

    private async Task<bool> MoreWithinAsync(TimeSpan quiet, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(quiet);
        try
        {
            return await _changes.Reader.WaitToReadAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private async Task<WatchRun?> RunBatchAsync(HashSet<string> batch, CancellationToken cancellationToken)
    {
        try
        {
            // A C# file may change the library under test as well as its doc comments: every example is verified
            // again against the new build (the result cache answers for those the change cannot affect).
            if (batch.Contains(FullRun) || batch.Any(p => Path.GetFileName(p) == SnippetCheckConfig.FileName || IsLibrarySource(p)))
            {
                // The build's and the cache's own writes (obj/, .snippetcheck/) come in the same batch: they are not what changed.
                var shown = batch.Where(p => p != FullRun && !IsOwnWrite(p));
                RunStarting?.Invoke(
                    [.. shown.Select(p => options.DisplayPathOf(p)).Order(StringComparer.Ordinal)], true);
                var full = await VerifyAsync(options, cancellationToken).ConfigureAwait(false);
                var gone = _files.Keys.Except(full.Documents.Select(d => d.DisplayPath), StringComparer.Ordinal).ToList();
                _files.Clear();
                Remember(full, []);
                return new WatchRun(full, [], gone, Totals());
            }

            // Only files this run covers count: the include and exclude globs and --shard still apply.
            var covered = new Verifier(options).FindDocuments();
            var changed = batch.Where(covered.ContainsKey).Order(StringComparer.Ordinal).ToList();
            var coveredDisplay = covered.Values.ToHashSet(StringComparer.Ordinal);
            var removed = _files.Keys.Where(display => !coveredDisplay.Contains(display)).ToList();
            foreach (var file in removed) _files.Remove(file);
            if (changed.Count == 0)
            {
                return removed.Count == 0 ? null : new WatchRun(Empty(), [], removed, Totals());
            }

            var changedDisplay = changed.Select(p => covered[p]).ToList();
            RunStarting?.Invoke(changedDisplay, false);
            // Explicit file paths are verified as they are, so the shard must not split them again.
            var report = await VerifyAsync(options with { Paths = changed, Shard = null }, cancellationToken).ConfigureAwait(false);
            Remember(report, changedDisplay);
            return new WatchRun(report, changedDisplay, removed, Totals());
        }
        catch (VerificationSetupException e)
        {
            SetupFailed?.Invoke(e);
            return null;
        }
    }

    private async Task<VerificationReport> VerifyAsync(VerifyOptions runOptions, CancellationToken cancellationToken)
    {
        var verifier = new Verifier(runOptions) { Observer = ObserverPerRun?.Invoke() };
        return await verifier.RunAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A source file of a project being verified (a <c>.csproj</c> argument), outside its bin and obj.</summary>
    private bool IsLibrarySource(string path) =>
        (path.EndsWith(".cs", StringComparison.OrdinalIgnoreCase) || VerifyOptions.IsProject(path)) &&
        options.Paths.Where(VerifyOptions.IsProject)
            .Select(p => Path.GetDirectoryName(Path.GetFullPath(p, options.CurrentDirectory))! + Path.DirectorySeparatorChar)
            .Any(folder => path.StartsWith(folder, StringComparison.Ordinal) && !IsBuildOutput(path[folder.Length..]));

    /// <summary>A file in bin, obj or a dot-folder (.snippetcheck) of a watched folder: a build's or the cache's write, not an edit.</summary>
    private bool IsOwnWrite(string path) =>
        WatchRoots().Select(root => Path.GetRelativePath(root.Folder, path))
            .Any(relative => !relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative) && IsBuildOutput(relative));

    private static bool IsBuildOutput(string relative) =>
        relative.Split('/', '\\').Any(segment => segment is "bin" or "obj" || segment.StartsWith('.'));

    private void Remember(VerificationReport report, IReadOnlyList<string> files)
    {
        foreach (var file in files) _files.Remove(file);
        foreach (var document in report.Documents)
        {
            _files[document.DisplayPath] = new FileState(
                [.. report.Snippets.Where(s => s.Location.File == document.DisplayPath)],
                [.. report.Errors.Where(e => e.Location.File == document.DisplayPath)]);
        }
    }

    private VerificationReport Totals() =>
        new(_files.Count, [.. _files.Values.SelectMany(f => f.Results)], [.. _files.Values.SelectMany(f => f.Errors)], TimeSpan.Zero);

    private static VerificationReport Empty() => new(0, [], [], TimeSpan.Zero);

    /// <summary>The folders to watch: each folder argument and glob root recursively, each file argument's folder.</summary>
    private IEnumerable<(string Folder, bool Recursive, string? FileName)> WatchRoots()
    {
        var arguments = options.Paths.Count == 0 ? ["."] : options.Paths;
        foreach (var argument in arguments)
        {
            var full = Path.GetFullPath(argument, options.CurrentDirectory);
            if (Directory.Exists(full)) yield return (full, true, null);
            else if (VerifyOptions.IsProject(full) && File.Exists(full)) yield return (Path.GetDirectoryName(full)!, true, null);
            else if (File.Exists(full)) yield return (Path.GetDirectoryName(full)!, false, Path.GetFileName(full));
            else if (GlobRoot(argument) is { } root && Directory.Exists(root)) yield return (root, true, null);
        }
    }

    private string? GlobRoot(string glob)
    {
        var segments = glob.Replace('\\', '/').Split('/');
        var literal = segments.TakeWhile(s => s.IndexOfAny(['*', '?', '[']) < 0).ToList();
        if (literal.Count == segments.Length) return null;
        var root = string.Join('/', literal);
        return Path.GetFullPath(root.Length > 0 ? root : ".", options.CurrentDirectory);
    }

    private FileSystemWatcher Watch((string Folder, bool Recursive, string? FileName) root)
    {
        var watcher = new FileSystemWatcher(root.Folder)
        {
            IncludeSubdirectories = root.Recursive,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        if (root.FileName is not null) watcher.Filter = root.FileName;
        void Queue(string path) => _changes.Writer.TryWrite(Path.GetFullPath(path));
        watcher.Changed += (_, e) => Queue(e.FullPath);
        watcher.Created += (_, e) => Queue(e.FullPath);
        watcher.Deleted += (_, e) => Queue(e.FullPath);
        // Editors often save by writing a temporary file and renaming it over the post.
        watcher.Renamed += (_, e) =>
        {
            Queue(e.OldFullPath);
            Queue(e.FullPath);
        };
        watcher.Error += (_, _) => _changes.Writer.TryWrite(FullRun);
        watcher.EnableRaisingEvents = true;
        return watcher;
    }

    private sealed record FileState(IReadOnlyList<SnippetResult> Results, IReadOnlyList<Diagnostic> Errors);
}
