using System.CommandLine;
using System.CommandLine.Invocation;
using SnippetCheck.Reporting;

namespace SnippetCheck.Cli;

/// <summary>
/// <c>--version</c>: the version (Directory.Build.props, or the release tag's) and the commit it was built from,
/// <c>1.2.3+abcdef1</c>. The composite action keys its result cache on this line, so a new build starts a new cache.
/// </summary>
internal sealed class PrintVersionAction : SynchronousCommandLineAction
{
    public override int Invoke(ParseResult parseResult)
    {
        parseResult.InvocationConfiguration.Output.WriteLine(ToolInfo.VersionWithCommit);
        return ExitCodes.Success;
    }
}
