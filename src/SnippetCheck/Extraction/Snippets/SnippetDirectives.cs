using System.Collections.Immutable;
using Microsoft.CodeAnalysis.CSharp;
using SnippetCheck.Model;

namespace SnippetCheck.Extraction.Snippets;

/// <summary>A project a snippet references with <c>#:project PATH</c>; the path is relative to the Markdown file.</summary>
internal sealed record ProjectRequest(string Path, SourceLocation Location);

/// <summary>
/// A <c>#:property Name=Value</c> that changes how a snippet compiles, parsed once where it is read: <see cref="Name"/>
/// in its canonical spelling, <see cref="Value"/> normalized (for messages and keys), <see cref="Setting"/> typed.
/// </summary>
internal sealed record PropertyDirective(string Name, string Value, SourceLocation Location, CompileProperty Setting);

/// <summary>What a supported <c>#:property</c> sets, typed (<see cref="DirectiveReader.CompileProperties"/>).</summary>
internal abstract record CompileProperty
{
    private CompileProperty()
    {
    }

    internal sealed record LangVersion(LanguageVersion Version) : CompileProperty;

    public sealed record Nullable(Microsoft.CodeAnalysis.NullableContextOptions Options) : CompileProperty;

    internal sealed record AllowUnsafeBlocks(bool Allow) : CompileProperty;

    internal sealed record TreatWarningsAsErrors(bool Treat) : CompileProperty;

    internal sealed record ImplicitUsings(bool Enable) : CompileProperty;

    /// <summary><c>#:property TargetFramework=net8.0</c>: the program verifies on that framework alone, as <c>dotnet run</c> builds it.</summary>
    public sealed record TargetFramework(Model.TargetFramework Framework) : CompileProperty;
}

/// <summary>
/// The packages of one program, sorted by ID. Two programs with equal <see cref="Key"/>s restore to the same
/// assemblies, so they may share a compilation; programs with different keys never may.
/// </summary>
internal sealed record PackageSet
{
    internal static readonly PackageSet Empty = new([]);

    /// <summary>The set of <paramref name="packages"/>, in a stable order.</summary>
    public PackageSet(IEnumerable<PackageRequest> packages)
    {
        Packages = [.. packages.OrderBy(p => p.Key, StringComparer.Ordinal)];
        Key = string.Join(';', Packages.Select(p => p.Key));
    }

    internal ImmutableArray<PackageRequest> Packages { get; }

    /// <summary><c>id@version;id@version</c>, lower-case IDs, sorted: stable across runs and machines.</summary>
    internal string Key { get; }

    internal bool IsEmpty => Packages.IsEmpty;

    /// <summary>Two sets are equal when they hold the same packages (<see cref="Key"/>).</summary>
    public bool Equals(PackageSet? other) => other is not null && Key == other.Key;

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Key);

    /// <summary>The set's key: <c>id@version;id@version</c>.</summary>
    public override string ToString() => Key;
}

/// <summary>
/// What the <c>#:</c> and <c>#r</c> directives of one block (or prelude) ask for, read once with the block.
/// Problems in them are kept in <see cref="Errors"/> and reported only when the block is verified, so an
/// untagged block that shows a file-based app is never failed for its directives.
/// </summary>
internal sealed record SnippetDirectives
{
    public static readonly SnippetDirectives None = new();

    public IReadOnlyList<PackageRequest> Packages { get; init; } = [];

    public IReadOnlyList<ProjectRequest> Projects { get; init; } = [];

    public IReadOnlyList<PropertyDirective> Properties { get; init; } = [];

    /// <summary>Where <c>#:sdk Microsoft.NET.Sdk.Web</c> stands; null without it.</summary>
    public SourceLocation? WebSdk { get; init; }

    /// <summary>Malformed, unknown, unsupported or misplaced directives, each at its own line and column.</summary>
    public IReadOnlyList<Diagnostic> Errors { get; init; } = [];

    public bool IsEmpty => Packages.Count == 0 && Projects.Count == 0 && Properties.Count == 0 && WebSdk is null && Errors.Count == 0;

    /// <summary>The packages alone, as a set.</summary>
    public PackageSet PackageSet => Packages.Count == 0 ? PackageSet.Empty : new PackageSet(Packages);

    /// <summary>
    /// Everything the directives change about compiling and running, as one stable string ("" for none).
    /// Snippets with different keys must never share a compilation.
    /// </summary>
    public string Key
    {
        get
        {
            if (IsEmpty) return "";
            var parts = new List<string>();
            if (Packages.Count > 0) parts.Add("packages=" + PackageSet.Key);
            if (Projects.Count > 0) parts.Add("projects=" + string.Join(';', Projects.Select(p => p.Path).Order(StringComparer.Ordinal)));
            if (Properties.Count > 0) parts.Add(
                "properties=" + string.Join(';', Properties.Select(p => $"{p.Name}={p.Value}").Order(StringComparer.Ordinal)));
            if (WebSdk is not null) parts.Add("sdk=web");
            if (Errors.Count > 0) parts.Add("errors");
            return string.Join('|', parts);
        }
    }
}
