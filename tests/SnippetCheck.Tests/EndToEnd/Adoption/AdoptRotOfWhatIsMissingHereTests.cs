using System.Text.Json;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.EndToEnd.Adoption;

/// <summary>
/// Suspected rot is a claim about the docs: adopt never makes it of what is only missing here (seen on FastEndpoints'
/// docs: 17 of the 19 it listed). On a local feed, Rot.Own 1.0.0 declares a <c>Request</c> type with a <c>Title</c> and 2.0.0
/// does not: a block that reads a <c>Title</c> the docs' own <c>Request</c> (declared, differently, on two other pages)
/// lacks is no use of a removed type;
/// and <c>using Rot.Own.Extras;</c>, whose package the post installs and no source has, is no namespace Rot.Own lost.
/// </summary>
[TakesSeconds(60)]
public sealed class AdoptRotOfWhatIsMissingHereTests
{
    [Fact]
    public async Task Adopt_claims_no_rot_for_a_type_the_docs_declare_nor_for_the_namespace_of_a_package_no_source_has()
    {
        using var docSet = AdoptInProcess.WithFeed();
        var docs = docSet.Docs;
        const string Screen = "public static class Screen { public static void Write(string text) { } }";
        docSet.Pack("Rot.Own", "1.0.0", $"namespace Rot.Own {{ {Screen} public class Request {{ public string Title {{ get; set; }} = \"\"; }} }}");
        docSet.Pack("Rot.Own", "2.0.0", $"namespace Rot.Own {{ {Screen} }}");
        docSet.Write("binding.md", "# Binding\n\n```csharp\npublic class Request { public string Name { get; set; } = \"\"; }\n```\n");
        docSet.Write("paging.md", "# Paging\n\n```csharp\npublic class Request { public int Page { get; set; } }\n```\n");
        docSet.Write("endpoint.md", """
            # An endpoint

            Install it with `dotnet add package Rot.Own`.

            ```csharp
            using Rot.Own;

            Screen.Write(new Request().Title);
            ```
            """);
        docSet.Write("security.md", """
            # Security

            Install them with `dotnet add package Rot.Own` and `dotnet add package Rot.Own.Extras`.

            ```csharp
            using Rot.Own;
            using Rot.Own.Extras;

            Screen.Write("signed");
            ```
            """);

        var adopted = await docSet.AdoptAsync();
        var run = AdoptInProcess.Table(adopted);

        var json = docSet.Json(adopted);
        Assert.DoesNotContain(json.SuspectedRot, r => r.GetProperty("file").GetString() is "endpoint.md" or "security.md");
        Assert.DoesNotContain("[removed-api]", run, StringComparison.Ordinal);
        Assert.DoesNotContain("[known-api]", run, StringComparison.Ordinal);
        // Neither is verified: the one lacks a package here, the other reads what its model lacks (checked at most).
        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(docs, "adopt.json")));
        var blocks = report.RootElement.GetProperty("blocks").EnumerateArray().ToDictionary(b => b.GetProperty("file").GetString()!);
        Assert.Equal("compile-error", blocks["security.md"].GetProperty("cause").GetString());
        Assert.False(blocks["endpoint.md"].TryGetProperty("tag", out var tag) && !tag.GetString()!.StartsWith("check", StringComparison.Ordinal),
            run);
    }
}
