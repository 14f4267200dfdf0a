using Microsoft.CodeAnalysis.CSharp;
using SnippetCheck.Model;
using SnippetCheck.Extraction.Snippets;

namespace SnippetCheck.Results;

/// <summary>
/// Reads a failed block's result for the evidence that it is broken (rot), never for what it merely lacks: the post's own
/// undeclared names, pseudo-code, <c>...</c> holes, placeholders and the errors that cascade from unknown names are not
/// evidence. The kinds, strongest first, are <see cref="Kinds"/>.
/// </summary>
internal static partial class RotEvidence
{
    /// <summary>A name an older version of a package the post uses declared, and the current one does not.</summary>
    public const string RemovedApi = "removed-api";

    /// <summary>An error against an API the block compiles against: a member a known type lacks, an overload that does not fit.</summary>
    public const string KnownApi = "known-api";

    /// <summary>A typo in otherwise valid C#: an unbalanced parenthesis, an unrecognised escape, a JavaScript line.</summary>
    public const string Typo = "typo";

    /// <summary>A claim the code no longer meets: a result line (<c>x =&gt; value</c>), an output block, the prose.</summary>
    public const string Claim = "claim";

    /// <summary>Code that compiles but throws, where nothing near it says it throws.</summary>
    public static readonly string Throws = SnippetKind.Throws.ToTag();

    /// <summary>Every kind, strongest first.</summary>
    public static readonly IReadOnlyList<string> Kinds = [RemovedApi, KnownApi, Unassigned, Typo, Claim, Throws];

    /// <summary>The parser's errors: a block that has one is not otherwise-valid C#, and its other errors may be cascades.</summary>
    private static readonly HashSet<string> SyntaxIds =
        ["CS1001", "CS1002", "CS1003", "CS1010", "CS1012", "CS1022", "CS1026", "CS1031", "CS1039", "CS1056", "CS1513", "CS1514", "CS1519", "CS1525",
            "CS1733", "CS8124", "CS8180"];

    /// <summary>Whether <paramref name="id"/> is one of the parser's errors (a block with one is not otherwise-valid C#).</summary>
    internal static bool IsSyntaxError(string id) => SyntaxIds.Contains(id);

    /// <summary>Exceptions a block throws for what its sandbox or machine lacks (a file, the network, a database), never rot.</summary>
    private static readonly string[] EnvironmentExceptions =
        ["IOException", "FileNotFoundException", "DirectoryNotFoundException", "UnauthorizedAccessException", "SocketException",
            "HttpRequestException",
         "DbException", "SqlException", "PlatformNotSupportedException", "NotImplementedException", "NotSupportedException", "TaskCanceledException",
         "OperationCanceledException", "WebException", "Win32Exception", "SecurityException", "TypeInitializationException", "FileLoadException",
         "DllNotFoundException", "EntryPointNotFoundException"];

    /// <summary>
    /// The evidence that <paramref name="failed"/> (a block's last failure as adopt or <c>verify --all</c> left it) is
    /// broken, the strongest first; null when it only looks incomplete.
    /// </summary>
    /// <param name="nearText">The prose around the block: a run that throws is not rot where the text says it throws.</param>
    public static SuspectedRot? Of(SnippetResult failed, string nearText = "")
    {
        if (failed.Status != SnippetStatus.Failed) return null;
        var found = failed.Reason switch
        {
            FailureReason.CompileError => KnownApiError(failed) ?? UnassignedError(failed) ?? TypoIn(failed),
            FailureReason.Exception => ClaimIn(failed) is { } claim ? (claim.Evidence.Length == 0 ? null : claim) : ThrowIn(failed, nearText),
            FailureReason.OutputMismatch => new SuspectedRot(failed.FailureLocation, "output", failed.Message ?? "the output differs", Claim,
                "the output block beside it no longer holds what the code prints"),
            _ => null,
        };
        return found is null ? null : found with { Block = failed.Snippet.Location };
    }

