namespace SnippetCheck.Results;

internal enum DiffLineKind { Same, Expected, Actual }
