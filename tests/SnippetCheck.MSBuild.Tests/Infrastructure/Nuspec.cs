using System.IO.Compression;
using System.Xml.Linq;

namespace SnippetCheck.MSBuild.Tests.Infrastructure;

/// <summary>What a .nupkg says about itself: its nuspec's metadata and the files it holds.</summary>
public sealed class Nuspec
{
    private readonly XElement _metadata;

    public Nuspec(string packagePath)
    {
        using var archive = ZipFile.OpenRead(packagePath);
        Entries = [.. archive.Entries.Select(e => e.FullName)];
        using var stream = archive.Entries.Single(e => !e.FullName.Contains('/', StringComparison.Ordinal) && e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
        _metadata = XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
    }

    public IReadOnlyList<string> Entries { get; }

    /// <summary>The text of a metadata element (<c>version</c>, <c>readme</c>, <c>icon</c>, ...), or null.</summary>
    public string? Value(string name) => Element(name)?.Value;

    /// <summary>An attribute of a metadata element, such as <c>license</c>'s <c>type</c>, or null.</summary>
    public string? Attribute(string element, string attribute) => Element(element)?.Attribute(attribute)?.Value;

    public bool Has(string name) => Element(name) is not null;

    private XElement? Element(string name) => _metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name);
}
