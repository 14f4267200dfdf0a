namespace SnippetCheck.Model;

/// <summary>Raised when the tool cannot do its job at all (exit code 2): bad config, nothing to verify.</summary>
public sealed class VerificationSetupException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
