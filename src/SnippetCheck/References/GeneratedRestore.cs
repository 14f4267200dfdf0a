using SnippetCheck.Execution;

namespace SnippetCheck.References;

/// <summary>
/// The SDK's own restore of a project the tool generates in a cache folder (a package set's, a framework's packs):
/// the project and a copy of the posts' NuGet.Config are written there, and <c>dotnet build -t:ResolveReferences</c>
/// prints the items asked for as JSON. The one way <see cref="PackageRestorer"/> and the framework packs restore.
/// </summary>
internal static class GeneratedRestore
{
    /// <summary>The text of the posts' NuGet.Config, part of each cache key; null without one.</summary>
    public static async Task<string?> NuGetConfigTextAsync(string? nugetConfig, CancellationToken cancellationToken) =>
        nugetConfig is not null && File.Exists(nugetConfig) ? await File.ReadAllTextAsync(nugetConfig, cancellationToken).ConfigureAwait(false)
        : null;

    /// <summary>
    /// Writes <c>restore.csproj</c> (and the NuGet.Config copy, or removes a stale one) into <paramref name="folder"/>,
    /// restores it and resolves its references; <paramref name="items"/> are the MSBuild items to print. The restore and
    /// the resolution are two confined commands (<see cref="BuildSandbox"/>): a package's <c>build/*.targets</c> run in
    /// the second, which gets no network and no credentials.
    /// </summary>
    /// <param name="subject">What is restored, for the run's record of builds (<c>packages Humanizer 2.14.1</c>).</param>
    /// <param name="checkout">The run's checkout, whose root and the folders above it no feed opens; null outside a run.</param>
    internal static async Task<DotnetResult> RunAsync(
        BuildSandbox sandbox, string subject, string folder, string projectText, string? nugetConfigText,
        IEnumerable<string> items, TimeSpan timeout, CancellationToken cancellationToken, Checkout? checkout = null)
    {
        var project = Path.Combine(folder, "restore.csproj");
        await File.WriteAllTextAsync(project, projectText, cancellationToken).ConfigureAwait(false);
        var configCopy = Path.Combine(folder, "nuget.config");
        if (nugetConfigText is not null) await File.WriteAllTextAsync(configCopy, nugetConfigText, cancellationToken).ConfigureAwait(false);
        else if (File.Exists(configCopy)) File.Delete(configCopy);

        // The cache folder may sit inside a repository: its build customisations are not the snippet's.
        string[] standalone = ["-p:ImportDirectoryBuildProps=false", "-p:ImportDirectoryBuildTargets=false", "-p:ImportDirectoryPackagesProps=false"];
        // The config's local feeds and fallback folders: the restore reads them, the resolution the packages it found there.
        var feeds = LocalFeeds.Granted(nugetConfigText, folder, checkout);
        var reach = new BuildReach([folder, .. ProjectReach.NuGetConfigsAbove(folder), .. feeds], [folder]) { Feeds = feeds };
        var restore = await DotnetCli.RunConfinedAsync(sandbox, BuildStep.Restore, subject, reach,
            ["restore", project, "-nologo", .. ProjectBuilder.ConfinedSwitches, .. standalone],
            folder, timeout, cancellationToken, nugetConfigText).ConfigureAwait(false);
        if (!restore.Succeeded) return restore;
        var obj = Path.Combine(folder, "obj");
        Directory.CreateDirectory(obj);
        return await DotnetCli.RunConfinedAsync(sandbox, BuildStep.Build, subject, new BuildReach([folder, .. feeds], [obj]) { Feeds = feeds },
            ["build", project, "--no-restore", "-t:ResolveReferences", "-nologo", .. ProjectBuilder.ConfinedSwitches,
             .. items.Select(item => $"-getItem:{item}"), .. standalone],
            folder, timeout, cancellationToken, nugetConfigText).ConfigureAwait(false);
    }

    /// <summary>The JSON object MSBuild printed; anything before it (a first-run banner) is skipped.</summary>
    internal static string JsonPart(string stdout)
    {
        var start = stdout.IndexOf('{', StringComparison.Ordinal);
        return start < 0 ? "{\"Items\":{}}" : stdout[start..];
    }
}
