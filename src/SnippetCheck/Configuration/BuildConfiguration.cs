namespace SnippetCheck.Configuration;

/// <summary>The build configuration a snippet compiles in: Debug, as <c>dotnet run</c> builds, or Release.</summary>
internal enum BuildConfiguration { Debug, Release }
