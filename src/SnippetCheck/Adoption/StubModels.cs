using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SnippetCheck.Driver;
using SnippetCheck.Extraction.Markdown;
using SnippetCheck.Extraction.Snippets;
using SnippetCheck.Model;
using SnippetCheck.Results;

namespace SnippetCheck.Adoption;

/// <summary>
/// Models from use (issue 54): a bare rule (<c>RuleFor(x =&gt; x.Surname).NotNull();</c>) whose docs declare no model
/// with every member its lambdas read is tried over a stub model: a class with just those members, each typed by trial
/// (the first of <see cref="MemberTypes"/> with which its statements compile). The stub goes into the config's
/// <c>hiddenCode</c> (<see cref="DocModels"/>), one namespace per block (<c>DocModels.Stubs.RulesL5</c>), so each stub holds
/// only what its block reads, typed against that block. It is honest: its members are only what lambdas read off the
/// model, plain properties of concrete types (never <c>dynamic</c> or <c>object</c>), never named like a name the block
/// calls; the library's calls chained on them still bind, so a misspelt rule, an argument too many or a renamed
/// base-class member fails.
/// </summary>
internal static class StubModels
{
    /// <summary>The types a member is tried with, in order: the first with which its statements compile is taken.</summary>
    private static readonly string[] MemberTypes =
        ["string", "int", "decimal", "System.DateTime", "bool", "int?", "decimal?", "double", "System.Collections.Generic.List<string>"];

    /// <summary>The namespace every stub goes under, within the models' root.</summary>
    private const string StubsNamespace = DocModels.RootNamespace + ".Stubs";

    /// <summary>
    /// One block to try over a stub: its <paramref name="Snippet"/> tagged as it will be (base class over
    /// <paramref name="Name"/>, usings with <paramref name="Namespace"/>), and the Markdown lines of the statements that
    /// read each member.
    /// </summary>
    public sealed record Request(
        PreparedDocument Document, Snippet Snippet, string Name, string Namespace, CompilationUnitSyntax Root,
        Dictionary<string, IReadOnlySet<int>> Members);

    /// <summary>A stub that passed: its namespace and its lines of C#, as the config's hiddenCode holds them.</summary>
    public sealed record Stub(string Namespace, IReadOnlyList<string> Lines);

    /// <summary>The namespace of the stub of the block at <paramref name="location"/>.</summary>
    public static string NamespaceFor(SourceLocation location) => $"{StubsNamespace}.{DocModels.PageNamespace(location.File)}L{location.Line}";

    /// <summary>
    /// The stub's class name: the lambdas' one parameter name, capitalised (<c>customer</c>: <c>Customer</c>), else
    /// <c>Model</c>; null when that name is a type of <paramref name="references"/> (a stub never shadows the library's own).
    /// </summary>
    public static string? NameFor(IReadOnlySet<string> parameters, ImmutableArray<MetadataReference> references)
    {
        var name = parameters.Count == 1 && parameters.First() is { Length: > 1 } p && char.IsLower(p[0])
            ? char.ToUpperInvariant(p[0]) + p[1..] : "Model";
        return UsingInference.NamespacesOf(name, references, []).Count == 0 ? name : null;
    }

    /// <summary>
    /// The members the lambdas passed to the bare calls read off their parameter (<c>x =&gt; x.Surname</c>: <c>Surname</c>),
    /// each with the Markdown lines of the statements that read it (<see cref="MemberLines"/>).
    /// </summary>
    public static Dictionary<string, IReadOnlySet<int>> LambdaMembers(CompilationUnitSyntax root, IReadOnlyList<string> bare, Snippet snippet) =>
        root.DescendantNodes().OfType<InvocationExpressionSyntax>()
            .Where(i => i.Expression is SimpleNameSyntax name && bare.Contains(name.Identifier.ValueText))
            .SelectMany(i => i.ArgumentList.Arguments.Select(a => a.Expression).OfType<SimpleLambdaExpressionSyntax>())
            .SelectMany(l => l.Body.DescendantNodesAndSelf().OfType<MemberAccessExpressionSyntax>()
                .Where(a => a.Expression is IdentifierNameSyntax id && id.Identifier.ValueText == l.Parameter.Identifier.ValueText))
            .Select(a => a.Name.Identifier.ValueText).Distinct(StringComparer.Ordinal)
            .ToDictionary(m => m, m => MemberLines(root, snippet, m), StringComparer.Ordinal);

