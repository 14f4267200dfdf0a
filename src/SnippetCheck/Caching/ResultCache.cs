using System.Text;
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

    /// <summary>Whether <see cref="Store"/> keeps these results (see <see cref="EntryOf"/>).</summary>
    public static bool Keeps(IReadOnlyList<SnippetResult> results) => EntryOf(results) is not null;

    /// <summary>Keeps the results when every block passed (ignored blocks aside); anything else is not cached.</summary>
    public void Store(string key, IReadOnlyList<SnippetResult> results)
    {
        if (EntryOf(results) is { } entry) Write(PathOf(key), JsonSerializer.Serialize(entry, EntryJson.Default.Entry));
    }

    /// <summary>Keeps several programs' results in one file, when each would be kept alone.</summary>
    public void StoreAll(string key, IReadOnlyList<IReadOnlyList<SnippetResult>> programs)
    {
        var entries = new List<Entry>(programs.Count);
        foreach (var results in programs)
        {
            if (EntryOf(results) is not { } entry) return;
            entries.Add(entry);
        }
        Write(PathOf(key, Together), JsonSerializer.Serialize(new TogetherEntry(entries), EntryJson.Default.Together));
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

    private void Write(string path, string json) => WriteFile(path, Encoding.UTF8.GetBytes(json));

    /// <summary>Keeps a render run's symbol notes of the program cached under <paramref name="key"/> (<see cref="NotesPath"/>).</summary>
    public void StoreNotes(string key, string json) => Write(NotesPath(key), json);

    /// <summary>
    /// Writes a file under the cache folder as every entry is written: beside it, then renamed into place, so two runs
    /// sharing the folder never read half of one; a write that fails is no error, since a cache only saves time.
    /// </summary>
    public void WriteFile(string path, byte[] bytes)
    {
        try
        {
            // The first write (or the first after someone deleted the folder) makes .snippetcheck/ with its .gitignore.
            if (!System.IO.Directory.Exists(Directory)) ToolFolder.Create(Directory);
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
            File.WriteAllBytes(temporary, bytes);
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
            // A pass's compiler warnings, where the block stands now: a cached result shows what the first run showed.
            Diagnostics = [.. block.Annotations, .. (entry.Blocks[i].Findings ?? []).Select(f => f.At(blocks))],
            ActualOutput = entry.Blocks[i].Output,
            Tests = [.. (entry.Blocks[i].Tests ?? []).Select(t => t.At(block))],
            Cached = true,
        })];
    }

    /// <summary>
    /// The cache entry for these results, or null when they are not kept: a block that did not pass (ignored blocks
    /// aside), a compiler warning off the blocks' own lines, where a cached result could not show it again, or a
    /// <c>check</c> pass, which depends on what the post's other blocks declare, and the key covers only the program.
    /// </summary>
    private static Entry? EntryOf(IReadOnlyList<SnippetResult> results)
    {
        if (!results.All(r => r.Status is SnippetStatus.Passed or SnippetStatus.Ignored) || !results.Any(r => r.Status == SnippetStatus.Passed)) return null;
        if (results.Any(r => r.Verdict is Verdict.Checked)) return null;
        IReadOnlyList<Snippet> blocks = [.. results.Select(r => r.Snippet)];
        var entries = new List<BlockEntry>(results.Count);
        foreach (var result in results)
        {
            var findings = CompilerFindings(result).Select(d => CachedFinding.Of(d, blocks)).ToList();
            if (findings.Contains(null)) return null;
            var tests = result.Tests.Select(t => CachedTest.Of(t, result.Snippet)).ToList();
            if (tests.Contains(null)) return null;
            entries.Add(new BlockEntry(result.Status.ToString(), result.ActualOutput, result.ReasonWord, result.Message, [.. findings.OfType<CachedFinding>()])
            {
                Note = (result.Verdict as Verdict.Passed)?.Note,
                Tests = tests.Count == 0 ? null : [.. tests.OfType<CachedTest>()],
            });
        }
        return new(entries);
    }

    /// <summary>What the compiler said of a block beside the block's own annotations (which are read again with it).</summary>
    private static IEnumerable<Diagnostic> CompilerFindings(SnippetResult result) =>
        result.Diagnostics.Where(d => !result.Snippet.Annotations.Contains(d));

    private const string Together = "together";

    /// <summary>Where a render run keeps the symbol notes of the program cached under <paramref name="key"/> (<see cref="Compilation.SemanticCapture"/>).</summary>
    public string NotesPath(string key) => PathOf(key, "notes");

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

    private sealed record BlockEntry(string Status, string? Output, string? Reason = null, string? Message = null, List<CachedFinding>? Findings = null)
    {
        /// <summary>What the pass said beside it (<c>3 tests passed</c>).</summary>
        public string? Note { get; init; }

        /// <summary>The block's tests, each where it stands in the block.</summary>
        public List<CachedTest>? Tests { get; init; }

        public Verdict ToVerdict() => Enum.Parse<SnippetStatus>(Status) == SnippetStatus.Passed
            ? Note is null ? Verdict.Pass : new Verdict.Passed(Note)
            : new Verdict.Ignored(Message, Reason);
    }

    /// <summary>A test of a cached pass, placed by its block's code line (as <see cref="CachedPlace"/>, for the block alone).</summary>
    private sealed record CachedTest(string Name, TestStatus Status, string? Message, CachedPlace Place, string Output, double DurationMs)
    {
        public static CachedTest? Of(TestResult test, Snippet block) =>
            CachedPlace.Of(test.Location, [block]) is { } place ? new CachedTest(test.Name, test.Status, test.Message, place, test.Output, test.Duration.TotalMilliseconds) : null;

        public TestResult At(Snippet block) => new(Name, Status, Message, Place.In([block]), Output, TimeSpan.FromMilliseconds(DurationMs));
    }

    /// <summary>
    /// A compiler finding kept with a cached pass, placed by the program's own lines rather than the file's (the key
    /// leaves positions out, so the same blocks may stand elsewhere next time): which block of the program, which code
    /// line of it, and which character of that line. A session shows each block the warnings of the whole program.
    /// </summary>
    private sealed record CachedFinding(string Id, DiagnosticSeverity Severity, string Message, CachedPlace Start, CachedPlace End)
    {
        /// <summary>The finding kept relative to the program's <paramref name="blocks"/>; null when it is not on their lines (a prelude's, say).</summary>
        public static CachedFinding? Of(Diagnostic diagnostic, IReadOnlyList<Snippet> blocks) =>
            CachedPlace.Of(diagnostic.Location, blocks) is { } start && CachedPlace.Of(diagnostic.End ?? diagnostic.Location, blocks) is { } end
                ? new CachedFinding(diagnostic.Id, diagnostic.Severity, diagnostic.Message, start, end)
                : null;

        public Diagnostic At(IReadOnlyList<Snippet> blocks) => new(Id, Severity, Message, Start.In(blocks)) { End = End.In(blocks) };
    }

    private sealed record CachedPlace(int Block, int Line, int Index)
    {
        public static CachedPlace? Of(SourceLocation location, IReadOnlyList<Snippet> blocks)
        {
            for (var b = 0; b < blocks.Count; b++)
            {
                if (blocks[b].Location.File != location.File) continue;
                var code = blocks[b].Code;
                for (var l = 0; l < code.Count; l++)
                {
                    if (code[l].Generated || code[l].Line != location.Line) continue;
                    // The character whose file column this is: the inverse of CodeLine.ColumnAt.
                    var line = code[l];
                    var index = Enumerable.Range(-1, line.Text.Length + 2).FirstOrDefault(i => line.ColumnAt(i) == location.Column, int.MinValue);
                    return index == int.MinValue ? null : new CachedPlace(b, l, index);
                }
            }
            return null;
        }

        public SourceLocation In(IReadOnlyList<Snippet> blocks) =>
            new(blocks[Block].Location.File, blocks[Block].Code[Line].Line, blocks[Block].Code[Line].ColumnAt(Index));
    }
}
