using SnippetCheck.Extraction;
using SnippetCheck.Extraction.Markdown;
using SnippetCheck.Model;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Unit.Extraction.Markdown;

/// <summary>
/// A fence that is never closed swallows the rest of its file, list item or quote: SC1014 when it is one of ours
/// (Hardening/MalformedMarkdownTests), SC3011 for any other. The project's own docs are held to the same rule.
/// </summary>
public sealed class UnclosedFenceTests
{
    [Theory]
    [InlineData("```text\nplain to the end\n", 1, 1)]
    [InlineData("# Post\n\n- Then run:\n\n  ```sh\n  dotnet run\n\n## Next\n\nProse read as code.\n", 5, 3)]
    [InlineData("Intro.\n\n> ~~~~\n> quoted\n\nOutside the quote.\n", 3, 3)]
    public void An_unclosed_fence_of_another_language_is_a_file_error_at_its_opening_line_and_column(string markdown, int line, int column)
    {
        var error = Assert.Single(Pipeline.Read(markdown).FileDiagnostics);
        Assert.Equal((DiagnosticCodes.UnclosedOtherFence, DiagnosticSeverity.Error, line, column), (error.Id, error.Severity, error.Location.Line, error.Location.Column));
        Assert.Contains("never closed", error.Message);
    }

    [Fact]
    public void An_unclosed_fence_after_a_snippet_is_the_files_error_not_the_snippets()
    {
        var read = Pipeline.Read("```csharp run\nConsole.WriteLine(1);\n```\n\nThen:\n\n```yaml\nkey: value\n");
        Assert.Equal(DiagnosticCodes.UnclosedOtherFence, Assert.Single(read.FileDiagnostics).Id);
        Assert.DoesNotContain(Assert.Single(read.Snippets).Annotations, a => a.IsError);
    }

    [Fact]
    public void The_projects_own_docs_and_readme_have_no_unclosed_fence()
    {
        var documents = Directory.GetFiles(RepositoryRoot.PathOf("docs"), "*.md").Append(RepositoryRoot.PathOf("README.md")).ToList();
        Assert.True(documents.Count > 5, $"found only {documents.Count} documents under {RepositoryRoot.Path}");
        var unclosed = documents
            .Select(path => FenceExtractor.Extract(SourceDocument.Load(path, Path.GetRelativePath(RepositoryRoot.Path, path))))
            .SelectMany(document => document.Items.OfType<FencedBlock>().Where(fence => !fence.Geometry.IsClosed))
            .Select(fence => $"{fence.Location.File}({fence.Location.Line},{fence.Location.Column}): a {fence.Geometry.FenceChar} fence is never closed");
        Assert.Empty(unclosed);
    }
}
