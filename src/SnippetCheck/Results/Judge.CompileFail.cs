using SnippetCheck.Compilation;
using SnippetCheck.Extraction.Snippets;
using SnippetCheck.Model;

namespace SnippetCheck.Results;

/// <summary>The <c>compile-fail</c> row of the judge's table (docs/authoring.md#blocks-that-show-errors).</summary>
internal static partial class Judge
{
    /// <summary>
    /// A <c>compile-fail</c> block fails with exactly the errors it lists, as the C# standard's example tester checks its
    /// <c>expectedErrors</c>: each listed ID is given as often as it is listed (an ID the compiler gives as a warning counts,
    /// as the tester's <c>expectedWarnings</c> do), and any other error (a misspelt call beside the line that shows the
    /// error) fails it, at that error, else everything but the failing line would be unprotected; warnings it does not list
    /// never count against it. A list that accounts for every error so passes whatever the block's comments say; they
    /// narrow only the errors it does not account for one by one (a block that lists no IDs, or an ID given more often than
    /// listed): those must stand on the lines the comments mark (<c>// error CS0029</c>: <see cref="ErrorMarkers"/>), when
    /// they mark any. A block with syntax errors is judged on what <c>dotnet build</c> reports (those alone), or on those and
    /// the errors binding finds beside them (<see cref="CompilationResult.PastSyntax"/>, what an editor and the standard's
    /// tester report): a list that is exactly either passes.
    /// </summary>
    public static Verdict CompileFail(Snippet snippet, CompilationResult compiled)
    {
        if (compiled.Success) return new Verdict.Failed(new CompiledFailure(snippet.Location));
        var built = AgainstList(snippet, compiled, [.. compiled.Errors]);
        return built is Verdict.Failed && compiled.PastSyntax.Count > 0 && snippet.Tags.ExpectedErrorIds.Count > 0
            && AgainstList(snippet, compiled, [.. compiled.Errors, .. compiled.PastSyntax]) is Verdict.Passed bound
            ? bound
            : built;
    }

    /// <summary>True for a block judged also on the errors binding finds past syntax errors: a <c>compile-fail</c> that lists IDs.</summary>
    public static bool BindsPastSyntax(Snippet snippet) =>
        snippet.Kind.Rule().Judged == KindJudging.CompileFail && snippet.Tags.ExpectedErrorIds.Count > 0;

    /// <summary><see cref="CompileFail"/> on one view of the block's errors.</summary>
    private static Verdict AgainstList(Snippet snippet, CompilationResult compiled, IReadOnlyList<CompilerDiagnostic> errors)
    {
        var found = errors.Select(e => e.Id).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();
        var listed = snippet.Tags.ExpectedErrorIds;
        int Listed(string id) => listed.Count(l => string.Equals(l, id, StringComparison.OrdinalIgnoreCase));
        int Given(string id) => errors.Concat(compiled.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning))
            .Count(d => string.Equals(d.Id, id, StringComparison.OrdinalIgnoreCase));
        var missing = listed.Distinct(StringComparer.OrdinalIgnoreCase).Where(id => Given(id) < Listed(id)).ToList();
        var text = string.Join('\n', errors.Select(e => ToDiagnostic(e, snippet).ToCanonicalString()));
        if (missing.Count > 0) return new Verdict.Failed(new MissingDiagnosticFailure(snippet.Location, missing, found, text));
        var unlisted = errors.FirstOrDefault(e => listed.Count > 0 && Listed(e.Id) == 0);
        if (unlisted is not null)
            return new Verdict.Failed(new UnexpectedErrorFailure(unlisted.Location ?? snippet.Location, unlisted.Id, unlisted.Message,
                $"compile-fail lists {string.Join(", ", listed.Distinct(StringComparer.OrdinalIgnoreCase))}", text));
        // The errors of an ID given more often than listed (all errors, when none is listed) are narrowed by the comments.
        var unaccounted = errors.Where(e => errors.Count(o => string.Equals(o.Id, e.Id, StringComparison.OrdinalIgnoreCase)) > Listed(e.Id));
        var unmarked = ErrorMarkers.FirstUnmarked(snippet, [.. unaccounted]);
        return unmarked is null
            ? Verdict.Pass
            : new Verdict.Failed(new UnexpectedErrorFailure(unmarked.Location ?? snippet.Location, unmarked.Id, unmarked.Message,
                "its comments do not mark that line as failing", text));
    }
}
