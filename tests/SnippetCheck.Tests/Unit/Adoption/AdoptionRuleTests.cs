using SnippetCheck.Adoption.Trials;
using SnippetCheck.Extraction.Snippets;
using SnippetCheck.Model;
using SnippetCheck.Results;
using static SnippetCheck.Tests.Unit.Adoption.CannedTrials;

namespace SnippetCheck.Tests.Unit.Adoption;

/// <summary>
/// Adopt's inference rules driven in process against recorded trial results (<see cref="CannedTrials"/>): the usings,
/// receivers and packages a block is tried with, and a typo read as rot (its kind choice: Decisions/KindChoiceTests). Nothing compiles
/// or runs; each test says what the compiler or the run answered and what adopt then proposes (issue 78, item 1).
/// </summary>
public sealed class AdoptionRuleTests
{
    private const string Hello = "# Post\n\n```csharp\nConsole.WriteLine(\"hi\");\n```\n";

    [Fact]
    public async Task A_block_that_lacks_one_namespace_is_proposed_with_its_using()
    {
        const string page = "# Post\n\n```csharp\nvar text = new StringBuilder().Append(1).ToString();\n```\n";
        var trials = new CannedTrials(s => s.Tags.Usings.Contains("System.Text") ? Passed(s) : Failed(s, "CS0246", "StringBuilder",
            "The type or namespace name 'StringBuilder' could not be found (are you missing a using directive or an assembly reference?)"));

        var file = Assert.Single(await AdoptionHarness.ProposeAsync(trials, AdoptionHarness.Page(page)));

        var proposal = Assert.Single(file.Proposals);
        Assert.NotEqual(SnippetKind.Ignore, proposal.Kind);
        Assert.Equal(["System.Text"], proposal.Usings);
    }

    [Fact]
    public async Task A_receiver_another_page_creates_is_given_of_its_type()
    {
        var creates = AdoptionHarness.Page("# Setup\n\n```csharp\nvar table = new StringBuilder();\n```\n", "docs/setup.md");
        var uses = AdoptionHarness.Page("# Use\n\n```csharp\ntable.Append(\"x\");\n```\n", "docs/use.md");
        var trials = new CannedTrials(s => CodeOf(s).StartsWith("var table", StringComparison.Ordinal) ? Passed(s)
            : s.Tags.Given.Count > 0 ? Passed(s) : Unknown(s, "table"));

        var files = await AdoptionHarness.ProposeAsync(trials, creates, uses);

        var used = Assert.Single(files, f => f.Path.EndsWith("use.md", StringComparison.Ordinal));
        var proposal = Assert.Single(used.Proposals);
        Assert.Equal(SnippetKind.Compile, proposal.Kind);
        Assert.Equal(["table:StringBuilder"], proposal.Given);
    }

    [Fact]
    public async Task A_block_that_one_token_makes_compile_is_suspected_rot_as_a_typo()
    {
        const string page = "# Post\n\n```csharp\nConsole.WriteLine(Math.Max(1, 2);\n```\n";
        var trials = new CannedTrials(s => CodeOf(s).Contains("2));", StringComparison.Ordinal) ? Passed(s)
            : Failed(s, "CS1026", "Max", ") expected"));

        var file = Assert.Single(await AdoptionHarness.ProposeAsync(trials, AdoptionHarness.Page(page)));

        var rot = Assert.Single(file.Rot);
        Assert.Equal("CS1026", rot.Id);
        Assert.Equal(RotEvidenceTypo, rot.Evidence);
        Assert.DoesNotContain(file.Proposals, p => p.Kind != SnippetKind.Ignore);
    }

    [Fact]
    public async Task A_block_that_needs_an_earlier_blocks_local_joins_it_in_a_session()
    {
        const string page = "# Post\n\n```csharp\nvar greeting = \"hi\";\n```\n\n```csharp\nConsole.WriteLine(greeting);\n```\n";
        // The first block passes alone and prints nothing; the second lacks its local alone and prints it in the session.
        var trials = new CannedTrials(s => CodeOf(s).StartsWith("var greeting", StringComparison.Ordinal)
            ? Passed(s, s.Tags.Kind == SnippetKind.Run ? "" : null)
            : s.Tags.Session is not null ? Passed(s, "hi\n") : Unknown(s, "greeting"));

        var file = Assert.Single(await AdoptionHarness.ProposeAsync(trials, AdoptionHarness.Page(page)));

        Assert.Equal(2, file.Proposals.Count);
        Assert.NotNull(file.Proposals[0].Session);
        Assert.All(file.Proposals, p => Assert.Equal(file.Proposals[0].Session, p.Session));
    }