    /// <summary>
    /// The first error against an API the block compiles against: a member a known type lacks (CS0117, CS1061), a namespace
    /// under a package's root that the package does not declare (CS0234), an overload that does not fit (CS1501, CS1503,
    /// CS7036), a constructor whose name is not its class's (CS1520). A type or method the block declares itself is the
    /// post's own, and an error after a syntax error may be a cascade: neither is evidence.
    /// </summary>
    private static SuspectedRot? KnownApiError(SnippetResult failed)
    {
        var errors = failed.Diagnostics.Where(d => d.IsError).ToList();
        if (errors.Any(d => SyntaxIds.Contains(d.Id))) return null;
        var code = string.Join('\n', failed.Snippet.Code.Select(l => l.Text));
        var declared = DeclaredNames(code);
        var hasHole = code.Contains("...", StringComparison.Ordinal);
        // A sketch: names the post never declares ('Type? v = x?.y?.z;' in a spec, where 'Type' stands for any value type)
        // make a call's arity no evidence, for its receiver may be a type the sketch only stands for.
        var isSketch = errors.Any(e => UnknownNames.Core.Contains(e.Id));
        foreach (var error in errors)
        {
            var names = Quoted().Matches(error.Message).Select(m => m.Groups[1].Value).ToList();
            var why = error.Id switch
            {
                "CS0117" or "CS1061" when names.Count >= 2 && IsKnownType(names[0], declared) && MissingMember(names[0], names[1]) is { } near =>
                    $"'{SimpleName(names[0])}' is a known type, and it has no '{names[1]}'{near}",
                "CS0234" when names.Count >= 2 && !declared.Contains($"{names[1]}.{names[0]}") && !ImportsAnotherUnknownNamespace(errors, names[1])
                    && PackageRoot(failed.Snippet, names[1]) is { } package =>
                    $"'{names[1]}' is {package}'s namespace, and it declares no '{names[0]}'",
                "CS1501" or "CS7036" when !hasHole && !isSketch && MethodNamed(error, names) is { } method && !declared.Contains(method) =>
                    OverloadWhy(failed, errors, error, names, $"'{method}' is known, and no overload of it takes these arguments"),
                // 'object' is a type the tool may have given an untyped local: no evidence of the post's.
                "CS1503" when !hasHole && failed.Snippet.Tags.Packages.Count > 0 && names.Count >= 2 && names.All(n => IsKnownType(n, declared))
                    && !names.Any(n => SimpleName(n) == "object") =>
                    OverloadWhy(failed, errors, error, names, "a known method's argument has the wrong type (arguments swapped?)"),
                "CS1520" when MisnamedConstructor(code) is { } type => $"a constructor in '{type}' whose name is not its class's (misspelt?)",
                _ => null,
            };
            // A line whose comment says it is an error shows the error on purpose (a language post, a spec).
            if (why is not null && !MarkedAsError(failed.Snippet, error)) return new SuspectedRot(
                error.Location, error.Id, error.Message, KnownApi, why);
        }
        return null;
    }

    /// <summary>
    /// The block also misses a namespace under another root (<c>using Microsoft.Azure.WebJobs;</c> beside <c>using
    /// MassTransit.WebJobs.ServiceBusIntegration;</c>): it is written against packages the run did not load, and any of
    /// them may declare the namespace missing under <paramref name="root"/> (a package of its own, not an API gone).
    /// </summary>
    /// <remarks>
    /// So does a namespace missing twice, under two usings (<c>…Extensions.OpenApi.Core.Abstractions</c> and
    /// <c>…Extensions.OpenApi.Core.Extensions</c>): a tree of namespaces is a package's, not an API gone from one.
    /// </remarks>
    internal static bool ImportsAnotherUnknownNamespace(IReadOnlyList<Diagnostic> errors, string root)
    {
        var missing = errors.Where(e => e.Id == "CS0234").Select(e => Quoted().Matches(e.Message)).Where(m => m.Count >= 2)
            .Select(m => (Name: m[0].Groups[1].Value, In: m[1].Groups[1].Value)).ToList();
        return missing.Any(m => !SameRoot(m.In, root)) || missing.Count != missing.Distinct().Count();
    }

    private static bool SameRoot(string a, string b) => a.Split('.')[0] == b.Split('.')[0];

    /// <summary>
    /// A result line (<c>x =&gt; value</c>) whose value no longer holds: the check's own message. Not one worded for a
    /// culture the run does not have, nor one that reads the clock (its value is the moment's).
    /// </summary>
    private static SuspectedRot? ClaimIn(SnippetResult failed)
    {
        if (ResultMismatch().Match(failed.Message ?? "") is not { Success: true } match) return null;
        // Not rot, and not a throw either: the result line's own check is what threw.
        var line = int.Parse(match.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture);
        if (OtherCultureOrType().IsMatch(match.Groups["claim"].Value) || CultureWorded(failed.Snippet, line, match.Groups["claim"].Value)
            || Clock().IsMatch(match.Groups["claim"].Value))
            return new SuspectedRot(failed.FailureLocation, "", "", "", "");
        var at = failed.Snippet.Location with { Line = line, Column =
            int.Parse(match.Groups["column"].Value, System.Globalization.CultureInfo.InvariantCulture) };
        return new SuspectedRot(at, "result", match.Groups["claim"].Value.Trim(), Claim, "the result the post states no longer holds");
    }

