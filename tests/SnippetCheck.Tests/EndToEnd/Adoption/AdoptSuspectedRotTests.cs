using SnippetCheck.Adoption;
using SnippetCheck.Adoption.Proposals;
using SnippetCheck.Results;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.EndToEnd.Adoption;

/// <summary>
/// Issue 55: <c>adopt</c> lists the blocks that look broken rather than incomplete, each with its evidence, and never
/// the noise beside them (the post's own names, pseudo-code, holes, placeholders, cascades from unknown names).
/// Each post holds blocks that must be listed and neighbours that must not.
/// </summary>
public sealed class AdoptSuspectedRotTests
{
    private static Task<(AdoptReport Report, Dictionary<int, SuspectedRot> RotByBlock)> AdoptAsync(string post) =>
        AdoptInProcess.AdoptPostAsync(post);

    [Fact]
    public async Task Errors_against_known_apis_are_listed_and_the_posts_own_names_and_their_cascades_are_not()
    {
        var (report, rot) = await AdoptAsync("""
            # Known APIs

            ```csharp
            var name = "Ada";
            Console.WriteLine(name.Lenght);
            ```

            ```csharp
            Console.WriteLine(Math.Max(1, 2, 3));
            ```

            ```csharp
            class Customer
            {
                public Custmer() { }
            }
            ```

            ```csharp
            Console.WriteLine(order.Total.Lenght);
            ```

            ```csharp
            class Widget { }
            static class Use { static void Spin() => new Widget().Spin(); }
            ```

            ```csharp
            Console.WriteLine(Math.Max(...));
            ```
            """);

        Assert.Equal(("CS1061", RotEvidence.KnownApi), (rot[3].Id, rot[3].Evidence));
        Assert.Contains("'string' is a known type, and it has no 'Lenght'", rot[3].Why, StringComparison.Ordinal);
        Assert.Equal(("CS1501", RotEvidence.KnownApi), (rot[8].Id, rot[8].Evidence));
        Assert.Equal(("CS1520", RotEvidence.KnownApi), (rot[12].Id, rot[12].Evidence));
        // An unknown receiver (its member errors cascade), the post's own type, a hole standing for the arguments: not listed.
        Assert.Equal([3, 8, 12], rot.Keys.Order());
        // The cause says what the compiler said first, not that a name is unknown ('Custmer' is not a name the post lacks).
        var cause = report.Files[0].Causes.Single(c => c.Location.Line == 15);
        Assert.Equal((UnverifiedCause.CompileError, "CS1520: Method must have a return type"), (cause.Kind, cause.Detail));
    }

    [Fact]
    public async Task Typos_in_otherwise_valid_csharp_are_listed_and_pseudo_code_and_placeholders_are_not()
    {
        var (_, rot) = await AdoptAsync("""
            # Typos

            ```csharp
            var digits = System.Text.RegularExpressions.Regex.Matches("a1b22", "\d+");
            ```

            ```csharp
            Console.WriteLine(Math.Max(1, 2);
            ```

            ```csharp
            const total = [1, 2, 3].reduce((a, b) => a + b, 0);
            ```

            ```csharp
            var connection = new SqlConnection(<YourConnectionString>);
            ```

            ```csharp
            if (ready) { Launch(
            ```

            ```csharp
            const int Answer = 42;
            Console.WriteLine(Answer);
            ```
            """);

        Assert.Equal(("CS1009", RotEvidence.Typo), (rot[3].Id, rot[3].Evidence));
        Assert.Equal(("CS1026", RotEvidence.Typo), (rot[7].Id, rot[7].Evidence));
        Assert.Equal(("javascript", RotEvidence.Typo), (rot[11].Id, rot[11].Evidence));
        Assert.Equal([3, 7, 11], rot.Keys.Order());
    }

    [Fact]
    public async Task JavaScript_inside_a_csharp_string_is_the_posts_data_and_not_listed()
    {
        var (_, rot) = await AdoptAsync("""
            # Scripts

            ```csharp
            var page = @"<script>
                console.log('loaded');
                </script>";
            Render(page);
            ```

            ```csharp
            var page = "<p>";
            console.log(page);
            ```
            """);

        Assert.Equal(("javascript", RotEvidence.Typo), (rot[10].Id, rot[10].Evidence));
        Assert.Equal([10], rot.Keys);
    }

    [Fact]
    public async Task Result_lines_that_no_longer_hold_are_listed_and_those_that_hold_are_not()
    {
        var (report, rot) = await AdoptAsync("""
            # Claims

            ```csharp
            "abc".ToUpperInvariant() => "ABC"
            ```

            ```csharp
            "abc".Length => 4
            ```
            """);

        Assert.Equal(("result", RotEvidence.Claim), (rot[7].Id, rot[7].Evidence));
        Assert.Contains("is 3, not 4", rot[7].Message, StringComparison.Ordinal);
        Assert.Equal([7], rot.Keys);
        Assert.Equal(1, report.SuspectedRot);
    }

