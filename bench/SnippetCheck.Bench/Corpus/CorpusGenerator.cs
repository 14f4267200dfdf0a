using System.Globalization;
using System.Text;

namespace SnippetCheck.Bench.Corpus;

/// <summary>What a generated snippet is verified as.</summary>
public enum SnippetKind
{
    Run,
    Compile,
    CompileFail,
    SessionBlock,
    Throws,
}

/// <summary>The kinds of corpus the bench measures, so that no figure holds for one corpus only.</summary>
public enum CorpusShape
{
    /// <summary>20 snippets a post of every kind: run, compile, compile-fail, a session, a prelude in every other post.</summary>
    Mixed,

    /// <summary>Many small posts of 20 short run snippets (loops, LINQ, spans, records, strings, async); the last throws on purpose.</summary>
    Runs,

    /// <summary>Fewer, longer snippets, 5 a post: generic math, LINQ over records, an async pipeline, span parsing, a generic cache.</summary>
    Long,
}

/// <summary>One C# block the generator wrote, and what it should print.</summary>
/// <param name="Index">Its index in the whole corpus, 0-based.</param>
/// <param name="File">The Markdown file, relative to the corpus folder.</param>
public sealed record GeneratedSnippet(int Index, string File, SnippetKind Kind, SnippetBody Body, bool UsesPrelude);

/// <summary>A folder of generated posts.</summary>
public sealed class GeneratedCorpus
{
    private readonly Dictionary<int, int> _variants = [];

    internal GeneratedCorpus(string directory, int snippetCount, CorpusShape shape)
    {
        Directory = directory;
        SnippetCount = snippetCount;
        Shape = shape;
    }

    public string Directory { get; }

    public CorpusShape Shape { get; }

    public int SnippetsPerPost => CorpusGenerator.SnippetsPerPostOf(Shape);

    /// <summary>How many C# blocks the posts hold; every one of them is tagged, so every one is verified.</summary>
    public int SnippetCount { get; }

    public int PostCount => (SnippetCount + SnippetsPerPost - 1) / SnippetsPerPost;

    public IReadOnlyList<GeneratedSnippet> Snippets => [.. Enumerable.Range(0, SnippetCount).Select(i => CorpusGenerator.Describe(this, i, VariantOf(i)))];

    /// <summary>The lone run snippet an edit changes: the third of a middle post (always a full one), so neither first nor last.</summary>
    public int EditTarget => ((PostCount - 1) / 2 * SnippetsPerPost) + Math.Min(2, SnippetCount - 1);

    internal int VariantOf(int index) => _variants.GetValueOrDefault(index);

    /// <summary>
    /// Changes one snippet the way an author would (a constant in its code, and its output block with it)
    /// and rewrites its post. Each call makes a new change. Returns the snippet as it now is.
    /// </summary>
    public GeneratedSnippet EditOneSnippet()
    {
        var target = EditTarget;
        _variants[target] = VariantOf(target) + 1;
        CorpusGenerator.WritePost(this, target / SnippetsPerPost);
        return CorpusGenerator.Describe(this, target, VariantOf(target));
    }

    /// <summary>
    /// Writes every snippet that runs as <c>s0000.cs</c>, <c>s0001.cs</c>, ... (with its prelude where it uses one):
    /// the input of the Roslyn floor (<c>../shared/floor</c>), which runs top-level programs only.
    /// </summary>
    public int WriteFloorInput(string folder)
    {
        System.IO.Directory.CreateDirectory(folder);
        var written = 0;
        foreach (var snippet in Snippets.Where(s => s.Kind is SnippetKind.Run or SnippetKind.Throws))
        {
            var code = snippet.UsesPrelude ? snippet.Body.Code + "\n" + SnippetTemplates.Prelude + "\n" : snippet.Body.Code;
            File.WriteAllText(Path.Combine(folder, $"s{written++:D4}.cs"), code);
        }
        return written;
    }
}

/// <summary>
/// Writes a corpus of blog posts with a realistic mix of snippets, deterministically: mostly <c>run</c> snippets with
/// output blocks, some <c>compile</c> and <c>compile-fail</c>, a three-block session per post, and a prelude in every
/// other post (the first included). Every snippet passes when verified.
/// </summary>
public static class CorpusGenerator
{
    public static int SnippetsPerPostOf(CorpusShape shape) => shape == CorpusShape.Long ? 5 : 20;

