using System.Globalization;
using SnippetCheck.Results;

namespace SnippetCheck.Editor;

/// <summary>A verdict in the few words an editor shows: a hover's headline and a code lens's title.</summary>
public static class Verdicts
{
    /// <summary>A hover's first line: the verdict and its reason.</summary>
    public static string Headline(SnippetResult result) => result.Verdict switch
    {
        Verdict.Compiled => "compiles; not run yet (runs on save)",
        Verdict.Checked { Message: var message } => message,
        Verdict.Passed => "passed",
        Verdict.Failed => $"failed ({result.ReasonWord})",
        Verdict.Untagged => "untagged: not verified (add a tag such as 'run' or 'compile')",
        Verdict.Ignored => "ignored",
        Verdict.Skipped skipped => $"skipped: {skipped.Why}",
        _ => result.StatusWord,
    };

    /// <summary>A code lens's title: the verdict in a word or two.</summary>
    public static string Lens(SnippetResult result) => result.Verdict switch
    {
        Verdict.Compiled => "… compiles; runs on save",
        Verdict.Checked => string.Create(CultureInfo.InvariantCulture, $"✓ checked {result.Duration.TotalMilliseconds:0} ms"),
        Verdict.Passed => string.Create(
            CultureInfo.InvariantCulture, $"✓ passed {result.Duration.TotalMilliseconds:0} ms{(result.Cached ? " (cached)" : "")}"),
        Verdict.Failed { Failure: var failure } => "✗ " + failure.Brief,
        Verdict.Untagged => "○ untagged",
        Verdict.Ignored => "– ignored",
        Verdict.Skipped => "– skipped",
        _ => result.StatusWord,
    };
}