    [Fact]
    public async Task A_block_on_a_local_no_page_declares_that_checks_is_proposed_as_check()
    {
        // A local never called: a receiver called on would send its inference to search NuGet, which is no trial.
        const string page = "# Post\n\n```csharp\nConsole.WriteLine(total + 1);\n```\n";
        var trials = new CannedTrials(s => s.Tags.Kind == SnippetKind.Check
            ? new SnippetResult(s, new Verdict.Checked([], "Console.WriteLine(int)"), [], null, TimeSpan.Zero)
            : Unknown(s, "total"));

        var file = Assert.Single(await AdoptionHarness.ProposeAsync(trials, AdoptionHarness.Page(page)));

        Assert.Equal(SnippetKind.Check, Assert.Single(file.Proposals).Kind);
    }

    [Fact]
    public async Task A_block_that_passes_with_fewer_packages_keeps_only_those()
    {
        var document = AdoptionHarness.Page(Hello);
        var snippet = document.Blocks[0];
        var tagged = snippet with { Tags = snippet.Tags with { Kind = SnippetKind.Compile, Packages =
            [new PackageRequest("Humanizer.Core", "2.14.1", snippet.Location), new PackageRequest("Newtonsoft.Json", "13.0.3", snippet.Location)] } };
        var trials = new CannedTrials(s => s.Tags.Packages.Any(p => p.Id == "Humanizer.Core") ? Passed(s) : Unknown(s, "Console"));

        var trimmed = await TrimTrials.TrimAsync(trials, [(document, Passed(tagged))], CancellationToken.None);

        Assert.Equal(["Humanizer.Core"], trimmed[snippet.Location].Packages.Select(p => p.Id));
    }

    [Fact]
    public async Task A_block_on_names_only_ASP_NET_Core_declares_is_tried_as_a_web_project()
    {
        const string page = "# Post\n\n```csharp\nvar builder = WebApplication.CreateBuilder(args);\n```\n";
        var document = AdoptionHarness.Page(page);
        var trials = new CannedTrials(s => s.Tags.WebSdk ? Passed(s) : Unknown(s, "WebApplication"));

        var results = await WebSdkTrials.TryAsync(trials, [(document, Unknown(document.Blocks[0], "WebApplication"))], CancellationToken.None);

        var tried = Assert.Single(trials.Asked);
        Assert.Equal((SnippetKind.Compile, true), (tried.Tags.Kind, tried.Tags.WebSdk));
        Assert.Equal(SnippetStatus.Passed, Assert.Single(results).Status);
    }

    [Fact]
    public async Task A_block_on_a_name_ASP_NET_Core_does_not_declare_is_not_tried_as_a_web_project()
    {
        const string page = "# Post\n\n```csharp\nvar reader = CsvReader.Open(path);\n```\n";
        var document = AdoptionHarness.Page(page);
        var trials = new CannedTrials(s => Passed(s));

        var results = await WebSdkTrials.TryAsync(trials, [(document, Unknown(document.Blocks[0], "CsvReader"))], CancellationToken.None);

        Assert.Empty(trials.Asked);
        Assert.Empty(results);
    }

    /// <summary>RotEvidence.Typo, spelt here: the word reports and the JSON carry.</summary>
    private const string RotEvidenceTypo = "typo";

