namespace SnippetCheck.Configuration;

/// <summary>A config value before validation: a string, a bool, a number or a list of strings.</summary>
internal readonly record struct RawValue(object Value, int Line);
