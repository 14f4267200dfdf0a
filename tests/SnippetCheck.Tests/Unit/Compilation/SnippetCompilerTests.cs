using SnippetCheck.Extraction;
using SnippetCheck.Programs;
using SnippetCheck.Compilation;
using SnippetCheck.Model;
using SnippetCheck.Results;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Unit.Compilation;

public sealed class SnippetCompilerTests
{
    private static readonly CompileSettings Settings = new() { References = ReferenceAssemblies.Default };

    private static CompilationResult Compile(string markdown, CompileSettings? settings = null)
    {
        var fences = Pipeline.Extract(markdown).Items.OfType<FencedBlock>().ToList();
        var effective = settings ?? Settings;
        var parts = fences.Select((f, i) => new ParsedPart(new CodePart(i, "post.md", f.Lines), effective.ParseOptions)).ToList();
        return SnippetCompiler.Compile(ProgramAssembler.Assemble([], parts, effective, markBlocks: parts.Count > 1), parts, effective);
    }

    private static SourceLocation FirstError(CompilationResult result) => result.Errors.First().Location!.Value;

    [Fact]
    public void The_sdks_default_nowarn_holds_even_under_warnaserror_so_an_older_package_compiles_as_with_dotnet_run()
    {
        var options = SnippetCompiler.OptionsFor(Settings with { WarningsAsErrors = true }, Microsoft.CodeAnalysis.OutputKind.ConsoleApplication);

        Assert.Equal(Microsoft.CodeAnalysis.ReportDiagnostic.Suppress, options.SpecificDiagnosticOptions["CS1701"]);
        Assert.Equal(Microsoft.CodeAnalysis.ReportDiagnostic.Suppress, options.SpecificDiagnosticOptions["CS1702"]);
    }

    [Fact]
    public void Errors_in_a_top_level_fence_map_to_the_markdown_line_and_column()
    {
        var result = Compile("# T\n\n```cs\nvar a = 1;\nConsole.WriteLine(missing);\n```\n");
        Assert.Equal(("CS0103", new SourceLocation("post.md", 5, 19)), (result.Errors.First().Id, FirstError(result)));
    }

    [Fact]
    public void Errors_in_list_and_quote_nested_fences_keep_their_columns()
    {
        var inList = Compile("1. Step\n\n   ```cs\n   var a = 1;\n   int b = \"text\";\n   ```\n");
        Assert.Equal(new SourceLocation("post.md", 5, 12), FirstError(inList));
        var inQuote = Compile("> ```cs\n> var a = 1;\n> Console.WriteLine(missing);\n> ```\n");
        Assert.Equal(new SourceLocation("post.md", 3, 21), FirstError(inQuote));
    }

    [Fact]
    public void Lines_after_a_multi_line_string_still_map_to_their_own_line()
    {
        var result = Compile("- x\n\n  ```cs\n  var s = \"\"\"\n      raw\n      \"\"\";\n  Console.WriteLine(missing);\n  ```\n");
        Assert.Equal(new SourceLocation("post.md", 7, 21), FirstError(result));
    }

    [Fact]
    public void Implicit_usings_are_those_of_a_console_project()
    {
        var result = Compile("```cs\nvar list = new List<int> { 1 }.Select(x => x).ToList();\nawait Task.Delay(1);\nusing var http = new HttpClient();\nFile.Exists(\"x\");\nThread.Sleep(0);\n```\n");
        Assert.True(result.Success, string.Join("\n", result.Errors));
    }

    [Fact]
    public void The_default_language_version_is_csharp_14_not_latest()
    {
        Assert.Equal(Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp14, Settings.LanguageVersion);
        var extension = "```cs\nConsole.WriteLine(3.Twice());\nstatic class E { extension(int i) { public int Twice() => i * 2; } }\n```\n";
        Assert.True(Compile(extension).Success);
        var csharp13 = Compile(extension, Settings with { LanguageVersion = Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp13 });
        Assert.False(csharp13.Success);
    }

    [Fact]
    public void Usings_are_hoisted_and_types_can_be_declared_in_any_block()
    {
        var result = Compile("```cs\nusing System.Text;\nvar p = new Point(1, 2);\n```\n\n```cs\nConsole.WriteLine(new StringBuilder().Append(p).ToString());\nrecord Point(int X, int Y);\n```\n");
        Assert.True(result.Success, string.Join("\n", result.Errors));
        Assert.True(result.IsExecutable);
    }

    [Fact]
    public void Declarations_only_compile_as_a_library()
    {
        var result = Compile("```cs\npublic sealed class Library { public int Value => 42; }\n```\n");
        Assert.True(result.Success);
        Assert.False(result.IsExecutable);
    }

    [Fact]
    public void A_classic_main_is_an_entry_point()
    {
        var result = Compile("```cs\nclass Program { static int Main(string[] args) => args.Length; }\n```\n");
        Assert.True(result.Success);
        Assert.True(result.IsExecutable);
    }

    [Fact]
    public void Compile_fail_ids_come_from_roslyn_itself()
    {
        var result = Compile("```cs\nint x = \"s\";\nConsole.WriteLine(y);\n```\n");
        Assert.Equal(["CS0029", "CS0103"], result.Errors.Select(e => e.Id).Order());
    }
}

public sealed class LineMappingColumnTests
{
    private static readonly CompileSettings Settings = new() { References = ReferenceAssemblies.Default };

    [Theory]
    [InlineData("```cs\npublic void M() { }\n```\n", 2, 1)]
    [InlineData("```cs\nmissing();\n```\n", 2, 1)]
    [InlineData("  ```cs\n  missing();\n  ```\n", 2, 3)]
    [InlineData("> ```cs\n> x = missing;\n> ```\n", 2, 3)]
    [InlineData("```cs\nusing No.Such.Namespace;\n```\n", 2, 7)]
    public void An_error_on_the_first_character_of_a_line_points_at_that_character(string markdown, int line, int column)
    {
        var fence = Pipeline.Extract(markdown).Items.OfType<FencedBlock>().Single();
        var parts = new[] { new ParsedPart(new CodePart(0, "post.md", fence.Lines), Settings.ParseOptions) };
        var result = SnippetCompiler.Compile(ProgramAssembler.Assemble([], parts, Settings, markBlocks: false), parts, Settings);
        var error = result.Errors.First();
        Assert.Equal((line, column), (error.Location!.Value.Line, error.Location.Value.Column));
    }
}

public sealed class OldLanguageVersionTests
{
    [Theory]
    [InlineData("7.3")]
    [InlineData("9")]
    [InlineData("5")]
    public async Task Snippets_for_old_csharp_versions_compile_and_run_with_the_implicit_usings(string version)
    {
        var report = await Pipeline.VerifyAsync($"```csharp run langversion={version}\nusing System.Text;\nclass Program {{ static void Main() {{ var list = new List<int> {{ 1, 2 }}; Console.WriteLine(new StringBuilder().Append(list.Sum()).ToString()); }} }}\n```\n```output\n3\n```\n");
        var result = Assert.Single(report.Snippets);
        Assert.True(result.Status == SnippetStatus.Passed, result.Message + "\n" + result.Detail);
    }
}
