using SnippetCheck.Model;

namespace SnippetCheck.Results;

/// <summary>
/// Tagged <c>check</c>, and something binds, but not what the block is about (docs/authoring.md, "What check counts"):
/// its first member call is made on a receiver of unknown type (<paramref name="Call"/>), or, with no such call, all
/// it binds is the framework's beside <paramref name="UnboundCalls"/> calls its packages' API may hold. A misspelt
/// method there would pass.
/// </summary>
internal sealed record HollowCheckFailure(SourceLocation At, Compilation.HollowCall? Call, int UnboundCalls) : Failure(At)
{
    public override FailureReason Reason => FailureReason.NothingChecked;
    public override string Code => DiagnosticCodes.HollowCheck;

    public override string Message => Call switch
    {
        { RootDeclaredNowhere: true } => $"tagged check, but its first call, '{Call.Method}' on '{Call.Root}', is made on a name declared " +
            $"nowhere, so a misspelt '{Call.Method}' or an argument more would pass; declare it (given={Call.Root}:TYPE), name the package " +
            "that declares its type (packages=), or tag the block 'ignore'",
        { } => $"tagged check, but its first call, '{Call.Method}' on '{Call.Root}', is made on a value whose type is declared nowhere, so a " +
            $"misspelt '{Call.Method}' or an argument more would pass; name the package that declares that type (packages=), declare it in a " +
            "hidden prelude, or tag the block 'ignore'",
        null => $"tagged check, but all it binds is the framework's, none of its packages, beside {UnboundCalls} " +
            $"call{(UnboundCalls == 1 ? "" : "s")} left unbound on unknown names, so it checks none of what it shows; declare those names " +
            "(given=NAME:TYPE, a hidden prelude), or tag the block 'ignore'",
    };
}
