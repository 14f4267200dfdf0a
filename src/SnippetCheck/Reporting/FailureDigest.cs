using SnippetCheck.Model;
using SnippetCheck.Results;

namespace SnippetCheck.Reporting;

/// <summary>
/// The digest that closes a run with many failures (more than <see cref="Threshold"/>), so that a big <c>--all</c>
/// run reads in one screen: failures per file, most first, and the most common error codes with one example each.
/// <c>adopt</c> prints the same codes under its table.
/// </summary>
internal sealed record FailureDigest(IReadOnlyList<FileFailureCount> Files, IReadOnlyList<CodeCount> Codes, int Failures)
{
    /// <summary>A verify run with more failures than this closes with the digest.</summary>
    internal const int Threshold = 50;

    /// <summary>Files and codes shown; the rest are summed up in one line.</summary>
    internal const int MaxRows = 10;

    /// <summary>The failures among <paramref name="results"/>, counted by file and by code.</summary>
    public static FailureDigest Of(IEnumerable<SnippetResult> results)
    {
        var failed = results.Where(r => r.Status == SnippetStatus.Failed).ToList();
        var files = failed.GroupBy(r => r.Location.File, StringComparer.Ordinal)
            .Select(g => new FileFailureCount(g.Key, g.Count()))
            .OrderByDescending(f => f.Failures).ThenBy(f => f.File, StringComparer.Ordinal)
            .ToList();
        var codes = failed.GroupBy(r => r.Code ?? DiagnosticCodes.InternalError, StringComparer.Ordinal)
            .Select(g =>
            {
                var first = g.OrderBy(r => r.FailureLocation.File, StringComparer.Ordinal).ThenBy(r => r.FailureLocation.Line).First();
                return new CodeCount(g.Key, g.Count(), first.FailureLocation, first.Message ?? "");
            })
            .OrderByDescending(c => c.Count).ThenBy(c => c.Code, StringComparer.Ordinal)
            .ToList();
        return new FailureDigest(files, codes, failed.Count);
    }

    /// <summary>The per-file counts, most failures first (at most <see cref="MaxRows"/>, then a line for the rest).</summary>
    internal IEnumerable<string> FileLines()
    {
        var width = Math.Max(5, Files.Take(MaxRows).Select(f => f.Failures.ToString().Length).DefaultIfEmpty(0).Max());
        foreach (var file in Files.Take(MaxRows)) yield return $"  {file.Failures.ToString().PadLeft(width)}  {file.File}";
        if (Files.Count > MaxRows)
            yield return $"  {Files.Skip(MaxRows).Sum(f => f.Failures).ToString().PadLeft(width)}  in {Files.Count - MaxRows} more files";
    }

    /// <summary>The top codes, each with its count and one example location and message.</summary>
    public IEnumerable<string> CodeLines()
    {
        var width = Math.Max(5, Codes.Take(MaxRows).Select(c => c.Count.ToString().Length).DefaultIfEmpty(0).Max());
        var codeWidth = Codes.Take(MaxRows).Select(c => c.Code.Length).DefaultIfEmpty(6).Max();
        foreach (var code in Codes.Take(MaxRows))
        {
            var count = code.Count.ToString().PadLeft(width);
            yield return $"  {count}  {code.Code.PadRight(codeWidth)}  e.g. {code.Example}: {Shorten(code.ExampleMessage)}";
        }
        if (Codes.Count > MaxRows)
            yield return $"  {Codes.Skip(MaxRows).Sum(c => c.Count).ToString().PadLeft(width)}  in {Codes.Count - MaxRows} more codes";
    }

    /// <summary>The whole digest, as a verify run closes with it.</summary>
    internal IEnumerable<string> Lines()
    {
        yield return $"digest: {Failures} failures in {Files.Count} {(Files.Count == 1 ? "file" : "files")}";
        yield return "failures per file:";
        foreach (var line in FileLines()) yield return line;
        yield return "top error codes:";
        foreach (var line in CodeLines()) yield return line;
    }

    private static string Shorten(string message)
    {
        var line = message.Split('\n')[0];
        return line.Length <= 80 ? line : line[..77] + "...";
    }
}
