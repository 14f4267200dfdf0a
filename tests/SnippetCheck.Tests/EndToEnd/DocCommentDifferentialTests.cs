using System.Text;
using System.Text.Json;
using SnippetCheck.Extraction;
using SnippetCheck.Extraction.Markdown;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.EndToEnd;

/// <summary>
/// Differential between document sources: every sample post and every post in <c>posts/</c> that can be written as a
/// doc comment is, block for block (tags, attached comments, preludes, output and stdin blocks), written into a C#
/// file's doc comment. Both are verified with <c>--all</c> (the Markdown in the runs of <see cref="EveryWayRuns"/>), and each block must get the same verdict, failure reason,
/// diagnostic IDs and, for a failure, actual output (its lines, in any order), whichever source it came from: the doc-comment path adds no verdict of its own.
/// </summary>
[Trait("Category", "Differential")]
[TakesSeconds(444)]
public sealed class DocCommentDifferentialTests
{
    [Fact]
    public void A_post_written_as_a_doc_comment_gets_the_same_verdict_for_every_block()
    {
        var sources = Directory.GetFiles(Samples.Directory, "*.md").Concat(Directory.GetFiles(RepositoryRoot.PathOf("posts"), "*.md")).Order(StringComparer.Ordinal).ToList();
        using var csharp = new TempFolder();
        var converted = new List<string>();
        // A doc comment has no front matter: a post's 'frameworks' there is given to its run as --frameworks instead.
        var byFrameworks = new Dictionary<string, List<string>>();
        foreach (var source in sources)
        {
            var name = Path.GetFileNameWithoutExtension(source);
            if (AsDocComment(File.ReadAllText(source), out var frameworks) is not { } code) continue;
            File.WriteAllText(Path.Combine(csharp.Path, name + ".cs"), code);
            converted.Add(name);
            (byFrameworks.TryGetValue(frameworks, out var group) ? group : byFrameworks[frameworks] = []).Add(name + ".cs");
        }
        Assert.True(converted.Count >= 10, $"only {converted.Count} posts could be written as doc comments: {string.Join(", ", converted)}");

        // The posts as Markdown are the differential's default runs of the loose samples (with --all) and of posts/,
        // read here instead of verified once more.
        var fromMarkdown = new[] { "samples", "posts" }
            .SelectMany(input => VerdictsIn(EveryWayRuns.ByPath(input)[VerificationPath.Merged].ReportText!))
            .Where(file => converted.Contains(file.Key))
            .ToDictionary();
        var fromDocComments = byFrameworks.SelectMany(group => Verdicts(csharp.Path, group.Key, [.. group.Value])).ToDictionary();
        Assert.True(byFrameworks.Keys.Any(k => k.Length > 0), "no post with a framework matrix was compared");

        Assert.Equal(fromMarkdown.Keys.Order(), fromDocComments.Keys.Order());
        var differences = fromMarkdown.Keys
            .SelectMany(file => fromMarkdown[file].Zip(fromDocComments[file], (md, cs) => (file, md, cs)))
            .Where(x => x.md != x.cs)
            .Select(x => $"{x.file}:\n  markdown:    {x.md}\n  doc comment: {x.cs}")
            .ToList();
        Assert.True(fromMarkdown.All(f => f.Value.Count == fromDocComments[f.Key].Count), "the two sources found different numbers of blocks");
        Assert.True(fromMarkdown.Values.Sum(v => v.Count) >= 100, $"only {fromMarkdown.Values.Sum(v => v.Count)} blocks were compared");
        Assert.True(differences.Count == 0, $"{differences.Count} blocks got another verdict from a doc comment:\n" + string.Join('\n', differences));
    }

    /// <summary>Each file's blocks, in order: kind, status, reason, actual output and diagnostic IDs.</summary>
    private static Dictionary<string, List<string>> Verdicts(string folder, string frameworks, string[] files)
    {
        string[] matrix = frameworks.Length > 0 ? ["--frameworks", frameworks] : [];
        var result = CliRunner.Run(folder, PackageTestCache.Environment, ["verify", "--all", "--no-cache", "--report", "json=report.json", .. matrix, .. files]);
        Assert.True(result.ExitCode is 0 or 1, result.Output);
        return VerdictsIn(File.ReadAllText(Path.Combine(folder, "report.json")));
    }

