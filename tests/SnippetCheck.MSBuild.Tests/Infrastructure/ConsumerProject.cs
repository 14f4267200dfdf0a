namespace SnippetCheck.MSBuild.Tests.Infrastructure;

/// <summary>A user's project in a temporary folder that references the packed SnippetCheck.MSBuild.</summary>
public sealed class ConsumerProject : IDisposable
{
    private readonly PackedPackage _package;

    internal ConsumerProject(PackedPackage package, string directory, string projectProperties)
    {
        _package = package;
        Directory = directory;
        System.IO.Directory.CreateDirectory(directory);
        // The package's own feed, then the user's global package folder (read only) for anything else the SDK asks
        // for, such as NETStandard.Library, so the tests need no network.
        Write("nuget.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="snippetcheck-e2e" value="{package.Feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
              <fallbackPackageFolders>
                <add key="global" value="{GlobalPackagesFolder}" />
              </fallbackPackageFolders>
            </configuration>
            """);
        Write("Consumer.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                {projectProperties}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="SnippetCheck.MSBuild" Version="{package.Version}" />
              </ItemGroup>
            </Project>
            """);
    }

    public string Directory { get; }

    public void Dispose() => PackedPackage.TryDelete(Directory);

    private static string GlobalPackagesFolder =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } folder
            ? folder
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    public void Write(string relativePath, string content)
    {
        var full = Path.Combine(Directory, relativePath);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
    }

    /// <summary>
    /// <c>dotnet build</c> at normal verbosity (so skipped targets and the CLI's detail lines show), with no build
    /// servers left running afterwards.
    /// </summary>
    public DotnetResult Build(params string[] extraArguments) => Dotnet.Run(
        Directory,
        new Dictionary<string, string> { ["NUGET_PACKAGES"] = _package.PackagesFolder },
        ["build", "-v:n", "-tl:off", "--disable-build-servers", .. extraArguments]);
}
