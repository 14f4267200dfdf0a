using SnippetCheck.Configuration;
using SnippetCheck.Extraction;
using SnippetCheck.Extraction.Discovery;
using SnippetCheck.Loading;
using SnippetCheck.Model;
using SnippetCheck.Programs;
using SnippetCheck.References;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Unit.Loading;

/// <summary>
/// The loading stage over pages held in memory (<see cref="IDocumentSource"/>): one bad file is that file's error and
/// never stops the others, a tool's trial keeps the blocks it chose with their sessions, and <c>--untrusted</c> and an
/// unknown scrubber are refused at the block that asks for them.
/// </summary>
public sealed class DocumentLoaderTests
{
    private static string Fence(string info, string code) => $"```csharp {info}\n{code}\n```\n\n";

    /// <summary>Pages by display path; the one named unreadable throws as a file that cannot be read.</summary>
    private sealed class Pages(string folder, Dictionary<string, string> pages, string? unreadable = null) : IDocumentSource
    {
        public (IReadOnlyList<DocumentPath> Documents, IReadOnlyList<Diagnostic> Notes) Find(LoadOptions options, SnippetCheckConfig config, FileSet set) =>
            ([.. pages.Keys.Select(p => new DocumentPath(Path.Combine(folder, p), p))], []);

        public SourceDocument Read(DocumentPath path) => path.DisplayPath == unreadable
            ? throw new IOException("the disk is gone")
            : SourceDocument.FromText(path.FullPath, path.DisplayPath, pages[path.DisplayPath]);

        public IReadOnlyList<string> PathsOf(LoadOptions options) => [];
    }

    private static (IReadOnlyList<PreparedDocument> Documents, IReadOnlyList<Diagnostic> Errors) Load(
        Dictionary<string, string> pages, string? unreadable = null, bool untrusted = false, DocumentTrial? trial = null)
    {
        using var folder = new TempFolder();
        var options = new LoadOptions([], folder.Path, null, new SnippetCheckConfig(), untrusted, [], null);
        return new DocumentLoader(options, new SnippetCheckConfig(), new Pages(folder.Path, pages, unreadable), trial ?? DocumentTrial.None).Load();
    }

    [Fact]
    public void A_file_that_cannot_be_read_is_its_own_error_at_its_first_line_and_the_others_are_still_loaded()
    {
        var (documents, errors) = Load(new() { ["a.md"] = Fence("compile", "Console.WriteLine(1);"), ["b.md"] = "anything" }, unreadable: "b.md");

        var document = Assert.Single(documents);
        Assert.Equal("a.md", document.Snippets.DisplayPath);
        Assert.Single(document.Snippets.Snippets);
        var error = Assert.Single(errors);
        Assert.Equal((DiagnosticCodes.UnreadableFile, "b.md", 1, 1), (error.Id, error.Location.File, error.Location.Line, error.Location.Column));
        Assert.Contains("the disk is gone", error.Message);
    }

    [Fact]
    public void A_trial_of_chosen_blocks_keeps_them_with_their_sessions_and_leaves_the_rest_out()
    {
        var page = Fence("session=s", "var count = 1;") + Fence("session=s", "Console.WriteLine(count);") + Fence("compile", "Console.WriteLine(2);")
            + Fence("compile", "Console.WriteLine(3);");
        var chosen = new HashSet<SourceLocation> { new("a.md", 5, 1), new("a.md", 13, 1) };

        var (documents, _) = Load(new() { ["a.md"] = page }, trial: new DocumentTrial(PackageMoves.None, chosen));

        Assert.Equal([1, 5, 13], Assert.Single(documents).Snippets.Snippets.Select(s => s.Location.Line));
    }

    [Fact]
    public void Under_untrusted_a_tag_that_widens_the_sandbox_fails_its_block_at_its_fence()
    {
        var page = Fence("compile", "Console.WriteLine(1);") + Fence("compile network", "Console.WriteLine(2);");

        var trusted = Assert.Single(Load(new() { ["a.md"] = page }).Documents);
        var untrusted = Assert.Single(Load(new() { ["a.md"] = page }, untrusted: true).Documents);

        Assert.All(trusted.Snippets.Snippets, s => Assert.Empty(s.Annotations));
        Assert.Empty(untrusted.Snippets.Snippets[0].Annotations);
        var refusal = Assert.Single(untrusted.Snippets.Snippets[1].Annotations);
        Assert.Equal((DiagnosticCodes.UntrustedRefused, 5), (refusal.Id, refusal.Location.Line));
    }

    [Fact]
    public void A_scrub_tag_naming_no_scrubber_fails_its_block_and_says_what_it_may_have_meant()
    {
        var (documents, _) = Load(new() { ["a.md"] = Fence("compile scrub=guid", "Console.WriteLine(1);") + Fence("compile scrub=guids", "Console.WriteLine(2);") });

        var snippets = Assert.Single(documents).Snippets.Snippets;
        Assert.Empty(snippets[0].Annotations);
        var unknown = Assert.Single(snippets[1].Annotations);
        Assert.Equal((DiagnosticCodes.UnknownScrubber, 5), (unknown.Id, unknown.Location.Line));
        Assert.Contains("did you mean", unknown.Message, StringComparison.OrdinalIgnoreCase);
    }
}
