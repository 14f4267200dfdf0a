using SnippetCheck.Model;

namespace SnippetCheck.Results;

/// <summary>
/// A package or project it needs could not be had (<see cref="FailureReason.Package"/>), or a version it pins is on no
/// source (<see cref="FailureReason.PinNotServed"/>): setup problems, never rot.
/// </summary>
internal sealed record PackageFailure(SourceLocation At, string PackageCode, string Description, string? Output,
    FailureReason Why = FailureReason.Package) : Failure(At)
{
    public override FailureReason Reason => Why;
    public override string Code => PackageCode;
    public override string Message => Description;
    public override string? Detail => Output;
}
