namespace SnippetCheck.Cli;

/// <summary>The exit codes of docs/commands.md#exit-codes.</summary>
public static class ExitCodes
{
    /// <summary>Every verified snippet passed.</summary>
    public const int Success = 0;

    /// <summary>At least one snippet failed, annotation errors and file errors included.</summary>
    public const int Failures = 1;

    /// <summary>The tool could not do its job: bad arguments or config, no Markdown files, an internal error.</summary>
    public const int ToolError = 2;
}
