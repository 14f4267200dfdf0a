namespace SnippetCheck.Model;

/// <summary>Raised when the tool cannot do its job at all (exit code 2): bad config, nothing to verify.</summary>
public sealed class VerificationSetupException : Exception
{
    /// <summary>A problem with no place of its own.</summary>
    public VerificationSetupException(string code, string message) : base(message)
    {
        Code = code;
        Problem = message;
    }

    /// <summary>A problem at a place in a file (a config key): the message reads <c>place: problem</c>.</summary>
    public VerificationSetupException(string code, SourceLocation place, string problem) : base($"{place}: {problem}")
    {
        Code = code;
        Place = place;
        Problem = problem;
    }

    /// <summary>The diagnostic code of the problem (<c>SC3001</c> for a bad config, <c>SC3004</c> for no documents).</summary>
    public string Code { get; }

    /// <summary>Where the problem is, when it is at a place in a file.</summary>
    public SourceLocation? Place { get; }

    /// <summary>The message without its place.</summary>
    public string Problem { get; }
}
