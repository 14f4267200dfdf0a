using System.Runtime.InteropServices;

namespace SnippetCheck.Execution;

/// <summary>Where .NET is installed: what snippets compile against (its packs) and run on, and where the SDK's <c>dotnet</c> lives.</summary>
internal static class DotnetInstallation
{
    /// <summary>
    /// The .NET installation snippets compile against and run on: <c>DOTNET_ROOT</c>, else the one the tool runs
    /// from, else (a self-contained build carries its own runtime but no SDK) the <c>dotnet</c> on the PATH.
    /// </summary>
    public static string Root => LazyRoot.Value;

    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    private static string FindRoot()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("DOTNET_ROOT");
        if (!string.IsNullOrEmpty(fromEnvironment) && Directory.Exists(Path.Combine(fromEnvironment, "packs"))) return fromEnvironment;
        // .../shared/Microsoft.NETCore.App/<version>/ → the root three levels up.
        var running = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        if (Directory.Exists(Path.Combine(running, "packs"))) return running;
        var host = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = new FileInfo(Path.Combine(directory, host));
            if (!candidate.Exists) continue;
            var target = candidate.ResolveLinkTarget(returnFinalTarget: true) as FileInfo ?? candidate;
            if (target.DirectoryName is { } root && Directory.Exists(Path.Combine(root, "packs"))) return root;
        }
        return running;
    }
}
