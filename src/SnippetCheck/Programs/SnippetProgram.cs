using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SnippetCheck.Compilation;
using SnippetCheck.Configuration;
using SnippetCheck.Extraction.Snippets;

namespace SnippetCheck.Programs;

/// <summary>
/// One program to verify, built once by the planner: a lone snippet, or every block of a session, with the document's
/// preludes that apply and typed compile settings. Every path (alone, merged, session) derives its source from this
/// through <see cref="ProgramAssembler"/>, and the cache key, merge grouping and the judge all read it.
/// </summary>
internal sealed class SnippetProgram
{
    private (CSharpParseOptions Options, IReadOnlyList<ParsedPart> Preludes, IReadOnlyList<ParsedPart> Blocks)? _parsed;

    private SnippetProgram(SnippetDocument document, string? session, IReadOnlyList<Snippet> blocks, FileSettings file, bool fixture = false)
    {
        IsFixture = fixture;
        Network = blocks.Aggregate(file.AllowsNetwork, (allowed, b) => Configuration.Settings.Network.Merge.WithTag(allowed, b.Tags.Network));
        Document = document;
        Session = session;
        Blocks = blocks;
        Preludes = [.. document.Preludes.Where(p => p.Session is null || p.Session == session)];
        Settings = WithDocumentedNamespaces(file.CompileSettings.Overlay(blocks.Select(b => b.Tags)), blocks);
        Timeouts = [.. blocks.Select(b => file.TimeoutFor(b.Tags))];
        Config = file.Config;
    }

    /// <summary>
    /// An example in a doc comment sees the namespace it documents, as a user of the library would after one using; and
    /// any example, the usings a scoped <c>--using</c> gives it.
    /// </summary>
    private static CompileSettings WithDocumentedNamespaces(CompileSettings settings, IReadOnlyList<Snippet> blocks)
    {
        var namespaces = blocks.Select(b => b.DocumentedNamespace).OfType<string>().Concat(blocks.SelectMany(b => b.ScopedUsings))
            .Where(n => !settings.Usings.Contains(n)).Distinct().ToList();
        return namespaces.Count == 0 ? settings : settings with { Usings = [.. settings.Usings, .. namespaces] };
    }

    /// <summary>A lone snippet's program, with everything its file's settings say (compile settings, timeout, network, scrubbers).</summary>
    public static SnippetProgram Lone(SnippetDocument document, Snippet snippet, FileSettings file) => new(document, null, [snippet], file);

    /// <summary>A session's blocks, all of them in document order (ignored and compile-fail ones too: see <see cref="Compiled"/>).</summary>
    internal static SnippetProgram ForSession(SnippetDocument document, string session, IReadOnlyList<Snippet> blocks, FileSettings file) =>
        new(document, session, blocks, file);

    /// <summary>The session name a fixture page's program goes by in messages.</summary>
    internal const string FixtureSession = "page";

    /// <summary>
    /// A fixture page: its blocks outside any <c>session=</c>, in document order, as one class (<see cref="FixtureWrapper"/>),
    /// verified as a session is: one program, each block judged on its own output and failure.
    /// </summary>
    public static SnippetProgram ForFixture(SnippetDocument document, IReadOnlyList<Snippet> blocks, FileSettings file) =>
        new(document, FixtureSession, blocks, file, fixture: true);

    /// <summary>The page is one class: blocks are its members and methods, preludes its hidden members.</summary>
    internal bool IsFixture { get; }

    internal SnippetDocument Document { get; }
    internal string? Session { get; }
    internal IReadOnlyList<Snippet> Blocks { get; }
    internal IReadOnlyList<Prelude> Preludes { get; }

    /// <summary>Defaults, config, front matter and the blocks' tags; packages may add references and properties.</summary>
    public CompileSettings Settings { get; }

    /// <summary>Each block's timeout; a session gets them all.</summary>
    internal IReadOnlyList<TimeSpan> Timeouts { get; }

    /// <summary>
    /// The file's settings (config, front matter, command line): what the judge reads a block's scrubbers from
    /// (<c>Results/BlockScrubbing</c>), and whose keyed values are in the cache key (<c>Settings.AddKeyed</c>).
    /// </summary>
    internal SnippetCheckConfig Config { get; }

