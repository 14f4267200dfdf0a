using System.Globalization;
using SnippetCheck.Adoption.Proposals;
using SnippetCheck.Reporting;
using SnippetCheck.Results;

namespace SnippetCheck.Adoption;

/// <summary>
/// What <c>adopt</c> prints: per file, its untagged blocks and what they would get (compile, run, output) or that they
/// still fail; the totals; the top error codes of the failing blocks, one example location each (the digest a verify
/// run with many failures closes with); then one line saying what was, or would be, written.
/// </summary>
internal static class AdoptTable
{
    /// <summary>The console text of <paramref name="report"/>, line by line.</summary>
    public static IEnumerable<string> Lines(AdoptReport report)
    {
        var rows = report.Files.Select(f => (f.Path, f.Blocks, f.Compile, f.Run, f.Output, f.Check, f.StillFailing)).ToList();
        var total = ("total", report.Blocks, report.Compile, report.Run, report.Output, report.Check, report.StillFailing);
        var pathWidth = Math.Max("file".Length, rows.Select(r => r.Path.Length).DefaultIfEmpty(0).Max());
        string Row(string path, string blocks, string compile, string run, string output, string check, string failing) =>
            $"{path.PadRight(pathWidth)}  {blocks,6}  {compile,13}  {run,9}  {output,16}  {check,11}  {failing,13}".TrimEnd();
        static string N(int n) => n.ToString(CultureInfo.InvariantCulture);

        foreach (var error in report.Errors) yield return ReportText.Canonical(error);
        yield return Row("file", "blocks", "would-compile", "would-run", "would-get-output", "would-check", "still-failing");
        foreach (var r in rows) yield return Row(r.Path, N(r.Blocks), N(r.Compile), N(r.Run), N(r.Output), N(r.Check), N(r.StillFailing));
        yield return Row(total.Item1, N(total.Item2), N(total.Item3), N(total.Item4), N(total.Item5), N(total.Item6), N(total.Item7));

        var digest = FailureDigest.Of(report.Files.SelectMany(f => f.Failures));
        if (digest.Codes.Count > 0)
        {
            yield return "top error codes:";
            foreach (var line in digest.CodeLines()) yield return line;
        }
        foreach (var line in CauseLines(report)) yield return line;
        foreach (var note in report.Files.SelectMany(f => f.Notes)) yield return note.ToString();
        // Apart from everything else: the blocks that look broken rather than incomplete, strongest evidence first.
        var suspects = report.Files.SelectMany(f => f.Rot).OrderBy(r => RotEvidence.Kinds.ToList().IndexOf(r.Evidence)).ToList();
        if (suspects.Count > 0)
        {
            yield return $"suspected rot: {suspects.Count} block{(suspects.Count == 1 ? "" : "s")} that " +
                $"look{(suspects.Count == 1 ? "s" : "")} broken rather than incomplete " +
                "(an ignore tag with a reason silences one):";
            foreach (var suspected in suspects) yield return suspected.ToString();
            foreach (var line in OlderMajorLines(suspects)) yield return line;
            var repairs = suspects.Count(r => r.Repair is { Edits.Count: > 0 });
            if (repairs > 0)
                yield return $"{repairs} of them {(repairs == 1 ? "is a typo" : "are typos")} that adopt repaired and compiled: " +
                    "'snippetcheck adopt --repair' writes the repairs, and nothing else, for you to review as a diff";
        }
        foreach (var version in report.Versions) yield return version;
        foreach (var refused in report.Refused) yield return $"{refused.Path}: not written: {refused.WriteProblem}";
        foreach (var own in report.OwnPins) yield return own;
        if (report.PinsProblem is not null) yield return $"{report.PinsFile}: pins not written (the tags keep their versions): {report.PinsProblem}";
        else if (report.Pins.Count > 0)
            yield return $"{report.PinsFile}: {(report.Write ? "pinned" : "would pin")} {string.Join(", ", report.Pins)} in \"packageVersions\", " +
                "the version of each packages= tag that names none (one line to move on a release)";

        yield return SummaryLine(report);
    }

