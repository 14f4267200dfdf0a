using SnippetCheck.Markdown;
using SnippetCheck.Snippets;
using SnippetCheck.Model;
using SnippetCheck.Verification;

namespace SnippetCheck.Tests.Infrastructure;

/// <summary>Runs pipeline stages in-process on Markdown text, for fast unit tests.</summary>
internal static class Pipeline
{
    public static ExtractedDocument Extract(string markdown, string file = "post.md") =>
        FenceExtractor.Extract(SourceDocument.FromText(file, markdown));

    public static SnippetDocument Read(string markdown, string file = "post.md", bool strictTags = false) =>
        SnippetReader.Read(Extract(markdown, file), strictTags);

    /// <summary>Verifies one Markdown text with the real compiler and runner.</summary>
    public static async Task<VerificationReport> VerifyAsync(string markdown, VerifyOptions? options = null)
    {
        using var folder = new TempFolder();
        folder.Write("post.md", markdown);
        var verifier = new Verifier((options ?? new VerifyOptions()) with { Paths = ["post.md"], CurrentDirectory = folder.Path });
        return await verifier.RunAsync();
    }
}
