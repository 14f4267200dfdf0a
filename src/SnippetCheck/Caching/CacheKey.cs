using System.Security.Cryptography;
using System.Text;
using Microsoft.CodeAnalysis;
using SnippetCheck.Execution;
using SnippetCheck.Snippets;
using SnippetCheck.Programs;

namespace SnippetCheck.Caching;

/// <summary>
/// The content of everything that decides a program's verdict, hashed: the tool build, the runtime, the
/// effective code (preludes and session blocks included), tags, compile settings, references, expected
/// output, stdin and the run environment. Positions are left out, so editing prose moves no snippet out.
/// </summary>
internal static class CacheKey
{
    internal static readonly string ToolIdentity =
        $"{typeof(CacheKey).Assembly.ManifestModule.ModuleVersionId}|{Environment.Version}|{System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier}";

    /// <summary>
    /// What every program of a run shares (the tool, the dependencies, the runner's environment and the variables it
    /// lets through), hashed once: a cached run computes a key per program, and these parts are most of its text.
    /// </summary>
    public static string RunWide(RunnerOptions runner, string dependencies)
    {
        var text = new StringBuilder();
        Add(text, "tool", ToolIdentity);
        Add(text, "dependencies", dependencies);
        Add(text, "env", string.Join(',', runner.AllowedEnvironment) + "|" + runner.MemoryLimitBytes);
        // A matrix framework's runtime: a cached net8.0 verdict holds for the runtime it ran on.
        if (runner.Runtime is not null) Add(text, "runtime", runner.Runtime);
        // Allowed variables' values are part of what a snippet can see and print.
        var variables = Environment.GetEnvironmentVariables();
        foreach (var name in variables.Keys.Cast<string>().Where(runner.IsAllowed).Order(StringComparer.Ordinal))
        {
            Add(text, "var:" + name, variables[name] as string);
        }
        return Hash(text);
    }

    public static string For(SnippetProgram program, string runWide)
    {
        var text = new StringBuilder();
        Add(text, "run", runWide);
        // The same blocks as one class run otherwise than as a session or alone.
        Add(text, "fixture", program.IsFixture ? "page" : null);
        foreach (var prelude in program.Preludes)
        {
            Add(text, "prelude", string.Join('\n', prelude.Lines.Select(l => l.Text)));
        }
        for (var i = 0; i < program.Blocks.Count; i++)
        {
            var block = program.Blocks[i];
            Add(text, "code", block.Block.Content);
            Add(text, "kind", block.Kind.ToTag());
            Add(text, "tags", block.Tags.Original);
            // What the tags mean, not only how they read: adopt tries a block as members or with packages under the
            // tags it was written with, and such a pass must never answer for the block as written.
            Add(text, "members", block.Tags.Members ? "members" : null);
            Add(text, "results", block.Tags.Results ? "results" : null);
            Add(text, "directives", block.Directives.Key);
            Add(text, "output", block.Output?.Text);
            Add(text, "mode", block.Output?.Mode.ToString());
            Add(text, "scrub", program.Scrubbings[i].Key);
            Add(text, "stdin", block.Stdin?.Content);
            Add(text, "timeout", program.Timeouts[i].Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        Add(text, "compile", program.Settings.Key);
        Add(text, "refs", DescribeAll(program.Settings.References));
        return Hash(text);
    }

    private static void Add(StringBuilder text, string label, string? value) =>
        text.Append(label).Append('=').Append(value?.Length ?? -1).Append(':').Append(value).Append('\n');

    /// <summary>The key of several programs' results kept together: their keys, in order.</summary>
    public static string ForAll(IEnumerable<string> programKeys) => Hash(string.Join('\n', programKeys));

    private static string Hash(StringBuilder text) => Hash(text.ToString());

    internal static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, string> Described = new();

    /// <summary>
    /// A reference set, described once per run rather than stat-ed again for every snippet, and by the hash of its
    /// description: the framework alone is some 170 paths, which every program's key would otherwise hash again.
    /// </summary>
    private static string DescribeAll(System.Collections.Immutable.ImmutableArray<MetadataReference> references)
    {
        var key = (object?)System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsArray(references) ?? Array.Empty<MetadataReference>();
        return Described.GetValue(key, _ => Hash(string.Join('\n', references.Select(Describe))));
    }

    /// <summary>A file reference by path, size and time: a rebuilt library changes the key.</summary>
    private static string Describe(MetadataReference reference)
    {
        var path = (reference as PortableExecutableReference)?.FilePath ?? reference.Display ?? "";
        try
        {
            var info = new FileInfo(path);
            return info.Exists ? $"{path}|{info.Length}|{info.LastWriteTimeUtc.Ticks}" : path;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return path;
        }
    }
}
