using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.EndToEnd.Adoption;

/// <summary>
/// Issue 77, the page's own helpers called bare: a block whose library calls bind but that calls a helper the post never
/// shows (<c>Task.Run(() =&gt; DoWork())</c>) compiles with the helper given as its use types it, on a hidden line; nothing
/// a reader sees changes. Every misspelt library call beside it still fails, and a misspelt call written bare is no helper.
/// </summary>
public sealed class AdoptBareHelperTests
{
    private const string Page = "# Work\n\n```csharp\nvar worker = Task.Run(() => DoWork());\nworker.Wait();\n```\n\n" +
        "```csharp\nif (IsReady())\n    Console.WriteLine(\"ready\");\n```\n\n" +
        "```csharp\nConsole.WriteLine(\"a\");\nWriteLin(\"b\");\n```\n";

    [Fact]
    public async Task A_helper_called_bare_is_given_as_its_use_types_it_and_every_mutant_of_a_library_call_beside_it_fails()
    {
        using var docs = new AdoptInProcess();
        docs.Write("work.md", Page);

        await docs.AdoptWriteAsync();
        var work = docs.Read("work.md");
        Assert.Contains("<!-- snippetcheck: compile given=DoWork:System.Action -->\n```csharp\nvar worker", work, StringComparison.Ordinal);
        Assert.Contains(
            "<!-- snippetcheck: compile given=IsReady:System.Func<System.Boolean> -->\n```csharp\nif (IsReady())", work, StringComparison.Ordinal);
        // The misspelt bare call is one edit from the block's own Console.WriteLine: left unprotected, never given.
        Assert.DoesNotContain("WriteLin:", work, StringComparison.Ordinal);
        Assert.Equal(Page, string.Join('\n', work.Split('\n').Where(l => !l.StartsWith("<!-- snippetcheck:", StringComparison.Ordinal))));
        Assert.StartsWith("2 passed, 0 failed", docs.Verifies().Summary);

        docs.MutantsFail("work.md", work, new[] { ("Task.Run(", "Task.Runq("), ("worker.Wait()", "worker.Waitq()"),
            ("worker.Wait()", "worker.Wait(1, 2, 3)"), ("Console.WriteLine(\"ready\")", "Console.WriteLinee(\"ready\")"),
            ("DoWork()", "DoWorkq()") });
    }

    /// <summary>
    /// An exercise's instructions call the class the reader is asked to write: no stub may stand for it (its members would
    /// be named like the block's calls), so the block stays untagged, and its cause says why in the reader's words.
    /// </summary>
    [Fact]
    public async Task A_class_an_exercise_asks_its_reader_to_write_is_no_stub_and_its_cause_says_so()
    {
        using var docs = new AdoptInProcess();
        docs.Write("instructions.md", "# Instructions\n\nImplement the (static) method `DialingCodes.GetEmptyDictionary()` that returns " +
            "an empty dictionary.\n\n```csharp\nDialingCodes.GetEmptyDictionary();\n// => empty dictionary\n```\n");

        var run = await docs.AdoptAsync();
        var block = docs.Json(run).Blocks[5];
        Assert.Equal(("unknown-name", "'DialingCodes': the page asks its reader to write it (an exercise), and the block calls nothing else: " +
            "no stub may stand for it, and nothing of a library is left to check"),
            (block.GetProperty("cause").GetString(), block.GetProperty("detail").GetString()));
    }
}
