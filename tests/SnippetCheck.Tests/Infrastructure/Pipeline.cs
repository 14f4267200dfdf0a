using SnippetCheck.Driver;
using SnippetCheck.Extraction;
using SnippetCheck.Extraction.Markdown;
using SnippetCheck.Results;
using SnippetCheck.Extraction.Snippets;

namespace SnippetCheck.Tests.Infrastructure;

/// <summary>Runs pipeline stages in-process on Markdown text, for fast unit tests.</summary>
internal static class Pipeline
{
    public static ExtractedDocument Extract(string markdown, string file = "post.md") =>
        FenceExtractor.Extract(SourceDocument.FromText(Path.GetFullPath(file), file, markdown));

    public static SnippetDocument Read(string markdown, string file = "post.md", bool strictTags = false) =>
        SnippetReader.Read(Extract(markdown, file), strictTags);

    /// <summary>Verifies one Markdown text with the real compiler and runner, in a folder of its own.</summary>
    /// <param name="markdown">The post.</param>
    /// <param name="options">Sets the run's options beyond its paths and folder.</param>
    public static async Task<VerificationReport> VerifyAsync(string markdown, Func<VerifyOptions, VerifyOptions>? options = null)
    {
        using var folder = new TempFolder();
        folder.Write("post.md", markdown);
        var run = new VerifyOptions { Paths = ["post.md"], CurrentDirectory = folder.Path };
        var verifier = new Verifier(options?.Invoke(run) ?? run);
        return await verifier.RunAsync();
    }
}
