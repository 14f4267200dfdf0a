using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using SnippetCheck.Compilation;
using SnippetCheck.Extraction.Snippets;

namespace SnippetCheck.References;

/// <summary>
/// What one program (a lone snippet or a session) needs beyond the base class library, resolved: extra
/// references for the compiler, assemblies for the runner, and the compile settings its <c>#:property</c>
/// and <c>#:sdk</c> directives ask for. Or, when something could not be had, the failure to report.
/// </summary>
internal sealed class ProgramDependencies
{
    private static readonly ConcurrentDictionary<(string Path, DateTime Written), MetadataReference> ReferenceCache = new();

    private readonly DependencyFailure? _failure;
    private readonly IReadOnlyList<string> _compile;
    private readonly bool _web;
    private readonly bool _webUsings;
    private readonly IReadOnlyList<CompileProperty> _properties;

    /// <summary>Nothing beyond the base class library: settings pass through unchanged.</summary>
    public static readonly ProgramDependencies None = new(null, [], [], false, false, []);

    private ProgramDependencies(DependencyFailure? failure, IReadOnlyList<string> compile, IReadOnlyList<string> runtime,
        bool web, bool webUsings, IReadOnlyList<CompileProperty> properties, IReadOnlyList<string>? usings = null)
    {
        _usings = usings ?? [];
        _failure = failure;
        _compile = compile;
        RuntimePaths = [.. runtime];
        _web = web;
        _webUsings = webUsings;
        _properties = properties;
    }

    internal static ProgramDependencies Failure(DependencyFailure failure) => new(failure, [], [], false, false, []);

    internal static ProgramDependencies Resolved(IReadOnlyList<string> compile, IReadOnlyList<string> runtime, bool web, bool webUsings,
        IReadOnlyList<CompileProperty> properties) => new(null, compile, runtime, web, webUsings, properties);

    private readonly IReadOnlyList<string> _usings;

    /// <summary>These with <paramref name="usings"/> added to the program's global usings.</summary>
    internal ProgramDependencies WithUsings(IReadOnlyList<string> usings) =>
        new(_failure, _compile, RuntimePaths, _web, _webUsings, _properties, usings) { Warnings = Warnings };

    /// <summary>
    /// What resolving said that <c>dotnet run</c> would show too, at the directive it concerns: a pinned version no
    /// source has, for which NuGet took the nearest higher one (NU1603). Each goes to the block that asked.
    /// </summary>
    public IReadOnlyList<Model.Diagnostic> Warnings { get; private init; } = [];

    /// <summary>These with <paramref name="warnings"/> to report.</summary>
    internal ProgramDependencies WithWarnings(IReadOnlyList<Model.Diagnostic> warnings) =>
        new(_failure, _compile, RuntimePaths, _web, _webUsings, _properties, _usings) { Warnings = warnings };

    /// <summary>True when the program must not be compiled: see <see cref="Problem"/>.</summary>
    public bool Failed => _failure is not null;

    /// <summary>What could not be had, and which block owns the problem; null when everything was resolved.</summary>
    public DependencyFailure? Problem => _failure;

    /// <summary>Assemblies the runner may load for the program (its <c>dependencyPaths</c>).</summary>
    public string[] RuntimePaths { get; }

    /// <summary>
    /// The settings with the program's references and <c>#:property</c> values applied. A package assembly
    /// that shares its name with a framework one replaces it, as the SDK's conflict resolution decided.
    /// </summary>
    public CompileSettings Apply(CompileSettings settings)
    {
        if (ReferenceEquals(this, None)) return settings;
        var references = settings.References;
        if (_web) references = references.AddRange(ReferenceAssemblies.Web);
        if (_compile.Count > 0)
        {
            var extra = _compile.Select(ReferenceFor).ToList();
            var replaced = _compile.Select(Path.GetFileNameWithoutExtension).ToHashSet(StringComparer.OrdinalIgnoreCase);
            references = [.. references.Where(
                r => r is not PortableExecutableReference { FilePath: { } path } || !replaced.Contains(Path.GetFileNameWithoutExtension(path))),
                .. extra];
        }

        var result = settings with { References = references };
        foreach (var property in _properties)
        {
            result = property switch
            {
                CompileProperty.LangVersion l => result with { LanguageVersion = l.Version },
                CompileProperty.Nullable n => result with { Nullable = n.Options },
                CompileProperty.AllowUnsafeBlocks a => result with { AllowUnsafe = a.Allow },
                CompileProperty.TreatWarningsAsErrors t => result with { WarningsAsErrors = t.Treat },
                CompileProperty.ImplicitUsings { Enable: false } => result with { Usings = [] },
                _ => result,
            };
        }
        if (_webUsings && !_properties.Contains(new CompileProperty.ImplicitUsings(false)))
            result = result with { Usings = [.. result.Usings.Concat(ReferenceAssemblies.WebUsings).Distinct(StringComparer.Ordinal)] };
        if (_usings.Count > 0)
            result = result with { Usings = [.. result.Usings.Concat(_usings).Distinct(StringComparer.Ordinal)] };
        return result;
    }

    private static MetadataReference ReferenceFor(string path) =>
        ReferenceCache.GetOrAdd((path, File.GetLastWriteTimeUtc(path)), key => MetadataReference.CreateFromFile(key.Path));
}
