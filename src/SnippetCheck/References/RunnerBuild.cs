using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SnippetCheck.Compilation;
using SnippetCheck.Configuration;
using SnippetCheck.Model;
using SnippetCheck.Caching.Store;

namespace SnippetCheck.References;

/// <summary>
/// The runner for a framework other than the tool's. A runner for an older runtime must not use newer APIs, so its
/// sources (embedded in the tool, <c>runner-source/</c>) are compiled with Roslyn against that framework's reference
/// assemblies, with its preprocessor symbols: the same program, built for each framework it serves. Beside it go a
/// runtimeconfig for the installed shared runtime, or, without one, the runtime pack's files (a self-contained app,
/// which <c>dotnet exec</c> starts all the same). Built once per machine, into a folder named by everything it is made of.
/// </summary>
internal static class RunnerBuild
{
    public const string AssemblyName = "snippetcheck-runner";
    private const string SourcePrefix = "runner-source/";

    /// <summary>The runner's path in <paramref name="root"/>, built there first when it is not yet.</summary>
    /// <param name="shared">The installed shared runtime version it runs on; null: self-contained, from <paramref name="restored"/>'s runtime
    /// pack.</param>
    public static async Task<string> EnsureAsync(
        TargetFramework framework, ImmutableArray<MetadataReference> references, FrameworkPacks.Restored restored,
        string? shared, string root, CancellationToken cancellationToken)
    {
        var sources = Sources();
        var identity = new StoreKey()
            .Add("framework", framework.Moniker)
            .Add("runtime", shared is not null ? "shared " + shared : "self-contained " + restored.RuntimeVersion)
            .Add("roslyn", typeof(CSharpCompilation).Assembly.GetName().Version?.ToString());
        foreach (var reference in restored.References) identity.Add("reference", reference);
        foreach (var (name, text) in sources) identity.Add("source", name).Add("text", text);
        var folder = Path.Combine(root, "runner-" + framework.Moniker + "-" + StoreKey.FolderName(identity.Hash()));
        var runnerPath = Path.Combine(folder, AssemblyName + ".dll");
        // A folder with the runner in it is always complete: it is built aside and moved in whole.
        var (built, _) = await StoreEntry.GetOrCreateAsync(
            folder + ".lock", TimeSpan.FromMinutes(10), () => File.Exists(runnerPath) ? runnerPath : null, async () =>
        {
            await StoreFile.ReplaceFolderAsync(folder, async building =>
            {
                if (shared is null)
                {
                    foreach (var asset in restored.RuntimeAssets)
                    {
                        var destination = Path.Combine(building, asset.Destination);
                        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
                        File.Copy(asset.Path, destination, overwrite: true);
                    }
                }
                Compile(framework, references, sources, Path.Combine(building, AssemblyName + ".dll"));
                await File.WriteAllTextAsync(
                    Path.Combine(building, AssemblyName + ".runtimeconfig.json"),
                    RuntimeConfig(framework, shared is null ? restored.RuntimeVersion : null),
                    cancellationToken).ConfigureAwait(false);
            }).ConfigureAwait(false);
            return runnerPath;
        }, cancellationToken).ConfigureAwait(false);
        return built;
    }

    /// <summary>The runner's C# files, by name, as the tool was built with them.</summary>
    internal static IReadOnlyList<(string Name, string Text)> Sources()
    {
        var assembly = typeof(RunnerBuild).Assembly;
        return [.. assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(SourcePrefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(n)!, Encoding.UTF8);
                return (n[SourcePrefix.Length..], reader.ReadToEnd());
            })];
    }

    private static void Compile(
        TargetFramework framework, ImmutableArray<MetadataReference> references, IReadOnlyList<(string Name, string Text)> sources, string output)
    {
        var parse = new CSharpParseOptions(
            LanguageVersion.CSharp14, DocumentationMode.None, SourceCodeKind.Regular, BuildSymbols.For(framework, debug: false));
        var trees = sources.Select(s => SourceTrees.AsWritten(s.Text, parse, s.Name))
            .Append(SourceTrees.GlobalUsings(Settings.ImplicitUsings, parse, "ImplicitUsings.cs"));
        var compilation = CSharpCompilation.Create(AssemblyName, trees, references,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable,
                optimizationLevel: OptimizationLevel.Release, deterministic: true));
        using var stream = File.Create(output);
        var emitted = compilation.Emit(stream);
        if (!emitted.Success)
        {
            var errors = emitted.Diagnostics.Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error).Take(5).Select(
                d => d.ToString());
            throw new VerificationSetupException(DiagnosticCodes.InternalError,
                $"the snippet runner does not compile for {framework}, a bug in snippetcheck: {string.Join("; ", errors)}");
        }
    }

    /// <summary>Framework-dependent on the installed runtime (roll forward within the major version, never past it), or self-contained.</summary>
    private static string RuntimeConfig(TargetFramework framework, string? selfContainedVersion) =>
        selfContainedVersion is null
            ? $$"""
              {
                "runtimeOptions": {
                  "tfm": "{{framework.Moniker}}",
                  "framework": { "name": "Microsoft.NETCore.App", "version": "{{framework.Major}}.0.0" },
                  "configProperties": { "System.Globalization.Invariant": false }
                }
              }
              """
            : $$"""
              {
                "runtimeOptions": {
                  "tfm": "{{framework.Moniker}}",
                  "includedFrameworks": [ { "name": "Microsoft.NETCore.App", "version": "{{selfContainedVersion}}" } ],
                  "configProperties": { "System.Globalization.Invariant": false }
                }
              }
              """;
}
