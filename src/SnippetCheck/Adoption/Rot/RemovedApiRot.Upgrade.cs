using System.Text.RegularExpressions;
using SnippetCheck.Model;
using SnippetCheck.Results;

namespace SnippetCheck.Adoption.Rot;

/// <summary>
/// A package's API its current version made an error (CS0619), and the receivers whose type the tool
/// gave: an error on a member of a type adopt inferred for an undeclared local (<c>given=canvas:Canvas</c>) rests on
/// the tool's guess, not on the post's text, so it is neither removed API nor an upgrade guide's guard.
/// </summary>
internal static partial class RemovedApiRot
{
    /// <summary>"'Screen.Paint' is marked [Obsolete(…, error: true)] in Acme 2.0.0, the version the docs use".</summary>
    internal static string MadeAnErrorWhy(ApiName name, RemovedName marked) =>
        $"'{name}' is marked [Obsolete(…, error: true)] in {marked.Package} {marked.LastVersion}, the version the docs use: " +
        "the package made it an error";

    /// <summary>
    /// The name CS0619 quotes (<c>Screen.Paint(string)</c>, <c>Acme.Old&lt;T&gt;</c>): a member of its type, or a type alone.
    /// </summary>
    internal static ApiName? ObsoleteName(string quoted)
    {
        var bare = quoted.IndexOf('(', StringComparison.Ordinal) is >= 0 and var open ? quoted[..open] : quoted;
        // Innermost type arguments first: 'Cache<Dictionary<string, List<int>>>'.
        while (Generic().IsMatch(bare)) bare = Generic().Replace(bare, "");
        var parts = bare.Split('.');
        if (parts.Any(p => p.Length == 0 || !p.All(c => char.IsLetterOrDigit(c) || c == '_'))) return null;
        return parts.Length >= 2 ? new ApiName(parts[^2], parts[^1]) : new ApiName(null, parts[0]);
    }

    /// <summary>The error's receiver is a local the tool gave a type (<c>given=</c>), not one the post declares.</summary>
    private static bool OnAGivenReceiver(SnippetResult failed, Diagnostic error) =>
        failed.Snippet.Tags.Given.Count > 0 && failed.Snippet.Code.FirstOrDefault(l => l.Line == error.Location.Line) is { Text: not null } line
        && ReceiverAt(line.Text, error.Location.Column - line.Column) is { } receiver
        && failed.Snippet.Tags.Given.Any(g => g.Split(':')[0].Trim() == receiver);

    /// <summary>
    /// The first name of the member access at <paramref name="index"/>: <c>canvas</c> of <c>canvas.Clear()</c>, whether the
    /// error stands at <c>Clear</c> (CS1061) or at the start of the access (CS0619); <c>app</c> of <c>app.Services.Get()</c>.
    /// </summary>
    internal static string? ReceiverAt(string line, int index)
    {
        if (index < 0 || index > line.Length) return null;
        if (ChainBefore().Match(line[..index]) is { Success: true } chain) return Identifier().Match(line, chain.Index).Value;
        return Identifier().Match(line, index) is { Success: true, Index: var at } name && at == index ? name.Value : null;
    }

    // 'canvas.', 'app.Services.', 'Build().Items?.': the names and calls a member access goes through, up to its member.
    [GeneratedRegex(@"(?<![\w.])(?:[A-Za-z_]\w*(?:\([^()]*\))?\s*[?!]?\.\s*)+$")]
    private static partial Regex ChainBefore();

    [GeneratedRegex(@"[A-Za-z_]\w*")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"<[^<>]*>")]
    private static partial Regex Generic();
}
