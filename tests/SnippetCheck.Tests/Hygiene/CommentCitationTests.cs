using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Hygiene;

/// <summary>
/// A comment in src/ says why the code is so, not which ticket asked for it: "(issue 75)" tells a reader nothing the
/// code's own reason would not, and the tracker it points into is not in the repository. Only comments are read (a
/// colour such as <c>#e6edf3</c> in a string is no citation); the syntax trees are parsed, nothing is bound.
/// </summary>
[Trait("Category", "Fast")]
public sealed partial class CommentCitationTests
{
    /// <summary>None: a comment says the reason, which outlives the tracker's numbering.</summary>
    private const int CitationsCap = 0;

    [Fact]
    public void No_comment_in_the_source_cites_an_issue_number()
    {
        var citations = new List<string>();
        foreach (var file in Directory.GetFiles(RepositoryRoot.PathOf("src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or "node_modules"))
            .Order(StringComparer.Ordinal))
        {
            var root = CSharpSyntaxTree.ParseText(File.ReadAllText(file)).GetRoot();
            foreach (var trivia in root.DescendantTrivia(descendIntoTrivia: true).Where(IsComment))
            {
                foreach (Match match in Citation().Matches(trivia.ToString()))
                {
                    var line = trivia.SyntaxTree!.GetLineSpan(new(trivia.SpanStart + match.Index, 0)).StartLinePosition.Line + 1;
                    citations.Add($"{Path.GetRelativePath(RepositoryRoot.PathOf("src"), file)}:{line}: {match.Value}");
                }
            }
        }

        Assert.True(citations.Count <= CitationsCap,
            $"{citations.Count} comments in src/ cite an issue (the cap is {CitationsCap}); say the reason it stands for instead:\n"
            + string.Join('\n', citations));
    }

    [Theory]
    [InlineData("// retried once (issue 75).", true)]
    [InlineData("/// <summary>Stale tags (issue 17, part 2): ...</summary>", true)]
    [InlineData("// see #77 for the repro", true)]
    [InlineData("/* Issues 54 and 55 */", true)]
    [InlineData("// item 3 of the list, SC1019, CS0246, net10.0", false)]
    [InlineData("// #r \"nuget: X, 1.0\" and #:package X@1.0", false)]
    public void A_citation_is_an_issue_number_in_a_comment(string comment, bool cites)
    {
        var trivia = CSharpSyntaxTree.ParseText(comment + "\nclass C { }").GetRoot().DescendantTrivia(descendIntoTrivia: true).Where(IsComment);
        Assert.Equal(cites, trivia.Any(t => Citation().IsMatch(t.ToString())));
    }

    private static bool IsComment(SyntaxTrivia trivia) => trivia.Kind() is SyntaxKind.SingleLineCommentTrivia or SyntaxKind.MultiLineCommentTrivia
        or SyntaxKind.SingleLineDocumentationCommentTrivia or SyntaxKind.MultiLineDocumentationCommentTrivia;

    /// <summary>"issue 75", "issues 54", "Issue #77", "#77": a ticket's number. An issue in words ("an issue of the build") is none.</summary>
    [GeneratedRegex(@"\b[Ii]ssues? #?\d+|(?<![\w&])#\d{2,}\b")]
    private static partial Regex Citation();
}
