using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SnippetCheck.Programs;
using SnippetCheck.Extraction.Snippets;
using SnippetCheck.Model;
using SnippetCheck.Results;

namespace SnippetCheck.Adoption.Inference.Classes;

/// <summary>
/// Models from use: a bare rule (<c>RuleFor(x =&gt; x.Surname).NotNull();</c>) whose docs declare no model
/// with every member its lambdas read is tried over a stub model: a class with just those members, each typed by trial
/// (the first of <see cref="MemberTypes"/> with which its reads compile, <see cref="StubMemberLines"/>). The stub goes into the config's
/// <c>hiddenCode</c> (<see cref="DocModels"/>), one namespace per block (<c>DocModels.Stubs.RulesL5</c>), so each stub holds
/// only what its block reads, typed against that block. It is honest: its members are only what lambdas read off the
/// model, plain properties of concrete types (never <c>dynamic</c> or <c>object</c>), never named like a name the block
/// calls; the library's calls chained on them still bind, so a misspelt rule, an argument too many or a renamed
/// base-class member fails. Types the docs never declare, used as type arguments, get stubs the same way (Trials/StubTypes).
/// </summary>
internal static class StubModels
{
    /// <summary>The types a member is tried with, in order: the first with which its statements compile is taken.</summary>
    private static readonly string[] MemberTypes =
        ["string", "int", "decimal", "System.DateTime", "bool", "int?", "decimal?", "double", "System.Collections.Generic.List<string>"];

    /// <summary>The namespace every stub goes under, within the models' root.</summary>
    private const string StubsNamespace = DocModels.RootNamespace + ".Stubs";

    /// <summary>
    /// One block to try over stubs: its <paramref name="Snippet"/> tagged as it will be (usings with <paramref name="Namespace"/>),
    /// the stub types it needs (<paramref name="Types"/>: <c>Customer</c>; <c>IFoo</c> and <c>Foo</c>), and the members known
    /// before the first try, each as <c>Type.Member</c>.
    /// </summary>
    public sealed record Request(
        PreparedDocument Document, Snippet Snippet, IReadOnlyList<string> Types, string Namespace, CompilationUnitSyntax Root,
        IReadOnlyCollection<string> Members, IReadOnlyDictionary<string, IReadOnlyList<string>>? Enums = null)
    {
        /// <summary>Members of a type known from use (<c>Customer.Orders</c>: a list of the stub <c>Order</c>), never retyped.</summary>
        public IReadOnlyDictionary<string, string> Lists { get; init; } = new Dictionary<string, string>();

        /// <summary>
        /// The docs' own types the page's prose names (<see cref="Inference.PageTypes"/>): a member the compiler says a stub lacks
        /// whose plural name spells one of them that is stubbed too (<c>Order.Products</c>) is a list of that stub.
        /// </summary>
        public IReadOnlySet<string> PageTypes { get; init; } = new HashSet<string>();
    }

    /// <summary>A stub that passed: its namespace and its lines of C#, as the config's hiddenCode holds them.</summary>
    public sealed record Stub(string Namespace, IReadOnlyList<string> Lines);

    /// <summary>A block being tried: each member with the index in <see cref="MemberTypes"/> of the type it is tried with.</summary>
    public sealed record Trial(Request Request, Dictionary<string, int> Members)
    {
        /// <summary>Each stub's bases, as the library's generic constraints demand them (<c>Order</c>: <c>Acme.IConsumer</c>).</summary>
        public Dictionary<string, List<string>> Bases { get; } = new(StringComparer.Ordinal);

