namespace SnippetCheck.References;

/// <summary>A <c>dotnet</c> command the tool cannot do without failed; <see cref="Result"/> says how.</summary>
internal sealed class DotnetFailedException(DotnetResult result, string message) : InvalidOperationException(message)
{
    public DotnetResult Result { get; } = result;
}
