namespace SnippetCheck.MSBuild.Tests.Infrastructure;

/// <summary>
/// A user's project in a temporary folder that references the packed SnippetCheck.MSBuild. It restores into a
/// package folder of its own (its NUGET_PACKAGES), beside the project, so that disposing it removes everything.
/// </summary>
public sealed class ConsumerProject : IDisposable
{
    private readonly string _home;
    private readonly string _packagesFolder;

    /// <param name="fallbackToUserPackages">
    /// Whether the user's global package folder may supply what the SDK asks for; false for a fresh machine, whose
    /// package folder starts empty.
    /// </param>
    internal ConsumerProject(string feed, string version, string home, string projectProperties, string projectItems, bool fallbackToUserPackages = true)
    {
        _home = home;
        _packagesFolder = Path.Combine(home, "packages");
        Directory = Path.Combine(home, "project");
        System.IO.Directory.CreateDirectory(Directory);
        // The package's feed and the normal source, as a user would have; unless this is a fresh machine, the user's
        // global package folder, read only, supplies what else the SDK asks for (NETStandard.Library) without a download.
        var fallback = fallbackToUserPackages
            ? $"""<fallbackPackageFolders><add key="global" value="{GlobalPackagesFolder}" /></fallbackPackageFolders>"""
            : "";
        Write("nuget.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="snippetcheck-e2e" value="{feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
              {fallback}
            </configuration>
            """);
        Write("Consumer.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                {projectProperties}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="SnippetCheck.MSBuild" Version="{version}" />
                {projectItems}
              </ItemGroup>
            </Project>
            """);
    }

    public string Directory { get; }

    /// <summary>The folder that holds <see cref="Directory"/>, for a layout with projects or docs beside it.</summary>
    public string Home => _home;

    /// <summary>The text of a file, relative to <see cref="Directory"/>.</summary>
    public string Read(string relativePath) => File.ReadAllText(Path.Combine(Directory, relativePath));

    /// <summary>The project's NuGet package folder (its <c>NuGetPackageRoot</c>).</summary>
    public string PackagesFolder => _packagesFolder;

    public void Dispose() => PackedPackage.TryDelete(_home);

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
    /// <c>dotnet build</c> at normal verbosity (so skipped targets and the CLI's detail lines show), on the run's shared
    /// compiler server (<see cref="Dotnet.Run"/>).
    /// </summary>
    public DotnetResult Build(params string[] extraArguments) => Build(new Dictionary<string, string>(), extraArguments);

    /// <summary><see cref="Build(string[])"/> with more environment variables, such as a CI system's.</summary>
    public DotnetResult Build(IReadOnlyDictionary<string, string> environment, params string[] extraArguments) => Dotnet.Run(
        Directory,
        new Dictionary<string, string>(environment) { ["NUGET_PACKAGES"] = _packagesFolder },
        ["build", "-v:n", "-tl:off", .. extraArguments]);
}
