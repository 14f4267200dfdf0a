namespace SnippetCheck.MSBuild.Tests.Infrastructure;

/// <summary>The Markdown the build tests feed their projects; line numbers matter and are noted.</summary>
public static class Posts
{
    public const string NetApp = "<OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework>";

    public const string NetLibrary = "<TargetFramework>net10.0</TargetFramework>";

    public const string Program = "System.Console.WriteLine(\"the app\");\n";

    /// <summary>
    /// Expects <c>{total} = 9</c> where the snippet prints <c>{total} = 10</c> (the braces would trip a logger that
    /// formats messages); its output block's fence is line 10, and the line that differs line 11, column 1.
    /// </summary>
    public const string Rotten = """
        # Counting to four

        The sum of the first four numbers:

        ```csharp run
        var total = Enumerable.Range(1, 4).Sum();
        Console.WriteLine("{total} = " + total);
        ```

        ```output
        {total} = 9
        ```

        """;

    public static readonly string Fixed = Rotten.Replace("{total} = 9", "{total} = 10", StringComparison.Ordinal);

    /// <summary>A misspelt name inside a list item: line 7, column 32 of the Markdown file.</summary>
    public const string CompileError = """
        # Lists

        1. First step:

           ```csharp run
           var name = "World";
           Console.WriteLine($"Hello, {nmae}!");
           ```

        """;
}
