using System.Text.Json.Serialization;

namespace SnippetCheck.Rendering;

/// <summary>
/// One C# block as <c>render</c> describes it, the JSON twin of its HTML fragment (schema: docs/render.md). Positions
/// are 0-based line and character in <see cref="Code"/>, the text readers see, as twoslash gives them.
/// </summary>
/// <param name="Version">The schema's version: <see cref="SchemaVersion"/>; a consumer refuses a newer major one.</param>
/// <param name="File">The document, as reports name it.</param>
/// <param name="Line">The 1-based line of its opening fence.</param>
/// <param name="Kind">What it was verified as: <c>run</c>, <c>compile</c>, <c>compile-fail</c>, ... (<c>none</c> when untagged).</param>
/// <param name="Status">Its verdict: <c>passed</c>, <c>failed</c>, <c>ignored</c>, <c>untagged</c>, <c>skipped</c>.</param>
/// <param name="Verified">True for a passing block: what the verified mark stands for.</param>
/// <param name="Code">The code shown: the block's body without its <c>// ^?</c> query lines.</param>
/// <param name="Tokens">Every coloured span, in order; text between them is plain (operators, punctuation, white space).</param>
/// <param name="Nodes">Hover cards, query results and compiler errors.</param>
/// <param name="Output">The verified output shown under a run block; null when there is none to show.</param>
/// <param name="Mark">The verified mark; null when not verified, or switched off.</param>
public sealed record RenderedBlock(
    int Version,
    string File,
    int Line,
    string Kind,
    string Status,
    bool Verified,
    string Code,
    IReadOnlyList<RenderedToken> Tokens,
    IReadOnlyList<RenderedNode> Nodes,
    string? Output,
    VerifiedMark? Mark)
{
    /// <summary>The schema version this build writes: a new field is a minor change, a changed meaning a new version.</summary>
    public const int SchemaVersion = 1;

    /// <summary>An id for the block, unique within its document: <c>L12</c> for a fence on line 12.</summary>
    [JsonIgnore]
    public string Id => "L" + Line;
}

/// <summary>A coloured span: <paramref name="Class"/> is <c>keyword</c>, <c>string</c>, <c>class</c>, <c>method</c>, ... (docs/render.md).</summary>
public sealed record RenderedToken(int Line, int Character, int Length, string Class);

/// <summary>
/// A hover card (<c>hover</c>: an identifier's signature and docs), a query's answer (<c>query</c>: a <c>// ^?</c> line
/// asked for the expression above its caret) or a compiler error (<c>error</c>, with its <paramref name="Code"/>).
/// </summary>
/// <param name="Text">The signature, or the error's message.</param>
/// <param name="Docs">The symbol's documentation summary.</param>
/// <param name="Url">The symbol's API page.</param>
public sealed record RenderedNode(
    string Type, int Line, int Character, int Length, string Text, string? Docs = null, string? Url = null, string? Code = null);

/// <summary>What the verified mark says: which tool, on which .NET, verified the block, and on what day.</summary>
public sealed record VerifiedMark(string Tool, string Dotnet, string Date);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RenderedBlock))]
[JsonSerializable(typeof(RenderManifest))]
internal sealed partial class RenderJsonContext : JsonSerializerContext;
