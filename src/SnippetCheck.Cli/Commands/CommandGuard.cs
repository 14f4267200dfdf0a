using SnippetCheck.Model;
using SnippetCheck.Reporting;
using SnippetCheck.Verification;

namespace SnippetCheck.Cli.Commands;

/// <summary>Turns what stops a command (bad config, no documents, Ctrl+C, a bug) into a tool message and exit code 2.</summary>
internal static class CommandGuard
{
    public static async Task<int> RunAsync(Func<Task<int>> command)
    {
        try
        {
            return await command();
        }
        catch (VerificationSetupException e)
        {
            await Console.Error.WriteLineAsync(ToolMessage.Error(e.Code, e.Message));
            return ExitCodes.ToolError;
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync(ToolMessage.Text("cancelled"));
            return ExitCodes.ToolError;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            await Console.Error.WriteLineAsync(ToolMessage.Error(DiagnosticCodes.InternalError, $"internal error: {e}"));
            return ExitCodes.ToolError;
        }
    }
}
