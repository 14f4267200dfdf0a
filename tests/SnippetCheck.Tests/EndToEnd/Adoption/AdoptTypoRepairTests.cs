using SnippetCheck.Adoption;
using SnippetCheck.Adoption.Proposals;
using SnippetCheck.Results;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.EndToEnd.Adoption;

/// <summary>
/// Issue 76, item 1: a block that does not parse is a fragment only when no small repair makes it C#. One token inserted
/// or taken out at the error (or the same one at each such error) that makes the block compile is a typo, listed as
/// suspected rot with the repair; pseudo-code, an expression shown alone and a repair that parses but does not compile
/// are not. The pages are written for these tests, one bug shape a block.
/// </summary>
public sealed class AdoptTypoRepairTests
{
    private static Task<(AdoptReport Report, Dictionary<int, SuspectedRot> RotByBlock)> AdoptAsync(string post) =>
        AdoptInProcess.AdoptPostAsync(post);

    [Fact]
    public async Task Each_bug_shape_one_token_away_from_csharp_is_a_typo_with_its_repair()
    {
        var (report, rot) = await AdoptAsync("""
            # Registrations

            ```csharp
            var services = new List<string>();
            services.Add("logging");
            services.Add("caching")
            services.Add("metrics");
            ```

            ```csharp
            var list = new List<int> { 3, 1, 2 };
            list.ForEach(n => {
                Console.WriteLine(n);
            }
            Console.WriteLine("done");
            ```

            ```csharp
            static void Configure(Action<Options> configure) => configure(new Options());
            Configure({ o.Retries = 3; });
            class Options { public int Retries { get; set; } }
            ```

            ```csharp
            var numbers = new[] { 1, 2, 3 };
            Console.WriteLine(numbers.Aggregate(0, (a, n) => a + n a => a * 2));
            Console.WriteLine(numbers.Aggregate(1, (a, n) => a * n a => a + 1));
            Console.WriteLine(numbers.Aggregate(2, (a, n) => a - n a => a * 3));
            Console.WriteLine(numbers.Aggregate(3, (a, n) => a + n a => a - 4));
            Console.WriteLine(numbers.Aggregate(4, (a, n) => a * n a => a + 5));
            ```

            ```csharp
            Console.WriteLine(string.Join("-", "a", "b",));
            ```

            ```csharp
            static string Greet(string greeting string name) => $"{greeting}, {name}";
            Console.WriteLine(Greet("Hello", "Ada"));
            ```

            ```csharp
            var total = 2 + 3
            Console.WriteLine(total);
            ```
            """);

        Assert.Equal("one ';' after 'services.Add(\"caching\")' makes the block compile", rot[3].Why);
        Assert.Equal("one ');' after '}' makes the block compile", rot[10].Why);
        Assert.Equal("'o =>' before '{' makes the block compile", rot[18].Why);
        Assert.Equal("one ',' after '(a, n) => a + n' (and 4 more like it) makes the block compile", rot[24].Why);
        Assert.Equal("taking out the ',' after '\"b\"' makes the block compile", rot[33].Why);
        Assert.Equal("one ',' after 'string greeting' makes the block compile", rot[37].Why);
        Assert.Equal("one ';' after '2 + 3' makes the block compile", rot[42].Why);
        Assert.All(rot.Values, r => Assert.Equal(RotEvidence.Typo, r.Evidence));
        // The error as the compiler gave it, at its place in the post.
        Assert.Equal(("CS1002", 6, 24), (rot[3].Id, rot[3].Location.Line, rot[3].Location.Column));
        // Each repair is a text edit at its place in the post: five insertions of ',' for the five calls.
        Assert.Equal([(26, 55, "", ","), (27, 55, "", ","), (28, 55, "", ","), (29, 55, "", ","), (30, 55, "", ",")],
            rot[24].Repair!.Edits.Select(e => (e.Line, e.Column, e.OldText, e.NewText)));
        Assert.Equal([(34, 44, ",", "")], rot[33].Repair!.Edits.Select(e => (e.Line, e.Column, e.OldText, e.NewText)));
        // Not a fragment: the cause says the compiler's error.
        Assert.DoesNotContain(report.Files[0].Causes, c => c.Kind == UnverifiedCause.Fragment);
    }

    [Fact]
    public async Task Pseudo_code_an_expression_alone_a_block_cut_off_and_a_repair_that_parses_but_does_not_compile_are_not_typos()
    {
        var (_, rot) = await AdoptAsync("""
            # Not typos

            ```csharp
            DateTime.Now.AddDays(1)
            ```

            ```csharp
            var total = Compute(order)
            Console.WriteLine(total);
            ```

            ```csharp
            if user is admin then allow
            ```

            ```csharp
            services.AddCaching(options => { ... }
            ```

            ```csharp
            foreach (var item in new[] { 1, 2 })
            {
            ```
            """);

        Assert.Empty(rot);
    }

    [Fact]
    public async Task A_callback_without_its_parameter_beside_a_method_group_over_a_type_lacking_its_using_is_a_typo()
    {
        // MassTransit's observability page: 'ConfigureResource(ResourceBuilder r)' passed as a method group while ResourceBuilder
        // lacks its using; the compiler's "cannot convert from 'method group'" is that name's error again, and the using is found.
        var (_, rot) = await AdoptAsync("""
            # Resources

            ```csharp
            void ConfigureResource(StringBuilder r) => r.Append("service");
            Build(ConfigureResource, { o.Retries = 3; });
            static void Build(Action<System.Text.StringBuilder> resource, Action<Options> options) => options(new Options());
            class Options { public int Retries { get; set; } }
            ```
            """);

        Assert.Equal([3], rot.Keys);
        Assert.Equal("'o =>' before '{' makes the block compile", rot[3].Why);
    }
}
