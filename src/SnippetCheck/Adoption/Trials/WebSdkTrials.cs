using Microsoft.CodeAnalysis;
using SnippetCheck.Adoption.Inference.Packages;
using SnippetCheck.Compilation;
using SnippetCheck.Driver;
using SnippetCheck.Programs;
using SnippetCheck.Results;

namespace SnippetCheck.Adoption.Trials;

/// <summary>Pass 1c''s trials: the blocks <see cref="WebSdkInference"/> picks, as a project of the Web SDK, then with the usings they need.</summary>
internal static class WebSdkTrials
{
    /// <summary>The latest result of each block tried; none when the SDK has no ASP.NET Core reference pack.</summary>
    /// <param name="failing">Untagged blocks that failed every earlier pass, with their last failure.</param>
    public static async Task<IReadOnlyList<SnippetResult>> TryAsync(
        IBlockTrials verifier, IReadOnlyList<(PreparedDocument Document, SnippetResult Failed)> failing,
        CancellationToken cancellationToken)
    {
        if (WebSdkInference.AspNetCore() is not { IsDefaultOrEmpty: false } web) return [];
        var tries = WebSdkInference.Tries(failing, web);
        var latest = (await verifier.VerifyLoneAsync(tries, useCache: true, cancellationToken).ConfigureAwait(false)).ToDictionary(
            r => r.Snippet.Location);

        // Beyond the implicit usings: 'ControllerBase' is Microsoft.AspNetCore.Mvc's, which a controller's file imports. The
        // implicit ones count as imported: 'Route' is then Mvc's attribute, not Microsoft.AspNetCore.Routing's class. A name
        // found nowhere is passed over: a controller's 'Ok(…)' binds once its base class does (the compile decides).
        IReadOnlyList<string> paths = [.. web.OfType<PortableExecutableReference>().Select(r => r.FilePath).OfType<string>()];
        var stillFailing = tries.Where(t => latest[t.Snippet.Location].Status == SnippetStatus.Failed).Select(
            t => (t.Document, latest[t.Snippet.Location], paths)).ToList();
        foreach (var result in (await UsingTrials.AddInRoundsAsync(
            verifier, stillFailing, cancellationToken, ReferenceAssemblies.WebUsings, skipUnknown: true).ConfigureAwait(false))
            .Results) latest[result.Snippet.Location] = result;
        return [.. latest.Values];
    }
}
