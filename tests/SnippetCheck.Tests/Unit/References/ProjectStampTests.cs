using SnippetCheck.References;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Unit.References;

/// <summary>
/// Issue 44, item 4: a library is built again only when its code changed. The stamp that decides reads a C# file's
/// tokens and preprocessor directives, never its comments or white space: a doc-comment edit reuses the last build.
/// </summary>
public sealed class ProjectStampTests
{
    private const string Source = """
        namespace Lib;

        /// <summary>Doubles.</summary>
        /// <example>
        /// <code>
        /// Console.WriteLine(Calc.Twice(2));
        /// </code>
        /// </example>
        public static class Calc
        {
        #if NET10_0_OR_GREATER
            public static int Twice(int x) => x * 2; // twice
        #else
            public static int Twice(int x) => x + x;
        #endif
            public static string Name => "calc";
        }
        """;

    private static string StampOf(string source)
    {
        using var folder = new TempFolder();
        folder.Write("Lib.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />");
        folder.Write("Calc.cs", source);
        return ProjectBuilder.Stamp(folder.Path);
    }

    [Theory]
    [InlineData("Console.WriteLine(Calc.Twice(2));", "Console.WriteLine(Calc.Twice(3));")]
    [InlineData("/// <summary>Doubles.</summary>", "/// <summary>Doubles a number.</summary>\n/// <remarks>More.</remarks>")]
    [InlineData("Name => \"calc\";", "Name   =>   \"calc\";   // the name")]
    [InlineData("public static class Calc\n{", "public static class Calc {\n\n")]
    public void A_change_to_comments_or_white_space_keeps_the_stamp(string before, string after)
    {
        Assert.Equal(StampOf(Source), StampOf(Source.Replace(before, after, StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("x * 2;", "x * 3;")]
    [InlineData("\"calc\"", "\"calc \"")]
    [InlineData("#if NET10_0_OR_GREATER", "#if NET9_0_OR_GREATER")]
    [InlineData("x + x;", "x + x + 0;")]
    // Code that #if switches off counts as written, comments included: the stamp does not know the build's symbols.
    [InlineData("x * 2; // twice", "x   *   2;")]
    public void A_change_to_code_directives_or_switched_off_code_changes_it(string before, string after)
    {
        var changed = Source.Replace(before, after, StringComparison.Ordinal);
        Assert.NotEqual(Source, changed);
        Assert.NotEqual(StampOf(Source), StampOf(changed));
    }

    [Fact]
    public void A_project_with_caller_line_numbers_is_stamped_byte_for_byte()
    {
        var withCaller = Source.Replace("public static string Name", "public static int Line([System.Runtime.CompilerServices.CallerLineNumber] int line = 0) => line;\n    public static string Name", StringComparison.Ordinal);

        Assert.NotEqual(StampOf(withCaller), StampOf(withCaller.Replace("/// <summary>Doubles.</summary>", "/// <summary>Doubles.</summary>\n", StringComparison.Ordinal)));
    }

    /// <summary>
    /// Issue 56: MoreLINQ's own Debug.Assert takes a CallerArgumentExpression, which captures an argument's text, not a
    /// line: a doc-comment edit (adopt's tag lines) keeps the stamp, and only the text inside an argument counts besides code.
    /// </summary>
    [Fact]
    public void A_project_with_caller_argument_expressions_stamps_the_text_of_arguments_and_not_its_doc_comments()
    {
        var withCaller = Source.Replace("public static string Name => \"calc\";",
            "public static string Name => Check(Twice(1) > 0);\n    static string Check(bool c, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(c))] string? e = null) => e!;",
            StringComparison.Ordinal);

        Assert.Equal(StampOf(withCaller), StampOf(withCaller.Replace("/// <summary>Doubles.</summary>", "/// <!-- snippetcheck: run -->\n/// <summary>Doubles.</summary>\n", StringComparison.Ordinal)));
        Assert.NotEqual(StampOf(withCaller), StampOf(withCaller.Replace("Check(Twice(1) > 0)", "Check(Twice(1)  >  0)", StringComparison.Ordinal)));
        Assert.NotEqual(StampOf(withCaller), StampOf(withCaller.Replace("Check(Twice(1) > 0)", "Check(Twice(1) /* one */ > 0)", StringComparison.Ordinal)));
    }
}
