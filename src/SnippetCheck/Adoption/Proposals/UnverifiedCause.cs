using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SnippetCheck.Adoption.Inference;
using SnippetCheck.Adoption.Inference.Packages;
using SnippetCheck.Model;
using SnippetCheck.Results;

namespace SnippetCheck.Adoption.Proposals;

/// <summary>
/// Why <c>adopt</c> left a block untagged, so that what stays unverified says why (docs/authoring.md#adopt): a
/// <c>fragment</c> that is not C# on its own (the token the parser stopped at), an <c>unknown-name</c> that nothing the
/// block compiles against declares ("declared nowhere in the docs" where no package looked in and no page declares it
/// either: the docs' own types), a <c>package-not-found</c> when the post names packages and none declares it, a
/// <c>package-unavailable</c> when a package the post names could not be restored here (a setup problem), any
/// other <c>compile-error</c> (its code and message), or, for a block that compiles but whose result lines do not hold
/// (or that fails in its page's fixture: a thrown exception, a failed test), a <c>runtime-failure</c> or <c>timeout</c>
/// of its run.
/// </summary>
/// <param name="Kind">One of <see cref="Kinds"/>.</param>
/// <param name="Detail">The offending token, the unknown names, or the first error.</param>
/// <param name="Location">Where the block's first error is.</param>
internal sealed record UnverifiedCause(string Kind, string Detail, SourceLocation Location)
{
    public const string Fragment = "fragment";
    public const string UnknownName = "unknown-name";
    public const string PackageNotFound = "package-not-found";
    public const string PackageUnavailable = "package-unavailable";
    public const string CompileError = "compile-error";
    public const string RuntimeFailure = "runtime-failure";
    public const string Timeout = "timeout";
    public const string FailedAsWritten = "failed-as-written";

    /// <summary>Every kind, in the order <c>adopt</c> lists them.</summary>
    public static readonly IReadOnlyList<string> Kinds =
        [Fragment, UnknownName, PackageNotFound, PackageUnavailable, CompileError, RuntimeFailure, Timeout, FailedAsWritten];

    /// <summary>
    /// A block adopt withdrew at its last step: it passed in its trials but not when its page was verified as adopt would
    /// write it (its tags, page settings, hidden lines and pins together), which is what <c>verify</c> would say.
    /// </summary>
    public static UnverifiedCause Withdrawn(AdoptProposal proposal, SnippetResult? asWritten) => new(
        FailedAsWritten,
        $"'{proposal.Words}' passed alone but not on its page as written: " +
        (asWritten is { Status: SnippetStatus.Failed } failed ? $"{failed.ReasonWord}: {failed.Message}"
            : asWritten?.Message is { Length: > 0 } message ? message : "not verified"),
        proposal.Snippet.Location);

    /// <summary>
    /// A listing block (<c>check listing</c>) whose packages lack a member it lists: the first member not found, and the
    /// packages and versions it was looked up in (a generated API page ahead of the package's release lists members no
    /// released version has).
    /// </summary>
    public static UnverifiedCause OfListing(SnippetResult unlisted)
    {
        var first = unlisted.Diagnostics.First(d => d.IsError);
        var packages = string.Join(", ", unlisted.Snippet.Tags.Packages.Select(p => $"{p.Id} {p.Version}"));
        return new(CompileError, $"{first.Id}: {first.Message} (looked up in {packages})", first.Location);
    }

