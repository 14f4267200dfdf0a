using System.Collections.Concurrent;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SnippetCheck.Configuration;
using SnippetCheck.Execution;
using SnippetCheck.Model;
using SnippetCheck.Caching.Store;

namespace SnippetCheck.References;

/// <summary>
/// Builds a referenced project (config <c>references</c>, a <c>.csproj</c> argument, or a snippet's <c>#:project</c>)
/// with <c>dotnet build -c Debug</c> (config <c>configuration</c>; Debug, as <c>dotnet build</c> and the MSBuild task
/// use, so a stack trace through the library reads the same from the CLI and from the build) into
/// <c>&lt;cache&gt;/projects/&lt;hash&gt;/bin/</c>, and references its output. A stamp of the project folder's sources (<c>*.cs</c>, <c>*.csproj</c>,
/// <c>*.props</c>,
/// <c>*.targets</c>, bin and obj left out) and the SDK version decides whether to build again: an unchanged
/// project is never rebuilt, in this run or a later one.
/// </summary>
/// <param name="framework">
/// The framework the snippets compile and run on (the tool's, or a matrix pass's). The project is built for the one of its
/// target frameworks that this framework consumes, as NuGet picks it (<see cref="NearestFramework"/>): a project that
/// multi-targets with <c>-f</c>, so a library's examples run against the build a program on that framework would use.
/// </param>
/// <param name="sandbox">What confines the restore and the build (<see cref="BuildSandbox"/>): a project is a post's code.</param>
/// <param name="checkout">The run's checkout, which says what a project may reach (<see cref="ProjectReach"/>); by default, a trusted run
/// in the project's own repository.</param>
internal sealed class ProjectBuilder(string cacheRoot, BuildConfiguration configuration = BuildConfiguration.Debug, TargetFramework? framework = null,
    BuildSandbox? sandbox = null, Checkout? checkout = null)
{
    private readonly BuildSandbox _sandbox = sandbox ?? BuildSandbox.Auto();

    private readonly TargetFramework _framework = framework ?? TargetFramework.Tool;

    private static readonly string[] StampedExtensions = [".cs", ".csproj", ".props", ".targets"];

    private readonly string _cacheRoot = Path.GetFullPath(cacheRoot);
    private readonly ConcurrentDictionary<string, Lazy<Task<ResolveOutcome>>> _builds = new(StringComparer.Ordinal);

    /// <summary>The projects built (or found built in the store) so far, each with the framework it was built for.</summary>
    public IReadOnlyList<LibraryBuild> Built =>
        [.. _builds.Where(b => b.Value.IsValueCreated && b.Value.Value.IsCompletedSuccessfully
            && b.Value.Value.Result.Assets?.LibraryFramework is not null)
            .Select(b => new LibraryBuild(b.Key, _framework.Moniker, b.Value.Value.Result.Assets!.LibraryFramework!))
            .OrderBy(b => b.Project, StringComparer.Ordinal)];

    /// <summary>Builds a project once per process; <paramref name="projectPath"/> is a .csproj or a folder holding exactly one.</summary>
    public Task<ResolveOutcome> BuildAsync(string projectPath, CancellationToken cancellationToken)
    {
        var project = FindProjectFile(Path.GetFullPath(projectPath), out var problem);
        if (project is null) return Task.FromResult(ResolveOutcome.Failed(problem!));
        return _builds.GetOrAdd(project, p => new Lazy<Task<ResolveOutcome>>(() => BuildCoreAsync(p, cancellationToken))).Value;
    }

    private static string? FindProjectFile(string path, out string? problem)
    {
        problem = null;
        if (File.Exists(path)) return path;
        if (Directory.Exists(path))
        {
            var projects = Directory.GetFiles(path, "*.csproj");
            if (projects.Length == 1) return projects[0];
            problem = projects.Length == 0 ? $"no .csproj file in '{path}'" : $"'{path}' holds several .csproj files; name one";
            return null;
        }
        problem = $"'{path}' does not exist";
        return null;
    }

    private async Task<ResolveOutcome> BuildCoreAsync(string project, CancellationToken cancellationToken)
    {
        // Keyed by the snippets' framework: which of the project's frameworks is built for it follows from the project's
        // files (stamped below) and that framework alone.
        // A build under --untrusted saw an allow-list of the environment, not the author's: kept apart, neither reuses the other.
        var folderKey = new StoreKey().Add("project", project).Add("configuration", configuration.ToString()).Add("framework", _framework.Moniker);
        if (Untrusted) folderKey.Add("environment", "allow-list");
        var folder = Path.Combine(_cacheRoot, "projects", StoreKey.FolderName(folderKey.Hash()));
        BuildReach reach;
        string sdk;
        try
        {
            // Refused before anything runs or is found built: the project, a project it references or a feed (SC3017 under --untrusted).
            reach = ProjectReach.Of(project, Path.Combine(folder, "bin"), checkout ?? Checkout.Of(Path.GetDirectoryName(project)!, untrusted: false));
            // The SDK that builds the project: a global.json in its folder or above picks it.
            sdk = await DotnetCli.SdkVersionAsync(Path.GetDirectoryName(project)!, _cacheRoot, _sandbox, reach).ConfigureAwait(false);
        }
        catch (ReachRefusedException e)
        {
            return ResolveOutcome.Refused(e.Code, e.Message);
        }
        catch (DotnetFailedException e)
        {
            var error = e.Result.FirstError();
            return ResolveOutcome.Failed($"{error}\nreproduce: {ReproduceAsWritten(project)}{SdkHint(error, project)}");
        }
        var key = new StoreKey()
            .Add("project", project)
            .Add("configuration", configuration.ToString())
            .Add("sdk", sdk)
            .Add("framework", _framework.Moniker)
            .Add("stamp", Stamp(Path.GetDirectoryName(project)!))
            .Hash();
        // Another process building the same project is waited for as long as its restore and build may take.
        return await AssetCache.GetOrResolveAsync(folder, key, StepTimeout.Restore + StepTimeout.Build,
            () => BuildIntoAsync(project, reach, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The command that shows a failed build's whole output: a library can fail for reasons of its own, fixed there.</summary>
    private string Reproduce(string project, string[] frameworkArguments) =>
        BuildReproduction.Command(project, configuration, frameworkArguments, Untrusted);

    /// <summary><c>--untrusted</c>: the project's restore and build see an allow-list of the environment, not the author's.</summary>
    private bool Untrusted => checkout?.Untrusted ?? false;

    /// <summary>A line more when the installed SDK is what cannot build the library (<see cref="SdkMismatch"/>); else nothing.</summary>
    private string SdkHint(string firstError, string project) =>
        SdkMismatch.Hint(firstError, ProjectTargets.Listed(project), _framework.Moniker) is { } hint ? "\n" + hint : "";

    private ResolveOutcome NoFrameworkFits(IEnumerable<string> frameworks) =>
        ResolveOutcome.Failed($"none of its target frameworks ({string.Join(";", frameworks)}) can be used by code on {_framework.Moniker}; " +
            $"looked for {NearestFramework.Wanted(_framework.Moniker)}");

    /// <summary>Before the project is evaluated, the <c>-f</c> its text's <c>TargetFrameworks</c> says the build will take.</summary>
    private string ReproduceAsWritten(string project) =>
        Reproduce(project, ProjectTargets.Listed(project) is { } listed && NearestFramework.For(_framework.Moniker, listed) is { } chosen
            ? ["-f", chosen] : []);

    private async Task<ResolveOutcome> BuildIntoAsync(string project, BuildReach reach, CancellationToken cancellationToken)
    {
        var output = reach.Write[0];
        // A clean output folder: a dependency the project dropped must not linger for the runner to find.
        if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
        ProjectReach.MakeWritable(reach);
        var directory = Path.GetDirectoryName(project)!;
        // The restore is NuGet's, with the network and the feeds' credentials; the build runs the project's and its
        // packages' targets, so it runs apart, with neither (SECURITY.md). The restore evaluates the project too, and
        // runs any target the project hooks to it: it gets no secret but NuGet's own. Its evaluation says which
        // frameworks the project targets, Directory.Build.props and conditions included.
        var restore = await DotnetCli.RunConfinedAsync(_sandbox, BuildStep.Restore, project, reach,
            ["restore", project, "-nologo", .. ConfinedSwitches, "-p:SnippetCheckEnabled=false", "-getProperty:TargetFramework",
                "-getProperty:TargetFrameworks"],
            directory, StepTimeout.Restore, cancellationToken, ProjectReach.ConfigText(reach), !Untrusted).ConfigureAwait(false);
        if (!restore.Succeeded) return RestoreFailed(project, restore);
        var targets = LibraryTargets.Read(GeneratedRestore.JsonPart(restore.Stdout));
        var chosen = NearestFramework.For(_framework.Moniker, targets.Frameworks);
        if (chosen is null)
            return targets.Frameworks.Count == 0 ? ResolveOutcome.Failed("the project names no TargetFramework")
                : NoFrameworkFits(targets.Frameworks);
        // One framework of several is built with -f; a project of one framework is built as it is.
        string[] frameworkArguments = targets.MultiTargeted ? ["-f", chosen] : [];
        var reproduce = Reproduce(project, frameworkArguments);
        var result = await DotnetCli.RunConfinedAsync(_sandbox, BuildStep.Build, project, reach,
            ["build", project, "--no-restore", "-t:Build", "-c", configuration.ToString(), "-o", output, "-nologo", .. ConfinedSwitches,
             .. frameworkArguments,
             // A library does not copy its packages to its output by default; the runner needs them there.
             "-p:CopyLocalLockFileAssemblies=true",
             // A project that runs SnippetCheck.MSBuild after its build must not run it here: its check may reference
             // this very project, and each inner build would start another, without end.
             "-p:SnippetCheckEnabled=false",
             "-getProperty:TargetPath", "-getItem:ReferencePath", "-getItem:Using"],
            directory, StepTimeout.Build, cancellationToken, ProjectReach.ConfigText(reach), !Untrusted).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            return ResolveOutcome.Failed(result.TimedOut
                ? $"the build did not finish within {StepTimeout.Describe(StepTimeout.Build)}\nreproduce: {reproduce}"
                : $"{result.FirstError()}\nreproduce: {reproduce}");
        }
        return BuiltAssets(GeneratedRestore.JsonPart(result.Stdout), output, chosen);
    }

    /// <summary>
    /// A failed restore: the news is a framework the snippets cannot use (net9.0-windows on Linux) when the project
    /// lists only such; else the restore's first error, with the command that reproduces it.
    /// </summary>
    private ResolveOutcome RestoreFailed(string project, DotnetResult restore)
    {
        if (ProjectTargets.Listed(project) is { } listed && NearestFramework.For(_framework.Moniker, listed) is null) return NoFrameworkFits(
            listed);
        return ResolveOutcome.Failed(restore.TimedOut
            ? $"the restore did not finish within {StepTimeout.Describe(StepTimeout.Restore)}\nreproduce: {ReproduceAsWritten(project)}"
            : $"{restore.FirstError()}\nreproduce: {ReproduceAsWritten(project)}{SdkHint(restore.FirstError(), project)}");
    }

    /// <summary>What a build's <paramref name="json"/> (its TargetPath and items) and <paramref name="output"/> folder give the snippets.</summary>
    private static ResolveOutcome BuiltAssets(string json, string output, string chosen)
    {
        var targetPath = ReadTargetPath(json);
        if (targetPath is null || !File.Exists(targetPath))
        {
            return ResolveOutcome.Failed(
                $"the build produced no single assembly (TargetPath '{targetPath}'); " +
                "a referenced project needs one TargetFramework, such as net10.0");
        }
        var runtime = Directory.GetFiles(output, "*.dll", SearchOption.TopDirectoryOnly);
        var assets = ResolvedAssets.FromMSBuildItems(json, [targetPath], []);
        // The output folder holds every runtime dependency already; package paths add nothing but duplicates.
        assets = assets with { Runtime = [.. runtime.Order(StringComparer.Ordinal)], LibraryFramework = chosen };
        return new ResolveOutcome(assets, null);
    }

    /// <summary>
    /// MSBuild in one process, without nodes kept for the next build or a compiler server: no process outlives the build
    /// to carry state into another, and none needs the UNIX sockets the sandbox denies. Nor does it ask the repository
    /// for SourceLink's commit and remote (<c>EnableSourceControlManagerQueries</c>): a confined build may not read
    /// <c>.git</c>, where a CI checkout keeps its token, nor <c>/etc/gitconfig</c>, and the examples need neither. For the
    /// same reason Nerdbank.GitVersioning, which many libraries use (CommunityToolkit), versions from its version.json
    /// alone (<c>NBGV_GitEngine=Disabled</c>): reading the history it would fail the build (MSB4018 in GetBuildVersion).
    /// </summary>
    internal static readonly string[] ConfinedSwitches =
        ["-m:1", "-nodeReuse:false", "-p:UseSharedCompilation=false", "-p:UseRazorBuildServer=false", "-p:EnableSourceControlManagerQueries=false",
         "-p:NBGV_GitEngine=Disabled"];

    private static string? ReadTargetPath(string json)
    {
        using var document = System.Text.Json.JsonDocument.Parse(json);
        return document.RootElement.TryGetProperty("Properties", out var properties) && properties.TryGetProperty("TargetPath", out var value)
            ? value.GetString() is { Length: > 0 } path ? path : null
            : null;
    }

    /// <summary>
    /// A hash of the names and contents of the project folder's source files; of a C# file, its code alone
    /// (<see cref="CodeOf"/>), so that an edit of a doc comment or of white space reuses the last build (a
    /// doc-comment example edited verifies without rebuilding the library). A change to code always rebuilds.
    /// </summary>
    internal static string Stamp(string projectDirectory)
    {
        var files = SourceFiles(projectDirectory).Order(StringComparer.Ordinal).Select(f => (File: f, Bytes: File.ReadAllBytes(f))).ToList();
        // The compiler writes line numbers and source text into the IL where a caller-info attribute asks for them: a
        // project that names one is stamped byte for byte, as any change may then change its build.
        bool Names(string attribute) =>
            files.Any(f => f.File.EndsWith(".cs", StringComparison.OrdinalIgnoreCase)
                && Encoding.UTF8.GetString(f.Bytes).Contains(attribute, StringComparison.Ordinal));
        var codeOnly = !Names("CallerLineNumber");
        // An argument's text, comments and white space inside it included, is what CallerArgumentExpression captures (a
        // Debug.Assert of one's own, as MoreLINQ has): that text is stamped too, and a doc-comment edit still rebuilds nothing.
        var arguments = codeOnly && Names("CallerArgumentExpression");
        var stamp = new StoreKey();
        foreach (var (file, bytes) in files)
        {
            stamp.Add("file", Path.GetRelativePath(projectDirectory, file).Replace('\\', '/'));
            if (codeOnly && file.EndsWith(".cs", StringComparison.OrdinalIgnoreCase)) stamp.Add(
                "code", CodeOf(Encoding.UTF8.GetString(bytes), arguments));
            else stamp.Add("content", bytes);
        }
        return stamp.Hash();
    }

    /// <summary>
    /// What the compiler builds from a C# file: each token's kind and text, and every preprocessor directive and the text
    /// it switches off, whatever the build's symbols; never comments (doc comments included) or white space. Two texts
    /// with the same code compile to the same assembly, but for the line numbers in its PDB. With
    /// <paramref name="argumentText"/>, the comments and white space inside call arguments count too.
    /// </summary>
    internal static string CodeOf(string text, bool argumentText = false)
    {
        var code = new StringBuilder();
        var root = CSharpSyntaxTree.ParseText(text, CodeParseOptions).GetRoot();
        void Trivia(SyntaxTriviaList list)
        {
            foreach (var trivia in list)
            {
                if (trivia.IsDirective || trivia.IsKind(SyntaxKind.DisabledTextTrivia)) code.Append(trivia.ToFullString()).Append('\u0001');
            }
        }
        foreach (var token in root.DescendantTokens(descendIntoTrivia: false))
        {
            var inArgument = argumentText && token.Parent!.AncestorsAndSelf().Any(n => n is Microsoft.CodeAnalysis.CSharp.Syntax.ArgumentSyntax);
            if (inArgument) code.Append(token.LeadingTrivia.ToFullString()).Append('\u0001');
            else Trivia(token.LeadingTrivia);
            code.Append((int)token.RawKind).Append(':').Append(token.Text).Append('\u0001');
            if (inArgument) code.Append(token.TrailingTrivia.ToFullString()).Append('\u0001');
            else Trivia(token.TrailingTrivia);
        }
        return code.ToString();
    }

    /// <summary>Doc comments parsed as plain comments: their text never counts.</summary>
    private static readonly CSharpParseOptions CodeParseOptions = new(LanguageVersion.Preview, DocumentationMode.None);

    /// <summary>The files <see cref="Stamp"/> reads, full paths: what a verdict against the project depends on.</summary>
    internal static IEnumerable<string> StampedFiles(string projectDirectory) => SourceFiles(projectDirectory);

    private static IEnumerable<string> SourceFiles(string directory)
    {
        foreach (var file in Directory.EnumerateFiles(directory))
        {
            if (StampedExtensions.Contains(Path.GetExtension(file), StringComparer.OrdinalIgnoreCase)) yield return file;
        }
        foreach (var child in Directory.EnumerateDirectories(directory))
        {
            var name = Path.GetFileName(child);
            if (name is "bin" or "obj" || name.StartsWith('.')) continue;
            foreach (var file in SourceFiles(child)) yield return file;
        }
    }
}