    // The slots of a post: 0..13 run (13 uses the prelude in posts that have one), 14 a library, 15 a program
    // that is only compiled, 16 compile-fail, 17..19 a session.
    private const int LastRunSlot = 13;
    private const int LibrarySlot = 14;
    private const int CompileOnlySlot = 15;
    private const int CompileFailSlot = 16;
    private const int FirstSessionSlot = 17;

    public static GeneratedCorpus Write(string directory, int snippetCount, CorpusShape shape = CorpusShape.Mixed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(snippetCount, 1);
        System.IO.Directory.CreateDirectory(directory);
        var corpus = new GeneratedCorpus(directory, snippetCount, shape);
        for (var post = 0; post < corpus.PostCount; post++) WritePost(corpus, post);
        return corpus;
    }

    public static string PostFileName(int post) => $"posts/post-{post:D3}.md";

    // Even posts of the mixed shape, so that a single post already holds every kind of snippet.
    private static bool HasPrelude(GeneratedCorpus corpus, int post) => corpus.Shape == CorpusShape.Mixed && post % 2 == 0;

    internal static GeneratedSnippet Describe(GeneratedCorpus corpus, int index, int variant)
    {
        var post = index / corpus.SnippetsPerPost;
        var slot = index % corpus.SnippetsPerPost;
        var file = PostFileName(post);
        if (corpus.Shape == CorpusShape.Long) return new(index, file, SnippetKind.Run, LongTemplates.All[index % LongTemplates.All.Count](index, variant), false);
        if (corpus.Shape == CorpusShape.Runs)
        {
            if (index == corpus.SnippetCount - 1 && index != corpus.EditTarget) return new(index, file, SnippetKind.Throws, SnippetTemplates.ThrowsOnPurpose(index), false);
            // A span snippet in every twelve, beside the loops, LINQ, records, strings and async of the short templates.
            return index % 12 == 11
                ? new(index, file, SnippetKind.Run, LongTemplates.SpanParsing(index, variant), false)
                : new(index, file, SnippetKind.Run, SnippetTemplates.Run[index % SnippetTemplates.Run.Count](index, variant), false);
        }
        return slot switch
        {
            LastRunSlot when HasPrelude(corpus, post) => new(index, file, SnippetKind.Run, SnippetTemplates.UsesPrelude(index, variant), true),
            <= LastRunSlot => new(index, file, SnippetKind.Run, SnippetTemplates.Run[index % SnippetTemplates.Run.Count](index, variant), false),
            LibrarySlot => new(index, file, SnippetKind.Compile, SnippetTemplates.Library(index, variant), false),
            CompileOnlySlot => new(index, file, SnippetKind.Compile, SnippetTemplates.CompileOnlyProgram(index, variant), false),
            CompileFailSlot => new(index, file, SnippetKind.CompileFail, SnippetTemplates.CompileFail(index, variant), false),
            _ => new(index, file, SnippetKind.SessionBlock, SnippetTemplates.Session(post, 0)[slot - FirstSessionSlot], false),
        };
    }

    internal static void WritePost(GeneratedCorpus corpus, int post)
    {
        var first = post * corpus.SnippetsPerPost;
        var count = Math.Min(corpus.SnippetsPerPost, corpus.SnippetCount - first);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"""
            ---
            title: "Benchmark post {post}"
            date: 2026-01-01
            ---

            # Benchmark post {post}

            A generated post: {count} snippets of the kinds real posts hold.

            """);
        text.Append('\n');
        if (HasPrelude(corpus, post))
        {
            text.Append("<!-- snippetcheck: prelude\n").Append(SnippetTemplates.Prelude).Append("\n-->\n\n");
        }
        for (var slot = 0; slot < count; slot++)
        {
            var snippet = Describe(corpus, first + slot, corpus.VariantOf(first + slot));
            text.Append(CultureInfo.InvariantCulture, $"## Step {slot + 1}\n\nSome prose about step {slot + 1}, as a post would have.\n\n");
            text.Append("```csharp ").Append(InfoString(snippet, slot)).Append('\n');
            text.Append(snippet.Body.Code).Append("\n```\n\n");
            if (snippet.Body.Output is { } output)
            {
                text.Append("```output\n").Append(output).Append("```\n\n");
            }
        }
        var path = Path.Combine(corpus.Directory, PostFileName(post));
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.ToString());
    }

    private static string InfoString(GeneratedSnippet snippet, int slot) => snippet.Kind switch
    {
        SnippetKind.Run => $"run name=step-{slot + 1}",
        SnippetKind.Compile => "compile",
        SnippetKind.CompileFail => "compile-fail=CS0029",
        SnippetKind.Throws => "throws=InvalidOperationException",
        _ => "session=tally",
    };
}
