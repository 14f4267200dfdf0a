using SnippetCheck.Adoption.Proposals;
using SnippetCheck.Adoption.Writing;
using SnippetCheck.Configuration;
using SnippetCheck.Extraction;
using SnippetCheck.Extraction.Snippets;
using SnippetCheck.Model;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Unit.Adoption.Writing;

/// <summary>
/// One pin per package for a doc set (<see cref="DocSetPins"/>): the version most blocks were verified at goes into the
/// config once and the tags name the package alone; a block verified at another version keeps it, and the summary says
/// so. The in-memory proof of the pins (<see cref="DocSetPins.FailingAsync"/>) runs code and is the CLI tests'.
/// </summary>
public sealed class DocSetPinsTests
{
    private static AdoptFile File(string name, params string[][] packagesPerBlock)
    {
        var text = "# P\n" + string.Concat(packagesPerBlock.Select((_, i) => $"\n```csharp\nvar x{i} = {i};\n```\n"));
        var page = SourceDocument.FromText(Path.GetFullPath(name), name, text);
        var blocks = Pipeline.Read(text, name).Snippets;
        return new AdoptFile(page, blocks.Count, [.. blocks.Select((b, i) => new AdoptProposal(b, SnippetKind.Compile, null)
        {
            Packages = [.. packagesPerBlock[i].Select(p => PackageRequest.TryParse(p, b.Location)!)],
        })], [], []);
    }

    private static IEnumerable<string> Tags(IReadOnlyList<AdoptFile> files) => files.SelectMany(f => f.Proposals).Select(p => p.Words);

    [Fact]
    public void The_version_most_blocks_were_verified_at_is_the_sets_pin_and_only_those_tags_drop_their_version()
    {
        var files = new[] { File("a.md", ["Acme@1.0.0"], ["Acme@1.0.0"]), File("b.md", ["Acme@2.0.0"], ["Zed@3.0.0"]) };

        var (pinned, plan) = DocSetPins.Propose(files, new SnippetCheckConfig(), "/docs");

        Assert.Equal(Path.Combine("/docs", "snippetcheck.json"), plan.ConfigPath);
        Assert.Equal(["Acme@1.0.0", "Zed@3.0.0"], plan.New.Select(p => $"{p.Id}@{p.Version}"));
        Assert.Equal(["compile packages=Acme", "compile packages=Acme", "compile packages=Acme@2.0.0", "compile packages=Zed"], Tags(pinned));
        var own = Assert.Single(DocSetPins.OwnPins(pinned, plan, "snippetcheck.json", pinsProblem: null));
        Assert.EndsWith(": packages=Acme@2.0.0 keeps its own pin: it is verified at 2.0.0, not at the set's version 1.0.0 (snippetcheck.json)", own,
            StringComparison.Ordinal);
    }

    [Fact]
    public void A_tie_takes_the_newest_version_and_the_configs_own_pin_wins_over_the_blocks()
    {
        var tie = DocSetPins.Propose([File("a.md", ["Acme@1.0.0"], ["Acme@1.10.0"])], new SnippetCheckConfig(), "/docs");
        var configured = DocSetPins.Propose([File("a.md", ["Acme@2.0.0"], ["Acme@2.0.0"])],
            new SnippetCheckConfig { PackageVersions = ["Acme@1.0.0"] }, "/docs");

        Assert.Equal("Acme@1.10.0", $"{tie.Plan.New[0].Id}@{tie.Plan.New[0].Version}");
        Assert.Empty(configured.Plan.New);
        Assert.Equal(["compile packages=Acme@2.0.0", "compile packages=Acme@2.0.0"], Tags(configured.Files));
    }

    [Fact]
    public void A_package_kept_out_of_the_set_is_pinned_in_its_tags_again_and_the_summary_says_the_set_has_no_pin()
    {
        var (pinned, plan) = DocSetPins.Propose([File("a.md", ["Acme@1.0.0"], ["Zed@3.0.0"])], new SnippetCheckConfig(), "/docs");

        var (kept, keptPlan) = DocSetPins.Keep(pinned, plan, new HashSet<string>(["Acme"], StringComparer.OrdinalIgnoreCase));

        Assert.Equal(["compile packages=Acme@1.0.0", "compile packages=Zed"], Tags(kept));
        Assert.Equal(["Zed"], keptPlan.All.Select(p => p.Id));
        Assert.EndsWith("and snippetcheck.json pins no version of Acme for the set (its blocks do not all pass at one)",
            Assert.Single(DocSetPins.OwnPins(kept, keptPlan, "snippetcheck.json", pinsProblem: null)), StringComparison.Ordinal);
    }

    [Fact]
    public void The_new_pins_are_written_into_the_config_which_must_read_back_with_every_pin()
    {
        using var folder = new TempFolder();
        var (_, plan) = DocSetPins.Propose([File("a.md", ["Acme@1.0.0"])], new SnippetCheckConfig(), folder.Path);

        Assert.Null(DocSetPins.Write(plan, folder.Path));
        Assert.Equal(["Acme@1.0.0"], ConfigLoader.ReadText(plan.ConfigPath, System.IO.File.ReadAllText(plan.ConfigPath)).PackageVersions);
        Assert.Null(DocSetPins.Write(plan with { New = [] }, folder.Path));
    }
}
