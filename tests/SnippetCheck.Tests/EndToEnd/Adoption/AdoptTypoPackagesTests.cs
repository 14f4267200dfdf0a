using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.EndToEnd.Adoption;

/// <summary>
/// A typo's repaired block is tried with the packages its page names, as a reader would install them, even when the page
/// names them only in a bullet list (<c>- `Azure.Monitor.OpenTelemetry.Exporter`</c>, MassTransit's observability page):
/// those a source serves are candidates, so the repaired block binds; one no source serves is no package "not loaded".
/// </summary>
[TakesSeconds(10)]
public sealed class AdoptTypoPackagesTests
{
    private const string Telemetry = """
        namespace Acme.Telemetry
        {
            public sealed class ExporterOptions { public string Endpoint { get; set; } = ""; }
            public sealed class TelemetryBuilder
            {
                public TelemetryBuilder AddExporter(System.Action<ExporterOptions> configure) => this;
                public object Build() => new object();
            }
            public static class Telemetry { public static TelemetryBuilder Create() => new TelemetryBuilder(); }
        }
        """;

    [Fact]
    public async Task A_callback_without_its_parameter_is_a_typo_with_the_packages_a_bullet_list_names()
    {
        using var docSet = AdoptInProcess.WithFeed();
        docSet.Pack("Acme.Telemetry.Exporter", "1.0.0", Telemetry);
        // No source serves Acme.Telemetry or Acme.Telemetry.Console: listed, neither is a package the blocks need and could not load.
        docSet.Write("telemetry.md", """
            # Telemetry

            This example is using following packages:
            - `Acme.Telemetry`
            - `Acme.Telemetry.Exporter`
            - `Acme.Telemetry.Console`

            ```csharp
            Telemetry.Create()
                .AddExporter(
                {
                    o.Endpoint = "collector";
                })
                .Build();
            ```
            """);

        var adopt = AdoptInProcess.Table(await docSet.AdoptAsync());

        Assert.Matches(@"telemetry\.md\((10|11|12),\d+\): CS\d+: .* makes the block compile \[typo\]", adopt);
    }

    [Fact]
    public async Task A_typo_whose_repair_compiles_only_at_a_major_the_page_does_not_name_is_no_entry()
    {
        using var docSet = AdoptInProcess.WithFeed();
        docSet.Pack("Acme.Telemetry.Exporter", "2.0.0", Telemetry);
        const string Block = """
            This example is using following packages:
            - `Acme.Telemetry.Exporter`

            ```csharp
            Telemetry.Create()
                .AddExporter(
                {
                    o.Endpoint = "collector";
                })
                .Build();
            ```
            """;
        // The same block on a page about version 1 of Acme (the tool can only try 2.0.0) and on a page that names no version.
        docSet.Write("v1.md", "# Version 1 Release Notes\n\nVersion 1.0 of Acme is out.\n\n" + Block);
        docSet.Write("current.md", "# Telemetry\n\n" + Block);

        var adopt = AdoptInProcess.Table(await docSet.AdoptAsync());

        Assert.Matches(@"current\.md\(\d+,\d+\): CS\d+: .* makes the block compile \[typo\]", adopt);
        Assert.DoesNotMatch(@"v1\.md\(\d+,\d+\): CS\d+: .*\[typo\]", adopt);
    }
}
