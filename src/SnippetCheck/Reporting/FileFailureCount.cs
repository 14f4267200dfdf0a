namespace SnippetCheck.Reporting;

/// <summary>How many failures one file had.</summary>
internal sealed record FileFailureCount(string File, int Failures);
