using System.Text.Json.Nodes;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Lsp;

/// <summary>
/// Issue 56 in the editor: a library that does not target the newest .NET (tests/OlderTargetsLibrary,
/// <c>netstandard2.0;net9.0</c>), named in <c>references</c>, has its doc-comment examples run on net10.0 against its
/// net9.0 build, and an edited example is verified again on that build, without a rebuild.
/// </summary>
public sealed class LspLibraryTests
{
    private static readonly TimeSpan FirstBuild = TimeSpan.FromSeconds(300);

    private static bool NoErrors(JsonArray diagnostics) => !diagnostics.Any(d => (int)d!["severity"]! == 1);

    [Fact]
    public async Task A_library_without_the_newest_dotnet_has_its_examples_verified_and_an_edited_one_again_without_a_rebuild()
    {
        using var folder = new TempFolder();
        using var cache = new TempFolder();
        foreach (var file in Directory.GetFiles(RepositoryRoot.PathOf("tests/OlderTargetsLibrary")).Where(f => Path.GetExtension(f) is ".cs" or ".csproj"))
            File.Copy(file, Path.Combine(folder.Path, Path.GetFileName(file)));
        folder.Write("snippetcheck.json", """{ "references": ["OlderTargetsLibrary.csproj"] }""");
        var totals = Path.Combine(folder.Path, "Totals.cs");
        var text = File.ReadAllText(totals);
        // Checks come on open and on save only (no check on typing within the test's time): each version's diagnostics are its save's.
        using var client = await LspClient.StartAsync(folder.Path, new Dictionary<string, string?> { ["SNIPPETCHECK_PACKAGE_CACHE"] = cache.Path },
            new JsonObject { ["debounceMs"] = 600_000 });
        await client.OpenAsync(totals, text);
        Assert.True(NoErrors(await client.DiagnosticsAsync(totals, 0, version: 1, timeout: FirstBuild)), client.Stderr);

        // The save runs the examples: the one that prints the library's build says net9.0.
        var seen = client.Published;
        await client.SaveAsync(totals);
        var saved = await client.DiagnosticsAsync(totals, seen, version: 1, timeout: FirstBuild);
        Assert.True(NoErrors(saved), saved.ToJsonString());
        string BuiltAssembly() => Directory.GetFiles(Path.Combine(cache.Path, "projects"), "OlderTargetsLibrary.dll", SearchOption.AllDirectories).Single();
        var built = File.GetLastWriteTimeUtc(BuiltAssembly());

        // An example edited and saved (its code and its claim, trivia to the compiler): verified again on the same build.
        text = text.Replace("Totals.Running([1, 2, 3, 4])", "Totals.Running([1, 2, 3, 4, 5])", StringComparison.Ordinal)
            .Replace("/// 1, 3, 6, 10", "/// 1, 3, 6, 10, 15", StringComparison.Ordinal);
        seen = await EditAndSaveAsync(client, totals, text, 2);
        var edited = await client.DiagnosticsAsync(totals, seen, version: 2);
        Assert.True(NoErrors(edited), edited.ToJsonString());

        // A mutant of its claim fails at the output block, still without a rebuild.
        text = text.Replace("/// 1, 3, 6, 10, 15", "/// 1, 3, 6, 10, 16", StringComparison.Ordinal);
        seen = await EditAndSaveAsync(client, totals, text, 3);
        var mutant = await client.DiagnosticsAsync(totals, seen, d => !NoErrors(d), version: 3);
        var differs = Assert.Single(mutant, d => (string?)d!["code"] == "SC2001")!;
        Assert.Contains("+ 1, 3, 6, 10, 15", (string?)differs["message"], StringComparison.Ordinal);
        Assert.Equal(built, File.GetLastWriteTimeUtc(BuiltAssembly()));
        Assert.Equal(0, await client.ShutdownAsync());
    }

    /// <summary>As an editor saves: the new text, then the file on disk, then didSave; returns the count to wait after.</summary>
    private static async Task<int> EditAndSaveAsync(LspClient client, string path, string text, int version)
    {
        var seen = client.Published;
        await client.ChangeAsync(path, text, version);
        File.WriteAllText(path, text);
        await client.SaveAsync(path);
        return seen;
    }
}
