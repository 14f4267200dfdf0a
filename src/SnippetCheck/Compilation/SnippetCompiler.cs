using System.Collections.Immutable;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using SnippetCheck.Model;
using RoslynSeverity = Microsoft.CodeAnalysis.DiagnosticSeverity;

namespace SnippetCheck.Compilation;

/// <summary>How a program compiles: what a <c>net10.0</c> console project would use, adjusted by tags.</summary>
public sealed record CompileSettings
{
    /// <summary>C# 14, what the SDK gives <c>net10.0</c>; Roslyn's "latest" may be newer.</summary>
    public LanguageVersion LanguageVersion { get; init; } = LanguageVersion.CSharp14;
    public NullableContextOptions Nullable { get; init; } = NullableContextOptions.Enable;
    public bool AllowUnsafe { get; init; }
    public bool WarningsAsErrors { get; init; }
    public IReadOnlyList<string> Usings { get; init; } = DefaultUsings;
    public ImmutableArray<MetadataReference> References { get; init; } = [];

    /// <summary>The implicit usings the SDK gives a console project.</summary>
    public static readonly IReadOnlyList<string> DefaultUsings =
    [
        "System", "System.Collections.Generic", "System.IO", "System.Linq",
        "System.Net.Http", "System.Threading", "System.Threading.Tasks",
    ];

    /// <summary>What the SDK defines for a Debug build of <c>net10.0</c> (what <c>dotnet run</c> builds).</summary>
    public static readonly ImmutableArray<string> PreprocessorSymbols =
    [
        "DEBUG", "TRACE", "NET", "NET10_0", "NETCOREAPP",
        "NET5_0_OR_GREATER", "NET6_0_OR_GREATER", "NET7_0_OR_GREATER", "NET8_0_OR_GREATER",
        "NET9_0_OR_GREATER", "NET10_0_OR_GREATER", "NETCOREAPP3_1_OR_GREATER", "NETCOREAPP3_0_OR_GREATER",
        "NETCOREAPP2_0_OR_GREATER", "NETCOREAPP1_0_OR_GREATER",
    ];

    public CSharpParseOptions ParseOptions => new(LanguageVersion, DocumentationMode.None, SourceCodeKind.Regular, PreprocessorSymbols);
}

/// <summary>A compiler diagnostic, mapped back to the Markdown line and column it came from.</summary>
/// <param name="PartId">The program part (session block or prelude) the location falls in; null when it falls in generated code.</param>
public sealed record CompilerDiagnostic(string Id, Model.DiagnosticSeverity Severity, string Message, SourceLocation? Location, int? PartId);

/// <summary>The result of compiling one program.</summary>
/// <param name="Image">The assembly, with an embedded PDB so stack traces name Markdown lines; null unless emitted.</param>
public sealed record CompilationResult(
    bool Success,
    byte[]? Image,
    bool IsExecutable,
    IReadOnlyList<CompilerDiagnostic> Diagnostics,
    IReadOnlyDictionary<int, PartShape> Shapes,
    TimeSpan Duration)
{
    public IEnumerable<CompilerDiagnostic> Errors => Diagnostics.Where(d => d.Severity == Model.DiagnosticSeverity.Error);
}

/// <summary>Compiles programs with Roslyn in the tool's own process.</summary>
public static class SnippetCompiler
{
    /// <summary>Every snippet assembly has this name; each is loaded into its own context, so they never meet.</summary>
    public const string AssemblyName = "Snippet";

    private static readonly ConditionalWeakTable<object, CSharpCompilation> Bases = new();

