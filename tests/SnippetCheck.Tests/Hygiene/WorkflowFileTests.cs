using SnippetCheck.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace SnippetCheck.Tests.Hygiene;

/// <summary>
/// The composite action and this repository's workflow must never paste an expression into a shell script:
/// <c>run: echo ${{ inputs.paths }}</c> runs whatever text the input holds. Inputs go through <c>env:</c> instead.
/// </summary>
[Trait("Category", "Fast")]
public sealed class WorkflowFileTests
{
    private const string ActionPath = ".github/actions/snippetcheck/action.yml";
    private const string WorkflowPath = ".github/workflows/ci.yml";
    private const string ReleaseWorkflowPath = ".github/workflows/release.yml";

    [Theory]
    [InlineData(ActionPath)]
    [InlineData(WorkflowPath)]
    [InlineData(ReleaseWorkflowPath)]
    public void No_run_script_contains_an_expression(string path)
    {
        var scripts = RunScripts(File.ReadAllText(RepositoryRoot.PathOf(path)));

        Assert.NotEmpty(scripts);
        Assert.All(scripts, script => Assert.DoesNotContain("${{", script, StringComparison.Ordinal));
    }

    [Fact]
    public void The_scan_finds_an_input_pasted_into_a_script_at_any_depth()
    {
        const string unsafeAction = """
            runs:
              using: composite
              steps:
                - shell: bash
                  env:
                    SAFE: ${{ inputs.safe }}
                  run: |
                    echo "$SAFE"
                    snippetcheck verify ${{ inputs.paths }}
            """;

        var script = Assert.Single(RunScripts(unsafeAction));
        Assert.Contains("${{ inputs.paths }}", script, StringComparison.Ordinal);
        Assert.DoesNotContain("inputs.safe", script, StringComparison.Ordinal);
    }

    [Fact]
    public void The_action_has_the_documented_inputs_and_uses_each_of_them()
    {
        var text = File.ReadAllText(RepositoryRoot.PathOf(ActionPath));
        var inputs = ((YamlMappingNode)Load(text).Children[new YamlScalarNode("inputs")]).Children.Keys
            .Select(k => ((YamlScalarNode)k).Value!).ToList();

        Assert.Superset(new HashSet<string> { "paths", "version", "shard", "args", "cache", "add-source" }, new HashSet<string>(inputs));
        Assert.All(inputs, input => Assert.Contains($"${{{{ inputs.{input} }}}}", text, StringComparison.Ordinal));
    }

    [Fact]
    public void The_workflow_in_the_docs_parses_and_runs_on_pull_request_not_pull_request_target()
    {
        var docs = File.ReadAllText(RepositoryRoot.PathOf("docs/ci.md")).ReplaceLineEndings("\n");
        var workflows = System.Text.RegularExpressions.Regex.Matches(docs, "```yaml\n(.*?)```", System.Text.RegularExpressions.RegexOptions.Singleline)
            .Select(m => m.Groups[1].Value)
            .Where(yaml => yaml.Contains("/.github/actions/snippetcheck", StringComparison.Ordinal))
            .ToList();
        // No release is tagged yet (issue 24): no example may check out or pin a v* tag that does not exist.
        Assert.DoesNotMatch(@"(ref:\s*|actions/snippetcheck@|--branch\s+)v[0-9]", docs);

        Assert.Equal(2, workflows.Count);
        var workflow = Assert.Single(workflows, w => !w.Contains("schedule:", StringComparison.Ordinal));
        var on = (YamlMappingNode)Load(workflow).Children[new YamlScalarNode("on")];
        Assert.Contains(new YamlScalarNode("pull_request"), on.Children.Keys);
        Assert.DoesNotContain(new YamlScalarNode("pull_request_target"), on.Children.Keys);
        Assert.All(RunScripts(workflow), script => Assert.DoesNotContain("${{", script, StringComparison.Ordinal));
        Assert.Contains("shard: [1/3, 2/3, 3/3]", workflow, StringComparison.Ordinal);
        Assert.Contains("uses: ./.snippetcheck-src/.github/actions/snippetcheck", workflow, StringComparison.Ordinal);
        Assert.Contains("--require-verified", workflow, StringComparison.Ordinal);
    }

