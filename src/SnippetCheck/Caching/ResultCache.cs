using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using SnippetCheck.Model;
using SnippetCheck.Programs;
using SnippetCheck.Results;
using SnippetCheck.Caching.Store;

namespace SnippetCheck.Caching;

/// <summary>
/// Passing verdicts from earlier runs, one small file per program under the cache folder. Only passes are
/// kept. Entries are written and read through the store (<see cref="StoreFile"/>), so two runs sharing the folder
/// never see half an entry; an unreadable entry is simply a miss.
/// </summary>
internal sealed partial class ResultCache(string directory)
{
    internal const string DefaultFolder = ToolFolder.Name + "/cache";

    internal string Directory { get; } = directory;

    /// <summary>
    /// Read, never written (<c>--untrusted</c>): a pull request's run may use the entries trusted runs kept, but keeps
    /// none of its own, so nothing it did can answer for a later run of the main branch.
    /// </summary>
    internal bool ReadOnly { get; init; }

    /// <summary>True when the cache holds nothing yet: the run ahead is cold, and worth preparing for (<see cref="Driver.Verifier"/>).</summary>
    internal bool IsEmpty => !System.IO.Directory.Exists(Directory) || !System.IO.Directory.EnumerateFileSystemEntries(Directory).Any();

    internal IReadOnlyList<SnippetResult>? TryGet(string key, SnippetProgram program) =>
        Read(key, null, EntryJson.Default.Entry) is { } entry ? ResultsOf(entry, program) : null;

    /// <summary>
    /// The results of several programs kept together by <see cref="StoreAll"/> (all of a document's lone snippets):
    /// one file to read instead of one per program, where each read costs an open, a lock and a close.
    /// </summary>
    internal IReadOnlyList<IReadOnlyList<SnippetResult>>? TryGetAll(string key, IReadOnlyList<SnippetProgram> programs)
    {
        if (Read(key, Together, EntryJson.Default.Together) is not { Programs.Count: var count } together || count != programs.Count) return null;
        var results = new IReadOnlyList<SnippetResult>[count];
        for (var i = 0; i < count; i++)
        {
            if (ResultsOf(together.Programs[i], programs[i]) is not { } one) return null;
            results[i] = one;
        }
        return results;
    }

    /// <summary>Whether <see cref="Store"/> keeps these results (see <see cref="EntryOf"/>).</summary>
    internal static bool Keeps(SnippetProgram program, IReadOnlyList<SnippetResult> results) => EntryOf(program, results) is not null;

    /// <summary>Keeps the results when every block passed (ignored blocks aside); anything else is not cached.</summary>
    internal void Store(string key, SnippetProgram program, IReadOnlyList<SnippetResult> results)
    {
        if (EntryOf(program, results) is { } entry) WriteEntry(key, null, JsonSerializer.SerializeToUtf8Bytes(entry, EntryJson.Default.Entry));
    }

    /// <summary>Keeps several programs' results in one file, when each would be kept alone.</summary>
    internal void StoreAll(string key, IReadOnlyList<SnippetProgram> programs, IReadOnlyList<IReadOnlyList<SnippetResult>> results)
    {
        var entries = new List<Entry>(programs.Count);
        for (var i = 0; i < programs.Count; i++)
        {
            if (EntryOf(programs[i], results[i]) is not { } entry) return;
            entries.Add(entry);
        }
        WriteEntry(key, Together, JsonSerializer.SerializeToUtf8Bytes(new TogetherEntry(entries), EntryJson.Default.Together));
    }

    /// <summary>
    /// An entry is believed only when its first line is the checksum of the rest and of its own name (<see cref="Checksum"/>):
    /// a torn, corrupted or edited entry, or one copied under another program's key, is a miss.
    /// </summary>
    private T? Read<T>(string key, string? kind, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) where T : class =>
        StoreFile.TryRead(PathOf(key, kind), bytes =>
        {
            var newline = Array.IndexOf(bytes, (byte)'\n');
            if (newline < 0) return null;
            var json = bytes.AsSpan(newline + 1);
            return bytes.AsSpan(0, newline).SequenceEqual(Encoding.ASCII.GetBytes(Checksum(key, kind, json))) ? JsonSerializer.Deserialize(json, type)
                : null;
        });

