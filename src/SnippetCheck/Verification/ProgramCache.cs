using System.Runtime.CompilerServices;
using SnippetCheck.Caching;
using SnippetCheck.Execution;
using SnippetCheck.Model;
using SnippetCheck.Programs;

namespace SnippetCheck.Verification;

/// <summary>
/// The result cache in front of verification: a program whose content has not changed since it passed gets its
/// results back without compiling; any other program is verified and, when it passes, kept.
/// </summary>
internal sealed class ProgramCache(ResultCache? cache, RunnerOptions runner, string dependencies)
{
    private readonly ConditionalWeakTable<SnippetProgram, string> _keys = new();

    public bool TryGet(SnippetProgram program, out IReadOnlyList<SnippetResult> results)
    {
        results = [];
        if (cache is null || KeyOf(program) is not { } key) return false;
        if (cache.TryGet(key, program.Blocks) is not { } hit) return false;
        results = hit;
        return true;
    }

    public IReadOnlyList<SnippetResult> Keep(SnippetProgram program, IReadOnlyList<SnippetResult> results)
    {
        if (cache is not null && KeyOf(program) is { } key) cache.Store(key, results);
        return results;
    }

    /// <summary>Cached results, or <paramref name="verify"/>'s, kept for next time.</summary>
    public async Task<IReadOnlyList<SnippetResult>> GetOrVerifyAsync(SnippetProgram program, Func<Task<IReadOnlyList<SnippetResult>>> verify) =>
        TryGet(program, out var cached) ? cached : Keep(program, await verify().ConfigureAwait(false));

    /// <summary>A program with annotation errors is never cached: its verdict comes from its tags, not its code.</summary>
    private string? KeyOf(SnippetProgram program) =>
        program.Blocks.Any(b => b.HasAnnotationErrors) ? null : _keys.GetValue(program, p => CacheKey.For(p, runner, dependencies));
}
