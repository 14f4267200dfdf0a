// The SDK-agreement check: for every C# block of a corpus, SnippetCheck's `verify --all` verdict must be the one the
// SDK's own build of the same text gives, built as a file-based app would be (docs/sdk-agreement.md).
//
//   dotnet run --project tests/SdkAgreement -- [CORPUS] [--work DIR] [--tool snippetcheck.dll]
//
// CORPUS defaults to ../shared/realworld. The SDK's verdicts are kept in the work folder by block text, so a rerun
// after a change to the tool builds only blocks it has not seen.
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using SnippetCheck.Configuration;
using SnippetCheck.Driver;

var repository = FindRepository();
// The corpus is the one argument that is neither an option nor an option's value.
var positional = args.Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && (i == 0 || !args[i - 1].StartsWith("--", StringComparison.Ordinal)));
var corpus = Path.GetFullPath(positional.FirstOrDefault() ?? Path.Combine(repository, "..", "shared", "realworld"));
var work = Path.GetFullPath(Option("--work") ?? Path.Combine(Path.GetTempPath(), "snippetcheck-sdk-agreement"));
var clock = Stopwatch.StartNew();

// 1. The tool's verdicts, on a copy of the corpus (the tool may write its cache beside it).
var copy = Path.Combine(work, "corpus");
if (Directory.Exists(copy)) Directory.Delete(copy, recursive: true);
CopyDirectory(corpus, copy);
var toolReport = Path.Combine(work, "tool.json");
// --tool DLL measures another build of the tool (an older commit's, say) against the same SDK verdicts.
string[] verify = ["verify", ".", "--all", "--no-cache", "--report", $"json={toolReport}"];
if (Option("--tool") is { } toolDll) Run("dotnet", copy, ["exec", Path.GetFullPath(toolDll), .. verify]);
else Run("dotnet", copy, ["run", "--project", Path.Combine(repository, "src", "SnippetCheck.Cli"), "-c", "Release", "--", .. verify, "--ci", "none"]);
var tool = ToolVerdicts(toolReport);
Console.WriteLine($"tool: {tool.Count} blocks in {clock.Elapsed.TotalSeconds:F0} s");

// 2. The same blocks' text, read by the same front end, and built by the SDK.
var (documents, _) = new Verifier(new VerifyOptions { Paths = ["."], CurrentDirectory = copy, CommandLine = new() { Mode = VerifyMode.All } }).Prepare();
var blocks = documents.SelectMany(d => d.Snippets.Snippets)
    .Select(s => (Key: $"{s.Location.File}:{s.Location.Line}", Text: string.Join('\n', s.Block.Lines.Select(l => l.Text)) + "\n"))
    .ToList();
var sdk = new SdkBuilds(Path.Combine(work, "sdk")).Verdicts(blocks.Select(b => b.Text).Distinct().ToList());
Console.WriteLine($"sdk: {sdk.Count} distinct blocks in {clock.Elapsed.TotalSeconds:F0} s");

// 3. Compare: compiles or not. Empty blocks are no program on either side (the tool ignores them as 'empty').
var agree = 0;
var empty = 0;
var differences = new List<string>();
foreach (var (key, text) in blocks)
{
    if (!tool.TryGetValue(key, out var mine)) { differences.Add($"{key}: not in the tool's report"); continue; }
    if (mine.Status == "ignored") { empty++; continue; }
    var theirs = sdk[text];
    var toolCompiles = mine.Reason != "compile-error";
    if (toolCompiles == theirs.Compiles) agree++;
    else differences.Add($"{key}: tool {(toolCompiles ? "compiles" : "fails " + mine.FirstError)}, SDK {(theirs.Compiles ? "compiles" : "fails " + theirs.FirstError)} ({theirs.OutputType})");
}
Console.WriteLine($"{blocks.Count} C# blocks: {agree} agree, {differences.Count} differ, {empty} empty (ignored by the tool, not compared) in {clock.Elapsed.TotalSeconds:F0} s");
foreach (var line in differences) Console.WriteLine("  " + line);
return differences.Count == 0 ? 0 : 1;

string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();

static Dictionary<string, (string Status, string? Reason, string? FirstError)> ToolVerdicts(string report)
{
    using var json = JsonDocument.Parse(File.ReadAllText(report));
    return json.RootElement.GetProperty("snippets").EnumerateArray().ToDictionary(
        s => $"{s.GetProperty("file").GetString()}:{s.GetProperty("line").GetInt32()}",
        s => (s.GetProperty("status").GetString()!, s.GetProperty("reason").GetString(),
              s.GetProperty("diagnostics").EnumerateArray().Where(d => d.GetProperty("severity").GetString() == "error")
                  .Select(d => d.GetProperty("id").GetString()).FirstOrDefault()));
}

static void Run(string file, string directory, params string[] arguments)
{
    var start = new ProcessStartInfo(file, arguments) { WorkingDirectory = directory, RedirectStandardOutput = true };
    using var process = Process.Start(start)!;
    process.StandardOutput.ReadToEnd();
    process.WaitForExit();
}

static string FindRepository()
{
    for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
    {
        if (File.Exists(Path.Combine(folder.FullName, "SnippetCheck.sln"))) return folder.FullName;
    }
    throw new InvalidOperationException("run this from the SnippetCheck repository");
}

