using SnippetCheck.Caching.Store;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Hardening;

/// <summary>
/// The tool's own writes below a root (<c>--accept</c>'s posts, render's site) refuse links when the file is opened, not
/// by a look at the path before (issue 74, Required 3): a folder swapped for a link after the folder was opened still
/// gets the write, and nothing lands where the link points; a write by path at the same moment would land there.
/// </summary>
public sealed class BeneathRootTests
{
    [SandboxFact(SandboxFeature.Filesystem)]
    public void A_folder_swapped_for_a_link_after_it_was_opened_carries_no_write_outside()
    {
        using var root = new TempFolder();
        var posts = Path.Combine(root.Path, "posts");
        var outside = Path.Combine(root.Path, "outside");
        Directory.CreateDirectory(posts);
        Directory.CreateDirectory(outside);

        using var folder = BeneathRoot.TryOpenFolder(root.Path, posts);
        Assert.NotNull(folder);
        // A process beside the run swaps the folder for a link between the check and the write.
        Directory.Move(posts, posts + "-real");
        Directory.CreateSymbolicLink(posts, outside);
        using (var stream = BeneathRoot.Create(folder, ".a.md.tmp")) stream.Write("new"u8);
        BeneathRoot.Rename(folder, ".a.md.tmp", "a.md");

        Assert.Equal("new", File.ReadAllText(Path.Combine(posts + "-real", "a.md")));
        Assert.Empty(Directory.GetFiles(outside));
        // The control: a write by path now goes where the link points.
        File.WriteAllText(Path.Combine(posts, "b.md"), "by path");
        Assert.True(File.Exists(Path.Combine(outside, "b.md")));
    }

    [SandboxFact(SandboxFeature.Filesystem)]
    public void A_link_below_the_root_is_refused_when_the_folder_is_opened_and_one_above_it_is_followed()
    {
        using var machine = new TempFolder();
        var real = Path.Combine(machine.Path, "real");
        Directory.CreateDirectory(Path.Combine(real, "site", "posts"));
        Directory.CreateDirectory(Path.Combine(machine.Path, "elsewhere"));
        Directory.CreateSymbolicLink(Path.Combine(real, "site", "linked"), Path.Combine(machine.Path, "elsewhere"));
        // The machine's own link above the root (as /home -> /var/home) is followed.
        var root = Path.Combine(machine.Path, "home");
        Directory.CreateSymbolicLink(root, real);

        using var posts = BeneathRoot.TryOpenFolder(Path.Combine(root, "site"), Path.Combine(root, "site", "posts"));
        Assert.NotNull(posts);
        Assert.Throws<LinkedFileException>(() => BeneathRoot.TryOpenFolder(Path.Combine(root, "site"), Path.Combine(root, "site", "linked")));
    }
}
