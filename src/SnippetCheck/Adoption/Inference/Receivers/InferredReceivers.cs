using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SnippetCheck.Adoption.Inference.Packages;
using SnippetCheck.Compilation;
using SnippetCheck.Programs;
using SnippetCheck.Model;
using SnippetCheck.Results;

namespace SnippetCheck.Adoption.Inference.Receivers;

/// <summary>
/// Receivers no page creates: ASP.NET Core docs write <c>services.AddScoped&lt;IClock, Clock&gt;();</c>
/// or <c>services.AddOpenIddict().AddCore(…)</c> with <c>services</c> declared nowhere. The members a block calls on such an
/// unknown local (with their type arguments and argument counts) are looked up among the public types of what the block
/// references: the framework, the Web SDK's assemblies and the packages its page and doc set name (<see cref="ReceiverIndex"/>). When exactly
/// one type fits, the local is given of that type (<see cref="Receivers"/> then verifies it, with the type's package and
/// usings, and keeps it only when the block passes); its calls then bind, so a misspelt one fails.
/// </summary>
internal static class InferredReceivers
{
    /// <summary>A local to declare: its type, the usings its calls need, whether that type is the Web SDK's, and its package.</summary>
    public sealed record Given(string Name, string Type, IReadOnlyList<string> Usings, bool Web, PackageRequest? Package);

    /// <summary>The locals each failed block calls members on and never declares, of the one type their calls fit.</summary>
    /// <param name="receivers">The doc sets' own receivers (<see cref="Receivers.Of"/>): those names are theirs, not guessed.</param>
    /// <param name="pages">The packages of each page and its doc set, asked where a block calls members on a local it lacks;
    /// such a block waits until they are answered.</param>
    public static IReadOnlyDictionary<SourceLocation, IReadOnlyList<Given>> Of(
        PackageInference packages, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> receivers,
        IReadOnlyList<(PreparedDocument Document, SnippetResult Failed)> failing, PagePackages pages)
    {
        var inferred = new Dictionary<SourceLocation, IReadOnlyList<Given>>();
        var web = ReferenceAssemblies.Web.OfType<PortableExecutableReference>().Select(r => r.FilePath).OfType<string>().ToList();
        var lambdas = new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>>(StringComparer.Ordinal);
        foreach (var (document, failed) in failing)
        {
            var snippet = failed.Snippet;
            // A members block's fields are its class's, and given as fields (GivenLocals.Fields); a base class's block is
            // left alone: its bare names may be the base's.
            if (snippet.Tags.Base is not null || snippet.Tags.Given.Count > 0) continue;
            if (PackageInference.UnknownNames(snippet, failed.Diagnostics) is not { } unknown) continue;
            var known = receivers.GetValueOrDefault(packages.DocSets.Of(document.Snippets));
            var settings = document.SettingsFor(snippet);
            var root = CSharpSyntaxTree.ParseText(string.Join('\n', snippet.Code.Select(l => l.Text)), settings.ParseOptions)
                .GetCompilationUnitRoot();
            List<string> bare = [.. unknown.Where(n => known?.ContainsKey(n) != true && (char.IsLower(n[0]) || n[0] == '_'))];
            var calls = CallsOn(root, bare, snippet.Tags.Members);
            // The receivers the doc set declares (Receivers gives them their type): the locals passed to their calls are typed here.
            var declared = CallsOn(root, [.. unknown.Where(n => known?.ContainsKey(n) == true)], snippet.Tags.Members);
            if (calls.Count == 0 && declared.Count == 0) continue;
            var framework = settings.References.OfType<PortableExecutableReference>().Select(r => r.FilePath).OfType<string>().ToList();
            if (pages.OfDocSet(document, settings.References) is not { } found) continue;
            // A package's dependency the Web SDK also has (Microsoft.Extensions.DependencyInjection.Abstractions) is the package's.
            List<MetadataReference> loaded =
                [.. Files(settings.References), .. found.SelectMany(f => f.References), .. Files(ReferenceAssemblies.Web)];
            var index = ReceiverIndex.Of(loaded);
            var imported = BlockUsings.Of(root).Concat(settings.Usings).ToHashSet(StringComparer.Ordinal);
            var docSet = packages.DocSets.Of(document.Snippets);
            // A name another block sets up as a lambda's parameter ('q' of 'services.AddQuartz(q => …)') is of the type the
            // compiler gave it there (LambdaReceivers), when every call the block makes on it resolves on that type.
            if (!lambdas.TryGetValue(docSet, out var parameters))
                lambdas[docSet] = parameters = LambdaReceivers.Of(packages.DocSets.PagesOf(docSet).SelectMany(d => d.Snippets),
                    loaded, [.. found.SelectMany(f => f.Compile)], settings.Usings);
            var given = new List<Given>();
            foreach (var (name, called) in calls)
            {
                var typed = (parameters.GetValueOrDefault(name) ?? []).Select(t => index.Named(t, called)).OfType<ReceiverIndex.Fit>().ToList();
                if ((typed.Count == 1 ? typed[0] : index.TypeFor(called, name)) is not { } fit) continue;
                var (package, isWeb) = ReceiverPackage.For(fit, found, framework, web);
                var usings = fit.Namespaces.Where(n => !imported.Contains(n) && !(isWeb && ReferenceAssemblies.WebUsings.Contains(n))).ToList();
                given.Add(new(name, fit.Type, usings, isWeb, package));
                given.AddRange(Arguments(index, fit, ArgumentsOn(root, name, bare.Except(calls.Keys)), imported, package, isWeb));
            }
            foreach (var (name, called) in declared)
            {
                if (index.Declared(known![name], called) is not { } fit) continue;
                var (package, isWeb) = ReceiverPackage.For(fit, found, framework, web);
                given.AddRange(Arguments(index, fit, ArgumentsOn(root, name, bare.Except(calls.Keys)), imported, package, isWeb));
            }
            if (given.Count > 0) inferred[snippet.Location] = [.. given.DistinctBy(g => g.Name)];
        }
        return inferred;
    }

