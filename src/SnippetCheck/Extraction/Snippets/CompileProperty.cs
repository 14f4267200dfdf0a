using Microsoft.CodeAnalysis.CSharp;

namespace SnippetCheck.Extraction.Snippets;

/// <summary>What a supported <c>#:property</c> sets, typed (<see cref="DirectiveReader.CompileProperties"/>).</summary>
internal abstract record CompileProperty
{
    private CompileProperty()
    {
    }

    internal sealed record LangVersion(LanguageVersion Version) : CompileProperty;

    public sealed record Nullable(Microsoft.CodeAnalysis.NullableContextOptions Options) : CompileProperty;

    internal sealed record AllowUnsafeBlocks(bool Allow) : CompileProperty;

    internal sealed record TreatWarningsAsErrors(bool Treat) : CompileProperty;

    internal sealed record ImplicitUsings(bool Enable) : CompileProperty;

    /// <summary><c>#:property TargetFramework=net8.0</c>: the program verifies on that framework alone, as <c>dotnet run</c> builds it.</summary>
    public sealed record TargetFramework(Model.TargetFramework Framework) : CompileProperty;
}
