using System.Text;
using FsCheck;
using FsCheck.Fluent;
using SnippetCheck.Extraction;
using SnippetCheck.Extraction.Markdown;
using SnippetCheck.Model;
using SnippetCheck.Extraction.Snippets;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Hardening;

/// <summary>
/// Property tests of the front end (bytes → <see cref="SourceDocument"/> → <see cref="FenceExtractor"/> →
/// <see cref="SnippetReader"/>): whatever the input, nothing throws and every location points into the file.
/// FsCheck prints the seed of a failing case; replay it with <c>Config.WithReplay</c>.
/// </summary>
public sealed class FrontEndPropertyTests
{
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(500);

    [Fact]
    public void Generated_markdown_never_throws_and_every_location_lies_in_the_file()
    {
        Check.One(Runs, Prop.ForAll(MarkdownGen.Document.ToArbitrary(), text => FrontEnd.CheckInvariants(Encoding.UTF8.GetBytes(text))));
    }

    [Fact]
    public void Random_and_damaged_bytes_never_throw_and_bad_utf8_is_reported_at_a_real_line()
    {
        Check.One(Runs, Prop.ForAll(MarkdownGen.Bytes.ToArbitrary(), bytes =>
        {
            var read = FrontEnd.CheckInvariants(bytes);
            var isUtf8 = System.Text.Unicode.Utf8.IsValid(bytes);
            Assert.Equal(!isUtf8, read.Source.Diagnostics.Any(d => d.Id == DiagnosticCodes.NotUtf8));
        }));
    }

    [Fact]
    public void Mutated_real_posts_never_throw_and_keep_their_locations()
    {
        var posts = Directory.GetFiles(Samples.Directory, "*.md", SearchOption.AllDirectories)
            .Select(File.ReadAllText).Where(t => t.Length < 100_000).ToArray();
        Assert.NotEmpty(posts);
        var mutated =
            from post in Gen.Elements(posts)
            from edits in Gen.ListOf(MarkdownGen.Mutation).Resize(6)
            select edits.Aggregate(post, (text, edit) => edit(text));
        Check.One(Runs, Prop.ForAll(mutated.ToArbitrary(), text => FrontEnd.CheckInvariants(Encoding.UTF8.GetBytes(text))));
    }

    [Fact]
    public void Containers_nested_at_any_depth_give_blocks_or_one_error_at_a_real_line()
    {
        var nested =
            from depth in Gen.Choose(1, 1200)
            from shape in Gen.Elements("> ", "- ", "1. ", "> - ", "* ")
            from indent in Gen.Elements(true, false)
            select Nest(depth, shape, indent);
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(60), Prop.ForAll(nested.ToArbitrary(), text =>
        {
            var read = FrontEnd.CheckInvariants(Encoding.UTF8.GetBytes(text));
            var refused = read.Source.Diagnostics.SingleOrDefault(d => d.Id == DiagnosticCodes.UnparsableMarkdown);
            Assert.True(refused is not null || read.Snippets.Count == 1, "a fence nested in parseable containers is found");
        }));
    }

    /// <summary>A C# fence inside <paramref name="depth"/> containers, one per line or all on one line.</summary>
    internal static string Nest(int depth, string shape, bool onePerLine)
    {
        var text = new StringBuilder("# Deep\n\n");
        var prefix = new StringBuilder();
        for (var i = 0; i < depth; i++)
        {
            if (onePerLine) text.Append(prefix).Append(shape).Append("level ").Append(i).Append('\n');
            prefix.Append(shape.StartsWith('>') ? shape : new string(' ', shape.Length));
        }
        var inner = onePerLine ? prefix.ToString() : string.Concat(Enumerable.Repeat(shape, depth));
        text.Append(inner).Append("```csharp run\n");
        var body = onePerLine ? inner : new string(' ', inner.Length);
        text.Append(body).Append("Console.WriteLine(1);\n").Append(body).Append("```\n");
        return text.ToString();
    }
}

/// <summary>The invariants every input must keep, whatever it is.</summary>
internal static class FrontEnd
{
    public const string File = "posts/fuzz.md";

    public static SnippetDocument CheckInvariants(byte[] bytes)
    {
        var document = SourceDocument.FromBytes(Path.GetFullPath(File), File, bytes);
        var extracted = FenceExtractor.Extract(document);
        var read = SnippetReader.Read(extracted);
        // CommonMark reads NUL as U+FFFD; everything else must stand in the file exactly as extracted.
        var text = document.Text.Replace('\0', '\uFFFD');
        var lines = document.Lines;

        foreach (var block in extracted.Items.OfType<FencedBlock>())
        {
            AssertInFile(block.Location, lines);
            Assert.InRange(block.EndLine, block.Location.Line, lines.LineCount);
            foreach (var code in block.Lines)
            {
                Assert.InRange(code.Line, block.Location.Line, lines.LineCount);
                var start = lines.LineStart(code.Line) + code.Column - 1;
                var lineText = text[lines.LineStart(code.Line)..(code.Line < lines.LineCount ? lines.LineStart(code.Line + 1) : text.Length)].TrimEnd('\r', '\n');
                // The code's text is what stands at its line and column in the file; where a container split a tab,
                // CommonMark turns the tab's remainder into spaces, and only the rest of the line must match.
                var exact = start + code.Text.Length <= text.Length && string.CompareOrdinal(text, start, code.Text, 0, code.Text.Length) == 0;
                var splitTab = lineText.Contains('\t') && lineText.EndsWith(code.Text.TrimStart(), StringComparison.Ordinal);
                Assert.True(exact || splitTab, $"line {code.Line}, column {code.Column}: '{code.Text}' is not what the file holds there ('{lineText}')");
            }
            Assert.InRange(block.Geometry.BodyStart, 0, text.Length);
            Assert.InRange(block.Geometry.BodyEnd, block.Geometry.BodyStart, text.Length);
        }
        foreach (var comment in extracted.Items.OfType<DirectiveComment>()) AssertInFile(comment.Location, lines);
        foreach (var diagnostic in read.FileDiagnostics.Concat(read.Snippets.SelectMany(s => s.Annotations)))
        {
            AssertInFile(diagnostic.Location, lines);
            Assert.False(string.IsNullOrWhiteSpace(diagnostic.Message));
            Assert.StartsWith("SC", diagnostic.Id, StringComparison.Ordinal);
        }
        foreach (var snippet in read.Snippets)
        {
            if (snippet.Output is { } output) Assert.True(output.Block.Location.Line > snippet.Location.Line, "an output block follows its snippet");
        }
        return read;
    }

    private static void AssertInFile(SourceLocation location, LineMap lines)
    {
        Assert.Equal(File, location.File);
        Assert.InRange(location.Line, 1, lines.LineCount);
        Assert.True(location.Column >= 1, $"column {location.Column} at line {location.Line}");
    }
}
