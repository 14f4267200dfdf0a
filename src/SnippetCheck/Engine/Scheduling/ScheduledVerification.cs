using SnippetCheck.Model;
using SnippetCheck.Results;
using SnippetCheck.Extraction.Snippets;

namespace SnippetCheck.Engine.Scheduling;

/// <summary>One program's verification, scheduled as a unit: a merged chunk, a lone snippet or a session.</summary>
internal sealed record ScheduledVerification(IReadOnlyList<Snippet> Blocks, Func<CancellationToken, Task<IReadOnlyList<SnippetResult>>> Verify)
{
    /// <summary>A bug on one snippet's path (in Roslyn, say, on hostile code) fails that snippet, not the run.</summary>
    public async Task<IReadOnlyList<SnippetResult>> RunGuardedAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await Verify(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException && e is not OutOfMemoryException)
        {
            return [.. Blocks.Select(snippet => new SnippetResult(snippet, new Verdict.Failed(new CrashFailure(snippet.Location,
                $"internal error while verifying this snippet: {e.GetType().Name}: {e.Message}", e.ToString(), DiagnosticCodes.InternalError)),
                snippet.Annotations, null, TimeSpan.Zero))];
        }
    }
}