        /// <summary>Members of another stub's type, as their names spell it (<see cref="Request.PageTypes"/>), never retyped.</summary>
        public Dictionary<string, string> Typed { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>The most tries of one block: a member found per try, then each member's types in turn.</summary>
    public const int MaxRounds = 16;

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

    /// <summary>The members the lambdas passed to the bare calls read off their parameter (<c>x =&gt; x.Surname</c>: <c>Surname</c>).</summary>
    public static IReadOnlySet<string> LambdaMembers(CompilationUnitSyntax root, IReadOnlyList<string> bare) =>
        root.DescendantNodes().OfType<InvocationExpressionSyntax>()
            .Where(i => i.Expression is SimpleNameSyntax name && bare.Contains(name.Identifier.ValueText))
            .SelectMany(i => i.ArgumentList.Arguments.Select(a => a.Expression).OfType<SimpleLambdaExpressionSyntax>())
            .SelectMany(l => l.Body.DescendantNodesAndSelf().OfType<MemberAccessExpressionSyntax>()
                .Where(a => a.Expression is IdentifierNameSyntax id && id.Identifier.ValueText == l.Parameter.Identifier.ValueText))
            .Select(a => a.Name.Identifier.ValueText).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// True when a stub may stand for the model <paramref name="root"/>'s lambdas read: it has members, and none is called
    /// (<c>x.IsValid()</c>) or named like a name the block calls (<see cref="NoneCalled"/>).
    /// </summary>
    public static bool MayStub(CompilationUnitSyntax root, IReadOnlyCollection<string> members) => members.Count > 0 && NoneCalled(root, members);

    /// <summary>
    /// True when no name the block calls is one of <paramref name="members"/>: a stub never declares what a library call could
    /// misspell into.
    /// </summary>
    internal static bool NoneCalled(CompilationUnitSyntax root, IReadOnlyCollection<string> members)
    {
        var called = root.DescendantNodes().OfType<InvocationExpressionSyntax>().Select(i => i.Expression switch
        {
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            SimpleNameSyntax name => name.Identifier.ValueText,
            _ => null,
        }).OfType<string>().ToHashSet(StringComparer.Ordinal);
        return !members.Any(called.Contains);
    }

    /// <summary>
    /// The next try of a block that failed: with the members its stubs lack, or else each member whose lines hold an error
    /// with its next type. False when there is none.
    /// </summary>
    public static bool Advance(Trial trial, SnippetResult result)
    {
        var request = trial.Request;
        if (Demanded(request, result).Where(d => !trial.Bases.GetValueOrDefault(d.Type, []).Contains(d.Base)).ToList() is { Count: > 0 } demanded)
        {
            foreach (var (type, @base) in demanded.Distinct())
                (trial.Bases.TryGetValue(type, out var bases) ? bases : trial.Bases[type] = []).Add(@base);
            return true;
        }
        var lacking = Lacking(request.Types, result)
            .Where(m => !trial.Members.ContainsKey(m) && !request.Lists.ContainsKey(m) && !trial.Typed.ContainsKey(m))
            .Distinct(StringComparer.Ordinal).ToList();
        if (lacking.Count > 0)
        {
            // A stub interface stays empty: its members would need implementing, and no call may bind to a stub.
            var all = trial.Members.Keys.Concat(lacking).Select(MemberOf).ToList();
            // Nor does a stub enum get members: its values are all the block reads.
            var enums = request.Enums ?? new Dictionary<string, IReadOnlyList<string>>();
            if (!NoneCalled(request.Root, all) || lacking.Any(m => IsInterface(TypeOf(m)) || enums.ContainsKey(TypeOf(m)))) return false;
            foreach (var member in lacking)
            {
                if (StubTyped(request.Types, request.PageTypes, MemberOf(member)) is { } type) trial.Typed[member] = type;
                else trial.Members[member] = 0;
            }
            return true;
        }
        var errors = ErrorLines(result);
        var lines = StubMemberLines.Of(request.Root, request.Snippet, [.. trial.Members.Keys]);
        var failing = trial.Members.Keys.Where(m => lines[m].Overlaps(errors)).ToList();
        if (errors.Count == 0 || failing.Count == 0 || errors.Any(l => !lines.Values.Any(v => v.Contains(l)))) return false;
        foreach (var member in failing)
        {
            if (++trial.Members[member] >= MemberTypes.Length) return false;
        }
        return true;
    }

    /// <summary>
    /// The members the compiler says a stub of <paramref name="types"/> lacks, as <c>Type.Member</c> (CS1061, CS0117:
    /// <c>'Model' does not contain a definition for 'X'</c>).
    /// </summary>
    private static IEnumerable<string> Lacking(IReadOnlyList<string> types, SnippetResult result)
    {
        const string Lacks = "' does not contain a definition for '";
        foreach (var error in result.Diagnostics.Where(d => d.IsError && d.Id is "CS1061" or "CS0117"))
        {
            var at = error.Message.IndexOf(Lacks, StringComparison.Ordinal);
            if (at < 1 || error.Message[0] != '\'') continue;
            var type = error.Message[1..at];
            if (types.FirstOrDefault(t => type == t || type.EndsWith("." + t, StringComparison.Ordinal)) is not { } stub) continue;
            var member = error.Message[(at + Lacks.Length)..];
            if (member.IndexOf('\'') is > 0 and var end) yield return $"{stub}.{member[..end]}";
        }
    }

    /// <summary>
    /// The bases a library's generic constraint demands of a stub class (CS0311: <c>There is no implicit reference conversion
    /// from 'SubmitOrderConsumer' to 'MassTransit.IConsumer'</c>, of <c>AddConsumer&lt;T&gt;() where T : class, IConsumer</c>). A
    /// base adds no member: an interface's or an abstract class's own members then fail the try, on the stub's lines.
    /// </summary>
    private static IEnumerable<(string Type, string Base)> Demanded(Request request, SnippetResult result)
    {
        const string From = "There is no implicit reference conversion from '", To = "' to '";
        foreach (var error in result.Diagnostics.Where(d => d.IsError && d.Id == "CS0311"))
        {
            var at = error.Message.IndexOf(From, StringComparison.Ordinal);
            var to = at < 0 ? -1 : error.Message.IndexOf(To, at + From.Length, StringComparison.Ordinal);
            var end = to < 0 ? -1 : error.Message.IndexOf('\'', to + To.Length);
            if (end < 0) continue;
            var type = error.Message[(at + From.Length)..to];
            if (request.Types.FirstOrDefault(t => type == t || type.EndsWith("." + t, StringComparison.Ordinal)) is not { } stub
                || IsInterface(stub) || request.Enums?.ContainsKey(stub) == true) continue;
            yield return (stub, error.Message[(to + To.Length)..end]);
        }
    }

    /// <summary>
    /// The list of a page's type a member's plural name spells (<c>Products</c>: a list of <c>Product</c>), of the page's
    /// types <paramref name="types"/> stubs; else null. A singular name is no evidence: the prose's `Name` is a property's.
    /// </summary>
    internal static string? StubTyped(IReadOnlyList<string> types, IReadOnlySet<string> pageTypes, string member) =>
        Inference.PageTypes.TypeFor(char.ToLowerInvariant(member[0]) + member[1..], pageTypes) is { } type
            && type.Contains('<') && Inference.PageTypes.Named(type, pageTypes).All(types.Contains) ? type : null;

    internal static string TypeOf(string member) => member[..member.IndexOf('.', StringComparison.Ordinal)];

    internal static string MemberOf(string member) => member[(member.IndexOf('.', StringComparison.Ordinal) + 1)..];

    /// <summary><c>IFoo</c>: a name .NET gives an interface, stubbed as one (an empty one), and implemented by a stub <c>Foo</c>.</summary>
    private static bool IsInterface(string type) => type.Length > 2 && type[0] == 'I' && char.IsUpper(type[1]);

    /// <summary>The Markdown lines of the block's own errors.</summary>
    private static HashSet<int> ErrorLines(SnippetResult result) =>
        result.Diagnostics.Where(d => d.IsError && d.Location.File == result.Snippet.Location.File).Select(d => d.Location.Line).ToHashSet();

    /// <summary>
    /// The stubs' lines: their namespace, and for each type a class with a property of each member, of the type tried (an
    /// <c>IFoo</c> an empty interface, which a stub <c>Foo</c> implements).
    /// </summary>
    public static Stub StubOf(Trial trial)
    {
        var request = trial.Request;
        var lines = new List<string>
        {
            $"// {request.Snippet.Location.File}:{request.Snippet.Location.Line}: a stub model, what the block reads (adopt: models from use)",
            $"namespace {request.Namespace}",
            "{",
            "#nullable disable",
        };
        foreach (var type in request.Types)
        {
            if (request.Enums?.GetValueOrDefault(type) is { } values)
            {
                lines.Add(values.Count == 0 ? $"    public enum {type} {{ }}" : $"    public enum {type} {{ {string.Join(", ", values)} }}");
                continue;
            }
            // A class first, then the interfaces: a constraint's base, then the stub interface of its name.
            List<string> bases = [.. trial.Bases.GetValueOrDefault(type, []).OrderBy(b => IsInterface(b[(b.LastIndexOf('.') + 1)..])),
                .. !IsInterface(type) && request.Types.Contains("I" + type) ? [$"I{type}"] : Array.Empty<string>()];
            var implements = bases.Count > 0 ? $" : {string.Join(", ", bases)}" : "";
            lines.Add(IsInterface(type) ? $"    public interface {type}" : $"    public class {type}{implements}");
            lines.Add("    {");
            lines.AddRange(trial.Members.Where(m => TypeOf(m.Key) == type).OrderBy(m => m.Key, StringComparer.Ordinal)
                .Select(m => $"        public {MemberTypes[m.Value]} {MemberOf(m.Key)} {{ get; set; }}"));
            lines.AddRange(request.Lists.Concat(trial.Typed).Where(m => TypeOf(m.Key) == type).OrderBy(m => m.Key, StringComparer.Ordinal)
                .Select(m => $"        public {m.Value} {MemberOf(m.Key)} {{ get; set; }}"));
            lines.Add("    }");
        }
        lines.Add("}");
        return new(request.Namespace, lines);
    }
}