    /// <summary>
    /// An empty compilation over a set of references, shared by every compilation against the same set.
    /// Compilations derived from it keep its reference manager, so the ~160 framework reference assemblies
    /// are bound once per process instead of once per snippet (the same assembly name is what allows that).
    /// </summary>
    internal static CSharpCompilation BaseFor(ImmutableArray<MetadataReference> references)
    {
        // ImmutableArray is a struct; key on its underlying array so equal sets from one source share a base.
        var key = (object?)ImmutableCollectionsMarshal.AsArray(references) ?? Array.Empty<MetadataReference>();
        return Bases.GetValue(key, _ => CSharpCompilation.Create(AssemblyName, [], references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)));
    }

    public static CompilationResult Compile(
        IReadOnlyList<CodePart> parts, CompileSettings settings, bool markBlocks, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var source = ProgramBuilder.Build(parts, settings.ParseOptions, settings.Usings, markBlocks);
        var options = OptionsFor(settings, source.HasEntryPoint ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary);
        var compilation = BaseFor(settings.References).WithOptions(options).AddSyntaxTrees(source.Trees);

        // Always emit: some errors (CS4007, a span across an await) only appear while generating code,
        // so GetDiagnostics alone would let a broken 'compile' snippet pass.
        var (image, diagnostics) = Emit(compilation, cancellationToken);

        var lineToPart = parts
            .SelectMany(p => p.Lines.Select(l => (Key: (p.File, l.Line), p.Id)))
            .GroupBy(x => x.Key)
            .ToDictionary(g => g.Key, g => g.First().Id);
        var mapped = diagnostics
            .Where(d => d.Severity is RoslynSeverity.Error or RoslynSeverity.Warning)
            .Select(d => Map(d, lineToPart))
            .Distinct()
            .OrderBy(d => d.Location?.Line ?? 0).ThenBy(d => d.Location?.Column ?? 0)
            .ToList();
        var success = !diagnostics.Any(d => d.Severity == RoslynSeverity.Error);
        return new CompilationResult(success, image, source.HasEntryPoint, mapped, source.Shapes, clock.Elapsed);
    }

    internal static CSharpCompilationOptions OptionsFor(CompileSettings settings, OutputKind kind) =>
        new CSharpCompilationOptions(
                kind,
                nullableContextOptions: settings.Nullable,
                allowUnsafe: settings.AllowUnsafe,
                // Debug code JITs faster, and snippets run once.
                optimizationLevel: OptimizationLevel.Debug,
                generalDiagnosticOption: settings.WarningsAsErrors ? ReportDiagnostic.Error : ReportDiagnostic.Default,
                warningLevel: 10,
                concurrentBuild: false,
                deterministic: true)
            // CS8019/CS0105 about duplicate or unneeded usings make no sense for hoisted ones.
            .WithSpecificDiagnosticOptions([new("CS8019", ReportDiagnostic.Suppress), new("CS0105", ReportDiagnostic.Suppress)]);

    /// <summary>The assembly with an embedded PDB (null when it has errors), and every diagnostic.</summary>
    internal static (byte[]? Image, ImmutableArray<Microsoft.CodeAnalysis.Diagnostic> Diagnostics) Emit(CSharpCompilation compilation, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream();
        var emitted = compilation.Emit(stream, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.Embedded),
            cancellationToken: cancellationToken);
        return (emitted.Success ? stream.ToArray() : null, emitted.Diagnostics);
    }

    private static CompilerDiagnostic Map(Microsoft.CodeAnalysis.Diagnostic diagnostic, Dictionary<(string, int), int> lineToPart)
    {
        var severity = diagnostic.Severity == RoslynSeverity.Error ? Model.DiagnosticSeverity.Error : Model.DiagnosticSeverity.Warning;
        var message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        if (diagnostic.Location.IsInSource)
        {
            var span = diagnostic.Location.GetMappedLineSpan();
            if (span.HasMappedPath)
            {
                var line = span.StartLinePosition.Line + 1;
                var location = new SourceLocation(span.Path, line, span.StartLinePosition.Character + 1);
                return new CompilerDiagnostic(diagnostic.Id, severity, message,
                    location, lineToPart.TryGetValue((span.Path, line), out var part) ? part : null);
            }
        }
        return new CompilerDiagnostic(diagnostic.Id, severity, message, null, null);
    }
}
