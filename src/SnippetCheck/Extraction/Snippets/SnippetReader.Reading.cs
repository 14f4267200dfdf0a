using SnippetCheck.Extraction.DocComments;
using SnippetCheck.Model;

namespace SnippetCheck.Extraction.Snippets;

internal static partial class SnippetReader
{
    /// <summary>
    /// One document read item by item: its snippets so far, the last C# block (which output, stdin and hidden results
    /// attach to), its preludes, and the file's own diagnostics.
    /// </summary>
    private sealed class Reading(IReadOnlyList<Diagnostic> diagnostics, bool strictTags, IReadOnlyCollection<string>? engineWords,
        IReadOnlyCollection<string>? hiddenFences)
    {
        private SnippetBuilder? _last;
        private string? _documentedNamespace;

        /// <summary>A fence of another language (```sql) stands after <see cref="_last"/>: an unmarked output block is its.</summary>
        private bool _otherFenceSinceLast;

        public List<SnippetBuilder> Snippets { get; } = [];
        public List<Prelude> Preludes { get; } = [];
        public List<Diagnostic> FileDiagnostics { get; } = new(diagnostics);

        public void Add(DocumentItem item)
        {
            var pendingUnclosed = CheckFence(item);
            if (item is FencedBlock other && !IsCSharp(other) && !IsOutput(other, out _) && !IsStdin(other)) _otherFenceSinceLast = true;
            switch (item)
            {
                case DocCommentStart start:
                    // An output block belongs to an example of the same doc comment, never of the one before.
                    _last = null;
                    _documentedNamespace = start.Namespace;
                    break;
                case MisspeltComment wrongMarker:
                    FileDiagnostics.Add(Diagnostic.Error(DiagnosticCodes.BadComment, wrongMarker.IsMdx
                        ? $"'{{/* {wrongMarker.Text} */}}' looks meant for SnippetCheck; write '{{/* snippetcheck: ... */}}'"
                        : $"'<!-- {wrongMarker.Text} -->' looks meant for SnippetCheck; write '<!-- snippetcheck: ... -->'", wrongMarker.Location));
                    break;
                case DirectiveComment { IsPrelude: true } comment:
                    Preludes.Add(ReadPrelude(comment, FileDiagnostics));
                    break;
                case DirectiveComment { FirstWord: var word } results when word.Equals("results", StringComparison.OrdinalIgnoreCase)
                && results.Body.Count > 0:
                    AddResults(results, word);
                    break;
                case HiddenFences hidden when hiddenFences is { Count: > 0 }:
                    // The docs' own hidden code is a prelude of the file: on a fixture page, hidden members of its class.
                    foreach (var fence in hidden.Fences.Where(f => hiddenFences.Contains(f.Info, StringComparer.OrdinalIgnoreCase)))
                        Preludes.Add(ReadPrelude(new DirectiveComment(fence.Location, "prelude", fence.Body), FileDiagnostics));
                    break;
                case DirectiveComment comment:
                    FileDiagnostics.Add(Diagnostic.Error(DiagnosticCodes.BadComment,
                        $"'{comment.Written}' is not followed by a fenced code block{Hint(comment.FirstWord)}", comment.Location));
                    break;
                // A SQL query's result after the query is the query's, not the C# block's above it; the tool's own markup
                // on the fence (<!-- snippetcheck: output -->) still makes it the C# block's.
                case FencedBlock block when IsOutput(block, out var mode) && (!_otherFenceSinceLast || block.Comments.Count > 0):
                    AddOutput(block, mode);
                    break;
                case FencedBlock block when IsOutput(block, out _):
                    break;
                case FencedBlock block when IsStdin(block):
                    if (_last is null || _last.Output is not null || _last.Stdin is not null)
                        FileDiagnostics.Add(Diagnostic.Error(DiagnosticCodes.OrphanStdin,
                            "stdin block must stand between a C# block and its output block, once", block.Location));
                    else
                        _last.Stdin = block;
                    break;
                case FencedBlock block when IsCSharp(block):
                    _last = new SnippetBuilder(block, strictTags, _documentedNamespace) { EngineWords = engineWords };
                    _otherFenceSinceLast = false;
                    if (pendingUnclosed is not null) _last.Annotations.Add(pendingUnclosed);
                    Snippets.Add(_last);
                    break;
                case FencedBlock block when block.Comments.Count > 0 && MisspeltBlockWord(block) is null:
                    FileDiagnostics.Add(Diagnostic.Error(DiagnosticCodes.BadComment,
                        $"snippetcheck tags stand on a '{block.Info}' block, which is not C#", block.Comments[0].Location));
                    break;
            }
        }

        /// <summary>
        /// The slips of a fence itself, reported before the item is read: an unclosed fence, a misspelt block word.
        /// Returns the unclosed C# fence's problem, which fails the snippet the fence becomes.
        /// </summary>
        private Diagnostic? CheckFence(DocumentItem item)
        {
            Diagnostic? pendingUnclosed = null;
            if (item is FencedBlock unclosed && !unclosed.Geometry.IsClosed && !unclosed.Geometry.XmlEscaped && unclosed.Geometry.Hidden is null)
            {
                // CommonMark lets a fence run to the end of its container, but that is always a slip: the rest of the
                // file (or item, or quote) becomes its code. Ours fail their snippet; any other is a file error.
                var diagnostic = UnclosedProblem(unclosed);
                if (IsCSharp(unclosed)) pendingUnclosed = diagnostic;
                else if (diagnostic.Id == DiagnosticCodes.UnclosedFence) (_last?.Annotations ?? FileDiagnostics).Add(diagnostic);
                else FileDiagnostics.Add(diagnostic);
            }
            if (item is FencedBlock fenced && !IsCSharp(fenced) && MisspeltBlockWord(fenced) is { } misspelt)
            {
                // A misspelt 'output' or 'ellipsis' would quietly turn an output block into prose, or exact into loose.
                (_last?.Annotations ?? FileDiagnostics).Add(Diagnostic.Error(DiagnosticCodes.UnknownTag,
                    $"unknown word '{misspelt.Word}' in the info string of the block at line {fenced.Location.Line}" +
                    EditDistance.DidYouMean(misspelt.Meant), fenced.Location) with { Suggestion = new(misspelt.Word, misspelt.Meant) });
            }
            return pendingUnclosed;
        }

        /// <summary>Hidden checks (docs/doctests.md): result lines run after the example of the same doc comment before them.</summary>
        private void AddResults(DirectiveComment results, string word)
        {
            if (_last is { Block.Geometry.XmlEscaped: true } && _last.HiddenChecks.Count == 0
                && results.Words.Trim().Equals(word, StringComparison.OrdinalIgnoreCase))
                _last.HiddenChecks.AddRange(results.Body);
            else
                FileDiagnostics.Add(Diagnostic.Error(DiagnosticCodes.BadComment, _last is null || !_last.Block.Geometry.XmlEscaped
                    ? "a hidden 'results' comment checks the doc-comment example before it in the same comment, and there is none; in " +
                    "Markdown, write result lines in the block and tag it 'results'"
                    : results.Words.Trim().Equals(word, StringComparison.OrdinalIgnoreCase)
                        ? "a second hidden 'results' comment for one example: put all its result lines in one"
                        : $"a hidden 'results' comment takes no words after 'results' ('{results.Words}'): its lines are the checks",
                        results.Location));
        }

        /// <summary>An output block: the last C# block's output, or one of its frameworks' outputs.</summary>
        private void AddOutput(FencedBlock block, OutputMatchMode mode)
        {
            if (_last is null)
                FileDiagnostics.Add(Diagnostic.Error(DiagnosticCodes.OrphanOutput,
                    "output block has no C# block before it", block.Location));
            else
            {
                var output = new ExpectedOutput(
                    block, mode) { Scrub = OutputScrub(block, _last.Annotations), Frameworks = OutputFrameworks(block, _last.Annotations) };
                if (_last.Output is null) _last.Output = output;
                else if (SecondOutputProblem(_last, output) is { } problem) _last.Annotations.Add(
                    Diagnostic.Error(DiagnosticCodes.SecondOutput, problem, block.Location));
                else _last.FrameworkOutputs.Add(output);
            }
        }
    }
}
