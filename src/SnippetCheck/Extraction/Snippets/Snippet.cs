using SnippetCheck.Extraction.Markdown;
using SnippetCheck.Model;

namespace SnippetCheck.Extraction.Snippets;

/// <summary>How a snippet's output is compared with its output block.</summary>
internal enum OutputMatchMode
{
    /// <summary>Line by line, as printed (after scrubbing and trailing-whitespace trimming).</summary>
    Exact,

    /// <summary>An <c>...</c> line in the output block stands for any number of printed lines.</summary>
    Ellipsis,

    /// <summary>The same lines, in any order.</summary>
    Unordered,
}

/// <summary>An output block and how it is matched; made only by the snippet reader.</summary>
internal sealed record ExpectedOutput
{
    /// <param name="block">The output block (a fence, or hidden output in a comment).</param>
    /// <param name="mode">How the program's output is compared with it.</param>
    internal ExpectedOutput(FencedBlock block, OutputMatchMode mode)
    {
        Block = block;
        Mode = mode;
    }

    /// <summary>The output block (a fence, or hidden output in a comment).</summary>
    public FencedBlock Block { get; init; }

    /// <summary>How the program's output is compared with it.</summary>
    internal OutputMatchMode Mode { get; init; }

    /// <summary>Info strings of blocks that show a terminal session: a leading prompt line there is the command, not output.</summary>
    private static readonly string[] SessionLanguages = ["console", "shell-session", "shellsession", "sh-session", "bash-session"];

    /// <summary>The output to match: the block's body without its <see cref="Prompt"/> line.</summary>
    public string Text => Prompt is null ? Block.Content
        : string.Join('\n', Block.Lines.SkipWhile(l => l.Text.Trim().Length == 0).Skip(1).Select(l => l.Text));

    /// <summary>
    /// In a <c>console</c> (or <c>shell-session</c>) block, a first line that is a <c>$ </c> or <c>&gt; </c> prompt
    /// (<c>$ dotnet run</c>, as trycmd reads it): shown to readers, skipped when matching, kept by <c>--accept</c>. Null otherwise.
    /// </summary>
    public string? Prompt
    {
        get
        {
            if (!SessionLanguages.Contains(Block.Info.Trim(), StringComparer.OrdinalIgnoreCase)) return null;
            var first = Block.Lines.FirstOrDefault(l => l.Text.Trim().Length > 0).Text;
            return first is not null
                && (first.StartsWith("$ ", StringComparison.Ordinal) || first.StartsWith("> ", StringComparison.Ordinal)
                    || first.TrimEnd() is "$" or ">")
                ? first : null;
        }
    }

    /// <summary>
    /// The body lines that <see cref="Text"/> compares, from the first one that is not blank (leading blank lines take
    /// no part in matching, README.md "Output and standard input"): where each compared line stands in the file.
    /// </summary>
    internal IReadOnlyList<CodeLine> ComparedLines =>
        [.. (Prompt is null ? Block.Lines : Block.Lines.SkipWhile(l => l.Text.Trim().Length == 0).Skip(1)).SkipWhile(
            l => l.Text.TrimEnd().Length == 0)];

    /// <summary>Scrubbers named on the output block itself (<c>```output scrub=duration</c>); null when not given.</summary>
    public IReadOnlyList<string>? Scrub { get; init; }

    /// <summary>
    /// <c>```output frameworks=net8.0</c>: the frameworks of a matrix this output is expected on, for output that
    /// legitimately differs between them; null: every framework no other output block of the snippet names.
    /// </summary>
    internal FrameworkSet? Frameworks { get; init; }
}

