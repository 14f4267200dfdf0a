namespace SnippetCheck.Results;

/// <summary>How one test of a block ended (the JSON report's <c>tests[].status</c>).</summary>
internal enum TestStatus
{
    /// <summary>It ran and passed.</summary>
    Passed,

    /// <summary>It ran and failed: an assertion, an exception, a setup or teardown that threw.</summary>
    Failed,

    /// <summary>Not run, as its framework would skip it: an ignore attribute, a skip reason, an ignore or inconclusive assertion.</summary>
    Skipped,
}
