using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace SnippetCheck.Tests.Hardening;

/// <summary>
/// Generators of hostile Markdown for property tests: lines built from fences, tags (right and misspelt),
/// container prefixes, comments, front matter and awkward characters, with mixed line endings.
/// </summary>
public static class MarkdownGen
{
    private static readonly string[] FenceMarks = ["```", "````", "~~~", "``", "~~~~~", "`````````"];

    private static readonly string[] InfoStrings =
    [
        "csharp", "cs", "c#", "CSharp", "csharp run", "csharp rnu", "cs compile-fial", "csharp name=a timeout=1s",
        "csharp timout=2s", "csharp name=a", "csharp throws", "csharp compile-fail=CS0103", "csharp exit=three",
        "output", "text output", "outptu", "output elipsis", "output unordered", "stdin", "text", "", "python",
        "csharp {linenos=table}", "csharp args=\"a b", "c# session=s1", "csharp session=s1 ignore", "csharp run compile",
    ];

    private static readonly string[] Prefixes = ["", "> ", ">", "- ", "1. ", "  ", "    ", "\t", "> - ", "* > ", "   ", "10) "];

    private static readonly string[] Bodies =
    [
        "Console.WriteLine(1);", "var x = \"```\";", "<!-- snippetcheck: run -->", "<!-- snippetcheck: prelude", "-->",
        "<!-- snippetcheck: output -->", "<!-- snipetcheck: run -->", "<!-- snippetcheck: prelud -->", "<!--", "---",
        "# Heading", "", " ", "\0", "\uFFFD", "\uD800", "\uDC00x", "😀", "<div>", "</div>", "[link]: http://x", "| a | b |",
        "***", "snippetcheck: skip", "title: x", "snippetcheck:", "  timeout: 1s", "  - [[[[", "\t\tcode", "\u200B",
        "a\u0085b", "\u2028", "{", "}", "static void Main() { }", "throw new Exception();",
    ];

    private static readonly string[] LineEndings = ["\n", "\n", "\n", "\r\n", "\r"];

    private static Gen<string> Line =>
        from prefixes in Gen.ListOf(Gen.Elements(Prefixes), 0).Resize(3)
        from content in Gen.Frequency(
            (3, from mark in Gen.Elements(FenceMarks) from info in Gen.Elements(InfoStrings) select mark + info),
            (5, Gen.Elements(Bodies)),
            (1, from chars in Gen.ArrayOf(Gen.Choose(0, 0x2FFF).Select(c => (char)c)) select new string(chars)))
        select string.Concat(prefixes) + content;

    /// <summary>A whole document: up to about 60 lines, joined with a mix of LF, CRLF and CR.</summary>
    public static Gen<string> Document =>
        from lines in Gen.ListOf(Line).Resize(60)
        from endings in Gen.ArrayOf(Gen.Elements(LineEndings), lines.Count)
        select Join(lines, endings);

    private static string Join(List<string> lines, string[] endings)
    {
        var text = new StringBuilder();
        for (var i = 0; i < lines.Count; i++) text.Append(lines[i]).Append(endings[i]);
        return text.ToString();
    }

    /// <summary>Random bytes: binary files, truncated UTF-8, stray BOMs.</summary>
    public static Gen<byte[]> Bytes =>
        Gen.Frequency(
            (3, Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b)).Resize(400)),
            (2, from text in Document
                from cut in Gen.Choose(0, 100)
                from flips in Gen.ListOf(Gen.Two(Gen.Choose(0, 1 << 20))).Resize(4)
                select Damage(Encoding.UTF8.GetBytes(text), cut, flips)),
            (1, from text in Document select (byte[])[0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)]),
            (1, from text in Document select (byte[])[0xFF, 0xFE, .. Encoding.Unicode.GetBytes(text)]));

    /// <summary>Truncates at <paramref name="cutPercent"/> of the length and overwrites bytes with 0x80..0xFF.</summary>
    private static byte[] Damage(byte[] bytes, int cutPercent, List<(int, int)> flips)
    {
        var kept = bytes[..(bytes.Length * Math.Max(1, cutPercent) / 100)];
        foreach (var (where, value) in flips)
        {
            if (kept.Length > 0) kept[where % kept.Length] = (byte)(0x80 | (value & 0x7F));
        }
        return kept;
    }

    /// <summary>One edit of a real post: what a bad merge, a truncated upload or a careless editor does.</summary>
    public static Gen<Func<string, string>> Mutation =>
        from kind in Gen.Choose(0, 8)
        from a in Gen.Choose(0, 1 << 16)
        from b in Gen.Choose(0, 1 << 16)
        from line in Line
        select (Func<string, string>)(text => Mutate(text, kind, a, b, line));

    private static string Mutate(string text, int kind, int a, int b, string line)
    {
        var lines = text.Split('\n').ToList();
        var i = a % lines.Count;
        var j = b % lines.Count;
        switch (kind)
        {
            case 0: lines.RemoveRange(Math.Min(i, j), Math.Abs(i - j)); break;
            case 1: lines.Insert(i, lines[j]); break;
            case 2: lines.Insert(i, line); break;
            case 3: (lines[i], lines[j]) = (lines[j], lines[i]); break;
            case 4: return text[..(a % (text.Length + 1))];
            case 5: lines[i] = lines[i].Replace('`', '~'); break;
            case 6:
                for (var k = Math.Min(i, j); k <= Math.Max(i, j); k++) lines[k] = "> " + lines[k];
                break;
            case 7: return text.Replace("\n", "\r\n", StringComparison.Ordinal);
            default: lines[i] = lines[i].Length > 0 ? lines[i][..(b % lines[i].Length)] : line; break;
        }
        return string.Join('\n', lines);
    }
}
