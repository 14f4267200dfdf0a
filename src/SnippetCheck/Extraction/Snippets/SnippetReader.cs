using SnippetCheck.Model;

namespace SnippetCheck.Extraction.Snippets;

/// <summary>
/// Reads an <see cref="ExtractedDocument"/> as snippets: picks the C# blocks, parses their tags, and attaches
/// each output and stdin block to the nearest C# block before it (README.md, "Tag reference").
/// </summary>
internal static partial class SnippetReader
{

    /// <summary>The fence holds C# by its language word (<c>csharp</c>, <c>cs</c>, <c>c#</c>).</summary>
    public static bool IsCSharp(FencedBlock block) =>
        DocumentWords.IsCSharpLanguage(block.Info.Trim());

    /// <param name="engineWords">The blog engine's info-string words (config <c>engineWords</c>), never warned about.</param>
    /// <param name="hiddenFences">The info strings (config <c>hiddenFences</c>) whose fences inside HTML comments are preludes.</param>
    public static SnippetDocument Read(ExtractedDocument source, bool strictTags = false, IReadOnlyCollection<string>? engineWords = null,
        IReadOnlyCollection<string>? hiddenFences = null)
    {
        var reading = new Reading(source.Diagnostics, strictTags, engineWords, hiddenFences);
        foreach (var item in source.Items) reading.Add(item);

        var built = reading.Snippets.Select(s => s.Build()).ToList();
        ReportDuplicateNames(built);
        return new SnippetDocument(source, built, reading.Preludes, reading.FileDiagnostics);
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
                    $"a prelude takes only 'session=ID', not " +
                    $"'{word}'{(word.Contains('=') ? EditDistance.DidYouMean(EditDistance.NearMiss(word.Split('=')[0], ["session"])) : "")}",
                    comment.Location));
        }
        return PreludeOf(comment, session);
    }

    /// <summary>A prelude's code with its <c>#:</c> directive lines read; a config prelude file's too (for every program of the run).</summary>
    internal static Prelude PreludeOf(DirectiveComment comment, string? session = null)
    {
        var directives = DirectiveReader.Read(comment.Body, comment.Location.File);
        return new Prelude(comment, session) { Lines = directives.Code, Directives = directives.Directives };
    }

    /// <summary>The info string's words and the attached comments' words, as tags see them.</summary>
    private static List<string> TagWords(FencedBlock block) =>
        [block.Info, .. TagParser.Tokenize(block.Arguments), .. block.Comments.SelectMany(c => TagParser.Tokenize(c.Words))];

    /// <summary>Words that only output and stdin blocks carry: a near miss of one of them is a typo, not a language.</summary>
    private static readonly string[] BlockWords = ["output", "stdin", "ellipsis", "unordered"];

    private static (string Word, string Meant)? MisspeltBlockWord(FencedBlock block)
    {
        foreach (var word in TagWords(block))
        {
            if (TagParser.NearMiss(word, hasValue: false) is { } meant && BlockWords.Contains(meant)) return (word, meant);
        }
        return null;
    }

    /// <summary>SC1014 for a C#, output or stdin block, or another block that swallows one; SC3011 for any other.</summary>
    private static Diagnostic UnclosedProblem(FencedBlock block)
    {
        var fence = new string(block.Geometry.FenceChar, block.Geometry.FenceLength);
        if (IsCSharp(block) || IsOutput(block, out _) || IsStdin(block))
            return Diagnostic.Error(
                DiagnosticCodes.UnclosedFence, $"this {fence} fence is never closed, so it runs to the end of the file (or of its list item or " +
                $"quote); close it with {fence}", block.Location);
        var swallowed = block.Lines.FirstOrDefault(
            l => l.Text.TrimStart().StartsWith("```", StringComparison.Ordinal) || l.Text.TrimStart().StartsWith("~~~", StringComparison.Ordinal));
        return swallowed.Text is { } text && IsOurs(text.TrimStart().TrimStart('`', '~'))
            ? Diagnostic.Error(DiagnosticCodes.UnclosedFence, $"this {fence} fence is never closed, so the block at line {swallowed.Line} is read " +
            $"as its text, not as a block; close it with {fence}", block.Location)
            : Diagnostic.Error(DiagnosticCodes.UnclosedOtherFence, $"this {fence} fence is never closed, so everything after it to the end of the " +
            $"file (or of its list item or quote) is read as its code; close it with {fence}", block.Location);
    }

    private static bool IsOurs(string info)
    {
        var first = info.Split(' ', '\t', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
        return DocumentWords.IsCSharpLanguage(first) || info.Contains("output", StringComparison.OrdinalIgnoreCase);
    }

    private static string Hint(string word) =>
        EditDistance.DidYouMean(TagParser.NearMiss(word, hasValue: false));

    private static bool IsStdin(FencedBlock block) => TagWords(block).Contains("stdin", StringComparer.OrdinalIgnoreCase);

    private sealed class SnippetBuilder(FencedBlock block, bool strictTags, string? documentedNamespace)
    {
        public FencedBlock Block { get; } = block;
        public ExpectedOutput? Output { get; set; }
        public List<ExpectedOutput> FrameworkOutputs { get; } = [];
        public FencedBlock? Stdin { get; set; }
        public List<Diagnostic> Annotations { get; } = [];
        public IReadOnlyCollection<string>? EngineWords { get; init; }

        /// <summary>Result lines of a hidden <c>results</c> comment after the example: run after its own code.</summary>
        public List<CodeLine> HiddenChecks { get; } = [];

        public Snippet Build()
        {
            var sources = new List<TagSource> { new(Block.Arguments, Block.Location) };
            sources.AddRange(Block.Comments.Select(c => new TagSource(c.Words, c.Location)));
            var (tags, diagnostics) = TagParser.Parse(sources, strictTags, EngineWords);
            if (HiddenChecks.Count > 0)
            {
                tags = tags with { Results = true };
                // Checks that never run would be reported as checked: only a kind that runs the example may carry them.
                if (tags.Kind?.Rule() is { Verified: true, Runs: false })
                    Annotations.Add(Diagnostic.Error(DiagnosticCodes.BadComment,
                        $"hidden result checks run after the example, but a '{tags.Kind.Value.ToTag()}' example never runs: tag it 'run' or leave " +
                        $"the kind out", new SourceLocation(Block.Location.File, HiddenChecks[0].Line, HiddenChecks[0].Column)));
            }
            // A listing is looked up, never compiled: only the check level (a kind with holes), alone, reads it so.
            if (tags.Listing && (tags.Kind?.Rule().Holes != true || tags.Session is not null || tags.Members || tags.Base is not null
                || Output is not null))
                Annotations.Add(Diagnostic.Error(DiagnosticCodes.ConflictingTag,
                    "'listing' is a 'check' block's, alone: its signatures are looked up in its packages, never compiled, run or joined; tag it " +
                    "'check listing'", Block.Location));
            if (!tags.HasAny && Output is null && Stdin is null && !strictTags && !diagnostics.Concat(Annotations).Any(d => d.IsError))
            {
                // A block nobody tagged is the blog's, not ours: its engine words are no news on every run. They stay
                // as information (JSON diagnostics, the console with --verbose), so nothing is silently dropped.
                for (var i = 0; i < diagnostics.Count; i++)
                {
                    if (diagnostics[i].Id == DiagnosticCodes.ForeignAttribute) diagnostics[i] =
                        diagnostics[i] with { Severity = DiagnosticSeverity.Info };
                }
            }
            var directives = DirectiveReader.Read(Block.Lines, Block.Location.File);
            return new Snippet(Block, tags, Output, Stdin, [.. Block.Problems, .. diagnostics, .. Annotations])
            {
                Code = [.. directives.Code, .. HiddenChecks],
                BlockDirectives = directives.Directives,
                DocumentedNamespace = documentedNamespace is { Length: > 0 } ? documentedNamespace : null,
                FrameworkOutputs = [.. FrameworkOutputs],
            };
        }
    }
}
