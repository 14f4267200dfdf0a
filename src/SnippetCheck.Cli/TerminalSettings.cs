namespace SnippetCheck.Cli;

/// <summary>
/// What the console can show. Colour needs a terminal on standard output, no <c>CI</c> and no <c>NO_COLOR</c>
/// (https://no-color.org). The progress line also needs standard error on a terminal and a <c>TERM</c> other
/// than <c>dumb</c>; redirected output and CI logs get plain lines only.
/// </summary>
public sealed record TerminalSettings(bool UseColor, bool ShowProgress)
{
    public static TerminalSettings Detect() =>
        From(Environment.GetEnvironmentVariable, Console.IsOutputRedirected, Console.IsErrorRedirected);

    public static TerminalSettings From(Func<string, string?> environment, bool outputRedirected, bool errorRedirected)
    {
        var onCi = !string.IsNullOrEmpty(environment("CI"));
        var terminal = !outputRedirected && !onCi;
        return new TerminalSettings(
            UseColor: terminal && string.IsNullOrEmpty(environment("NO_COLOR")),
            ShowProgress: terminal && !errorRedirected && environment("TERM") != "dumb");
    }
}
