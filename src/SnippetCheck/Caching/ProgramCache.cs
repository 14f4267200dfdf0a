using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using SnippetCheck.Execution;
using SnippetCheck.Programs;
using SnippetCheck.Results;

namespace SnippetCheck.Caching;

/// <summary>
/// The result cache in front of verification: a program whose content has not changed since it passed gets its
/// results back without compiling; any other program is verified and, when it passes, kept. In a render run
/// (<paramref name="capture"/>), a program's symbol notes are kept beside its results, and a cached result without
/// them is a miss: rendering needs both.
/// </summary>
internal sealed class ProgramCache(ResultCache? cache, RunnerOptions runner, string dependencies, Compilation.SemanticCapture? capture = null)
{
    private readonly ConditionalWeakTable<SnippetProgram, string> _keys = new();
    private readonly Lazy<string> _runWide = new(() => CacheKey.RunWide(runner, dependencies));

    /// <summary>Each program's results this run, when they are what the cache keeps (see <see cref="KeepTogether"/>).</summary>
    private readonly ConcurrentDictionary<SnippetProgram, IReadOnlyList<SnippetResult>> _kept = new(ReferenceEqualityComparer.Instance);

    public bool TryGet(SnippetProgram program, out IReadOnlyList<SnippetResult> results)
    {
        results = [];
        if (cache is null || KeyOf(program) is not { } key) return false;
        if (cache.TryGet(key, program) is not { } hit) return false;
        if (capture is not null && !capture.TryLoad(cache.NotesPath(key), [(key, program.Blocks)])) return false;
        results = _kept[program] = hit;
        return true;
    }

    public IReadOnlyList<SnippetResult> Keep(SnippetProgram program, IReadOnlyList<SnippetResult> results)
    {
        if (cache is not null && KeyOf(program) is { } key)
        {
            cache.Store(key, program, results);
            if (ResultCache.Keeps(program, results))
            {
                _kept[program] = results;
                if (capture is not null) cache.StoreNotes(key, capture.Keep(cache.NotesPath(key), [(key, program.Blocks)]));
            }
        }
        return results;
    }

    /// <summary>
    /// The results of all of <paramref name="programs"/> (a document's lone snippets) from one entry, when none of
    /// them changed since they all passed: it stands for one lookup per program, under a key made of their keys.
    /// </summary>
    public bool TryGetTogether(IReadOnlyList<SnippetProgram> programs, out IReadOnlyList<IReadOnlyList<SnippetResult>> results)
    {
        results = [];
        if (cache is null || programs.Count < 2 || KeyOfAll(programs) is not { } key) return false;
        if (cache.TryGetAll(key, programs) is not { } hit) return false;
        if (capture is not null && !capture.TryLoad(cache.NotesPath(key), [.. programs.Select(p => (KeyOf(p)!, p.Blocks))])) return false;
        results = hit;
        return true;
    }

    /// <summary>After a run: keeps <paramref name="programs"/>' results together when each was kept (or came from the cache).</summary>
    public void KeepTogether(IReadOnlyList<SnippetProgram> programs)
    {
        if (cache is null || programs.Count < 2 || KeyOfAll(programs) is not { } key) return;
        var results = new IReadOnlyList<SnippetResult>[programs.Count];
        for (var i = 0; i < programs.Count; i++)
        {
            if (!_kept.TryGetValue(programs[i], out var kept)) return;
            results[i] = kept;
        }
        cache.StoreAll(key, programs, results);
        if (capture is not null) cache.StoreNotes(key, capture.Keep(cache.NotesPath(key), [.. programs.Select(p => (KeyOf(p)!, p.Blocks))]));
    }

    private string? KeyOfAll(IReadOnlyList<SnippetProgram> programs)
    {
        var keys = new string[programs.Count];
        for (var i = 0; i < programs.Count; i++)
        {
            if (KeyOf(programs[i]) is not { } key) return null;
            keys[i] = key;
        }
        return CacheKey.ForAll(keys);
    }

    /// <summary>Cached results, or <paramref name="verify"/>'s, kept for next time.</summary>
    public async Task<IReadOnlyList<SnippetResult>> GetOrVerifyAsync(SnippetProgram program, Func<Task<IReadOnlyList<SnippetResult>>> verify) =>
        TryGet(program, out var cached) ? cached : Keep(program, await verify().ConfigureAwait(false));

    /// <summary>A program with annotation errors is never cached: its verdict comes from its tags, not its code.</summary>
    private string? KeyOf(SnippetProgram program) =>
        program.Blocks.Any(b => b.HasAnnotationErrors) ? null : _keys.GetValue(program, p => CacheKey.For(p, _runWide.Value));
}
