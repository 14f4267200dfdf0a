using SnippetCheck.Configuration;
using SnippetCheck.Driver;

namespace SnippetCheck.Cli.Lsp;

/// <summary>
/// One <see cref="Verifier"/> per <c>snippetcheck.json</c> (or per folder without one), found from the document's
/// folder up as the CLI finds it, and made again when that file changes. Each keeps its runners between checks. A
/// replaced verifier is disposed (its runners killed) once the last check that leased it is done; every verifier
/// is disposed when the server ends.
/// </summary>
internal sealed class VerifierHost(string? workspaceRoot, bool noSandbox) : IAsyncDisposable
{
    private readonly Dictionary<string, Entry> _current = new(StringComparer.Ordinal);
    private readonly List<Entry> _retired = [];
    private readonly Lock _lock = new();

    internal sealed class Entry(Verifier verifier, DateTime stamp)
    {
        public Verifier Verifier { get; } = verifier;
        public DateTime Stamp { get; } = stamp;
        public int Leases { get; set; }
    }

    /// <summary>A verifier for one check; disposing the lease gives it back.</summary>
    internal sealed class Lease(VerifierHost host, Verifier verifier, Entry entry) : IAsyncDisposable
    {
        public Verifier Verifier { get; } = verifier;

        public ValueTask DisposeAsync() => host.ReturnAsync(entry);
    }

    /// <exception cref="Model.VerificationSetupException">The config file is broken: the document gets that as its diagnostic.</exception>
    public Lease For(string fullPath)
    {
        var folder = Path.GetDirectoryName(fullPath)!;
        var config = SnippetCheckConfig.FindFile(folder);
        var key = config ?? folder;
        var stamp = config is null ? default : File.GetLastWriteTimeUtc(config);
        Entry? replaced = null;
        Lease lease;
        lock (_lock)
        {
            if (!_current.TryGetValue(key, out var entry) || entry.Stamp != stamp)
            {
                var root = workspaceRoot is not null && IsBelow(fullPath, workspaceRoot) ? workspaceRoot
                    : config is not null ? Path.GetDirectoryName(config)! : folder;
                var verifier = new Verifier(new VerifyOptions
                {
                    CurrentDirectory = root,
                    ConfigPath = config,
                    CommandLine = noSandbox ? Settings.Sandbox.Switched(new()) : new(),
                })
                {
                    KeepRunners = true,
                };
                replaced = entry;
                entry = new Entry(verifier, stamp);
                _current[key] = entry;
                if (replaced is not null) _retired.Add(replaced);
            }
            entry.Leases++;
            lease = new Lease(this, entry.Verifier, entry);
        }
        if (replaced is { Leases: 0 }) _ = RetireAsync(replaced);
        return lease;
    }

    private async ValueTask ReturnAsync(Entry entry)
    {
        bool retire;
        lock (_lock)
        {
            entry.Leases--;
            retire = entry.Leases == 0 && _retired.Contains(entry);
        }
        if (retire) await RetireAsync(entry).ConfigureAwait(false);
    }

    private async Task RetireAsync(Entry entry)
    {
        lock (_lock)
        {
            if (!_retired.Remove(entry)) return;
        }
        await entry.Verifier.DisposeAsync().ConfigureAwait(false);
    }

    private static bool IsBelow(string path, string folder)
    {
        var relative = Path.GetRelativePath(folder, path);
        return !relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative);
    }

    public async ValueTask DisposeAsync()
    {
        List<Verifier> all;
        lock (_lock)
        {
            all = [.. _current.Values.Concat(_retired).Select(e => e.Verifier)];
            _current.Clear();
            _retired.Clear();
        }
        foreach (var verifier in all) await verifier.DisposeAsync().ConfigureAwait(false);
    }
}