    /// <summary>
    /// Issue 77: Humanizer's generated ByteSize page lists members of its main branch that no released Humanizer.Core has
    /// (<c>public readonly double DecimalExabytes { get; }</c>): the listing trial looks each up in the package and fails
    /// them, rightly. The cause said what compiling the signature gave instead ("CS0106: The modifier 'readonly' is not valid",
    /// "unknown-name 'Humanizer'", "CS0501: must declare a body"), sending the reader after the compiler, not the package.
    /// A listing block's cause is its listing's: the member the package lacks, and the package and version looked in.
    /// </summary>
    [Fact]
    public async Task A_listing_whose_member_its_package_lacks_says_so_as_its_cause()
    {
        const string page = "# API\n\n`dotnet add package Markdig`\n\n```csharp\npublic readonly double DecimalExabytes { get; }\n```\n";
        var feed = new CannedFeed();
        feed.Versions["Markdig"] = ["1.6.0"];
        feed.Assemblies["Markdig/1.6.0"] = [typeof(global::Markdig.Markdown).Assembly.Location];
        var trials = new CannedTrials(s => s.Tags.Listing
            ? Failed(s, "SC2014", "DecimalExabytes", "the listing's property 'double DecimalExabytes' is not in the API it documents: " +
                "no public type of its packages declares 'DecimalExabytes'")
            : Failed(s, "CS0106", "readonly", "The modifier 'readonly' is not valid for this item")) { Feed = feed };

        var file = Assert.Single(await AdoptionHarness.ProposeAsync(trials, AdoptionHarness.Page(page)));

        Assert.Empty(file.Proposals);
        var cause = Assert.Single(file.Causes);
        Assert.Equal("compile-error", cause.Kind);
        Assert.StartsWith("SC2014: the listing's property 'double DecimalExabytes' is not in the API it documents", cause.Detail,
            StringComparison.Ordinal);
        Assert.Contains("(looked up in Markdig 1.6.0)", cause.Detail, StringComparison.Ordinal);
    }

    /// <summary>
    /// Issue 77: once the Stopwatch post's using is guessed, its block 903 binds every Stopwatch call and fails only on
    /// <c>{μs}</c>, a typo of the block's own <c>var us</c>. The check level tolerates a name the post never declares, so it
    /// passed as <c>check</c> though it does not compile. A tolerated name one letter from the block's own local is its typo:
    /// no <c>check</c>, and the cause names it and the local it misspells.
    /// </summary>
    [Fact]
    public async Task A_block_whose_tolerated_name_misspells_its_own_local_is_not_checked_and_its_cause_says_so()
    {
        const string page = "# Post\n\n```csharp\nvar us = Math.Sqrt(2).ToString();\nConsole.WriteLine($\"{μs}\");\n```\n";
        var trials = new CannedTrials(s => s.Tags.Kind == SnippetKind.Check
            ? new SnippetResult(s, new Verdict.Checked([new UnknownName("μs", s.Location)], "Math.Sqrt(double)"), [], null, TimeSpan.Zero)
            : Unknown(s, "μs"));

        var file = Assert.Single(await AdoptionHarness.ProposeAsync(trials, AdoptionHarness.Page(page)));

        Assert.Empty(file.Proposals);
        var cause = Assert.Single(file.Causes);
        Assert.Equal(("unknown-name", "'μs': the block declares 'us' (misspelt?)"), (cause.Kind, cause.Detail));
    }

    /// <summary>A name another block of the post declares as a local is tolerated as before: a session may give it.</summary>
    [Fact]
    public async Task A_tolerated_name_that_another_block_declares_as_a_local_is_still_checked()
    {
        const string page = "# Post\n\n```csharp\nvar dy = 2;\n```\n\n```csharp\nvar dx = Math.Abs(-1);\nConsole.WriteLine(dx + dy);\n```\n";
        var trials = new CannedTrials(s => CodeOf(s).StartsWith("var dy", StringComparison.Ordinal) ? Passed(s, s.Tags.Kind == SnippetKind.Run ? "" : null)
            : s.Tags.Kind == SnippetKind.Check
            ? new SnippetResult(s, new Verdict.Checked([new UnknownName("dy", s.Location)], "Math.Abs(int)"), [], null, TimeSpan.Zero)
            : Unknown(s, "dy"));

        var file = Assert.Single(await AdoptionHarness.ProposeAsync(trials, AdoptionHarness.Page(page)));

        Assert.Contains(file.Proposals, p => p.Kind == SnippetKind.Check);
    }
}
