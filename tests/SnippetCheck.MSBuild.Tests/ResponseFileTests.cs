using Microsoft.Build.Utilities;

namespace SnippetCheck.MSBuild.Tests;

/// <summary>
/// What the task hands the CLI for a library with doc comments: the response file, one quoted token per line, built
/// from the items the targets collect (docs/msbuild.md, "Library doctests").
/// </summary>
public sealed class ResponseFileTests : IDisposable
{
    private readonly string _project = Directory.CreateTempSubdirectory("snippetcheck-rsp-").FullName;

    public void Dispose() => Directory.Delete(_project, recursive: true);

    [Fact]
    public void A_library_passes_its_own_sources_build_references_runtime_assemblies_and_usings()
    {
        var assembly = Touch("bin/Debug/net10.0/Lib.dll");
        var task = new VerifySnippets
        {
            ProjectDirectory = _project,
            Documents = [new TaskItem("docs/intro.md")],
            ProjectFile = Path.Combine(_project, "Lib.csproj"),
            ProjectAssembly = assembly,
            DependencyFile = Path.Combine(_project, "obj", "snippetcheck.dependencies.txt"),
            Library =
            [
                Item(assembly, "assembly"),
                Item(Path.Combine(_project, "Parser.cs"), "source"),
                Item(Path.Combine(_project, "obj/Debug/net10.0/Lib.AssemblyInfo.cs"), "source"),
                Item(Path.Combine(_project, "..", "Shared", "Linked.cs"), "source"),
                Item("/packs/Microsoft.NETCore.App.Ref/ref/net10.0/System.Runtime.dll", "reference", ("FrameworkReferenceName", "Microsoft.NETCore.App")),
                Item("/nuget/netstandard.library/2.0.3/build/netstandard2.0/ref/System.Runtime.dll", "reference", ("NuGetPackageId", "NETStandard.Library")),
                Item("/nuget/humanizer/lib/net8.0/Humanizer.dll", "reference"),
                Item("/nuget/humanizer/lib/net8.0/Humanizer.dll", "runtime"),
                Item("/nuget/humanizer/lib/net8.0/Humanizer.xml", "runtime"),
                Item("Lib.Text", "using"),
                Item("System.Math", "using", ("Static", "true")),
                Item("System.Text.StringBuilder", "using", ("Alias", "SB")),
            ],
        };

        var lines = task.ResponseFileText().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);

        string[] expected =
        [
            "docs/intro.md",
            Path.Combine(_project, "Parser.cs"),
            "--project-output", Path.Combine(_project, "Lib.csproj") + "=" + assembly,
            "--reference", assembly,
            "--reference", Path.GetFullPath("/nuget/humanizer/lib/net8.0/Humanizer.dll"),
            "--runtime-assembly", Path.GetFullPath("/nuget/humanizer/lib/net8.0/Humanizer.dll"),
            "--using", "Lib.Text",
            "--using", "static System.Math",
            "--using", "SB=System.Text.StringBuilder",
            "--dependency-file", Path.Combine(_project, "obj", "snippetcheck.dependencies.txt"),
        ];
        Assert.Equal(expected.Select(token => '"' + token + '"'), lines);
    }

    [Fact]
    public void A_project_without_doc_comments_still_names_its_own_build_so_a_self_reference_is_not_built_again()
    {
        var assembly = Touch("bin/Debug/net10.0/Blog.dll");
        var task = new VerifySnippets
        {
            ProjectDirectory = _project,
            Documents = [new TaskItem("post.md")],
            ProjectFile = Path.Combine(_project, "Blog.csproj"),
            ProjectAssembly = assembly,
        };

        var lines = task.ResponseFileText().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(["\"post.md\"", "\"--project-output\"", $"\"{Path.Combine(_project, "Blog.csproj")}={assembly}\""], lines);
    }

    private string Touch(string relativePath)
    {
        var full = Path.Combine(_project, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, []);
        return full;
    }

    private static TaskItem Item(string spec, string kind, params (string Name, string Value)[] metadata)
    {
        var item = new TaskItem(spec);
        item.SetMetadata("Kind", kind);
        foreach (var (name, value) in metadata) item.SetMetadata(name, value);
        return item;
    }
}