    private void WriteEntry(string key, string? kind, byte[] json) =>
        WriteFile(PathOf(key, kind), [.. Encoding.ASCII.GetBytes(Checksum(key, kind, json)), (byte)'\n', .. json]);

    /// <summary>The hash of an entry's name (its kind and key) and its JSON.</summary>
    private static string Checksum(string key, string? kind, ReadOnlySpan<byte> json) =>
        "sha256:" + new StoreKey().Add("kind", kind).Add("key", key).Add("json", json).Hash();

    private void Write(string path, string json) => WriteFile(path, Encoding.UTF8.GetBytes(json));

    /// <summary>Keeps a render run's symbol notes of the program cached under <paramref name="key"/> (<see cref="NotesPath"/>).</summary>
    internal void StoreNotes(string key, string json) => Write(NotesPath(key), json);

    /// <summary>
    /// Writes a file under the cache folder as the store writes every entry (<see cref="StoreFile.Write"/>), so two runs
    /// sharing the folder never read half of one; a write that fails is no error, since a cache only saves time.
    /// </summary>
    private void WriteFile(string path, byte[] bytes)
    {
        if (ReadOnly) return;
        try
        {
            // The first write (or the first after someone deleted the folder) makes .snippetcheck/ with its .gitignore.
            if (!System.IO.Directory.Exists(Directory)) ToolFolder.Create(Directory);
            StoreFile.Write(path, bytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A cache that cannot be written only costs time.
        }
    }

    private static IReadOnlyList<SnippetResult>? ResultsOf(Entry entry, SnippetProgram program)
    {
        var blocks = program.Blocks;
        if (entry.Blocks is null || entry.Blocks.Count != blocks.Count) return null;
        return [.. blocks.Select((block, i) => SnippetResult.Of(block, entry.Blocks[i].ToVerdict()) with
        {
            // A pass's warnings, where the block and the preludes stand now: a cached result shows what the first run showed.
            Diagnostics = [.. block.Annotations, .. (entry.Blocks[i].Findings ?? []).Select(f => f.At(program))],
            ActualOutput = entry.Blocks[i].Output,
            Tests = [.. (entry.Blocks[i].Tests ?? []).Select(t => t.At(program))],
            Cached = true,
        })];
    }

    /// <summary>
    /// The cache entry for these results, or null when they are not kept: a block that did not pass (ignored blocks
    /// aside), or a <c>check</c> pass, which depends on what the post's other blocks declare, and the key covers only
    /// the program. A pass's warnings are kept with it, wherever they stand (<see cref="CachedPlace"/>).
    /// </summary>
    private static Entry? EntryOf(SnippetProgram program, IReadOnlyList<SnippetResult> results)
    {
        if (!results.All(r => r.Status is SnippetStatus.Passed or SnippetStatus.Ignored)
            || !results.Any(r => r.Status == SnippetStatus.Passed)) return null;
        if (results.Any(r => r.Verdict is Verdict.Checked)) return null;
        var entries = new List<BlockEntry>(results.Count);
        foreach (var result in results)
        {
            var findings = CompilerFindings(result).Select(d => CachedFinding.Of(d, program)).ToList();
            var tests = result.Tests.Select(t => CachedTest.Of(t, program)).ToList();
            entries.Add(new BlockEntry(result.Status.ToString(), result.ActualOutput, result.ReasonWord, result.Message, findings)
            {
                Note = (result.Verdict as Verdict.Passed)?.Note,
                Tests = tests.Count == 0 ? null : tests,
            });
        }
        return new(entries);
    }

    /// <summary>What the compiler said of a block beside the block's own annotations (which are read again with it).</summary>
    private static IEnumerable<Diagnostic> CompilerFindings(SnippetResult result) =>
        result.Diagnostics.Where(d => !result.Snippet.Annotations.Contains(d));

    private const string Together = "together";

    /// <summary>
    /// Where a render run keeps the symbol notes of the program cached under <paramref name="key"/> (<see cref="Compilation.SemanticCapture"/>).
    /// </summary>
    internal string NotesPath(string key) => PathOf(key, "notes");

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

    private sealed record BlockEntry(
        string Status, string? Output, string? Reason = null, string? Message = null, List<CachedFinding>? Findings = null)
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
        public static CachedTest Of(TestResult test, SnippetProgram program) =>
            new(test.Name, test.Status, test.Message, CachedPlace.Of(test.Location, program), test.Output, test.Duration.TotalMilliseconds);

        public TestResult At(SnippetProgram program) => new(Name, Status, Message, Place.In(program), Output, TimeSpan.FromMilliseconds(DurationMs));
    }

