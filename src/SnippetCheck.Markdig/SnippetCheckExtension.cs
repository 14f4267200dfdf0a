using System.Text.Json;
using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace SnippetCheck.Markdig;

/// <summary>
/// Writes C# fences as the HTML fragments <c>snippetcheck render --out DIR</c> wrote for them. Each fence is matched by
/// its code (what readers see), so a fragment follows its block wherever the page is built from; a fence no fragment
/// matches (new or edited since the render) is written as Markdig writes any code block.
/// </summary>
public sealed class SnippetCheckExtension : IMarkdownExtension
{
    private readonly RenderedFragments _fragments;

    /// <param name="renderDirectory">The folder <c>snippetcheck render --out</c> wrote.</param>
    public SnippetCheckExtension(string renderDirectory) => _fragments = RenderedFragments.Load(renderDirectory);

    /// <inheritdoc/>
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
    }

    /// <inheritdoc/>
    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is not HtmlRenderer html) return;
        var original = html.ObjectRenderers.FindExact<CodeBlockRenderer>();
        if (original is null) return;
        html.ObjectRenderers.Replace<CodeBlockRenderer>(new VerifiedCodeBlockRenderer(_fragments, original));
    }
}

/// <summary>The pipeline's entry point: <c>new MarkdownPipelineBuilder().UseSnippetCheck("obj/snippetcheck")</c>.</summary>
public static class SnippetCheckPipelineExtensions
{
    /// <summary>Writes C# fences as the fragments <c>snippetcheck render</c> wrote into <paramref name="renderDirectory"/>.</summary>
    public static MarkdownPipelineBuilder UseSnippetCheck(this MarkdownPipelineBuilder pipeline, string renderDirectory)
    {
        if (!pipeline.Extensions.Contains<SnippetCheckExtension>()) pipeline.Extensions.Add(new SnippetCheckExtension(renderDirectory));
        return pipeline;
    }
}

/// <summary>A C# fence with a fragment is written as that fragment; every other code block as before.</summary>
internal sealed class VerifiedCodeBlockRenderer(RenderedFragments fragments, CodeBlockRenderer original) : HtmlObjectRenderer<CodeBlock>
{
    private static readonly string[] CSharp = ["csharp", "cs", "c#"];

    protected override void Write(HtmlRenderer renderer, CodeBlock block)
    {
        if (block is FencedCodeBlock { Info: { } info } fence && CSharp.Contains(info.Trim(), StringComparer.OrdinalIgnoreCase) &&
            fragments.Find(fence.Lines.ToString()) is { } html)
        {
            renderer.EnsureLine();
            renderer.WriteLine(html);
            return;
        }
        original.Write(renderer, block);
    }
}

/// <summary>The fragments of one render folder, by the code they show.</summary>
internal sealed class RenderedFragments
{
    /// <summary>The render JSON's schema version this build reads (docs/render.md).</summary>
    private const int SchemaVersion = 1;

    private readonly Dictionary<string, string> _byCode = new(StringComparer.Ordinal);

    public static RenderedFragments Load(string directory)
    {
        if (!Directory.Exists(directory))
            throw new DirectoryNotFoundException($"'{directory}' is not a folder 'snippetcheck render --out' wrote: run 'snippetcheck render PATHS " +
                $"--out {directory}' first");
        var fragments = new RenderedFragments();
        // In path order, so which of two identical blocks' fragments is used does not depend on the file system.
        foreach (var json in Directory.EnumerateFiles(directory, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var html = Path.ChangeExtension(json, ".html");
            if (!File.Exists(html)) continue;
            using var document = JsonDocument.Parse(File.ReadAllText(json));
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("version", out var version)
                || !root.TryGetProperty("code", out var code)) continue;
            if (version.GetInt32() > SchemaVersion)
                throw new InvalidDataException($"{json} has render schema version {version.GetInt32()}; this SnippetCheck.Markdig reads version " +
                    $"{SchemaVersion}: update the package");
            fragments._byCode.TryAdd(code.GetString() ?? "", File.ReadAllText(html).TrimEnd('\n'));
        }
        return fragments;
    }

    /// <summary>The fragment of a fence with this body, its <c>// ^?</c> query lines taken out as render shows it; null if none.</summary>
    public string? Find(string body)
    {
        var lines = body.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var shown = lines.Where((line, i) => i == 0 || !IsQuery(line));
        return _byCode.TryGetValue(string.Join('\n', shown), out var html) ? html : null;
    }

    private static bool IsQuery(string line)
    {
        var trimmed = line.TrimStart();
        return trimmed.StartsWith("//", StringComparison.Ordinal) && trimmed.AsSpan(2).Trim().StartsWith("^?", StringComparison.Ordinal);
    }
}
