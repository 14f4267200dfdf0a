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
    private static readonly string ToolIdentity =
        $"{typeof(CacheKey).Assembly.ManifestModule.ModuleVersionId}|{Environment.Version}|{System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier}";

    public static string For(SnippetProgram program, RunnerOptions runner, string dependencies)
    {
        var text = new StringBuilder();
        void Add(string label, string? value) => text.Append(label).Append('=').Append(value?.Length ?? -1).Append(':').Append(value).Append('\n');

        Add("tool", ToolIdentity);
        Add("dependencies", dependencies);
        foreach (var prelude in program.Preludes)
        {
            Add("prelude", string.Join('\n', prelude.Lines.Select(l => l.Text)));
        }
        for (var i = 0; i < program.Blocks.Count; i++)
        {
            var block = program.Blocks[i];
            Add("code", block.Block.Content);
            Add("kind", block.Kind.ToTag());
            Add("tags", block.Tags.Original);
            Add("output", block.Output?.Text);
            Add("mode", block.Output?.Mode.ToString());
            Add("scrub", program.Scrubbings[i].Key);
            Add("stdin", block.Stdin?.Content);
            Add("timeout", program.Timeouts[i].Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        Add("compile", program.Settings.Key);
        Add("refs", DescribeAll(program.Settings.References));
        Add("env", string.Join(',', runner.AllowedEnvironment) + "|" + runner.MemoryLimitBytes);
        // Allowed variables' values are part of what a snippet can see and print.
        var variables = Environment.GetEnvironmentVariables();
        foreach (var name in variables.Keys.Cast<string>().Where(runner.IsAllowed).Order(StringComparer.Ordinal))
        {
            Add("var:" + name, variables[name] as string);
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, string> Described = new();

    /// <summary>A reference set, described once per run rather than stat-ed again for every snippet.</summary>
    private static string DescribeAll(System.Collections.Immutable.ImmutableArray<MetadataReference> references)
    {
        var key = (object?)System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsArray(references) ?? Array.Empty<MetadataReference>();
        return Described.GetValue(key, _ => string.Join('\n', references.Select(Describe)));
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
