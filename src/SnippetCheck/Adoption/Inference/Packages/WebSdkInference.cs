using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using SnippetCheck.Compilation;
using SnippetCheck.Driver;
using SnippetCheck.Programs;
using SnippetCheck.Results;
using SnippetCheck.Extraction.Snippets;

namespace SnippetCheck.Adoption.Inference.Packages;

/// <summary>
/// Blocks of ASP.NET Core docs (issue 54): their readers' projects use the Web SDK, whose ASP.NET Core assemblies and
/// implicit usings (<c>WebApplication</c>, <c>Results</c>, <c>MapGet</c>) the block never imports. A block that fails only
/// on unknown names, one of which ASP.NET Core declares, is verified again with <c>sdk=web</c> (a hidden
/// <c>#:sdk Microsoft.NET.Sdk.Web</c>), then with the usings its other ASP.NET Core names need.
/// </summary>
internal static partial class WebSdkInference
{
    /// <summary>The latest result of each block tried; none when the SDK has no ASP.NET Core reference pack.</summary>
    /// <param name="failing">Untagged blocks that failed every earlier pass, with their last failure.</param>
    public static async Task<IReadOnlyList<SnippetResult>> TryAsync(
        IBlockTrials verifier, IReadOnlyList<(PreparedDocument Document, SnippetResult Failed)> failing,
        CancellationToken cancellationToken)
    {
        if (AspNetCore() is not { IsDefaultOrEmpty: false } web) return [];
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
        var latest = (await verifier.VerifyLoneAsync(tries, useCache: true, cancellationToken).ConfigureAwait(false)).ToDictionary(
            r => r.Snippet.Location);

        // Beyond the implicit usings: 'ControllerBase' is Microsoft.AspNetCore.Mvc's, which a controller's file imports. The
        // implicit ones count as imported: 'Route' is then Mvc's attribute, not Microsoft.AspNetCore.Routing's class. A name
        // found nowhere is passed over: a controller's 'Ok(…)' binds once its base class does (the compile decides).
        IReadOnlyList<string> paths = [.. web.OfType<PortableExecutableReference>().Select(r => r.FilePath).OfType<string>()];
        var stillFailing = tries.Where(t => latest[t.Snippet.Location].Status == SnippetStatus.Failed).Select(
            t => (t.Document, latest[t.Snippet.Location], paths)).ToList();
        foreach (var result in (await UsingInference.AddInRoundsAsync(
            verifier, stillFailing, cancellationToken, ReferenceAssemblies.WebUsings, skipUnknown: true).ConfigureAwait(false))
            .Results) latest[result.Snippet.Location] = result;
        return [.. latest.Values];
    }

    /// <summary>
    /// True for a block of a web app that starts its server (<c>app.Run()</c>, <c>await app.RunAsync()</c>): its run
    /// serves requests until stopped, so <c>adopt</c> proposes <c>compile</c> for it, never a run that could only time out
    /// or fail on the sandbox's network rule (which is no rot of the docs).
    /// </summary>
    public static bool ServesRequests(Snippet snippet) =>
        snippet.Tags.WebSdk && snippet.Code.Any(line => HostStart().IsMatch(line.Text));

    private static ImmutableArray<MetadataReference> AspNetCore()
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
