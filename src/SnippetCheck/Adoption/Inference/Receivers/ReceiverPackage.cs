using SnippetCheck.Adoption.Inference.Packages;
using SnippetCheck.Model;

namespace SnippetCheck.Adoption.Inference.Receivers;

/// <summary>
/// What a receiver given by <see cref="InferredReceivers"/> needs besides the framework: the package that
/// declares the extension methods its calls bind to, else the one of its type; the Web SDK when what it needs is ASP.NET
/// Core's; nothing more. OpenIddict's docs call <c>services.AddOpenIddict()</c>: <c>IServiceCollection</c> comes with every
/// OpenIddict package (OpenIddict.Quartz brings fewest others along), but only the one that declares <c>AddOpenIddict</c>
/// makes the call bind; a package the block does not need is never proposed.
/// </summary>
internal static class ReceiverPackage
{
    /// <summary>The package to propose with <paramref name="fit"/> (null: none), and whether it needs the Web SDK.</summary>
    /// <param name="found">The packages its page and doc set name, found and restored.</param>
    /// <param name="framework">The block's framework reference files.</param>
    /// <param name="web">The Web SDK's reference files.</param>
    public static (PackageRequest? Package, bool Web) For(
        ReceiverIndex.Fit fit, IReadOnlyList<PackageInference.Found> found, IReadOnlyList<string> framework, IReadOnlyList<string> web)
    {
        var frameworkNames = framework.Select(Path.GetFileName).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var webNames = web.Select(Path.GetFileName).ToHashSet(StringComparer.OrdinalIgnoreCase);
        List<string> needed =
            [.. fit.ExtensionPaths.Prepend(fit.AssemblyPath).Select(p => Path.GetFileName(p)).Where(n => !frameworkNames.Contains(n))];
        // An assembly the Web SDK also has (IServiceCollection's) is no reason for a package: a package that brings it along is
        // proposed only for what only packages have.
        var packageOnly = needed.Where(n => !webNames.Contains(n)).ToList();
        var package = packageOnly.Count == 0 ? null : found.Where(f => packageOnly.All(n => Brings(f, n)))
            .OrderBy(f => fit.ExtensionPaths.Any(p => Declares(f, p)) ? 0 : Declares(f, fit.AssemblyPath) ? 1 : 2)
            .ThenBy(f => f.Compile.Count).FirstOrDefault();
        return (package?.Package, needed.Any(n => webNames.Contains(n) && (package is null || !Brings(package, n))));
    }

    private static bool Brings(PackageInference.Found package, string assembly) =>
        package.Compile.Any(c => string.Equals(Path.GetFileName(c), assembly, StringComparison.OrdinalIgnoreCase));

    /// <summary>The package is the one named as the assembly (<c>Polly.Extensions</c> for <c>Polly.Extensions.dll</c>).</summary>
    private static bool Declares(PackageInference.Found package, string assemblyPath) =>
        string.Equals(package.Package.Id, Path.GetFileNameWithoutExtension(assemblyPath), StringComparison.OrdinalIgnoreCase);
}
