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
    public const string DefaultFolder = ".snippetcheck/cache";

    public string Directory { get; } = directory;

    /// <summary>True when the cache holds nothing yet: the run ahead is cold, and worth preparing for (<see cref="Verification.Verifier"/>).</summary>
    public bool IsEmpty => !System.IO.Directory.Exists(Directory) || !System.IO.Directory.EnumerateFileSystemEntries(Directory).Any();

    public IReadOnlyList<SnippetResult>? TryGet(string key, IReadOnlyList<Snippet> blocks)
    {
        var path = PathOf(key);
        try
        {
            if (!File.Exists(path)) return null;
            var entry = JsonSerializer.Deserialize(File.ReadAllText(path), EntryJson.Default.Entry);
            if (entry?.Blocks is null || entry.Blocks.Count != blocks.Count) return null;
            return [.. blocks.Select((block, i) => SnippetResult.Of(block, entry.Blocks[i].ToVerdict()) with
            {
                ActualOutput = entry.Blocks[i].Output,
                Cached = true,
            })];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Keeps the results when every block passed (ignored blocks aside); anything else is not cached.</summary>
    public void Store(string key, IReadOnlyList<SnippetResult> results)
    {
        if (results.Any(r => r.Status is not (SnippetStatus.Passed or SnippetStatus.Ignored))) return;
        if (!results.Any(r => r.Status == SnippetStatus.Passed)) return;
        var path = PathOf(key);
        try
        {
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
            var entry = new Entry([.. results.Select(r => new BlockEntry(r.Status.ToString(), r.ActualOutput, r.ReasonWord, r.Message))]);
            File.WriteAllText(temporary, JsonSerializer.Serialize(entry, EntryJson.Default.Entry));
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A cache that cannot be written only costs time.
        }
    }

    private string PathOf(string key) => Path.Combine(Directory, key[..2], key + ".json");

    private sealed record Entry(List<BlockEntry> Blocks);

    /// <summary>
    /// Source-generated (the same JSON as the reflection-based serializer): a cached run reads an entry per program,
    /// and the reflection path's first use generated and JIT-compiled code for about a tenth of a cached run's time.
    /// </summary>
    [JsonSerializable(typeof(Entry))]
    private sealed partial class EntryJson : JsonSerializerContext;

    private sealed record BlockEntry(string Status, string? Output, string? Reason = null, string? Message = null)
    {
        public Verdict ToVerdict() => Enum.Parse<SnippetStatus>(Status) == SnippetStatus.Passed ? Verdict.Pass : new Verdict.Ignored(Message, Reason);
    }
}
