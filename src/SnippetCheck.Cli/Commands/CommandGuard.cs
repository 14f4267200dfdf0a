using SnippetCheck.Model;
using SnippetCheck.Reporting;

namespace SnippetCheck.Cli.Commands;

/// <summary>Turns what stops a command (bad config, no documents, Ctrl+C, a bug) into a tool message and exit code 2.</summary>
internal static class CommandGuard
{
    /// <param name="command">The command's work.</param>
    /// <param name="errors">Where the tool message goes (default: standard error as text).</param>
    public static async Task<int> RunAsync(Func<Task<int>> command, ConsoleWriter? errors = null)
    {
        errors ??= new ConsoleWriter(Console.Error);
        try
        {
            return await command();
        }
        catch (VerificationSetupException e)
        {
            errors.Write(e);
            return ExitCodes.ToolError;
        }
        catch (OperationCanceledException)
        {
            errors.WriteToolError("cancelled");
            return ExitCodes.ToolError;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            errors.WriteInternalError(e);
            return ExitCodes.ToolError;
        }
    }
}
