using System.Collections.Immutable;

namespace SnippetCheck.Model;

/// <summary>
/// The preprocessor symbols the .NET SDK defines for a build of a target framework (<c>net10.0</c> unless a matrix
/// names another): what snippets compile with, and what doc comments are read with, so both see the same <c>#if</c> branches.
/// </summary>
internal static class BuildSymbols
{
    /// <summary>Every configuration's; a Debug build adds <c>DEBUG</c>.</summary>
    public static ImmutableArray<string> For(bool debug) => For(TargetFramework.Tool, debug);

    /// <summary>What the SDK defines for <paramref name="framework"/>: <c>NET8_0</c>, and <c>NETn_0_OR_GREATER</c> up to its version.</summary>
    public static ImmutableArray<string> For(TargetFramework framework, bool debug)
    {
        var symbols = new List<string>();
        if (debug) symbols.Add("DEBUG");
        symbols.AddRange(["TRACE", "NET", $"NET{framework.Major}_0", "NETCOREAPP"]);
        for (var major = 5; major <= framework.Major; major++) symbols.Add($"NET{major}_0_OR_GREATER");
        symbols.AddRange(["NETCOREAPP3_1_OR_GREATER", "NETCOREAPP3_0_OR_GREATER", "NETCOREAPP2_0_OR_GREATER", "NETCOREAPP1_0_OR_GREATER"]);
        return [.. symbols];
    }
}
