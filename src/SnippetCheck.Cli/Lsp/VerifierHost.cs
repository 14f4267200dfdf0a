using SnippetCheck.Configuration;
using SnippetCheck.Driver;

namespace SnippetCheck.Cli.Lsp;

/// <summary>
/// One <see cref="VerifierSession"/> per <c>snippetcheck.json</c> (or per folder without one), found from the document's
/// folder up as the CLI finds it, and opened again when that file changes. Each keeps its runners between checks. A
/// replaced session is disposed (its runners killed) once the last check that leased it is done; every session
/// is disposed when the server ends.
/// </summary>
internal sealed class VerifierHost(string? workspaceRoot, bool noSandbox) : IAsyncDisposable
{
    private readonly Dictionary<string, Entry> _current = new(StringComparer.Ordinal);
    private readonly List<Entry> _retired = [];
    private readonly Lock _lock = new();

    internal sealed class Entry(VerifierSession session, DateTime stamp)
    {
        public VerifierSession Session { get; } = session;
        public DateTime Stamp { get; } = stamp;
        public int Leases { get; set; }
    }

    /// <summary>A session for one check; disposing the lease gives it back.</summary>
    internal sealed class Lease(VerifierHost host, VerifierSession session, Entry entry) : IAsyncDisposable
    {
        public VerifierSession Session { get; } = session;

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
                var session = new Verifier(new VerifyOptions
                {
                    CurrentDirectory = root,
                    ConfigPath = config,
                    CommandLine = noSandbox ? Settings.Sandbox.Switched(new()) : new(),
                }).OpenSession();
                replaced = entry;
                entry = new Entry(session, stamp);
                _current[key] = entry;
                if (replaced is not null) _retired.Add(replaced);
            }
            entry.Leases++;
            lease = new Lease(this, entry.Session, entry);
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
        await entry.Session.DisposeAsync().ConfigureAwait(false);
    }

    private static bool IsBelow(string path, string folder)
    {
        var relative = Path.GetRelativePath(folder, path);
        return !relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative);
    }

    public async ValueTask DisposeAsync()
    {
        List<VerifierSession> all;
        lock (_lock)
        {
            all = [.. _current.Values.Concat(_retired).Select(e => e.Session)];
            _current.Clear();
            _retired.Clear();
        }
        foreach (var session in all) await session.DisposeAsync().ConfigureAwait(false);
    }
}