    /// <summary>
    /// A finding kept with a cached pass (a compiler or package warning), placed by the program's own lines rather than
    /// the file's (the key leaves positions out, so the same blocks may stand elsewhere next time). A session shows each
    /// block the warnings of the whole program.
    /// </summary>
    private sealed record CachedFinding(string Id, DiagnosticSeverity Severity, string Message, CachedPlace Start, CachedPlace? End)
    {
        public static CachedFinding Of(Diagnostic diagnostic, SnippetProgram program) =>
            new(diagnostic.Id, diagnostic.Severity, diagnostic.Message, CachedPlace.Of(diagnostic.Location, program),
                diagnostic.End is { } end ? CachedPlace.Of(end, program) : null);

        public Diagnostic At(SnippetProgram program) => new(Id, Severity, Message, Start.In(program)) { End = End?.In(program) };
    }

    /// <summary>
    /// Where a finding stands, by what moves with the program: a code line of one of its blocks (<see cref="Block"/>,
    /// <see cref="Line"/>, the character <see cref="Index"/>), else of one of its preludes (<see cref="InPrelude"/>), else
    /// lines after the first block's fence in its file (a directive line, a fence); a place in another file (a config
    /// prelude's) is kept as it is (<see cref="File"/>, with <see cref="Line"/> and <see cref="Index"/> the column).
    /// </summary>
    private sealed record CachedPlace(int Block, int Line, int Index)
    {
        public bool InPrelude { get; init; }

        /// <summary>Lines after block <see cref="Block"/>'s fence, <see cref="Index"/> the column: a place on no code line.</summary>
        public bool FromFence { get; init; }

        public string? File { get; init; }

        public static CachedPlace Of(SourceLocation location, SnippetProgram program)
        {
            for (var b = 0; b < program.Blocks.Count; b++)
            {
                if (program.Blocks[b].Location.File == location.File
                    && OnLine(program.Blocks[b].Code, location) is { } place) return place with { Block = b };
            }
            for (var p = 0; p < program.Preludes.Count; p++)
            {
                var prelude = program.Preludes[p];
                if ((prelude.File ?? program.Document.DisplayPath) == location.File && OnLine(prelude.Lines, location) is { } place)
                    return place with { Block = p, InPrelude = true };
            }
            var first = program.Blocks[0].Location;
            return first.File == location.File
                ? new CachedPlace(0, location.Line - first.Line, location.Column) { FromFence = true }
                : new CachedPlace(0, location.Line, location.Column) { File = location.File };
        }

        private static CachedPlace? OnLine(IReadOnlyList<Extraction.CodeLine> code, SourceLocation location)
        {
            for (var l = 0; l < code.Count; l++)
            {
                if (code[l].Generated || code[l].Line != location.Line) continue;
                // The character whose file column this is: the inverse of CodeLine.ColumnAt.
                var line = code[l];
                var index = Enumerable.Range(-1, line.Text.Length + 2).FirstOrDefault(i => line.ColumnAt(i) == location.Column, int.MinValue);
                if (index != int.MinValue) return new CachedPlace(0, l, index);
            }
            return null;
        }

        public SourceLocation In(SnippetProgram program)
        {
            if (File is not null) return new(File, Line, Index);
            if (FromFence) return program.Blocks[Block].Location with { Line = program.Blocks[Block].Location.Line + Line, Column = Index };
            var (file, code) = InPrelude
                ? (program.Preludes[Block].File ?? program.Document.DisplayPath, program.Preludes[Block].Lines)
                : (program.Blocks[Block].Location.File, program.Blocks[Block].Code);
            return new(file, code[Line].Line, code[Line].ColumnAt(Index));
        }
    }
}
