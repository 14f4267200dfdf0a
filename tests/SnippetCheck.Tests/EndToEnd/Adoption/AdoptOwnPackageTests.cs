using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.EndToEnd.Adoption;

/// <summary>
/// Issue 77, item 6: the doc set's package is tried on every page of the set, whatever else the page names. CsvHelper's
/// website examples never name CsvHelper: no install line, no using. In a clone, the repository says it (its origin and
/// its library's project), but its docs generator, benchmarks and library reference nine packages that were tried first,
/// and the pages' headings added guesses of their own ("Configuration", "Validation", "Examples", read as packages because
/// their folders are so named), so on a page three folders deep the library was past the twelve candidates tried.
/// </summary>
public sealed class AdoptOwnPackageTests
{
    private const string Page = "src/AcmeCsv.Website/input/examples/configuration/validation/index.md";

    [Fact]
    public async Task A_page_of_a_clone_that_never_names_its_package_is_tried_with_the_repositorys_own_package()
    {
        using var docs = AdoptInProcess.WithFeed().Pack("AcmeCsv", "1.0.0", """
            namespace AcmeCsv
            {
                public sealed class CsvReader(System.IO.TextReader reader)
                {
                    public int CountRows() => reader.ReadToEnd().Split('\n').Length;
                }
            }
            """);
        docs.Write(".git/config", "[remote \"origin\"]\n\turl = https://github.com/acme/AcmeCsv.git\n");
        docs.Write("docs-src/AcmeCsv.DocsGenerator/AcmeCsv.DocsGenerator.csproj",
            "<Project><ItemGroup><PackageReference Include=\"Newtonsoft.Json\" Version=\"12.0.1\" /></ItemGroup></Project>");
        docs.Write("performance/AcmeCsv.Benchmarks/AcmeCsv.Benchmarks.csproj",
            "<Project><ItemGroup><PackageReference Include=\"BenchmarkDotNet\" Version=\"0.15.0\" /></ItemGroup></Project>");
        docs.Write("src/AcmeCsv/AcmeCsv.csproj", """
            <Project>
              <PropertyGroup><PackageId>AcmeCsv</PackageId></PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Microsoft.Bcl.AsyncInterfaces" Version="8.0.0" />
                <PackageReference Include="Microsoft.Bcl.HashCode" Version="1.1.1" />
                <PackageReference Include="Microsoft.CSharp" Version="4.7.0" />
                <PackageReference Include="System.Memory" Version="4.5.0" />
                <PackageReference Include="Microsoft.SourceLink.GitHub" Version="1.0.0" />
              </ItemGroup>
            </Project>
            """);
        docs.Write("src/AcmeCsv.Website/input/examples/index.md", "# Examples\n\nReading and writing, by example.\n");
        docs.Write("src/AcmeCsv.Website/input/examples/configuration/index.md", "# Configuration\n\nClass maps and options.\n");
        docs.Write(Page, """
            # Validation

            Count the rows before you validate them:

            ```cs
            var csv = new CsvReader(new StringReader("Id,Name\n1,one"));
            Console.WriteLine(csv.CountRows());
            ```
            """);

        var adopt = AdoptInProcess.Table(await docs.AdoptWriteAsync());

        var written = docs.Read(Page);
        Assert.True(written.Contains("packages=AcmeCsv", StringComparison.Ordinal), written + "\n" + adopt);
        // No heading word was looked up as a package: none is "not loaded", none keeps a block from any level.
        Assert.DoesNotContain("Configuration", adopt, StringComparison.Ordinal);
        docs.Verifies();
        docs.MutantsFail(Page, written, [("csv.CountRows()", "csv.CountRowsq()", (string?)"CS1061")]);
    }
}
