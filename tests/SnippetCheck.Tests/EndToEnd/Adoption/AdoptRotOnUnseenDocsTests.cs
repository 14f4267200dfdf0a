using SnippetCheck.Results;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.EndToEnd.Adoption;

/// <summary>
/// Issue 76's targets, measured on a message bus's, an assertion library's and a cache library's docs (session 22): the
/// shapes those docs showed, each as a small post. A class or interface the post cuts off (<c>// [...]</c>) is no typo;
/// a definite-assignment error is found once the usings the block lacks are given. A task nothing ever completes and a
/// placeholder address are no throws: Unit/Results/RotEvidenceTests.
/// </summary>
public sealed class AdoptRotOnUnseenDocsTests
{
    private static async Task<Dictionary<int, SuspectedRot>> RotAsync(string post) => (await AdoptInProcess.AdoptPostAsync(post)).RotByBlock;

    [Fact]
    public async Task A_type_the_post_cuts_off_is_no_typo_and_a_call_left_open_after_its_lambda_still_is()
    {
        var rot = await RotAsync("""
            # Controllers

            Add the name to the constructor:

            ```csharp
            public class Greeter
            {
                private readonly string _name;

                public Greeter(string name)
                {
                    _name = name;
                }

                // [...]
            ```

            The payload methods:

            ```csharp
            public interface IPayloads
            {
                /// <summary>Whether a payload of the type is present</summary>
                bool HasPayloadType(Type payloadType);
            ```

            Print each:

            ```csharp
            var list = new List<int> { 1, 2 };
            list.ForEach(x =>
            {
                Console.WriteLine(x);
            }
            ```
            """);

        Assert.Equal([29], rot.Keys);
        Assert.Equal(RotEvidence.Typo, rot[29].Evidence);
    }

    [Fact]
    public async Task A_local_read_before_it_is_assigned_is_found_once_the_using_the_block_lacks_is_given_and_one_never_assigned_is_a_placeholder()
    {
        var rot = await RotAsync("""
            # Freezing

            ```csharp
            int[] numbers;
            var frozen = numbers.ToImmutableArray();
            Console.WriteLine(frozen.Length);
            numbers = [1, 2];
            ```

            Given a function, call it:

            ```csharp
            Func<int[]> load;
            var loaded = load().ToImmutableArray();
            ```
            """);

        // The second block never assigns 'load': its declaration says what the reader has, a typed placeholder.

        Assert.Equal([3], rot.Keys);
        Assert.Equal(RotEvidence.Unassigned, rot[3].Evidence);
        Assert.Contains("'numbers' is used before it is assigned", rot[3].Why, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_semicolon_is_a_typo_when_the_repaired_block_passes_the_check_level_beside_the_posts_own_names()
    {
        var rot = await RotAsync("""
            # Names

            ```csharp
            var names = new List<string>()
            names.Add(LoadName());
            Console.WriteLine(names.Count);
            ```
            """);

        Assert.Equal([3], rot.Keys);
        Assert.Equal(RotEvidence.Typo, rot[3].Evidence);
        Assert.Equal("one ';' after 'new List<string>()' makes the block pass the check level (only names the post never declares are left unknown)",
            rot[3].Why);
    }

    [Fact]
    public async Task A_menu_of_fragments_each_without_its_semicolon_is_no_typo_and_one_missing_among_paragraphs_that_have_theirs_is()
    {
        var rot = await RotAsync("""
            # Dates

            ```csharp
            // Tomorrow
            DateTime.Now
              .AddDays(1)

            // A week on
            DateTime.Now
              .AddDays(7)
            ```

            Change a date:

            ```csharp
            var someDateTime = new DateTime(2011, 2, 10);

            // The same day in 2008
            someDateTime.AddYears(-3)

            // Two hours later
            someDateTime.AddHours(2)
            ```

            Print them:

            ```csharp
            // Once
            Console.WriteLine(1)

            // Twice
            Console.WriteLine(2)

            // And done
            Console.WriteLine(3);
            ```
            """);

        // Polly's policies and Humanizer's dates: each paragraph an expression shown alone, none with its ';'. The third block
        // ends its last paragraph with one: the two before it lack theirs.
        Assert.Equal([27], rot.Keys);
        Assert.Equal(RotEvidence.Typo, rot[27].Evidence);
    }

    [Fact]
    public async Task A_menu_of_alternatives_declaring_one_local_that_each_miss_a_comma_is_one_typo()
    {
        var rot = await RotAsync("""
            # Joining

            ```csharp
            // AS A LIST
            var joined = string.Join(
                ", ",
                new[] { "a", "b" }
            );

            // WITH A SEPARATOR OF ITS OWN
            var joined = string.Join(
                "; "
                new[] { "a", "b" }
            );

            // OR WITH BARS
            var joined = string.Join(
                " | "
                new[] { "c" }
            );
            ```
            """);

        // Repaired, the alternatives clash only on their one name (CS0128): each binds alone, as the menu means.
        Assert.Equal([3], rot.Keys);
        Assert.Equal(RotEvidence.Typo, rot[3].Evidence);
        Assert.Equal("one ',' after '\"; \"' (and 1 more like it) makes each of the block's alternatives compile", rot[3].Why);
    }
}
