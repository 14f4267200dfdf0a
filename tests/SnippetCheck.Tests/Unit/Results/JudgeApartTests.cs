using SnippetCheck.Compilation;
using SnippetCheck.Configuration;
using SnippetCheck.Extraction.Snippets;
using SnippetCheck.Programs;
using SnippetCheck.Results;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Unit.Results;

/// <summary>
/// <see cref="Judge.Apart"/>: a block of a kind that does not join its session, judged on its compilation alone (here the
/// real compiler's, of the block as a program of its own), by its kind's case; a kind that runs is never judged so.
/// </summary>
public sealed class JudgeApartTests
{
    private static (Snippet Block, CompilationResult Compiled) Compiled(string tags, string code)
    {
        var document = Pipeline.Read($"```csharp {tags}\n{code}\n```\n");
        var program = SnippetProgram.Lone(document, document.Snippets[0],
            new FileSettings(new SnippetCheckConfig(), ReferenceAssemblies.Default));
        var settings = program.Settings;
        var block = program.Blocks[0];
        var preludes = program.PreludeParts(settings);
        var parts = program.BlockParts(settings);
        var compiled = SnippetCompiler.Compile(ProgramAssembler.Assemble(preludes, parts, settings, false), [.. preludes, .. parts], settings,
            CancellationToken.None, null, block.Kind.Rule().Holes ? program.CheckScopeFor(0, settings) : null, Judge.BindsPastSyntax(block));
        return (block, compiled);
    }

    [Theory]
    [InlineData("compile-fail=CS0029", "string s = 1;", "passed")]   // its expected error
    [InlineData("compile-fail=CS0029", "int i = 1;", "failed")]      // it compiles
    [InlineData("compile-fail=CS0029", "string s = x;", "failed")]   // another error (CS0103)
    [InlineData("check", "Console.WriteLine(basket.Total);", "passed")]
    [InlineData("check", "Console.WriteLine(1 +);", "failed")]       // a syntax error is no unknown name
    public void A_block_apart_is_judged_by_its_kinds_case_on_its_compilation(string tags, string code, string status)
    {
        var (block, compiled) = Compiled(tags, code);
        Assert.Equal(status, Judge.Apart(block, compiled).Status.ToWord());
    }

    [Fact]
    public void A_check_block_apart_says_checked_with_its_unknown_names_never_a_plain_pass()
    {
        var (block, compiled) = Compiled("check", "Console.WriteLine(basket.Total);");
        var verdict = Assert.IsType<Verdict.Checked>(Judge.Apart(block, compiled));
        Assert.Equal(["basket"], verdict.Unknown.Select(u => u.Name));
    }

    [Theory]
    [InlineData("run")]
    [InlineData("throws")]
    [InlineData("ignore")]
    public void A_kind_that_runs_or_is_never_verified_is_never_judged_apart(string tags)
    {
        var (block, compiled) = Compiled(tags, "int i = 1;");
        Assert.Throws<InvalidOperationException>(() => Judge.Apart(block, compiled));
    }
}