    /// <summary>
    /// A result line whose value depends on the culture, which the run does not have (it runs in the invariant culture): the
    /// comment the line stands under in its block names a culture or locale (<c>// in fr culture</c>, <c>// Spanish locale</c>),
    /// or the stated value is the printed one with a culture's letters after its digits (<c>1st</c>, <c>1.er</c>, <c>1º</c>
    /// where the invariant culture prints <c>1</c>).
    /// </summary>
    private static bool CultureWorded(Snippet snippet, int line, string claim)
    {
        if (ClaimValues().Match(claim) is not { Success: true } values) return false;
        if (OrdinalSuffix().Replace(values.Groups["stated"].Value, "") == values.Groups["actual"].Value) return true;
        var comment = snippet.Code.Where(l => l.Line < line).Select(l => l.Text.Trim()).LastOrDefault(
            t => t.StartsWith("//", StringComparison.Ordinal));
        return comment is not null && CultureComment().IsMatch(comment);
    }

    /// <summary>A block that compiles and throws, with no word near it that it throws, and not for what the machine lacks.</summary>
    private static SuspectedRot? ThrowIn(SnippetResult failed, string nearText)
    {
        var message = failed.Message ?? "";
        if (EnvironmentExceptions.Any(e => message.Contains(e, StringComparison.Ordinal)) || ThrownForTheEnvironment(failed)) return null;
        var code = string.Join('\n', failed.Snippet.Code.Select(l => l.Text));
        if (SaysItFails(nearText) || SaysItFails(code) || code.Contains("...", StringComparison.Ordinal)) return null;
        // A menu of alternative assertions is no one claim, and a task left unawaited may fault after the block is done.
        // Nor is a wait on a task nothing completes, or an address or a string the post leaves for the reader to fill in.
        if (IsMenuOfAssertions(code) || LeavesATaskUnawaited(code) || WaitsOnATaskNothingCompletes(code) || IsAPlaceholderAddress(message, code)
            || PassesAPlaceholder(code))
            return null;
        return new SuspectedRot(failed.FailureLocation, "exception", message, Throws, "it compiles but throws, and the text does not say it throws");
    }

    /// <summary>
    /// Why a member a known type lacks is rot, as the end of the reason: the member is a near miss of one the framework type
    /// has (<c>Lenght</c>, <c>length</c>). Null otherwise: a name no member is near is most likely an extension method of a
    /// package the post does not name (<c>"text".Humanize()</c>, <c>expression.CompileFast()</c>, LINQPad's <c>Dump()</c>
    /// on a package's type), which the block lacks rather than breaks. A package's type is no evidence here: adopt looks its
    /// member up in the package's versions (removed, or a near miss of one it has; <c>RemovedApiRot</c>).
    /// </summary>
    private static string? MissingMember(string type, string member)
    {
        if (FrameworkType(type) is { } known)
        {
            var members = known.GetMembers(
                System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Static)
                .Select(m => m.Name).Where(n => !n.Contains('_', StringComparison.Ordinal)).Distinct().ToList();
            var meant = EditDistance.NearMiss(member, members);
            // A framework type without the member: an extension method the block's usings or packages do not bring.
            return meant is null ? null : EditDistance.DidYouMean(meant);
        }
        return null;
    }

    /// <summary>Keyword and common framework type names, as the compiler's messages write them.</summary>
    private static readonly Dictionary<string, Type> Keywords = new(StringComparer.Ordinal)
    {
        ["string"] = typeof(string), ["int"] = typeof(int), ["long"] = typeof(long), ["double"] = typeof(double), ["decimal"] = typeof(decimal),
        ["bool"] = typeof(bool), ["char"] = typeof(char), ["object"] = typeof(object), ["byte"] = typeof(byte), ["float"] = typeof(float),
    };

    /// <summary>
    /// The framework type a message names (<c>string</c>, <c>DateTime</c>, <c>List&lt;int&gt;</c>); null when it is none the tool knows.
    /// </summary>
    private static Type? FrameworkType(string name)
    {
        var simple = SimpleName(name);
        if (Keywords.TryGetValue(simple, out var keyword)) return keyword;
        var arity = name.Contains('<', StringComparison.Ordinal) ? "`" + (name.Count(c => c == ',') + 1) : "";
        foreach (var ns in new[] { "System", "System.Collections.Generic", "System.Text", "System.IO", "System.Threading.Tasks" })
        {
            if (typeof(object).Assembly.GetType($"{ns}.{simple}{arity}") is { IsPublic: true } found) return found;
        }
        return null;
    }

