using System.Text.Json;

namespace SnippetCheck.Tests.Infrastructure;

/// <summary>A parsed docs/ci.md "The JSON report" JSON report, for assertions.</summary>
public sealed class JsonReport(JsonDocument document)
{
    public JsonElement Root => document.RootElement;

    public JsonElement Summary => Root.GetProperty("summary");

    public IEnumerable<JsonElement> Snippets => Root.GetProperty("snippets").EnumerateArray();

    public JsonElement Snippet(string name) => Snippets.Single(s => s.GetProperty("name").GetString() == name);

    public JsonElement SnippetAt(int line) => Snippets.Single(s => s.GetProperty("line").GetInt32() == line);

    public static JsonReport Load(string path) => new(JsonDocument.Parse(File.ReadAllText(path)));
}

public static class JsonElementExtensions
{
    public static string? Str(this JsonElement element, string name) => element.GetProperty(name).GetString();

    public static int Int(this JsonElement element, string name) => element.GetProperty(name).GetInt32();
}

/// <summary>A parsed <c>adopt --report json=PATH</c> report (docs/authoring.md#adopt), for assertions.</summary>
public sealed class AdoptJsonReport(JsonDocument document)
{
    public JsonElement Summary => document.RootElement.GetProperty("summary");

    /// <summary>Each block adopt looked at, by the line of its opening fence: of a report on one file (read when asked).</summary>
    public IReadOnlyDictionary<int, JsonElement> Blocks =>
        document.RootElement.GetProperty("blocks").EnumerateArray().ToDictionary(b => b.GetProperty("line").GetInt32());

    /// <summary>The blocks adopt suspects of rot, in the report's order.</summary>
    public IReadOnlyList<JsonElement> SuspectedRot { get; } = [.. document.RootElement.GetProperty("suspectedRot").EnumerateArray()];

    public static AdoptJsonReport Load(string path) => new(JsonDocument.Parse(File.ReadAllText(path)));
}
