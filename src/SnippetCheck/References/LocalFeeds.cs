using System.Xml;
using System.Xml.Linq;
using SnippetCheck.Extraction.Discovery;
using SnippetCheck.Model;

namespace SnippetCheck.References;

/// <summary>
/// The local folders a <c>nuget.config</c> names as package sources or fallback package folders, read as data (System.Xml.Linq:
/// a commented-out source names nothing). A restore reads them, and a build the packages it resolved there, so each is
/// granted only when it holds packages and is neither a <c>.git</c>, the root, <c>$HOME</c> or a folder above it, nor
/// the checkout's root or a folder above it (which would open its <c>.git</c>). Under <c>--untrusted</c> a config inside
/// the checkout is the pull request's: a feed it names inside the checkout is refused at its line.
/// </summary>
internal static class LocalFeeds
{
    private static readonly string[] Sections = ["packageSources", "fallbackPackageFolders"];

    /// <summary>One local folder a config names, as it names it, and where.</summary>
    private sealed record Feed(string Value, string Folder, SourceLocation Place);

    /// <summary>The folders the <c>nuget.config</c> files among <paramref name="files"/> grant a restore and a build.</summary>
    /// <exception cref="ReachRefusedException">Under <c>--untrusted</c>, a config of the checkout names a feed inside it.</exception>
    public static IReadOnlyList<string> Granted(IEnumerable<string> files, Checkout checkout)
    {
        var feeds = new List<string>();
        foreach (var file in files.Where(IsNuGetConfig))
        {
            var named = Named(Load(file), Path.GetDirectoryName(Path.GetFullPath(file))!,
                DocumentDiscovery.DisplayPath(Path.GetFullPath(file), checkout.CurrentDirectory));
            if (checkout.Untrusted && InCheckout(file, checkout))
            {
                foreach (var feed in named.Where(f => InCheckout(f.Folder, checkout)))
                    throw ReachRefusedException.Of(checkout, feed.Place, $"the local feed '{feed.Value}'",
                        $"opens {Checkout.RealPath(feed.Folder)}, a folder of the checkout, to the restore and the build");
            }
            feeds.AddRange(named.Select(f => f.Folder));
        }
        return Allowed(feeds, checkout);
    }

    /// <summary>
    /// The folders the config text a generated restore copies into <paramref name="folder"/> grants (relative ones name
    /// folders beside the copy, as NuGet reads them there).
    /// </summary>
    public static IReadOnlyList<string> Granted(string? text, string folder, Checkout? checkout)
    {
        if (text is null) return [];
        XDocument? document;
        try
        {
            document = XDocument.Parse(text, LoadOptions.SetLineInfo);
        }
        catch (XmlException)
        {
            return [];
        }
        return Allowed(Named(document, folder, "nuget.config").Select(f => f.Folder), checkout);
    }

    /// <summary>
    /// Under <c>--untrusted</c>, refuses the run (exit code 2) when a <c>nuget.config</c> NuGet reads for
    /// <paramref name="folder"/>, up to the checkout's root, names a feed inside the checkout.
    /// </summary>
    public static void RefuseInCheckout(string folder, Checkout checkout)
    {
        if (!checkout.Untrusted) return;
        var configs = new List<string>();
        for (var at = Path.GetFullPath(folder); at is not null && InCheckout(at, checkout); at = Path.GetDirectoryName(at))
        {
            configs.AddRange(Directory.EnumerateFiles(at).Where(IsNuGetConfig));
        }
        try
        {
            _ = Granted(configs, checkout);
        }
        catch (ReachRefusedException e)
        {
            throw e.AsSetupError();
        }
    }

    private static bool IsNuGetConfig(string file) => Path.GetFileName(file).Equals("nuget.config", StringComparison.OrdinalIgnoreCase);

    private static bool InCheckout(string path, Checkout checkout)
    {
        var real = Checkout.RealPath(path);
        return Checkout.IsAtOrBelow(real, checkout.Root) || Checkout.IsAtOrBelow(real, checkout.CurrentDirectory);
    }

    private static XDocument? Load(string file)
    {
        try
        {
            return XDocument.Load(file, LoadOptions.SetLineInfo);
        }
        catch (Exception e) when (e is XmlException or IOException or UnauthorizedAccessException)
        {
            return null; // NuGet reports a config it cannot read; a restore that needs it fails there.
        }
    }

    /// <summary>Each <c>add</c> of the two sections whose value is a folder (no URL, no variable), made absolute against
    /// <paramref name="folder"/>.</summary>
    private static List<Feed> Named(XDocument? document, string folder, string display) =>
        document is null ? [] : [.. document.Descendants()
            .Where(e => e.Name.LocalName.Equals("add", StringComparison.OrdinalIgnoreCase)
                && Sections.Contains(e.Parent?.Name.LocalName, StringComparer.OrdinalIgnoreCase))
            .Select(e => (Element: e, Value: e.Attributes().FirstOrDefault(
                a => a.Name.LocalName.Equals("value", StringComparison.OrdinalIgnoreCase))?.Value.Trim() ?? ""))
            .Where(add => add.Value.Length > 0 && !add.Value.Contains("://", StringComparison.Ordinal) && !add.Value.Contains('%')
                && !add.Value.Contains("$(", StringComparison.Ordinal))
            .Select(add => new Feed(add.Value, Path.GetFullPath(add.Value.Replace('\\', '/'), folder), new SourceLocation(
                display, ((IXmlLineInfo)add.Element).LineNumber, ((IXmlLineInfo)add.Element).LinePosition)))];

    /// <summary>The folders of <paramref name="feeds"/> a restore may read: where they really lead, each once.</summary>
    private static IReadOnlyList<string> Allowed(IEnumerable<string> feeds, Checkout? checkout) =>
        [.. feeds.Select(Checkout.RealPath).Distinct(StringComparer.Ordinal).Where(folder => MayHold(folder, checkout) && HoldsPackages(folder))];

    private static bool MayHold(string folder, Checkout? checkout)
    {
        return folder != "/" && !Checkout.InGit(folder) && (Checkout.Home.Length == 0 || !Checkout.IsAtOrBelow(Checkout.Home, folder))
            && (checkout is null || !Checkout.IsAtOrBelow(checkout.Root, folder));
    }

    /// <summary>A folder that holds a package within three levels: a feed, or a fallback folder.</summary>
    private static bool HoldsPackages(string folder)
    {
        if (!Directory.Exists(folder)) return false;
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = true, MaxRecursionDepth = 3, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint,
        };
        return Directory.EnumerateFiles(folder, "*", options).Take(5000)
            .Any(file => file.EndsWith(".nupkg", StringComparison.OrdinalIgnoreCase)
                || file.EndsWith(".nupkg.metadata", StringComparison.OrdinalIgnoreCase));
    }
}
