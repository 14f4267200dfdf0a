// Starts `snippetcheck lsp` for Markdown and MDX files: diagnostics, quick fixes, hover and code lens all come from
// the server; this file only starts it with the user's settings and restarts it when they change.
import * as vscode from "vscode";
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from "vscode-languageclient/node";

let client: LanguageClient | undefined;

function settings() {
  const config = vscode.workspace.getConfiguration("snippetcheck");
  return {
    path: config.get<string>("path", "snippetcheck"),
    runOn: config.get<"save" | "type">("runOn", "save"),
    debounceMs: config.get<number>("debounceMs", 150),
  };
}

async function start(context: vscode.ExtensionContext): Promise<void> {
  const { path, runOn, debounceMs } = settings();
  // The client adds --stdio; `snippetcheck lsp` accepts it.
  const serverOptions: ServerOptions = { command: path, args: ["lsp"], transport: TransportKind.stdio };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: "file", language: "markdown" },
      { scheme: "file", language: "mdx" },
      { scheme: "file", pattern: "**/*.mdx" },
    ],
    initializationOptions: { runOn, debounceMs },
  };
  client = new LanguageClient("snippetcheck", "SnippetCheck", serverOptions, clientOptions);
  context.subscriptions.push(client);
  try {
    await client.start();
  } catch (error) {
    void vscode.window.showErrorMessage(
      `SnippetCheck: could not start '${path} lsp' (${String(error)}). Install the tool (README, "Install") or set snippetcheck.path.`);
  }
}

async function restart(context: vscode.ExtensionContext): Promise<void> {
  // Stopping the server ends its snippet runners with it.
  await client?.stop();
  client = undefined;
  await start(context);
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  context.subscriptions.push(
    vscode.commands.registerCommand("snippetcheck.restart", () => restart(context)),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration("snippetcheck")) void restart(context);
    }),
  );
  await start(context);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
