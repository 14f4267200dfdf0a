using Microsoft.CodeAnalysis.CSharp;
using SnippetCheck.Compilation;
using SnippetCheck.Engine.Merging;
using SnippetCheck.Extraction;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Unit.Engine.Merging;

public sealed class MergedCompilerTests
{
    private static readonly CompileSettings Settings = new() { References = ReferenceAssemblies.Default };

    private static IReadOnlyList<ParsedPart> Parts(string code, string file = "post.md", CompileSettings? settings = null)
    {
        var fence = Pipeline.Extract($"# T\n\n```cs\n{code}\n```\n", file).Items.OfType<FencedBlock>().Single();
        return [new ParsedPart(new CodePart(0, file, fence.Lines), (settings ?? Settings).ParseOptions)];
    }

    private static MergeableProgram? Analyse(string code, CompileSettings? settings = null) =>
        MergeableProgram.TryCreate(Parts(code, settings: settings));

    [Theory]
    [InlineData("namespace Demo { class A; }", "a namespace would move under the wrapping one")]
    [InlineData("namespace Demo;\nclass A;", "a file-scoped namespace cannot be wrapped")]
    [InlineData("global using System.Text;\nConsole.WriteLine(1);", "a global using would reach the other snippets")]
    [InlineData("[assembly: System.Reflection.AssemblyTitle(\"x\")]\nConsole.WriteLine(1);", "assembly attributes belong to the shared assembly")]
    [InlineData("#define FAST\nConsole.WriteLine(1);", "#define must come before any code")]
    [InlineData("Console.WriteLine(1);\nclass P { static void Main() { } }", "alone it draws CS7022")]
    [InlineData("class P { static void Main(int x) { } }", "alone this Main is no entry point")]
    [InlineData("class A { static void Main() { } }\nclass B { static void Main() { } }", "alone it draws CS0017")]
    [InlineData("class Outer { class Inner { static void Main() { } } }", "a nested Main is not entered by type name")]
    [InlineData("Console.WriteLine(1", "syntax errors are reported alone")]
    public void Code_that_would_mean_something_else_wrapped_is_not_merged(string code, string why)
    {
        Assert.True(Analyse(code) is null, why);
    }

    [Fact]
    public void Code_below_CSharp_10_is_not_merged()
    {
        Assert.Null(Analyse("Console.WriteLine(1);", Settings with { LanguageVersion = LanguageVersion.CSharp9 }));
    }

    [Theory]
    [InlineData("Console.WriteLine(1);", "Program", "void")]
    [InlineData("await Task.Delay(1);", "Program", "async global::System.Threading.Tasks.Task")]
    [InlineData("return 3;", "Program", "int")]
    [InlineData("await Task.Yield();\nreturn 3;", "Program", "async global::System.Threading.Tasks.Task<int>")]
    [InlineData("await foreach (var x in Items()) { }\nstatic async IAsyncEnumerable<int> Items() { yield return 1; await Task.Yield(); }", "Program", "async global::System.Threading.Tasks.Task")]
    [InlineData("Func<Task<int>> f = async () => { await Task.Yield(); return 1; };\nint Local() { return 2; }", "Program", "void")]
    [InlineData("class Demo { static async Task<int> Main(string[] args) { await Task.Yield(); return 0; } }", "Demo", null)]
    [InlineData("public sealed class Library { }", null, null)]
    public void Entry_points_take_the_shape_roslyn_gives_them(string code, string? entryClass, string? signature)
    {
        var program = Analyse(code);
        Assert.NotNull(program);
        Assert.Equal((entryClass, signature), (program.EntryClass, program.TopLevelSignature));
    }

    [Fact]
    public void A_broken_program_is_dropped_and_the_rest_recompiled_into_one_image()
    {
        var programs = new[]
        {
            Analyse("Console.WriteLine(\"first\");"),
            MergeableProgram.TryCreate(Parts("int x = \"text\";", "broken.md")),
            Analyse("class Lib { public int Value => 1; }"),
            Analyse("class Entry { static void Main() => Console.WriteLine(new Lib().Value); }\nclass Lib { public int Value => 2; }"),
        };

        var result = MergedCompiler.Compile([.. programs.Select(p => p!)], Settings);

        Assert.Equal([1], result.Broken);
        Assert.Equal(2, result.Compilations);
        Assert.NotNull(result.Image);
        Assert.Equal(["__Snippet0.Program", null, null, "__Snippet3.Entry"], result.EntryTypes);
    }

    [Fact]
    public void A_program_with_a_warning_is_dropped_so_that_its_warning_is_reported_alone()
    {
        var result = MergedCompiler.Compile([Analyse("string? s = null;\nConsole.WriteLine(s.Length);")!, Analyse("Console.WriteLine(1);")!], Settings);
        Assert.Equal([0], result.Broken);
        Assert.Equal([null, "__Snippet1.Program"], result.EntryTypes);
    }

    [Fact]
    public void When_every_program_is_broken_there_is_no_image()
    {
        var result = MergedCompiler.Compile([Analyse("int a = \"x\";")!, Analyse("Missing();")!], Settings);
        Assert.Equal([0, 1], result.Broken.Order());
        Assert.Null(result.Image);
        Assert.Equal(1, result.Compilations);
    }

    [Fact]
    public void Types_of_the_same_name_in_two_programs_do_not_collide()
    {
        var result = MergedCompiler.Compile(
            [Analyse("Console.WriteLine(new Shape());\nclass Shape;")!, Analyse("Console.WriteLine(new Shape());\nclass Shape;")!], Settings);
        Assert.Empty(result.Broken);
    }
}
