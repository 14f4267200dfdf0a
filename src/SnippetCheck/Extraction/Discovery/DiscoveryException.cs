namespace SnippetCheck.Extraction.Discovery;

/// <summary>Raised for a path argument that names nothing.</summary>
internal sealed class DiscoveryException(string message) : Exception(message);
