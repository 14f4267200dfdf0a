using SnippetCheck.Reporting;
using SnippetCheck.Results;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Unit.Reporting;

/// <summary>
/// Issue 78, item 4: <c>verify --all</c>'s rot hint (SC2016, in the step summary, SARIF and the GitHub annotations) reads
/// a block as <c>adopt</c>'s rot report does. A throw inside a library's own code on a page that names the service the
/// library needs (Docker, a database, a server) is the machine's lack, not rot; the same throw on a page that names no
/// service is still a hint. The trace is Testcontainers 4.16.0's own run in the sandbox, which has no Docker endpoint.
/// </summary>
public sealed class RotHintTests
{
    private const string LibraryTrace = """
        System.NullReferenceException: Object reference not set to an instance of an object.
           at DotNet.Testcontainers.Configurations.TestcontainersSettings.ExposeHostPortsAsync(IEnumerable`1 ports, CancellationToken ct) in /_/src/Testcontainers/Configurations/TestcontainersSettings.cs:line 168
           at Program.<Main>$(String[] args) in post.md:line 6
        """;

    /// <summary>
    /// The step summary of a <c>verify --all</c> run of one page of <paramref name="prose"/>, whose untagged block threw as
    /// the trace says.
    /// </summary>
    private static string SummaryOf(string prose)
    {
        var page = Pipeline.Read($"# Networks\n\n{prose}\n\n```csharp\nawait TestcontainersSettings.ExposeHostPortsAsync(8080);\n```\n");
        var snippet = Assert.Single(page.Snippets);
        var failure = new ExceptionFailure(snippet.Location with { Line = 6 }, "System.NullReferenceException",
            "Object reference not set to an instance of an object.", LibraryTrace);
        var report = new VerificationReport(1, [SnippetResult.Of(snippet, new Verdict.Failed(failure))], [], TimeSpan.Zero) { Sources = [page.Source] };
        return MarkdownReportWriter.Render(report);
    }

    [Fact]
    public void A_throw_inside_a_library_on_a_page_that_names_its_service_is_no_rot_hint_but_on_another_page_it_is()
    {
        Assert.DoesNotContain("### Suspected rot", SummaryOf("Testcontainers starts a Docker container for each test. Expose the host's port first."),
            StringComparison.Ordinal);
        Assert.Contains("### Suspected rot", SummaryOf("Expose the host's port first."), StringComparison.Ordinal);
    }
}
