namespace SnippetCheck.Outdated;

/// <summary>
/// The console text of <c>outdated</c>: a row per pin (package, pinned, newest, where it is written, blocks that still
/// pass, blocks that now fail), then each failure at the post's file(line,col), then a summary line.
/// </summary>
public static class OutdatedTable
{
    private static readonly string[] Header = ["package", "pinned", "newest", "pin", "still pass", "now fail", "status"];

    /// <summary>The console table of <paramref name="report"/>, line by line.</summary>
    public static IEnumerable<string> Lines(OutdatedReport report)
    {
        if (report.Rows.Count == 0)
        {
            yield return "no package pins: nothing to look up";
            yield break;
        }
        var cells = report.Rows.Select(r => new[]
        {
            r.Pin.Id, r.Pin.Version, r.Newest ?? "?", $"{r.Pin.Location} {r.Pin.PlaceWord}",
            (r.StillPass.Count + r.NowPass.Count).ToString(System.Globalization.CultureInfo.InvariantCulture),
            r.NowFail.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), Status(r, report.Write),
        }).ToList();
        var widths = Header.Select((h, i) => cells.Select(c => c[i].Length).Append(h.Length).Max()).ToArray();
        string Line(string[] row) => string.Join("  ", row.Select((c, i) => i == row.Length - 1 ? c : c.PadRight(widths[i]))).TrimEnd();
        yield return Line(Header);
        foreach (var row in cells) yield return Line(row);

        foreach (var row in report.Rows)
        {
            foreach (var failure in row.NowFail) yield return $"{failure} (passes on {row.Pin.Id} {row.Pin.Version}, fails on {row.Newest})";
            foreach (var failure in row.FailedBefore) yield return $"{failure} (fails on {row.Pin.Id} {row.Pin.Version} too)";
            if (row.Note is not null) yield return $"{row.Pin.Location}: note: {row.Note}";
        }
        var behind = report.Rows.Count(r => r.Behind);
        yield return $"{report.Rows.Count} pins, {behind} behind, {report.Rows.Sum(r => r.NowFail.Count)} blocks fail on the newest version; " +
            $"{report.Reverified} blocks verified again, {report.Requests} requests to the sources";
    }

    /// <summary>What happened to the pin, or why it stays: the reason a reader acts on.</summary>
    private static string Status(PinRow row, bool write) => row switch
    {
        { Written: { } written } => written,
        { Newest: null } => "not found",
        { Behind: false } => "newest",
        { Pin.IsFramework: true, NowFail.Count: > 0 } => $"{row.NowFail.Count} block(s) fail on {row.Newest}",
        { NowFail.Count: > 0 } => $"stays: {row.NowFail.Count} block(s) fail on {row.Newest}",
        { FailedBefore.Count: > 0 } => $"stays: {row.FailedBefore.Count} block(s) fail on {row.Pin.Version} already",
        { Pin.IsFramework: true } => $"passes on {row.Newest}",
        _ => write ? "moved" : "can move (--write)",
    };
}
