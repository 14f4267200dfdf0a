namespace SnippetCheck.Configuration;

/// <summary>Whether untagged C# blocks are verified (as <c>compile</c>) or only counted.</summary>
internal enum VerifyMode
{
    /// <summary>Only tagged blocks are verified; untagged ones are counted (the default).</summary>
    Tagged,

    /// <summary>Untagged C# blocks are verified too, as <c>compile</c> (<c>--all</c>, config <c>mode: all</c>).</summary>
    All,
}

/// <summary>Whether runners confine what snippets can touch: <c>auto</c> where the kernel can (Linux), or never.</summary>
internal enum SandboxMode
{
    /// <summary>Confine runners where the kernel can (the default).</summary>
    Auto,

    /// <summary>Never confine them (<c>--no-sandbox</c>).</summary>
    Off,
}

/// <summary>What a stale <c>ignore</c> tag is (SC1019, SC1020): a warning, an error that fails the run, or not checked.</summary>
internal enum StaleMode { Warn, Error, Off }
