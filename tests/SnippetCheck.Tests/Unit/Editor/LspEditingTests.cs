using SnippetCheck.Driver;
using SnippetCheck.Editor;
using SnippetCheck.Model;
using SnippetCheck.Results;
using SnippetCheck.Tests.Infrastructure;
using SnippetCheck.Editing;

namespace SnippetCheck.Tests.Unit.Editor;

/// <summary>
/// The core's side of the language server, in process with the real compiler and runners: documents given as text,
/// compile-only checks, run failures carried between saves, and the quick fixes' edits.
/// </summary>
public sealed class LspEditingTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private VerifierSession _session = null!;

    public Task InitializeAsync()
    {
        _session = new Verifier(new VerifyOptions { CurrentDirectory = _folder.Path, CacheDirectory = Path.Combine(_folder.Path, "cache") }).OpenSession();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _session.DisposeAsync();
        _folder.Dispose();
    }

    private const string Mismatch = """
        # Sums

        ```csharp run
        Console.WriteLine(2 + 2);
        ```

        ```output
        5
        ```

        ```csharp compile
        sealed record Point(int X, int Y);
        ```

        """;

    /// <summary>A path with no file behind it: whatever is verified can only have come from the text.</summary>
    private string NowhereOnDisk => Path.Combine(_folder.Path, "never-written.md");

    /// <summary>The editor's check as the user types (<paramref name="compileOnly"/>), or on save.</summary>
    private Task<VerificationReport> Check(string text, bool compileOnly) =>
        compileOnly ? _session.CompileAsync(NowhereOnDisk, text) : _session.VerifyAsync(NowhereOnDisk, text);

    [Fact]
    public async Task A_disposed_session_takes_no_check_and_starts_no_runner()
    {
        var session = new Verifier(new VerifyOptions { CurrentDirectory = _folder.Path, CacheDirectory = Path.Combine(_folder.Path, "cache") }).OpenSession();
        await session.DisposeAsync();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => session.VerifyAsync(NowhereOnDisk, Mismatch));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => session.CompileAsync(NowhereOnDisk, Mismatch));
    }

    [Fact]
    public async Task A_document_given_as_text_is_verified_without_a_file_and_a_compile_only_check_runs_nothing_and_caches_nothing()
    {
        Assert.False(File.Exists(NowhereOnDisk));
        var typed = await Check(Mismatch, compileOnly: true);
        Assert.IsType<Verdict.Compiled>(typed.Snippets[0].Verdict);
        Assert.Equal(SnippetStatus.Passed, typed.Snippets[1].Status);

        // Still pending the second time: a compile-only check never stores what a run has not decided.
        var again = await Check(Mismatch, compileOnly: true);
        Assert.IsType<Verdict.Compiled>(again.Snippets[0].Verdict);
        Assert.True(again.Snippets[1].Cached);

        var saved = await Check(Mismatch, compileOnly: false);
        Assert.Equal(FailureReason.OutputMismatch, saved.Snippets[0].Reason);
        Assert.Equal(8, saved.Snippets[0].FailureLocation.Line); // the output block's '5'
    }

    [Fact]
    public async Task Run_failures_move_with_their_block_and_go_when_it_changes_and_a_pass_is_never_carried()
    {
        var memory = new RunMemory();
        memory.Remember(await Check(Mismatch, compileOnly: false));

        var moved = Mismatch.Replace("# Sums\n", "# Sums\n\nA new paragraph.\n", StringComparison.Ordinal);
        var carried = memory.Carry(await Check(moved, compileOnly: true));
        Assert.Equal(FailureReason.OutputMismatch, carried[0].Reason);
        Assert.Equal(10, carried[0].FailureLocation.Line); // the '5', two lines further down
        var findings = EditorFindings.For(carried, [], (await Check(moved, compileOnly: true)).Documents[0]);
        Assert.Equal(10, Assert.Single(findings).Start.Line);

        // The output block now matches: the remembered failure no longer applies, and nothing says 'passed' until a run does.
        var fixedText = moved.Replace("5\n```", "4\n```", StringComparison.Ordinal);
        var afterFix = memory.Carry(await Check(fixedText, compileOnly: true));
        Assert.IsType<Verdict.Compiled>(afterFix[0].Verdict);

        // A prelude is part of what a block's run depends on: changing it drops the failure too.
        var withPrelude = "<!-- snippetcheck: prelude\nstatic int Two() => 2;\n-->\n\n" + Mismatch;
        memory.Remember(await Check(withPrelude, compileOnly: false));
        Assert.Equal(FailureReason.OutputMismatch, memory.Carry(await Check(withPrelude, compileOnly: true))[0].Reason);
        Assert.IsType<Verdict.Compiled>(memory.Carry(await Check(withPrelude.Replace("=> 2", "=> 3", StringComparison.Ordinal), compileOnly: true))[0].Verdict);

        // So is front matter in any format the readers know: Hugo's TOML too, not only YAML.
        var withToml = "+++\ntitle = \"Sums\"\n[snippetcheck]\nscrub = [\"hex\"]\n+++\n\n" + Mismatch;
        memory.Remember(await Check(withToml, compileOnly: false));
        Assert.Equal(FailureReason.OutputMismatch, memory.Carry(await Check(withToml, compileOnly: true))[0].Reason);
        Assert.IsType<Verdict.Compiled>(memory.Carry(await Check(withToml.Replace("\"hex\"", "\"number\"", StringComparison.Ordinal), compileOnly: true))[0].Verdict);
    }

    [Fact]
    public async Task Quick_fixes_edit_only_the_misspelt_word_and_the_fence_line()
    {
        var text = "<!-- snippetcheck: timout=2s -->\n```csharp rnu title=\"rnu.cs\"\nConsole.WriteLine(1);\n```\n\n```csharp\nConsole.WriteLine(2);\n```\n";
        var report = await Check(text, compileOnly: true);
        var document = report.Documents[0];
        var findings = EditorFindings.For(report.Snippets, report.Errors, document).Where(f => f.Code == DiagnosticCodes.UnknownTag).ToList();
        Assert.Equal(2, findings.Count);
        foreach (var finding in findings)
        {
            var fix = QuickFixes.NearMiss(document, finding.Suggestion!, finding.Start);
            text = TextEdit.Apply(text, fix!.Edits);
            document = (await Check(text, compileOnly: true)).Documents[0];
        }
        // 'rnu' inside the foreign title="rnu.cs" is left alone.
        Assert.StartsWith("<!-- snippetcheck: timeout=2s -->\n```csharp run title=\"rnu.cs\"\n", text, StringComparison.Ordinal);

        var untagged = (await Check(text, compileOnly: true)).Snippets.Single(s => s.Status == SnippetStatus.Untagged);
        var add = QuickFixes.AddTag(document, untagged.Snippet, "run");
        Assert.EndsWith("```csharp run\nConsole.WriteLine(2);\n```\n", TextEdit.Apply(text, add!.Edits), StringComparison.Ordinal);
    }
}
