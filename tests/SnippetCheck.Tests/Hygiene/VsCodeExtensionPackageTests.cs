using System.Text.Json;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Hygiene;

/// <summary>
/// The .vsix (src/SnippetCheck.VSCode, packed by eng/release/vsix.sh) carries the repository's LICENSE and icon:
/// vsce looks for them beside package.json, where 'npm run package' copies them first, so each has one source.
/// </summary>
public sealed class VsCodeExtensionPackageTests
{
    private static readonly JsonElement Manifest =
        JsonDocument.Parse(File.ReadAllText(RepositoryRoot.PathOf("src/SnippetCheck.VSCode/package.json"))).RootElement;

    [Fact]
    public void Packaging_copies_the_repository_s_license_and_icon_beside_the_manifest()
    {
        var scripts = Manifest.GetProperty("scripts");
        var prepackage = scripts.GetProperty("prepackage").GetString()!;

        Assert.Equal("MIT", Manifest.GetProperty("license").GetString());
        Assert.Equal("icon.png", Manifest.GetProperty("icon").GetString());
        Assert.Contains("['../../LICENSE', 'LICENSE']", prepackage, StringComparison.Ordinal);
        Assert.Contains("['../../assets/icon.png', 'icon.png']", prepackage, StringComparison.Ordinal);
        Assert.DoesNotContain("--skip-license", scripts.GetProperty("package").GetString()!, StringComparison.Ordinal);
        Assert.True(File.Exists(RepositoryRoot.PathOf("LICENSE")));
        Assert.True(File.Exists(RepositoryRoot.PathOf("assets/icon.png")));
    }

    [Fact]
    public void The_icon_is_a_128_pixel_square_png()
    {
        var png = File.ReadAllBytes(RepositoryRoot.PathOf("assets/icon.png"));

        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A], png[..8]);
        // The IHDR chunk's width and height, big-endian, after its length and type.
        Assert.Equal(128, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)));
        Assert.Equal(128, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
    }

    [Fact]
    public void The_store_publishers_are_pinned_dev_dependencies()
    {
        var devDependencies = Manifest.GetProperty("devDependencies");

        Assert.Matches(@"^\d+\.\d+\.\d+$", devDependencies.GetProperty("@vscode/vsce").GetString()!);
        Assert.Matches(@"^\d+\.\d+\.\d+$", devDependencies.GetProperty("ovsx").GetString()!);
    }
}
