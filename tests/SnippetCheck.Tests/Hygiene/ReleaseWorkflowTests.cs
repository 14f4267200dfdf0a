using SnippetCheck.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace SnippetCheck.Tests.Hygiene;

/// <summary>
/// .github/workflows/release.yml: a pushed <c>v*</c> tag cuts the release, each job holds only the write permission it
/// needs, every shell step is a script under eng/ (which runs the same on a maintainer's machine), and secrets reach
/// the scripts through <c>env:</c> alone.
/// </summary>
[Trait("Category", "Fast")]
public sealed class ReleaseWorkflowTests
{
    private static readonly YamlMappingNode Workflow =
        WorkflowFileTests.Load(File.ReadAllText(RepositoryRoot.PathOf(".github/workflows/release.yml")));

    [Fact]
    public void It_runs_on_a_pushed_v_tag_and_nothing_else()
    {
        var on = Mapping(Workflow, "on");

        var trigger = Assert.Single(on.Children);
        Assert.Equal("push", Scalar(trigger.Key));
        var push = (YamlMappingNode)trigger.Value;
        Assert.Equal(["tags"], push.Children.Keys.Select(Scalar));
        Assert.Equal(["v*"], ((YamlSequenceNode)push.Children[new YamlScalarNode("tags")]).Children.Select(Scalar));
    }

    [Fact]
    public void No_permission_by_default_and_each_write_only_in_the_job_that_needs_it()
    {
        Assert.Empty(Mapping(Workflow, "permissions").Children);

        var writes = Jobs().SelectMany(job => Mapping(job.Value, "permissions").Children
                .Where(permission => Scalar(permission.Value) == "write")
                .Select(permission => $"{job.Key}: {Scalar(permission.Key)}"))
            .ToList();

        // contents: write creates the GitHub release; id-token: write is NuGet's trusted publishing (OIDC).
        Assert.Equal(["nuget: id-token", "github-release: contents"], writes);
    }

    [Fact]
    public void Every_run_step_is_one_call_of_an_executable_script_under_eng()
    {
        var scripts = WorkflowFileTests.RunScripts(File.ReadAllText(RepositoryRoot.PathOf(".github/workflows/release.yml")));

        Assert.Equal(8, scripts.Count);
        Assert.All(scripts, script =>
        {
            Assert.DoesNotContain('\n', script.Trim());
            var path = script.Split(' ')[0];
            Assert.StartsWith("eng/", path, StringComparison.Ordinal);
            Assert.True(File.Exists(RepositoryRoot.PathOf(path)), $"{path} does not exist");
            if (!OperatingSystem.IsWindows())
            {
                Assert.True(File.GetUnixFileMode(RepositoryRoot.PathOf(path)).HasFlag(UnixFileMode.UserExecute), $"{path} is not executable");
            }
        });
    }

    [Fact]
    public void Secrets_reach_the_scripts_only_through_env()
    {
        var uses = new List<string>();
        Visit(Workflow, parentKey: "");

        Assert.Equal(["env: ${{ secrets.NUGET_API_KEY }}", "env: ${{ secrets.VSCE_PAT }}", "env: ${{ secrets.OVSX_PAT }}"], uses);

        void Visit(YamlNode node, string parentKey)
        {
            switch (node)
            {
                case YamlScalarNode { Value: { } value } when value.Contains("secrets.", StringComparison.Ordinal):
                    uses.Add($"{parentKey}: {value}");
                    break;
                case YamlMappingNode mapping:
                    // A secret's value belongs to an env: mapping: its parent key is the variable, and its grandparent 'env'.
                    foreach (var (key, value) in mapping.Children) Visit(value, parentKey == "env" ? "env" : Scalar(key));
                    break;
                case YamlSequenceNode sequence:
                    foreach (var item in sequence.Children) Visit(item, parentKey);
                    break;
            }
        }
    }

    [Fact]
    public void It_tests_before_it_packs_and_publishes_only_what_the_build_job_made()
    {
        var buildScripts = Steps("build").Where(step => step.Children.ContainsKey(new YamlScalarNode("run")))
            .Select(step => Scalar(step.Children[new YamlScalarNode("run")]).Split(' ')[0]).ToList();

        Assert.Equal(
            ["eng/release/version-from-tag.sh", "eng/release/changelog-notes.sh", "eng/release/build-and-test.sh", "eng/release/pack.sh", "eng/release/vsix.sh"],
            buildScripts);
        Assert.Equal(["build"], Needs("nuget"));
        Assert.Equal(["build", "nuget"], Needs("github-release"));
        Assert.Contains("github-release", Needs("vscode-extension"));
    }

    [Fact]
    public void The_NuGet_push_prefers_the_trusted_publishing_key_and_falls_back_to_the_secret()
    {
        var login = Steps("nuget").Single(step => step.Children.TryGetValue(new YamlScalarNode("uses"), out var uses) && Scalar(uses) == "NuGet/login@v1");
        Assert.Equal("true", Scalar(login.Children[new YamlScalarNode("continue-on-error")]));

        var push = Steps("nuget").Single(step => step.Children.TryGetValue(new YamlScalarNode("run"), out var run) && Scalar(run).StartsWith("eng/release/publish-nuget.sh", StringComparison.Ordinal));
        var env = Mapping(push, "env");
        Assert.Equal("${{ steps.nuget-login.outputs.NUGET_API_KEY }}", Scalar(env.Children[new YamlScalarNode("NUGET_OIDC_API_KEY")]));
        Assert.Equal("${{ secrets.NUGET_API_KEY }}", Scalar(env.Children[new YamlScalarNode("NUGET_API_KEY")]));
    }

    private static IEnumerable<KeyValuePair<string, YamlMappingNode>> Jobs() =>
        Mapping(Workflow, "jobs").Children.Select(job => KeyValuePair.Create(Scalar(job.Key), (YamlMappingNode)job.Value));

    private static IEnumerable<YamlMappingNode> Steps(string job) =>
        ((YamlSequenceNode)Jobs().Single(j => j.Key == job).Value.Children[new YamlScalarNode("steps")]).Children.Cast<YamlMappingNode>();

    private static List<string> Needs(string job) => Jobs().Single(j => j.Key == job).Value.Children[new YamlScalarNode("needs")] switch
    {
        YamlSequenceNode sequence => [.. sequence.Children.Select(Scalar)],
        var single => [Scalar(single)],
    };

    private static YamlMappingNode Mapping(YamlMappingNode node, string key) => (YamlMappingNode)node.Children[new YamlScalarNode(key)];

    private static string Scalar(YamlNode node) => ((YamlScalarNode)node).Value ?? "";
}
