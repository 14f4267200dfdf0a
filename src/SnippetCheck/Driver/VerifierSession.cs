using SnippetCheck.Engine;
using SnippetCheck.Execution;
using SnippetCheck.Results;
using SnippetCheck.Loading;

namespace SnippetCheck.Driver;

/// <summary>
/// An editor's long-lived session over one <see cref="Verifier"/> (<see cref="Verifier.OpenSession"/>): it checks documents
/// as the editor holds them, never read from disk, through the same pipeline as a run over files (the same config, cache,
/// planning and judge), and keeps its runner processes between checks until it is disposed. Checks may overlap.
/// </summary>
public sealed class VerifierSession : IAsyncDisposable
{
    private readonly Verifier _verifier;
    private RunnerPool? _runners;
    private int _disposed;

    internal VerifierSession(Verifier verifier) => _verifier = verifier;

    /// <summary>
    /// An editor's check as the user types (<paramref name="fullPath"/> absolute): compiles and judges what compiling decides
    /// (annotations, compile errors, <c>compile</c> and <c>compile-fail</c> blocks) but runs nothing; a block that would run
    /// gets <see cref="Verdict.NotRunYet"/>, which is never cached.
    /// </summary>
    public Task<VerificationReport> CompileAsync(string fullPath, string text, CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        return _verifier.RunTextsAsync([new DocumentText(fullPath, text)], new RunShape(CompileOnly: true, Runners), cancellationToken);
    }

    /// <summary>An editor's check on save (<paramref name="fullPath"/> absolute): every block verified as <c>verify</c> would.</summary>
    public Task<VerificationReport> VerifyAsync(string fullPath, string text, CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        return _verifier.RunTextsAsync([new DocumentText(fullPath, text)], new RunShape(KeptRunners: Runners), cancellationToken);
    }

    /// <summary>The runners kept between checks, started with the first check that runs on the tool's framework.</summary>
    private RunnerPool Runners()
    {
        ThrowIfDisposed();
        if (Volatile.Read(ref _runners) is { } pool) return pool;
        var created = _verifier.NewRunnerPool();
        if (Interlocked.CompareExchange(ref _runners, created, null) is { } raced)
        {
            // Another check made one first: this one has started nothing yet.
            _ = created.DisposeAsync();
            return raced;
        }
        // Disposed meanwhile: the pool just made would outlive the session, its processes never killed.
        if (Volatile.Read(ref _disposed) != 0 && Interlocked.CompareExchange(ref _runners, null, created) == created)
        {
            _ = created.DisposeAsync();
            ThrowIfDisposed();
        }
        return created;
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);

    /// <summary>Kills the runners kept between checks; the session takes no check after it.</summary>
    public async ValueTask DisposeAsync()
    {
        Interlocked.Exchange(ref _disposed, 1);
        if (Interlocked.Exchange(ref _runners, null) is { } pool) await pool.DisposeAsync().ConfigureAwait(false);
    }
}
