using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace SnippetCheck.Compilation;

/// <summary>The syntax trees one program compiles from.</summary>
/// <param name="IsExecutable">True when the trees hold top-level statements or a static <c>Main</c>: a console program, else a library.</param>
internal sealed record AssembledSource(ImmutableArray<SyntaxTree> Trees, bool IsExecutable);
