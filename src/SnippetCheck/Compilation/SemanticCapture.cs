using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SnippetCheck.Configuration;
using SnippetCheck.Extraction;
using SnippetCheck.Extraction.Snippets;

namespace SnippetCheck.Compilation;

/// <summary>
/// Collects <see cref="SymbolNote"/>s from the compilations a render run makes anyway, after each one emitted: the
/// semantic models exist then, so rendering never compiles a program a second time. A program whose verdict comes
/// from the result cache gets its notes from beside it (<see cref="TryLoad"/>), kept by the render run that compiled it.
/// Those are read only when a block's description is not cached itself: until then the program's cache key stands
/// for them (<see cref="KeptProgramOf"/>), since the notes are a function of what that key is made of.
/// </summary>
internal sealed class SemanticCapture
{
    /// <summary>Each document line's notes, by column.</summary>
    private readonly ConcurrentDictionary<(string File, int Line), ConcurrentDictionary<int, SymbolNote>> _notes = new();

    /// <summary>For each block (file, fence line) whose program's notes are kept: that program's cache key, and the file holding the notes.</summary>
    private readonly ConcurrentDictionary<(string File, int Fence), (string Program, string Path)> _sources = new();

    /// <summary>Notes files read so far (each is read once, when a block it covers is first asked about).</summary>
    private readonly ConcurrentDictionary<string, Lazy<bool>> _read = new(StringComparer.Ordinal);

    internal void Add(SymbolNote note) => _notes.GetOrAdd((note.File, note.Line), _ => new())[note.Column] = note;

