using System.CommandLine;
using SnippetCheck.Cli.Lsp;

namespace SnippetCheck.Cli.Commands;

/// <summary>
/// <c>snippetcheck lsp</c>: a language server over stdio (docs/editors.md). Standard output carries only protocol
/// messages, so anything else the tool would print goes to standard error.
/// </summary>
internal static class LspCommand
{
    // Language clients (vscode-languageclient among them) pass --stdio; stdio is the only transport.
    private static readonly Option<bool> StdioOption =
        new("--stdio") { Description = "Talk over standard input and output (the only transport; accepted for clients that pass it)" };

    private static readonly Option<bool> NoSandboxOption = new("--no-sandbox") { Description = "Run snippets unconfined (SECURITY.md)" };

    public static Command Create()
    {
        var lsp = new Command("lsp", "Serve live verdicts to an editor: a Language Server Protocol server over stdio")
        {
            StdioOption, NoSandboxOption,
        };
        lsp.SetAction(RunAsync);
        return lsp;
    }

    private static async Task<int> RunAsync(ParseResult result, CancellationToken cancellationToken)
    {
        var input = Console.OpenStandardInput();
        var output = Console.OpenStandardOutput();
        Console.SetOut(Console.Error);
        var server = new LspServer(new JsonRpcStream(input, output), LspSettings.Default with { NoSandbox = result.GetValue(NoSandboxOption) });
        return await server.RunAsync(cancellationToken);
    }
}