    /// <summary>
    /// The Markdown lines of the statements that read <paramref name="member"/> off a lambda's parameter, each cut before a
    /// block it holds (<c>When(x =&gt; x.IsPreferred, () =&gt; { ... })</c>: the first line only), so an error is laid at the
    /// member it comes from.
    /// </summary>
    private static IReadOnlySet<int> MemberLines(CompilationUnitSyntax root, Snippet snippet, string member)
    {
        var parameters = root.DescendantNodes().OfType<SimpleLambdaExpressionSyntax>().Select(l => l.Parameter.Identifier.ValueText)
            .ToHashSet(StringComparer.Ordinal);
        var text = root.SyntaxTree.GetText();
        var lines = new HashSet<int>();
        foreach (var access in root.DescendantNodes().OfType<MemberAccessExpressionSyntax>().Where(a => a.Name.Identifier.ValueText == member
            && a.Expression is IdentifierNameSyntax id && parameters.Contains(id.Identifier.ValueText)))
        {
            var statement = access.Ancestors().OfType<StatementSyntax>().FirstOrDefault(s => s is not BlockSyntax) ?? (SyntaxNode)access;
            var end = statement.DescendantNodes().OfType<BlockSyntax>().FirstOrDefault(b => b.SpanStart > access.Span.End)?.SpanStart
                ?? statement.Span.End;
            var span = text.Lines.GetLinePositionSpan(Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(statement.SpanStart, end));
            lines.UnionWith(Enumerable.Range(span.Start.Line, span.End.Line - span.Start.Line + 1).Where(i => i < snippet.Code.Count)
                .Select(i => snippet.Code[i].Line));
        }
        return lines;
    }

    /// <summary>
    /// True when a stub may stand for the model <paramref name="root"/>'s lambdas read: no member read is called as a method
    /// (<c>x.IsValid()</c>) or named like a name the block calls (a stub never declares what a library call could misspell into).
    /// </summary>
    public static bool MayStub(CompilationUnitSyntax root, IReadOnlyCollection<string> members)
    {
        var called = root.DescendantNodes().OfType<InvocationExpressionSyntax>().Select(i => i.Expression switch
        {
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            SimpleNameSyntax name => name.Identifier.ValueText,
            _ => null,
        }).OfType<string>().ToHashSet(StringComparer.Ordinal);
        return members.Count > 0 && !members.Any(called.Contains);
    }

    /// <summary>
    /// Each request that compiles over a stub: its passing result and the stub. First every member a <c>string</c>; a member
    /// whose statements then fail is tried with each other type in turn (all such members at once, one try per block per
    /// round), and keeps the first with which its statements compile; the block passes with the types so found, or not at all.
    /// </summary>
    public static async Task<IReadOnlyList<(SnippetResult Passed, Stub Stub)>> TryAsync(
        Verifier verifier, IReadOnlyList<Request> requests, CancellationToken cancellationToken)
    {
        var chosen = requests.ToDictionary(
            r => r.Snippet.Location, r => r.Members.Keys.ToDictionary(m => m, _ => MemberTypes[0], StringComparer.Ordinal));
        var (passed, first) = await DiscoverAsync(verifier, requests, chosen, cancellationToken).ConfigureAwait(false);
        // Members whose statements fail as strings; a block failing on a line no member's statement holds is left out.
        var open = new Dictionary<SourceLocation, List<string>>();
        foreach (var request in requests.Where(r => first.ContainsKey(r.Snippet.Location)))
        {
            var lines = ErrorLines(first[request.Snippet.Location]);
            if (lines.Count == 0 || lines.Any(l => !request.Members.Values.Any(m => m.Contains(l)))) continue;
            open[request.Snippet.Location] = [.. request.Members.Where(m => m.Value.Overlaps(lines)).Select(m => m.Key)];
        }
        var retried = requests.Where(r => open.ContainsKey(r.Snippet.Location)).ToList();
        foreach (var type in MemberTypes.Skip(1))
        {
            var round = retried.Where(r => open[r.Snippet.Location].Count > 0).ToList();
            if (round.Count == 0) break;
            var tried = round.ToDictionary(
                r => r.Snippet.Location, r => new Dictionary<string, string>(chosen[r.Snippet.Location], StringComparer.Ordinal));
            foreach (var request in round)
                foreach (var member in open[request.Snippet.Location]) tried[request.Snippet.Location][member] = type;
            var results = await VerifyAsync(verifier, round, tried, cancellationToken).ConfigureAwait(false);
            foreach (var request in round.Where(r => results.ContainsKey(r.Snippet.Location)))
            {
                var errors = ErrorLines(results[request.Snippet.Location]);
                foreach (var member in open[request.Snippet.Location].Where(m => !request.Members[m].Overlaps(errors)).ToList())
                {
                    chosen[request.Snippet.Location][member] = type;
                    open[request.Snippet.Location].Remove(member);
                }
            }
        }
        var typed = retried.Where(r => open[r.Snippet.Location].Count == 0).ToList();
        var last = await VerifyAsync(verifier, typed, chosen, cancellationToken).ConfigureAwait(false);
        passed.AddRange(typed.Where(r => last.GetValueOrDefault(r.Snippet.Location)?.Status == SnippetStatus.Passed)
            .Select(r => (last[r.Snippet.Location], StubOf(r, chosen[r.Snippet.Location]))));
        return passed;
    }