    /// <summary>
    /// Notes every identifier of the author's text in <paramref name="trees"/> (hidden code of the tool's own is
    /// skipped). Never throws but for cancellation: a verdict must not depend on whether a render watched it, so a
    /// failure here (Roslyn on hostile code, say) only leaves the names it did not reach plain.
    /// </summary>
    /// <param name="parts">The parts the trees were assembled from: their lines whose text is not the document's
    /// character for character (<see cref="CodeLine.SourceColumns"/>) map columns back, as diagnostics do.</param>
    internal void Collect(
        CSharpCompilation compilation, IEnumerable<SyntaxTree> trees, IEnumerable<ParsedPart> parts, CancellationToken cancellationToken)
    {
        try
        {
            var remapped = parts.SelectMany(
                p => p.Part.Lines.Where(l => l.SourceColumns is not null && !l.Generated).Select(l => (Key: (p.Part.File, l.Line), Line: l)))
                .DistinctBy(x => x.Key).ToDictionary(x => x.Key, x => x.Line);
            CollectNotes(compilation, trees, remapped, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            // Plain names for the rest of this program: see above.
        }
    }

    private void CollectNotes(
        CSharpCompilation compilation, IEnumerable<SyntaxTree> trees, Dictionary<(string, int), CodeLine> remapped,
        CancellationToken cancellationToken)
    {
        var cards = new SymbolCards(compilation);
        foreach (var tree in trees)
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var token in tree.GetRoot(cancellationToken).DescendantTokens())
            {
                if (!token.IsKind(SyntaxKind.IdentifierToken)
                    || tree.GetLineVisibility(token.SpanStart, cancellationToken) == LineVisibility.Hidden) continue;
                var mapped = token.GetLocation().GetMappedLineSpan();
                if (!mapped.HasMappedPath) continue;
                var (line, column) = (mapped.StartLinePosition.Line + 1, mapped.StartLinePosition.Character + 1);
                if (remapped.TryGetValue((mapped.Path, line), out var code))
                {
                    // A line of the tool's rewriting (a result line's check, a doc comment's '&lt;'): only the author's
                    // characters map one to one onto the document; the check's own names map onto one column, and get no note.
                    var index = column - code.Column;
                    if (!Enumerable.Range(1, Math.Max(token.Span.Length, 2) - 1).All(
                        k => code.ColumnAt(index + k) == code.ColumnAt(index) + k)) continue;
                    column = code.ColumnAt(index);
                }
                if (cards.NoteFor(model, token, mapped.Path, line, column) is { } note) Add(note);
            }
        }
    }

    /// <summary>
    /// Notes a block no run compiled (untagged or ignored): its text alone, bound against the framework with the
    /// implicit usings, as an editor would colour it. Its errors do not matter here: broken code still binds.
    /// </summary>
    public void CollectUnverified(Snippet snippet, CancellationToken cancellationToken)
    {
        var lines = snippet.Block.Lines;
        var options = new CSharpParseOptions(LanguageVersion.Preview);
        var tree = SourceTrees.AsWritten(string.Join('\n', lines.Select(l => l.Text)), options, cancellationToken: cancellationToken);
        var usings = SourceTrees.GlobalUsings(Settings.ImplicitUsings, options, "usings", cancellationToken);
        var compilation = SnippetCompiler.BaseFor(ReferenceAssemblies.Default).AddSyntaxTrees(usings, tree);
        var cards = new SymbolCards(compilation);
        var model = compilation.GetSemanticModel(tree);
        foreach (var token in tree.GetRoot(cancellationToken).DescendantTokens().Where(t => t.IsKind(SyntaxKind.IdentifierToken)))
        {
            var position = tree.GetLineSpan(token.Span, cancellationToken).StartLinePosition;
            var line = lines[position.Line];
            if (cards.NoteFor(model, token, snippet.Location.File, line.Line, line.ColumnAt(position.Character)) is { } note) Add(note);
        }
    }

    /// <summary>True when some compilation of the run, or a kept one, noted a name on one of <paramref name="snippet"/>'s lines.</summary>
    public bool HasNotesOn(Snippet snippet) => HasNotesOnLines(FencedBlockLines.Of(snippet));

    private bool HasNotesOnLines(FencedBlockLines block) =>
        _sources.ContainsKey((block.File, block.Fence)) || block.Lines.Any(line => _notes.ContainsKey((block.File, line)));

    /// <summary>
    /// The cache key of the program whose kept notes cover <paramref name="snippet"/>: what its notes are a function of,
    /// known without reading them. Null when its notes were taken from a compilation that kept nothing.
    /// </summary>
    public string? KeptProgramOf(Snippet snippet) =>
        _sources.TryGetValue((snippet.Location.File, snippet.Location.Line), out var source) ? source.Program : null;

    /// <summary>The notes on the lines of <paramref name="snippet"/> (what <c>render</c> colours it with).</summary>
    public IReadOnlyList<SymbolNote> NotesOn(Snippet snippet) => NotesOnLines(FencedBlockLines.Of(snippet));

    private IReadOnlyList<SymbolNote> NotesOnLines(FencedBlockLines block)
    {
        if (_sources.TryGetValue((block.File, block.Fence), out var source)) Read(source.Path);
        return [.. block.Lines.Order().SelectMany(
            line => _notes.TryGetValue((block.File, line), out var notes) ? notes.Values.OrderBy(n => n.Column) : Enumerable.Empty<SymbolNote>())];
    }

    /// <summary>
    /// The notes of the blocks of <paramref name="programs"/> (each with its cache key), as the JSON the result cache
    /// keeps in <paramref name="path"/>; from now on that file stands for them (see <see cref="TryLoad"/>).
    /// </summary>
    internal string Keep(string path, IReadOnlyList<(string Program, IReadOnlyList<Snippet> Blocks)> programs)
    {
        var notes = programs.SelectMany(p => p.Blocks).SelectMany(b => NotesOn(b)).ToList();
        _read.TryAdd(path, new Lazy<bool>(true));
        foreach (var (program, blocks) in programs)
        {
            foreach (var block in blocks) _sources[(block.Location.File, block.Location.Line)] = (program, path);
        }
        return JsonSerializer.Serialize(notes, SymbolNoteJson.Default.ListSymbolNote);
    }

    /// <summary>
    /// Takes the notes kept by <see cref="Keep"/> in <paramref name="path"/> for the blocks of <paramref name="programs"/>, each of the
    /// program cached under the key beside it; false when there are none (the programs must then be compiled). The
    /// file is read when a block's notes are first needed.
    /// </summary>
    internal bool TryLoad(string path, IEnumerable<(string Program, IReadOnlyList<Snippet> Blocks)> programs)
    {
        if (!File.Exists(path)) return false;
        foreach (var (program, blocks) in programs)
        {
            foreach (var block in blocks) _sources[(block.Location.File, block.Location.Line)] = (program, path);
        }
        return true;
    }

    private void Read(string path) => _ = _read.GetOrAdd(path, p => new Lazy<bool>(() =>
    {
        try
        {
            foreach (var note in JsonSerializer.Deserialize(File.ReadAllText(p), SymbolNoteJson.Default.ListSymbolNote) ?? []) Add(note);
            return true;
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            // A notes file lost between the lookup and now: the block's names stay plain (its keywords, strings and
            // comments come from its text, not from notes).
            return false;
        }
    })).Value;
}
