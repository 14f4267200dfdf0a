using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SnippetCheck.Compilation;

/// <summary>
/// Source text as syntax trees, as the compiler stage parses it: exactly as written, or a list of usings made global. The
/// program assembler (<c>Programs.ProgramAssembler</c>) writes a program's trees with these; <c>render</c>'s notes and the
/// tool's own runner parse theirs with them too.
/// </summary>
internal static class SourceTrees
{
    /// <summary><paramref name="usings"/> (namespaces, <c>static</c> or alias forms) as global usings, in a tree of their own.</summary>
    public static SyntaxTree GlobalUsings(
        IReadOnlyList<string> usings, CSharpParseOptions options, string path, CancellationToken cancellationToken = default) =>
        AsWritten(ImplicitUsings(usings, global: true), options, path, cancellationToken);

    /// <summary>
    /// A text compiled exactly as written, with nothing added around it: a fragment <c>render</c> takes notes of
    /// (<see cref="SemanticCapture.CollectUnverified"/>), or a source file of the tool's own runner.
    /// </summary>
    public static SyntaxTree AsWritten(string text, CSharpParseOptions options, string path = "", CancellationToken cancellationToken = default) =>
        CSharpSyntaxTree.ParseText(text, options, path: path, encoding: Encoding.UTF8, cancellationToken: cancellationToken);

    /// <summary>The implicit usings as hidden generated code: global ones, or (before C# 10) plain ones for every tree.</summary>
    public static string ImplicitUsings(IReadOnlyList<string> implicitUsings, bool global)
    {
        var usings = new StringBuilder();
        static string Qualified(string name) => name.StartsWith("global::", StringComparison.Ordinal) ? name : "global::" + name.Trim();
        foreach (var implicitUsing in implicitUsings)
        {
            // A library's Using items may be 'static N.T' or 'Alias = N.T' as well as a namespace.
            var equals = implicitUsing.IndexOf('=');
            var target = implicitUsing.StartsWith("static ", StringComparison.Ordinal) ? "static " + Qualified(implicitUsing[7..])
                : equals > 0 ? implicitUsing[..equals].Trim() + " = " + Qualified(implicitUsing[(equals + 1)..])
                : Qualified(implicitUsing);
            usings.Append(global ? "global using " : "using ").Append(target).Append(";\n");
        }
        return usings.ToString();
    }
}
