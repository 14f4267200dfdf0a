using SnippetCheck.Model;
using SnippetCheck.Extraction.Snippets;

namespace SnippetCheck.Programs;

/// <summary>Where a pin is written, which decides how <c>outdated --write</c> moves it.</summary>
internal enum PinPlace
{
    /// <summary>A block's <c>packages=Id@Version</c> tag (info string or <c>snippetcheck:</c> comment).</summary>
    Tag,

    /// <summary>A <c>#:package Id@Version</c> or <c>#r "nuget: Id, Version"</c> line of a block or prelude.</summary>
    Directive,

    /// <summary>
    /// The config's <c>packages</c> list (one place for every program of the run), or its <c>packageVersions</c> entry that
    /// gives the blocks tagged <c>packages=Id</c> their version.
    /// </summary>
    Config,

    /// <summary>
    /// .NET itself: the newest framework a block verifies on (a matrix, <c>frameworks=</c>, <c>#:property TargetFramework</c>).
    /// <c>outdated</c> reports it, and <c>--write</c> leaves it: which .NETs a post covers is the author's choice.
    /// </summary>
    Framework,
}

/// <summary>One pinned package as the author wrote it, at the place its text stands.</summary>
public sealed record PackagePin
{
    internal PackagePin(string id, string version, PinPlace place, SourceLocation location)
    {
        Id = id;
        Version = version;
        Place = place;
        Location = location;
    }

    /// <summary>.NET itself as a pin: the newest framework a block verifies on, which <c>outdated --write</c> leaves alone.</summary>
    public static PackagePin Framework(TargetFramework framework, SourceLocation location) =>
        new(".NET", framework.Moniker, PinPlace.Framework, location);

    /// <summary>The package ID (<c>.NET</c> for <see cref="Framework"/>'s pin).</summary>
    public string Id { get; init; }

    /// <summary>The version pinned (the framework's moniker for <see cref="Framework"/>'s pin).</summary>
    public string Version { get; init; }

    /// <summary>Where the pin is written, which decides how <c>outdated --write</c> moves it.</summary>
    internal PinPlace Place { get; }

    /// <summary>The directive, the tag's source, or the config file (line 1).</summary>
    public SourceLocation Location { get; init; }

    /// <summary>Where the pin is written, as a word: <c>tag</c>, <c>directive</c>, <c>config</c> or <c>framework</c>.</summary>
    public string PlaceWord => Place.ToString().ToLowerInvariant();

    /// <summary>True for .NET itself (<see cref="Framework"/>): reported, never moved.</summary>
    public bool IsFramework => Place == PinPlace.Framework;

    /// <summary><c>AutoMapper@8.0.0</c>, as a tag or the config writes it.</summary>
    public string Text => $"{Id}@{Version}";
}

/// <summary>
/// The pins a block's program restores, as docs/packages.md says: its own and its session's blocks' pins (one program),
/// its preludes' (the file's, and its session's), and the config's that it does not pin itself (a block's own version wins).
/// </summary>
internal static class ProgramPins
{
    /// <param name="configPackages">The config's <c>packages</c>, located at the config file.</param>
    public static IReadOnlyList<PackagePin> Of(SnippetDocument document, Snippet block, IReadOnlyList<PackageRequest> configPackages)
    {
        var program = block.Tags.Session is { } session
            ? document.Snippets.Where(s => s.Tags.Session == session && s.Kind.Rule().Verified)
            : [block];
        var own = program.SelectMany(BlockPins)
            .Concat(document.Preludes.Where(p => p.Session is null || p.Session == block.Tags.Session)
                .SelectMany(p => p.Directives.Packages.Select(r => Pin(r, PinPlace.Directive))))
            .Distinct()
            .ToList();
        var configured = configPackages.Where(c => !own.Any(p => p.Id.Equals(c.Id, StringComparison.OrdinalIgnoreCase))).Select(
            r => Pin(r, PinPlace.Config));
        return [.. own, .. configured];
    }

    private static IEnumerable<PackagePin> BlockPins(Snippet block) =>
        block.BlockDirectives.Packages.Select(r => Pin(r, PinPlace.Directive)).Concat(block.Tags.Packages.Select(r => Pin(r, PinPlace.Tag)));

    /// <summary>A <c>packages=Id</c> tag's pin is the config's <c>packageVersions</c> entry it took its version from.</summary>
    private static PackagePin Pin(PackageRequest request, PinPlace place) => request.PinLocation is { } at
        ? new(request.Id, request.Version, PinPlace.Config, at) : new(request.Id, request.Version, place, request.Location);
}
