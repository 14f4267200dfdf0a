using SnippetCheck.Execution;
using SnippetCheck.References;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Unit.References;

/// <summary>
/// The SDK version read back instead of asking <c>dotnet --version</c> again (issue 44's doc-comment edit): only while
/// everything that picks the SDK is unchanged, so a global.json added, edited or pinning a missing SDK is asked anew.
/// </summary>
public sealed class SdkChoiceTests
{
    [Fact]
    public void A_global_json_in_the_folder_or_above_changes_the_choice_and_one_naming_sdk_paths_is_never_remembered()
    {
        using var folder = new TempFolder();
        var library = Directory.CreateDirectory(Path.Combine(folder.Path, "src", "Library")).FullName;
        var before = SdkChoice.Of(library);

        folder.Write("global.json", """{ "sdk": { "version": "10.0.100", "rollForward": "latestFeature" } }""");
        var pinned = SdkChoice.Of(library);
        folder.Write("global.json", """{ "sdk": { "version": "10.0.100", "rollForward": "latestMajor" } }""");
        var rolled = SdkChoice.Of(library);
        folder.Write("global.json", """{ "sdk": { "paths": [ ".dotnet", "$host$" ] } }""");

        Assert.NotNull(before);
        Assert.Equal(3, new[] { before, pinned, rolled }.Distinct().Count());
        Assert.Null(SdkChoice.Of(library));
        // The folder itself is not part of it: another folder with no global.json above picks as the first did.
        using var elsewhere = new TempFolder();
        Assert.Equal(before, SdkChoice.Of(elsewhere.Path));
    }

    [Fact]
    public async Task A_version_asked_before_is_read_back_and_a_pin_of_a_missing_sdk_still_fails_as_dotnet_does()
    {
        using var cache = new TempFolder();
        using var project = new TempFolder();

        var asked = await DotnetCli.SdkVersionAsync(project.Path, cache.Path, BuildSandbox.Auto());
        Assert.Matches(@"^\d+\.\d+\.\d+", asked);
        // What a later process reads: the file the first one wrote, for the same choice. A planted value shows it is read.
        var remembered = Assert.Single(Directory.GetFiles(Path.Combine(cache.Path, "sdk")));
        var entry = File.ReadAllText(remembered);
        Assert.EndsWith("\n" + asked, entry, StringComparison.Ordinal);
        File.WriteAllText(remembered, entry.Replace(asked, "9.9.999-remembered", StringComparison.Ordinal));
        using var sameChoice = new TempFolder();
        Assert.Equal("9.9.999-remembered", await DotnetCli.SdkVersionAsync(sameChoice.Path, cache.Path, BuildSandbox.Auto()));

        using var pinnedMissing = new TempFolder();
        pinnedMissing.Write("global.json", """{ "sdk": { "version": "1.0.100", "rollForward": "disable" } }""");
        var failure = await Assert.ThrowsAsync<DotnetFailedException>(
            () => DotnetCli.SdkVersionAsync(pinnedMissing.Path, cache.Path, BuildSandbox.Auto()));
        Assert.Contains("1.0.100", failure.Result.FirstError(), StringComparison.Ordinal);
    }
}
