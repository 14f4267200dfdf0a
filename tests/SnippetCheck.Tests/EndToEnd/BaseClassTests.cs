using System.Diagnostics;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.EndToEnd;

/// <summary>
/// Issue 54, the enclosing class: a block tagged <c>base=TYPE</c> is the body of a constructor of a class deriving from
/// TYPE, as docs write a base class's members bare. Its verdict is the SDK's for that class: the same text, built by
/// <c>dotnet build</c>, passes and fails with it.
/// </summary>
public sealed class BaseClassTests
{
    private const string Post = "# Bare\n\n<!-- snippetcheck: compile base=List<int> -->\n```csharp\nusing System.Text;\n\nAdd(1);\nAddRange([2, 3]);\n" +
        "var text = new StringBuilder().Append(Count).ToString();\n```\n\n<!-- snippetcheck: compile base=List<int> -->\n```csharp\nAdd(1);\nAddRangeq([2, 3]);\n```\n";

    [Fact]
    public void A_base_block_binds_the_base_classs_members_and_a_misspelt_one_fails_as_the_SDK_fails_it()
    {
        using var folder = new TempFolder();
        folder.Write("post.md", Post);

        CliRunner.Run(folder.Path, "verify", "post.md", "--no-cache", "--report", "json=report.json");

        var snippets = JsonReport.Load(Path.Combine(folder.Path, "report.json")).Snippets.ToList();
        Assert.Equal(["passed", "failed"], snippets.Select(s => s.Str("status")));
        Assert.Equal("base=List<int>", snippets[0].Str("wrapped"));
        var error = snippets[1].GetProperty("diagnostics").EnumerateArray().Single(d => d.Str("severity") == "error");
        Assert.Equal(("CS0103", 15, 1), (error.Str("id"), error.Int("line"), error.Int("column")));
        Assert.Equal("The name 'AddRangeq' does not exist in the current context", error.Str("message"));

        // The SDK's verdict on the class each block is compiled in, written out as the tool writes it.
        Assert.True(SdkBuilds("using System.Text;\ninternal sealed class __Derived0 : List<int> {\npublic __Derived0() {\nAdd(1);\nAddRange([2, 3]);\n" +
            "var text = new StringBuilder().Append(Count).ToString();\n}\n}\n"));
        Assert.False(SdkBuilds("internal sealed class __Derived0 : List<int> {\npublic __Derived0() {\nAdd(1);\nAddRangeq([2, 3]);\n}\n}\n"));
    }

    private const string MembersPost = "# Members\n\n<!-- snippetcheck: compile members base=Exception -->\n```csharp\npublic override string Message => \"code \" + HResult;\n\n" +
        "public override string? StackTrace => Source;\n```\n\n<!-- snippetcheck: compile members base=Exception -->\n```csharp\npublic override string Messagee => \"x\";\n```\n\n" +
        "<!-- snippetcheck: compile members base=Exception -->\n```csharp\npublic override string Message => \"code \" + HResultq;\n```\n";

    [Fact]
    public void A_members_block_with_a_base_is_a_class_deriving_from_it_so_its_overrides_and_base_calls_bind_and_misspelt_ones_fail()
    {
        using var folder = new TempFolder();
        folder.Write("post.md", MembersPost);

        CliRunner.Run(folder.Path, "verify", "post.md", "--no-cache", "--report", "json=report.json");

        var snippets = JsonReport.Load(Path.Combine(folder.Path, "report.json")).Snippets.ToList();
        Assert.Equal(["passed", "failed", "failed"], snippets.Select(s => s.Str("status")));
        Assert.Equal("members base=Exception", snippets[0].Str("wrapped"));
        Assert.Equal(["CS0115", "CS0103"], snippets.Skip(1).Select(s => s.GetProperty("diagnostics").EnumerateArray().First(d => d.Str("severity") == "error").Str("id")));

        // The SDK's verdict on the class each block is compiled in, written out as the tool writes it.
        Assert.True(SdkBuilds("internal abstract class __Derived0 : Exception {\npublic override string Message => \"code \" + HResult;\n\n" +
            "public override string? StackTrace => Source;\n}\n"));
        Assert.False(SdkBuilds("internal abstract class __Derived0 : Exception {\npublic override string Messagee => \"x\";\n}\n"));
    }

    [Fact]
    public void A_given_block_says_so_in_the_json_reports_wrapped()
    {
        using var folder = new TempFolder();
        folder.Write("post.md", "# Given\n\n<!-- snippetcheck: compile given=list:List<int> -->\n```csharp\nlist.Add(1);\n```\n");

        CliRunner.Run(folder.Path, "verify", "post.md", "--no-cache", "--report", "json=report.json");

        var snippet = Assert.Single(JsonReport.Load(Path.Combine(folder.Path, "report.json")).Snippets);
        Assert.Equal("passed", snippet.Str("status"));
        Assert.Equal("given=list:List<int>", snippet.Str("wrapped"));
    }

    /// <summary>Whether <paramref name="code"/> builds as the one file of a library project (implicit usings, nullable on).</summary>
    private static bool SdkBuilds(string code)
    {
        using var folder = new TempFolder();
        folder.Write("Derived.cs", code);
        folder.Write("derived.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
              </PropertyGroup>
            </Project>
            """);
        var start = new ProcessStartInfo("dotnet", ["build", "-nologo", "-v:q"]) { WorkingDirectory = folder.Path, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(5)), "dotnet build did not finish in 5 minutes");
        Assert.True(process.ExitCode == 0 || stdout.Result.Contains("error CS", StringComparison.Ordinal), $"dotnet build failed for no compiler error:\n{stdout.Result}");
        return process.ExitCode == 0;
    }
}
