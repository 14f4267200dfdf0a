namespace SnippetCheck.Configuration;

/// <summary>Whether runners confine what snippets can touch: <c>auto</c> where the kernel can (Linux), or never.</summary>
internal enum SandboxMode
{
    /// <summary>Confine runners where the kernel can (the default).</summary>
    Auto,

    /// <summary>Never confine them (<c>--no-sandbox</c>).</summary>
    Off,
}
