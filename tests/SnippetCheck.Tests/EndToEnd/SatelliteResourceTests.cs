using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.EndToEnd;

/// <summary>
/// Issue 54, bug 8: a package's translations are satellite resource assemblies in other packages' folders
/// (<c>humanizer.core.de/.../de/Humanizer.resources.dll</c>); a snippet's run loads them as <c>dotnet run</c> would,
/// so Humanizer's German output is German, not English.
/// </summary>
public sealed class SatelliteResourceTests
{
    [Fact]
    public void A_packages_satellite_resources_are_restored_and_loaded_for_the_culture_the_snippet_asks()
    {
        using var folder = new TempFolder();
        folder.Write("post.md", """
            # Auf Deutsch

            <!-- snippetcheck: run packages=Humanizer@3.0.10 -->
            ```csharp
            using System.Globalization;
            using Humanizer;

            CultureInfo.CurrentUICulture = new CultureInfo("de-DE");
            Console.WriteLine(TimeSpan.FromDays(2).Humanize());
            ```

            ```output
            2 Tage
            ```
            """);

        var verify = CliRunner.Run(folder.Path, PackageTestCache.Environment, "verify", "--no-cache");

        Assert.True(verify.ExitCode == 0, verify.Output);
        Assert.StartsWith("1 passed", verify.Stdout.TrimEnd('\n').Split('\n')[^1]);
    }
}
