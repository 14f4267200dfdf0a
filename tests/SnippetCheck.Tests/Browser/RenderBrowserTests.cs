using PuppeteerSharp;
using SnippetCheck.Driver;
using SnippetCheck.Rendering;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Browser;

/// <summary>A fact that runs where Chromium is installed, and says how to install it where it is not.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (Chromium.Find() is null) Skip = "Chromium is not installed: 'apt-get install chromium' (.ci/run installs it), or set SNIPPETCHECK_CHROMIUM to a Chrome or Chromium binary";
    }
}

public static class Chromium
{
    /// <summary>SNIPPETCHECK_CHROMIUM, else the first of Debian's and other distributions' names on the PATH.</summary>
    public static string? Find()
    {
        if (Environment.GetEnvironmentVariable("SNIPPETCHECK_CHROMIUM") is { Length: > 0 } given && File.Exists(given)) return given;
        var folders = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator);
        return new[] { "chromium", "chromium-browser", "google-chrome", "google-chrome-stable" }
            .SelectMany(name => folders.Select(folder => Path.Combine(folder, name)))
            .FirstOrDefault(File.Exists);
    }
}

/// <summary>
/// <c>render --site</c> of <c>posts/</c> (a package symbol's card reads the package's documentation file), opened in
/// headless Chromium over the DevTools protocol: a hover card opens on
/// keyboard focus with the compiler's signature, a compile-fail underline sits on the token the compiler named, and no
/// page overflows at a phone's or a desktop's width. Screenshots go to artifacts/screenshots (CI keeps them).
/// </summary>
public sealed class RenderBrowserTests : IClassFixture<RenderBrowserTests.RenderedSite>
{
    private const string Page = "posts/2026-02-10-spsc-ring-buffer.html";

    public sealed class RenderedSite : IAsyncLifetime
    {
        private readonly TempFolder _folder = new();

        public string Root => Path.Combine(_folder.Path, "site");

        public IBrowser Browser { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            var options = new VerifyOptions
            {
                Paths = ["posts"],
                CurrentDirectory = RepositoryRoot.Path,
                CacheDirectory = Path.Combine(_folder.Path, "cache"),
            };
            await Renderer.RunAsync(options, new RenderOptions(Root, Site: true));
            if (Chromium.Find() is not { } chromium) return;
            Browser = await Puppeteer.LaunchAsync(new LaunchOptions
            {
                ExecutablePath = chromium,
                Headless = true,
                // Containers and CI runners have no user namespaces for Chromium's own sandbox.
                Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
            });
        }

        public async Task DisposeAsync()
        {
            if (Browser is not null) await Browser.DisposeAsync();
            _folder.Dispose();
        }

        public async Task<IPage> OpenAsync(int width)
        {
            var page = await Browser.NewPageAsync();
            await page.SetViewportAsync(new ViewPortOptions { Width = width, Height = 900 });
            await page.GoToAsync(new Uri(Path.Combine(Root, Page)).AbsoluteUri, WaitUntilNavigation.Load);
            return page;
        }
    }

    private readonly RenderedSite _site;

    public RenderBrowserTests(RenderedSite site) => _site = site;

    private static string Screenshot(string name)
    {
        var folder = RepositoryRoot.PathOf(Path.Combine("artifacts", "screenshots"));
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }

    [Fact]
    public void A_package_symbol_card_has_the_summary_from_the_packages_documentation_file()
    {
        // posts/2026-04-21-system-text-json-vs-newtonsoft.md restores Newtonsoft.Json, whose package carries its XML docs.
        var folder = Path.Combine(_site.Root, "posts", "2026-04-21-system-text-json-vs-newtonsoft");
        var cards = Directory.GetFiles(folder, "L*.json")
            .SelectMany(file => System.Text.Json.JsonDocument.Parse(File.ReadAllText(file)).RootElement.GetProperty("nodes").EnumerateArray())
            .Where(node => node.GetProperty("type").GetString() == "hover" && node.GetProperty("text").GetString() == "class JsonConvert")
            .ToList();
        Assert.NotEmpty(cards);
        Assert.All(cards, card => Assert.StartsWith("Provides methods for converting between .NET types and JSON types", card.GetProperty("docs").GetString()));
        // Not the framework's: no learn.microsoft.com page is claimed for it.
        Assert.All(cards, card => Assert.False(card.TryGetProperty("url", out _)));
    }

