namespace SnippetCheck.References;

/// <summary>Where resolved packages and built projects are kept between runs.</summary>
internal static class PackageCache
{
    /// <summary>
    /// <c>$SNIPPETCHECK_PACKAGE_CACHE</c> when set; else <c>$XDG_CACHE_HOME/snippetcheck</c>, else
    /// <c>~/.cache/snippetcheck</c> (<c>%LOCALAPPDATA%\snippetcheck</c> on Windows). Per user, not per
    /// repository, like NuGet's own global packages folder: every repository with the same package set shares one restore.
    /// </summary>
    public static string DefaultRoot
    {
        get
        {
            if (Environment.GetEnvironmentVariable("SNIPPETCHECK_PACKAGE_CACHE") is { Length: > 0 } explicitRoot) return Path.GetFullPath(
                explicitRoot);
            if (OperatingSystem.IsWindows())
                return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "snippetcheck");
            if (Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg && Path.IsPathRooted(xdg)) return Path.Combine(
                xdg, "snippetcheck");
            return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "snippetcheck");
        }
    }

    /// <summary>The NuGet.Config nearest <paramref name="directory"/> (NuGet's own lookup, file names in any case), if any.</summary>
    public static string? FindNuGetConfig(string directory)
    {
        for (var current = new DirectoryInfo(Path.GetFullPath(directory)); current is not null; current = current.Parent)
        {
            try
            {
                var match = current.EnumerateFiles().FirstOrDefault(f => f.Name.Equals("nuget.config", StringComparison.OrdinalIgnoreCase));
                if (match is not null) return match.FullName;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return null;
            }
        }
        return null;
    }
}
