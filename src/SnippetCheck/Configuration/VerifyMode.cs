namespace SnippetCheck.Configuration;

/// <summary>Whether untagged C# blocks are verified (as <c>compile</c>) or only counted.</summary>
internal enum VerifyMode
{
    /// <summary>Only tagged blocks are verified; untagged ones are counted (the default).</summary>
    Tagged,

    /// <summary>Untagged C# blocks are verified too, as <c>compile</c> (<c>--all</c>, config <c>mode: all</c>).</summary>
    All,
}
