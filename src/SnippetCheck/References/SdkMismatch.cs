namespace SnippetCheck.References;

/// <summary>
/// A library's restore that failed because the installed .NET SDK cannot build it (no fault of the docs): its <c>global.json</c>
/// pins an SDK this machine lacks, or it lists a framework newer than the SDK (<c>net11.0</c> under the .NET 10 SDK; a
/// restore evaluates every framework listed, even when its examples use an older one). The SDK's own error names neither
/// the library's frameworks nor a way out: this line does.
/// </summary>
internal static class SdkMismatch
{
    /// <summary>The hint for <paramref name="firstError"/>, or null when the SDK is not what failed.</summary>
    /// <param name="listed">The frameworks the project's text lists (<see cref="ProjectTargets.Listed"/>), null if it lists none.</param>
    /// <param name="consumer">The framework the examples run on (<c>net10.0</c>), the installed SDK's own.</param>
    public static string? Hint(string firstError, IReadOnlyList<string>? listed, string consumer)
    {
        var frameworks = listed is null ? "" : $"the library lists {string.Join(";", listed)}; ";
        var newer = listed?.Where(f => NearestFramework.For(null, [f]) is not null && NearestFramework.For(consumer, [f]) is null).ToList() ?? [];
        var sdk = $"the .NET SDK here (for {consumer}) ";
        if (firstError.Contains("NETSDK1045", StringComparison.Ordinal) && newer.Count > 0)
            return $"hint: {frameworks}{sdk}cannot restore {string.Join(" or ", newer)}, and a restore evaluates every framework listed, " +
                $"even those the examples do not use: run the check with a .NET SDK that supports {newer[^1]} (https://aka.ms/dotnet/download)";
        if (firstError.Contains("A compatible .NET SDK was not found", StringComparison.Ordinal))
            return $"hint: {frameworks}its global.json asks for an SDK this machine does not have, and {sdk}cannot stand in for it: " +
                (newer.Count > 0 ? $"install the SDK global.json names, which {string.Join(" and ", newer)} need too" : "install the SDK " +
                "global.json names, or let its rollForward accept the installed one") +
                " (https://aka.ms/dotnet/download)";
        return null;
    }
}
