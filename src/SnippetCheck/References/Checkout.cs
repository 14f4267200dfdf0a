namespace SnippetCheck.References;

/// <summary>
/// The checkout a run verifies (the repository around the folder the tool runs in, else that folder) and the one rule of
/// what a path that a post, its config, its projects or a <c>nuget.config</c> names may reach: a build reads it, a runner
/// is granted it, the tool reads it as a prelude. Never a <c>.git</c> (where a checkout keeps its token), the root,
/// <c>$HOME</c> or a folder above it, a hidden folder of <c>$HOME</c> (<c>~/.ssh</c>), a system folder, or a folder
/// above the checkout (which holds its <c>.git</c>); under <c>--untrusted</c>, nothing outside the checkout at all. The
/// rule is applied to where a path really leads, its links followed, as Landlock grants where a link points.
/// </summary>
/// <param name="Root">The checkout's root: the nearest folder at or above <paramref name="CurrentDirectory"/> holding a <c>.git</c>.</param>
/// <param name="CurrentDirectory">The folder the tool runs in; inside the checkout, or the checkout itself without a <c>.git</c>.</param>
/// <param name="Untrusted"><c>--untrusted</c>: the checkout is a pull request's.</param>
internal sealed record Checkout(string Root, string CurrentDirectory, bool Untrusted)
{
    /// <summary>
    /// Folders of the system no project, feed or prelude of a post lives in, and that hold the machine's secrets or its
    /// processes (a checkout inside one is still its own: <see cref="Refusal"/> asks first whether a path is inside the
    /// checkout). <c>/var</c> and <c>/usr</c> are not among them: a CI's workspaces live there (Jenkins' <c>/var/lib/jenkins</c>),
    /// and a trusted run may build a sibling repository; under <c>--untrusted</c> nothing outside the checkout is reached.
    /// </summary>
    private static readonly string[] SystemFolders =
        ["/etc", "/root", "/proc", "/sys", "/dev", "/boot", "/run", "/bin", "/sbin", "/lib", "/lib32", "/lib64"];

    /// <summary>The checkout around <paramref name="currentDirectory"/>.</summary>
    public static Checkout Of(string currentDirectory, bool untrusted)
    {
        var folder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(currentDirectory));
        return new Checkout(RepositoryRoot(folder) ?? folder, folder, untrusted);
    }

    /// <summary>The nearest folder at or above <paramref name="folder"/> that holds a <c>.git</c>, or null.</summary>
    public static string? RepositoryRoot(string folder)
    {
        for (var root = folder; root is not null; root = Path.GetDirectoryName(root))
        {
            if (Path.Exists(Path.Combine(root, ".git"))) return root;
        }
        return null;
    }

    /// <summary>
    /// Why <paramref name="path"/> may not be reached, as the end of a sentence starting "it" (<c>reaches into a .git
    /// folder, ...</c>); null when it may. <paramref name="path"/> is full; its links are followed.
    /// </summary>
    public string? Refusal(string path)
    {
        var real = RealPath(path);
        var home = Home;
        if (InGit(real)) return $"reaches {real}, inside a .git folder, where a checkout keeps its token";
        if (real == "/") return "reaches the file system's root";
        if (home.Length > 0 && IsAtOrBelow(home, real)) return $"reaches {real}, $HOME or a folder above it";
        var inCheckout = IsAtOrBelow(real, Root) || IsAtOrBelow(real, CurrentDirectory);
        if (!inCheckout && IsAtOrBelow(Root, real) && Path.Exists(Path.Combine(Root, ".git")))
            return $"reaches {real}, a folder above the checkout, which holds its .git";
        if (!inCheckout && home.Length > 0 && IsAtOrBelow(real, home) && Path.GetRelativePath(home, real).StartsWith('.'))
            return $"reaches {real}, a hidden folder of $HOME (as ~/.ssh, ~/.aws)";
        if (!inCheckout && SystemFolders.FirstOrDefault(system => IsAtOrBelow(real, system)) is { } top)
            return $"reaches {real}, in the system folder {top}";
        if (!inCheckout && Untrusted) return $"lies outside the checkout ({Root})";
        return null;
    }

    /// <summary>The user's home folder, full, without a trailing separator; "" where there is none.</summary>
    public static string Home => System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile) is { Length: > 0 } home
        ? Path.TrimEndingDirectorySeparator(Path.GetFullPath(home))
        : "";

    /// <summary>True when <paramref name="path"/> (full) is a <c>.git</c> or inside one.</summary>
    public static bool InGit(string path) => path.Split('/').Contains(".git", StringComparer.Ordinal);

    /// <summary>True when <paramref name="path"/> is <paramref name="folder"/> or inside it (both full, no trailing separator).</summary>
    public static bool IsAtOrBelow(string path, string folder) =>
        path == folder || folder == "/" || path.StartsWith(folder + "/", StringComparison.Ordinal);

    /// <summary>
    /// Where <paramref name="path"/> really leads: each link on the way followed (as the kernel does), the part that does
    /// not exist kept as it is. Landlock grants where a link points, so a rule judges this path, not the one named.
    /// </summary>
    public static string RealPath(string path)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        var real = Path.GetPathRoot(full)!;
        var hops = 0;
        var pending = new Stack<string>(full[real.Length..].Split('/', StringSplitOptions.RemoveEmptyEntries).Reverse());
        while (pending.TryPop(out var part))
        {
            var next = Path.Combine(real, part);
            string? target = null;
            try
            {
                target = new FileInfo(next).LinkTarget;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Unreadable or gone: taken as it is named.
            }
            if (target is null || ++hops > 40)
            {
                real = next;
                continue;
            }
            // A link's target is read again from the root it names, or from the link's folder.
            var resolved = Path.GetFullPath(target, real);
            real = Path.GetPathRoot(resolved)!;
            foreach (var again in resolved[real.Length..].Split('/', StringSplitOptions.RemoveEmptyEntries).Reverse()) pending.Push(again);
        }
        return Path.TrimEndingDirectorySeparator(Path.GetFullPath(real));
    }
}