    [Fact]
    public void The_weekly_workflow_in_the_docs_runs_outdated_on_a_schedule_through_the_actions_command_input()
    {
        var docs = File.ReadAllText(RepositoryRoot.PathOf("docs/ci.md")).ReplaceLineEndings("\n");
        var weekly = System.Text.RegularExpressions.Regex.Matches(docs, "```yaml\n(.*?)```", System.Text.RegularExpressions.RegexOptions.Singleline)
            .Select(m => m.Groups[1].Value)
            .Single(yaml => yaml.Contains("/.github/actions/snippetcheck", StringComparison.Ordinal) && yaml.Contains("schedule:", StringComparison.Ordinal));
        var on = (YamlMappingNode)Load(weekly).Children[new YamlScalarNode("on")];
        Assert.Contains(new YamlScalarNode("schedule"), on.Children.Keys);
        Assert.Contains("command: outdated", weekly, StringComparison.Ordinal);
        // It fails, and opens an issue, when a post is about to rot.
        Assert.Contains("if: failure()", weekly, StringComparison.Ordinal);
        Assert.Contains("gh issue create", weekly, StringComparison.Ordinal);
        Assert.All(RunScripts(weekly), script => Assert.DoesNotContain("${{", script, StringComparison.Ordinal));

        var action = Load(File.ReadAllText(RepositoryRoot.PathOf(ActionPath)));
        using var workspace = new TempFolder();
        var output = RunStep(StepNamed(action, "Verify snippets"), workspace.Path, new()
        {
            ["INPUT_PATHS"] = "posts", ["INPUT_SHARD"] = "1/2", ["INPUT_FRAMEWORKS"] = "net8.0", ["INPUT_ARGS"] = "--report json=outdated.json", ["INPUT_CACHE"] = "true", ["INPUT_COMMAND"] = "outdated",
        });
        // outdated takes neither --shard nor --frameworks: its versions are found for each block's own frameworks.
        Assert.Contains($"snippetcheck outdated posts --cache-dir {workspace.Path}/.snippetcheck/cache --report json=outdated.json", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("true", "", "--cache-dir {workspace}/.snippetcheck/cache")]
    [InlineData("true", "--cache-dir elsewhere", "--cache-dir elsewhere")]
    [InlineData("false", "", "--no-cache")]
    public void The_action_points_the_tool_at_the_cache_folder_it_saves(string cache, string args, string expected)
    {
        var action = Load(File.ReadAllText(RepositoryRoot.PathOf(ActionPath)));
        var cachePath = StepWith(action, "actions/cache@").Children[new YamlScalarNode("with")] is YamlMappingNode with
            ? ((YamlScalarNode)with.Children[new YamlScalarNode("path")]).Value : null;
        Assert.Equal(".snippetcheck/cache", cachePath);

        using var workspace = new TempFolder();
        var output = RunStep(StepNamed(action, "Verify snippets"), workspace.Path, new()
        {
            ["INPUT_PATHS"] = "posts", ["INPUT_SHARD"] = "", ["INPUT_ARGS"] = args, ["INPUT_CACHE"] = cache,
        });
        Assert.Contains("snippetcheck verify posts " + expected.Replace("{workspace}", workspace.Path, StringComparison.Ordinal), output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "", "tool install --global SnippetCheck")]
    [InlineData("", "/feed", "tool install --global SnippetCheck --add-source /feed --prerelease")]
    [InlineData("0.1.0-local.1", "/feed", "tool install --global SnippetCheck --version 0.1.0-local.1 --add-source /feed")]
    public void The_action_installs_a_locally_packed_prerelease_from_its_add_source(string version, string source, string expected)
    {
        var action = Load(File.ReadAllText(RepositoryRoot.PathOf(ActionPath)));
        using var workspace = new TempFolder();
        var output = RunStep(StepNamed(action, "Install SnippetCheck"), workspace.Path, new()
        {
            ["INPUT_VERSION"] = version, ["INPUT_ADD_SOURCE"] = source,
        });
        Assert.Contains("dotnet " + expected + "\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_step_that_runs_dotnet_until_the_tool_is_installed_runs_outside_the_workspace()
    {
        // A pull request's global.json in the workspace may name an SDK of its own ("sdk.paths"), which a dotnet started
        // there runs with the job's whole environment (issue 74, finding 6): the tool's own dotnet calls are confined, these are not.
        var action = Load(File.ReadAllText(RepositoryRoot.PathOf(ActionPath)));
        var steps = Steps(action).ToList();
        var install = steps.IndexOf(StepNamed(action, "Install SnippetCheck"));
        var running = steps.Take(install + 1).Where(step => step.Children.TryGetValue(new YamlScalarNode("run"), out var run)
            && ((YamlScalarNode)run).Value!.Contains("dotnet ", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(running);
        Assert.All(running, step => Assert.Equal("${{ runner.temp }}",
            step.Children.TryGetValue(new YamlScalarNode("working-directory"), out var folder) ? ((YamlScalarNode)folder).Value : "the workspace"));
    }

    private static YamlMappingNode StepNamed(YamlMappingNode action, string name) => Steps(action)
        .Single(step => step.Children.TryGetValue(new YamlScalarNode("name"), out var n) && ((YamlScalarNode)n).Value == name);

    private static YamlMappingNode StepWith(YamlMappingNode action, string uses) => Steps(action)
        .Single(step => step.Children.TryGetValue(new YamlScalarNode("uses"), out var u) && ((YamlScalarNode)u).Value!.StartsWith(uses, StringComparison.Ordinal));

    private static IEnumerable<YamlMappingNode> Steps(YamlMappingNode action) =>
        ((YamlSequenceNode)((YamlMappingNode)action.Children[new YamlScalarNode("runs")]).Children[new YamlScalarNode("steps")]).Children.Cast<YamlMappingNode>();

    /// <summary>
    /// Runs a step's script in bash, as the runner would, with stand-ins for <c>dotnet</c> and <c>snippetcheck</c> on
    /// the PATH that print the command they were given; returns what the script printed.
    /// </summary>
    private static string RunStep(YamlMappingNode step, string workspace, Dictionary<string, string> inputs)
    {
        Assert.False(OperatingSystem.IsWindows(), "the action's scripts are bash scripts for Linux and macOS runners");
        var bin = Directory.CreateDirectory(Path.Combine(workspace, "bin")).FullName;
        foreach (var name in new[] { "dotnet", "snippetcheck" })
        {
            var stub = Path.Combine(bin, name);
            File.WriteAllText(stub, $"#!/bin/sh\nif [ \"$1 $2\" = \"tool list\" ]; then exit 0; fi\nif [ \"$1\" = \"--version\" ]; then echo 0.0.0; exit 0; fi\necho \"{name} $*\"\n");
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(stub, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        var home = Directory.CreateDirectory(Path.Combine(workspace, "home", ".dotnet", "tools")).FullName;
        File.Copy(Path.Combine(bin, "snippetcheck"), Path.Combine(home, "snippetcheck"));
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(Path.Combine(home, "snippetcheck"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var start = new System.Diagnostics.ProcessStartInfo("bash", ["-c", ((YamlScalarNode)step.Children[new YamlScalarNode("run")]).Value!])
        {
            WorkingDirectory = workspace,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["PATH"] = bin + ":/usr/bin:/bin";
        start.Environment["HOME"] = Path.Combine(workspace, "home");
        start.Environment["GITHUB_WORKSPACE"] = workspace;
        start.Environment["GITHUB_PATH"] = Path.Combine(workspace, "github-path");
        start.Environment["GITHUB_OUTPUT"] = Path.Combine(workspace, "github-output");
        foreach (var (name, value) in inputs) start.Environment[name] = value;
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"the step failed:\n{output}");
        return output;
    }

    /// <summary>Every value of a <c>run:</c> key anywhere in the document.</summary>
    internal static List<string> RunScripts(string yaml)
    {
        var scripts = new List<string>();
        Visit(Load(yaml));
        return scripts;

        void Visit(YamlNode node)
        {
            switch (node)
            {
                case YamlMappingNode mapping:
                    foreach (var (key, value) in mapping.Children)
                    {
                        if (key is YamlScalarNode { Value: "run" } && value is YamlScalarNode script) scripts.Add(script.Value ?? "");
                        else Visit(value);
                    }
                    break;
                case YamlSequenceNode sequence:
                    foreach (var item in sequence.Children) Visit(item);
                    break;
            }
        }
    }

    internal static YamlMappingNode Load(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }
}
