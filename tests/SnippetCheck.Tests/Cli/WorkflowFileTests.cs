using SnippetCheck.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace SnippetCheck.Tests.Cli;

/// <summary>
/// The composite action and this repository's workflow must never paste an expression into a shell script:
/// <c>run: echo ${{ inputs.paths }}</c> runs whatever text the input holds. Inputs go through <c>env:</c> instead.
/// </summary>
public sealed class WorkflowFileTests
{
    private const string ActionPath = ".github/actions/snippetcheck/action.yml";
    private const string WorkflowPath = ".github/workflows/ci.yml";

    [Theory]
    [InlineData(ActionPath)]
    [InlineData(WorkflowPath)]
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
            .Where(yaml => yaml.Contains("snippetcheck/.github/actions/snippetcheck@", StringComparison.Ordinal))
            .ToList();

        var workflow = Assert.Single(workflows);
        var on = (YamlMappingNode)Load(workflow).Children[new YamlScalarNode("on")];
        Assert.Contains(new YamlScalarNode("pull_request"), on.Children.Keys);
        Assert.DoesNotContain(new YamlScalarNode("pull_request_target"), on.Children.Keys);
        Assert.All(RunScripts(workflow), script => Assert.DoesNotContain("${{", script, StringComparison.Ordinal));
        Assert.Contains("shard: [1/3, 2/3, 3/3]", workflow, StringComparison.Ordinal);
    }

    /// <summary>Every value of a <c>run:</c> key anywhere in the document.</summary>
    private static List<string> RunScripts(string yaml)
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

    private static YamlMappingNode Load(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }
}