    /// <summary>
    /// The cause of a block's last failure. A syntax error makes it a fragment whatever else is wrong (no context
    /// makes it compile); only names unknown, it lacks context the post does not show, or a package that was looked for.
    /// </summary>
    /// <param name="packageLookedFor">adopt looked for a package that declares the block's unknown names and found none.</param>
    /// <param name="unloaded">The packages its post names that could not be restored here: a setup problem, not the post's.</param>
    /// <param name="nowhereInTheDocs">Its unknown names that no package adopt looked in, nor the framework, nor any page declares.</param>
    public static UnverifiedCause Of(
        SnippetResult failed, bool packageLookedFor, IReadOnlyList<string>? unloaded = null, IReadOnlyList<string>? nowhereInTheDocs = null)
    {
        // It compiled: its run is what failed (a block whose result lines do not hold).
        if (failed.Reason is FailureReason.Timeout or FailureReason.Exception or FailureReason.ExitCode or FailureReason.Crash
            or FailureReason.OutputLimit or FailureReason.OutputMismatch or FailureReason.TestFailed)
        {
            return new(failed.Reason == FailureReason.Timeout ? Timeout : RuntimeFailure, failed.Message ?? failed.Reason.Value.ToWord(),
                failed.FailureLocation);
        }
        var first = failed.Diagnostics.FirstOrDefault(d => d.IsError);
        var at = first?.Location ?? failed.FailureLocation;
        // An error against a known API (a member a known type lacks, a misspelt constructor, swapped arguments) is what the
        // compiler said first that matters, whatever names the block also lacks.
        if (RotEvidence.Of(failed) is { Evidence: RotEvidence.KnownApi } known) return new(
            CompileError, $"{known.Id}: {known.Message}", known.Location);
        // Result lines ('x.Humanize() => "a"') do not parse as C# as written: the compiler's reading of them decides.
        var parsedAsWritten = !failed.Snippet.Tags.Results;
        if (parsedAsWritten && SyntaxError(failed.Snippet) is { } syntax) return new(Fragment, syntax.Detail, syntax.Location);
        if (PackageInference.UnknownNames(failed.Snippet, failed.Diagnostics) is { Count: > 0 } names)
        {
            var shown = string.Join(", ", names.Select(n => $"'{n}'"));
            if (unloaded is { Count: > 0 }) return new(PackageUnavailable, $"{string.Join(", ", unloaded)} could not be restored ({shown})", at);
            // The docs' own types, which no package declares: no package is missing, the page shows no declaration of them.
            if (packageLookedFor && nowhereInTheDocs is { Count: > 0 } && names.All(n => nowhereInTheDocs.Contains(n, StringComparer.Ordinal)))
                return new(UnknownName, $"{shown}: declared nowhere in the docs", at);
            return new(packageLookedFor ? PackageNotFound : UnknownName, shown, at);
        }
        // The first error is an unknown name, with others after it: the name is what the block lacks first, and a cause
        // that said compile-error would send the author after the compiler instead of the context.
        if (first is not null && UnknownNames.Core.Contains(first.Id) && UsingInference.IdentifierAt(failed.Snippet, first.Location) is { } name)
        {
            var others = failed.Diagnostics.Count(d => d.IsError && !UnknownNames.Core.Contains(d.Id));
            return new(UnknownName, $"'{name}' (and {others} other error{(others == 1 ? "" : "s")})", at);
        }
        return new(CompileError, first is null ? failed.Message ?? "" : $"{first.Id}: {first.Message}", at);
    }

    /// <summary>
    /// The first token the parser rejects in the block's code, read as a file-based program and as the members of a
    /// class (a block of methods parses only as the latter): the reading that gets further names it. Null when either
    /// reading parses.
    /// </summary>
    private static (string Detail, SourceLocation Location)? SyntaxError(Extraction.Snippets.Snippet snippet)
    {
        var code = snippet.Code;
        if (code.Count == 0) return null;
        var text = string.Join('\n', code.Select(l => l.Text));
        var asProgram = FirstError(text, linesBefore: 0, code.Count);
        var asMembers = FirstError("class Members {\n" + text + "\n}", linesBefore: 1, code.Count);
        if (asProgram is null || asMembers is null) return null;
        var (token, message, line, character) = asMembers.Value.Line > asProgram.Value.Line
            || (asMembers.Value.Line == asProgram.Value.Line && asMembers.Value.Character > asProgram.Value.Character) ? asMembers.Value
            : asProgram.Value;
        var at = code[Math.Clamp(line, 0, code.Count - 1)];
        // The compiler's message names the token itself more often than not ("Invalid token '>'").
        var detail = message.Contains('\'') ? message : $"{token}: {message}";
        return (detail, snippet.Location with { Line = at.Line, Column = at.Column + character });
    }

    /// <summary>The first syntax error, at its line in the block's code (past its last line: the end of the block).</summary>
    private static (string Token, string Message, int Line, int Character)? FirstError(string text, int linesBefore, int codeLines)
    {
        var tree = CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.Preview));
        var error = tree.GetDiagnostics().FirstOrDefault(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
        if (error is null) return null;
        var token = tree.GetRoot().FindToken(error.Location.SourceSpan.Start);
        var position = error.Location.GetLineSpan().StartLinePosition;
        var line = position.Line - linesBefore;
        var atEnd = token.IsKind(SyntaxKind.EndOfFileToken) || line >= codeLines;
        return (atEnd ? "end of block" : $"'{token.Text}'", error.GetMessage(System.Globalization.CultureInfo.InvariantCulture),
            Math.Min(line, codeLines), atEnd ? 0 : position.Character);
    }
}