    /// <summary>The assemblies of <paramref name="references"/> that are files, as <c>framework</c> and <c>web</c> list their paths.</summary>
    private static IEnumerable<MetadataReference> Files(IEnumerable<MetadataReference> references) =>
        references.OfType<PortableExecutableReference>().Where(r => r.FilePath is not null);

    /// <summary>True when <paramref name="value"/> is a chain of calls that starts on <paramref name="name"/> (<c>name.M().N()</c>).</summary>
    private static bool FromItself(string name, ExpressionSyntax value)
    {
        var start = value;
        while (true)
        {
            switch (start)
            {
                case InvocationExpressionSyntax invocation: start = invocation.Expression; continue;
                case MemberAccessExpressionSyntax access: start = access.Expression; continue;
                case AwaitExpressionSyntax awaited: start = awaited.Expression; continue;
            }
            return start is IdentifierNameSyntax identifier && identifier.Identifier.ValueText == name && value is not IdentifierNameSyntax;
        }
    }

    /// <summary>
    /// The bare locals passed to calls on a given receiver, each of the type of the parameter it is passed to where the call's
    /// overloads agree on it (<see cref="ReceiverIndex.ArgumentType"/>), with the receiver's package and Web SDK, so the
    /// call binds as a reader's would: <c>logger.LogInformation(message)</c> gives <c>message</c> a String. A local passed to two calls is given
    /// only when both agree.
    /// </summary>
    private static IEnumerable<Given> Arguments(ReceiverIndex index, ReceiverIndex.Fit receiver,
        IEnumerable<(ReceiverIndex.Call Call, int Position, string Name)> arguments, IReadOnlySet<string> imported, PackageRequest? package, bool web)
    {
        foreach (var passed in arguments.GroupBy(a => a.Name, StringComparer.Ordinal))
        {
            var types = passed.Select(a => index.ArgumentType(receiver, a.Call, a.Position)).ToList();
            if (types.Any(t => t is null) || types.Select(t => t!.Type).Distinct(StringComparer.Ordinal).Count() != 1) continue;
            var usings = types[0]!.Namespaces.Where(n => !imported.Contains(n) && !(web && ReferenceAssemblies.WebUsings.Contains(n)));
            yield return new(passed.Key, types[0]!.Type, [.. usings], web, package);
        }
    }

