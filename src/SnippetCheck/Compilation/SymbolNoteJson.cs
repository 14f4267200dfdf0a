namespace SnippetCheck.Compilation;

/// <summary>The JSON of <see cref="SymbolNote"/> lists, generated at build time (no reflection), for the notes a capture keeps on disk.</summary>
[System.Text.Json.Serialization.JsonSourceGenerationOptions(PropertyNamingPolicy = System.Text.Json.Serialization.JsonKnownNamingPolicy.CamelCase)]
[System.Text.Json.Serialization.JsonSerializable(typeof(List<SymbolNote>))]
[System.Text.Json.Serialization.JsonSerializable(typeof(IReadOnlyList<SymbolNote>))]
internal sealed partial class SymbolNoteJson : System.Text.Json.Serialization.JsonSerializerContext;
