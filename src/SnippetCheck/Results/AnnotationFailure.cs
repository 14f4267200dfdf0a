using SnippetCheck.Model;

namespace SnippetCheck.Results;

/// <summary>Its tags are wrong: the annotation diagnostic says how, with its own code (SC1001 for a near miss, ...).</summary>
internal sealed record AnnotationFailure(Diagnostic Diagnostic) : Failure(Diagnostic.Location)
{
    public override FailureReason Reason => FailureReason.Annotation;
    public override string Code => Diagnostic.Id;
    public override string Message => Diagnostic.Message;
}
