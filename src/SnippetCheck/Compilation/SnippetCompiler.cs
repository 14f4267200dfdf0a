using System.Collections.Immutable;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using SnippetCheck.Extraction;
using SnippetCheck.Model;
using RoslynSeverity = Microsoft.CodeAnalysis.DiagnosticSeverity;

namespace SnippetCheck.Compilation;

/// <summary>Compiles programs with Roslyn in the tool's own process.</summary>
internal static class SnippetCompiler
{
    /// <summary>Every snippet assembly has this name; each is loaded into its own context, so they never meet.</summary>
    internal const string AssemblyName = "Snippet";

    private static readonly ConditionalWeakTable<object, CSharpCompilation> Bases = new();

    /// <summary>
    /// An empty compilation over a set of references, shared by every compilation against the same set.
    /// Compilations derived from it keep its reference manager, so the ~160 framework reference assemblies
    /// are bound once per process instead of once per snippet (the same assembly name is what allows that).
    /// </summary>
    public static CSharpCompilation BaseFor(ImmutableArray<MetadataReference> references)
    {
        // ImmutableArray is a struct; key on its underlying array so equal sets from one source share a base.
        var key = (object?)ImmutableCollectionsMarshal.AsArray(references) ?? Array.Empty<MetadataReference>();
        return Bases.GetValue(key, _ => CSharpCompilation.Create(AssemblyName, [], references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)));
    }

    /// <summary>
    /// Compiles and emits a one-line program against <paramref name="settings"/>' references, so that Roslyn's first
    /// compilation (binding the reference assemblies into the shared base, and the compiler's own first-use costs)
    /// happens while the documents are still being read, not after. Nothing depends on it: a snippet compiled
    /// before it finishes simply pays those costs itself.
    /// </summary>
    internal static void WarmUp(CompileSettings settings)
    {
        var tree = CSharpSyntaxTree.ParseText("System.Console.WriteLine(1);", settings.ParseOptions);
        var compilation = BaseFor(settings.References).WithOptions(OptionsFor(settings, OutputKind.ConsoleApplication)).AddSyntaxTrees(tree);
        _ = Emit(compilation, CancellationToken.None);
    }

    /// <summary>
    /// Compiles <paramref name="source"/>, made from <paramref name="parts"/>, and reports what the compiler's own users
    /// would see: like csc, only the syntax errors when there are any (binding broken code only adds noise).
    /// </summary>
    /// <param name="capture">For <c>render</c>: notes each identifier from this compilation's semantic models, once it is done.</param>
    /// <param name="check">For a <c>check</c> block: which of its errors are unknown names, and what in it binds.</param>
    /// <param name="bindPastSyntax">For a <c>compile-fail</c> block that lists IDs: the errors binding finds beside syntax errors.</param>
    internal static CompilationResult Compile(
        AssembledSource source, IReadOnlyList<ParsedPart> parts, CompileSettings settings, CancellationToken cancellationToken = default,
        Compilation.SemanticCapture? capture = null, CheckScope? check = null, bool bindPastSyntax = false)
    {
        var clock = Stopwatch.StartNew();
        var lineToPart = parts
            .SelectMany(p => p.Part.Lines.Where(l => !l.Generated).Select(l => (Key: (p.Part.File, l.Line), Value: (p.Part.Id, Line: l))))
            .GroupBy(x => x.Key)
            .ToDictionary(g => g.Key, g => g.First().Value);

        var syntax = source.Trees.SelectMany(t => t.GetDiagnostics(cancellationToken)).ToList();
        if (syntax.Any(d => d.Severity == RoslynSeverity.Error))
        {
            // Each part parsed on its own is the file csc would parse: its syntax errors, at exactly csc's positions
            // (the parser pins some, such as CS8635 on '...', to trivia that a '#line' directive would shift).
            var own = parts.SelectMany(p => p.Tree.GetDiagnostics(cancellationToken).Select(d => MapOwn(d, p))).ToList();
            var reported = own.Any(d => d.Severity == Model.DiagnosticSeverity.Error) ? own : Mapped(syntax, lineToPart);
            // Broken code still binds: a reader's page colours its names as the compiler saw them.
            capture?.Collect(BaseFor(settings.References).WithOptions(OptionsFor(settings, OutputKind.DynamicallyLinkedLibrary)).AddSyntaxTrees(
                source.Trees),
                source.Trees, parts, cancellationToken);
            return new CompilationResult(false, null, source.IsExecutable,
                [.. reported.DistinctBy(d => d.Identity).OrderBy(d => d.Location?.Line ?? 0).ThenBy(d => d.Location?.Column ?? 0)], clock.Elapsed)
            {
                PastSyntax = bindPastSyntax ? BoundPastSyntax(source, settings, lineToPart, cancellationToken) : [],
            };
        }

        var (compilation, image, diagnostics) = EmitProgram(source, settings, cancellationToken);
        var success = !diagnostics.Any(d => d.Severity == RoslynSeverity.Error);
        capture?.Collect(compilation, source.Trees, parts, cancellationToken);
        var internalMembers = success || !parts.Any(p => p.Part.File.EndsWith(".cs", StringComparison.OrdinalIgnoreCase))
            ? []
            : InternalMemberErrors(compilation, diagnostics, cancellationToken);
        var tests = success ? TestMethods.Find(compilation, source.Trees, l => Locate(l, lineToPart), cancellationToken) : [];
        if (check is null) return new CompilationResult(
            success, image, source.IsExecutable, Mapped(diagnostics, lineToPart, internalMembers), clock.Elapsed) { Tests = tests };
        var ownErrors = diagnostics.Where(d => d.Severity == RoslynSeverity.Error && Map(d, lineToPart).PartId == check.PartId).ToList();
        var unknown = CheckLevel.UnknownNames(compilation, settings.References, ownErrors, check, cancellationToken);
        bool InBlock(SyntaxNode node) => IsInPart(node, check.PartId, lineToPart, cancellationToken);
        // A hole's filler is written with every character at its dots' column: code that starts there is the tool's, not the author's.
        bool IsFiller(SyntaxNode node) => check.Holes is { Count: > 0 } holes && Locate(node.GetLocation(), lineToPart).Location is { } at
            && holes.Any(h => h.Line == at.Line && h.Column == at.Column);
        // What the compiler left unbound is looked up too: a renamed API there must fail as it would anywhere else.
        var unbound = success ? []
            : CheckLevel.Unbound(compilation, source.Trees, InBlock, settings.References, ownErrors, check, cancellationToken).ToList();
        foreach (var (diagnostic, name) in unbound.Where(u => u.Tolerated is not null)) unknown[diagnostic] = name!;
        return new CompilationResult(
            success, image, source.IsExecutable, Mapped([.. diagnostics, .. unbound.Select(u => u.Diagnostic)], lineToPart, internalMembers, unknown),
            clock.Elapsed)
        {
            Evidence = CheckLevel.Evidence(
                compilation, source.Trees, InBlock, IsFiller, n => Locate(n.GetLocation(), lineToPart).Location, cancellationToken),
            Holes = check.Holes ?? [],
        };
    }

    /// <summary>The program compiled and emitted, with what the framework's source generators write for it.</summary>
    private static (CSharpCompilation Compilation, byte[]? Image, ImmutableArray<Microsoft.CodeAnalysis.Diagnostic> Diagnostics) EmitProgram(
        AssembledSource source, CompileSettings settings, CancellationToken cancellationToken)
    {
        var options = OptionsFor(settings, source.IsExecutable ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary);
        // The framework's source generators fill the program's partials, as 'dotnet run' has them do.
        var (compilation, generatorDiagnostics) = SourceGenerators.Run(
            BaseFor(settings.References).WithOptions(options).AddSyntaxTrees(source.Trees), settings, cancellationToken);
        // Always emit: some errors (CS4007, a span across an await) only appear while generating code,
        // so GetDiagnostics alone would let a broken 'compile' snippet pass.
        var (image, emitted) = Emit(compilation, cancellationToken);
        return (compilation, image, generatorDiagnostics.AddRange(emitted));
    }

    /// <summary>The errors of the declaration and method-body stages of a program that has syntax errors: what csc does not reach.</summary>
    private static List<CompilerDiagnostic> BoundPastSyntax(
        AssembledSource source, CompileSettings settings, Dictionary<(string, int), (int Part, CodeLine Line)> lineToPart,
        CancellationToken cancellationToken)
    {
        var options = OptionsFor(settings, source.IsExecutable ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary);
        var compilation = BaseFor(settings.References).WithOptions(options).AddSyntaxTrees(source.Trees);
        return [.. Mapped([.. compilation.GetDeclarationDiagnostics(cancellationToken), .. compilation.GetMethodBodyDiagnostics(cancellationToken)],
            lineToPart).Where(d => d.Severity == Model.DiagnosticSeverity.Error)];
    }

    /// <summary>
    /// True when <paramref name="node"/> is the author's text in part <paramref name="partId"/>, not code of the tool's own around it.
    /// </summary>
    private static bool IsInPart(
        SyntaxNode node, int partId, Dictionary<(string, int), (int Part, CodeLine Line)> lineToPart, CancellationToken cancellationToken)
    {
        if (node.SyntaxTree.GetLineVisibility(node.SpanStart, cancellationToken) == LineVisibility.Hidden) return false;
        var span = node.GetLocation().GetMappedLineSpan();
        return span.HasMappedPath && lineToPart.TryGetValue((span.Path, span.StartLinePosition.Line + 1), out var part) && part.Part == partId;
    }

    /// <summary>
    /// The CS0117 and CS1061 errors that name an internal member: the same compilation, importing the references'
    /// internal members too, gives CS0122 ("inaccessible due to its protection level") at that place. Only a failed
    /// doc-comment example pays for this second binding, and only when it has such an error.
    /// </summary>
    private static HashSet<Microsoft.CodeAnalysis.Diagnostic> InternalMemberErrors(
        CSharpCompilation compilation, ImmutableArray<Microsoft.CodeAnalysis.Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var missing = diagnostics.Where(d => d.Id is "CS0117" or "CS1061" && d.Location.IsInSource).ToList();
        if (missing.Count == 0) return [];
        var widened = compilation.WithOptions(compilation.Options.WithMetadataImportOptions(MetadataImportOptions.Internal));
        var inaccessible = widened.GetDiagnostics(cancellationToken).Where(d => d.Id == "CS0122" && d.Location.IsInSource).ToList();
        return [.. missing.Where(
            m => inaccessible.Any(
                i => i.Location.SourceTree == m.Location.SourceTree && i.Location.SourceSpan.IntersectsWith(m.Location.SourceSpan)))];
    }

    /// <summary>A diagnostic of a part parsed on its own, at its document line and column.</summary>
    private static CompilerDiagnostic MapOwn(Microsoft.CodeAnalysis.Diagnostic diagnostic, ParsedPart part)
    {
        var severity = diagnostic.Severity == RoslynSeverity.Error ? Model.DiagnosticSeverity.Error : Model.DiagnosticSeverity.Warning;
        var span = diagnostic.Location.GetLineSpan();
        var lines = part.Part.Lines;
        SourceLocation? At(Microsoft.CodeAnalysis.Text.LinePosition position) =>
            lines.Count == 0 ? null : lines[Math.Min(position.Line, lines.Count - 1)] is var line
            ? new SourceLocation(part.Part.File, line.Line, line.ColumnAt(position.Character)) : null;
        return new CompilerDiagnostic(
            diagnostic.Id, severity, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), At(span.StartLinePosition),
            part.Part.Id)
        {
            End = At(span.EndLinePosition),
        };
    }

    private static List<CompilerDiagnostic> Mapped(
        IEnumerable<Microsoft.CodeAnalysis.Diagnostic> diagnostics, Dictionary<(string, int), (int Part, CodeLine Line)> lineToPart,
        IReadOnlySet<Microsoft.CodeAnalysis.Diagnostic>? internalMembers =
        null, IReadOnlyDictionary<Microsoft.CodeAnalysis.Diagnostic, string>? unknownNames = null) =>
        [.. diagnostics
            .Where(d => d.Severity is RoslynSeverity.Error or RoslynSeverity.Warning)
            .Select(d => Map(d, lineToPart) with { NamesInternalMember = internalMembers?.Contains(d) == true, UnknownName =
                unknownNames?.GetValueOrDefault(d) })
            .DistinctBy(d => d.Identity)
            .OrderBy(d => d.Location?.Line ?? 0).ThenBy(d => d.Location?.Column ?? 0)];

    internal static CSharpCompilationOptions OptionsFor(CompileSettings settings, OutputKind kind) =>
        new CSharpCompilationOptions(
                kind,
                nullableContextOptions: settings.Nullable,
                allowUnsafe: settings.AllowUnsafe,
                optimizationLevel: settings.OptimizationLevel,
                generalDiagnosticOption: settings.WarningsAsErrors ? ReportDiagnostic.Error : ReportDiagnostic.Default,
                warningLevel: settings.WarningLevel,
                concurrentBuild: false,
                deterministic: true)
            // CS8019/CS0105 about duplicate or unneeded usings make no sense for hoisted ones. CS1701/CS1702 (a package
            // built against an older framework) are the .NET SDK's default NoWarn: 'dotnet run' never shows them. Then
            // the settings' own noWarn.
            .WithSpecificDiagnosticOptions(
                ((string[])["CS8019", "CS0105", "CS1701", "CS1702", .. settings.NoWarn.Select(id => id.ToUpperInvariant())])
                .Distinct().Select(id => KeyValuePair.Create(id, ReportDiagnostic.Suppress)));

    /// <summary>The assembly with an embedded PDB (null when it has errors), and every diagnostic.</summary>
    internal static (byte[]? Image, ImmutableArray<Microsoft.CodeAnalysis.Diagnostic> Diagnostics) Emit(
        CSharpCompilation compilation, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream();
        var emitted = compilation.Emit(stream, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.Embedded),
            cancellationToken: cancellationToken);
        return (emitted.Success ? stream.ToArray() : null, emitted.Diagnostics);
    }

    /// <summary>The author's line and column of a place in the program, and the part it lies in; nulls in code of the tool's own.</summary>
    private static (SourceLocation? Location, int? PartId) Locate(Location location, Dictionary<(string, int), (int Part, CodeLine Line)> lineToPart)
    {
        var span = location.GetMappedLineSpan();
        if (!span.HasMappedPath || !lineToPart.TryGetValue((span.Path, span.StartLinePosition.Line + 1), out var part)) return (null, null);
        var column = span.StartLinePosition.Character + 1;
        if (part.Line.SourceColumns is not null) column = part.Line.ColumnAt(column - part.Line.Column);
        return (new SourceLocation(span.Path, span.StartLinePosition.Line + 1, column), part.Part);
    }

    private static CompilerDiagnostic Map(
        Microsoft.CodeAnalysis.Diagnostic diagnostic, Dictionary<(string, int), (int Part, CodeLine Line)> lineToPart)
    {
        var severity = diagnostic.Severity == RoslynSeverity.Error ? Model.DiagnosticSeverity.Error : Model.DiagnosticSeverity.Warning;
        var message = Execution.WrapperNames.Strip(diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture))!;
        if (diagnostic.Location.IsInSource)
        {
            var span = diagnostic.Location.GetMappedLineSpan();
            if (span.HasMappedPath)
            {
                var line = span.StartLinePosition.Line + 1;
                var column = span.StartLinePosition.Character + 1;
                var known = lineToPart.TryGetValue((span.Path, line), out var part);
                // A doc comment's line read '&lt;' as '<': its #line mapping counts unescaped characters, the file does not.
                if (known && part.Line.SourceColumns is not null) column = part.Line.ColumnAt(column - part.Line.Column);
                var endLine = span.EndLinePosition.Line + 1;
                var endColumn = span.EndLinePosition.Character + 1;
                if (lineToPart.TryGetValue((span.Path, endLine), out var endPart) && endPart.Line.SourceColumns is not null)
                    endColumn = endPart.Line.ColumnAt(endColumn - endPart.Line.Column);
                return new CompilerDiagnostic(diagnostic.Id, severity, message,
                    new SourceLocation(span.Path, line, column), known ? part.Part : null)
                {
                    End = new SourceLocation(span.Path, endLine, endColumn),
                };
            }
        }
        return new CompilerDiagnostic(diagnostic.Id, severity, message, null, null);
    }
}