    private static Dictionary<string, List<string>> VerdictsIn(string reportText)
    {
        using var report = JsonDocument.Parse(reportText);
        return report.RootElement.GetProperty("snippets").EnumerateArray()
            .GroupBy(s => Path.GetFileNameWithoutExtension(s.GetProperty("file").GetString()!))
            .ToDictionary(g => g.Key, g => g.Select(Describe).ToList());
    }

    private static string Describe(JsonElement snippet)
    {
        string? Text(string name) => snippet.GetProperty(name).ValueKind == JsonValueKind.Null ? null : snippet.GetProperty(name).GetString();
        var ids = snippet.GetProperty("diagnostics").EnumerateArray().Select(d => d.GetProperty("id").GetString()).Order(StringComparer.Ordinal);
        // A pass already says the output matched its block (a race demo's 'ellipsis' block matches any total); a failure's
        // output is compared as sorted lines, since threads may print in another order on any run, from any source.
        var output = Text("status") != "passed" && Text("actualOutput") is { } actual ? string.Join("\n", actual.Split('\n').Order(StringComparer.Ordinal)) : null;
        return $"{Text("kind")} {Text("status")} {Text("reason")} [{string.Join(",", ids)}] output={JsonSerializer.Serialize(output)}";
    }

    /// <summary>
    /// The post's C#, output and stdin blocks, tags, attached comments and preludes as one doc comment; null when the
    /// post uses what a doc comment cannot say the same way (front matter, stray or misspelt comments, unclosed fences,
    /// other languages' blocks that carry tags). <paramref name="frameworks"/>: the front matter's framework matrix,
    /// the one setting of ours a run can be given instead (<c>--frameworks</c>), comma-separated; "" without one.
    /// </summary>
    private static string? AsDocComment(string markdown, out string frameworks)
    {
        frameworks = "";
        var extracted = FenceExtractor.Extract(SourceDocument.FromText(Path.GetFullPath("post.md"), "post.md", markdown));
        // Front matter that only speaks to the blog engine (title, date) changes no verdict; settings of ours would.
        if (extracted.FrontMatter is { } front && front.Text.Contains("snippetcheck", StringComparison.OrdinalIgnoreCase))
        {
            var matrix = System.Text.RegularExpressions.Regex.Match(front.Text, @"\nsnippetcheck:\n(?:\s+#[^\n]*\n)*\s+frameworks: \[([^\]]*)\]\s*(?:\n|$)");
            if (!matrix.Success || front.Text[(matrix.Index + matrix.Length)..].Split('\n').Any(l => l.StartsWith(' ') || l.StartsWith('\t'))) return null;
            frameworks = matrix.Groups[1].Value.Replace(" ", "", StringComparison.Ordinal);
        }
        if (extracted.Diagnostics.Count > 0) return null;
        var preludes = new StringBuilder();
        var comment = new StringBuilder();
        foreach (var item in extracted.Items)
        {
            switch (item)
            {
                case DirectiveComment { IsPrelude: true } prelude:
                    preludes.Append("// <snippetcheck:").Append(prelude.Words).Append(">\n");
                    foreach (var line in prelude.Body) preludes.Append("// ").Append(line.Text).Append('\n');
                    preludes.Append("// </snippetcheck:prelude>\n");
                    break;
                case FencedBlock block when !block.Geometry.IsClosed:
                    return null;
                case FencedBlock block:
                    var isCSharp = block.Info.Trim().ToLowerInvariant() is "csharp" or "cs" or "c#";
                    var isOurs = isCSharp || $"{block.Info} {block.Arguments}".Split(' ').Any(w => w is "output" or "stdin");
                    if (!isOurs)
                    {
                        if (block.Comments.Count > 0) return null;
                        continue;
                    }
                    foreach (var attached in block.Comments) comment.Append("/// <!-- snippetcheck: ").Append(attached.Words).Append(" -->\n");
                    comment.Append("/// <code");
                    if (!isCSharp) comment.Append(" lang=\"").Append(Attribute(block.Info)).Append('"');
                    if (block.Arguments.Length > 0) comment.Append(" snippetcheck=\"").Append(Attribute(block.Arguments)).Append('"');
                    comment.Append(">\n");
                    foreach (var line in block.Lines) comment.Append(line.Text.Length == 0 ? "///" : "/// " + Escape(line.Text)).Append('\n');
                    comment.Append("/// </code>\n");
                    break;
                default:
                    return null;
            }
        }
        return comment.Length == 0 ? null : $"{preludes}{comment}public sealed class Post {{ }}\n";
    }

    private static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    private static string Attribute(string text) => Escape(text).Replace("\"", "&quot;");
}
