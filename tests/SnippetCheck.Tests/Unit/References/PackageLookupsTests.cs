using SnippetCheck.Model;
using SnippetCheck.References;
using SnippetCheck.Tests.Infrastructure;
using SnippetCheck.Tests.Unit.Adoption;

namespace SnippetCheck.Tests.Unit.References;

/// <summary>
/// Adopt's package lookups (<see cref="PackageLookups"/>) read a restore where it happens, so package inference reads no
/// disk (issue 78): the ID as the package's .nuspec spells it, and its compile assemblies loaded, against a canned feed.
/// </summary>
public sealed class PackageLookupsTests
{
    private static readonly SourceLocation Nowhere = new("", 0, 0);

    [Fact]
    public async Task A_restore_comes_with_the_id_its_nuspec_spells_and_its_assemblies_loaded()
    {
        using var folder = new TempFolder();
        folder.Write("acme.widgets.nuspec", "<package><metadata><id>Acme.Widgets</id><version>1.2.0</version></metadata></package>");
        var dll = CompiledLibrary.Emit(folder, "Acme.Widgets", "namespace Acme.Widgets; public class Widget { }");
        var feed = new CannedFeed();
        feed.Assemblies["acme.widgets/1.2.0"] = [dll];
        var lookups = new PackageLookups(feed);

        // Searches and cache folders are lower-case: the ID a tag and a pin name is the package's own spelling.
        var restored = await lookups.RestoreAsync(new PackageRequest("acme.widgets", "1.2.0", Nowhere), CancellationToken.None);
        var missing = await lookups.RestoreAsync(new PackageRequest("Acme.Gone", "1.0.0", Nowhere), CancellationToken.None);

        Assert.Equal("Acme.Widgets", restored.Id);
        Assert.Equal([dll], restored.References.Select(r => r.Display));
        Assert.False(missing.Outcome.Succeeded);
        Assert.Equal("Acme.Gone", missing.Id);
        Assert.Empty(missing.References);
        Assert.Equal(["acme.widgets/1.2.0", "Acme.Gone/1.0.0"], feed.Restored);
    }

    [Fact]
    public async Task Lookups_side_by_side_answer_in_the_order_they_were_asked()
    {
        var lookups = new PackageLookups(new CannedFeed());

        var answers = await lookups.EachAsync([30, 0, 10], async wait =>
        {
            await Task.Delay(wait);
            return wait;
        });

        Assert.Equal([30, 0, 10], answers);
    }
}
