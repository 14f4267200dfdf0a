using SnippetCheck.Model;
using SnippetCheck.Snippets;
using SnippetCheck.Tests.Infrastructure;
using SnippetCheck.Verification;

namespace SnippetCheck.Tests.Reporting;

/// <summary>Hand-made reports for edge cases a real run cannot cheaply produce (huge, hostile text).</summary>
public static class Reports
{
    /// <summary>A report of <paramref name="count"/> failed output matches in <c>posts/many.md</c>.</summary>
    public static VerificationReport Failures(int count, string message = "output differs", string? detail = "- expected\n+ actual")
    {
        var markdown = string.Concat(Enumerable.Range(0, count).Select(i => $"```csharp run name=s{i}\nConsole.WriteLine({i});\n```\n\n"));
        var snippets = Pipeline.Read(markdown, "posts/many.md").Snippets;
        var results = snippets.Select(s => new SnippetResult(s, SnippetStatus.Failed, FailureReason.OutputMismatch, DiagnosticCodes.OutputMismatch,
            message, s.Location, detail, [], "actual\n", TimeSpan.FromMilliseconds(10))).ToList();
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
            SnippetResult.Of(snippets[0], SnippetStatus.Passed) with { Duration = TimeSpan.FromMilliseconds(1500) },
            new(snippets[1], SnippetStatus.Failed, FailureReason.Exception, DiagnosticCodes.UnexpectedException, "unhandled exception",
                snippets[1].Location, "trace", [], "", TimeSpan.FromMilliseconds(250)),
            SnippetResult.Of(snippets[2], SnippetStatus.Ignored),
            SnippetResult.Of(snippets[3], SnippetStatus.Untagged),
            SnippetResult.Of(snippets[4], SnippetStatus.Skipped, "skipped by 'snippetcheck: skip' in front matter"),
        ];
        FileError[] errors = [new("posts/other.md", 0, 0, DiagnosticCodes.UnreadableFile, "cannot read the file: denied")];
        return new VerificationReport(2, results, errors, TimeSpan.FromSeconds(2.5));
    }
}
