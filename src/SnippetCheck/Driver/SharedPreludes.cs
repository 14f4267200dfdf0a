using SnippetCheck.Configuration;
using SnippetCheck.Extraction.Discovery;
using SnippetCheck.Extraction.Markdown;
using SnippetCheck.Model;
using SnippetCheck.Extraction.Snippets;

namespace SnippetCheck.Driver;

/// <summary>
/// Config <c>preludes</c>: C# files of hidden code that every program of the run gets, before its document's own
/// preludes, as if each document opened with a <c>snippetcheck: prelude</c> comment holding the file. Read once per
/// run; a diagnostic in one points at the C# file's own line.
/// </summary>
internal static class SharedPreludes
{
    /// <exception cref="VerificationSetupException">A prelude file is missing or not a <c>.cs</c> file: exit code 2, as a bad reference.</exception>
    public static IReadOnlyList<Prelude> Load(SnippetCheckConfig config, string currentDirectory)
    {
        var where = config.SourcePath is { } path ? DocumentDiscovery.DisplayPath(path, currentDirectory) : "config";
        return [.. FilesOf(config, currentDirectory).Select(x =>
        {
            var (file, full) = x;
            if (!File.Exists(full))
                throw new VerificationSetupException(
                    DiagnosticCodes.BadConfig, $"{where}: prelude '{file}' does not exist (looked for {full}; a bad prelude stops the run: exit " +
                    $"code 2)");
            var text = SourceDocument.Load(full, DocumentDiscovery.DisplayPath(full, currentDirectory));
            return Prelude.OfFile(text.DisplayPath, [.. Enumerable.Range(1, text.Lines.LineCount).Select(text.Lines.Text)]);
        })];
    }

    /// <summary>Each prelude as the config names it, and its full path (relative to the config file's folder).</summary>
    public static IEnumerable<(string Given, string Full)> FilesOf(SnippetCheckConfig config, string currentDirectory)
    {
        var baseDirectory = config.SourcePath is { } source ? Path.GetDirectoryName(source)! : currentDirectory;
        return (config.Preludes ?? []).Select(file => (file, Path.GetFullPath(file, baseDirectory)));
    }
}
