namespace SnippetCheck.Compilation;

/// <summary>Raised when the .NET targeting pack that snippets compile against cannot be found.</summary>
internal sealed class TargetingPackMissingException(string message) : Exception(message);
