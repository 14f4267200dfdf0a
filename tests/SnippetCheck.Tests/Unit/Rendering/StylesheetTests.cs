using System.Globalization;
using System.Text.RegularExpressions;
using SnippetCheck.Rendering;

namespace SnippetCheck.Tests.Unit.Rendering;

/// <summary>
/// The shipped stylesheet's colours pass WCAG AA in both themes: 4.5:1 for text on the background it stands on,
/// 3:1 for the focus ring. Read from the stylesheet itself, so a changed colour is checked where it is changed.
/// </summary>
public sealed partial class StylesheetTests
{
    /// <summary>Variables that are not text, and the background each text variable stands on.</summary>
    private static readonly HashSet<string> NotText = ["background", "border", "card-background", "query-background", "focus"];

    private static string BackgroundOf(string variable) => variable switch
    {
        "card-foreground" or "link" => "card-background",
        "query-foreground" => "query-background",
        _ => "background",
    };

    public static TheoryData<string> Themes => new() { ".sc-block {", ".sc-dark .sc-block, .sc-block.sc-dark {" };

    [Theory]
    [MemberData(nameof(Themes))]
    public void Every_text_colour_passes_AA_on_its_background(string theme)
    {
        var colours = Variables(theme);
        Assert.True(colours.Count >= 20, $"only {colours.Count} colours read from '{theme}'");
        var failures = colours.Keys.Where(v => !NotText.Contains(v))
            .Select(v => (Variable: v, Ratio: Contrast(colours[v], colours[BackgroundOf(v)])))
            .Where(c => c.Ratio < 4.5)
            .Select(c => $"--sc-{c.Variable}: {c.Ratio:F2}")
            .ToList();
        Assert.True(failures.Count == 0, string.Join(", ", failures));
        Assert.True(Contrast(colours["focus"], colours["background"]) >= 3);
    }

    [Fact]
    public void The_system_dark_theme_is_the_forced_dark_theme()
    {
        var dark = Variables(".sc-dark .sc-block, .sc-block.sc-dark {");
        Assert.Equal(dark, Variables(":root:not(.sc-light) .sc-block:not(.sc-light) {"));
    }

    private static Dictionary<string, string> Variables(string selector)
    {
        var css = Renderer.Stylesheet();
        var start = css.IndexOf(selector, StringComparison.Ordinal);
        Assert.True(start >= 0, $"no '{selector}' in the stylesheet");
        var body = css[start..css.IndexOf('}', start)];
        return Variable().Matches(body).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
    }

    /// <summary>WCAG 2's contrast ratio of two <c>#rrggbb</c> colours.</summary>
    private static double Contrast(string a, string b)
    {
        var (la, lb) = (Luminance(a), Luminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    private static double Luminance(string hex)
    {
        double Channel(int offset)
        {
            var c = int.Parse(hex.AsSpan(offset, 2), NumberStyles.HexNumber) / 255.0;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * Channel(1) + 0.7152 * Channel(3) + 0.0722 * Channel(5);
    }

    [GeneratedRegex(@"--sc-([a-z-]+):\s*(#[0-9a-fA-F]{6});")]
    private static partial Regex Variable();
}
