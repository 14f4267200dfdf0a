using System.IO.Compression;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SnippetCheck.Tests.Infrastructure;

/// <summary>
/// A NuGet feed in a folder, of packages compiled from a line of C# (no network): the versions of a package whose API
/// changes between them, for the removed-name search and the receivers a post creates (issues 54, 55).
/// </summary>
public static class LocalFeed
{
    /// <summary>
    /// A feed folder under <paramref name="root"/>, and a <c>nuget.config</c> in <paramref name="docs"/> that names it as
    /// the only source; the environment that keeps the run's package cache and NuGet folder under <paramref name="root"/> too.
    /// </summary>
    public static (string Feed, Dictionary<string, string?> Environment) Create(string root, string docs)
    {
        var feed = Path.Combine(root, "feed");
        Directory.CreateDirectory(feed);
        Directory.CreateDirectory(docs);
        File.WriteAllText(Path.Combine(docs, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        var environment = new Dictionary<string, string?>
        {
            ["SNIPPETCHECK_PACKAGE_CACHE"] = Path.Combine(root, "cache"),
            ["NUGET_PACKAGES"] = Path.Combine(root, "nuget-packages"),
        };
        return (feed, environment);
    }

    /// <summary>
    /// Writes package <paramref name="id"/> <paramref name="version"/> to <paramref name="feed"/>: one assembly for net10.0
    /// compiled from <paramref name="source"/>; with <paramref name="dependency"/> (<c>Id@Version</c>), a package it depends on;
    /// with <paramref name="payloadBytes"/>, content files of that many random bytes (a package that takes a while to extract).
    /// </summary>
    public static void Pack(string feed, string id, string version, string source, string? dependency = null, int payloadBytes = 0)
    {
        var compilation = CSharpCompilation.Create(id, [CSharpSyntaxTree.ParseText(source)], SnippetCheck.Compilation.ReferenceAssemblies.Default,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var dll = new MemoryStream();
        var emitted = compilation.Emit(dll);
        Assert.True(emitted.Success, string.Join('\n', emitted.Diagnostics));
        using var package = ZipFile.Open(Path.Combine(feed, $"{id.ToLowerInvariant()}.{version}.nupkg"), ZipArchiveMode.Create);
        using (var writer = new StreamWriter(package.CreateEntry($"{id}.nuspec").Open()))
        {
            writer.Write($"""
                <?xml version="1.0" encoding="utf-8"?>
                <package xmlns="http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd">
                  <metadata>
                    <id>{id}</id>
                    <version>{version}</version>
                    <authors>test</authors>
                    <description>A test package.</description>
                    {Dependencies(dependency)}
                  </metadata>
                </package>
                """);
        }
        using (var entry = package.CreateEntry($"lib/net10.0/{id}.dll").Open()) entry.Write(dll.ToArray());
        // In files of 4 KiB: extracting thousands of files takes NuGet a while, as a big package's assemblies and docs do.
        for (var at = 0; at < payloadBytes; at += 4096)
        {
            using var payload = package.CreateEntry($"content/payload/{at / 4096}.bin", CompressionLevel.NoCompression).Open();
            payload.Write(System.Security.Cryptography.RandomNumberGenerator.GetBytes(Math.Min(4096, payloadBytes - at)));
        }
        using var types = new StreamWriter(package.CreateEntry("[Content_Types].xml").Open());
        types.Write("""
            <?xml version="1.0" encoding="utf-8"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
              <Default Extension="nuspec" ContentType="application/octet" />
              <Default Extension="dll" ContentType="application/octet" />
              <Default Extension="bin" ContentType="application/octet" />
            </Types>
            """);
    }

    private static string Dependencies(string? dependency) => dependency?.Split('@') is [var id, var version]
        ? $"<dependencies><group targetFramework=\"net10.0\"><dependency id=\"{id}\" version=\"{version}\" /></group></dependencies>"
        : "";
}
