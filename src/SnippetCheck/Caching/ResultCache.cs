using System.Text.Json;
using System.Text.Json.Serialization;
using SnippetCheck.Snippets;
using SnippetCheck.Model;

namespace SnippetCheck.Caching;

/// <summary>
/// Passing verdicts from earlier runs, one small file per program under the cache folder. Only passes are
/// kept. Writes go to a temporary file that is then renamed into place, so two runs sharing the folder
/// never see half an entry; an unreadable entry is simply a miss.
/// </summary>
internal sealed partial class ResultCache(string directory)
{
    public const string DefaultFolder = ToolFolder.Name + "/cache";

    public string Directory { get; } = directory;

    /// <summary>True when the cache holds nothing yet: the run ahead is cold, and worth preparing for (<see cref="Verification.Verifier"/>).</summary>
    public bool IsEmpty => !System.IO.Directory.Exists(Directory) || !System.IO.Directory.EnumerateFileSystemEntries(Directory).Any();

    public IReadOnlyList<SnippetResult>? TryGet(string key, IReadOnlyList<Snippet> blocks) =>
        Read(PathOf(key), EntryJson.Default.Entry) is { } entry ? ResultsOf(entry, blocks) : null;

    /// <summary>
    /// The results of several programs kept together by <see cref="StoreAll"/> (all of a document's lone snippets):
    /// one file to read instead of one per program, where each read costs an open, a lock and a close.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<SnippetResult>>? TryGetAll(string key, IReadOnlyList<IReadOnlyList<Snippet>> programs)
    {
        if (Read(PathOf(key, Together), EntryJson.Default.Together) is not { Programs.Count: var count } together || count != programs.Count) return null;
        var results = new IReadOnlyList<SnippetResult>[count];
        for (var i = 0; i < count; i++)
        {
            if (ResultsOf(together.Programs[i], programs[i]) is not { } one) return null;
            results[i] = one;
        }
        return results;
    }

    /// <summary>Whether <see cref="Store"/> keeps these results: every block passed (ignored blocks aside).</summary>
    public static bool Keeps(IReadOnlyList<SnippetResult> results) =>
        results.All(r => r.Status is SnippetStatus.Passed or SnippetStatus.Ignored) && results.Any(r => r.Status == SnippetStatus.Passed);

    /// <summary>Keeps the results when every block passed (ignored blocks aside); anything else is not cached.</summary>
    public void Store(string key, IReadOnlyList<SnippetResult> results)
    {
        if (!Keeps(results)) return;
        Write(PathOf(key), JsonSerializer.Serialize(EntryOf(results), EntryJson.Default.Entry));
    }

    /// <summary>Keeps several programs' results in one file, when each would be kept alone.</summary>
    public void StoreAll(string key, IReadOnlyList<IReadOnlyList<SnippetResult>> programs)
    {
        if (!programs.All(Keeps)) return;
        Write(PathOf(key, Together), JsonSerializer.Serialize(new TogetherEntry([.. programs.Select(EntryOf)]), EntryJson.Default.Together));
    }

    private static T? Read<T>(string path, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) where T : class
    {
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize(File.ReadAllText(path), type) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or ArgumentException)
        {
            return null;
        }
    }

    private void Write(string path, string json)
    {
        try
        {
            // The first write (or the first after someone deleted the folder) makes .snippetcheck/ with its .gitignore.
            if (!System.IO.Directory.Exists(Directory)) ToolFolder.Create(Directory);
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
            File.WriteAllText(temporary, json);
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A cache that cannot be written only costs time.
        }
    }

    private static IReadOnlyList<SnippetResult>? ResultsOf(Entry entry, IReadOnlyList<Snippet> blocks)
    {
        if (entry.Blocks is null || entry.Blocks.Count != blocks.Count) return null;
        return [.. blocks.Select((block, i) => SnippetResult.Of(block, entry.Blocks[i].ToVerdict()) with
        {
            ActualOutput = entry.Blocks[i].Output,
            Cached = true,
        })];
    }

    private static Entry EntryOf(IReadOnlyList<SnippetResult> results) =>
        new([.. results.Select(r => new BlockEntry(r.Status.ToString(), r.ActualOutput, r.ReasonWord, r.Message))]);

    private const string Together = "together";

    private string PathOf(string key, string? kind = null) =>
        kind is null ? Path.Combine(Directory, key[..2], key + ".json") : Path.Combine(Directory, kind, key[..2], key + ".json");

    private sealed record Entry(List<BlockEntry> Blocks);

    private sealed record TogetherEntry(List<Entry> Programs);

    /// <summary>
    /// Source-generated (the same JSON as the reflection-based serializer): a cached run reads an entry per program,
    /// and the reflection path's first use generated and JIT-compiled code for about a tenth of a cached run's time.
    /// </summary>
    [JsonSerializable(typeof(Entry))]
    [JsonSerializable(typeof(TogetherEntry), TypeInfoPropertyName = "Together")]
    private sealed partial class EntryJson : JsonSerializerContext;

    private sealed record BlockEntry(string Status, string? Output, string? Reason = null, string? Message = null)
    {
        public Verdict ToVerdict() => Enum.Parse<SnippetStatus>(Status) == SnippetStatus.Passed ? Verdict.Pass : new Verdict.Ignored(Message, Reason);
    }
}
