using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SnippetCheck.Compilation;

namespace SnippetCheck.Tests.Infrastructure;

/// <summary>
/// A library compiled from a line of C# into a file, and the framework's reference files: what a rule that reads
/// assemblies from disk is given.
/// </summary>
public static class CompiledLibrary
{
    /// <summary>The framework's reference assemblies, as files.</summary>
    public static IEnumerable<string> Framework() =>
        ReferenceAssemblies.Default.OfType<PortableExecutableReference>().Select(r => r.FilePath).OfType<string>();

    /// <summary>The assemblies of <paramref name="paths"/>, loaded: what adopt's lookups hand its inference once a package restored.</summary>
    public static IReadOnlyList<MetadataReference> Loaded(IEnumerable<string> paths) => [.. paths.Select(p => MetadataReference.CreateFromFile(p))];

    /// <summary><paramref name="source"/> compiled against the framework into <c>NAME.dll</c> in <paramref name="folder"/>; its path.</summary>
    public static string Emit(TempFolder folder, string name, string source)
    {
        var path = Path.Combine(folder.Path, name + ".dll");
        var emitted = CSharpCompilation.Create(name, [CSharpSyntaxTree.ParseText(source)], ReferenceAssemblies.Default,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)).Emit(path);
        Assert.True(emitted.Success, string.Join('\n', emitted.Diagnostics));
        return path;
    }
}
