namespace SnippetCheck.Execution;

/// <summary>
/// Which half of a project's <c>dotnet</c> work a command is: NuGet's restore, or the build that runs the project's and its packages' targets.
/// </summary>
internal enum BuildStep { Restore, Build, Sdk }
