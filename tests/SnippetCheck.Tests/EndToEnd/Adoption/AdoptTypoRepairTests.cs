using SnippetCheck.Adoption;
using SnippetCheck.Results;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.EndToEnd.Adoption;

/// <summary>
/// Issue 76, item 1: a block that does not parse is a fragment only when no small repair makes it C#. One token inserted
/// or taken out at the error (or the same one at each such error) that makes the block compile is a typo, listed as
/// suspected rot with the repair; pseudo-code, an expression shown alone and a repair that parses but does not compile
/// are not. The pages are written for these tests, one bug shape a block. Each bug shape's repair and its words:
/// Unit/Adoption/Rot/SyntaxRepairTests; a repair that compiles listed as a typo: Unit/Adoption/AdoptionRuleTests.
/// </summary>
public sealed class AdoptTypoRepairTests
{
    private static Task<(AdoptReport Report, Dictionary<int, SuspectedRot> RotByBlock)> AdoptAsync(string post) =>
        AdoptInProcess.AdoptPostAsync(post);

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
