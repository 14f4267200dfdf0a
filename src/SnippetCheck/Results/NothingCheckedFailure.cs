using SnippetCheck.Model;

namespace SnippetCheck.Results;

/// <summary>Tagged <c>check</c>, but nothing in it binds to the framework or a package: every name is the post's own or unknown.</summary>
internal sealed record NothingCheckedFailure(SourceLocation At) : Failure(At)
{
    public override FailureReason Reason => FailureReason.NothingChecked;
    public override string Code => DiagnosticCodes.NothingChecked;
    /// <summary>Why what binds is not enough (<see cref="Compilation.CheckEvidence.Shortfall"/>); null when nothing binds at all.</summary>
    public string? Shortfall { get; init; }

    public override string Message => Shortfall is null
        ? "tagged check, but nothing in it binds to the framework or a package, so it checks nothing; tag it 'ignore', or show the API it uses"
        : $"tagged check, but {Shortfall}, so it checks too little; tag it 'ignore', " +
          "or show what its unknown names are (a hidden prelude, 'packages=')";
}