    /// <summary>
    /// Every member a <c>string</c>: the blocks that pass, and the failures of the rest. A member the compiler says the
    /// stub lacks (CS1061: a chained call's lambda reads it, <c>.Equal(x =&gt; x.PasswordConfirmation)</c>) is added and the
    /// block tried again, up to three times.
    /// </summary>
    private static async Task<(List<(SnippetResult Passed, Stub Stub)> Passed, Dictionary<SourceLocation, SnippetResult> Failed)> DiscoverAsync(
        Verifier verifier, IReadOnlyList<Request> requests, Dictionary<SourceLocation, Dictionary<string, string>> chosen,
        CancellationToken cancellationToken)
    {
        var passed = new List<(SnippetResult Passed, Stub Stub)>();
        var failed = new Dictionary<SourceLocation, SnippetResult>();
        var pending = requests.ToList();
        for (var round = 0; round < 3 && pending.Count > 0; round++)
        {
            var results = await VerifyAsync(verifier, pending, chosen, cancellationToken).ConfigureAwait(false);
            var again = new List<Request>();
            foreach (var request in pending)
            {
                var location = request.Snippet.Location;
                if (!results.TryGetValue(location, out var result)) continue;
                if (result.Status == SnippetStatus.Passed)
                {
                    passed.Add((result, StubOf(request, chosen[location])));
                    continue;
                }
                var lacking = Lacking(request.Name, result).Where(m => !request.Members.ContainsKey(m)).ToList();
                if (lacking.Count == 0 || !MayStub(request.Root, [.. request.Members.Keys, .. lacking]))
                {
                    failed[location] = result;
                    continue;
                }
                foreach (var member in lacking)
                {
                    request.Members[member] = MemberLines(request.Root, request.Snippet, member);
                    chosen[location][member] = MemberTypes[0];
                }
                again.Add(request);
            }
            pending = again;
        }
        return (passed, failed);
    }

    /// <summary>
    /// The members the compiler says the stub <paramref name="name"/> lacks (CS1061, <c>'Model' does not contain a definition for 'X'</c>).
    /// </summary>
    private static IEnumerable<string> Lacking(string name, SnippetResult result)
    {
        const string Lacks = "' does not contain a definition for '";
        foreach (var error in result.Diagnostics.Where(d => d.IsError && d.Id == "CS1061"))
        {
            var at = error.Message.IndexOf(Lacks, StringComparison.Ordinal);
            if (at < 1 || error.Message[0] != '\'') continue;
            var type = error.Message[1..at];
            if (type != name && !type.EndsWith("." + name, StringComparison.Ordinal)) continue;
            var member = error.Message[(at + Lacks.Length)..];
            if (member.IndexOf('\'') is > 0 and var end) yield return member[..end];
        }
    }

    /// <summary>The Markdown lines of the block's own errors.</summary>
    private static HashSet<int> ErrorLines(SnippetResult result) =>
        result.Diagnostics.Where(d => d.IsError && d.Location.File == result.Snippet.Location.File).Select(d => d.Location.Line).ToHashSet();

    /// <summary>Each request tried once, over its stub with <paramref name="types"/>: the results by block (the cache is not used).</summary>
    private static async Task<Dictionary<SourceLocation, SnippetResult>> VerifyAsync(Verifier verifier, IReadOnlyList<Request> requests,
        IReadOnlyDictionary<SourceLocation, Dictionary<string, string>> types, CancellationToken cancellationToken)
    {
        if (requests.Count == 0) return [];
        var tries = requests.Select(r =>
        {
            var stub = StubOf(r, types[r.Snippet.Location]);
            var prelude = Prelude.OfLines(DocModels.FileName, [.. stub.Lines.Select((text, i) => new CodeLine(text, i + 1, 1))]);
            return (r.Document with { Snippets = r.Document.Snippets with { Preludes = [prelude, .. r.Document.Snippets.Preludes] } }, r.Snippet);
        }).ToList();
        var results = await verifier.VerifyLoneAsync(tries, useCache: false, cancellationToken).ConfigureAwait(false);
        return results.GroupBy(r => r.Snippet.Location).ToDictionary(g => g.Key, g => g.First());
    }

    /// <summary>The stub's lines: its namespace, and one class with a property of each member, of the type given.</summary>
    private static Stub StubOf(Request request, IReadOnlyDictionary<string, string> types) => new(request.Namespace,
    [
        $"// {request.Snippet.Location.File}:{request.Snippet.Location.Line}: a stub model, what the block reads (adopt: models from use)",
        $"namespace {request.Namespace}",
        "{",
        "#nullable disable",
        $"    public class {request.Name}",
        "    {",
        .. types.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"        public {t.Value} {t.Key} {{ get; set; }}"),
        "    }",
        "}",
    ]);
}
