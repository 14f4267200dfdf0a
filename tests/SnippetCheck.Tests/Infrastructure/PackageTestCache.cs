namespace SnippetCheck.Tests.Infrastructure;

/// <summary>
/// One package cache for every test run on this machine, so a package set is restored once and later tests
/// (and later runs of the suite) read it from disk; it stays out of the user's own cache.
/// </summary>
public static class PackageTestCache
{
    public static string Root { get; } = Path.Combine(Path.GetTempPath(), "snippetcheck-tests", "package-cache");

    public static IDictionary<string, string?> Environment => new Dictionary<string, string?> { ["SNIPPETCHECK_PACKAGE_CACHE"] = Root };
}
