using System.IO.Pipes;
using SnippetCheck.Execution;
using SnippetCheck.Runner;

// The runner: a small, long-lived process that runs compiled snippets one at a time, so that nothing a
// snippet does (exit, crash, hang, flood) can touch the tool. The tool talks to it over a named pipe given
// as the only argument; stdin, stdout and stderr stay free for the snippets.
// A build or restore of a post's project: confined as a snippet is, then replaced by the dotnet command (ConfinedExec).
if (args is [ConfinedExec.Flag, var policy, "--", var program, .. var rest]) return ConfinedExec.Run(policy, program, rest);
// A restore's bridge from its network namespace to the tool's proxy (RestoreBridge), started by the restore's ConfinedExec.
if (args is [RestoreBridge.Flag, var socket]) return RestoreBridge.Serve(socket);

if (args.Length != 1)
{
    Console.Error.WriteLine("usage: snippetcheck-runner PIPE-NAME (started by snippetcheck, not by hand)");
    return 2;
}

// Its own process group, so the tool can kill whatever a snippet starts, grandchildren included; and it ends
// that group itself if the tool dies without a word (SIGKILL), so nothing is left running for nobody.
ProcessGroups.LeadNewGroup();

using var pipe = new NamedPipeClientStream(".", args[0], PipeDirection.InOut);
pipe.Connect(TimeSpan.FromSeconds(30));
ToolWatch.Start(pipe);
var host = new SnippetHost(pipe);
// Snippets run on the host's own thread, one after another: a stack as large as a console program's main thread
// would have, and no thread to create per run.
var serving = new Thread(host.Serve, 16 * 1024 * 1024);
serving.Start();
serving.Join();
return 0;
