using SnippetCheck.Adoption.Inference;
using SnippetCheck.Extraction.Snippets;

namespace SnippetCheck.Tests.Unit.Adoption.Inference;

/// <summary>
/// What makes a block's runs vary, read off its text (<see cref="RunVariance"/>): work started on other threads (adopt
/// tags such a block <c>compile</c>, since two quiet runs prove little of a race) and reads of the clock or a random
/// source (adopt runs it without comparing output). Block in, the call as written (or none) out; nothing compiled.
/// </summary>
public sealed class RunVarianceTests
{
    private static Snippet Block(string code) => Assert.Single(AdoptionHarness.Page($"# Post\n\n```csharp\n{code}\n```\n").Blocks);

    [Theory]
    [InlineData("Parallel.For(0, 10, i => Console.WriteLine(i));", "Parallel.For")]
    [InlineData("System.Threading.Tasks.Parallel.Invoke(A, B);", "System.Threading.Tasks.Parallel.Invoke")]
    [InlineData("var task = Task.Run(() => Work());\ntask.Wait();", "Task.Run")]
    [InlineData("Task.Factory.StartNew(Work);", "Task.Factory.StartNew")]
    [InlineData("var squares = numbers.AsParallel().Select(n => n * n);", "numbers.AsParallel")]
    [InlineData("var worker = new Thread(Work);\nworker.Start();", "new Thread")]
    public void A_call_that_starts_work_on_other_threads_is_read_as_written(string code, string start) =>
        Assert.Equal(start, RunVariance.ParallelStart(Block(code)));

    [Theory]
    // Awaited on the spot: its one task ends before the block goes on, nothing runs beside it.
    [InlineData("await Task.Run(() => Work());")]
    [InlineData("var run = runner.Run();\nConsole.WriteLine(run);")]
    [InlineData("var list = new List<int> { 1, 2 };\nforeach (var item in list) Console.WriteLine(item);")]
    public void A_block_that_awaits_its_one_task_or_starts_none_has_no_parallel_start(string code) =>
        Assert.Null(RunVariance.ParallelStart(Block(code)));

    [Theory]
    [InlineData("var now = DateTime.Now;", "DateTime.Now")]
    [InlineData("var stamp = System.DateTime.UtcNow;", "System.DateTime.UtcNow")]
    [InlineData("var watch = Stopwatch.StartNew();", "Stopwatch.StartNew")]
    [InlineData("var roll = Random.Shared.Next(6);", "Random.Shared")]
    [InlineData("var random = new Random();\nConsole.WriteLine(random.Next());", "new Random()")]
    [InlineData("Random dice = new();", "new Random()")]
    [InlineData("var watch = new System.Diagnostics.Stopwatch();", "new Stopwatch()")]
    public void A_read_of_the_clock_or_of_an_unseeded_random_source_is_read_as_written(string code, string read) =>
        Assert.Equal(read, RunVariance.VaryingRead(Block(code)));

    [Theory]
    // A seeded Random repeats itself; GUIDs and fixed dates print alike once scrubbed, or always.
    [InlineData("var seeded = new Random(42);\nConsole.WriteLine(seeded.Next());")]
    [InlineData("var id = Guid.NewGuid();")]
    [InlineData("var date = new DateTime(2024, 1, 1);\nConsole.WriteLine(date.Year);")]
    public void A_seeded_random_a_guid_or_a_fixed_date_is_no_varying_read(string code) =>
        Assert.Null(RunVariance.VaryingRead(Block(code)));
}
