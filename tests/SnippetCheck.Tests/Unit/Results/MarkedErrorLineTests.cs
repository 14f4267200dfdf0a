using SnippetCheck.Results;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Unit.Results;

/// <summary>Issue 54, bug 6: the words that mark a line as a compile error, as the compiler's own docs write them.</summary>
public sealed class MarkedErrorLineTests
{
    [Fact]
    public void A_comment_that_says_the_following_line_causes_an_error_marks_the_first_code_line_after_its_comment_lines()
    {
        // dotnet/docs cs0165.md: the marker's sentence goes on over a second comment line.
        var post = Pipeline.Read("""
            # CS0165

            ```csharp
            delegate void Del();
            static void M()
            {
                // The following line causes CS0165 because variable d is used
                // as an argument before it has been initialized.
                Del d = delegate() { System.Console.WriteLine(d); };
                // The following line causes the error.
                int j = i;
                // To resolve the error, initialize d in a separate statement.
                int k = 1;
            }
            ```
            """);

        var marked = ErrorMarkers.MarkedLines(post.Snippets.Single());

        Assert.Equal(["CS0165"], marked[9]);
        Assert.Empty(marked[11]);
        Assert.False(marked.ContainsKey(13));
    }
}
