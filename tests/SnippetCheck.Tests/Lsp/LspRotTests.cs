using System.Text.Json.Nodes;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Lsp;

/// <summary>Issue 55: the language server shows an untagged block's evidence of rot as adopt lists it (SC2016), after a save.</summary>
public sealed class LspRotTests
{
    [Fact]
    public async Task An_untagged_block_that_looks_broken_gets_a_suspected_rot_warning_that_moves_with_it()
    {
        using var folder = new TempFolder();
        var text = """
            # Rot

            ```csharp
            var name = "SnippetCheck";
            Console.WriteLine(name.length);
            ```

            ```csharp
            Console.WriteLine(undeclaredByThePost);
            ```

            """;
        var post = folder.Write("post.md", text);
        using var client = await LspClient.StartAsync(folder.Path);
        await client.OpenAsync(post, text);
        await client.SaveAsync(post);
        static bool IsRot(JsonNode? d) => (string?)d!["code"] == "SC2016";
        var saved = await client.DiagnosticsAsync(post, 0, d => d.Any(IsRot));
        var rot = Assert.Single(saved, IsRot)!;
        // The near miss of a framework member is evidence; the post's own unknown name in the second block is not.
        Assert.Equal(4, (int)rot["range"]!["start"]!["line"]!);
        Assert.Equal(23, (int)rot["range"]!["start"]!["character"]!);
        Assert.StartsWith("suspected rot [known-api]: CS1061:", (string?)rot["message"], StringComparison.Ordinal);
        Assert.Equal(2, (int)rot["severity"]!);

        // An edit above the block keeps the warning on it, two lines further down, without a save.
        var seen = client.Published;
        await client.ChangeAsync(post, "Intro.\n\n" + text, 2);
        var moved = await client.DiagnosticsAsync(post, seen, version: 2);
        Assert.Equal(6, (int)Assert.Single(moved, IsRot)!["range"]!["start"]!["line"]!);
        Assert.Equal(0, await client.ShutdownAsync());
    }
}
