using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SnippetCheck.Results;

/// <summary>What makes a run's failure no claim of the post's (no rot): the text says it fails, a menu, a task left running.</summary>
internal static partial class RotEvidence
{
    /// <summary>
    /// The text says the code throws, fails or is wrong ("will fail with", "throws", "you would get the following
    /// exception", "this does not compile", <c>// Invalid</c>): what it shows is meant.
    /// </summary>
    internal static bool SaysItFails(string text) => ThrowWords().IsMatch(text);

    /// <summary>
    /// A menu of alternative assertions (<c>x.Should().Be(1); x.Should().NotBe(1);</c>, <c>Assert.Equal(1, x);
    /// Assert.NotEqual(1, x);</c>): two assertion statements or more of which two assert on the same thing. Such a block
    /// lists what one may write; run as one program, one of them fails by design.
    /// </summary>
    internal static bool IsMenuOfAssertions(string code)
    {
        var subjects = Statements(code).Select(Subject).OfType<string>().ToList();
        return subjects.Count >= 2 && subjects.GroupBy(s => s, StringComparer.Ordinal).Any(g => g.Count() >= 2);
    }

    /// <summary>
    /// What an assertion statement asserts on: the text before <c>.Should()</c>, or an <c>Assert.X</c> call's arguments;
    /// null for another statement.
    /// </summary>
    private static string? Subject(ExpressionStatementSyntax statement)
    {
        var text = statement.Expression.ToString();
        var should = text.IndexOf(".Should()", StringComparison.Ordinal);
        if (should > 0) return text[..should].Trim();
        return statement.Expression is InvocationExpressionSyntax
        {
            Expression: MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "Assert" or "ClassicAssert" } },
        } call
            ? string.Join(',', call.ArgumentList.Arguments.Select(a => a.ToString()).Order(StringComparer.Ordinal))
            : null;
    }

    /// <summary>
    /// A statement that starts a task and never waits for it (<c>client.SendAsync(m);</c>, <c>_ = Task.Run(…);</c>): what it
    /// throws, it throws after the block has moved on, which is no claim of the block's.
    /// </summary>
    internal static bool LeavesATaskUnawaited(string code) => Statements(code).Any(s => s.Expression switch
    {
        InvocationExpressionSyntax call => StartsATask(call),
        AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: "_" }, Right: InvocationExpressionSyntax call } =>
            StartsATask(call),
        _ => false,
    });

    /// <summary>
    /// A <c>TaskCompletionSource</c> the block makes and never completes (no <c>SetResult</c>, <c>TrySetException</c>, …
    /// on it): a wait on its task times out by design, as a page on time-outs shows (<c>await
    /// tcs.Should().CompleteWithinAsync(1.Seconds())</c>), which is no claim that the wait succeeds.
    /// </summary>
    internal static bool WaitsOnATaskNothingCompletes(string code)
    {
        var root = CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(LanguageVersion.Preview)).GetRoot();
        var sources = root.DescendantNodes().OfType<VariableDeclaratorSyntax>()
            .Where(v => v.Initializer?.Value is BaseObjectCreationExpressionSyntax creation
                && MadeType(creation, v) is { } made && made.StartsWith("TaskCompletionSource", StringComparison.Ordinal))
            .Select(v => v.Identifier.ValueText).ToList();
        var completed = root.DescendantNodes().OfType<MemberAccessExpressionSyntax>()
            .Where(m => m.Expression is IdentifierNameSyntax && m.Name.Identifier.ValueText is var name
                && (name.StartsWith("Set", StringComparison.Ordinal) || name.StartsWith("TrySet", StringComparison.Ordinal)))
            .Select(m => ((IdentifierNameSyntax)m.Expression).Identifier.ValueText).ToHashSet(StringComparer.Ordinal);
        return sources.Any(s => !completed.Contains(s));
    }

    /// <summary>The type a <c>new</c> makes: its own, or the declared one of a target-typed <c>new()</c>.</summary>
    private static string? MadeType(BaseObjectCreationExpressionSyntax creation, VariableDeclaratorSyntax variable) =>
        creation is ObjectCreationExpressionSyntax { Type: var type }
            ? type.ToString() : (variable.Parent as VariableDeclarationSyntax)?.Type.ToString();

    /// <summary>
    /// A <c>UriFormatException</c> of a <c>new Uri("address")</c> whose text has no scheme: the post's placeholder for an
    /// address the reader fills in (<c>"queue-name"</c>), not a claim that the code runs as written.
    /// </summary>
    internal static bool IsAPlaceholderAddress(string message, string code) =>
        message.Contains("UriFormatException", StringComparison.Ordinal) && SchemelessUri().IsMatch(code);

    /// <summary>
    /// The run threw for what the reader's machine has and the run's did not (a server, the network): an exception of
    /// <see cref="EnvironmentExceptions"/> anywhere in the chain, as a driver's own exception wraps the socket's failure
    /// (<c>NpgsqlException: Failed to connect</c> over <c>SocketException</c>). Types only: a frame or message naming one is no failure of it.
    /// </summary>
    internal static bool ThrownForTheEnvironment(SnippetResult failed) =>
        (failed.Verdict as Verdict.Failed)?.Failure is ExceptionFailure failure
        && InnerException().Matches(failure.Trace ?? "").Select(m => m.Groups["type"].Value).Prepend(failure.Type)
            .Any(type => EnvironmentExceptions.Contains(type.Split('.')[^1], StringComparer.Ordinal));

    /// <summary>
    /// The run threw inside a package's own code for no argument of the block's: the throwing frame is neither the post's
    /// (<c>Program</c>, a type the block declares, a Markdown file) nor the framework's (<c>System.*</c>, <c>Microsoft.*</c>), the
    /// exception is not one a bad argument draws (<c>ArgumentException</c>, <c>FormatException</c>, …), and the block passes no
    /// <c>null</c>. On a page that names a service the library needs (<see cref="NamesAService"/>) this is the machine's lack:
    /// Testcontainers' <c>ExposeHostPortsAsync</c> throws a <c>NullReferenceException</c> where no Docker endpoint exists.
    /// </summary>
    internal static bool ThrownInsideALibrary(SnippetResult failed)
    {
        if ((failed.Verdict as Verdict.Failed)?.Failure is not ExceptionFailure failure || ArgumentExceptions.Contains(failure.Type.Split('.')[^1])
            || FirstFrame().Match(failure.Trace ?? "") is not { Success: true } frame) return false;
        var code = string.Join('\n', failed.Snippet.Code.Select(l => l.Text));
        if (NullArgument().IsMatch(code)) return false;
        var method = frame.Groups["method"].Value;
        var declared = DeclaredNames(code);
        return !method.StartsWith("Program.", StringComparison.Ordinal) && !method.StartsWith("System.", StringComparison.Ordinal)
            && !method.StartsWith("Microsoft.", StringComparison.Ordinal) && !method.Split('.').Any(declared.Contains)
            && !frame.Groups["file"].Value.EndsWith(".md", StringComparison.OrdinalIgnoreCase)
            && !frame.Groups["file"].Value.EndsWith(".markdown", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// A throw inside the library's own code (<see cref="ThrownInsideALibrary"/>) on a page that names a service the library
    /// needs (Docker, a database, a server): the sandbox lacks the service, so the run says nothing of the text. Adopt's rot
    /// report and <c>verify --all</c>'s hint (SC2016) both leave it out; adopt still tags the block what its compile shows.
    /// </summary>
    internal static bool ThrownForAServiceThePageNames(SuspectedRot rot, string pageText, SnippetResult failed) =>
        rot.Evidence == Throws && ThrownInsideALibrary(failed) && NamesAService(pageText);

    /// <summary>A page that names an external service a library may need and the sandbox has not: Docker, a database, a server.</summary>
    internal static bool NamesAService(string text) => ExternalService().IsMatch(text);

    /// <summary>What a library throws for a bad argument of the caller's: the block's own, so still rot.</summary>
    private static readonly HashSet<string> ArgumentExceptions = new(StringComparer.Ordinal)
    {
        "ArgumentException", "ArgumentNullException", "ArgumentOutOfRangeException", "FormatException", "UriFormatException",
        "InvalidCastException", "OverflowException", "IndexOutOfRangeException", "KeyNotFoundException",
    };

    /// <summary>
    /// The block passes a string that is all placeholder (<c>new NpgsqlDataSourceBuilder("&lt;connection string&gt;")</c>):
    /// the reader fills it in, so what the run does with the placeholder is no claim of the text.
    /// </summary>
    internal static bool PassesAPlaceholder(string code) => PlaceholderString().IsMatch(code);

    private static bool StartsATask(InvocationExpressionSyntax call)
    {
        var name = call.Expression switch
        {
            MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            _ => "",
        };
        return name.EndsWith("Async", StringComparison.Ordinal) || call.Expression.ToString() is "Task.Run" or "Task.Factory.StartNew";
    }

    private static IEnumerable<ExpressionStatementSyntax> Statements(string code) =>
        CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(LanguageVersion.Preview)).GetRoot().DescendantNodes()
            .OfType<ExpressionStatementSyntax>();
}