static void CopyDirectory(string from, string to)
{
    foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
    {
        var target = Path.Combine(to, Path.GetRelativePath(from, file));
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(file, target);
    }
}

/// <summary>What the SDK said of one block's text.</summary>
internal sealed record SdkVerdict(bool Compiles, string? FirstError, string OutputType);

/// <summary>
/// Builds blocks with the SDK, one project each, all in one MSBuild invocation: a project as `dotnet project convert`
/// makes for a file-based app (net10.0, implicit usings, nullable), built as an Exe; a block the SDK rejects only for
/// having no entry point (CS5001) is built again as a library, the rule the tool applies to types-only code.
/// </summary>
internal sealed partial class SdkBuilds(string root)
{
    public Dictionary<string, SdkVerdict> Verdicts(IReadOnlyList<string> texts)
    {
        Directory.CreateDirectory(root);
        // Stop the repository's build settings (warnings as errors, central package versions) from reaching the blocks.
        File.WriteAllText(Path.Combine(root, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(root, "Directory.Build.targets"), "<Project />");
        File.WriteAllText(Path.Combine(root, "Directory.Packages.props"), "<Project />");
        var verdicts = new Dictionary<string, SdkVerdict>(StringComparer.Ordinal);
        var pending = new List<(string Text, string Folder)>();
        foreach (var text in texts)
        {
            var folder = Path.Combine(root, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16]);
            var kept = Path.Combine(folder, "verdict.json");
            if (File.Exists(kept)) verdicts[text] = JsonSerializer.Deserialize<SdkVerdict>(File.ReadAllText(kept))!;
            else pending.Add((text, folder));
        }
        var errors = Build(pending, "Exe");
        var libraries = pending.Where(p => errors.TryGetValue(p.Folder, out var e) && e.All(id => id == "CS5001")).ToList();
        var libraryErrors = Build(libraries, "Library");
        foreach (var (text, folder) in pending)
        {
            var asLibrary = libraries.Any(l => l.Folder == folder);
            var found = (asLibrary ? libraryErrors : errors).GetValueOrDefault(folder) ?? [];
            var built = File.Exists(Path.Combine(folder, "bin", "Block.dll"));
            if (built == found.Count > 0) throw new InvalidOperationException($"{folder}: built {built}, yet errors {string.Join(", ", found)}");
            var verdict = new SdkVerdict(built, found.FirstOrDefault(), asLibrary ? "Library" : "Exe");
            File.WriteAllText(Path.Combine(folder, "verdict.json"), JsonSerializer.Serialize(verdict));
            verdicts[text] = verdict;
        }
        return verdicts;
    }

    /// <summary>Builds the blocks as <paramref name="outputType"/>; returns each project folder's error IDs, in the order reported.</summary>
    private Dictionary<string, List<string>> Build(IReadOnlyList<(string Text, string Folder)> blocks, string outputType)
    {
        var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if (blocks.Count == 0) return result;
        var solution = new StringBuilder("<Solution>\n");
        foreach (var (text, folder) in blocks)
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "Program.cs"), text);
            // Solutions need unique project names; the assembly is always Block.
            File.WriteAllText(Path.Combine(folder, Path.GetFileName(folder) + ".csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>{outputType}</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <ImplicitUsings>enable</ImplicitUsings>
                    <Nullable>enable</Nullable>
                    <AssemblyName>Block</AssemblyName>
                    <OutputPath>bin/</OutputPath>
                    <AppendTargetFrameworkToOutputPath>false</AppendTargetFrameworkToOutputPath>
                    <NuGetAudit>false</NuGetAudit>
                  </PropertyGroup>
                </Project>
                """);
            solution.Append($"  <Project Path=\"{Path.GetFileName(folder)}/{Path.GetFileName(folder)}.csproj\" />\n");
        }
        var slnx = Path.Combine(root, $"blocks-{outputType}.slnx");
        File.WriteAllText(slnx, solution.Append("</Solution>\n").ToString());

        var start = new ProcessStartInfo("dotnet", ["build", slnx, "-m:2", "-nologo", "-v:q", "-clp:ErrorsOnly;NoSummary", "-p:UseSharedCompilation=true"])
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
        };
        using var process = Process.Start(start)!;
        string? line;
        while ((line = process.StandardOutput.ReadLine()) is not null)
        {
            var match = ErrorLine().Match(line);
            // An error of the build itself (not of a block) means there is no verdict to compare.
            if (!match.Success && line.Contains(": error ", StringComparison.Ordinal)) throw new InvalidOperationException("the SDK build failed: " + line);
            if (!match.Success) continue;
            var folder = Path.GetDirectoryName(match.Groups["project"].Value)!;
            if (!result.TryGetValue(folder, out var ids)) result[folder] = ids = [];
            if (!ids.Contains(match.Groups["id"].Value)) ids.Add(match.Groups["id"].Value);
        }
        process.WaitForExit();
        return result;
    }

    [GeneratedRegex(@": error (?<id>[A-Z]+\d+): .*\[(?<project>[^\]]+\.csproj)\]")]
    private static partial Regex ErrorLine();
}
