using Microsoft.CodeAnalysis.CSharp;
using SnippetCheck.Adoption.Inference.Classes;
using SnippetCheck.Extraction.Snippets;
using static SnippetCheck.Tests.Unit.Adoption.CannedTrials;

namespace SnippetCheck.Tests.Unit.Adoption.Inference.Classes;

/// <summary>
/// The bare names a block of statements calls or assigns as a derived class uses its base's members, and the lambda
/// parameters that name its model (<see cref="EnclosingClassWays"/>), read off its text and its given errors. The base
/// class and models are tried by <c>Trials/EnclosingClassInference</c> (EndToEnd/Adoption/AdoptEnclosingClassTests).
/// </summary>
public sealed class EnclosingClassWaysTests
{
    private static Snippet Block(string code) => AdoptionHarness.Page($"# Rules\n\n```csharp\n{code}\n```\n").Blocks[0];

    private static Microsoft.CodeAnalysis.CSharp.Syntax.CompilationUnitSyntax Root(Snippet snippet) =>
        CSharpSyntaxTree.ParseText(CodeOf(snippet)).GetCompilationUnitRoot();

    [Fact]
    public void The_bare_names_are_the_unknown_pascal_case_names_the_block_calls_or_assigns_bare()
    {
        var snippet = Block("RuleFor(customer => customer.Surname).NotNull();\nClassLevelCascadeMode = CascadeMode.Stop;");
        var errors = new[] { Unknown(snippet, "RuleFor"), Unknown(snippet, "ClassLevelCascadeMode") }.SelectMany(r => r.Diagnostics).ToList();

        Assert.Equal(["RuleFor", "ClassLevelCascadeMode"], EnclosingClassWays.BareNames(Root(snippet), snippet, errors));
        Assert.Equal(["customer"], EnclosingClassWays.LambdaParameters(Root(snippet), ["RuleFor"]));
    }

    [Fact]
    public void A_name_read_after_a_dot_or_in_camel_case_or_a_block_with_declarations_has_no_bare_names()
    {
        var read = Block("Console.WriteLine(Customer.Surname);");
        var local = Block("validator(1);");
        var declaring = Block("RuleFor(x => x.Name);\nclass Person { }");

        Assert.Null(EnclosingClassWays.BareNames(Root(read), read, Unknown(read, "Customer").Diagnostics));
        Assert.Null(EnclosingClassWays.BareNames(Root(local), local, Unknown(local, "validator").Diagnostics));
        Assert.Null(EnclosingClassWays.BareNames(Root(declaring), declaring, Unknown(declaring, "RuleFor").Diagnostics));
    }
}
