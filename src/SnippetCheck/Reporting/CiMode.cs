namespace SnippetCheck.Reporting;

/// <summary>What <c>--ci</c> asks for.</summary>
internal enum CiMode
{
    /// <summary>GitHub Actions when <c>GITHUB_ACTIONS=true</c>, else none (<see cref="CiTarget.Resolve"/>).</summary>
    Auto,

    /// <summary>No CI output: the console and the requested reports only.</summary>
    None,

    /// <summary>GitHub Actions: <c>::error</c> annotations and the step summary.</summary>
    GitHub,
}
