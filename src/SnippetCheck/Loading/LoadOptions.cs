using SnippetCheck.Configuration;

namespace SnippetCheck.Loading;

/// <summary>
/// What the loader reads of a run's options: the host's <c>LoadOptions</c> rank above the loading stage, so the
/// façade hands it these (<c>LoadOptions.Loading</c>), as it hands the engine its <c>RunSettings</c>.
/// </summary>
/// <param name="Paths">Files, folders and globs; empty means <paramref name="CurrentDirectory"/>.</param>
/// <param name="CurrentDirectory">The host's folder: relative paths, globs and the config search start there.</param>
/// <param name="ConfigPath">An explicit config file; null: <c>snippetcheck.json</c> looked for from the folder up.</param>
/// <param name="CommandLine">The command line's settings, laid over each file's.</param>
/// <param name="Untrusted"><c>--untrusted</c>: linked posts, widening tags and preludes outside the checkout are refused.</param>
/// <param name="Usings">The library's <c>--using</c> values, scoped ones (<c>N@FILE[:LINE]</c>) among them.</param>
/// <param name="Shard"><c>--shard K/N</c>; null for every file.</param>
internal sealed record LoadOptions(
    IReadOnlyList<string> Paths, string CurrentDirectory, string? ConfigPath, SnippetCheckConfig CommandLine, bool Untrusted,
    IReadOnlyList<string> Usings, Shard? Shard);
