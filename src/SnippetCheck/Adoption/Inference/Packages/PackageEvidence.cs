using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using SnippetCheck.Compilation;
using SnippetCheck.Extraction;
using SnippetCheck.Extraction.Snippets;
using System.Text.RegularExpressions;

namespace SnippetCheck.Adoption.Inference.Packages;

/// <summary>
/// What a page says of the packages its readers install: its install lines, in any fence or in the
/// prose (<c>dotnet add package X --version Y</c>, <c>Install-Package X -Version Y</c>, <c>#r "nuget: X, Y"</c>,
/// <c>#:package X@Y</c>, <c>&lt;PackageReference Include="X" Version="Y" /&gt;</c>), its links to the package's NuGet page
/// or badge (<c>nuget.org/packages/X</c>, <c>img.shields.io/nuget/v/X.svg</c>: a README that never shows its install
/// line), and the well-known namespaces
/// whose package is named otherwise (<c>ProtoBuf</c> is protobuf-net's). Each is only a candidate: a package is kept
/// when its assemblies declare a name a block lacks, and a block is tagged only when it then passes.
/// </summary>
internal static partial class PackageEvidence
{
    /// <summary>
    /// The packages the text's install lines name, in order, each as its own piece of evidence: the version the line
    /// names first, then the newest (a doc's version may no longer restore for the run's framework).
    /// </summary>
    public static IEnumerable<IReadOnlyList<PackageCandidate>> InstallLines(string text)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var match in InstallLine().Matches(text).Cast<Match>().OrderBy(m => m.Index))
        {
            var id = match.Groups["id"].Value.TrimEnd('.', '-');
            if (id.Length == 0 || !seen.Add(id)) continue;
            var version = match.Groups["version"].Success ? match.Groups["version"].Value : null;
            var anyVersion = new PackageCandidate(id, null);
            yield return version is null ? [anyVersion] : [new PackageCandidate(id, version), anyVersion];
        }
    }

    /// <summary>
    /// The packages the prose names in inline code: a list item that begins with one (<c>- `OpenTelemetry`</c>, under "This
    /// example is using following packages:"), or a dotted name on a line that speaks of a package or NuGet ("the
    /// `MassTransit.RabbitMQ` package"). Only candidates: tried after a page's other evidence, kept where a source serves one.
    /// </summary>
    public static IEnumerable<IReadOnlyList<PackageCandidate>> Listed(string text) =>
        text.Split('\n').SelectMany(line => ListItemName().Match(line) is { Success: true } item ? [item.Groups["id"].Value]
                : PackageWord().IsMatch(line) ? DottedName().Matches(line).Select(m => m.Groups["id"].Value) : [])
            .Distinct(StringComparer.OrdinalIgnoreCase).Select(id => (IReadOnlyList<PackageCandidate>)[new PackageCandidate(id, null)]);

    [GeneratedRegex(@"^\s*(?:[-*+]|\d+\.)\s+`(?<id>[A-Z][A-Za-z0-9]*(?:\.[A-Z][A-Za-z0-9]*)*)`")]
    private static partial Regex ListItemName();

    [GeneratedRegex(@"`(?<id>[A-Z][A-Za-z0-9]*(?:\.[A-Z][A-Za-z0-9]*)+)`")]
    private static partial Regex DottedName();

    [GeneratedRegex(@"\b(?:packages?|NuGet)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PackageWord();

    /// <summary>Namespaces whose package has another name; the others suggest their own name (and shorter prefixes).</summary>
    private static readonly (string Namespace, string Package)[] WellKnownNamespaces =
    [
        ("ProtoBuf", "protobuf-net"),
        ("OfficeOpenXml", "EPPlus"),
        ("Microsoft.VisualStudio.TestTools.UnitTesting", "MSTest.TestFramework"),
        ("Amazon.S3", "AWSSDK.S3"),
        ("Amazon.DynamoDBv2", "AWSSDK.DynamoDBv2"),
        ("Amazon.SQS", "AWSSDK.SQS"),
    ];

    /// <summary>The package a well-known namespace (or one inside it) comes from; null for the others.</summary>
    public static string? PackageOfNamespace(string name) =>
        WellKnownNamespaces.FirstOrDefault(w => name == w.Namespace || name.StartsWith(w.Namespace + ".", StringComparison.Ordinal)).Package;

    [GeneratedRegex("""
        \bdotnet\s+add(?:\s+\S+\.csproj)?\s+package\s+(?<id>[A-Za-z0-9_][A-Za-z0-9_.-]*)
            (?:\s+(?:--version|-v)\s+(?<version>[0-9]+(?:\.[0-9]+){1,3}(?:-[0-9A-Za-z.-]+)?))?
        |\bInstall-Package\s+(?<id>[A-Za-z0-9_][A-Za-z0-9_.-]*)(?:\s+-Version\s+(?<version>[0-9]+(?:\.[0-9]+){1,3}(?:-[0-9A-Za-z.-]+)?))?
        |\#r\s+"nuget:\s*(?<id>[A-Za-z0-9_][A-Za-z0-9_.-]*)\s*(?:,\s*(?<version>[0-9]+(?:\.[0-9]+){1,3}(?:-[0-9A-Za-z.-]+)?))?\s*"
        |\#:package\s+(?<id>[A-Za-z0-9_][A-Za-z0-9_.-]*)(?:@(?<version>[0-9]+(?:\.[0-9]+){1,3}(?:-[0-9A-Za-z.-]+)?))?
        |<PackageReference\s+Include\s*=\s*"(?<id>[A-Za-z0-9_][A-Za-z0-9_.-]*)"
            (?:\s+Version\s*=\s*"(?<version>[0-9]+(?:\.[0-9]+){1,3}(?:-[0-9A-Za-z.-]+)?)")?
        |\bnuget\.org/packages/(?<id>[A-Za-z0-9_][A-Za-z0-9_.-]*?)(?:/(?<version>[0-9]+(?:\.[0-9]+){1,3}(?:-[0-9A-Za-z.-]+)?))?/?(?=[)\s"'#?>\]]|$)
        |\bimg\.shields\.io/nuget/(?:v|vpre|dt)/(?<id>[A-Za-z0-9_][A-Za-z0-9_.-]*?)(?:\.svg)?(?=[)\s"'#?>\]]|$)
        """, RegexOptions.IgnorePatternWhitespace | RegexOptions.IgnoreCase)]
    private static partial Regex InstallLine();

    /// <summary>
    /// The test framework and mocking library a page's code names, each as the package that declares it (docs written as
    /// tests, which rarely import what they use). Read from the attributes and calls of its C# blocks and of the fences in its HTML comments (the
    /// docs' own hidden code), since such pages rarely show their usings. A candidate is still kept only when its
    /// assemblies declare a name the blocks lack, and a block is tagged only when it then passes.
    /// </summary>
    internal static IEnumerable<IReadOnlyList<PackageCandidate>> TestCandidates(SnippetDocument document)
    {
        var code = string.Join('\n', document.Source.Items.SelectMany(item => item switch
        {
            FencedBlock block when SnippetReader.IsCSharp(block) => block.Lines.Select(l => l.Text),
            HiddenFences hidden => hidden.Fences.SelectMany(f => f.Body.Select(l => l.Text)),
            _ => [],
        }));
        if (code.Length == 0) yield break;
        foreach (var (id, evidence) in TestEvidence)
        {
            if (evidence().IsMatch(code) && !(id == "FluentAssertions" && OwnShould().IsMatch(code))) yield return [new PackageCandidate(id, null)];
        }
        // Snapshot tests ('await Verify(target)', VerifyTests' docs) come in one package per test framework.
        if (VerifyEvidence().IsMatch(code))
            yield return [new PackageCandidate(NUnitEvidence().IsMatch(code) ? "Verify.NUnit" : MSTestEvidence().IsMatch(code) ? "Verify.MSTest"
                : "Verify.Xunit", null)];
    }

    /// <summary>
    /// Whether <paramref name="id"/> is a test framework, mocking library or snapshot package <see cref="TestCandidates"/>
    /// names (BenchmarkDotNet and FluentAssertions aside: they compete with none): a page that names its own never gets
    /// another page's (an NUnit page's 'Assert' is not xunit's).
    /// </summary>
    internal static bool IsTestPackage(string id) =>
        TestEvidence.Any(e => e.Id is not ("BenchmarkDotNet" or "FluentAssertions") && string.Equals(e.Id, id, StringComparison.OrdinalIgnoreCase))
        || id.StartsWith("Verify.", StringComparison.OrdinalIgnoreCase);

    /// <summary>Each package, with what only code written against it says: its test attributes, its entry calls.</summary>
    private static readonly (string Id, Func<Regex> Evidence)[] TestEvidence =
    [
        ("NUnit", NUnitEvidence),
        ("xunit", XunitEvidence),
        ("MSTest.TestFramework", MSTestEvidence),
        ("NSubstitute", NSubstituteEvidence),
        ("Moq", MoqEvidence),
        ("FakeItEasy", FakeItEasyEvidence),
        ("BenchmarkDotNet", BenchmarkEvidence),
        ("FluentAssertions", FluentAssertionsEvidence),
    ];

    /// <summary>What one page names of its packages: its install lines, its test and benchmark attributes, its usings.</summary>
    public static IEnumerable<IReadOnlyList<PackageCandidate>> Of(SnippetDocument document, ImmutableArray<MetadataReference> framework) =>
        InstallLines(document.Source.Document.Text).Concat(TestCandidates(document))
            .Concat(UsingCandidates(document, framework)).Concat(HeadingCandidates(document));

    /// <summary>
    /// The library a page's folder is named for, as its headings spell it: a release-notes page in a folder
    /// named for the repository ('louthy__language-ext', 'language-ext/docs') that shows no install line and no using,
    /// under a heading naming 'LanguageExt.Core'. A heading's name (dotted or not) whose first part, in lower case, is a
    /// folder's name without its separators is a candidate, with that first part and its <c>.Core</c> after it; a name
    /// in a heading alone, or a folder alone, is not. So is a single capitalised word (<c># Configuration</c> in
    /// CsvHelper's <c>configuration/</c>): a word of prose names a section, not a library, whatever its folder is called.
    /// </summary>
    private static IEnumerable<IReadOnlyList<PackageCandidate>> HeadingCandidates(SnippetDocument document)
    {
        var folders = Path.GetDirectoryName(Path.GetFullPath(document.Source.Document.FullPath))!
            .Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(f => f.Split("__"))
            .Select(f => new string([.. f.Where(char.IsLetterOrDigit)]).ToLowerInvariant())
            .Where(f => f.Length >= MinimumFolderName).ToHashSet(StringComparer.Ordinal);
        var names = document.Source.Headings.SelectMany(h => HeadingName().Matches(h.Text)).Select(m => m.Value)
            .Where(n => IsLibraryName(n) && folders.Contains(n.Split('.')[0].ToLowerInvariant())).Distinct(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var library = name.Split('.')[0];
            yield return [.. new[] { name, library, library + ".Core" }.Distinct(StringComparer.OrdinalIgnoreCase)
                .Select(id => new PackageCandidate(id, null))];
        }
    }

    /// <summary>A dotted name (<c>LanguageExt.Core</c>) or one of more than one hump (<c>CsvHelper</c>), not a word.</summary>
    private static bool IsLibraryName(string name) => name.Contains('.') || name.Skip(1).Any(char.IsUpper);

    /// <summary>The shortest folder name read as a library's: 'docs', 'blog', 'src' and the like are shorter than a library's.</summary>
    private const int MinimumFolderName = 5;

    /// <summary>A PascalCase name, dotted or not, as headings name a library (<c>LanguageExt.Core</c>).</summary>
    [GeneratedRegex(@"\b[A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*(\.[A-Z][A-Za-z0-9]*)*\b")]
    private static partial Regex HeadingName();

    /// <summary>
    /// For each namespace of the post's <c>using</c> lines that neither the framework nor ASP.NET Core's has, the package
    /// IDs it suggests, most specific first: the namespace, then shorter prefixes, each also with <c>.Core</c>.
    /// </summary>
    private static IEnumerable<IReadOnlyList<PackageCandidate>> UsingCandidates(SnippetDocument document, ImmutableArray<MetadataReference> framework)
    {
        var known = UsingInference.Namespaces(framework);
        var web = UsingInference.Namespaces(ReferenceAssemblies.Web);
        var namespaces = document.Snippets
            .SelectMany(s => s.Block.Lines.Select(l => UsingLine().Match(l.Text)))
            .Where(m => m.Success)
            .Select(m => (Name: m.Groups["name"].Value, Static: m.Groups["static"].Success))
            .Distinct();
        // A namespace the post declares itself ('namespace N1 { … }' of the C# standard, then 'using N1;') is no package's.
        var declared = document.Snippets
            .SelectMany(s => s.Block.Lines.Select(l => NamespaceLine().Match(l.Text)))
            .Where(m => m.Success).Select(m => m.Groups["name"].Value).ToHashSet(StringComparer.Ordinal);
        foreach (var (name, isStatic) in namespaces)
        {
            if (declared.Any(d => IsSameOrNested(name, d) || IsSameOrNested(d, name))) continue;
            // 'using static System.Console;' names a type: its namespace is what a package would bring.
            var parts = name.Split('.')[..^(isStatic ? 1 : 0)];
            var group = new List<PackageCandidate>();
            if (PackageOfNamespace(string.Join('.', parts)) is { } package) group.Add(new PackageCandidate(package, null));
            for (var length = parts.Length; length >= 1; length--)
            {
                var prefix = string.Join('.', parts.Take(length));
                if (known.Contains(prefix) || web.Contains(prefix)) break;
                group.Add(new PackageCandidate(prefix, null));
                group.Add(new PackageCandidate(prefix + ".Core", null));
            }
            if (group.Count > 0) yield return group;
        }
    }

    [GeneratedRegex(@"^\s*(global\s+)?using\s+(?<static>static\s+)?(?<name>[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*)\s*;")]
    private static partial Regex UsingLine();

    private static bool IsSameOrNested(string name, string outer) =>
        name == outer || name.StartsWith(outer + ".", StringComparison.Ordinal);

    /// <summary>How many packages a repository's install lines name, at most, for its pages to be one library's site.</summary>
    private const int SiteLibraries = 2;

    /// <summary>
    /// The install lines of the pages with C# of one git <paramref name="repository"/>, when they name one library (its
    /// add-ons aside, at most <see cref="SiteLibraries"/> packages): a site's pages sit in sibling folders (CsvHelper's
    /// 'getting-started/' says 'dotnet add package CsvHelper', 'examples/reading/' only calls it). A corpus of unrelated
    /// posts names many packages, and each page keeps to its own folders' evidence. A change log's dependency lines
    /// (`&lt;PackageReference Include="System.Memory" …/&gt;`) are no install step: of a page without C#, only its install
    /// commands are read (Coravel's Installation page says `dotnet add package coravel` and shows no C#).
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<PackageCandidate>> SiteInstallLines(
        IReadOnlyList<SnippetDocument> docSet, RepositoryHints repositories, string repository)
    {
        List<IReadOnlyList<PackageCandidate>> lines = [.. docSet
            .Where(d => repositories.RepositoryRoot(Path.GetDirectoryName(Path.GetFullPath(d.Source.Document.FullPath))!) == repository)
            .SelectMany(d => InstallLines(d.Snippets.Count > 0 ? d.Source.Document.Text
                : string.Join('\n', d.Source.Document.Text.Split('\n').Where(l => InstallCommand().IsMatch(l)))))];
        return lines.Select(l => l[0].Id).Distinct(StringComparer.OrdinalIgnoreCase).Count() <= SiteLibraries ? lines : [];
    }

    [GeneratedRegex(@"\bdotnet\s+add\b.*\bpackage\b|\bInstall-Package\b", RegexOptions.IgnoreCase)]
    private static partial Regex InstallCommand();

    [GeneratedRegex(@"^\s*namespace\s+(?<name>[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*)\s*[;{]?\s*$")]
    private static partial Regex NamespaceLine();

    /// <summary>
    /// The page says the API is gone, near the block: in its file name, its title or a heading the block stands under
    /// (<see cref="UpgradePage.TitlesOver"/>), or the lines of prose around it ("removed", "no longer", "upgrading",
    /// "migration", "obsolete", "breaking change", "what's new"): an upgrade guide, which shows the old API on purpose.
    /// </summary>
    internal static bool PageSaysItIsGone(ExtractedDocument page, FencedBlock block) =>
        GoneWords().IsMatch(Path.GetFileNameWithoutExtension(page.Document.DisplayPath).Replace('-', ' ').Replace('_', ' '))
        || UpgradePage.TitlesOver(page, block).Any(GoneWords().IsMatch) || GoneWords().IsMatch(NearText(page, block));

    /// <summary>Lines of prose read before and after a block: a page that says a call throws says so near it.</summary>
    private const int ProseLines = 4;

    /// <summary>
    /// The lines of prose just before the block, and the paragraph right after it unless that one introduces the next
    /// block (it ends with a colon: "Parsing a word throws:" is about what follows) or is the next section's heading
    /// ("## Migrating from binary serialization" under a configuration example says nothing of it).
    /// </summary>
    internal static string NearText(ExtractedDocument page, FencedBlock block)
    {
        var lines = page.Document.Lines;
        var before = Enumerable.Range(Math.Max(1, block.Location.Line - ProseLines), Math.Max(0, Math.Min(ProseLines, block.Location.Line - 1)))
            .Select(lines.Text);
        var after = Enumerable.Range(block.EndLine + 1, Math.Max(0, Math.Min(ProseLines, lines.LineCount - block.EndLine)))
            .SkipWhile(l => string.IsNullOrWhiteSpace(lines.Text(l))).TakeWhile(l => !string.IsNullOrWhiteSpace(lines.Text(l)))
            .ToList();
        if (after.Count > 0 && (lines.Text(after[^1]).TrimEnd().EndsWith(':') || page.Headings.Any(h => h.Line == after[0]))) after.Clear();
        return string.Join('\n', before.Concat(after.Select(lines.Text)));
    }

    [GeneratedRegex(
        @"\b(?:removed|no\s+longer|upgrad(?:e|es|ing)|migrat(?:e|es|ing|ion)|obsolete|deprecated|breaking\s+changes?|what['’]?s\s+new)\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex GoneWords();
}
