using System.Text.RegularExpressions;


namespace SnippetCheck.References;

/// <summary>What one <c>dotnet</c> command did.</summary>
internal sealed partial record DotnetResult(int ExitCode, string Stdout, string Stderr, bool TimedOut)
{
    public bool Succeeded => ExitCode == 0 && !TimedOut;

    /// <summary>
    /// The distinct <c>error XX1234: ...</c> lines the SDK printed, without the project path before them or the
    /// <c>[project.csproj]</c> after them: the restore's or the build's own words.
    /// </summary>
    public IReadOnlyList<string> ErrorLines =>
        [.. (Stdout + "\n" + Stderr).Split('\n')
            .Select(l => ErrorPattern().Match(l))
            .Where(m => m.Success)
            .Select(m => (m.Groups["where"].Value.Trim() is { Length: > 0 } where && !where.EndsWith("proj", StringComparison.OrdinalIgnoreCase)
                ? $"{where}: {m.Groups["error"].Value}"
                : m.Groups["error"].Value).Trim())
            .Distinct(StringComparer.Ordinal)];

    /// <summary>The error lines, or the end of the output when the SDK printed none.</summary>
    public string Explain()
    {
        if (TimedOut) return "timed out";
        if (ErrorLines is { Count: > 0 } errors) return string.Join('\n', errors);
        var text = (Stderr.Trim().Length > 0 ? Stderr : Stdout).Trim().Split('\n');
        return string.Join('\n', text.TakeLast(10)).Trim() is { Length: > 0 } tail ? tail : $"dotnet exited with code {ExitCode}";
    }

    /// <summary>
    /// The one line that says why the command failed, as the SDK said it: its first <c>error XX1234:</c> line; the
    /// host's "no compatible SDK" (a <c>global.json</c> pinning an SDK this machine lacks) with the version and the file
    /// asked for; else the first line it printed.
    /// </summary>
    public string FirstError()
    {
        if (TimedOut) return "timed out";
        if (ErrorLines is [var first, ..]) return first;
        var lines = (Stderr + "\n" + Stdout).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        if (lines.FirstOrDefault(l => l.StartsWith("A compatible .NET SDK was not found", StringComparison.Ordinal)) is { } noSdk)
        {
            var details = lines.Where(
                l => l.StartsWith("Requested SDK version:", StringComparison.Ordinal) || l.StartsWith("global.json file:", StringComparison.Ordinal));
            return string.Join(' ', [noSdk, .. details.Select(d => "(" + d + ")")]);
        }
        return lines.FirstOrDefault() ?? $"dotnet exited with code {ExitCode}";
    }

    // "/path/x.csproj : error NU1101: text [/path/x.csproj]" or "/path/A.cs(3,5): error CS0029: text [/path/x.csproj]"
    [GeneratedRegex(@"^(?<where>.*?)\s*:?\s*(?<error>\berror\s+[A-Z]+\d+:.*?)(\s+\[[^\]]+\])?\s*$")]
    private static partial Regex ErrorPattern();
}
