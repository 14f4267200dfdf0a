using System.Security.Cryptography;
using System.Text;

namespace SnippetCheck.Caching.Store;

/// <summary>
/// The one hash of the store: SHA-256, as lower-case hex. Every cache names its entries and fingerprints its inputs with it
/// (through <see cref="StoreKey"/> where a key has several parts).
/// </summary>
internal static class ContentHash
{
    /// <summary>The hash of <paramref name="text"/>'s UTF-8 bytes.</summary>
    public static string Of(string text) => Of(Encoding.UTF8.GetBytes(text));

    /// <summary>The hash of <paramref name="bytes"/>, as lower-case hex.</summary>
    public static string Of(ReadOnlySpan<byte> bytes) => Hex(SHA256.HashData(bytes));

    /// <summary>The hash of a file's content, read as a stream (an assembly may be large).</summary>
    internal static string OfFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Hex(SHA256.HashData(stream));
    }

    /// <summary>The same hash, fed in pieces (<see cref="StoreKey"/> over a project's files); <see cref="Hex"/> writes its result.</summary>
    internal static IncrementalHash Start() => IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    internal static string Hex(byte[] hash) => Convert.ToHexStringLower(hash);
}
