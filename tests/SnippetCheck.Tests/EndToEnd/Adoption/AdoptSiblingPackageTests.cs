using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.EndToEnd.Adoption;

/// <summary>
/// Issue 77: a package one page of the doc set names that no source serves (an add-on) vetoed <c>check</c> on every page
/// of the set, though a block binds the served library the set is about (AutoMapper's docs: one page names
/// AutoMapper.Extensions.EnumMapping, and no block on the other 35 pages was tagged check; Refit's README names
/// Refit.Newtonsoft.Json on the page itself). It still vetoes a block that binds no served package: its unknown names may
/// be that package's API.
/// </summary>
[TakesSeconds(60)]
public sealed class AdoptSiblingPackageTests
{
    [Fact]
    public async Task A_package_no_source_serves_that_another_page_names_does_not_veto_check_for_a_block_that_binds_the_served_library()
    {
        using var docs = AdoptInProcess.WithFeed().Pack("Acme.Lib", "1.0.0", "namespace Acme.Lib { public static class Api { public static int Twice(int n) => 2 * n; } }");
        docs.Write("install.md", "# Install\n\n```shell\ndotnet add package Acme.Lib\n```\n");
        docs.Write("addon.md", "# The add-on\n\n```shell\ndotnet add package Zqxv.Imaginary.Addon\n```\n");
        // No using: the page names no package, the doc set two. 'Order' is the docs' own type, declared on no page: only check
        // can protect the block, and it binds Api.Twice.
        const string usage = "# Usage\n\n```csharp\nvar twice = Api.Twice(3);\nConsole.WriteLine(Order.Load(twice).Count);\n```\n";
        docs.Write("usage.md", usage);
        docs.Write("addon-usage.md", "# Add-on usage\n\n```shell\ndotnet add package Zqxv.Imaginary.Addon\n```\n\n" + usage[("# Usage\n\n".Length)..]
            + "\n```csharp\nvar widget = AddonWidget.Create();\nConsole.WriteLine(widget.Name.Length);\n```\n");

        var adopt = AdoptInProcess.Table(await docs.AdoptWriteAsync());

        Assert.DoesNotContain("usage.md(3,1): not tagged check", adopt.Replace("addon-usage.md", "", StringComparison.Ordinal));
        Assert.Matches("<!-- snippetcheck: check .*packages=Acme.Lib", docs.Read("usage.md"));
        // On the page that names the add-on too, the block that binds Acme.Lib is checked; the one that binds no package is not.
        Assert.DoesNotContain("addon-usage.md(7,1): not tagged check", adopt);
        Assert.Contains("addon-usage.md(12,1): not tagged check: its post names Zqxv.Imaginary.Addon, which no package source has", adopt);
        Assert.Equal(1, docs.Read("addon-usage.md").Split("snippetcheck: check").Length - 1);

        Assert.StartsWith("0 passed, 2 checked, 0 failed", docs.Verifies().Summary);
        // What the block is about binds: the library call misspelt fails at check.
        docs.MutantsFail("usage.md", docs.Read("usage.md"), [("Api.Twice", "Api.Twicee", (string?)"usage.md(5,17): error CS0117")]);
    }
}
