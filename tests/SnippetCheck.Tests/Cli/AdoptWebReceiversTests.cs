using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Cli;

/// <summary>
/// Issue 54, ASP.NET Core docs written as fragments: one page shows <c>Program.cs</c> (<c>var bld =
/// WebApplication.CreateBuilder(args); var app = bld.Build();</c>), the others call <c>app</c> and <c>bld</c> without
/// declaring them. <c>adopt</c> gives such a block the receivers its doc set declares (<c>given=app:WebApplication</c>)
/// with the Web SDK, so the calls it shows bind, and a misspelt one fails; a local the docs never declare so is not given.
/// </summary>
public sealed class AdoptWebReceiversTests
{
    private const string Start = """
        # Start

        ```csharp
        var bld = WebApplication.CreateBuilder(args);
        var app = bld.Build();
        app.Run();
        ```
        """;

    private const string Routing = """
        # Routing

        ```csharp
        app.MapGet("/items", () => Results.Ok(new[] { 1, 2 }));
        ```

        ```csharp
        bld.Services.AddRouting(o => o.LowercaseUrls = true);
        ```

        ```csharp
        var response = await client.GetAsync("/items");
        ```
        """;

    [Fact]
    public void Fragments_on_the_doc_sets_app_and_builder_are_adopted_with_those_given_and_mutants_of_their_calls_fail()
    {
        using var folder = new TempFolder();
        folder.Write("start.md", Start);
        folder.Write("routing.md", Routing);

        var write = CliRunner.Run(folder.Path, "adopt", "--write");

        Assert.True(write.ExitCode == 0, write.Output);
        var expected = Routing
            .Replace("```csharp\napp.MapGet", "<!-- snippetcheck: compile given=app:WebApplication sdk=web -->\n```csharp\napp.MapGet", StringComparison.Ordinal)
            .Replace("```csharp\nbld.Services", "<!-- snippetcheck: compile given=bld:WebApplicationBuilder sdk=web -->\n```csharp\nbld.Services", StringComparison.Ordinal);
        Assert.Equal(expected, File.ReadAllText(Path.Combine(folder.Path, "routing.md")));

        var verify = CliRunner.Run(folder.Path, "verify");
        Assert.True(verify.ExitCode == 0, verify.Output);
        Assert.StartsWith("3 passed, 0 failed", verify.Stdout.TrimEnd('\n').Split('\n')[^1]);

        // The calls on the given receivers bind: each misspelt, or given an argument too many, fails.
        foreach (var (from, to) in new[] { ("app.MapGet(", "app.MapGetq("), ("Services.AddRouting(", "Services.AddRoutingq("), ("o.LowercaseUrls", "o.LowercaseUrlsq"),
            ("o => o.LowercaseUrls = true)", "o => o.LowercaseUrls = true, 2)") })
        {
            File.WriteAllText(Path.Combine(folder.Path, "routing.md"), expected.Replace(from, to, StringComparison.Ordinal));
            var mutant = CliRunner.Run(folder.Path, "verify", "--no-cache");
            Assert.True(mutant.ExitCode == 1, $"{from} -> {to} passed:\n{mutant.Output}");
        }
    }
}
