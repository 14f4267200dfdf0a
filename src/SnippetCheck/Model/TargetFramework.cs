using System.Globalization;
using System.Text.RegularExpressions;

namespace SnippetCheck.Model;

/// <summary>
/// A .NET a snippet compiles against and runs on (<c>net8.0</c>, <c>net10.0</c>). The defaults the SDK gives a project of
/// it (the C# version, the warning level) are the settings table's (<c>Configuration.Settings</c>).
/// </summary>
public sealed partial record TargetFramework : IComparable<TargetFramework>
{
    private TargetFramework(int major) => Major = major;

    /// <summary>The oldest .NET a matrix may name: the oldest in support (LTS until November 2026).</summary>
    public const int OldestMajor = 8;

    /// <summary>The framework the tool itself runs on, and what snippets verify on unless settings say otherwise.</summary>
    public static TargetFramework Tool { get; } = new(Environment.Version.Major);

    /// <summary>Every framework a matrix may name: from <see cref="OldestMajor"/> to the tool's own.</summary>
    public static IReadOnlyList<TargetFramework> Supported { get; } =
        [.. Enumerable.Range(OldestMajor, Environment.Version.Major - OldestMajor + 1).Select(major => new TargetFramework(major))];

    /// <summary>The major version: 8 for <c>net8.0</c>.</summary>
    public int Major { get; }

    /// <summary>As project files write it: <c>net8.0</c>.</summary>
    public string Moniker => $"net{Major}.0";

    /// <summary>True for the framework the tool runs on: its compiler references and runner are at hand.</summary>
    public bool IsTool => Major == Tool.Major;

    /// <summary>Reads <c>net8.0</c> (any case); null for anything else, or a framework outside <see cref="Supported"/>.</summary>
    public static TargetFramework? TryParse(string? text)
    {
        var match = MonikerPattern().Match(text?.Trim() ?? "");
        if (!match.Success) return null;
        var major = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return Supported.FirstOrDefault(f => f.Major == major);
    }

    /// <summary>What a setting that named no supported framework is told.</summary>
    public static string SupportedList => string.Join(", ", Supported.Select(f => f.Moniker));

    /// <summary>Older frameworks first.</summary>
    public int CompareTo(TargetFramework? other) => other is null ? 1 : Major.CompareTo(other.Major);

    /// <summary>The moniker, <c>net8.0</c>.</summary>
    public override string ToString() => Moniker;

    [GeneratedRegex(@"^net([0-9]{1,2})\.0$", RegexOptions.IgnoreCase)]
    private static partial Regex MonikerPattern();
}

/// <summary>
/// The frameworks something applies to: a run's matrix (config <c>frameworks</c>), or a block's narrowing of it
/// (<c>frameworks=net9.0+</c> or <c>frameworks=net8.0,net10.0</c>).
/// </summary>
internal sealed class FrameworkSet : IEquatable<FrameworkSet>
{
    private readonly TargetFramework? _from;
    private readonly IReadOnlyList<TargetFramework> _listed;

    private FrameworkSet(TargetFramework? from, IReadOnlyList<TargetFramework> listed, string text)
    {
        _from = from;
        _listed = listed;
        Text = text;
    }

    /// <summary>As it was written, for messages.</summary>
    public string Text { get; }

    /// <summary>Exactly these frameworks.</summary>
    public static FrameworkSet Of(IReadOnlyList<TargetFramework> frameworks) =>
        new(null, [.. frameworks.Distinct().Order()], string.Join(',', frameworks.Distinct().Order()));

    /// <summary>True when the set keeps <paramref name="framework"/>.</summary>
    public bool Contains(TargetFramework framework) => _from is { } from ? framework.Major >= from.Major : _listed.Contains(framework);

    /// <summary>The frameworks of <paramref name="run"/> that this set keeps.</summary>
    public IReadOnlyList<TargetFramework> Within(IEnumerable<TargetFramework> run) => [.. run.Where(Contains)];

    /// <summary>
    /// The one reading of <c>frameworks</c> text, for config, front matter, tags, output blocks and the command line
    /// alike: <c>net9.0+</c> (that framework and every newer one) or a list of supported names separated by <c>,</c> or by
    /// <c>;</c>, as MSBuild's TargetFrameworks writes them (<c>net8.0;net10.0</c>), no repeats, oldest first. Null with
    /// <paramref name="problem"/> when a name is not a supported framework, or none is named.
    /// </summary>
    public static FrameworkSet? TryParse(string text, out string problem)
    {
        problem = "";
        var trimmed = text.Trim();
        if (trimmed.EndsWith('+'))
        {
            if (TargetFramework.TryParse(trimmed[..^1]) is { } from) return new FrameworkSet(from, [], trimmed);
            problem = Unknown(trimmed[..^1]);
            return null;
        }
        var frameworks = new List<TargetFramework>();
        foreach (var name in trimmed.Split([',', ';'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (TargetFramework.TryParse(name) is not { } framework)
            {
                problem = Unknown(name);
                return null;
            }
            frameworks.Add(framework);
        }
        if (frameworks.Count > 0) return new FrameworkSet(null, [.. frameworks.Distinct().Order()], trimmed);
        problem = $"names no framework (write net9.0+ or {TargetFramework.SupportedList.Replace(", ", ",", StringComparison.Ordinal)})";
        return null;
    }

    /// <summary>The frameworks it keeps of those a matrix may name, oldest first: a run's matrix read from it.</summary>
    public IReadOnlyList<TargetFramework> Matrix => Within(TargetFramework.Supported);

    private static string Unknown(string name) => $"'{name}' is not a supported target framework (supported: {TargetFramework.SupportedList})";

    /// <summary>Two sets are equal when they keep the same frameworks the same way (<c>net9.0+</c> is not the list net9.0,net10.0).</summary>
    public bool Equals(FrameworkSet? other) =>
        other is not null && Equals(_from, other._from) && _listed.SequenceEqual(other._listed);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as FrameworkSet);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_from, _listed.Count);
}
