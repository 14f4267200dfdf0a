using SnippetCheck.Model;

namespace SnippetCheck.Extraction.Snippets;

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
    public string KindTag => TagOf(Kind);

    /// <summary>The word a fence tag writes <paramref name="kind"/> with (<c>run</c>, <c>compile-fail</c>), for a host that adds one.</summary>
    public static string TagOf(SnippetKind kind) => kind.ToTag();
}
