using SnippetCheck.Model;
using SnippetCheck.Extraction.Snippets;

namespace SnippetCheck.References;

/// <summary>One program's directives, merged, and the projects and packages they ask for, built and restored.</summary>
internal sealed partial class DependencyResolver
{
    /// <summary>Builds each project the directives name once (by its full path), adding what it compiles to; null when all built.</summary>
    private async Task<ProgramDependencies?> AddProjectsAsync(
        List<(ProjectRequest Request, Snippet? Owner)> projects, string markdownFolder, Gathered gathered, Blame blame,
        CancellationToken cancellationToken)
    {
        foreach (var (request, owner) in projects.DistinctBy(p => Path.GetFullPath(p.Request.Path, markdownFolder)))
        {
            var built = await _projects.BuildAsync(Path.GetFullPath(request.Path, markdownFolder), cancellationToken).ConfigureAwait(false);
            // A refused reach speaks for itself (--untrusted refuses ...), at the directive's line.
            if (built.Assets is null && built.Code is { } refused)
                return blame.Fail(owner, FailureReason.Package, refused, built.Error!, request.Location);
            if (built.Assets is not { } assets)
            {
                return blame.Fail(owner, FailureReason.Package, DiagnosticCodes.Package,
                    $"project '{request.Path}' could not be built: {FirstLine(built.Error)}", request.Location, MoreThanOneLine(built.Error));
            }
            gathered.Add(assets);
        }
        return null;
    }

    /// <summary>Restores the program's packages, the config's among them, as one set, adding what they compile to; null when restored.</summary>
    private async Task<ProgramDependencies?> AddPackagesAsync(
        Dictionary<string, (PackageRequest Request, Snippet? Owner)> packages, bool web, Gathered gathered, Blame blame,
        CancellationToken cancellationToken)
    {
        var set = new PackageSet(packages.Values.Select(p => p.Request));
        var restored = await _restorer.ResolveAsync(set, web, cancellationToken).ConfigureAwait(false);
        if (restored.Assets is not { } assets)
        {
            // Pin the failure on the package the restore names, else on the first one asked for.
            var named = packages.Values.FirstOrDefault(p => restored.Error!.Contains(p.Request.Id, StringComparison.OrdinalIgnoreCase));
            var (request, owner) = named.Request is not null ? named : packages.Values.First();
            return blame.Fail(owner, FailureReason.Package, DiagnosticCodes.Package,
                $"package restore failed: {FirstLine(restored.Error)}", request.Location, MoreThanOneLine(restored.Error));
        }
        gathered.Add(assets);
        // A pin the source lacks is never silently compiled against another version (a pass there proves nothing of it): the block is not
        // verified at the version it names, a setup problem its message says, not rot. The config's packages are
        // resolved for the run, not at a block's directive: a config pin the source lacks stops the run (RunReferences).
        foreach (var (request, owner) in packages.Values.Where(p => !_configPackages.Contains(p.Request)))
        {
            if (SubstitutedVersion(request, assets) is { } substituted)
                return blame.Fail(owner, FailureReason.PinNotServed, substituted.Id, substituted.Message, request.Location);
        }
        return null;
    }

    /// <summary>A failure is the block's whose directive caused it, or the program's first block's when a prelude's did.</summary>
    private readonly record struct Blame(Snippet FirstBlock)
    {
        public ProgramDependencies Fail(
            Snippet? owner, FailureReason reason, string code, string message, SourceLocation location, string? detail = null) =>
            ProgramDependencies.Failure(new DependencyFailure(owner ?? FirstBlock, reason, code, message, location, detail));
    }

    /// <summary>What one program's preludes and blocks ask for, merged, each with the block that asked (null: a prelude).</summary>
    private sealed class AskedFor
    {
        public Dictionary<string, (PackageRequest Request, Snippet? Owner)> Packages { get; } = new(StringComparer.OrdinalIgnoreCase);
        public Dictionary<string, PropertyDirective> Properties { get; } = new(StringComparer.Ordinal);
        public List<(ProjectRequest Request, Snippet? Owner)> Projects { get; } = [];
        public bool Web { get; private set; }

        /// <summary>
        /// The directives merged into <paramref name="asked"/>; the failure of the first directive error, else of the first
        /// conflict (two versions of a package, two values of a property, a property against its block's tag).
        /// </summary>
        public static ProgramDependencies? Merge(
            IReadOnlyList<(SnippetDirectives Directives, Snippet? Owner)> sources, Blame blame, out AskedFor asked)
        {
            asked = new AskedFor();
            foreach (var (directives, owner) in sources)
            {
                if (directives.Errors.FirstOrDefault() is { } error) return blame.Fail(
                    owner, FailureReason.Annotation, error.Id, error.Message, error.Location);
            }
            foreach (var (directives, owner) in sources)
            {
                if (asked.Add(directives, owner, blame) is { } conflict) return conflict;
            }
            return null;
        }

        private ProgramDependencies? Add(SnippetDirectives directives, Snippet? owner, Blame blame)
        {
            foreach (var package in directives.Packages)
            {
                if (!Packages.TryGetValue(package.Id, out var earlier))
                {
                    Packages[package.Id] = (package, owner);
                }
                else if (earlier.Request.Version != package.Version)
                {
                    return blame.Fail(owner, FailureReason.Annotation, DiagnosticCodes.ConflictingDirective,
                        $"package '{package.Id}' is asked for in version {package.Version} here, but in {earlier.Request.Version} at line " +
                        $"{earlier.Request.Location.Line}; " +
                        "one program can use only one version of a package", package.Location);
                }
            }
            foreach (var property in directives.Properties)
            {
                if (Properties.TryGetValue(property.Name, out var earlier) && earlier.Setting != property.Setting)
                    return blame.Fail(owner, FailureReason.Annotation, DiagnosticCodes.ConflictingDirective,
                        $"'{property.Name}' is set to '{property.Value}' here, but to '{earlier.Value}' at line {earlier.Location.Line}",
                        property.Location);
                Properties.TryAdd(property.Name, property);
                if (owner is not null && TagConflict(owner.Tags, property) is { } conflict)
                    return blame.Fail(owner, FailureReason.Annotation, DiagnosticCodes.ConflictingDirective, conflict, property.Location);
            }
            Projects.AddRange(directives.Projects.Select(p => (p, owner)));
            Web |= directives.WebSdk is not null;
            return null;
        }
    }

    /// <summary>The assemblies one program compiles and runs against: the config's, then its projects', then its packages'.</summary>
    private sealed class Gathered(ResolvedAssets configured, bool web)
    {
        public List<string> Compile { get; } = new(configured.Compile);
        public List<string> Runtime { get; } = new(configured.Runtime);
        public bool AspNetCore { get; private set; } = web || configured.UsesAspNetCore;

        public void Add(ResolvedAssets assets)
        {
            Compile.AddRange(assets.Compile);
            Runtime.AddRange(assets.Runtime);
            AspNetCore |= assets.UsesAspNetCore;
        }
    }
}
