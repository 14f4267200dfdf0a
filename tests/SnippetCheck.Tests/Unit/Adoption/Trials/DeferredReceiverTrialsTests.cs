using static SnippetCheck.Tests.Unit.Adoption.CannedTrials;

namespace SnippetCheck.Tests.Unit.Adoption.Trials;

/// <summary>
/// Issue 77, Required 3: a block that calls a receiver its page created in an earlier block that compiles alone is left to
/// the session pass (joined, it runs); when no session takes it, it is tried with the receiver given after all, of the type
/// its creating block gave it, with that block's usings: its calls then bind, so a misspelt one fails.
/// </summary>
public sealed class DeferredReceiverTrialsTests
{
    private const string Page = """
        # Widgets

        ```csharp
        using Acme.Widgets;

        var widget = new Widget("one");
        widget.Resize(50);
        ```

        Later, in another part of the program:

        ```csharp
        widget.Paint();
        ```

        """;

    [Fact]
    public async Task A_receiver_whose_creating_block_passes_alone_is_given_when_no_session_takes_the_block()
    {
        // The first block compiles alone; joined with it the second does not (its session fails), alone it lacks 'widget'.
        var trials = new CannedTrials(s => CodeOf(s).Contains("new Widget", StringComparison.Ordinal) ? Passed(s)
            : s.Tags.Session is not null ? Failed(s, "CS0128", "widget", "A local variable named 'widget' is already defined in this scope")
            : s.Tags.Given.Contains("widget:Widget") && s.Tags.Usings.Contains("Acme.Widgets") ? Passed(s)
            : Unknown(s, "widget"));
        var page = AdoptionHarness.Page(Page, "widgets.md");

        var file = Assert.Single(await AdoptionHarness.ProposeAsync(trials, page));

        var proposal = Assert.Single(file.Proposals, p => p.Words.Contains("given", StringComparison.Ordinal));
        Assert.Matches(@"^compile given=widget:Widget( |$)", proposal.Words);
        Assert.Contains(trials.Asked, s => s.Tags.Session is not null);
    }

    [Fact]
    public async Task A_block_a_session_takes_is_not_given_the_receiver()
    {
        var trials = new CannedTrials(s => CodeOf(s).Contains("new Widget", StringComparison.Ordinal) || s.Tags.Session is not null ? Passed(s)
            : s.Tags.Given.Contains("widget:Widget") ? Passed(s)
            : Unknown(s, "widget"));
        var page = AdoptionHarness.Page(Page, "widgets.md");

        var file = Assert.Single(await AdoptionHarness.ProposeAsync(trials, page));

        Assert.DoesNotContain(file.Proposals, p => p.Words.Contains("given", StringComparison.Ordinal));
        Assert.Contains(file.Proposals, p => p.Words.Contains("session", StringComparison.Ordinal));
    }
}
