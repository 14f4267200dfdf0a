namespace SnippetCheck.References;

/// <summary>A project's target frameworks as MSBuild evaluated them (<c>-getProperty:TargetFramework -getProperty:TargetFrameworks</c>).</summary>
/// <param name="Frameworks">Its <c>TargetFrameworks</c>, else its one <c>TargetFramework</c>; empty when it names neither.</param>
/// <param name="MultiTargeted">True when it lists <c>TargetFrameworks</c>: a build then needs <c>-f</c>.</param>
internal sealed record LibraryTargets(IReadOnlyList<string> Frameworks, bool MultiTargeted)
{
    /// <summary>Reads MSBuild's <c>-getProperty</c> JSON.</summary>
    public static LibraryTargets Read(string json)
    {
        using var document = System.Text.Json.JsonDocument.Parse(json);
        string Property(string name) =>
            document.RootElement.TryGetProperty("Properties", out var properties) && properties.TryGetProperty(name, out var value)
            ? value.GetString() ?? "" : "";
        var many = Property("TargetFrameworks").Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (many.Length > 0) return new LibraryTargets(many, true);
        var one = Property("TargetFramework").Trim();
        return new LibraryTargets(one.Length == 0 ? [] : [one], false);
    }
}
