using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using SnippetCheck.Model;

namespace SnippetCheck.Extraction.Snippets;

/// <summary>
/// Reads the file-based app directives at the top of a block (docs/packages.md): <c>#:package</c>, <c>#:property</c>,
/// <c>#:sdk</c>, <c>#:project</c>, the C# script form <c>#r "nuget: Id, Version"</c>, and a <c>#!</c> line.
/// As with <c>dotnet run app.cs</c>, directives stand before any code; blank lines, comments and other
/// preprocessor lines may come between them. Each directive line becomes an empty line, never a removed one.
/// </summary>
internal static partial class DirectiveReader
{
    /// <summary>The <c>#:</c> directives <c>dotnet run file.cs</c> knows, for near-miss hints.</summary>
    public static readonly IReadOnlyList<string> KnownDirectives = ["package", "property", "sdk", "project", "include"];

    /// <summary><c>#:property</c> names that change how a snippet compiles.</summary>
    public static readonly IReadOnlyList<string> CompileProperties =
        ["LangVersion", "Nullable", "AllowUnsafeBlocks", "TreatWarningsAsErrors", "ImplicitUsings", "TargetFramework"];

    /// <summary>
    /// <c>#:property</c> names accepted and without effect: they only matter for publishing and packing, which
    /// a snippet never does. <c>TargetFramework</c> is accepted only as <c>net10.0</c>.
    /// </summary>
    public static readonly IReadOnlyList<string> NeutralProperties = ["PublishAot", "PublishTrimmed", "PackAsTool", "ToolCommandName", "IsPackable"];

    internal const string WebSdk = "Microsoft.NET.Sdk.Web";
    internal const string DefaultSdk = "Microsoft.NET.Sdk";

    public static DirectiveReading Read(IReadOnlyList<CodeLine> lines, string file)
    {
        var code = lines.ToArray();
        var reader = new DirectiveCollector();
        var leading = true;
        var inBlockComment = false;
        SourceText? parsedText = null;
        Microsoft.CodeAnalysis.SyntaxNode? root = null;

        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var trimmed = line.Text.TrimStart();
            var location = new SourceLocation(file, line.Line, line.Column + line.Text.Length - trimmed.Length);

            if (leading)
            {
                if (inBlockComment)
                {
                    inBlockComment = !trimmed.Contains("*/", StringComparison.Ordinal);
                    continue;
                }
                if (trimmed.Length == 0 || trimmed.StartsWith("//", StringComparison.Ordinal)) continue;
                if (trimmed.StartsWith("/*", StringComparison.Ordinal))
                {
                    inBlockComment = !trimmed.AsSpan(2).Contains("*/", StringComparison.Ordinal);
                    continue;
                }
                if (i == 0 && trimmed.StartsWith("#!", StringComparison.Ordinal))
                {
                    code[i] = line with { Text = "" };
                    continue;
                }
                if (IsDirective(trimmed))
                {
                    reader.Read(trimmed, location);
                    code[i] = line with { Text = "" };
                    continue;
                }
                // Other preprocessor lines (#nullable, #pragma, #region) are trivia, not code.
                if (trimmed.StartsWith('#')) continue;
                leading = false;
                continue;
            }

            if (!IsDirective(trimmed)) continue;
            // After the first code, a line that looks like a directive may sit inside a raw string or a comment.
            parsedText ??= SourceText.From(string.Join('\n', lines.Select(l => l.Text)));
            root ??= CSharpSyntaxTree.ParseText(parsedText).GetRoot();
            var position = parsedText.Lines[i].Start + line.Text.Length - trimmed.Length;
            if (IsInsideTokenOrComment(root, position)) continue;
            reader.Error(DiagnosticCodes.BadDirective, location,
                $"'{FirstWord(trimmed)}' must come before any code in the block, as in a file-based app; move it to the top");
            code[i] = line with { Text = "" };
        }

        return new DirectiveReading(code, reader.ToDirectives());
    }

    private static bool IsDirective(string trimmed) =>
        trimmed.StartsWith("#:", StringComparison.Ordinal) || IsScriptDirective(trimmed, "#r") || IsScriptDirective(trimmed, "#load");

    private static bool IsScriptDirective(string trimmed, string name) =>
        trimmed.StartsWith(name, StringComparison.Ordinal) && trimmed.Length > name.Length
        && (char.IsWhiteSpace(trimmed[name.Length]) || trimmed[name.Length] == '"');

    private static string FirstWord(string text)
    {
        var end = text.IndexOfAny([' ', '\t']);
        return end < 0 ? text : text[..end];
    }

    private static bool IsInsideTokenOrComment(Microsoft.CodeAnalysis.SyntaxNode root, int position)
    {
        var token = root.FindToken(position, findInsideTrivia: true);
        if (token.Span.Start < position && position < token.Span.End) return true;
        var trivia = root.FindTrivia(position, findInsideTrivia: false);
        return trivia.Span.Start < position && position < trivia.Span.End && trivia.RawKind == (int)SyntaxKind.MultiLineCommentTrivia;
    }

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9_.\-]*$")]
    internal static partial Regex PackageIdPattern();

    [GeneratedRegex(@"^[^\s@,""]+$")]
    internal static partial Regex VersionPattern();
}
