using SnippetCheck.Configuration;
using SnippetCheck.Extraction.Discovery;
using SnippetCheck.References;

namespace SnippetCheck.Driver;

/// <summary>A <c>.csproj</c> among the paths: its target frameworks make the matrix, its build joins the references.</summary>
public sealed partial class Verifier
{
    /// <summary>
    /// A multi-targeted <c>.csproj</c> to verify (a library's doc comments) makes the matrix its frameworks that the tool
    /// supports, so each example runs against each target's build; unless config or <c>--frameworks</c> name one.
    /// </summary>
    private static SnippetCheckConfig WithProjectFrameworks(SnippetCheckConfig config, VerifyOptions options)
    {
        if (config.Frameworks is not null || options.CommandLine.Frameworks is not null) return config;
        var frameworks = options.Paths
            .Where(p => DocumentDiscovery.IsProjectFile(p) && File.Exists(Path.GetFullPath(p, options.CurrentDirectory)))
            .SelectMany(p => ProjectTargets.Supported(Path.GetFullPath(p, options.CurrentDirectory)))
            .Distinct().Order().ToList();
        return frameworks.Count > 1 ? config with { Frameworks = frameworks } : config;
    }

    /// <summary>A <c>.csproj</c> to verify is also what its documents compile against: it joins the references.</summary>
    private static VerifyOptions WithProjectReferences(VerifyOptions options)
    {
        var projects = options.Paths
            .Where(p => DocumentDiscovery.IsProjectFile(p) && File.Exists(Path.GetFullPath(p, options.CurrentDirectory)))
            .Select(p => Path.GetFullPath(p, options.CurrentDirectory))
            .ToList();
        return projects.Count == 0 ? options : options with
        {
            Library = options.Library with { References = [.. options.Library.References, .. projects], Projects = projects },
        };
    }
}
