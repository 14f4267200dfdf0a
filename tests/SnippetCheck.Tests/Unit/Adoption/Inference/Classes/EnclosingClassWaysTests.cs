using Microsoft.CodeAnalysis.CSharp;
using SnippetCheck.Adoption.Inference.Classes;
using SnippetCheck.Extraction.Snippets;
using static SnippetCheck.Tests.Unit.Adoption.CannedTrials;

namespace SnippetCheck.Tests.Unit.Adoption.Inference.Classes;

/// <summary>
/// The bare names a block of statements calls or assigns as a derived class uses its base's members, and the lambda
/// parameters that name its model (<see cref="EnclosingClassWays"/>), read off its text and its given errors. The base
/// class and models are tried by <c>Trials/EnclosingClassTrials</c> (EndToEnd/Adoption/AdoptEnclosingClassTests).
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
    /// <summary>
    /// An actor's docs write its body bare: <c>Context.ActorSelection("../joe");</c>, <c>Sender.Tell(result, Self);</c>,
    /// <c>Receive&lt;string&gt;(s =&gt; ...);</c> (which fails on CS0308 where the library also has a type named Receive).
    /// Names read as a receiver or an argument are base-class members too, as the calls are; a camelCase one is still a local.
    /// </summary>
    [Fact]
    public void Pascal_case_names_read_as_a_receiver_or_an_argument_and_a_bare_generic_call_on_a_type_name_are_bare_names()
    {
        var actor = Block("Context.ActorSelection(\"../joe\");\nSender.Tell(42, Self);");
        var errors = new[] { Unknown(actor, "Context"), Unknown(actor, "Sender"), Unknown(actor, "Self") }.SelectMany(r => r.Diagnostics).ToList();
        var receive = Block("Receive<string>(s => Console.WriteLine(s));");
        var generic = Failed(receive, "CS0308", "Receive", "The non-generic type 'Receive' cannot be used with type arguments").Diagnostics;
        var local = Block("target.Tell(42, Self);");

        // Only when asked: a read name may as well be a type of another page (Customer.Surname), whose way comes first.
        Assert.Null(EnclosingClassWays.BareNames(Root(actor), actor, errors));
        Assert.Equal(["Context", "Sender", "Self"], EnclosingClassWays.BareNames(Root(actor), actor, errors, reads: true));
        Assert.Equal(["Context", "Sender", "Self"], EnclosingClassWays.ReadNames(Root(actor), ["Context", "Sender", "Self"]));
        Assert.Equal(["Receive"], EnclosingClassWays.BareNames(Root(receive), receive, generic));
        Assert.Empty(EnclosingClassWays.ReadNames(Root(receive), ["Receive"]));
        Assert.Null(EnclosingClassWays.BareNames(
            Root(local), local, [.. Unknown(local, "target").Diagnostics, .. Unknown(local, "Self").Diagnostics], reads: true));
    }
}
