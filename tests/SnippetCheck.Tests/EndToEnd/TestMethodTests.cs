using System.Text;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.EndToEnd;

/// <summary>
/// Blocks of test methods, verified by the real CLI in one run: every assertion of a passing block, flipped one at a
/// time, fails the block at the assertion's line (a test that runs can fail), and a block whose tests do not run is
/// never reported as run.
/// </summary>
public sealed class TestMethodRunFixture : IDisposable
{
    /// <summary>A page's tests, each assertion on a line of its own; <see cref="Assertions"/> names what flips each.</summary>
    public const string Tests = """
        #:package NUnit@4.3.2
        using NUnit.Framework;

        List<int> items = [];
        [SetUp] public void SetUp() => items = [1, 2, 3];
        [Test] public void Counts() => Assert.That(items, Has.Count.EqualTo(3));
        [Test] public void Sums()
        {
            var sum = items.Sum();
            Assert.That(sum, Is.EqualTo(6));
        }
        [TestCase(2, ExpectedResult = 4)]
        public int Doubles(int x) => x * 2;
        [Test] public async Task Waits() { await Task.Yield(); Assert.That(items[0], Is.EqualTo(1)); }
        """;

    /// <summary>Each assertion's text, the flip that breaks it, and the line (of <see cref="Tests"/>, from 1) that must fail.</summary>
    public static readonly (string Text, string Flipped, int Line)[] Assertions =
    [
        ("Has.Count.EqualTo(3)", "Has.Count.EqualTo(4)", 6),
        ("Is.EqualTo(6)", "Is.EqualTo(7)", 10),
        // An ExpectedResult is checked on the method's return: the method's line.
        ("ExpectedResult = 4", "ExpectedResult = 5", 13),
        ("Is.EqualTo(1)", "Is.EqualTo(2)", 14),
    ];

    /// <summary>A mocked interface declared in the block, and a test that mocks it (Castle DynamicProxy, under NSubstitute).</summary>
    public const string MockedTests = """
        #:package NSubstitute@6.1.0
        #:package NUnit@4.3.2
        using NSubstitute;
        using NUnit.Framework;

        INTERFACE IGreeter { string Greet(string name); }

        [Test] public void Greets()
        {
            var greeter = Substitute.For<IGreeter>();
            greeter.Greet("Ada").Returns("Hello, Ada");
            Assert.That(greeter.Greet("Ada"), Is.EqualTo("Hello, Ada"));
        }
        """;

    private readonly TempFolder _folder = new();

    public TestMethodRunFixture()
    {
        var page = new StringBuilder("# Tests\n\n");
        void Block(string tags, string code)
        {
            BlockLines.Add(page.ToString().Count(c => c == '\n') + 2);
            page.Append($"<!-- snippetcheck: {tags} -->\n```csharp\n{code}\n```\n\n");
        }
        Block("members name=original", Tests);
        for (var i = 0; i < Assertions.Length; i++) Block($"members name=flip{i}", Tests.Replace(Assertions[i].Text, Assertions[i].Flipped, StringComparison.Ordinal));
        Block("compile members name=compiled", "#:package NUnit@4.3.2\nusing NUnit.Framework;\n[Test] public void Wrong() => Assert.That(1, Is.EqualTo(2));");
        Block("members session=ends name=never", "#:package NUnit@4.3.2\nusing NUnit.Framework;\n[Test] public void Right() => Assert.That(1, Is.EqualTo(1));");
        Block("run session=ends name=throws", "throw new InvalidOperationException(\"before the tests\");");
        Block("members name=exits", "#:package NUnit@4.3.2\nusing NUnit.Framework;\n[Test] public void Counts() => Assert.That(1, Is.EqualTo(1));\n[Test] public void Exits() => Environment.Exit(0);");
        Block("members name=mocked", MockedTests.Replace("INTERFACE", "public interface", StringComparison.Ordinal));
        Block("members name=unreachable", MockedTests.Replace("INTERFACE", "interface", StringComparison.Ordinal));
        _folder.Write("tests.md", page.ToString());
        Result = CliRunner.Run(_folder.Path, PackageTestCache.Environment, "verify", "tests.md", "--no-cache", "--report", "json=report.json");
        Report = JsonReport.Load(Path.Combine(_folder.Path, "report.json"));
    }

    /// <summary>The line of each block's opening fence, in order.</summary>
    public List<int> BlockLines { get; } = [];

    public CliResult Result { get; }
    public JsonReport Report { get; }

    public void Dispose() => _folder.Dispose();
}

public sealed class TestMethodTests(TestMethodRunFixture run) : IClassFixture<TestMethodRunFixture>
{
    [Fact]
    public void A_page_of_passing_tests_passes_with_each_test_named()
    {
        var block = run.Report.Snippet("original");
        Assert.True(block.Str("status") == "passed", run.Result.Output);
        Assert.Equal("run", block.Str("level"));
        Assert.Equal("4 tests passed", block.Str("message"));
        Assert.Equal(["Counts", "Doubles(2)", "Sums", "Waits"], block.GetProperty("tests").EnumerateArray().Select(t => t.Str("name")));
        Assert.All(block.GetProperty("tests").EnumerateArray(), t => Assert.Equal("passed", t.Str("status")));
    }

    /// <summary>A test that ends the program leaves the tests after it unrun: the block is no pass of its tests, however the others did.</summary>
    [Fact]
    public void A_block_whose_tests_did_not_all_run_is_never_a_pass()
    {
        var block = run.Report.Snippet("exits");
        Assert.NotEqual("passed", block.Str("status"));
    }

    [Fact]
    public void Each_flipped_assertion_fails_the_block_at_its_line()
    {
        for (var i = 0; i < TestMethodRunFixture.Assertions.Length; i++)
        {
            var block = run.Report.Snippet($"flip{i}");
            Assert.Equal("failed", block.Str("status"));
            Assert.Equal("test-failed", block.Str("reason"));
            // The block's code starts on the line after its fence.
            var line = run.BlockLines[i + 1] + TestMethodRunFixture.Assertions[i].Line;
            var failed = block.GetProperty("tests").EnumerateArray().Single(t => t.Str("status") == "failed");
            Assert.True(failed.Int("line") == line, $"flip{i}: failed at line {failed.Int("line")}, expected {line}: {failed.Str("message")}");
            Assert.Contains($"tests.md({line},", run.Result.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_public_interface_of_a_members_block_can_be_mocked_and_a_non_public_one_gets_a_hint()
    {
        Assert.True(run.Report.Snippet("mocked").Str("status") == "passed", run.Result.Output);
        var unreachable = run.Report.Snippet("unreachable");
        Assert.Equal("failed", unreachable.Str("status"));
        Assert.Contains("not accessible", unreachable.Str("message"), StringComparison.Ordinal);
        Assert.Contains("hint: a mocking library's proxy can only implement a public type", run.Result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Tests_of_a_compile_block_are_compiled_not_run()
    {
        var block = run.Report.Snippet("compiled");
        Assert.Equal("passed", block.Str("status"));
        Assert.Equal("compile", block.Str("kind"));
        Assert.Equal("compile", block.Str("level"));
        Assert.False(block.TryGetProperty("tests", out _));
    }

    [Fact]
    public void Tests_of_a_session_that_ends_before_them_are_not_reported_as_run()
    {
        var block = run.Report.Snippet("never");
        Assert.Equal("skipped", block.Str("status"));
        Assert.Contains("did not run", block.Str("message"), StringComparison.Ordinal);
        Assert.Equal("failed", run.Report.Snippet("throws").Str("status"));
    }
}
