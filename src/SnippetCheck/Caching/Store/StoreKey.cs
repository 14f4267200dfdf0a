using System.Security.Cryptography;
using System.Text;

namespace SnippetCheck.Caching.Store;

/// <summary>
/// A key made of labelled parts, hashed with <see cref="ContentHash"/>'s hash. Each part is written as the length of its label,
/// the label, the length of its value and the value, so two different lists of parts never read alike: ("ab", "c") is not
/// ("a", "bc"), a null value is not an empty one, and no value can pass for a label, whatever the values hold.
/// </summary>
internal sealed class StoreKey
{
    /// <summary>Text held back before it is hashed: a key of a few parts is hashed in one call, a key of whole files as it goes.</summary>
    private const int HeldBack = 64 * 1024;

    private readonly StringBuilder _text = new();
    private IncrementalHash? _hash;

    /// <summary>Adds a text part; a null value differs from an empty one.</summary>
    public StoreKey Add(string label, string? value)
    {
        Label(label).Append('=').Append(value?.Length ?? -1).Append(':').Append(value).Append('\n');
        if (_text.Length > HeldBack) HashHeldText();
        return this;
    }

    /// <summary>Adds a flag.</summary>
    public StoreKey Add(string label, bool value) => Add(label, value ? "true" : "false");

    /// <summary>Adds a number, written invariantly.</summary>
    public StoreKey Add(string label, long value) => Add(label, value.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>A part of bytes (a file's content), counted in bytes: never alike to a text part.</summary>
    public StoreKey Add(string label, ReadOnlySpan<byte> value)
    {
        Label(label).Append('#').Append(value.Length).Append(':');
        HashHeldText();
        _hash!.AppendData(value);
        _text.Append('\n');
        return this;
    }

    /// <summary>The key: the hash of its parts, 64 hex digits.</summary>
    public string Hash()
    {
        if (_hash is null) return ContentHash.Of(_text.ToString());
        HashHeldText();
        return ContentHash.Hex(_hash.GetHashAndReset());
    }

    /// <summary>
    /// The first 16 hex digits of <paramref name="hash"/>: a folder's name that keeps paths short (the entry inside holds the whole key).
    /// </summary>
    public static string FolderName(string hash) => hash[..16];

    private StringBuilder Label(string label) => _text.Append(label.Length).Append(':').Append(label);

    /// <summary>Parts always end on a whole character, so hashing the text in pieces hashes the same bytes as at once.</summary>
    private void HashHeldText()
    {
        _hash ??= ContentHash.Start();
        _hash.AppendData(Encoding.UTF8.GetBytes(_text.ToString()));
        _text.Clear();
    }
}