    /// <summary>
    /// The names of <paramref name="candidates"/> passed bare, by position (no name, no <c>ref</c>/<c>out</c>), to calls on
    /// <paramref name="receiver"/> (<c>cache.Set(key, value)</c>), with the call as <see cref="CallsOn"/> reads it.
    /// </summary>
    internal static IEnumerable<(ReceiverIndex.Call Call, int Position, string Name)> ArgumentsOn(
        CompilationUnitSyntax root, string receiver, IEnumerable<string> candidates)
    {
        var names = candidates.Except(Bound(root)).ToHashSet(StringComparer.Ordinal);
        foreach (var invocation in root.DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            if (invocation.Expression is not MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax on } access
                || on.Identifier.ValueText != receiver) continue;
            int? arity = access.Name is GenericNameSyntax generic ? generic.TypeArgumentList.Arguments.Count : null;
            var call = new ReceiverIndex.Call(access.Name.Identifier.ValueText, arity, invocation.ArgumentList.Arguments.Count);
            foreach (var (argument, position) in invocation.ArgumentList.Arguments.Select((a, i) => (a, i)))
            {
                if (argument is { NameColon: null, RefKindKeyword.RawKind: 0, Expression: IdentifierNameSyntax id }
                    && names.Contains(id.Identifier.ValueText)) yield return (call, position, id.Identifier.ValueText);
            }
        }
    }

    /// <summary>
    /// The methods called on the result of the call <paramref name="access"/> names (<c>Be</c> of <c>theString.Should().Be("a")</c>),
    /// one level down; null when none: an assertion library's <c>Should()</c> is declared for every type, what follows it is not.
    /// </summary>
    private static IReadOnlyList<ReceiverIndex.Call>? CalledOnResult(MemberAccessExpressionSyntax access)
    {
        if (access.Parent is not InvocationExpressionSyntax { Parent: MemberAccessExpressionSyntax next } || next.Expression != access.Parent
            || next.Parent is not InvocationExpressionSyntax invocation || invocation.Expression != next
            || ObjectMembers.Contains(next.Name.Identifier.ValueText)) return null;
        int? arity = next.Name is GenericNameSyntax generic ? generic.TypeArgumentList.Arguments.Count : null;
        return [new(next.Name.Identifier.ValueText, arity, invocation.ArgumentList.Arguments.Count)];
    }

    private static readonly HashSet<string> ObjectMembers = new(StringComparer.Ordinal) { "ToString", "Equals", "GetHashCode", "GetType" };

    /// <summary>
    /// The members called on each of <paramref name="names"/> (<c>services.AddScoped&lt;A, B&gt;()</c>: <c>AddScoped</c>, two type
    /// arguments, none passed), by name, for a block of statements only, or with <paramref name="members"/> a block of
    /// members (methods, properties, fields: a field is read as a local is) that declares no type; a name the block also
    /// binds (a lambda's parameter, a local, an assignment's target) is left out, as is one no method is called on
    /// (object's members are no evidence).
    /// </summary>
    internal static IReadOnlyDictionary<string, IReadOnlyList<ReceiverIndex.Call>> CallsOn(
        CompilationUnitSyntax root, IReadOnlyList<string> names, bool members = false)
    {
        var calls = new Dictionary<string, IReadOnlyList<ReceiverIndex.Call>>(StringComparer.Ordinal);
        if (names.Count == 0 || root.Members.Any(m => m is not GlobalStatementSyntax && !(members && IsMember(m)))) return calls;
        var bound = Bound(root);
        foreach (var name in names.Where(n => !bound.Contains(n)))
        {
            var called = new List<ReceiverIndex.Call>();
            var valueCalled = false;
            foreach (var access in root.DescendantNodes().OfType<IdentifierNameSyntax>().Where(n => n.Identifier.ValueText == name)
                .Select(n => n.Parent).OfType<MemberAccessExpressionSyntax>().Where(
                    a => a.Expression is IdentifierNameSyntax id && id.Identifier.ValueText == name))
            {
                // Every type has object's members: a call of one says nothing of the receiver's type.
                if (ObjectMembers.Contains(access.Name.Identifier.ValueText)) continue;
                int? arity = access.Name is GenericNameSyntax generic ? generic.TypeArgumentList.Arguments.Count : null;
                int? arguments = access.Parent is InvocationExpressionSyntax invocation && invocation.Expression == access
                    ? invocation.ArgumentList.Arguments.Count : null;
                called.Add(new(access.Name.Identifier.ValueText, arity, arguments, arguments is null ? null : CalledOnResult(access)));
                valueCalled |= arguments is null && ValueIsCalled(root, access);
            }
            // Only a method called is evidence: a property read alone (order.Total) fits some framework type by chance, and a
            // block so typed would be verified against it; it stays at the check level. One call made several times is one call,
            // with what every one of them calls on its result (theString.Should().Be(…), theString.Should().StartWith(…)). A
            // property whose value the block calls a method on is evidence ('var provider = app.ApplicationServices;
            // provider.ConfigureQueue();'): that call must bind on the property's type too, which chance does not give.
            if (called.Any(c => c.Arguments is not null) || valueCalled)
                calls[name] = [.. called.GroupBy(c => (c.Name, c.Arity, c.Arguments)).Select(g => g.First() with
                {
                    Then = g.Any(c => c.Then is not null) ? [.. g.SelectMany(c => c.Then ?? []).Distinct()] : null,
                })];
        }
        return calls;
    }

    /// <summary>A member a <c>members</c> block shows out of its class: anything but a type, a namespace or a global statement.</summary>
    private static bool IsMember(MemberDeclarationSyntax member) =>
        member is BaseMethodDeclarationSyntax or BasePropertyDeclarationSyntax or BaseFieldDeclarationSyntax or IncompleteMemberSyntax;

    /// <summary>True when the block calls a method (not object's) on the value <paramref name="read"/> gives, chained or on its local.</summary>
    private static bool ValueIsCalled(CompilationUnitSyntax root, MemberAccessExpressionSyntax read) => read.Parent switch
    {
        MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax call } next =>
            next.Expression == read && call.Expression == next && !ObjectMembers.Contains(next.Name.Identifier.ValueText),
        EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax local } => root.DescendantNodes().OfType<InvocationExpressionSyntax>().Any(
            i => i.Expression is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax on } method
                && on.Identifier.ValueText == local.Identifier.ValueText && !ObjectMembers.Contains(method.Name.Identifier.ValueText)),
        _ => false,
    };

    /// <summary>The names a block binds itself: a lambda's parameter, a local, a pattern's, a loop's, an assignment's target.</summary>
    private static HashSet<string> Bound(CompilationUnitSyntax root) =>
        root.DescendantNodes().Select(n => n switch
        {
            ParameterSyntax p => p.Identifier.ValueText,
            VariableDeclaratorSyntax v => v.Identifier.ValueText,
            SingleVariableDesignationSyntax d => d.Identifier.ValueText,
            ForEachStatementSyntax f => f.Identifier.ValueText,
            // 'routeConfig = routeConfig.WithTransformPathPrefix(…)' declares nothing: the receiver is reassigned from its own call.
            AssignmentExpressionSyntax { Left: IdentifierNameSyntax target } assignment
                when !FromItself(target.Identifier.ValueText, assignment.Right) => target.Identifier.ValueText,
            _ => null,
        }).OfType<string>().ToHashSet(StringComparer.Ordinal);
}
