namespace SnippetCheck.Configuration;

/// <summary>What a stale <c>ignore</c> tag is (SC1019, SC1020): a warning, an error that fails the run, or not checked.</summary>
internal enum StaleMode { Warn, Error, Off }
