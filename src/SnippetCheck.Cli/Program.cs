using SnippetCheck.Driver;

// One invocation; when the process ends, no runner or work folder of any invocation outlives it.
try
{
    return await SnippetCheck.Cli.SnippetCheckCommand.InvokeAsync(args);
}
finally
{
    Verifier.ShutdownRunners();
}
