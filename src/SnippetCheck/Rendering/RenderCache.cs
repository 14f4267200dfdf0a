using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using SnippetCheck.Caching;
using SnippetCheck.Compilation;
using SnippetCheck.Model;

namespace SnippetCheck.Rendering;

/// <summary>
/// What a render run worked out, kept in the result cache's folder so a cached render neither parses nor binds:
/// each block's description, under a key of everything it was made from (the tool, the block's text and place, its
/// verdict and the compiler's notes on it), and the notes of blocks no run compiled (untagged, ignored), under a key
/// of their text and place. The verified mark is laid on afterwards: its date must not make every day a miss.
/// </summary>
internal sealed class RenderCache(string? directory)
{
    public RenderedBlock? TryGetBlock(string key) => Read(key, "blocks", RenderJsonContext.Default.RenderedBlock);

    public void StoreBlock(string key, RenderedBlock block) => Write(key, "blocks", block, RenderJsonContext.Default.RenderedBlock);

    public List<SymbolNote>? TryGetNotes(string key) => Read(key, "unverified", SymbolNoteJson.Default.ListSymbolNote);

    public void StoreNotes(string key, List<SymbolNote> notes) => Write(key, "unverified", notes, SymbolNoteJson.Default.ListSymbolNote);

    /// <summary>The key of a block's description: it changes with anything <see cref="BlockRenderer.Render"/> reads.</summary>
    public static string BlockKey(SnippetResult result, IReadOnlyList<SymbolNote> notes, bool showOutput)
    {
        var text = new StringBuilder(PlaceAndText(result));
        text.Append('\n').Append(result.Snippet.IsTagged).Append('|').Append(result.Snippet.Kind).Append('|').Append(result.Status).Append('|').Append(showOutput);
        text.Append('\n').Append(result.Snippet.Output?.Text).Append('\0').Append(result.ActualOutput);
        foreach (var d in result.Diagnostics) text.Append('\n').Append(d.ToCanonicalString()).Append('|').Append(d.End);
        text.Append('\n').Append(JsonSerializer.Serialize(notes, SymbolNoteJson.Default.IReadOnlyListSymbolNote));
        return CacheKey.Hash(text.ToString());
    }

    /// <summary>The key of an uncompiled block's notes: its text where it stands, against this build's framework.</summary>
    public static string NotesKey(SnippetResult result) => CacheKey.Hash("unverified\n" + PlaceAndText(result));

    private static string PlaceAndText(SnippetResult result) =>
        CacheKey.ToolIdentity + "\n" + result.Location.File + "\n" +
        string.Join('\n', result.Snippet.Block.Lines.Select(l => $"{l.Line}:{l.Column}:{l.Text}"));

    private string? PathOf(string key, string kind) => directory is null ? null : Path.Combine(directory, "render", kind, key[..2], key + ".json");

    private T? Read<T>(string key, string kind, JsonTypeInfo<T> type) where T : class
    {
        if (PathOf(key, kind) is not { } path || !File.Exists(path)) return null;
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllText(path), type);
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private void Write<T>(string key, string kind, T value, JsonTypeInfo<T> type)
    {
        if (PathOf(key, kind) is not { } path) return;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(value, type));
        File.Move(temporary, path, overwrite: true);
    }
}
