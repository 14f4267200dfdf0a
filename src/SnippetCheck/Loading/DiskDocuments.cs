using SnippetCheck.Caching.Store;
using SnippetCheck.Configuration;
using SnippetCheck.Extraction;
using SnippetCheck.Extraction.Discovery;
using SnippetCheck.Model;

namespace SnippetCheck.Loading;

/// <summary>
/// A run over files: the documents <see cref="LoadOptions.Paths"/> and the config's globs find, then <c>--shard</c>, each
/// read from disk. No file at all is a setup error; a shard that gets none is not.
/// </summary>
internal sealed class DiskDocuments : IDocumentSource
{
    public static readonly DiskDocuments Instance = new();

    private DiskDocuments()
    {
    }

    public (IReadOnlyList<DocumentPath> Documents, IReadOnlyList<Diagnostic> Notes) Find(
        LoadOptions options, SnippetCheckConfig config, FileSet set)
    {
        Discovered discovered;
        try
        {
            discovered = DocumentDiscovery.Find(options.Paths, options.CurrentDirectory, set, userInclude: config.Include is not null);
        }
        catch (DiscoveryException e)
        {
            throw new VerificationSetupException(DiagnosticCodes.NoDocuments, e.Message);
        }
        var paths = discovered.Files;
        if (paths.Count == 0) throw new VerificationSetupException(DiagnosticCodes.NoDocuments, NothingFound(discovered, options));
        // What a killed --accept or adopt --write left beside a post goes with the next run over its folder, so none stays for good.
        foreach (var folder in paths.Select(p => Path.GetDirectoryName(p.FullPath)!).Distinct(StringComparer.Ordinal))
            StoreFile.SweepTemporaries(folder);
        return (options.Shard is { } shard ? shard.Select(paths) : paths, discovered.Notes);
    }

    public SourceDocument Read(DocumentPath path) => SourceDocument.Load(path.FullPath, path.DisplayPath);

    public IReadOnlyList<string> PathsOf(LoadOptions options) => options.Paths;

    /// <summary>Why a run found no document, and what would find some: the files left out, or the project beside the sources.</summary>
    private static string NothingFound(Discovered discovered, LoadOptions options)
    {
        var where = options.Paths.Count == 0 ? "the current directory" : string.Join(", ", options.Paths);
        var message = $"no Markdown files matched in {where}";
        if (discovered.LeftOut.Count > 0)
            message = $"no documents to verify in {where}: every file found was left out: " +
                $"{string.Join(", ", discovered.LeftOut.Take(5))}{(discovered.LeftOut.Count > 5 ? ", ..." : "")}";
        var folders = (options.Paths.Count == 0 ? ["."] : options.Paths)
            .Select(p => Path.GetFullPath(p, options.CurrentDirectory)).Where(Directory.Exists);
        if (folders.SelectMany(ProjectsIn).FirstOrDefault() is { } project)
        {
            var shown = DocumentDiscovery.DisplayPath(project, options.CurrentDirectory);
            message += $"; for the examples in the doc comments of its C# files, verify the project: 'snippetcheck verify {shown}'";
        }
        return message;
    }

    /// <summary>The .csproj files of a folder, or else of the folder above it (a source folder such as src/Lib/Extensions).</summary>
    private static IEnumerable<string> ProjectsIn(string folder)
    {
        for (var current = new DirectoryInfo(folder); current is not null; current = current.Parent)
        {
            var projects = current.GetFiles("*.csproj").Select(f => f.FullName).Order(StringComparer.Ordinal).ToList();
            if (projects.Count > 0) return projects;
            if (!Directory.EnumerateFiles(current.FullName, "*.cs").Any()) break;
        }
        // Below: a repository root or a src folder holding the project's folder.
        return Directory.EnumerateFiles(folder, "*.csproj", new EnumerationOptions { RecurseSubdirectories = true, MaxRecursionDepth = 3 })
            .Where(p => !p.Split(Path.DirectorySeparatorChar).Any(s => s is "bin" or "obj" || s.StartsWith('.')))
            .Order(StringComparer.Ordinal);
    }
}