    internal bool IsSession => Session is not null;

    /// <summary>May open TCP connections (a block tagged <c>network</c>, or the file's settings): runs in a runner of that kind.</summary>
    internal bool Network { get; }

    /// <summary>
    /// The blocks that make the program: a session leaves out ignored, compile-fail, check and empty blocks (a
    /// compile-fail or check block is compiled with the session so far, on its own: its errors must not stop the rest).
    /// </summary>
    internal IReadOnlyList<int> Compiled(CompileSettings settings)
    {
        if (!IsSession) return [0];
        var parts = BlockParts(settings);
        return [.. Enumerable.Range(0, Blocks.Count).Where(
            i => Blocks[i].Kind.Rule().JoinsSession && !parts[i].IsEmpty)];
    }

    /// <summary>
    /// What compiling block <paramref name="index"/> at the <c>check</c> level needs: its part, and the names the post's other blocks declare.
    /// </summary>
    internal CheckScope CheckScopeFor(int index, CompileSettings settings) =>
        new(index, PostDeclarations.Besides(Document, Blocks[index], settings.ParseOptions),
            [.. Holes.Fill(Blocks[index].Code, settings.ParseOptions, Blocks[index].Tags.Members).Holes.Select(
                h => h with { File = Document.DisplayPath })]);

    /// <summary>
    /// True when a run of <paramref name="blocks"/> runs the program's test methods too: one of them asks to run. A block
    /// tagged <c>compile</c> only compiles, and its tests are reported as compiled, never as run.
    /// </summary>
    internal bool RunsTests(IEnumerable<int> blocks) => blocks.Any(i => Blocks[i].Kind.Rule().RunsTests);

    /// <summary>The program's arguments: the first block that gives any.</summary>
    internal string[] Args => Blocks.Select(b => b.Tags.Args).FirstOrDefault(a => a is not null) ?? [];

    /// <summary>Standard input: every block's stdin block, in order.</summary>
    internal string Stdin(IEnumerable<int> blocks) =>
        IsSession
            ? string.Concat(blocks.Select(i => Blocks[i].Stdin).Where(s => s is not null).Select(s => s!.Content + "\n"))
            : Blocks[0].Stdin?.Content ?? "";

    internal IReadOnlyList<ParsedPart> PreludeParts(CompileSettings settings) => Parse(settings).Preludes;

    /// <summary>Block <c>i</c>'s code, parsed as a file of its own; part ID <c>i</c>.</summary>
    public IReadOnlyList<ParsedPart> BlockParts(CompileSettings settings) => Parse(settings).Blocks;

    /// <summary>
    /// What the program runs: its top-level statements, or a static <c>Main</c> in a block or a prelude (a prelude's
    /// <c>Main</c> is the program's entry point; a prelude's statements alone are helpers, not something to run).
    /// </summary>
    public bool HasEntryPoint(CompileSettings settings, IEnumerable<int> blocks)
    {
        var parts = BlockParts(settings);
        return blocks.Any(i => parts[i].HasStatements || parts[i].HasMain || parts[i].Part.FixtureMethod is not null)
            || PreludeParts(settings).Any(p => p.HasMain);
    }

    /// <summary>The block whose output is everything printed before the first block mark: the one holding <c>Main</c>, else the first.</summary>
    internal int EntryBlock(CompileSettings settings, IReadOnlyList<int> blocks)
    {
        var parts = BlockParts(settings);
        return blocks.FirstOrDefault(i => parts[i].HasMain && !parts[i].HasStatements, blocks[0]);
    }

    private (CSharpParseOptions Options, IReadOnlyList<ParsedPart> Preludes, IReadOnlyList<ParsedPart> Blocks) Parse(CompileSettings settings)
    {
        var options = settings.ParseOptions;
        if (_parsed is { } parsed && parsed.Options.Equals(options)) return parsed;
        var file = Document.DisplayPath;
        var sharedFields = new HashSet<string>(StringComparer.Ordinal);
        var result = (options,
            (IReadOnlyList<ParsedPart>)[.. Preludes.Select((p, i) => new ParsedPart(PreludePart(p, -1 - i, file, options), options))],
            (IReadOnlyList<ParsedPart>)[.. Blocks.Select((b, i) => new ParsedPart(PartOf(b, i, file, options, IsFixture, sharedFields), options))]);
        _parsed = result;
        return result;
    }

