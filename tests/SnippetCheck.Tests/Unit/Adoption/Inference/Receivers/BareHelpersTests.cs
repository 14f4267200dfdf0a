using Microsoft.CodeAnalysis.CSharp;
using SnippetCheck.Adoption.Inference.Receivers;
using SnippetCheck.Extraction.Snippets;
using static SnippetCheck.Tests.Unit.Adoption.CannedTrials;

namespace SnippetCheck.Tests.Unit.Adoption.Inference.Receivers;

/// <summary>
/// The page's own helpers a block calls or reads bare (<see cref="BareHelpers"/>): each typed by its use alone, and never a
/// name that may be a misspelt library call (a member name of the block, one an edit from it, any name under a static using).
/// The trial is <c>Trials/BareHelperTrials</c> (EndToEnd/Adoption/AdoptBareHelperTests).
/// </summary>
public sealed class BareHelpersTests
{
    private static Snippet Block(string code) => AdoptionHarness.Page($"# Calls\n\n```csharp\n{code}\n```\n").Blocks[0];

    private static IReadOnlyList<BareHelpers.Helper> HelpersOf(Snippet snippet, params string[] unknown) =>
        BareHelpers.Of(snippet, [.. unknown.SelectMany(n => Unknown(snippet, n).Diagnostics)], CSharpParseOptions.Default, new HashSet<string>());

    private static string[] Entries(IReadOnlyList<BareHelpers.Helper> helpers, int choice) =>
        [.. helpers.Select(h => h.Entry(choice)).Order(StringComparer.Ordinal)];

    [Fact]
    public void A_helper_called_bare_is_typed_by_its_use_a_statement_a_lambda_s_body_a_condition_or_awaited()
    {
        var snippet = Block("stateMachine.Configure(State.Assigned)\n    .PermitReentryIf(Trigger.Assigned, () => ShouldSendEmailAgain())\n" +
            "    .OnEntry(() => SendEmailToAssignee());\nif (IsReady()) Notify();\nawait FlushAsync();");

        var helpers = HelpersOf(snippet, "State", "Trigger", "ShouldSendEmailAgain", "SendEmailToAssignee", "IsReady", "Notify", "FlushAsync");

        // 'State' and 'Trigger' are read as a type's values: the stub types' (StubTypeNeeds), no helpers.
        Assert.Equal(["FlushAsync:System.Func<System.Threading.Tasks.Task>", "IsReady:System.Func<System.Boolean>", "Notify:System.Action",
            "SendEmailToAssignee:System.Action", "ShouldSendEmailAgain:System.Action"], Entries(helpers, 0));
        // A lambda's body may be the library's Func<bool>: the trial's next type, on the lines the compiler objects to.
        Assert.Equal([BareHelpers.Action, BareHelpers.BoolFunc], helpers.Single(h => h.Name == "ShouldSendEmailAgain").Types);
        Assert.Equal(new[] { 5 }, helpers.Single(h => h.Name == "ShouldSendEmailAgain").Lines);
    }

    [Fact]
    public void A_name_read_as_a_condition_or_a_lambda_s_value_is_a_bool_and_its_uses_must_agree()
    {
        var reads = Block("phoneCall.Configure(State.OffHook)\n    .PermitIf(Trigger.CallDialled, State.Ringing, () => IsValidNumber)\n" +
            "    .PermitIf(Trigger.CallDialled, State.Beeping, () => !IsValidNumber);");
        var awaited = Block("machine.Configure(1)\n    .PermitIfAsync(2, 3, async () => await IsValidNumber())\n" +
            "    .PermitIfAsync(2, 4, async () => !await IsValidNumber());");
        var disagree = Block("var n = Count();\nCount();");

        Assert.Equal(["IsValidNumber:System.Boolean"], Entries(HelpersOf(reads, "IsValidNumber"), 0));
        Assert.Equal(["IsValidNumber:System.Func<System.Threading.Tasks.Task<System.Boolean>>"], Entries(HelpersOf(awaited, "IsValidNumber"), 0));
        Assert.Empty(HelpersOf(disagree, "Count"));
    }

    [Fact]
    public void A_name_used_only_in_a_form_no_identifier_reads_is_no_helper()
    {
        // A generic call ('Make<int>()') or a name the compiler reports where no bare identifier stands: no use to type it by
        // (realworld's cold adopt stopped on such a block with an index out of range).
        var generic = Block("var made = Make<int>();\nConsole.WriteLine(made);");

        Assert.Empty(HelpersOf(generic, "Make"));
    }

    [Fact]
    public void A_name_that_may_be_a_misspelt_library_call_is_never_a_helper()
    {
        // An edit from a member the block calls ('WriteLine'), the block's member itself called bare, any name under a
        // static using, an argument the compiler would have to type, a base class's block, members, a receiver's name.
        var misspelt = Block("Console.WriteLine(\"a\");\nWriteLin();");
        var member = Block("machine.Fire();\nif (Fire()) return;");
        var imported = Block("using static System.Console;\nWriteLines();");
        var argument = Block("machine.OnEntryFrom(trigger, email => OnAssigned(email));");
        var receiver = Block("_service.Start();");
        var based = Block("Notify();");
        based = based with { Tags = based.Tags with { Base = "ReceiveActor" } };
        var members = Block("void Go() => Notify();");
        members = members with { Tags = members.Tags with { Members = true } };

        Assert.Empty(HelpersOf(misspelt, "WriteLin"));
        Assert.Empty(HelpersOf(member, "Fire"));
        Assert.Empty(HelpersOf(imported, "WriteLines"));
        Assert.Empty(HelpersOf(argument, "OnAssigned"));
        Assert.Empty(HelpersOf(receiver, "_service"));
        Assert.Empty(HelpersOf(based, "Notify"));
        Assert.Empty(HelpersOf(members, "Notify"));
    }

    [Fact]
    public void A_name_another_block_of_the_page_declares_is_the_page_s_own_never_a_stub()
    {
        var page = AdoptionHarness.Page("# Calls\n\n```csharp\nvoid Notify() { }\nbool IsReady => true;\nvar ready = false;\n```\n\n" +
            "```csharp\nTask.Run(() => Notify());\nif (IsReady || ready) return;\nTask.Run(() => Other());\n```\n").Blocks;
        var shows = BareHelpers.PageShows(page, CSharpParseOptions.Default);
        var errors = new[] { "Notify", "IsReady", "ready", "Other" }.SelectMany(n => Unknown(page[1], n).Diagnostics).ToList();

        Assert.Equal(["Other:System.Action"], Entries(BareHelpers.Of(page[1], errors, CSharpParseOptions.Default, shows), 0));
    }
}
