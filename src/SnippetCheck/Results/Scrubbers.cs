using System.Text.RegularExpressions;
using SnippetCheck.Model;

namespace SnippetCheck.Results;

/// <summary>
/// The built-in scrubbers (docs/authoring.md, "Scrubbing nondeterministic output"). Order matters: the snippet's
/// own folders before anything that could match inside a path, GUIDs and dates before durations (a time of day
/// is not a <c>TimeSpan</c>), and the loose <c>hashcode</c> and <c>number</c> last.
/// </summary>
internal static partial class Scrubbers
{
    /// <summary>The value of <c>scrub=</c> that turns every scrubber off for a block.</summary>
    public const string None = DocumentWords.NoScrubbing;

    internal static readonly Scrubber WorkFolder = Scrubber.Numbered("paths", "WorkFolder", WorkFolderPattern());
    internal static readonly Scrubber TempFolder = Scrubber.Numbered("paths", "TempFolder", TempFolderPattern());
    internal static readonly Scrubber Guid = Scrubber.Numbered("guid", "Guid", GuidPattern(), ignoreCase: true);
    internal static readonly Scrubber Date = Scrubber.Numbered("date", "Date", DatePattern());
    internal static readonly Scrubber Duration = Scrubber.Numbered("duration", "Duration", DurationPattern());
    internal static readonly Scrubber Hex = Scrubber.Numbered("hex", "Hex", HexPattern(), ignoreCase: true);
    internal static readonly Scrubber HashCode = Scrubber.Numbered("hashcode", "HashCode", HashCodePattern());
    internal static readonly Scrubber Number = Scrubber.Numbered("number", "Number", NumberPattern());

    /// <summary>On unless a block says <c>scrub=none</c>.</summary>
    public static readonly IReadOnlyList<Scrubber> OnByDefault = [WorkFolder, TempFolder, Guid, Date];

    /// <summary>Off unless named in a <c>scrub=</c> tag, front matter or config.</summary>
    public static readonly IReadOnlyList<Scrubber> OptIn = [Duration, Hex, HashCode, Number];

    /// <summary>How many numbers differ between two texts whose numbers stand in the same places; 0 when they do not.</summary>
    internal static int DifferingNumbers(string expected, string actual)
    {
        var left = NumberPattern().Matches(expected).Select(m => m.Value).ToList();
        var right = NumberPattern().Matches(actual).Select(m => m.Value).ToList();
        return left.Count == right.Count ? left.Zip(right).Count(p => p.First != p.Second) : 0;
    }

    /// <inheritdoc cref="DocumentWords.BuiltInScrubberNames"/>
    internal static IReadOnlyList<string> BuiltInNames => DocumentWords.BuiltInScrubberNames;

    [GeneratedRegex(@"(?<=\b(?:WorkFolder|TempFolder|Guid|Date|Duration|Hex|HashCode|Number))_[0-9]+\b", RegexOptions.CultureInvariant)]
    internal static partial Regex PlaceholderNumber();

    // A work folder: <temp>/snippetcheck-<pid>-<hex>/r<N>/runs/<N> (Execution/RunnerPool, RunFolders.Take).
    [GeneratedRegex(@"(?:[A-Za-z]:)?(?:[\\/][^\s\\/""'<>|]+)*?[\\/]snippetcheck-[0-9]+-[0-9a-f]+[\\/]r[0-9]+[\\/]runs[\\/][0-9]+",
        RegexOptions.CultureInvariant)]
    private static partial Regex WorkFolderPattern();

    // The run's temp folder, the one Path.GetTempPath() gives the snippet.
    [GeneratedRegex(@"(?:[A-Za-z]:)?(?:[\\/][^\s\\/""'<>|]+)*?[\\/]snippetcheck-[0-9]+-[0-9a-f]+[\\/]r[0-9]+[\\/]tmp[\\/][0-9]+",
        RegexOptions.CultureInvariant)]
    private static partial Regex TempFolderPattern();

    // D, B and P formats share the dashed core (B's braces and P's parentheses stay around the placeholder). N is 32 bare
    // hex digits, which an MD5 hash also is: it must carry an RFC 9562 version (1-8) and variant (8-b) to count.
    [GeneratedRegex(
        @"(?<![0-9A-Za-z_-])[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}(?![0-9A-Za-z_-])" +
        @"|(?<![0-9A-Za-z_])[0-9a-fA-F]{12}[1-8][0-9a-fA-F]{3}[89abAB][0-9a-fA-F]{15}(?![0-9A-Za-z_])",
        RegexOptions.CultureInvariant)]
    private static partial Regex GuidPattern();

    // ISO 8601 and round-trip "o" (2026-11-23T08:42:44.1234567Z, +01:00 offsets, a space for the T, date only), the
    // invariant culture's DateTime/DateTimeOffset ToString() (11/23/2026 08:42:44 +00:00) and RFC 1123 "r".
    // Months and days are checked, so a version such as 2024.1.0 or 10-20-30 is no date.
    [GeneratedRegex(
        @"(?<![\w.:/-])[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])(?:[T ][0-2][0-9]:[0-5][0-9](?::[0-5][0-9](?:\.[0-9]{1,7})?)?(?:Z" +
        @"|[+-][0-2][0-9]:?[0-5][0-9])?)?(?![\w:/-]|\.[0-9])" +
        @"|(?<![\w.:/-])(?:0[1-9]|1[0-2])/(?:0[1-9]|[12][0-9]|3[01])/[0-9]{4}(?: [0-2][0-9]:[0-5][0-9]:[0-5][0-9]" +
        @"(?: [+-][0-2][0-9]:[0-5][0-9])?)?(?![\w.:/])" +
        @"|\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), [0-3][0-9] (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov" +
        @"|Dec) [0-9]{4} [0-2][0-9]:[0-5][0-9]:[0-5][0-9] GMT\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();

    // "12 ms", "1.5 s", "3.2ms", "250 µs", and TimeSpan's c/g forms: 00:00:01.2345678, 1.02:03:04, 0:00:01.5.
    [GeneratedRegex(
        @"(?<![\w.])[0-9]+(?:\.[0-9]+)? ?(?:ns|µs|us|ms|s|sec|secs|seconds?|milliseconds?|microseconds?|nanoseconds?|min|minutes?|h|hours?)(?![\w])" +
        @"|(?<![\w.:])-?(?:[0-9]+[.:])?[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:[.,][0-9]{1,7})?(?![\w:]|\.[0-9])",
        RegexOptions.CultureInvariant)]
    private static partial Regex DurationPattern();

    // 0x7ffd4a3b2c10, and bare hex of 8 or more digits with a letter and a digit in it (a hash code printed as X8).
    [GeneratedRegex(
        @"(?<![\w])0[xX][0-9a-fA-F]+(?![\w])" +
        @"|(?<![\w-])(?=[0-9a-fA-F]*[a-fA-F])(?=[0-9a-fA-F]*[0-9])[0-9a-fA-F]{8,}(?![\w-])",
        RegexOptions.CultureInvariant)]
    private static partial Regex HexPattern();

    // What GetHashCode() prints: a whole number of 6 to 10 digits, maybe negative; never part of a decimal or version.
    [GeneratedRegex(@"(?<![\w.,-])-?[0-9]{6,10}(?![\w,]|\.[0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex HashCodePattern();

    // Any integer or decimal on its own: 42, -7, 3.14; a version (1.2.3) or a word's digits (net10) stays.
    [GeneratedRegex(@"(?<![\w.])-?[0-9]+(?:\.[0-9]+)?(?![\w]|\.[0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();
}