    /// <summary>
    /// A constructor the block writes inside a type of another name (<c>class Customer { public Custmer() { } }</c>): that type's name.
    /// </summary>
    private static string? MisnamedConstructor(string code) =>
        CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(LanguageVersion.Preview)).GetRoot().DescendantNodes()
            .OfType<Microsoft.CodeAnalysis.CSharp.Syntax.ConstructorDeclarationSyntax>()
            .Select(c => (c.Parent as Microsoft.CodeAnalysis.CSharp.Syntax.BaseTypeDeclarationSyntax, c.Identifier.ValueText))
            .FirstOrDefault(c => c.Item1 is not null && c.Item1.Identifier.ValueText != c.ValueText).Item1?.Identifier.ValueText;

    /// <summary>The error's line has a comment that says it is an error (<c>// error</c>, <c>// CS1503</c>, <c>// not allowed</c>).</summary>
    private static bool MarkedAsError(Snippet snippet, Diagnostic error) =>
        snippet.Code.FirstOrDefault(l => l.Line == error.Location.Line) is { Text: { } text }
        && text.IndexOf("//", StringComparison.Ordinal) is >= 0 and var at &&
        ErrorComment().IsMatch(text[at..]);

    /// <summary>The type, struct, record, interface, enum and method names the block declares, and its namespaces: the post's own.</summary>
    public static HashSet<string> DeclaredNames(string code)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(LanguageVersion.Preview)).GetRoot().DescendantNodes())
        {
            switch (node)
            {
                case Microsoft.CodeAnalysis.CSharp.Syntax.BaseTypeDeclarationSyntax type: names.Add(type.Identifier.ValueText); break;
                case Microsoft.CodeAnalysis.CSharp.Syntax.DelegateDeclarationSyntax del: names.Add(del.Identifier.ValueText); break;
                case Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax method: names.Add(method.Identifier.ValueText); break;
                case Microsoft.CodeAnalysis.CSharp.Syntax.LocalFunctionStatementSyntax local: names.Add(local.Identifier.ValueText); break;
                case Microsoft.CodeAnalysis.CSharp.Syntax.TypeParameterSyntax parameter: names.Add(parameter.Identifier.ValueText); break;
                case Microsoft.CodeAnalysis.CSharp.Syntax.BaseNamespaceDeclarationSyntax ns: names.Add(ns.Name.ToString()); break;
            }
        }
        return names;
    }

    /// <summary>A type the block does not declare and the compiler knew (never the tool's wrapper, never an error type's <c>?</c>).</summary>
    private static bool IsKnownType(string name, HashSet<string> declared)
    {
        var simple = SimpleName(name);
        return simple.Length > 0 && simple != "?" && !declared.Contains(simple) && !simple.StartsWith("__", StringComparison.Ordinal)
            && simple != "Program";
    }

    /// <summary><c>Spectre.Console.Table</c> → <c>Table</c>; <c>List&lt;int&gt;</c> → <c>List</c>; <c>int[]</c> → <c>int</c>.</summary>
    public static string SimpleName(string name)
    {
        var generic = name.IndexOfAny(['<', '[', '(']);
        var bare = generic >= 0 ? name[..generic] : name;
        return bare[(bare.LastIndexOf('.') + 1)..].Trim();
    }

    /// <summary>
    /// The package of the block's whose root namespace <paramref name="ns"/> is under (<c>Humanizer</c> for <c>Humanizer.Localisation</c>).
    /// </summary>
    private static string? PackageRoot(Snippet snippet, string ns)
    {
        // A package on the namespace's own line (Humanizer.Core for 'Humanizer', Humanizer for 'Humanizer.Bytes'): a
        // sibling that only shares the root owns nothing of it (TUnit.Assertions, for 'TUnit.Mocks').
        return snippet.Tags.Packages.FirstOrDefault(p => ns.Equals(p.Id, StringComparison.OrdinalIgnoreCase)
            || ns.StartsWith(p.Id + ".", StringComparison.OrdinalIgnoreCase) || p.Id.StartsWith(ns + ".", StringComparison.OrdinalIgnoreCase))?.Id;
    }

    /// <summary>The method an overload error names (<c>No overload for method 'M' takes 2 arguments</c>; CS7036's <c>'T.M(...)'</c>).</summary>
    private static string? MethodNamed(Diagnostic error, List<string> names)
    {
        var name = error.Id == "CS1501" ? names.FirstOrDefault() : names.Skip(1).FirstOrDefault();
        if (name is null) return null;
        var paren = name.IndexOf('(', StringComparison.Ordinal);
        var bare = paren >= 0 ? name[..paren] : name;
        return SimpleName(bare);
    }
}
