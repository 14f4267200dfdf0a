namespace SnippetCheck.Packages;

/// <summary>
/// The SDK's own restore of a project the tool generates in a cache folder (a package set's, a framework's packs):
/// the project and a copy of the posts' NuGet.Config are written there, and <c>dotnet build -t:ResolveReferences</c>
/// prints the items asked for as JSON. The one way <see cref="PackageRestorer"/> and the framework packs restore.
/// </summary>
public static class GeneratedRestore
{
    /// <summary>The text of the posts' NuGet.Config, part of each cache key; null without one.</summary>
    public static async Task<string?> NuGetConfigTextAsync(string? nugetConfig, CancellationToken cancellationToken) =>
        nugetConfig is not null && File.Exists(nugetConfig) ? await File.ReadAllTextAsync(nugetConfig, cancellationToken).ConfigureAwait(false) : null;

    /// <summary>
    /// Writes <c>restore.csproj</c> (and the NuGet.Config copy, or removes a stale one) into <paramref name="folder"/>,
    /// restores it and resolves its references; <paramref name="items"/> are the MSBuild items to print.
    /// </summary>
    internal static async Task<DotnetResult> RunAsync(string folder, string projectText, string? nugetConfigText, IEnumerable<string> items,
        TimeSpan timeout, CancellationToken cancellationToken)
    {
        var project = Path.Combine(folder, "restore.csproj");
        await File.WriteAllTextAsync(project, projectText, cancellationToken).ConfigureAwait(false);
        var configCopy = Path.Combine(folder, "nuget.config");
        if (nugetConfigText is not null) await File.WriteAllTextAsync(configCopy, nugetConfigText, cancellationToken).ConfigureAwait(false);
        else if (File.Exists(configCopy)) File.Delete(configCopy);

        return await DotnetCli.RunAsync(
            ["build", project, "-t:ResolveReferences", "--disable-build-servers", "-nologo",
             .. items.Select(item => $"-getItem:{item}"),
             // The cache folder may sit inside a repository: its build customisations are not the snippet's.
             "-p:ImportDirectoryBuildProps=false", "-p:ImportDirectoryBuildTargets=false", "-p:ImportDirectoryPackagesProps=false"],
            folder, timeout, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The JSON object MSBuild printed; anything before it (a first-run banner) is skipped.</summary>
    internal static string JsonPart(string stdout)
    {
        var start = stdout.IndexOf('{', StringComparison.Ordinal);
        return start < 0 ? "{\"Items\":{}}" : stdout[start..];
    }
}
