using System.CommandLine;
using System.CommandLine.Invocation;
using SnippetCheck.Reporting;

namespace SnippetCheck.Cli;

/// <summary><c>--version</c>: the version from Directory.Build.props, without the commit hash the SDK appends.</summary>
internal sealed class PrintVersionAction : SynchronousCommandLineAction
{
    public override int Invoke(ParseResult parseResult)
    {
        parseResult.InvocationConfiguration.Output.WriteLine(ToolInfo.Version);
        return ExitCodes.Success;
    }
}
