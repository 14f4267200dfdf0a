using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.Build.Framework;

namespace SnippetCheck.MSBuild;

/// <summary>
/// The CLI's response file for one <see cref="VerifySnippets"/> run: the documents and the library's options, one token
/// per line, because a blog can have more posts than a command line has room for, and a library more references.
/// </summary>
internal sealed class CliResponseFile(VerifySnippets task)
{
    /// <summary>The file's text: each token quoted on a line of its own, for System.CommandLine's <c>@file</c>.</summary>
    public string Text()
    {
        var text = new StringBuilder();
        void Line(string token) => text.Append('"').Append(token).Append('"').AppendLine();
        foreach (var document in task.Documents) Line(document.ItemSpec);
        foreach (var source in DocCommentSources()) Line(source);
        foreach (var (option, value) in LibraryOptions())
        {
            Line(option);
            Line(value);
        }
        if (!string.IsNullOrEmpty(task.DependencyFile))
        {
            Line("--dependency-file");
            Line(task.DependencyFile!);
        }
        return text.ToString();
    }

    /// <summary>The project's own C# files: its <c>@(Compile)</c> below the project folder, generated files in bin and obj left out.</summary>
    internal IEnumerable<string> DocCommentSources()
    {
        var root = Path.GetFullPath(task.ProjectDirectory).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar)
            + Path.DirectorySeparatorChar;
        foreach (var item in OfKind("source"))
        {
            var full = Path.GetFullPath(Path.Combine(task.ProjectDirectory, item.ItemSpec));
            if (!full.StartsWith(root, StringComparison.Ordinal)) continue;
            var segments = full.Substring(root.Length).Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
            if (segments.Any(s => s == "bin" || s == "obj" || s.StartsWith(".", StringComparison.Ordinal))) continue;
            yield return full;
        }
    }

    /// <summary>What the library adds to the CLI's command line: references, runner-only assemblies, usings, its own build.</summary>
    internal IEnumerable<(string Option, string Value)> LibraryOptions()
    {
        if (!string.IsNullOrEmpty(task.Frameworks) && !string.IsNullOrEmpty(task.ProjectFile) && task.Library.Length > 0)
        {
            // A matrix: each framework's build differs (its #if branches, its packages' assets), so the CLI builds the
            // project for each with -f, and reads its references and usings from that build.
            yield return ("--frameworks", task.Frameworks!.Replace(';', ','));
            yield return ("--reference", task.ProjectFile!);
            yield break;
        }
        if (!string.IsNullOrEmpty(task.ProjectFile) && !string.IsNullOrEmpty(task.ProjectAssembly) && File.Exists(task.ProjectAssembly))
            yield return ("--project-output", task.ProjectFile + "=" + task.ProjectAssembly);
        if (OfKind("assembly").Select(i => i.ItemSpec).FirstOrDefault(p => p.Length > 0) is { } assembly)
            yield return ("--reference", assembly);
        foreach (var reference in OfKind("reference").Where(r => !IsFrameworkReference(r)).Select(task.FullPathOf).Distinct(StringComparer.Ordinal))
            yield return ("--reference", reference);
        foreach (var runtime in OfKind("runtime").Select(task.FullPathOf).Where(p => p.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)).Distinct(
            StringComparer.Ordinal))
            yield return ("--runtime-assembly", runtime);
        foreach (var item in OfKind("using"))
        {
            var alias = item.GetMetadata("Alias");
            var text = alias.Length > 0 ? alias + "=" + item.ItemSpec
                : string.Equals(item.GetMetadata("Static"), "true", StringComparison.OrdinalIgnoreCase) ? "static " + item.ItemSpec
                : item.ItemSpec;
            yield return ("--using", text);
        }
    }

    /// <summary>
    /// Framework references come with the CLI's own .NET reference assemblies; only packages and projects are passed.
    /// A framework's are a targeting pack's (<c>FrameworkReferenceName</c>), .NET Standard 2.0's facades (shipped as the
    /// NETStandard.Library package, which would clash with .NET's own <c>System.Runtime</c> and kin), or a .NET
    /// Framework reference assembly (<c>FrameworkFile</c>).
    /// </summary>
    private static bool IsFrameworkReference(ITaskItem reference) =>
        reference.GetMetadata("FrameworkReferenceName").Length > 0
        || string.Equals(reference.GetMetadata("NuGetPackageId"), "NETStandard.Library", StringComparison.OrdinalIgnoreCase)
        || string.Equals(reference.GetMetadata("FrameworkFile"), "true", StringComparison.OrdinalIgnoreCase);

    private IEnumerable<ITaskItem> OfKind(string kind) =>
        task.Library.Where(i => string.Equals(i.GetMetadata("Kind"), kind, StringComparison.OrdinalIgnoreCase));
}
