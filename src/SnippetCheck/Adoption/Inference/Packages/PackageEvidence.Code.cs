using System.Text.RegularExpressions;

namespace SnippetCheck.Adoption.Inference.Packages;

/// <summary>What only code written against a package says of it (<see cref="PackageEvidence.TestEvidence"/>'s patterns): its test
/// attributes, its entry calls.</summary>
internal static partial class PackageEvidence
{
    /// <summary>FluentAssertions' entry call with an assertion chained on it (<c>orderDto.Should().BeEquivalentTo(order)</c>).</summary>
    [GeneratedRegex(@"\.Should\(\)\s*\.\s*[A-Z]\w*\s*[(<]")]
    private static partial Regex FluentAssertionsEvidence();

    /// <summary>
    /// A method named <c>Should</c> the page's code declares (<c>public static Check Should(this int value)</c>): the assertions
    /// chained on it are its own, not FluentAssertions'.
    /// </summary>
    [GeneratedRegex(@"[\w>\]?]\s+Should\s*(?:<[^>()]*>)?\s*\(")]
    private static partial Regex OwnShould();

    [GeneratedRegex(@"\[\s*(Benchmark|MemoryDiagnoser|SimpleJob|Params|GlobalSetup|Arguments)\s*[\](,]|\bBenchmarkRunner\.Run\s*<")]
    private static partial Regex BenchmarkEvidence();

    [GeneratedRegex(@"\[\s*(Test|TestCase|TestFixture|SetUp|TearDown|OneTimeSetUp|OneTimeTearDown)\s*[\](,]|\bAssert\.That\s*\("
        + @"|\bIs\.(EqualTo|True|False|Null|Not)\b")]
    private static partial Regex NUnitEvidence();

    [GeneratedRegex(@"\bawait\s+Verify(Json|Xml)?\s*\(|\bVerifierSettings\.[A-Z]|\bnew\s+VerifySettings\s*\(")]
    private static partial Regex VerifyEvidence();

    [GeneratedRegex(@"\[\s*(Fact|Theory|InlineData)\s*[\](,]")]
    private static partial Regex XunitEvidence();

    [GeneratedRegex(@"\[\s*(TestMethod|TestClass|TestInitialize|TestCleanup|DataRow|DataTestMethod)\s*[\](,]")]
    private static partial Regex MSTestEvidence();

    [GeneratedRegex(@"\bSubstitute\.For(PartsOf)?\s*<|\bArg\.(Any|Is)\s*<")]
    private static partial Regex NSubstituteEvidence();

    [GeneratedRegex(@"\bnew\s+Mock\s*<|\bMock\.(Of|Get)\s*<|\bIt\.(IsAny|Is)\s*<")]
    private static partial Regex MoqEvidence();

    [GeneratedRegex(@"\bA\.(Fake|CallTo|Ignored|Dummy)\b|\bA<[^>]+>\.(Ignored|That|_)")]
    private static partial Regex FakeItEasyEvidence();
}
