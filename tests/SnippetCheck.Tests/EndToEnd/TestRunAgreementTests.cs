using System.Diagnostics;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using SnippetCheck.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SnippetCheck.Tests.EndToEnd;

/// <summary>
/// No framework's own engine runs a block's tests (NUnitLite is not served by the package source, and xUnit and MSTest
/// have none a runner could host), so the runner follows each framework's rules itself. This proves it does: each
/// block of Samples/test-runs.md is a whole test class, compiled into a real test project of its framework and run
/// with <c>dotnet test</c>, and SnippetCheck must report the same tests, by the same names, with the same outcomes and,
/// for a failure, the framework's own message. The samples fail and skip on purpose, and some pass only under the
/// framework's lifecycle (NUnit's shared fixture instance and setup order, xUnit's and MSTest's fresh instance).
/// </summary>
[TakesSeconds(78)]
public sealed partial class TestRunAgreementTests(ITestOutputHelper output)
{
    /// <summary>The block's name in the sample, and the packages its test project needs besides the test SDK.</summary>
    public static TheoryData<string, string[]> Frameworks() => new()
    {
        { "nunit", ["NUnit@4.3.2", "NUnit3TestAdapter@5.0.0"] },
        { "xunit", ["xunit@2.9.3", "xunit.runner.visualstudio@3.1.5"] },
        { "mstest", ["MSTest.TestFramework@3.11.1", "MSTest.TestAdapter@3.11.1"] },
    };

    private static readonly Lazy<JsonReport> SnippetCheckRun = new(() =>
    {
        using var folder = new TempFolder();
        folder.CopySample("test-runs.md");
        var result = CliRunner.Run(folder.Path, PackageTestCache.Environment, "verify", "test-runs.md", "--no-cache", "--report", "json=report.json");
        Assert.True(result.ExitCode == 1, $"the samples fail on purpose: exit {result.ExitCode}\n{result.Output}");
        return JsonReport.Load(Path.Combine(folder.Path, "report.json"));
    });

    [Theory]
    [MemberData(nameof(Frameworks))]
    public void SnippetCheck_runs_a_test_class_as_dotnet_test_does(string name, string[] packages)
    {
        var block = SnippetCheckRun.Value.Snippet(name);
        var ours = block.GetProperty("tests").EnumerateArray()
            .ToDictionary(t => t.Str("name")!, t => (Status: t.Str("status")!, Message: Normalize(t.GetProperty("message").GetString())));

        var theirs = DotnetTest(name, packages);
        output.WriteLine(string.Join("\n", theirs.Select(t => $"{t.Key}: {t.Value}")));
        Assert.Equal(theirs.Keys.Order(StringComparer.Ordinal), ours.Keys.Order(StringComparer.Ordinal));
        foreach (var (test, (status, message)) in theirs)
        {
            Assert.True(ours[test].Status == status, $"{test}: dotnet test says {status}, SnippetCheck {ours[test].Status} ({ours[test].Message})");
            if (status == "failed") Assert.True(ours[test].Message == message, $"{test}: dotnet test says\n{message}\nSnippetCheck says\n{ours[test].Message}");
        }
        // The samples hold every outcome, so that agreeing is no accident of everything passing.
        Assert.Equal(["failed", "passed", "skipped"], theirs.Values.Select(v => v.Status).Distinct().Order());
        Assert.Equal("failed", block.Str("status"));
        Assert.Equal("test-failed", block.Str("reason"));
    }

    /// <summary>The block's class in a test project of its own, run with <c>dotnet test</c>: each test's name, outcome and message from the TRX log.</summary>
    private static Dictionary<string, (string Status, string? Message)> DotnetTest(string name, string[] packages)
    {
        using var folder = new TempFolder();
        var markdown = File.ReadAllText(Samples.PathOf("test-runs.md"));
        var code = BlockCode().Matches(markdown).Single(m => m.Groups["name"].Value == name).Groups["code"].Value;
        folder.Write("Tests.cs", string.Join('\n', code.Split('\n').Where(l => !l.StartsWith("#:", StringComparison.Ordinal))));
        var references = string.Join("\n", packages.Append("Microsoft.NET.Test.Sdk@18.0.1").Select(p => p.Split('@'))
            .Select(p => $"    <PackageReference Include=\"{p[0]}\" Version=\"{p[1]}\" />"));
        // Not named after a package: a project named 'nunit' that references NUnit is a restore cycle (NU1108).
        folder.Write($"agreement-{name}.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
              </PropertyGroup>
              <ItemGroup>
            {references}
              </ItemGroup>
            </Project>
            """);
        var start = new ProcessStartInfo("dotnet", ["test", "--logger", "trx;LogFileName=results.trx"])
        {
            WorkingDirectory = folder.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(5)), "dotnet test did not finish in 5 minutes");
        var trx = Directory.GetFiles(folder.Path, "results.trx", SearchOption.AllDirectories).SingleOrDefault();
        Assert.True(trx is not null, $"dotnet test wrote no TRX (exit {process.ExitCode}):\n{stdout.Result}\n{stderr.Result}");
        XNamespace ns = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";
        return XDocument.Load(trx).Descendants(ns + "UnitTestResult").ToDictionary(
            r => (string)r.Attribute("testName")!,
            r => ((string)r.Attribute("outcome")! switch { "Passed" => "passed", "Failed" => "failed", _ => "skipped" },
                Normalize(r.Descendants(ns + "Message").FirstOrDefault()?.Value)));
    }

    private static string? Normalize(string? message) => message?.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd();

    [GeneratedRegex(@"```csharp run name=(?<name>\w+)\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex BlockCode();
}
