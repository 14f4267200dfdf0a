using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using SnippetCheck.Caching;
using SnippetCheck.Compilation;
using SnippetCheck.Results;

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
    /// <summary>Kept in the result cache's folder, under <c>render/</c>, written as the core writes its own entries.</summary>
    private readonly ToolCache? _files = directory is null ? null : new ToolCache(directory);

    /// <summary>Bumped when <see cref="StoreDocument"/>'s layout changes: an older entry is then a miss.</summary>
    private const int DocumentFormat = 1;

    /// <summary>
    /// This build of the renderer (this assembly, whose code describes and writes the blocks), keyed beside the core's
    /// (<see cref="ToolCache.ToolIdentity"/>), so that a render made by another build of either is never reused.
    /// </summary>
    private static readonly string RendererBuild = typeof(RenderCache).Assembly.ManifestModule.ModuleVersionId.ToString();

    /// <summary>
    /// A document's files, kept as length-prefixed UTF-8 strings rather than JSON: the HTML and JSON inside would
    /// otherwise be escaped, read back and unescaped on every cached render (three times the bytes, half its time).
    /// </summary>
    public List<RenderedFiles>? TryGetDocument(string key) => _files?.TryGet(Documents, key, ReadDocument);

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
        if (_files is null) return;
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
        _files.Set(Documents, key, bytes.ToArray());
    }

    /// <summary>The key of a document's descriptions: its blocks' keys, in order.</summary>
    public static string DocumentKey(IEnumerable<string> blockKeys) => ToolCache.Hash(Encoding.UTF8.GetBytes(string.Join('\n', blockKeys)));

    public List<SymbolNote>? TryGetNotes(string key) => Read(key, "unverified", NoteJson.Default.ListSymbolNote);

    public void StoreNotes(string key, List<SymbolNote> notes) => Write(key, "unverified", notes, NoteJson.Default.ListSymbolNote);

    /// <summary>The key of a block's description: it changes with anything <see cref="BlockRenderer.Render"/> reads.</summary>
    /// <param name="notes">What the block's notes are a function of: its program's key, or <see cref="NotesIdentity"/>.</param>
    public static string BlockKey(SnippetResult result, string notes, bool showOutput)
    {
        var key = PlaceAndText(result);
        key.AddRange([("tagged", result.Snippet.IsTagged), ("kind", result.Snippet.Kind.ToString()), ("status", result.StatusWord),
            ("show output", showOutput), ("output", result.Snippet.ExpectedText), ("actual", result.ActualOutput)]);
        foreach (var d in result.Diagnostics) key.AddRange([("diagnostic", d.ToCanonicalString()), ("end", d.End?.ToString())]);
        key.Add(("notes", notes));
        return ToolCache.Key(key);
    }

    /// <summary>Notes taken from a compilation that kept nothing, hashed: what the block's description then depends on.</summary>
    public static string NotesIdentity(IReadOnlyList<SymbolNote> notes) =>
        ToolCache.Hash(JsonSerializer.SerializeToUtf8Bytes(notes, NoteJson.Default.IReadOnlyListSymbolNote));

    /// <summary>The key of an uncompiled block's notes: its text where it stands, against this build's framework.</summary>
    public static string NotesKey(SnippetResult result) => ToolCache.Key([.. PlaceAndText(result), ("unverified", true)]);

    private static List<(string Label, object? Value)> PlaceAndText(SnippetResult result)
    {
        List<(string, object?)> key = [("tool", ToolCache.ToolIdentity), ("renderer", RendererBuild), ("file", result.Location.File)];
        foreach (var line in result.Snippet.Lines)
            key.AddRange([("line", line.Line), ("column", line.Column), ("text", line.Text)]);
        return key;
    }


    private const string Documents = "render/documents";

    private T? Read<T>(string key, string kind, JsonTypeInfo<T> type) where T : class =>
        _files?.TryGet("render/" + kind, key, bytes => JsonSerializer.Deserialize(bytes, type));

    private void Write<T>(string key, string kind, T value, JsonTypeInfo<T> type) =>
        _files?.Set("render/" + kind, key, JsonSerializer.SerializeToUtf8Bytes(value, type));
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