    /// <summary>The closing line: what was, or would be, tagged and in how many files, what still fails, and how long it took.</summary>
    private static string SummaryLine(AdoptReport report)
    {
        var seconds = report.Duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
        var files = report.Files.Count(f => f.Proposals.Count > 0);
        // Members blocks may be 'compile' or 'run': a count of its own, never one inside another it could exceed.
        var usings = (report.Members > 0 ? $", {report.Members} as members" : "")
            + (report.Results > 0 ? $", {report.Results} with their result lines checked" : "")
            + (report.WithUsings > 0 ? $", {report.WithUsings} with hidden usings" : "")
            + (report.InSessions > 0 ? $", {report.InSessions} in sessions with other blocks of their page" : "")
            + (report.WithPackages > 0 ? $", {report.WithPackages} with their post's package" : "")
            + (report.WithHiddenChecks > 0 ? $", {report.WithHiddenChecks} with a hidden check of their prose" : "")
            + (report.Fixtures > 0 ? $", {report.Fixtures} page{(report.Fixtures == 1 ? "" : "s")} as one class (the page fixture)" : "");
        var compileFail = report.CompileFail > 0 ? $", {report.CompileFail} compile-fail (errors the post marks)" : "";
        var what = $"{report.Compile} compile, {report.Run} run{compileFail}, {report.Output} with an output block{usings}";
        var failing = (report.StillFailing == 1 ? "1 still fails" : $"{report.StillFailing} still fail")
            + (report.LeftOut > 0 ? $" ({report.LeftOut} of them left out of their page's class with an ignore tag)" : "");
        var rot = (report.SuspectedRot > 0 ? $"; {report.SuspectedRot} suspected rot (above)" : "")
            + string.Concat(report.SetupProblems.Select(p => $"; setup problem: {p}"));
        var stay = report.StillFailing == 1 ? "stays" : "stay";
        // Checked blocks are counted apart, never among the verified ones (README.md, "Levels").
        string Checked(int count) => count == 0 ? ""
            : $"; {count} more to check only (the check level: names the post never declares are tolerated; checked, not verified)";
        return report.Write
            ? $"adopt: tagged {report.Tagged} of {Blocks(report.Blocks)} ({what}){Checked(report.TaggedCheck)} in " +
            $"{Files(report.Files.Count(f => f.Written))}; {failing} and {stay} untagged{rot}; in {seconds}s"
            : $"adopt: would tag {report.Adopted} of {Blocks(report.Blocks)} ({what}){Checked(report.Check)} in {Files(files)}; {failing}{rot}; in " +
            $"{seconds}s. Dry run: nothing was written; 'snippetcheck adopt --write' inserts the tags";
    }

    /// <summary>How many still-failing blocks each cause holds, with its first block as the example.</summary>
    private static IEnumerable<string> CauseLines(AdoptReport report)
    {
        var causes = report.Files.SelectMany(f => f.Causes).ToLookup(c => c.Kind);
        if (causes.Count == 0) yield break;
        yield return "why the rest stays unverified (adopt --report json=PATH lists every block):";
        foreach (var kind in UnverifiedCause.Kinds.Where(k => causes[k].Any()))
        {
            var example = causes[kind].First();
            yield return $"{causes[kind].Count(),7}  {kind,-17}  e.g. {example.Location}: {Shorten(example.Detail)}";
        }
    }

    /// <summary>
    /// One line per package whose blocks verify only at an older major (PackageInference.OlderMajors): "32 blocks verify with
    /// AutoMapper 14.0.0 but fail with 17.0.0, the newest; first: Getting-started.md(12,14): CS1729: …".
    /// </summary>
    private static IEnumerable<string> OlderMajorLines(IReadOnlyList<SuspectedRot> suspects) =>
        suspects.Where(r => r.LastVersion is not null && r.Why.StartsWith("verifies with ", StringComparison.Ordinal))
            .GroupBy(r => r.Why, StringComparer.Ordinal)
            .Select(g => g.Count() == 1 ? $"1 block {g.Key}; {First(g.First())}"
                : $"{g.Count()} blocks {g.Key.Replace("verifies", "verify", StringComparison.Ordinal).Replace("fails", "fail",
                    StringComparison.Ordinal)}; first: {First(g.First())}");

    private static string First(SuspectedRot rot) => $"{rot.Location}: {rot.Id}: {Shorten(rot.Message)}";

    private static string Shorten(string text)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length <= 100 ? line : line[..97] + "...";
    }

    private static string Blocks(int count) => count == 1 ? "1 untagged C# block" : $"{count} untagged C# blocks";

    private static string Files(int count) => count == 1 ? "1 file" : $"{count} files";
}
