using System.Text.RegularExpressions;

namespace SnippetCheck.Results;

/// <summary>The patterns <see cref="RotEvidence"/> reads messages and code with.</summary>
internal static partial class RotEvidence
{
    [GeneratedRegex(@"'([^']+)'")]
    private static partial Regex Quoted();

    // JavaScript a C# fence cannot hold: 'function f(', 'const x =' / 'let x =' without a type, console.log, '==='.
    [GeneratedRegex(@"^\s*(?:function\s+[A-Za-z_$][\w$]*\s*\(|(?:const|let)\s+[A-Za-z_$][\w$]*\s*=[^=].*;\s*$|.*\bconsole\.log\s*\("
        + @"|.*\s(?:===|!==)\s)")]
    private static partial Regex JavaScript();

    // '<YourValue>', '<your-connection-string>': a placeholder the author fills, not C#.
    [GeneratedRegex(@"<[A-Za-z][\w-]*(?:\s[\w-]+)*>(?!\s*[({.\w])|\{\{")]
    private static partial Regex Placeholder();

    // A string literal that is all placeholder, '"<connection string>"', '"<some_sql>"', '"<PID>"': words joined by a space, '_'
    // or '-', or capitals; never '"<br>"' or '"<T>"', which are text.
    [GeneratedRegex(@"""<(?:[A-Za-z]\w*(?:[ _-]\w+)+|[A-Z][A-Z0-9_]+)>""")]
    private static partial Regex PlaceholderString();

    // An inner exception in an exception's text: ' ---> System.Net.Sockets.SocketException (101): ...', and an
    // AggregateException's ' ---> (Inner Exception #1) Npgsql.NpgsqlException (0x80004005): ...'.
    [GeneratedRegex(@"^\s*--->\s*(?:\(Inner Exception #\d+\)\s*)?(?<type>[\w.`+]+)(?=[\s:(]|$)", RegexOptions.Multiline)]
    private static partial Regex InnerException();

    // "is 1250000000 (Double), not 1250000000 (Int32)": the same value of another type (strictness, not rot); "is "one", not
    // "один"": the post's value in another language, which a culture the run did not have gives.
    [GeneratedRegex(@" is (?:.+ \(\w+\), not .+ \(\w+\)|""[\x20-\x7E]*"", not "".*[^\x00-\x7F].*"")$")]
    private static partial Regex OtherCultureOrType();

    // "x is "1", not "1st"": the printed value, then the stated one.
    [GeneratedRegex(@" is (?<actual>.+), not (?<stated>.+)$")]
    private static partial Regex ClaimValues();

    // A culture's letters right after a number: '1st', '22nd', '1.er', '3.ª', '1º'.
    [GeneratedRegex(@"(?<=\d)\.?[\p{L}ºª]+")]
    private static partial Regex OrdinalSuffix();

    // The clock or a random source, read by a result line: its value is the moment's ('DateTime.UtcNow.AddHours(-30).Humanize()
    // => "yesterday"' holds after 06:00 only), not rot.
    [GeneratedRegex(@"\b(?:DateTime(?:Offset)?\.(?:Now|UtcNow|Today)|TimeProvider\.System|Environment\.TickCount"
        + @"|Guid\.NewGuid|Random\.Shared|new\s+Random)\b")]
    private static partial Regex Clock();

    // '// in fr culture', '// for Brazilian Portuguese locale', '// in de-DE culture'.
    [GeneratedRegex(@"\b(?:(?i:cultures?|locales?)|[a-z]{2}-[A-Z]{2})\b")]
    private static partial Regex CultureComment();

    // The check a result line compiles to: "post.md(12,1): x.Humanize() is "a", not "b"".
    [GeneratedRegex(@"\((?<line>\d+),(?<column>\d+)\): (?<claim>.+? is .+, not .+)")]
    private static partial Regex ResultMismatch();

    [GeneratedRegex(@"\b(?:error|errors|illegal|invalid|not\s+allowed|(?:won't|doesn't|does\s+not|will\s+not)\s+compile|CS\d{4})\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex ErrorComment();

    // 'throws', 'an exception', 'will fail with', 'is wrong', 'this does not compile', and '// Invalid' above a call that
    // shows what is not accepted; an exception's type ('which gave a `NullReferenceException`', FluentAssertions' v6 guide).
    [GeneratedRegex(@"\b(?:throws?|thrown|exceptions?|\w+Exception|fails?|failing|failure|invalid|wrong|incorrect|errors?"
        + @"|(?:does\s*n[o']t|won't|will\s+not|cannot|can't)\s+(?:compile|work))\b", RegexOptions.IgnoreCase)]
    private static partial Regex ThrowWords();

    // 'new Uri("address")': a text with no scheme, which no Uri parses.
    [GeneratedRegex(@"\bnew\s+Uri\(\s*""[^"":\n]*""")]
    private static partial Regex SchemelessUri();

    // A stack trace's first frame: '   at DotNet.Testcontainers.Configurations.TestcontainersSettings.ExposeHostPortsAsync(…)
    // in /_/src/….cs:line 168'.
    [GeneratedRegex(@"^\s*at (?<method>[^(\s]+)\((?:[^)\n]*)\)(?: in (?<file>.+?):line \d+)?\s*$", RegexOptions.Multiline)]
    private static partial Regex FirstFrame();

    // 'null' passed to a call ('Start(null)', 'Connect(host, null)'): the block's own argument a library may trip on.
    [GeneratedRegex(@"[(,]\s*null\s*[,)]")]
    private static partial Regex NullArgument();

    // A service a library may need that the sandbox lacks, as a page names it.
    [GeneratedRegex(@"\b(?:Docker|daemon|database|server|broker|cluster|endpoint)s?\b", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalService();
}
