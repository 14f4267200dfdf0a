using SnippetCheck.Model;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Unit.Extraction.Markdown;

/// <summary>Jekyll and Hugo highlight tags hold C# that is not verified: each is reported (SC1018) at its line, never read.</summary>
public sealed class HighlightBlockTests
{
    [Fact]
    public void Liquid_and_Hugo_highlight_tags_of_CSharp_are_reported_where_they_stand()
    {
        var markdown = "Intro.\n\n{% highlight csharp linenos %}\nvar x = 1;\n{% endhighlight %}\n\n- item\n\n  {{< highlight cs \"linenos=table,hl_lines=8\" >}}\n  var y = 2;\n  {{< /highlight >}}\n\n" +
                       "{{< highlight go >}}\nx := 1\n{{< /highlight >}}\n\n```text\n{% highlight csharp %}\n```\n";

        var warnings = Pipeline.Extract(markdown).Diagnostics.Where(d => d.Id == DiagnosticCodes.HighlightBlock).ToList();

        Assert.Equal([(3, 1), (9, 3)], warnings.Select(w => (w.Location.Line, w.Location.Column)));
        Assert.All(warnings, w => Assert.Equal(DiagnosticSeverity.Warning, w.Severity));
        Assert.Contains("{% highlight csharp %} block is not verified", warnings[0].Message);
        Assert.Contains("{{< highlight cs >}} block is not verified", warnings[1].Message);
    }
}
