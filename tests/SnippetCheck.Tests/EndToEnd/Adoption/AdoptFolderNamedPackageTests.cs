using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.EndToEnd.Adoption;

/// <summary>
/// Issue 77, item 1: packages from the post's own words. A library's release notes (language-ext's v2 notes, 97 blocks)
/// show no install line and no using; the folder they sit in is named for the repository ('louthy__language-ext') and a
/// heading names the package ('New features - LanguageExt.Core'). Adopt looked only in the test frameworks the code
/// names; the library the folder and the heading agree on is a candidate too, and the block is verified with it.
/// </summary>
public sealed class AdoptFolderNamedPackageTests
{
    [Fact]
    public async Task A_package_a_heading_names_as_the_folder_is_named_is_tried_and_its_blocks_verify_with_it()
    {
        using var docs = AdoptInProcess.WithFeed().Pack("AcmeWidgets.Core", "1.0.0",
            "namespace AcmeWidgets { public static class Widget { public static int Make(int n) => n + 1; } }");
        docs.Write("someone__acme-widgets/release-notes.md", """
            # Release notes

            ## New features - AcmeWidgets.Core

            Widgets are made in one call now:

            ```csharp
            Console.WriteLine(Widget.Make(2));
            ```
            """);

        var adopt = AdoptInProcess.Table(await docs.AdoptWriteAsync());

        var written = docs.Read("someone__acme-widgets/release-notes.md");
        Assert.True(written.Contains("packages=AcmeWidgets.Core", StringComparison.Ordinal), written + "\n" + adopt);
        docs.Verifies();
        docs.MutantsFail("someone__acme-widgets/release-notes.md", written, [("Widget.Make(2)", "Widget.Mak(2)", (string?)"CS0117")]);
    }
}
