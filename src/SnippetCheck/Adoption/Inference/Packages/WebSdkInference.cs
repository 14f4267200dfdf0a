using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using SnippetCheck.Compilation;
using SnippetCheck.Programs;
using SnippetCheck.Results;
using SnippetCheck.Extraction.Snippets;

namespace SnippetCheck.Adoption.Inference.Packages;

/// <summary>
/// Blocks of ASP.NET Core docs: their readers' projects use the Web SDK, whose ASP.NET Core assemblies and
/// implicit usings (<c>WebApplication</c>, <c>Results</c>, <c>MapGet</c>) the block never imports. A block that fails only
/// on unknown names, one of which ASP.NET Core declares, is verified again with <c>sdk=web</c> (a hidden
/// <c>#:sdk Microsoft.NET.Sdk.Web</c>), then with the usings its other ASP.NET Core names need.
/// </summary>
internal static partial class WebSdkInference
{
    /// <summary>
    /// Each failed block worth a try as a project of the Web SDK: it fails only on unknown names, one of which ASP.NET
    /// Core (<paramref name="web"/>) declares and the framework alone does not; tagged so (<c>compile</c>, <c>sdk=web</c>).
    /// Its trials are Trials/WebSdkTrials' (adopt's inference runs no code, so its rules test without a run).
    /// </summary>
    /// <param name="failing">Untagged blocks that failed every earlier pass, with their last failure.</param>
    public static List<(PreparedDocument Document, Snippet Snippet)> Tries(
        IReadOnlyList<(PreparedDocument Document, SnippetResult Failed)> failing, ImmutableArray<MetadataReference> web)
    {
        var tries = new List<(PreparedDocument Document, Snippet Snippet)>();
        foreach (var (document, failed) in failing)
        {
            if (failed.Snippet.Tags.WebSdk || PackageInference.UnknownNames(failed.Snippet, failed.Diagnostics) is not { } names) continue;
            var framework = document.SettingsFor(failed.Snippet);
            var references = framework.References.AddRange(web);
            // Only a name ASP.NET Core declares and the framework alone does not: 'HttpClient' is no reason for a web project.
            if (!names.Any(n => UsingInference.NamespacesOf(n, references, []).Count > 0
                && UsingInference.NamespacesOf(n, framework.References, []).Count == 0)) continue;
            tries.Add((document, failed.Snippet with { Tags = failed.Snippet.Tags with { Kind = SnippetKind.Compile, WebSdk = true } }));
        }
        return tries;
    }

    /// <summary>
    /// True for a block of a web app that starts its server (<c>app.Run()</c>, <c>await app.RunAsync()</c>): its run
    /// serves requests until stopped, so <c>adopt</c> proposes <c>compile</c> for it, never a run that could only time out
    /// or fail on the sandbox's network rule (which is no rot of the docs).
    /// </summary>
    public static bool ServesRequests(Snippet snippet) =>
        snippet.Tags.WebSdk && snippet.Code.Any(line => HostStart().IsMatch(line.Text));

    /// <summary>ASP.NET Core's reference assemblies; none when the SDK has no ASP.NET Core targeting pack.</summary>
    public static ImmutableArray<MetadataReference> AspNetCore()
    {
        try
        {
            return ReferenceAssemblies.Web;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // No ASP.NET Core targeting pack beside the SDK: nothing to try, and verify would say so for a tagged block.
            return [];
        }
    }

    [GeneratedRegex(@"\b\w+\.(Run|RunAsync|Start|StartAsync)\(\s*\)")]
    private static partial Regex HostStart();
}