    [ChromiumFact]
    public async Task A_hover_card_opens_on_keyboard_focus_with_the_compilers_signature()
    {
        await using var page = await _site.OpenAsync(1280);
        const string Token = "[...document.querySelectorAll('.sc-tok > .sc-method')].find(e => e.textContent === 'WriteLine')";
        Assert.Equal("none", await page.EvaluateExpressionAsync<string>($"getComputedStyle({Token}.nextElementSibling).display"));

        await page.EvaluateExpressionAsync($"{Token}.scrollIntoView({{block: 'center'}})");
        await page.EvaluateExpressionAsync($"{Token}.focus()");
        Assert.Equal("block", await page.EvaluateExpressionAsync<string>($"getComputedStyle({Token}.nextElementSibling).display"));
        Assert.Equal("void Console.WriteLine(string? value)",
            await page.EvaluateExpressionAsync<string>($"{Token}.nextElementSibling.querySelector('.sc-signature').textContent"));
        // Screen readers read the card as the token's description.
        Assert.Equal("tooltip", await page.EvaluateExpressionAsync<string>(
            $"document.getElementById({Token}.getAttribute('aria-describedby')).getAttribute('role')"));
        await page.ScreenshotAsync(Screenshot("render-hover-1280.png"));
    }

    [ChromiumFact]
    public async Task A_compile_fail_underline_sits_on_the_token_the_compiler_named()
    {
        await using var page = await _site.OpenAsync(1280);
        const string Error = "document.querySelector('[data-sc-kind=\"compile-fail\"] .sc-error')";
        // innerText: what is shown, without the closed hover card inside the underline.
        Assert.Equal("_tail", await page.EvaluateExpressionAsync<string>($"{Error}.innerText"));
        Assert.Equal("wavy", await page.EvaluateExpressionAsync<string>($"getComputedStyle({Error}).textDecorationStyle"));
        Assert.True(await page.EvaluateExpressionAsync<double>($"{Error}.getBoundingClientRect().width") > 0);
        Assert.Contains("CS0677", await page.EvaluateExpressionAsync<string>(
            $"document.getElementById({Error}.getAttribute('aria-describedby')).textContent"), StringComparison.Ordinal);
    }

    [ChromiumTheory]
    [InlineData(375)]
    [InlineData(1280)]
    public async Task The_page_does_not_overflow(int width)
    {
        await using var page = await _site.OpenAsync(width);
        const string Overflow = "document.documentElement.scrollWidth - window.innerWidth";
        Assert.Equal(0, await page.EvaluateExpressionAsync<int>(Overflow));
        await page.ScreenshotAsync(Screenshot($"render-{width}.png"), new ScreenshotOptions { FullPage = true });
        // An open card stays inside its block, however far right its token stands.
        await page.EvaluateExpressionAsync(
            "[...document.querySelectorAll('.sc-tok > [tabindex]')].sort((a, b) => b.getBoundingClientRect().right - a.getBoundingClientRect().right)[0].focus()");
        Assert.Equal(0, await page.EvaluateExpressionAsync<int>(Overflow));
    }
}

/// <summary>A theory that runs where Chromium is installed (see <see cref="ChromiumFactAttribute"/>).</summary>
public sealed class ChromiumTheoryAttribute : TheoryAttribute
{
    public ChromiumTheoryAttribute()
    {
        if (Chromium.Find() is null) Skip = new ChromiumFactAttribute().Skip;
    }
}
