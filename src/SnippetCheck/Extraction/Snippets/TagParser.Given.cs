using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SnippetCheck.Extraction.Snippets;

internal static partial class TagParser
{
    private const string GivenExample = "write each local as NAME:TYPE, such as given=app:WebApplication";

    /// <summary>
    /// The entries of a <c>given=</c> value, each <c>NAME:TYPE</c> as C# declares a local: any identifier (<c>Url</c>,
    /// <c>@class</c>) and any type written with no space (<c>WebApplication</c>, <c>object</c>, <c>int[]</c>,
    /// <c>(int,string)</c>); commas inside a type's brackets belong to it. With no entries, what is wrong with the first bad one.
    /// </summary>
    internal static (IReadOnlyList<string>? Entries, string? Problem) ParseGiven(string value)
    {
        var entries = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i <= value.Length; i++)
        {
            if (i < value.Length && value[i] is '<' or '(' or '[') depth++;
            else if (i < value.Length && value[i] is '>' or ')' or ']') depth--;
            else if (i == value.Length || value[i] == ',' && depth == 0)
            {
                var entry = value[start..i];
                if (GivenProblem(entry) is { } problem) return (null, problem);
                entries.Add(entry);
                start = i + 1;
            }
        }
        return (entries, null);
    }

    /// <summary>What is wrong with one <c>NAME:TYPE</c> entry, in the words of C#'s rules; null when it declares a local.</summary>
    private static string? GivenProblem(string entry)
    {
        var colon = entry.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0) return $"'{entry}' has no type: {GivenExample}";
        var (name, type) = (entry[..colon], entry[(colon + 1)..]);
        if (name.Length == 0) return $"'{entry}' has no name: {GivenExample}";
        var bare = name.StartsWith('@') ? name[1..] : name;
        if (!SyntaxFacts.IsValidIdentifier(bare)) return $"'{name}' is not a C# identifier";
        if (bare == name && SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None) return $"'{name}' is a C# keyword: write it as @{name}";
        if (type == "var") return "'var' is no type a local can be declared of without a value: write its type";
        return IsLocalType(type) ? null : $"'{type}' is not a C# type";
    }

    /// <summary>True when <paramref name="text"/> reads as one type, all of it, with no space (a local's type in <c>given=</c>).</summary>
    private static bool IsLocalType(string text) =>
        text.Length > 0 && !text.Any(char.IsWhiteSpace) && SyntaxFactory.ParseTypeName(text) is { IsMissing: false } type
        && type.FullSpan.Length == text.Length && !type.ContainsDiagnostics && type is not RefTypeSyntax;
}
