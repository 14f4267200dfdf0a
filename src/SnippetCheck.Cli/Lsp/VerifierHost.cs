using SnippetCheck.Configuration;
using SnippetCheck.Verification;

namespace SnippetCheck.Cli.Lsp;

/// <summary>
/// One <see cref="Verifier"/> per <c>snippetcheck.json</c> (or per folder without one), found from the document's
/// folder up as the CLI finds it, and made again when that file changes. Each keeps its runners between checks
/// and kills them when it is replaced or the server ends.
/// </summary>
internal sealed class VerifierHost(string? workspaceRoot, bool noSandbox) : IAsyncDisposable
{
    private readonly Dictionary<string, (Verifier Verifier, DateTime Stamp)> _verifiers = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <exception cref="Model.VerificationSetupException">The config file is broken: the document gets that as its diagnostic.</exception>
    public Verifier For(string fullPath)
    {
        var folder = Path.GetDirectoryName(fullPath)!;
        var config = ConfigLoader.Find(folder);
        var key = config ?? folder;
        var stamp = config is null ? default : File.GetLastWriteTimeUtc(config);
        Verifier? replaced = null;
        try
        {
            lock (_lock)
            {
                if (_verifiers.TryGetValue(key, out var known) && known.Stamp == stamp) return known.Verifier;
                replaced = known.Verifier;
                var root = workspaceRoot is not null && IsBelow(fullPath, workspaceRoot) ? workspaceRoot
                    : config is not null ? Path.GetDirectoryName(config)! : folder;
                var verifier = new Verifier(new VerifyOptions { CurrentDirectory = root, ConfigPath = config, KeepRunners = true, NoSandbox = noSandbox });
                _verifiers[key] = (verifier, stamp);
                return verifier;
            }
        }
        finally
        {
            // Its runners go; a check still using it is cancelled by the change that made it stale.
            if (replaced is not null) _ = replaced.DisposeAsync().AsTask();
        }
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
            all = [.. _verifiers.Values.Select(v => v.Verifier)];
            _verifiers.Clear();
        }
        foreach (var verifier in all) await verifier.DisposeAsync().ConfigureAwait(false);
    }
}
