using SnippetCheck.Extraction;
using SnippetCheck.Extraction.DocComments;
using SnippetCheck.Extraction.Markdown;
using SnippetCheck.Model;
using SnippetCheck.Extraction.Snippets;

namespace SnippetCheck.Tests.Unit.Extraction.DocComments;

/// <summary>
/// Examples in C# doc comments, read with Roslyn syntax: every line unescaped and pinned to its line and column in the
/// <c>.cs</c> file, tags and output blocks read the XML way, never across two comments.
/// </summary>
public sealed class DocCommentExtractorTests
{
    private static ExtractedDocument Extract(string source) =>
        DocCommentExtractor.Extract(SourceDocument.FromText("/lib/Parser.cs", "Parser.cs", source));

    private static List<FencedBlock> Blocks(string source) => Extract(source).Items.OfType<FencedBlock>().ToList();

    private static SnippetDocument Snippets(string source) => SnippetReader.Read(Extract(source));

    [Fact]
    public void Examples_are_read_with_the_builds_preprocessor_symbols_and_one_in_inactive_code_is_a_warning_not_silence()
    {
        var document = Extract("""
            namespace Lib;
            public static class Parser
            {
            #if NET10_0_OR_GREATER
                /// <example><code>Console.WriteLine(1);</code></example>
                public static void Modern() { }
            #endif
            #if NETFRAMEWORK
                /// <example><code>Console.WriteLine(2);</code></example>
                public static void Legacy() { }
            #endif
            }
            """);

        var block = Assert.Single(document.Items.OfType<FencedBlock>());
        Assert.Equal(5, block.Location.Line);
        var warning = Assert.Single(document.Diagnostics);
        Assert.Equal((DiagnosticCodes.HighlightBlock, DiagnosticSeverity.Warning, 9, 18), (warning.Id, warning.Severity, warning.Location.Line, warning.Location.Column));
        Assert.Contains("#if switches off", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Triple_slash_code_lines_lose_their_prefix_and_common_indent_and_keep_their_file_columns()
    {
        var block = Assert.Single(Blocks("""
            namespace Lib;
            /// <summary>Parses.</summary>
            /// <example>
            ///   <code>
            ///   var p = new Parser();
            ///     p.Parse("1");
            ///   </code>
            /// </example>
            public class Parser { }
            """));
        Assert.Equal((4, 7), (block.Location.Line, block.Location.Column));
        Assert.Equal("csharp", block.Info);
        Assert.Equal([new CodeLine("var p = new Parser();", 5, 7), new CodeLine("  p.Parse(\"1\");", 6, 7)], block.Lines);
    }

    [Fact]
    public void Indentation_beyond_the_code_tags_own_is_kept_so_an_output_can_start_with_spaces()
    {
        var block = Assert.Single(Blocks("/// <code snippetcheck=\"output\">\n///   a\n///    b\n/// </code>\nclass C { }\n"));
        Assert.Equal([new CodeLine("  a", 2, 5), new CodeLine("   b", 3, 5)], block.Lines);
    }

    [Fact]
    public void Block_comments_lose_their_leading_stars()
    {
        var block = Assert.Single(Blocks("""
            class C
            {
                /**
                 * <example>
                 * <code>
                 * int x = 1;
                 * </code>
                 * </example>
                 */
                void M() { }
            }
            """));
        Assert.Equal(new CodeLine("int x = 1;", 6, 8), Assert.Single(block.Lines));
    }

    [Fact]
    public void Entities_are_unescaped_and_columns_after_them_stay_exact()
    {
        var block = Assert.Single(Blocks("/// <code>\n/// var list = new List&lt;int&gt;(); list.Nope(&quot;a&amp;b&quot;);\n/// </code>\nclass C { }\n"));
        var line = Assert.Single(block.Lines);
        Assert.Equal("var list = new List<int>(); list.Nope(\"a&b\");", line.Text);
        Assert.Equal((2, 5), (line.Line, line.Column));
        var nope = line.Text.IndexOf("Nope", StringComparison.Ordinal);
        Assert.Equal("/// var list = new List&lt;int&gt;(); list.".Length + 1, line.ColumnAt(nope));
    }

    [Fact]
    public void Cdata_is_taken_verbatim()
    {
        var block = Assert.Single(Blocks("/// <code><![CDATA[\n/// var d = new Dictionary<string, int>();\n/// if (1 < 2 && true) { }\n/// ]]></code>\nclass C { }\n"));
        Assert.Equal(["var d = new Dictionary<string, int>();", "if (1 < 2 && true) { }"], block.Lines.Select(l => l.Text));
        Assert.Equal((2, 5), (block.Lines[0].Line, block.Lines[0].Column));
    }

    [Fact]
    public void Crlf_and_a_byte_order_mark_do_not_shift_lines_or_columns()
    {
        var bytes = "\uFEFF///   <code>\r\n///   int x = 1;\r\n/// </code>\r\nclass C { }\r\n"u8.ToArray();
        var document = SourceDocument.FromBytes("/lib/C.cs", "C.cs", bytes);
        var block = Assert.Single(DocCommentExtractor.Extract(document).Items.OfType<FencedBlock>());
        Assert.Equal(new CodeLine("int x = 1;", 2, 7), Assert.Single(block.Lines));
    }

    [Fact]
    public void A_utf16_source_file_gets_the_same_encoding_error_as_a_utf16_post()
    {
        var bytes = System.Text.Encoding.Unicode.GetPreamble().Concat(System.Text.Encoding.Unicode.GetBytes("/// <code>int x = 1;</code>\nclass C { }\n")).ToArray();
        var fromSource = Assert.Single(DocCommentExtractor.Extract(SourceDocument.FromBytes("/lib/C.cs", "C.cs", bytes)).Diagnostics, d => d.Id == DiagnosticCodes.NotUtf8);
        var fromPost = Assert.Single(FenceExtractor.Extract(SourceDocument.FromBytes("/x/post.md", "post.md", bytes)).Diagnostics, d => d.Id == DiagnosticCodes.NotUtf8);
        Assert.Contains("looks like UTF-16", fromSource.Message, StringComparison.Ordinal);
        Assert.Equal(fromPost.Message, fromSource.Message);
        Assert.Equal((1, 1), (fromSource.Location.Line, fromSource.Location.Column));
    }

    [Fact]
    public void Code_is_found_on_namespace_level_nested_generic_and_operator_declarations_in_nested_example_and_para()
    {
        var source = """
            namespace Outer.Inner
            {
                /// <example><code>A();</code></example>
                public class Top
                {
                    /// <remarks><para><example><code>B();</code></example></para></remarks>
                    public class Nested { }

                    /// <code>C();</code>
                    public T Generic<T>(T value) => value;

                    /// <code>D();</code>
                    public static Top operator +(Top a, Top b) => a;
                }
            }
            """;
        var blocks = Blocks(source);
        Assert.Equal(["A();", "B();", "C();", "D();"], blocks.Select(b => b.Content));
        Assert.Equal((3, 24), (blocks[0].Lines[0].Line, blocks[0].Lines[0].Column));
        Assert.All(Snippets(source).Snippets, s => Assert.Equal("Outer.Inner", s.DocumentedNamespace));
    }

    [Fact]
    public void Code_inside_c_or_see_is_never_a_snippet_and_another_language_is_not_csharp()
    {
        var blocks = Blocks("""
            /// <summary>Call <c><code>Parse()</code></c> or <see cref="C"><code>x</code></see>.</summary>
            /// <code lang="xml">&lt;a/&gt;</code>
            /// <code language="C#">int a = 1;</code>
            class C { }
            """);
        Assert.Equal(["xml", "csharp"], blocks.Select(b => b.Info));
    }

    [Fact]
    public void Tags_come_from_the_attribute_or_the_comment_just_before()
    {
        var snippets = Snippets("""
            /// <code snippetcheck="run name=first">int a = 1;</code>
            /// <!-- snippetcheck: compile-fail=CS0029 -->
            /// <code>int b = "x";</code>
            class C { }
            """).Snippets;
        Assert.Equal([SnippetKind.Run, SnippetKind.CompileFail], snippets.Select(s => s.Kind));
        Assert.Equal("first", snippets[0].Tags.Name);
        Assert.Empty(snippets.SelectMany(s => s.Annotations));
    }

    [Fact]
    public void An_output_block_attaches_to_the_example_of_its_own_comment_only()
    {
        var document = Snippets("""
            /// <code snippetcheck="run">Console.WriteLine(1);</code>
            /// <code snippetcheck="output ellipsis">
            /// 1
            /// </code>
            class A { }

            /// <code snippetcheck="run">Console.WriteLine(2);</code>
            class B { }

            /// <!-- snippetcheck: output -->
            /// <code>2</code>
            class D { }
            """);
        var first = document.Snippets[0];
        Assert.Equal(("1", OutputMatchMode.Ellipsis), (first.Output!.Text, first.Output.Mode));
        Assert.Null(document.Snippets[1].Output);
        Assert.Equal(DiagnosticCodes.OrphanOutput, Assert.Single(document.FileDiagnostics).Id);
    }

    [Fact]
    public void A_file_prelude_is_read_from_line_comments()
    {
        var document = Snippets("""
            // <snippetcheck:prelude session="s">
            //   static int Twice(int x) => x * 2;
            // </snippetcheck:prelude>
            /// <code snippetcheck="run session=s">Console.WriteLine(Twice(2));</code>
            class C { }
            """);
        var prelude = Assert.Single(document.Preludes);
        Assert.Equal("s", prelude.Session);
        Assert.Equal(new CodeLine("static int Twice(int x) => x * 2;", 2, 6), Assert.Single(prelude.Lines));
    }

    [Fact]
    public void An_unclosed_prelude_and_a_misplaced_comment_are_reported_where_they_stand()
    {
        var document = Snippets("""
            // <snippetcheck:prelude>
            // int x = 1;
            /// <summary>Text.</summary>
            /// <!-- snippetcheck: run -->
            /// <para>Not code.</para>
            /// <!-- snipetcheck: run -->
            class C { }
            """);
        Assert.Equal([(DiagnosticCodes.BadComment, 1), (DiagnosticCodes.BadComment, 4), (DiagnosticCodes.BadComment, 6)],
            document.FileDiagnostics.Select(d => (d.Id, d.Location.Line)).OrderBy(d => d.Line));
    }

    [Fact]
    public void Generics_written_unescaped_get_a_clear_error_at_the_element()
    {
        var snippet = Assert.Single(Snippets("/// <code>\n/// var list = new List<int>();\n/// </code>\nclass C { }\n").Snippets);
        var error = Assert.Single(snippet.Annotations);
        Assert.Equal((DiagnosticCodes.XmlInCode, 2, 24), (error.Id, error.Location.Line, error.Location.Column));
        Assert.Contains("&lt;", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_code_element_never_closed_is_named_as_the_fault_not_the_output_element_it_swallowed()
    {
        var document = Snippets("""
            /// <example>
            /// <code snippetcheck="run">
            /// Console.WriteLine(1);
            /// <code snippetcheck="output">
            /// 1
            /// </code>
            /// </example>
            class C { }
            """);

        var error = Assert.Single(document.Snippets.SelectMany(s => s.Annotations));
        Assert.Equal((DiagnosticCodes.XmlInCode, 2, 5), (error.Id, error.Location.Line, error.Location.Column));
        Assert.Equal("this <code> element is never closed ('</example>' ends it): add </code> after the example's last line", error.Message);
    }

    [Fact]
    public void Only_a_code_element_with_its_tags_on_their_own_lines_can_be_rewritten()
    {
        var blocks = Blocks("/// <code snippetcheck=\"output\">\n///   42\n/// </code>\n/// <code snippetcheck=\"output\">42</code>\nclass C { }\n");
        Assert.True(blocks[0].Geometry is { IsClosed: true, XmlEscaped: true, LinePrefix: "/// " });
        Assert.Equal("  42", blocks[0].Content);
        Assert.False(blocks[1].Geometry.IsClosed);
    }
}
