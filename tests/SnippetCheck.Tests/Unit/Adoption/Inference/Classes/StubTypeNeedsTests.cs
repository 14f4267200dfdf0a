using Microsoft.CodeAnalysis.CSharp;
using SnippetCheck.Adoption.Inference;
using SnippetCheck.Adoption.Inference.Classes;
using SnippetCheck.Extraction.Snippets;
using static SnippetCheck.Tests.Unit.Adoption.CannedTrials;

namespace SnippetCheck.Tests.Unit.Adoption.Inference.Classes;

/// <summary>
/// Which unknown names of a block a stub type may stand for, and the members known before the first try
/// (<see cref="StubTypeNeeds"/>), read off its text and its given errors. The stubs are tried by <c>Trials/StubTypes</c>
/// (EndToEnd/Adoption/AdoptStubModelTests, Cli/AdoptReceiverStubTests).
/// </summary>
public sealed class StubTypeNeedsTests
{
    private static Snippet Block(string code) => AdoptionHarness.Page($"# Bogus\n\n```csharp\n{code}\n```\n").Blocks[0];

    private static Microsoft.CodeAnalysis.CSharp.Syntax.CompilationUnitSyntax Root(Snippet snippet) =>
        CSharpSyntaxTree.ParseText(CodeOf(snippet)).GetCompilationUnitRoot();

    private static IReadOnlyList<SnippetCheck.Model.Diagnostic> TypeUnknown(Snippet snippet, string name) =>
        Failed(snippet, "CS0246", name, $"The type or namespace name '{name}' could not be found").Diagnostics;

    [Fact]
    public void A_type_the_block_uses_as_a_type_argument_is_stubbed_with_the_members_it_sets_and_selects()
    {
        var snippet = Block("var faker = new Faker<Order>().RuleFor(o => o.OrderId, f => f.IndexVariable++);\nvar one = new Order { Item = \"x\" };");

        var (types, enums) = StubTypeNeeds.UnknownTypes(Root(snippet), snippet, TypeUnknown(snippet, "Order"), [])!.Value;

        Assert.Equal(["Order"], types);
        Assert.Empty(enums);
        Assert.Equal(["Order.Item", "Order.OrderId"], StubTypeNeeds.Selected(Root(snippet), types));
    }

    [Fact]
    public void An_unknown_name_read_only_as_values_passed_to_a_call_is_an_enum_with_those_values()
    {
        var snippet = Block("phoneCall.Configure(State.OffHook).Permit(Trigger.CallDialled, State.Ringing);");
        var errors = new[] { Unknown(snippet, "State"), Unknown(snippet, "Trigger") }.SelectMany(r => r.Diagnostics).ToList();

        var (types, enums) = StubTypeNeeds.UnknownTypes(Root(snippet), snippet, errors, [])!.Value;

        Assert.Equal(["State", "Trigger"], types);
        Assert.Equal(["OffHook", "Ringing"], enums["State"]);
        Assert.Equal(["CallDialled"], enums["Trigger"]);
    }

    [Fact]
    public void A_name_used_as_an_attribute_a_base_or_only_as_a_local_s_type_or_a_missing_namespace_is_no_stub()
    {
        var attribute = Block("[Order]\nclass Invoice { public List<Order> Lines { get; } = new(); }");
        var local = Block("Order order = Load();");
        var ns = Block("var faker = new Faker<Order>();");

        Assert.Null(StubTypeNeeds.UnknownTypes(Root(attribute), attribute, TypeUnknown(attribute, "Order"), []));
        Assert.Null(StubTypeNeeds.UnknownTypes(Root(local), local, TypeUnknown(local, "Order"), []));
        Assert.Null(StubTypeNeeds.UnknownTypes(Root(ns), ns, [.. TypeUnknown(ns, "Order"),
            .. Failed(ns, "CS0234", "Faker", "The type or namespace name 'Faker' does not exist in the namespace 'Bogus'").Diagnostics], []));
    }

    /// <summary>A block on a given local (Stateless: <c>given=stateMachine:StateMachine&lt;State,Trigger&gt;</c>), whose hidden line fails.</summary>
    private static Snippet Given(string code, string given) =>
        AdoptionHarness.Page($"# Stateless\n\n<!-- snippetcheck: compile given={given} packages=Stateless -->\n```csharp\n{code}\n```\n").Blocks[0];

    /// <summary>CS0246 as the compiler reports it on a given local's hidden line: off the block's own words.</summary>
    private static SnippetCheck.Model.Diagnostic OnHiddenLine(Snippet snippet, string name) =>
        SnippetCheck.Model.Diagnostic.Error("CS0246",
            $"The type or namespace name '{name}' could not be found (are you missing a using directive or an assembly reference?)",
            snippet.Location);

    [Fact]
    public void A_given_local_s_type_argument_the_block_never_names_is_stubbed_an_enum_when_the_page_reads_it_as_one()
    {
        var snippet = Given("stateMachine.OnUnhandledTrigger((state, trigger) => { });", "stateMachine:StateMachine<State,Trigger>");
        var page = AdoptionHarness.Page("# Stateless\n\n```csharp\nvar phoneCall = new StateMachine<State, Trigger>(State.OffHook);\n"
            + "phoneCall.Fire(Trigger.CallDialled);\nAssert.AreEqual(State.Ringing, phoneCall.State);\n```\n");

        var (types, enums) = StubTypeNeeds.UnknownTypes(Root(snippet), snippet, [OnHiddenLine(snippet, "Trigger")], [],
            EnumReads.OnPage(page.Blocks))!.Value;
        var (classes, none) = StubTypeNeeds.UnknownTypes(Root(snippet), snippet, [OnHiddenLine(snippet, "Trigger")], [])!.Value;

        Assert.Equal(["Trigger"], types);
        Assert.Empty(enums["Trigger"]);
        Assert.Equal(["Trigger"], classes);
        Assert.Empty(none);
    }

    [Fact]
    public void A_given_local_s_own_type_unknown_is_no_stub()
    {
        var snippet = Given("stateMachine.OnUnhandledTrigger((state, trigger) => { });", "stateMachine:StateMachine<State,Trigger>");

        Assert.Null(StubTypeNeeds.UnknownTypes(Root(snippet), snippet, [OnHiddenLine(snippet, "StateMachine")], []));
    }

    [Fact]
    public void A_given_local_s_own_type_is_stubbed_when_the_page_s_prose_names_it_as_the_docs_own()
    {
        var snippet = Given("orderDto.Should().BeEquivalentTo(order);", "orderDto:OrderDto,order:Order");
        IReadOnlyList<SnippetCheck.Model.Diagnostic> errors = [OnHiddenLine(snippet, "OrderDto"), OnHiddenLine(snippet, "Order")];

        IReadOnlySet<string> pageTypes = new HashSet<string>(["Order", "OrderDto"]);

        var (types, enums) = StubTypeNeeds.UnknownTypes(Root(snippet), snippet, errors, [], pageTypes: pageTypes)!.Value;

        Assert.Equal(["OrderDto", "Order"], types);
        Assert.Empty(enums);
        Assert.Null(StubTypeNeeds.UnknownTypes(Root(snippet), snippet, errors, []));
    }
}
