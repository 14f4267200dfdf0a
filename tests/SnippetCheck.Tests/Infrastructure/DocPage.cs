using System.Text;

namespace SnippetCheck.Tests.Infrastructure;

/// <summary>
/// A page of a doc set as the adopt tests write them (<see cref="AdoptInProcess.Write(string, DocPage)"/>): a title, then
/// paragraphs and fences, a blank line between each. What a library's docs show again and again is one call here: the
/// install line in the prose (<see cref="Installs"/>) or in a fence of its own (<see cref="InstallFence"/>), and blocks that
/// import the library and print one of its calls (<see cref="Prints"/>).
/// </summary>
public sealed class DocPage(string title)
{
    private readonly StringBuilder _text = new($"# {title}\n");

    /// <summary>A paragraph of prose.</summary>
    public DocPage Prose(string text) => Add(text);

    /// <summary>A <c>csharp</c> fence of <paramref name="code"/>.</summary>
    public DocPage CSharp(string code) => Add($"```csharp\n{code}\n```");

    /// <summary>The install line in the prose: "Install it with `dotnet add package ID`." (with <c>--version</c> when given).</summary>
    public DocPage Installs(string package, string? version = null) =>
        Prose($"Install it with `dotnet add package {package}{(version is null ? "" : $" --version {version}")}`.");

    /// <summary>The install command alone in a fence, as a getting-started page shows it.</summary>
    public DocPage InstallFence(string package) => Add($"```\ndotnet add package {package}\n```");

    /// <summary>For each of <paramref name="calls"/>, a block that imports <paramref name="namespace"/> and prints the call.</summary>
    public DocPage Prints(string @namespace, params string[] calls)
    {
        foreach (var call in calls) CSharp($"using {@namespace};\n\nConsole.WriteLine({call});");
        return this;
    }

    /// <summary>Another page's text after this one's (the blocks every page of a doc set shows).</summary>
    public DocPage Then(string text) => Add(text.TrimEnd('\n'));

    /// <summary>The page's text, ending with a line break.</summary>
    public override string ToString() => _text.ToString();

    private DocPage Add(string text)
    {
        _text.Append('\n').Append(text).Append('\n');
        return this;
    }
}
