namespace SnippetCheck.Reporting;

/// <summary>
/// The tool's lines about itself, as opposed to findings in posts: <c>snippetcheck: error CODE: message</c> when it
/// cannot do its job (the MSBuild task reads that form back into a build error), <c>snippetcheck: message</c> else.
/// </summary>
internal static class ToolMessage
{
    private const string Prefix = "snippetcheck: ";

    /// <summary><c>snippetcheck: error SC3001: message</c>; the message may start with the place at fault.</summary>
    public static string Error(string code, string message) => $"{Prefix}error {code}: {message}";

    /// <summary><c>snippetcheck: message</c>: a bad argument, or the tool stopping.</summary>
    public static string Text(string message) => Prefix + message;
}
