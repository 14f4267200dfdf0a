using Microsoft.CodeAnalysis;
using SnippetCheck.Configuration;
using SnippetCheck.Execution;
using SnippetCheck.Results;
using SnippetCheck.Extraction.Snippets;
using SnippetCheck.Programs;
using SnippetCheck.Caching.Store;

namespace SnippetCheck.Caching;

/// <summary>
/// The content of everything that decides a program's verdict, hashed: the tool build, the runtime, the
/// effective code (preludes and session blocks included), tags, compile settings, references, expected
/// output, stdin and the run environment. Positions are left out, so editing prose moves no snippet out. Built as every
/// key of the store is (<see cref="StoreKey"/>), so no two programs' parts read alike.
/// </summary>
internal static class CacheKey
{
    /// <summary>This build of the tool on this runtime: a cached answer of another build is never reused (render's cache keys it too).</summary>
    public static readonly string ToolIdentity =
        $"{typeof(CacheKey).Assembly.ManifestModule.ModuleVersionId}|{Environment.Version}|" +
        System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier;

    /// <summary>
    /// What every program of a run shares (the tool, the dependencies, the runner's environment and the variables it
    /// lets through), hashed once: a cached run computes a key per program, and these parts are most of its text.
    /// </summary>
    internal static string RunWide(RunnerOptions runner, string dependencies)
    {
        var key = new StoreKey()
            .Add("tool", ToolIdentity)
            .Add("dependencies", dependencies)
            .Add("memory", runner.MemoryLimitBytes);
        foreach (var pattern in runner.AllowedEnvironment) key.Add("allowed", pattern);
        // A matrix framework's runtime: a cached net8.0 verdict holds for the runtime it ran on.
        if (runner.Runtime is not null) key.Add("runtime", runner.Runtime);
        // Allowed variables' values are part of what a snippet can see and print.
        var variables = Environment.GetEnvironmentVariables();
        foreach (var name in variables.Keys.Cast<string>().Where(runner.IsAllowed).Order(StringComparer.Ordinal))
        {
            key.Add("variable", name).Add("value", variables[name] as string);
        }
        return key.Hash();
    }

    internal static string For(SnippetProgram program, string runWide)
    {
        var key = new StoreKey().Add("run", runWide);
        // The same blocks as one class run otherwise than as a session or alone.
        key.Add("fixture", program.IsFixture ? "page" : null);
        foreach (var prelude in program.Preludes)
        {
            key.Add("prelude", string.Join('\n', prelude.Lines.Select(l => l.Text)));
        }
        for (var i = 0; i < program.Blocks.Count; i++)
        {
            var block = program.Blocks[i];
            key.Add("code", block.Block.Content);
            // The code as compiled, beside the block as written: a doc comment's hidden result checks run after the code
            // but stand outside the block, and adopt tries blocks with code of its own (a typo's repair, the
            // prose's claims): a pass of other code must never answer for the block as written.
            key.Add("checked code", string.Join('\n', block.Code.Select(l => l.Text)));
            key.Add("kind", block.Kind.ToTag());
            key.Add("tags", block.Tags.Original);
            // What the tags mean, not only how they read: adopt tries a block as members or with packages under the
            // tags it was written with, and such a pass must never answer for the block as written.
            key.Add("members", block.Tags.Members ? "members" : null);
            key.Add("listing", block.Tags.Listing ? "listing" : null);
            key.Add("statements first", block.Tags.StatementsFirst ? TagParser.StatementsFirst : null);
            key.Add("results", block.Tags.Results ? "results" : null);
            key.Add("base", block.Tags.Base);
            key.Add("given", block.Tags.Given.Count > 0 ? string.Join(',', block.Tags.Given) : null);
            key.Add("directives", block.Directives.Key);
            key.Add("output", block.Output?.Text);
            key.Add("mode", block.Output?.Mode.ToString());
            key.Add("scrub", BlockScrubbing.For(program, i).Key);
            key.Add("stdin", block.Stdin?.Content);
            key.Add("timeout", program.Timeouts[i].Ticks);
        }

        // Every setting that can change a verdict, as the file has it: the table's keyed rows, so none is forgotten.
        Settings.AddKeyed(key, program.Config);
        program.Settings.Key.AddTo(key);
        key.Add("refs", DescribeAll(program.Settings.References));
        return key.Hash();
    }

    /// <summary>The key of several programs' results kept together: their keys in order, each of one length, so none runs into the next.</summary>
    public static string ForAll(IEnumerable<string> programKeys) => ContentHash.Of(string.Join('\n', programKeys));

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, string> Described = new();

    /// <summary>
    /// A reference set, described once per run rather than stat-ed again for every snippet, and by the hash of its
    /// description: the framework alone is some 170 paths, which every program's key would otherwise hash again.
    /// </summary>
    private static string DescribeAll(System.Collections.Immutable.ImmutableArray<MetadataReference> references)
    {
        var key = (object?)System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsArray(references) ?? Array.Empty<MetadataReference>();
        return Described.GetValue(key, _ =>
        {
            var described = new StoreKey();
            foreach (var reference in references) Describe(described, reference);
            return described.Hash();
        });
    }

    /// <summary>A file reference by path, size and time: a rebuilt library changes the key.</summary>
    private static void Describe(StoreKey key, MetadataReference reference)
    {
        var path = (reference as PortableExecutableReference)?.FilePath ?? reference.Display ?? "";
        key.Add("reference", path);
        try
        {
            var info = new FileInfo(path);
            if (info.Exists) key.Add("length", info.Length).Add("time", info.LastWriteTimeUtc.Ticks);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            // Then the path alone.
        }
    }
}
