using SnippetCheck.Markdown;
using SnippetCheck.Model;
using SnippetCheck.Packages;

namespace SnippetCheck.Snippets;

/// <summary>
/// Reads an <see cref="ExtractedDocument"/> as snippets: picks the C# blocks, parses their tags, and attaches
/// each output and stdin block to the nearest C# block before it (SPEC §1–§3).
/// </summary>
public static class SnippetReader
{
    private static readonly string[] CSharpLanguages = ["csharp", "cs", "c#"];

    public static bool IsCSharp(FencedBlock block) =>
        CSharpLanguages.Contains(block.Info.Trim(), StringComparer.OrdinalIgnoreCase);

    public static SnippetDocument Read(ExtractedDocument source, bool strictTags = false)
    {
        var snippets = new List<SnippetBuilder>();
        var preludes = new List<Prelude>();
        var fileDiagnostics = new List<Diagnostic>();
        SnippetBuilder? last = null;

        foreach (var item in source.Items)
        {
            switch (item)
            {
                case DirectiveComment comment when comment.Words.StartsWith(FenceExtractor.MalformedMarker, StringComparison.Ordinal):
                    fileDiagnostics.Add(Diagnostic.Error(DiagnosticCodes.BadComment,
                        $"'<!-- {comment.Words[FenceExtractor.MalformedMarker.Length..]} -->' looks meant for SnippetCheck; write '<!-- snippetcheck: ... -->'", comment.Location));
                    break;
                case DirectiveComment { IsPrelude: true } comment:
                    preludes.Add(ReadPrelude(comment, fileDiagnostics));
                    break;
                case DirectiveComment comment:
                    fileDiagnostics.Add(Diagnostic.Error(DiagnosticCodes.BadComment,
                        $"'<!-- snippetcheck: {comment.Words} -->' is not followed by a fenced code block", comment.Location));
                    break;
                case FencedBlock block when IsOutput(block, out var mode):
                    if (last is null)
                        fileDiagnostics.Add(Diagnostic.Error(DiagnosticCodes.OrphanOutput,
                            "output block has no C# block before it", block.Location));
                    else if (last.Output is not null)
                        last.Annotations.Add(Diagnostic.Error(DiagnosticCodes.SecondOutput,
                            $"second output block for the snippet at line {last.Block.Location.Line}", block.Location));
                    else
                        last.Output = new ExpectedOutput(block, mode);
                    break;
                case FencedBlock block when IsStdin(block):
                    if (last is null || last.Output is not null || last.Stdin is not null)
                        fileDiagnostics.Add(Diagnostic.Error(DiagnosticCodes.OrphanStdin,
                            "stdin block must stand between a C# block and its output block, once", block.Location));
                    else
                        last.Stdin = block;
                    break;
                case FencedBlock block when IsCSharp(block):
                    last = new SnippetBuilder(block, strictTags);
                    snippets.Add(last);
                    break;
                case FencedBlock block when block.Comments.Count > 0:
                    fileDiagnostics.Add(Diagnostic.Error(DiagnosticCodes.BadComment,
                        $"snippetcheck tags stand on a '{block.Info}' block, which is not C#", block.Comments[0].Location));
                    break;
            }
        }

        var built = snippets.Select(s => s.Build()).ToList();
        ReportDuplicateNames(built);
        return new SnippetDocument(source, built, preludes, fileDiagnostics);
    }

    private static void ReportDuplicateNames(List<Snippet> snippets)
    {
        var seen = new Dictionary<string, Snippet>(StringComparer.Ordinal);
        for (var i = 0; i < snippets.Count; i++)
        {
            var name = snippets[i].Tags.Name;
            if (name is null) continue;
            if (seen.TryGetValue(name, out var first))
            {
                snippets[i] = snippets[i] with
                {
                    Annotations = [.. snippets[i].Annotations, Diagnostic.Error(DiagnosticCodes.DuplicateName,
                        $"name '{name}' is already used by the snippet at line {first.Location.Line}", snippets[i].Location)],
                };
            }
            else
            {
                seen[name] = snippets[i];
            }
        }
    }

    private static Prelude ReadPrelude(DirectiveComment comment, List<Diagnostic> diagnostics)
    {
        string? session = null;
        foreach (var word in TagParser.Tokenize(comment.Words).Skip(1))
        {
            if (word.StartsWith("session=", StringComparison.OrdinalIgnoreCase) && word.Length > 8)
                session = word[8..];
            else
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.BadComment,
                    $"a prelude takes only 'session=ID', not '{word}'", comment.Location));
        }
        var directives = DirectiveReader.Read(comment.Body, comment.Location.File);
        return new Prelude(comment, session) { Lines = directives.Code, Directives = directives.Directives };
    }

    /// <summary>The info string's words and the attached comments' words, as tags see them.</summary>
    private static List<string> TagWords(FencedBlock block) =>
        [block.Info, .. TagParser.Tokenize(block.Arguments), .. block.Comments.SelectMany(c => TagParser.Tokenize(c.Words))];

    private static bool IsOutput(FencedBlock block, out OutputMatchMode mode)
    {
        var words = TagWords(block);
        mode = words.Contains("unordered", StringComparer.OrdinalIgnoreCase) ? OutputMatchMode.Unordered
             : words.Contains("ellipsis", StringComparer.OrdinalIgnoreCase) ? OutputMatchMode.Ellipsis
             : OutputMatchMode.Exact;
        return words.Contains("output", StringComparer.OrdinalIgnoreCase);
    }

    private static bool IsStdin(FencedBlock block) => TagWords(block).Contains("stdin", StringComparer.OrdinalIgnoreCase);

    private sealed class SnippetBuilder(FencedBlock block, bool strictTags)
    {
        public FencedBlock Block { get; } = block;
        public ExpectedOutput? Output { get; set; }
        public FencedBlock? Stdin { get; set; }
        public List<Diagnostic> Annotations { get; } = [];

        public Snippet Build()
        {
            var sources = new List<TagSource> { new(Block.Arguments, Block.Location) };
            sources.AddRange(Block.Comments.Select(c => new TagSource(c.Words, c.Location)));
            var (tags, diagnostics) = TagParser.Parse(sources, strictTags);
            var directives = DirectiveReader.Read(Block.Lines, Block.Location.File);
            return new Snippet(Block, tags, Output, Stdin, [.. diagnostics, .. Annotations]) { Code = directives.Code, Directives = directives.Directives };
        }
    }
}
