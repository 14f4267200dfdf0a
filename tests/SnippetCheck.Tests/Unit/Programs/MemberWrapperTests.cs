using SnippetCheck.Extraction;
using SnippetCheck.Programs;
using SnippetCheck.Compilation;
using SnippetCheck.Results;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Unit.Programs;

/// <summary>
/// Blocks tagged <c>members</c> (docs/authoring.md#member-blocks): members compile inside a class the tool adds, on
/// hidden lines, so the author's lines keep their positions, alone and in a session.
/// </summary>
public sealed class MemberWrapperTests
{
    private static readonly Microsoft.CodeAnalysis.CSharp.CSharpParseOptions Options = new CompileSettings().ParseOptions;

    private static IReadOnlyList<CodeLine> Lines(params string[] texts) => [.. texts.Select((t, i) => new CodeLine(t, 10 + i, 1))];

    [Fact]
    public void The_class_opens_after_the_usings_and_closes_after_the_last_line_on_generated_lines()
    {
        var lines = Lines("using System.Text;", "", "// builds a greeting", "public string Greet(string name) => new StringBuilder(name).ToString();");

        var (wrapped, staticClass) = MemberWrapper.Wrap(lines, 0, Options);

        Assert.Null(staticClass);
        Assert.Equal(["using System.Text;", "partial class Program {", "", "// builds a greeting", "public string Greet(string name) => new StringBuilder(name).ToString();", "}"],
            wrapped.Select(l => l.Text));
        Assert.Equal([false, true, false, false, false, true], wrapped.Select(l => l.Generated));
        Assert.Equal(lines, wrapped.Where(l => !l.Generated));
    }

    [Theory]
    [InlineData("public static string Shout(this string s) => s.ToUpperInvariant();", "static partial class __Members3 {")]
    [InlineData("extension(int n)\n{\n    public bool IsEven => n % 2 == 0;\n}", "static partial class __Members3 {")]
    [InlineData("public static int Twice(int x) => x * 2;", "partial class Program {")]
    [InlineData("private int _count;\npublic void Add() => _count++;", "partial class Program {")]
    [InlineData("public abstract void Draw();\npublic virtual int Sides => 0;", "abstract partial class Program {")]
    public void The_class_is_static_only_for_extensions_and_abstract_for_an_abstract_member(string code, string opening)
    {
        var (wrapped, staticClass) = MemberWrapper.Wrap(Lines(code.Split('\n')), 3, Options);

        Assert.Equal(opening, wrapped[0].Text);
        Assert.Equal(opening.StartsWith("static", StringComparison.Ordinal) ? "__Members3" : null, staticClass);
    }

    [Theory]
    [InlineData("public interface IGreeter { string Greet(string name); }", "public partial class Program {")]
    [InlineData("public record Order(int Id);\npublic abstract void Draw();", "public abstract partial class Program {")]
    [InlineData("public delegate void Handler(int x);", "public partial class Program {")]
    [InlineData("interface IGreeter { string Greet(string name); }", "partial class Program {")]
    [InlineData("public void Greet() { }", "partial class Program {")]
    public void The_class_is_public_when_the_block_declares_a_public_type(string code, string opening)
    {
        var (wrapped, _) = MemberWrapper.Wrap(Lines(code.Split('\n')), 0, Options);

        Assert.Equal(opening, wrapped[0].Text);
    }

    [Fact]
    public async Task Member_blocks_pass_alone_and_in_lists_and_their_errors_keep_the_authors_line_and_column()
    {
        var report = await Pipeline.VerifyAsync("""
            ```csharp compile members
            using System.Text;

            private readonly StringBuilder _log = new();
            public string Name { get; set; } = "";
            public void Log(string line) => _log.AppendLine(line);
            ```

            1. A step:

               ```csharp compile members
               public int Sub(int a, int b) => a - c;
               ```
            """);

        Assert.Equal([SnippetStatus.Passed, SnippetStatus.Failed], report.Snippets.Select(s => s.Status));
        var error = report.Snippets[1].Diagnostics.First(d => d.IsError);
        Assert.Equal(("CS0103", 12, 40), (error.Id, error.Location.Line, error.Location.Column));
    }

    [Fact]
    public async Task A_sessions_statements_call_its_member_blocks_private_and_extension_members_by_their_simple_names()
    {
        var report = await Pipeline.VerifyAsync("""
            ```csharp members session=s
            static int Twice(int x) => x * 2;
            ```

            ```csharp members session=s
            public static string Shout(this string s) => s.ToUpperInvariant() + "!";
            ```

            ```csharp run session=s
            Console.WriteLine(Twice(21));
            Console.WriteLine("hi".Shout());
            ```

            ```output
            42
            HI!
            ```
            """);

        Assert.All(report.Snippets, s => Assert.True(s.Status == SnippetStatus.Passed, s.Message + "\n" + s.Detail));
    }

    [Theory]
    [InlineData("42", "Twice(21)", "passed")]
    [InlineData("41", "Twice(21)", "failed")]   // a flipped output line
    [InlineData("42", "Thrice(21)", "failed")]  // a broken method name
    public async Task Context_the_tag_adds_never_passes_a_mutant(string expected, string call, string status)
    {
        var report = await Pipeline.VerifyAsync($$"""
            ```csharp members session=m
            static int Twice(int x) => x * 2;
            ```

            ```csharp run session=m
            Console.WriteLine({{call}});
            ```

            ```output
            {{expected}}
            ```
            """);

        Assert.Equal(status, report.Snippets[1].StatusWord);
    }

    [Fact]
    public async Task Without_the_tag_members_fail_as_dotnet_run_fails_them_with_a_hint_naming_the_tag()
    {
        var report = await Pipeline.VerifyAsync("```csharp compile\npublic int Add(int a, int b) => a + b;\n```\n");

        var result = Assert.Single(report.Snippets);
        Assert.Equal(("CS0106", SnippetStatus.Failed), (result.Code, result.Status));
        Assert.Contains("tag the block 'members'", result.Detail ?? result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_explicit_run_on_a_member_block_outside_a_session_says_to_tag_it_compile_members()
    {
        var report = await Pipeline.VerifyAsync("```csharp run members\npublic int Add(int a, int b) => a + b;\n```\n");

        var result = Assert.Single(report.Snippets);
        Assert.Equal(SnippetStatus.Failed, result.Status);
        Assert.Contains("'compile members'", result.Message, StringComparison.Ordinal);
    }
}

/// <summary>Issue 26, part 9: a failure points at the author's visible line.</summary>
public sealed class ThrowingLineTests
{
    [Fact]
    public async Task An_exception_thrown_in_a_prelude_helper_is_headlined_where_the_post_calls_it_and_the_trace_names_the_prelude()
    {
        var report = await Pipeline.VerifyAsync("""
            <!-- snippetcheck: prelude
            static int Parse(string text) =>
                int.Parse(text);
            -->

            ```csharp run
            Console.WriteLine("before");
            Console.WriteLine(Parse("x"));
            ```
            """);

        var result = Assert.Single(report.Snippets);
        Assert.Equal(SnippetStatus.Failed, result.Status);
        Assert.Equal((8, 1), (result.FailureLocation.Line, result.FailureLocation.Column));
        Assert.Contains("post.md:line 3", result.Detail, StringComparison.Ordinal);
    }
}
