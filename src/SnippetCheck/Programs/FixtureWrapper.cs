using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SnippetCheck.Extraction;

namespace SnippetCheck.Programs;

/// <summary>
/// A fixture page (config or front matter <c>fixture: true</c>) is one public class, as the docs' own test class is:
/// <c>public partial class Program</c>. A block without statements is its members (<see cref="MemberWrapper"/>); a
/// block of statements becomes an instance method of it, <c>__Block</c><i>i</i>, on hidden lines around the author's,
/// so every line keeps its document line and column. <see cref="Main"/> runs each such method in document order on a
/// fresh instance, after the class's setup (its constructor, <c>[SetUp]</c>, <c>[TestInitialize]</c>) and before its
/// teardown (<c>[TearDown]</c>, <c>[TestCleanup]</c>, <c>Dispose</c>), as a test framework runs a test.
/// </summary>
internal static class FixtureWrapper
{
    private const string Helper = "__SnippetCheckFixture";

    /// <summary>The block's lines as a method of the page's class, and the method's name.</summary>
    public static (IReadOnlyList<CodeLine> Lines, string Method) WrapStatements(IReadOnlyList<CodeLine> lines, int partId, CSharpParseOptions options)
    {
        var text = string.Join('\n', lines.Select(l => l.Text));
        var root = CSharpSyntaxTree.ParseText(text, options).GetCompilationUnitRoot();
        var fileLevel = root.Externs.Cast<SyntaxNode>().Concat(root.Usings).Select(n => n.Span.End).DefaultIfEmpty(-1).Max();
        var openBefore = fileLevel < 0 ? 0 : root.SyntaxTree.GetLineSpan(new(fileLevel, 0)).StartLinePosition.Line + 1;
        // 'async' only where the block awaits: an async method without an await is a warning the author never wrote.
        var awaits = root.DescendantNodes().Any(n => n is AwaitExpressionSyntax)
            || root.DescendantTokens().Any(t => t.IsKind(SyntaxKind.AwaitKeyword));
        // The entry point awaits what an async method returns (FixtureWrapper.Main reads the suffix).
        var method = awaits ? $"__Block{partId}Async" : $"__Block{partId}";
        var signature = awaits ? $"public async global::System.Threading.Tasks.Task {method}() {{" : $"public void {method}() {{";
        var anchor = lines.Count == 0 ? new CodeLine("", 1, 1) : lines[Math.Min(openBefore, lines.Count - 1)];
        var last = lines.Count == 0 ? anchor : lines[^1];
        return (
        [
            .. lines.Take(openBefore),
            Generated($"public partial class {MemberWrapper.ProgramClass} {{", anchor),
            Generated(signature, anchor),
            .. lines.Skip(openBefore),
            Generated("}", last),
            Generated("}", last),
        ], method);
    }

    /// <summary>
    /// True when the block reads as members of a class (fields, methods, <c>[Test]</c> methods, types) with no syntax
    /// error: on a fixture page it is members of the page's class; otherwise its statements make a method.
    /// </summary>
    public static bool AreMembers(IReadOnlyList<CodeLine> lines, CSharpParseOptions options)
    {
        var root = CSharpSyntaxTree.ParseText(string.Join('\n', lines.Select(l => l.Text)), options).GetCompilationUnitRoot();
        if (!root.Members.OfType<GlobalStatementSyntax>().Any()) return true;
        var body = root.Members.Select(m => m.ToFullString());
        var asClass = CSharpSyntaxTree.ParseText("class C {\n" + string.Concat(body) + "\n}", options);
        // 'var x = 1;' parses as a field too, but no field can be 'var' (CS0825): such a block is statements.
        return !asClass.GetDiagnostics().Any(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error)
            && !asClass.GetRoot().DescendantNodes().OfType<FieldDeclarationSyntax>().Any(f => f.Declaration.Type.IsVar);
    }

    private static CodeLine Generated(string text, CodeLine beside) => new(text, beside.Line, 1) { Generated = true };

    /// <summary>
    /// The page's entry point: each statement block's method in order, each marked as its block (so that its output is its
    /// own), on a fresh instance between setup and teardown. Setup and teardown are found by their attributes' names, as
    /// the docs' test framework would find them; none is needed.
    /// </summary>
    public static string Main(IReadOnlyList<(int Id, string Method)> blocks, bool markBlocks) =>
        "#line hidden\n#nullable disable\n" +
        $"public partial class {MemberWrapper.ProgramClass}\n{{\n" +
        "    static async global::System.Threading.Tasks.Task Main()\n    {\n" +
        string.Concat(blocks.Select(b => $"        await global::{Helper}.Run({(markBlocks ? b.Id : -1)}, " +
            (b.Method.EndsWith("Async", StringComparison.Ordinal) ? $"p => p.{b.Method}());\n" : $"p => {{ p.{b.Method}(); return null; }});\n"))) +
        "    }\n}\n" +
        $"internal static class {Helper}\n{{\n" +
        $"    internal static async global::System.Threading.Tasks.Task Run(int block, global::System.Func<{MemberWrapper.ProgramClass}, object> " +
        $"body)\n    {{\n" +
        $"        if (block >= 0 && global::System.AppContext.GetData(\"{Execution.RunnerProtocol.EnterBlockKey}\") is global::System.Action<int> " +
        $"enter) enter(block);\n" +
        $"        var page = new {MemberWrapper.ProgramClass}();\n" +
        "        await Call(page, \"SetUpAttribute\", \"TestInitializeAttribute\");\n" +
        "        try\n        {\n" +
        "            if (body(page) is global::System.Threading.Tasks.Task task) await task;\n" +
        "        }\n        finally\n        {\n" +
        "            await Call(page, \"TearDownAttribute\", \"TestCleanupAttribute\");\n" +
        "            if (page is global::System.IAsyncDisposable asyncDisposable) await asyncDisposable.DisposeAsync();\n" +
        "            else if (page is global::System.IDisposable disposable) disposable.Dispose();\n" +
        "        }\n    }\n" +
        "    private static async global::System.Threading.Tasks.Task Call(object page, string first, string second)\n    {\n" +
        "        foreach (var method in page.GetType().GetMethods(global::System.Reflection.BindingFlags.Instance | " +
        "global::System.Reflection.BindingFlags.Public | global::System.Reflection.BindingFlags.NonPublic))\n" +
        "        {\n" +
        "            var marked = false;\n" +
        "            foreach (var attribute in method.GetCustomAttributes(true)) { var name = attribute.GetType().Name; if (name == first || name " +
        "== second) marked = true; }\n" +
        "            if (!marked) continue;\n" +
        "            try { if (method.Invoke(page, null) is global::System.Threading.Tasks.Task task) await task; }\n" +
        "            catch (global::System.Reflection.TargetInvocationException e) when (e.InnerException is not null) { " +
        "global::System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw(); }\n" +
        "        }\n    }\n}\n";
}
