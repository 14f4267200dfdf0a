using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Hygiene;

/// <summary>
/// The tests mirror the source, both ways: <c>Unit/X/Y</c> holds the in-process tests of <c>src/SnippetCheck/X/Y</c> (or of
/// the authoring tools' <c>src/SnippetCheck.Authoring/X/Y</c>) and <c>EndToEnd/X</c> the whole runs of that folder's code,
/// so a stage's tests are found where its code is, and every source folder with code has its <c>Unit/</c> folder, or a line
/// in <see cref="WithoutUnitTests"/> that says why not; every test file's namespace is its folder's, as in src/.
/// </summary>
[Trait("Category", "Fast")]
public sealed class TestLayoutTests
{
    /// <summary>
    /// Source folders with no in-process tests of their own, and why: what they do is shown only by a run, so their tests
    /// are end to end (Cli/, EndToEnd/). A folder leaves this list when it gets a <c>Unit/</c> folder.
    /// </summary>
    private static readonly Dictionary<string, string> WithoutUnitTests = new(StringComparer.Ordinal)
    {
        ["Authoring"] = "one file, the authoring tools' entry point over Driver/: Cli/ (render, outdated) and Lsp/ run it",
        ["Outdated"] = "every step verifies posts at another version: Cli/OutdatedTests",
    };

    private static string TestsFolder => RepositoryRoot.PathOf("tests/SnippetCheck.Tests");

    private static IEnumerable<string> TestFiles => Directory.GetFiles(TestsFolder, "*.cs", SearchOption.AllDirectories)
        .Where(f => !Path.GetRelativePath(TestsFolder, f).Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or "Samples"));

    [Fact]
    public void Every_unit_test_folder_names_a_folder_of_the_source()
    {
        var orphans = FoldersNamingNoSource("Unit", topLevelFiles: false);

        Assert.True(orphans.Count == 0,
            "Unit/ folders that name no folder of src/SnippetCheck or src/SnippetCheck.Authoring (move their tests to the folder of the code they test):\n"
            + string.Join('\n', orphans.Select(o => "Unit/" + o)));
    }

    /// <summary>
    /// <c>EndToEnd/</c>'s own files are whole runs of every stage; a folder under it holds the whole runs of one source
    /// folder (<c>EndToEnd/Adoption/</c>: adopt in process over real trials, <see cref="AdoptInProcess"/>), so it names one.
    /// </summary>
    [Fact]
    public void Every_end_to_end_test_folder_names_a_folder_of_the_source()
    {
        var orphans = FoldersNamingNoSource("EndToEnd", topLevelFiles: true);

        Assert.True(orphans.Count == 0,
            "EndToEnd/ folders that name no folder of src/SnippetCheck or src/SnippetCheck.Authoring "
            + "(name the folder after the code its runs test):\n"
            + string.Join('\n', orphans.Select(o => "EndToEnd/" + o)));
    }

    /// <summary>
    /// The folders of test files under <paramref name="tier"/> that name no source folder; the tier's own files count
    /// unless <paramref name="topLevelFiles"/>.
    /// </summary>
    private static List<string> FoldersNamingNoSource(string tier, bool topLevelFiles)
    {
        string[] sources = [RepositoryRoot.PathOf("src/SnippetCheck"), RepositoryRoot.PathOf("src/SnippetCheck.Authoring")];
        var root = Path.Combine(TestsFolder, tier);
        return TestFiles.Where(f => f.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(root, Path.GetDirectoryName(f)!))
            .Distinct(StringComparer.Ordinal)
            .Where(folder => folder == "." ? !topLevelFiles : !sources.Any(s => Directory.Exists(Path.Combine(s, folder))))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    [Fact]
    public void Every_source_folder_with_code_has_its_unit_test_folder_or_says_why_not()
    {
        var unit = Path.Combine(TestsFolder, "Unit");
        var missing = new List<string>();
        var listed = new List<string>();
        foreach (var source in new[] { RepositoryRoot.PathOf("src/SnippetCheck"), RepositoryRoot.PathOf("src/SnippetCheck.Authoring") })
        {
            foreach (var folder in Directory.GetDirectories(source, "*", SearchOption.AllDirectories)
                .Where(d => Directory.GetFiles(d, "*.cs").Length > 0)
                .Select(d => Path.GetRelativePath(source, d).Replace(Path.DirectorySeparatorChar, '/'))
                .Where(d => !d.Split('/').Any(part => part is "bin" or "obj" or "Properties")))
            {
                var tested = Directory.Exists(Path.Combine(unit, folder)) && Directory.GetFiles(Path.Combine(unit, folder), "*.cs").Length > 0;
                if (!tested && !WithoutUnitTests.ContainsKey(folder)) missing.Add(folder);
                if (tested && WithoutUnitTests.ContainsKey(folder)) listed.Add(folder);
            }
        }

        Assert.True(missing.Count == 0,
            "source folders with no Unit/ test folder (add its in-process tests there, or a line to WithoutUnitTests saying why not):\n"
            + string.Join('\n', missing.Order(StringComparer.Ordinal)));
        Assert.True(listed.Count == 0, "folders WithoutUnitTests lists that now have Unit/ tests (take them off the list):\n"
            + string.Join('\n', listed));
        Assert.All(WithoutUnitTests.Keys, folder => Assert.True(
            new[] { "src/SnippetCheck/", "src/SnippetCheck.Authoring/" }.Any(s => Directory.Exists(RepositoryRoot.PathOf(s + folder))),
            $"WithoutUnitTests names {folder}, which is no source folder"));
    }

    [Fact]
    public void Every_test_file_is_in_the_namespace_of_its_folder()
    {
        var misplaced = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in TestFiles)
        {
            var folder = Path.GetRelativePath(TestsFolder, Path.GetDirectoryName(file)!);
            var expected = folder == "." ? "SnippetCheck.Tests" : "SnippetCheck.Tests." + folder.Replace(Path.DirectorySeparatorChar, '.');
            var ns = File.ReadLines(file).FirstOrDefault(l => l.StartsWith("namespace ", StringComparison.Ordinal))?["namespace ".Length..].TrimEnd(';', ' ');
            if (ns is not null && ns != expected) misplaced.Add($"{Path.GetRelativePath(TestsFolder, file)}: namespace {ns}, folder {folder}");
        }

        Assert.True(misplaced.Count == 0, "test files outside their folder's namespace:\n" + string.Join('\n', misplaced));
    }
}