/// <summary>A C# block with its tags, its attached output and stdin blocks, and its annotation findings; made only by the snippet reader.</summary>
public sealed partial record Snippet
{
    /// <param name="block">The C# block as it stands in the file.</param>
    /// <param name="tags">What its info string and <c>snippetcheck:</c> comment say.</param>
    /// <param name="output">The output block attached to it; null without one.</param>
    /// <param name="stdin">The block whose text is fed to its standard input; null without one.</param>
    /// <param name="annotations">What is wrong or worth saying about its tags and directives, found when it was read.</param>
    internal Snippet(FencedBlock block, SnippetTags tags, ExpectedOutput? output, FencedBlock? stdin, IReadOnlyList<Diagnostic> annotations)
    {
        Block = block;
        Tags = tags;
        Output = output;
        Stdin = stdin;
        Annotations = annotations;
        Code = block.Lines;
    }

    /// <summary>The C# block as it stands in the file.</summary>
    internal FencedBlock Block { get; init; }

    /// <summary>What its info string and <c>snippetcheck:</c> comment say.</summary>
    internal SnippetTags Tags { get; init; }

    /// <summary>The output block attached to it; null without one.</summary>
    internal ExpectedOutput? Output { get; init; }

    /// <summary>The block whose text is fed to its standard input; null without one.</summary>
    internal FencedBlock? Stdin { get; init; }

    /// <summary>What is wrong or worth saying about its tags and directives, found when it was read.</summary>
    public IReadOnlyList<Diagnostic> Annotations { get; init; }

    /// <summary>The code to compile: the block's lines, with <c>#:</c> and <c>#r</c> directive lines blanked (never removed).</summary>
    internal IReadOnlyList<CodeLine> Code { get; init; }

    /// <summary>What the block's own <c>#:</c> and <c>#r</c> lines ask for.</summary>
    internal SnippetDirectives BlockDirectives { get; init; } = SnippetDirectives.None;

    /// <summary>
    /// What the block's directives ask for, with the packages its <c>packages=</c> tag names as if they were hidden
    /// <c>#:package</c> lines, and its <c>sdk=web</c> as a hidden <c>#:sdk</c>; <see cref="SnippetDirectives.Key"/> groups snippets that may share a
    /// compilation.
    /// </summary>
    internal SnippetDirectives Directives => Tags.Packages.Count == 0 && !Tags.WebSdk
        ? BlockDirectives
        : BlockDirectives with
        {
            Packages = [.. BlockDirectives.Packages, .. Tags.Packages],
            WebSdk = BlockDirectives.WebSdk ?? (Tags.WebSdk ? Location : null),
        };

    /// <summary>
    /// For an example in a doc comment, the namespace of the declaration it documents: the example gets a using of it,
    /// as rustdoc gives an example its crate. Null for Markdown blocks and for the global namespace.
    /// </summary>
    internal string? DocumentedNamespace { get; init; }

    /// <summary>
    /// Usings a scoped <c>--using N@FILE[:LINE]</c> gives this example alone (References/LibraryReferences.cs, <c>ScopedUsing</c>).
    /// </summary>
    internal IReadOnlyList<string> ScopedUsings { get; init; } = [];

    /// <summary>More output blocks, each for some frameworks of a matrix (<c>```output frameworks=net8.0</c>); see <see cref="OutputFor"/>.</summary>
    internal IReadOnlyList<ExpectedOutput> FrameworkOutputs { get; init; } = [];

    /// <summary>The output expected on <paramref name="framework"/>: the output block that names it, else the one that names none.</summary>
    internal ExpectedOutput? OutputFor(TargetFramework framework) =>
        FrameworkOutputs.Count == 0 && Output?.Frameworks is null
            ? Output
            : new[] { Output }.Concat(FrameworkOutputs).OfType<ExpectedOutput>().FirstOrDefault(o => o.Frameworks?.Contains(framework) == true)
                ?? new[] { Output }.Concat(FrameworkOutputs).OfType<ExpectedOutput>().FirstOrDefault(o => o.Frameworks is null);

