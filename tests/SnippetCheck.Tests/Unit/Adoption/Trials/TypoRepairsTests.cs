using SnippetCheck.Extraction.Snippets;
using SnippetCheck.Results;
using static SnippetCheck.Tests.Unit.Adoption.CannedTrials;

namespace SnippetCheck.Tests.Unit.Adoption.Trials;

/// <summary>
/// Typos found by repair (<c>Trials/TypoRepairs</c>) against canned results and a canned feed: which packages a repaired
/// block is tried with when its own trial did not compile it.
/// </summary>
public sealed class TypoRepairsTests
{
    /// <summary>
    /// MassTransit's observability page (issue 76, bug #3): its ASP.NET Core block lists OpenTelemetry's packages, and its
    /// <c>DiagnosticHeaders</c> (MassTransit's, installed on another page) stands in a lambda passed to OpenTelemetry's
    /// <c>WithTracing</c>. Before those packages bind that call, the compiler does not bind the lambda and reports only
    /// OpenTelemetry's names, so the block's own package trial takes OpenTelemetry's packages alone, and only then does
    /// MassTransit's name surface. The retry with the doc set's packages must keep the block's own.
    /// </summary>
    [Fact]
    public async Task A_repaired_block_retried_with_the_doc_sets_package_keeps_the_packages_its_own_trial_found()
    {
        var setup = AdoptionHarness.Page(
            "# Setup\n\n`dotnet add package Markdig`\n\n```csharp\nConsole.WriteLine(Markdown.ToHtml(\"*hi*\"));\n```\n", "docs/setup.md");
        var page = AdoptionHarness.Page("""
            # Tracing

            This example is using following packages:
            - `Acme.Frameworks`

            ```csharp
            NuGetFramework.Parse("net10.0")
                .WithTracing(b => b.AddSource(Markdown.Version))
                .AddExporter(
                {
                    o.Endpoint = "collector";
                });
            ```
            """, "docs/tracing.md");
        var feed = new CannedFeed();
        feed.Versions["Markdig"] = ["1.6.0"];
        feed.Assemblies["Markdig/1.6.0"] = [typeof(global::Markdig.Markdown).Assembly.Location];
        feed.Versions["Acme.Frameworks"] = ["1.0.0"];
        feed.Assemblies["Acme.Frameworks/1.0.0"] = [typeof(NuGet.Frameworks.NuGetFramework).Assembly.Location];
        bool With(Snippet s, string id) => s.Tags.Packages.Any(p => p.Id == id);
        var trials = new CannedTrials(s => CodeOf(s).StartsWith("Console", StringComparison.Ordinal)
                ? With(s, "Markdig") ? Passed(s) : Unknown(s, "Markdown")
            // As the compiler answers: the typo first; then the page's own name; the lambda's name only once the chain binds.
            : !CodeOf(s).Contains("o =>", StringComparison.Ordinal) ? Failed(s, "CS1026", "AddExporter", ") expected")
            : !With(s, "Acme.Frameworks") ? Unknown(s, "NuGetFramework")
            : !With(s, "Markdig") ? Unknown(s, "Markdown")
            : Passed(s)) { Feed = feed };

        var files = await AdoptionHarness.ProposeAsync(trials, setup, page);

        var rot = Assert.Single(Assert.Single(files, f => f.Path.EndsWith("tracing.md", StringComparison.Ordinal)).Rot);
        Assert.Equal((RotEvidence.Typo, "'o =>' before '{' makes the block compile"), (rot.Evidence, rot.Why));
        // The block's own trial had the page's package alone: the retry that compiled it had both.
        Assert.Contains(trials.Asked, s => With(s, "Acme.Frameworks") && !With(s, "Markdig") && CodeOf(s).Contains("o =>", StringComparison.Ordinal));
    }
}
