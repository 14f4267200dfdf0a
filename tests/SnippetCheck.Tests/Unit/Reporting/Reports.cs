using SnippetCheck.Model;
using SnippetCheck.Results;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Unit.Reporting;

/// <summary>Hand-made reports for edge cases a real run cannot cheaply produce (huge, hostile text).</summary>
public static class Reports
{
    /// <summary>A report of <paramref name="count"/> failed output matches in <c>posts/many.md</c>.</summary>
    public static VerificationReport Failures(int count, string message = "output differs", string? detail = "- expected\n+ actual")
    {
        var markdown = string.Concat(Enumerable.Range(0, count).Select(i => $"```csharp run name=s{i}\nConsole.WriteLine({i});\n```\n\n"));
        var snippets = Pipeline.Read(markdown, "posts/many.md").Snippets;
        var results = snippets.Select(s => new SnippetResult(s, new Verdict.Failed(new SampleFailure(s.Location, message, detail)),
            [], "actual\n", TimeSpan.FromMilliseconds(10))).ToList();
        return new VerificationReport(1, results, [], TimeSpan.FromSeconds(1));
    }

    /// <summary>One result of each status, with a file error, in <c>posts/mixed.md</c>.</summary>
    public static VerificationReport Mixed()
    {
        const string markdown = """
            ```csharp run name=good
            Console.WriteLine(1);
            ```

            ```csharp run name=bad
            Console.WriteLine(2);
            ```

            ```csharp ignore
            nope
            ```

            ```csharp
            Console.WriteLine(3);
            ```

            ```csharp compile name=skipped
            class C;
            ```
            """;
        var snippets = Pipeline.Read(markdown, "posts/mixed.md").Snippets;
        SnippetResult[] results =
        [
            SnippetResult.Of(snippets[0], Verdict.Pass) with { Duration = TimeSpan.FromMilliseconds(1500) },
            new(snippets[1], new Verdict.Failed(new SampleFailure(snippets[1].Location, "unhandled exception", "trace",
                FailureReason.Exception, DiagnosticCodes.UnexpectedException)), [], "", TimeSpan.FromMilliseconds(250)),
            SnippetResult.Of(snippets[2], new Verdict.Ignored()),
            SnippetResult.Of(snippets[3], Verdict.NotTagged),
            SnippetResult.Of(snippets[4], new Verdict.Skipped("skipped by 'snippetcheck: skip' in front matter")),
        ];
        Diagnostic[] errors = [Diagnostic.Error(DiagnosticCodes.UnreadableFile, "cannot read the file: denied", new("posts/other.md", 0, 0))];
        return new VerificationReport(2, results, errors, TimeSpan.FromSeconds(2.5));
    }
}

/// <summary>A failure with the message and detail a test gives (an output mismatch unless it says otherwise).</summary>
internal sealed record SampleFailure(SnippetCheck.Model.SourceLocation At, string Text, string? More,
    FailureReason Why = FailureReason.OutputMismatch, string WhyCode = DiagnosticCodes.OutputMismatch) : Failure(At)
{
    public override FailureReason Reason => Why;
    public override string Code => WhyCode;
    public override string Message => Text;
    public override string? Detail => More;
}
