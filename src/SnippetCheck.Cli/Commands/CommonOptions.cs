using System.CommandLine;
using SnippetCheck.Driver;
using SnippetCheck.Reporting;

namespace SnippetCheck.Cli.Commands;

/// <summary>The arguments and options <c>verify</c>, <c>list</c> and <c>adopt</c> share, and the parsers they share.</summary>
internal static class CommonOptions
{
    public static readonly Argument<string[]> Paths = NewPaths(hidden: false);

    /// <summary>
    /// The paths of <c>snippetcheck posts</c> (the root command as <c>verify</c>): hidden, because a subcommand's usage
    /// line shows its parents' arguments, and <c>snippetcheck [&lt;paths&gt;...] adopt</c> is no command anyone should type.
    /// </summary>
    public static readonly Argument<string[]> RootPaths = NewPaths(hidden: true);

    private static Argument<string[]> NewPaths(bool hidden) => new("paths")
    {
        Description = "Markdown files, folders or globs, C# files (their doc comments), or a .csproj (its doc comments, against its build); " +
        "default: the current directory",
        Arity = ArgumentArity.ZeroOrMore,
        Hidden = hidden,
    };

    public static readonly Option<string?> Filter = new("--filter") { Description = "Only snippets whose name, file, or file:line matches" };

    public static readonly Option<string?> Config =
        new("--config") { Description = "Path to snippetcheck.json (default: found from the current directory up)" };

    /// <summary>The options of a run from what every command shares: its paths, filter and config.</summary>
    public static VerifyOptions ToOptions(ParseResult result) => new()
    {
        Paths = result.GetValue(result.CommandResult.Command is RootCommand ? RootPaths : Paths) ?? [],
        Filter = result.GetValue(Filter),
        ConfigPath = result.GetValue(Config),
        CurrentDirectory = WorkingDirectory.Current,
        // Every command that may run a post's code honours it: a CI job sets it once for the whole job.
        Untrusted = (result.GetResult(Untrusted) is not null && result.GetValue(Untrusted))
            || VerifyOptions.TurnsUntrustedOn(Environment.GetEnvironmentVariable(VerifyOptions.UntrustedVariable)),
    };

    /// <summary><c>--untrusted</c>: the checkout is a pull request's (<see cref="VerifyOptions.Untrusted"/>); also the variable.</summary>
    public static readonly Option<bool> Untrusted = new("--untrusted")
    {
        Description = "The posts are untrusted (a pull request): refuse every setting that widens the sandbox, run nothing unconfined, "
            + $"never write the result cache, and run each post's snippets apart (also {VerifyOptions.UntrustedVariable}=1)",
    };

    /// <summary>
    /// As <see cref="ToOptions"/>, with how blocks are run: <c>--timeout</c>, <c>--parallel</c>, <c>--no-cache</c>,
    /// <c>--cache-dir</c> and <c>--no-sandbox</c>, for the commands that verify on verify's terms (<c>adopt</c>, <c>outdated</c>).
    /// </summary>
    public static VerifyOptions ToRunOptions(ParseResult result) => SettingOptions.LayOver(ToOptions(result), result) with
    {
        CacheDirectory = result.GetValue(VerifyCommand.CacheDirOption),
    };

    /// <summary>
    /// A <c>--report FORMAT[=PATH]</c> option, its values checked by the core (<see cref="ReportSet.ProblemWith"/>);
    /// <paramref name="jsonOnlyCommand"/> names a command that writes json reports alone, so that another format is a bad
    /// argument, not ignored.
    /// </summary>
    public static Option<string[]> Report(string description, string? jsonOnlyCommand = null)
    {
        var option = new Option<string[]>("--report") { Description = description, Arity = ArgumentArity.ZeroOrMore, HelpName = "FORMAT[=PATH]" };
        option.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
                if (ReportSet.ProblemWith(token.Value, jsonOnlyCommand) is { } problem) result.AddError(problem);
        });
        return option;
    }

    /// <summary>The command's reports: <c>--report</c>'s values (paths from the working directory), and <c>--ci</c>'s when it has one.</summary>
    public static ReportSet Reports(ParseResult result, Option<string[]> report, Option<string>? ci = null) =>
        ReportSet.For(WorkingDirectory.Current, result.GetValue(report) ?? [], ci is null ? "none" : result.GetValue(ci) ?? "auto");
}