    [Fact]
    public async Task Result_lines_worded_for_a_culture_the_run_does_not_have_are_not_listed()
    {
        // The run has the invariant culture: a value stated for a culture its comment names, or the printed number with a
        // culture's ordinal letters ('1st', '1.er'), is the culture's, not rot. The same block's claim under no culture is.
        var (_, rot) = await AdoptAsync("""
            # Cultures

            ```csharp
            // in en-US culture
            1.5m.ToString("C") => "$1.50"
            ```

            ```csharp
            // Spanish locale
            $"{1}" => "1.er"
            ```

            ```csharp
            $"{1}" => "1st"
            $"{1} January" => "1st January"
            ```

            ```csharp
            // lengths
            "abc".Length => 4

            // in en-US culture
            1.5m.ToString("C") => "$1.50"
            ```
            """);

        Assert.Equal(("result", RotEvidence.Claim), (rot[18].Id, rot[18].Evidence));
        Assert.Contains("is 3, not 4", rot[18].Message, StringComparison.Ordinal);
        Assert.Equal([18], rot.Keys);
    }

    [Fact]
    public async Task A_result_line_that_reads_the_clock_and_a_calls_arity_in_a_sketch_of_undeclared_names_are_not_listed()
    {
        // 'DateTime.UtcNow.AddHours(-30).Humanize() => "yesterday"' holds after 06:00 only: the moment's value, not rot. A
        // spec's 'Type? v = x?.y?.z;' stands for any value type, so 'v.GetValueOrDefault()' binding to System.Type's
        // extension is no evidence. The same errors without the clock, or without undeclared names, are.
        var (_, rot) = await AdoptAsync("""
            # Moments

            ```csharp
            DateTime.UtcNow.Year => 1999
            ```

            ```csharp
            "abc".Length => 4
            ```

            ```csharp
            Type? v = x?.y?.z;
            var value = v.GetValueOrDefault();
            ```

            ```csharp
            var count = int.Parse();
            ```
            """);

        Assert.Equal(("result", RotEvidence.Claim), (rot[7].Id, rot[7].Evidence));
        Assert.Equal(("CS1501", RotEvidence.KnownApi), (rot[16].Id, rot[16].Evidence));
        Assert.Equal([7, 16], rot.Keys.Order());
    }

    [Fact]
    public async Task A_type_keyword_as_a_calls_argument_is_a_typo_even_beside_a_hole_and_a_type_pattern_is_not()
    {
        var (_, rot) = await AdoptAsync("""
            # Lambdas

            ```csharp
            List<int> values = ...;
            values.ForEach(
                int => Console.WriteLine(int)
            );
            ```

            ```csharp
            object value = 1;
            var name = value switch { int => "a number", string => "a text", _ => "?" };
            Console.WriteLine(nam);
            ```

            ```csharp
            var thing = Load(string id);
            ```

            ```csharp
            String.Format(string format, params object[] args);
            Console.WriteLine(nameof(int));
            ```
            """);

        Assert.Equal(("CS1525", RotEvidence.Typo), (rot[3].Id, rot[3].Evidence));
        Assert.Equal(6, rot[3].Location.Line);
        Assert.Contains("a lambda parameter named 'int'", rot[3].Why, StringComparison.Ordinal);
        Assert.Equal(("CS1525", 17), (rot[16].Id, rot[16].Location.Line));
        Assert.Equal([3, 16], rot.Keys.Order());
    }

    [Fact]
    public async Task Code_that_throws_where_the_text_does_not_say_so_is_listed_and_a_missing_file_is_not()
    {
        var (_, rot) = await AdoptAsync("""
            # Counting

            Parse the count:

            ```csharp
            var count = int.Parse("twelve");
            Console.WriteLine(count);
            ```

            Parsing a word throws a FormatException:

            ```csharp
            var count = int.Parse("twelve");
            Console.WriteLine(count);
            ```

            Read the settings:

            ```csharp
            Console.WriteLine(File.ReadAllText("settings-that-are-not-here.json"));
            ```

            Sizes:

            ```csharp
            // Invalid
            var size = int.Parse("1.5 b");
            Console.WriteLine(size);
            ```
            """);

        Assert.Equal(("exception", RotEvidence.Throws), (rot[5].Id, rot[5].Evidence));
        Assert.Contains("FormatException", rot[5].Message, StringComparison.Ordinal);
        Assert.Equal([5], rot.Keys);
    }
}
