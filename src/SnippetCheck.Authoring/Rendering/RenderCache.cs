using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using SnippetCheck.Caching;
using SnippetCheck.Compilation;
using SnippetCheck.Results;
using SnippetCheck.Caching.Store;

namespace SnippetCheck.Rendering;

/// <summary>
/// What a render run worked out, kept in the result cache's folder so a cached render neither parses nor binds:
/// a document's block descriptions in one file (one read for a whole post), under a key made of each block's key:
/// everything the block's description was made from (the tool, the block's text and place, its verdict and the
/// compiler's notes on it); and the notes of blocks no run compiled (untagged, ignored), under a key
/// of their text and place. The verified mark is laid on afterwards: its date must not make every day a miss.
/// </summary>
internal sealed class RenderCache(string? directory)
{
    /// <summary>Writes as the result cache writes its entries, in the same folder.</summary>
    private readonly ResultCache? _files = directory is null ? null : new ResultCache(directory);

    /// <summary>Bumped when <see cref="StoreDocument"/>'s layout changes: an older entry is then a miss.</summary>
    private const int DocumentFormat = 1;

    /// <summary>
    /// This build of the renderer (this assembly, whose code describes and writes the blocks), keyed beside the core's
    /// (<see cref="CacheKey.ToolIdentity"/>), so that a render made by another build of either is never reused.
    /// </summary>
    private static readonly string RendererBuild = typeof(RenderCache).Assembly.ManifestModule.ModuleVersionId.ToString();

    /// <summary>
    /// A document's files, kept as length-prefixed UTF-8 strings rather than JSON: the HTML and JSON inside would
    /// otherwise be escaped, read back and unescaped on every cached render (three times the bytes, half its time).
    /// </summary>
    public List<RenderedFiles>? TryGetDocument(string key) => PathOf(key, "documents") is { } path ? StoreFile.TryRead(path, ReadDocument) : null;

    private static List<RenderedFiles>? ReadDocument(byte[] bytes)
    {
        using var reader = new BinaryReader(new MemoryStream(bytes), Encoding.UTF8);
        if (reader.ReadInt32() != DocumentFormat) return null;
        var blocks = new List<RenderedFiles>(reader.ReadInt32());
        for (var i = blocks.Capacity; i > 0; i--)
            blocks.Add(new RenderedFiles(
                reader.ReadString(), reader.ReadInt32(), reader.ReadString(), reader.ReadBoolean(), reader.ReadString(), reader.ReadString()));
        return blocks;
    }

    public void StoreDocument(string key, List<RenderedFiles> blocks)
    {
        if (PathOf(key, "documents") is not { } path) return;
        var bytes = new MemoryStream();
        using (var writer = new BinaryWriter(bytes, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(DocumentFormat);
            writer.Write(blocks.Count);
            foreach (var block in blocks)
            {
                writer.Write(block.File);
                writer.Write(block.Line);
                writer.Write(block.Id);
                writer.Write(block.Verified);
                writer.Write(block.Html);
                writer.Write(block.Json);
            }
        }
        _files!.WriteFile(path, bytes.ToArray());
    }

    /// <summary>The key of a document's descriptions: its blocks' keys, in order.</summary>
    public static string DocumentKey(IEnumerable<string> blockKeys) => CacheKey.ForAll(blockKeys);

    public List<SymbolNote>? TryGetNotes(string key) => Read(key, "unverified", NoteJson.Default.ListSymbolNote);

    public void StoreNotes(string key, List<SymbolNote> notes) => Write(key, "unverified", notes, NoteJson.Default.ListSymbolNote);

    /// <summary>The key of a block's description: it changes with anything <see cref="BlockRenderer.Render"/> reads.</summary>
    /// <param name="notes">What the block's notes are a function of: its program's key, or <see cref="NotesIdentity"/>.</param>
    public static string BlockKey(SnippetResult result, string notes, bool showOutput)
    {
        var key = PlaceAndText(result)
            .Add("tagged", result.Snippet.IsTagged)
            .Add("kind", result.Snippet.Kind.ToString())
            .Add("status", result.Status.ToString())
            .Add("show output", showOutput)
            .Add("output", result.Snippet.Output?.Text)
            .Add("actual", result.ActualOutput);
        foreach (var d in result.Diagnostics) key.Add("diagnostic", d.ToCanonicalString()).Add("end", d.End?.ToString());
        return key.Add("notes", notes).Hash();
    }

    /// <summary>Notes taken from a compilation that kept nothing, hashed: what the block's description then depends on.</summary>
    public static string NotesIdentity(IReadOnlyList<SymbolNote> notes) =>
        ContentHash.Of(JsonSerializer.SerializeToUtf8Bytes(notes, NoteJson.Default.IReadOnlyListSymbolNote));

    /// <summary>The key of an uncompiled block's notes: its text where it stands, against this build's framework.</summary>
    public static string NotesKey(SnippetResult result) => PlaceAndText(result).Add("unverified", true).Hash();

    private static StoreKey PlaceAndText(SnippetResult result)
    {
        var key = new StoreKey().Add("tool", CacheKey.ToolIdentity).Add("renderer", RendererBuild).Add("file", result.Location.File);
        foreach (var line in result.Snippet.Block.Lines) key.Add("line", line.Line).Add("column", line.Column).Add("text", line.Text);
        return key;
    }

    private string? PathOf(string key, string kind) => directory is null ? null
        : Path.Combine(directory, "render", kind, key[..2], key + (kind == "documents" ? ".bin" : ".json"));

    private T? Read<T>(string key, string kind, JsonTypeInfo<T> type) where T : class =>
        PathOf(key, kind) is { } path ? StoreFile.TryRead(path, bytes => JsonSerializer.Deserialize(bytes, type)) : null;

    private void Write<T>(string key, string kind, T value, JsonTypeInfo<T> type)
    {
        if (PathOf(key, kind) is { } path) _files!.WriteFile(path, JsonSerializer.SerializeToUtf8Bytes(value, type));
    }
}

/// <summary>
/// The JSON of the notes render keeps, generated at build time (no reflection), written as the core writes them
/// (camelCase, nulls kept), so a kept entry and its hash (<see cref="RenderCache.NotesIdentity"/>) do not change.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(List<SymbolNote>))]
[JsonSerializable(typeof(IReadOnlyList<SymbolNote>))]
internal sealed partial class NoteJson : JsonSerializerContext;

/// <summary>
/// What render writes for one block, without its verified mark (laid on by <see cref="WithMark"/>): kept whole, so a
/// cached render neither describes a block nor writes its HTML and JSON again.
/// </summary>
internal sealed record RenderedFiles(string File, int Line, string Id, bool Verified, string Html, string Json)
{
    public static RenderedFiles Of(RenderedBlock block) => new(block.File, block.Line, block.Id, block.Verified,
        HtmlFragment.Write(block with { Mark = null }),
        JsonSerializer.Serialize(block with { Mark = null }, RenderJsonContext.Default.RenderedBlock));

    /// <summary>The fragment and the JSON with the mark, when the block is verified and a mark is wanted.</summary>
    public (string Html, string Json) WithMark(VerifiedMark? mark) =>
        !Verified || mark is null ? (Html, Json)
        // The JSON is compact, and "mark" is its last member (it is absent when null): it goes before the closing brace.
        : (HtmlFragment.WithMark(Html, mark), Json[..^1] + ",\"mark\":" + JsonSerializer.Serialize(mark, RenderJsonContext.Default.VerifiedMark)
            + "}");
}
