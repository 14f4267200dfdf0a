using Microsoft.CodeAnalysis;

namespace SnippetCheck.Compilation;

/// <summary>The result of compiling one program.</summary>
/// <param name="Image">The assembly, with an embedded PDB so stack traces name Markdown lines; null unless emitted.</param>
internal sealed record CompilationResult(
    bool Success,
    byte[]? Image,
    bool IsExecutable,
    IReadOnlyList<CompilerDiagnostic> Diagnostics,
    TimeSpan Duration)
{
    public IEnumerable<CompilerDiagnostic> Errors => Diagnostics.Where(d => d.Severity == Model.DiagnosticSeverity.Error);

    /// <summary>
    /// Compiled for a <c>check</c> block (<see cref="CheckScope"/>): what its own text binds to the framework or a package
    /// (<see cref="CheckLevel.Evidence"/>); null for any other compilation.
    /// </summary>
    public CheckEvidence? Evidence { get; init; }

    /// <summary>
    /// The first of a <c>check</c> block's uses that binds to the framework or a package; null when nothing does, or for any other compilation.
    /// </summary>
    public string? KnownUse => Evidence?.KnownUse;

    /// <summary>
    /// The errors binding finds in a program with syntax errors, which the compiler does not report beside them (csc, and so
    /// <c>dotnet build</c>, stops at syntax errors; an editor and the C# standard's example tester bind on). Bound for a
    /// <c>compile-fail</c> block that lists IDs only (<see cref="Results.Judge.CompileFail"/>); empty for any other compilation.
    /// </summary>
    public IReadOnlyList<CompilerDiagnostic> PastSyntax { get; init; } = [];

    /// <summary>The <c>...</c> placeholders the tool filled in a <c>check</c> block; empty for any other compilation.</summary>
    public IReadOnlyList<Hole> Holes { get; init; } = [];

    /// <summary>The test methods (NUnit, xUnit, MSTest) of a program that compiled, in document order (<see cref="TestMethods"/>).</summary>
    public IReadOnlyList<DeclaredTest> Tests { get; init; } = [];

    /// <summary>The classes whose tests a run runs, each once, in document order.</summary>
    public string[] TestTypes => [.. Tests.Select(t => t.Type).Distinct()];
}
