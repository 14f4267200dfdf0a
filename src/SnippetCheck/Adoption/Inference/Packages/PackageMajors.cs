using System.Text.RegularExpressions;
using SnippetCheck.Extraction;

namespace SnippetCheck.Adoption.Inference.Packages;

/// <summary>
/// The majors of a package a text names: what a page is about, read before its blocks are tried (adopt tries the
/// package at the newest version of the major the page names) and after (a rot entry never rests on a major the page
/// does not name: RotContext).
/// </summary>
internal static partial class PackageMajors
{
    /// <summary>
    /// The majors of package <paramref name="id"/> the text names: its name (the id's first part, <c>LanguageExt</c>, as
    /// prose writes it, <c>language-ext</c>) followed by a version (<c>language-ext 2.0</c>, <c>LanguageExt v2</c>), "version 2.0
    /// of Language-Ext", or (with <paramref name="titles"/>) a title that opens with the version (<c># Version 2 Release Notes</c>),
    /// which names no package: the rot report reads it, adopt does not choose a version by it.
    /// </summary>
    public static IReadOnlySet<int> Named(string text, string id, bool titles = true)
    {
        var humps = Regex.Split(id.Split('.')[0], "(?<=[a-z0-9])(?=[A-Z])").Where(h => h.Length > 0).Select(Regex.Escape);
        var name = string.Join("[-_. ]?", humps);
        var majors = new HashSet<int>();
        var patterns = new[] { $@"\b{name}\s+v?(?:ersion\s+)?(\d+)(?:\.\d+)*\b", $@"\bversion\s+(\d+)(?:\.\d+)*\s+of\s+(?:the\s+)?{name}\b" };
        var all = titles ? patterns.Append(@"^\s*#\s+v(?:ersion)?\s*(\d+)(?:\.\d+)*\b").ToArray() : patterns;
        foreach (var pattern in all)
        {
            foreach (Match match in Regex.Matches(text, pattern, RegexOptions.IgnoreCase | RegexOptions.Multiline))
                if (int.TryParse(match.Groups[1].Value, out var major)) majors.Add(major);
        }
        return majors;
    }

    /// <summary>
    /// The one major of package <paramref name="id"/> a page is written for, as it says so: its title, headings and opening
    /// prose (before its first fence: "Quartz 3 Quick Start"), else the nearest of its folders that names one
    /// (<c>docs/documentation/quartz-3.x/</c>) up to the doc set's root, <paramref name="docSetRoot"/> (its path in the run,
    /// <see cref="DocSet.Of(string)"/>); null when they name none, or more than one (a migration guide's "from 3.x to
    /// 4.x": the newest stays). Never a guess: a major is chosen only because the docs name it. The folders above the
    /// doc set are the reader's (a clone in <c>~/src/polly-v7/</c>), not the docs'.
    /// </summary>
    public static int? PageMajor(ExtractedDocument source, string id, string docSetRoot)
    {
        var opening = FirstFence().Split(source.Document.Text, 2)[0];
        var top = string.Join('\n', [source.FrontMatter?.Text ?? "", opening, .. source.Headings.Select(h => h.Text)]);
        if (Named(top, id, titles: false) is { Count: > 0 } named) return named.Count == 1 ? named.Single() : null;
        var path = source.Document.DisplayPath.Replace('\\', '/');
        while (path.StartsWith("./", StringComparison.Ordinal)) path = path[2..];
        var root = docSetRoot.TrimEnd('/');
        var inSet = root.Length > 0 && path.StartsWith(root + "/", StringComparison.Ordinal) ? path[(root.Length + 1)..] : path;
        IEnumerable<string> folders = [.. Enumerable.Reverse(inSet.Split('/')[..^1]), root.Split('/')[^1]];
        foreach (var folder in folders.Where(f => f.Length > 0))
        {
            // 'quartz-3.x', 'quartz_v3' as prose writes them: 'quartz 3.x'.
            if (Named(FolderSeparator().Replace(folder, " "), id, titles: false) is { Count: > 0 } byFolder)
                return byFolder.Count == 1 ? byFolder.Single() : null;
        }
        return null;
    }

    public static int Major(string version) => int.TryParse(version.Split('.')[0], out var major) ? major : -1;

    [GeneratedRegex(@"^[\s>]*(?:```|~~~)", RegexOptions.Multiline)]
    private static partial Regex FirstFence();

    [GeneratedRegex(@"[-_](?=v?\d)")]
    private static partial Regex FolderSeparator();
}