    /// <summary>The block without what narrows its frameworks (its <c>frameworks=</c> tag, <c>#:property TargetFramework</c>).</summary>
    internal Snippet OnAnyFramework() => Tags.Frameworks is null && PinnedFramework is null ? this : this with
    {
        Tags = Tags with { Frameworks = null },
        BlockDirectives = BlockDirectives with { Properties =
            [.. BlockDirectives.Properties.Where(p => p.Setting is not CompileProperty.TargetFramework)] },
    };

    /// <summary>The framework a <c>#:property TargetFramework=</c> line of the block pins it to; null without one.</summary>
    internal TargetFramework? PinnedFramework =>
        BlockDirectives.Properties.Select(p => p.Setting).OfType<CompileProperty.TargetFramework>().FirstOrDefault()?.Framework;

    /// <summary>
    /// Whether the block is verified on <paramref name="framework"/>: its <c>frameworks=</c> tag keeps that framework,
    /// and no <c>#:property TargetFramework=</c> pins it to another. Elsewhere it is not applicable, not failed.
    /// </summary>
    internal bool AppliesTo(TargetFramework framework) =>
        (Tags.Frameworks?.Contains(framework) ?? true) && (PinnedFramework is not { } pinned || pinned == framework);

    /// <summary>Tagged blocks are verified; untagged ones are counted, and verified only with <c>--all</c>.</summary>
    public bool IsTagged => Tags.HasAny || Output is not null || Stdin is not null || HasAnnotationErrors;

    /// <summary>True when one of its <see cref="Annotations"/> is an error (a misspelt tag, a bad value): it then fails for its tags.</summary>
    internal bool HasAnnotationErrors => Annotations.Any(d => d.IsError);

    /// <summary>The kind the snippet is verified as: given, or <c>run</c> when tagged without one.</summary>
    public SnippetKind Kind => Tags.Kind ?? (IsTagged ? SnippetKind.Run : SnippetKind.Compile);

    /// <summary><see cref="Kind"/> as a tag writes it (<c>compile-fail</c>, <c>run</c>).</summary>
    public string KindTag => Kind.ToTag();
}

/// <summary>Hidden code from a <c>snippetcheck: prelude</c> comment, for a whole file or one session.</summary>
internal sealed record Prelude(DirectiveComment Comment, string? Session)
{
    /// <summary>The prelude's code, with directive lines blanked.</summary>
    internal IReadOnlyList<CodeLine> Lines { get; init; } = Comment.Body;

    /// <summary>What the prelude's directives ask for, for every program it is part of.</summary>
    internal SnippetDirectives Directives { get; init; } = SnippetDirectives.None;

    /// <summary>For a config prelude, the C# file it was read from, where its lines are; null for the document's own.</summary>
    internal string? File { get; init; }

    /// <summary>
    /// A config prelude's code, <paramref name="lines"/> of the C# file shown as <paramref name="displayPath"/> (or one adopt proposes).
    /// </summary>
    public static Prelude OfFile(string displayPath, IReadOnlyList<string> lines) =>
        OfLines(displayPath, [.. lines.Select((text, i) => new CodeLine(text, i + 1, 1))]);

    /// <summary>
    /// Hidden code whose <paramref name="lines"/> stand where they say in <paramref name="displayPath"/> (config <c>hiddenCode</c>).
    /// </summary>
    internal static Prelude OfLines(string displayPath, IReadOnlyList<CodeLine> lines) =>
        SnippetReader.PreludeOf(new DirectiveComment(new SourceLocation(displayPath, lines.Count > 0 ? lines[0].Line : 1, 1), "prelude", lines))
            with { File = displayPath };
}

/// <summary>One Markdown file, read as snippets.</summary>
internal sealed record SnippetDocument(
    ExtractedDocument Source,
    IReadOnlyList<Snippet> Snippets,
    IReadOnlyList<Prelude> Preludes,
    IReadOnlyList<Diagnostic> FileDiagnostics)
{
    /// <summary>The file's path as reports show it.</summary>
    public string DisplayPath => Source.Document.DisplayPath;
}
