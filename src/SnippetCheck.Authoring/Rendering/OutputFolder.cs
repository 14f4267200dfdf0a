using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using SnippetCheck.Caching;

namespace SnippetCheck.Rendering;

/// <summary>
/// The folder <c>render</c> writes. A file whose content has not changed since the last render into this folder is not
/// written again: a small manifest (<see cref="ManifestName"/>) remembers each file's hash, size and time, so a cached
/// render of a thousand blocks costs a stat per file instead of a write, and a site's files keep their timestamps.
/// It also remembers which files each document's fragments were (<see cref="TryKeep"/>): a document whose blocks and
/// mark have not changed is not even described again.
/// </summary>
internal sealed class OutputFolder
{
    public const string ManifestName = ".snippetcheck-render.json";

    private readonly string _root;
    private readonly RenderManifest _previous;
    private readonly ConcurrentDictionary<string, WrittenFile> _written = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, List<string>> _documents = new(StringComparer.Ordinal);

    public OutputFolder(string root)
    {
        _root = root;
        _previous = ReadManifest(Path.Combine(root, ManifestName));
    }

    /// <summary>
    /// True when the files last written under <paramref name="stamp"/> (a document's render key and its mark) are all
    /// still there as written: they are kept as they are, and the document needs nothing more.
    /// </summary>
    public bool TryKeep(string stamp)
    {
        if (!_previous.Documents.TryGetValue(stamp, out var files)) return false;
        foreach (var relative in files)
        {
            if (!_previous.Files.TryGetValue(relative, out var before) || new FileInfo(Path.Combine(_root, relative)) is not { Exists: true } info ||
                info.Length != before.Length || info.LastWriteTimeUtc.Ticks != before.Ticks) return false;
        }
        foreach (var relative in files) _written[relative] = _previous.Files[relative];
        _documents[stamp] = files;
        return true;
    }

    /// <summary>Remembers which files a document's fragments were, under <paramref name="stamp"/> (see <see cref="TryKeep"/>).</summary>
    public void Record(string stamp, List<string> files) => _documents[stamp] = files;

    /// <summary>Every file this render wrote or found unchanged, as full paths.</summary>
    public IReadOnlyList<string> Files => [.. _written.Keys.Order(StringComparer.Ordinal).Select(relative => Path.Combine(_root, relative))];

    /// <summary>
    /// Writes <paramref name="text"/> to <paramref name="relative"/> unless the file already holds it; returns <paramref name="relative"/>.
    /// Never through a link below the folder (<see cref="LinkedFileRefused"/>).
    /// </summary>
    public string Write(string relative, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var hash = ToolCache.Hash(bytes);
        var path = Path.Combine(_root, relative);
        if (_previous.Files.TryGetValue(relative, out var before) && before.Hash == hash && new FileInfo(path) is { Exists: true } info &&
            info.Length == before.Length && info.LastWriteTimeUtc.Ticks == before.Ticks)
        {
            _written[relative] = before;
            return relative;
        }
        if (ToolCache.WriteBelow(_root, relative, bytes) is { } refused) throw new LinkedFileRefused(refused);
        _written[relative] = new WrittenFile(hash, bytes.Length, File.GetLastWriteTimeUtc(path).Ticks);
        return relative;
    }

    /// <summary>Keeps the manifest for the next render; one behind a link is not written (the next render then writes every file).</summary>
    public void Save()
    {
        var manifest = new RenderManifest(new(_written, StringComparer.Ordinal), new(_documents, StringComparer.Ordinal));
        ToolCache.WriteBelow(_root, ManifestName, JsonSerializer.SerializeToUtf8Bytes(manifest, RenderJsonContext.Default.RenderManifest));
    }

    /// <summary>The last render's manifest; without one, every file is written again: a lost manifest costs time, never a stale file.</summary>
    private static RenderManifest ReadManifest(string path) =>
        ToolCache.TryRead(path, bytes => JsonSerializer.Deserialize(bytes, RenderJsonContext.Default.RenderManifest)) is { Files: not null,
            Documents: not null } manifest
            ? manifest
            : new([], []);
}

/// <summary>The manifest: every file written, and each document's files by its stamp.</summary>
internal sealed record RenderManifest(Dictionary<string, WrittenFile> Files, Dictionary<string, List<string>> Documents);

/// <summary>What the manifest remembers of a written file.</summary>
internal sealed record WrittenFile(string Hash, long Length, long Ticks);

/// <summary>A file of the output not written because it, or a folder on its way below the output folder, is a symbolic link.</summary>
internal sealed class LinkedFileRefused(string message) : IOException(message);
