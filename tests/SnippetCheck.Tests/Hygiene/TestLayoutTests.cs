using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Hygiene;

/// <summary>
/// The tests mirror the source (issue 78): <c>Unit/X/Y</c> holds the in-process tests of <c>src/SnippetCheck/X/Y</c> (or of
/// the authoring tools' <c>src/SnippetCheck.Authoring/X/Y</c>), so a stage's tests are found where its code is; every test
/// file's namespace is its folder's, as in src/.
/// </summary>
[Trait("Category", "Fast")]
public sealed class TestLayoutTests
{
    private static string TestsFolder => RepositoryRoot.PathOf("tests/SnippetCheck.Tests");

    private static IEnumerable<string> TestFiles => Directory.GetFiles(TestsFolder, "*.cs", SearchOption.AllDirectories)
        .Where(f => !Path.GetRelativePath(TestsFolder, f).Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or "Samples"));

    [Fact]
    public void Every_unit_test_folder_names_a_folder_of_the_source()
    {
        string[] sources = [RepositoryRoot.PathOf("src/SnippetCheck"), RepositoryRoot.PathOf("src/SnippetCheck.Authoring")];
        var unit = Path.Combine(TestsFolder, "Unit");
        var orphans = TestFiles.Where(f => f.StartsWith(unit + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(unit, Path.GetDirectoryName(f)!))
            .Distinct(StringComparer.Ordinal)
            .Where(folder => folder == "." || !sources.Any(s => Directory.Exists(Path.Combine(s, folder))))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(orphans.Count == 0,
            "Unit/ folders that name no folder of src/SnippetCheck or src/SnippetCheck.Authoring (move their tests to the folder of the code they test):\n"
            + string.Join('\n', orphans.Select(o => "Unit/" + o)));
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
