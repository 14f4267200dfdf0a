using SnippetCheck.Model;

namespace SnippetCheck.Configuration;

/// <summary>
/// <c>--untrusted</c> (or <c>SNIPPETCHECK_UNTRUSTED=1</c>): the checkout is a pull request's, so nothing in it may widen
/// the sandbox. Every refusal speaks alike, whatever its source (config, front matter, a tag, <c>--no-sandbox</c>).
/// </summary>
internal static class Untrusted
{
    /// <summary>The environment variable that turns it on as the option does (<c>1</c> or <c>true</c>).</summary>
    public const string EnvironmentVariable = "SNIPPETCHECK_UNTRUSTED";

    /// <summary>True when <paramref name="value"/> (the variable's) turns it on.</summary>
    public static bool IsOn(string? value) => value is "1" || string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The most a pull request's config, front matter or tag may ask for (no exhausting the machine): past these a value is refused like a
    /// widening, at its line. The command line's own <c>--timeout</c> and <c>--parallel</c> are the user's, not capped.
    /// </summary>
    public const long MemoryLimitCap = 2L << 30;

    /// <inheritdoc cref="MemoryLimitCap"/>
    public static readonly TimeSpan TimeoutCap = TimeSpan.FromSeconds(60);

    /// <inheritdoc cref="MemoryLimitCap"/>
    public static int ParallelismCap => Environment.ProcessorCount;

    /// <summary>Why <paramref name="setting"/> is refused: what it would grant, and why a pull request may not.</summary>
    internal static string Message(string setting, string grant) =>
        $"--untrusted refuses {setting}: it {grant}, and a pull request may not widen its own sandbox (docs/ci.md#pull-requests)";

    /// <summary>The refusal of a config or front-matter value, at its line.</summary>
    internal static ConfigException Refusal(string file, int line, string setting, string grant) =>
        new(file, line, Message(setting, grant)) { Code = DiagnosticCodes.UntrustedRefused };
}
