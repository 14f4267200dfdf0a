using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SnippetCheck.Adoption.Inference;
using SnippetCheck.Compilation;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Unit.Adoption.Inference;

/// <summary>
/// Issue 77: a parser-combinator library's docs (Parlot's parsers.md, 101 blocks) say at the top "you must add the following
/// import statements" and show <c>using static Parlot.Fluent.Parsers;</c> once; every later block writes <c>Terms.Text("a")</c>
/// or <c>ZeroOrOne(…)</c> bare. Adopt guessed <c>using static</c> only for <c>System.Console</c> and <c>System.Math</c>, so 99 of the
/// page's blocks stayed "'Terms' is declared nowhere". A class the page itself imports with <c>using static</c> is a home too:
/// the page said so; a static class it never imports still is not (a guess among namesakes would be a coin toss).
/// </summary>
public sealed class PageStaticImportsTests
{
    private const string Library = """
        namespace Acme.Parsing
        {
            public sealed class Parser<T> { public T Parse(string text) => default!; }
            public sealed class TermBuilder { public Parser<string> Text(string text) => new(); }
            public static class Parsers
            {
                public static TermBuilder Terms => new();
                public static Parser<T> ZeroOrOne<T>(Parser<T> parser) => parser;
            }
        }
        """;

    [Theory]
    [InlineData("var parser = Terms.Text(\"hello\");\n", "CS0103")]
    [InlineData("var parser = ZeroOrOne(Terms.Text(\"hello\"));\n", "CS0103")]
    public void A_name_of_a_class_the_page_imports_with_using_static_gets_that_using(string block, string id)
    {
        var references = References();
        var document = Pipeline.Read(
            $"# Parsers\n\n> Add these imports:\n> ```csharp\n> using Acme.Parsing;\n> using static Acme.Parsing.Parsers;\n> ```\n\n```csharp\n{block}```\n");
        var snippet = document.Snippets[1];

        var guess = UsingInference.For(document, snippet, Errors(block, references, snippet, id), references, [], CSharpParseOptions.Default);

        Assert.NotNull(guess);
        Assert.Equal(["static Acme.Parsing.Parsers"], guess.Usings);
    }

    [Fact]
    public void A_static_class_the_page_never_imports_is_no_home()
    {
        var references = References();
        const string Block = "var parser = Terms.Text(\"hello\");\n";
        var document = Pipeline.Read($"# Parsers\n\n```csharp\nusing Acme.Parsing;\n```\n\n```csharp\n{Block}```\n");
        var snippet = document.Snippets[1];

        var guess = UsingInference.For(document, snippet, Errors(Block, references, snippet, "CS0103"), references, [], CSharpParseOptions.Default);

        Assert.Null(guess);
    }

    private static System.Collections.Immutable.ImmutableArray<MetadataReference> References()
    {
        var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "Acme.Parsing.dll");
        var emitted = CSharpCompilation.Create("Acme.Parsing", [CSharpSyntaxTree.ParseText(Library)], ReferenceAssemblies.Default,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)).Emit(path);
        Assert.True(emitted.Success, string.Join('\n', emitted.Diagnostics));
        return ReferenceAssemblies.Default.Add(MetadataReference.CreateFromImage(File.ReadAllBytes(path)));
    }

    /// <summary>The compiler's own errors for the block, as a trial reports them, all at the block's place.</summary>
    private static List<SnippetCheck.Model.Diagnostic> Errors(
        string block, System.Collections.Immutable.ImmutableArray<MetadataReference> references, SnippetCheck.Extraction.Snippets.Snippet snippet, string id)
    {
        var errors = CSharpCompilation.Create("block", [CSharpSyntaxTree.ParseText(block)], references,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication)).GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.Equal(id, e.Id));
        return [.. errors.Select(e =>
        {
            var at = e.Location.GetLineSpan().StartLinePosition;
            var line = snippet.Block.Lines[at.Line];
            return new SnippetCheck.Model.Diagnostic(e.Id, SnippetCheck.Model.DiagnosticSeverity.Error, e.GetMessage(CultureInfo.InvariantCulture),
                snippet.Location with { Line = line.Line, Column = line.Column + at.Character });
        })];
    }
}

/// <summary>
/// The package half of <see cref="PageStaticImportsTests"/>: Parlot's <c>Terms</c> is no type, so the package "declared" none of
/// the block's unknown names and was never tried for it ("'Literals' is declared nowhere … (Parlot.Fluent, Parlot, …)"). A
/// member of a class the page imports with <c>using static</c> is the package's; one of a class the page does not import is not.
/// </summary>
public sealed class PageStaticImportsDeclaresTests
{
    [Fact]
    public void A_package_declares_the_members_of_a_static_class_the_page_imports_and_no_others()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "Acme.Parsing.dll");
        const string Library = "namespace Acme.Parsing { public class TermBuilder { } public static class Parsers { public static TermBuilder Terms => new(); } "
            + "public static class Other { public static int Create() => 1; } }";
        var emitted = CSharpCompilation.Create("Acme.Parsing", [CSharpSyntaxTree.ParseText(Library)], ReferenceAssemblies.Default,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)).Emit(path);
        Assert.True(emitted.Success, string.Join('\n', emitted.Diagnostics));
        var package = new SnippetCheck.Adoption.Inference.Packages.PackageInference.Found(
            new SnippetCheck.Model.PackageRequest("Acme.Parsing", "1.0.0", default), new HashSet<string> { "TermBuilder" }, [path])
        { References = [MetadataReference.CreateFromFile(path)] };
        var importing = Pipeline.Read("# P\n\n```csharp\nusing static Acme.Parsing.Parsers;\n```\n\n```csharp\nvar t = Terms;\n```\n");
        var silent = Pipeline.Read("# P\n\n```csharp\nvar t = Terms;\n```\n");

        Assert.True(SnippetCheck.Adoption.Inference.Packages.PageStaticImports.Declares(package, importing, ["Terms"]));
        Assert.False(SnippetCheck.Adoption.Inference.Packages.PageStaticImports.Declares(package, importing, ["Create"]));
        Assert.False(SnippetCheck.Adoption.Inference.Packages.PageStaticImports.Declares(package, silent, ["Terms"]));
    }
}
