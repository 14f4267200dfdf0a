namespace SnippetCheck.Model;

/// <summary>Raised when the tool cannot do its job at all (exit code 2): bad config, nothing to verify.</summary>
public sealed class VerificationSetupException(string code, string message) : Exception(message)
{
    /// <summary>The diagnostic code of the problem (<c>SC3001</c> for a bad config, <c>SC3004</c> for no documents).</summary>
    public string Code { get; } = code;
}