    /// <summary>
    /// A prelude's code; on a fixture page, hidden members of the page's class, unless it declares a namespace (the doc
    /// set's models adopt writes into the config's <c>hiddenCode</c>): no class can hold one, so it stays a file of its own
    /// there as in every other shape.
    /// </summary>
    private CodePart PreludePart(Prelude prelude, int id, string file, CSharpParseOptions options)
    {
        if (!IsFixture || DeclaresNamespace(prelude, options)) return new CodePart(id, prelude.File ?? file, prelude.Lines);
        var (lines, staticClass) = MemberWrapper.Wrap(prelude.Lines, id, options, forcePublic: true);
        return new CodePart(id, prelude.File ?? file, lines, staticClass);
    }

    private static bool DeclaresNamespace(Prelude prelude, CSharpParseOptions options) =>
        CSharpSyntaxTree.ParseText(string.Join('\n', prelude.Lines.Select(l => l.Text)), options).GetCompilationUnitRoot()
            .Members.Any(m => m is BaseNamespaceDeclarationSyntax);

    /// <param name="sharedFields">
    /// The given fields the program's members blocks declared so far: they share one class (a session's, a fixture
    /// page's), which holds each name once, as the post's own class would.
    /// </param>
    private static CodePart PartOf(Snippet block, int index, string file, CSharpParseOptions options, bool fixture, ISet<string> sharedFields)
    {
        var code = block.Tags.Results ? ResultLines.Rewrite(block.Code, file, options) : block.Code;
        // A check block's '...' are holes, and a compile-fail block's that stand for statements or members (the C#
        // standard's 'replaceEllipsis'): a block at a level that claims more must be whole.
        var rule = block.Kind.Rule();
        if (rule.FillsDots) code = Holes.Fill(code, options, block.Tags.Members, markers: rule.Holes).Lines;
        if (block.Tags.StatementsFirst) code = StatementsFirst.Reorder(code, options);
        // A block's given locals: declared before its statements, or fields of the class its members or constructor go in.
        // A block that joins the program claims its names in the shared class; one compiled beside it (check,
        // compile-fail) only leaves out what an earlier block claimed.
        IReadOnlyList<string> SharedFields() => GivenLocals.Fields([.. block.Tags.Given.Where(g =>
            rule.JoinsSession ? sharedFields.Add(GivenLocals.NameOf(g)) : !sharedFields.Contains(GivenLocals.NameOf(g)))]);
        if (fixture && !rule.Holes)
        {
            // On a fixture page a block of statements is a method of the page's class, and any other block its members.
            if (!block.Tags.Members && !FixtureWrapper.AreMembers(code, options))
            {
                var (statements, method) = FixtureWrapper.WrapStatements(GivenLocals.Declare(code, block.Tags.Given, options), index, options);
                return new CodePart(index, file, statements) { FixtureMethod = method };
            }
            var (members, memberClass) = MemberWrapper.Wrap(code, index, options, SharedFields(), forcePublic: true);
            return new CodePart(index, file, members, memberClass);
        }
        if (block.Tags.Base is { } baseType)
        {
            return new CodePart(index, file, block.Tags.Members
                ? BaseClassWrapper.WrapMembers(code, index, baseType, options, GivenLocals.Fields(block.Tags.Given))
                : BaseClassWrapper.Wrap(code, index, baseType, options, GivenLocals.Fields(block.Tags.Given)));
        }
        if (!block.Tags.Members) return new CodePart(index, file, GivenLocals.Declare(code, block.Tags.Given, options));
        var (lines, staticClass) = MemberWrapper.Wrap(code, index, options, SharedFields());
        return new CodePart(index, file, lines, staticClass);
    }
}
