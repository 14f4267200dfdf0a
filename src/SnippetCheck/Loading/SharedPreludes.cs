using SnippetCheck.Configuration;
using SnippetCheck.Extraction;
using SnippetCheck.Extraction.Discovery;
using SnippetCheck.Model;
using SnippetCheck.References;
using SnippetCheck.Extraction.Snippets;

namespace SnippetCheck.Loading;

/// <summary>
/// Config <c>preludes</c> (C# files) and <c>hiddenCode</c> (lines of C# in the config itself, where adopt writes the
/// doc set's models): hidden code that every program of the run gets, before its document's own preludes, as if each
/// document opened with a <c>snippetcheck: prelude</c> comment holding it. Read once per run; a diagnostic in one
/// points at its own line: the C# file's, or the config's.
/// </summary>
internal static class SharedPreludes
{
    /// <exception cref="VerificationSetupException">A prelude file is missing or not a <c>.cs</c> file: exit code 2, as a bad reference.
    /// Under <paramref name="untrusted"/>, one outside the checkout or in a <c>.git</c> (SC3017, at the config's line).</exception>
    public static IReadOnlyList<Prelude> Load(SnippetCheckConfig config, string currentDirectory, bool untrusted = false)
    {
        var where = config.SourcePath is { } path ? DocumentDiscovery.DisplayPath(path, currentDirectory) : "config";
        if (untrusted) RefuseOutside(config, currentDirectory, where);
        IReadOnlyList<Prelude> hidden = config.HiddenCode is { Count: > 0 } code ? [Prelude.OfLines(where, HiddenCodeLines(config, code))] : [];
        return [.. Files(config, currentDirectory, where), .. hidden];
    }

    /// <summary>
    /// The tool reads a prelude and compiles it into every program, where a snippet could print it: under <c>--untrusted</c>
    /// one that leads outside the checkout (a link to <c>~/.ssh/id_rsa</c>) or into a <c>.git</c> is refused before it is read.
    /// </summary>
    private static void RefuseOutside(SnippetCheckConfig config, string currentDirectory, string where)
    {
        var checkout = Checkout.Of(currentDirectory, untrusted: true);
        foreach (var (given, full) in FilesOf(config, currentDirectory))
        {
            if (checkout.Refusal(full) is not { } reason) continue;
            var line = config.SourcePath is { } source ? ConfigLoader.LineOfKey(source, Settings.Preludes.Key) : 1;
            throw new VerificationSetupException(DiagnosticCodes.UntrustedRefused, new SourceLocation(where, line, 1),
                Untrusted.Message($"'{Settings.Preludes.Key}' ('{given}')", reason));
        }
    }

    /// <summary>
    /// The <c>hiddenCode</c> lines where they stand in the config file, so that an error in one points at its line there:
    /// each at the next line after the key that holds it as a JSON string (as <c>adopt</c> writes them, one a line), at
    /// the key's line when the file is laid out otherwise.
    /// </summary>
    private static List<CodeLine> HiddenCodeLines(SnippetCheckConfig config, IReadOnlyList<string> code)
    {
        var text = config.SourcePath is { } path && File.Exists(path) ? File.ReadAllLines(path) : [];
        var at = Array.FindIndex(text, l => l.Contains("\"hiddenCode\"", StringComparison.Ordinal));
        var lines = new List<CodeLine>();
        foreach (var line in code)
        {
            var quoted = System.Text.Json.JsonSerializer.Serialize(line, ConfigLoader.Strings);
            var next = at < 0 ? -1 : Array.FindIndex(text, at + 1, l => l.Contains(quoted, StringComparison.Ordinal));
            if (next >= 0) at = next;
            lines.Add(next >= 0 ? new CodeLine(line, next + 1, text[next].IndexOf(quoted, StringComparison.Ordinal) + 2)
                : new CodeLine(line, Math.Max(at, 0) + 1, 1));
        }
        return lines;
    }

    private static IEnumerable<Prelude> Files(SnippetCheckConfig config, string currentDirectory, string where)
    {
        return FilesOf(config, currentDirectory).Select(x =>
        {
            var (file, full) = x;
            if (!File.Exists(full))
                throw new VerificationSetupException(
                    DiagnosticCodes.BadConfig, $"{where}: prelude '{file}' does not exist (looked for {full}; a bad prelude stops the run: exit " +
                    $"code 2)");
            var text = SourceDocument.Load(full, DocumentDiscovery.DisplayPath(full, currentDirectory));
            return Prelude.OfFile(text.DisplayPath, [.. Enumerable.Range(1, text.Lines.LineCount).Select(text.Lines.Text)]);
        });
    }

    /// <summary>Each prelude as the config names it, and its full path (relative to the config file's folder).</summary>
    public static IEnumerable<(string Given, string Full)> FilesOf(SnippetCheckConfig config, string currentDirectory)
    {
        var baseDirectory = config.SourcePath is { } source ? Path.GetDirectoryName(source)! : currentDirectory;
        return (config.Preludes ?? []).Select(file => (file, Path.GetFullPath(file, baseDirectory)));
    }
}
