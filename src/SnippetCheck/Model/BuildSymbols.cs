using System.Collections.Immutable;

namespace SnippetCheck.Model;

/// <summary>
/// The preprocessor symbols the .NET SDK defines for a <c>net10.0</c> build: what snippets compile with, and what doc
/// comments are read with, so that both see the same <c>#if</c> branches.
/// </summary>
internal static class BuildSymbols
{
    /// <summary>Every configuration's; a Debug build adds <c>DEBUG</c> (<see cref="For"/>).</summary>
    private static readonly ImmutableArray<string> Framework =
    [
        "TRACE", "NET", "NET10_0", "NETCOREAPP",
        "NET5_0_OR_GREATER", "NET6_0_OR_GREATER", "NET7_0_OR_GREATER", "NET8_0_OR_GREATER",
        "NET9_0_OR_GREATER", "NET10_0_OR_GREATER", "NETCOREAPP3_1_OR_GREATER", "NETCOREAPP3_0_OR_GREATER",
        "NETCOREAPP2_0_OR_GREATER", "NETCOREAPP1_0_OR_GREATER",
    ];

    public static ImmutableArray<string> For(bool debug) => debug ? Framework.Insert(0, "DEBUG") : Framework;
}
