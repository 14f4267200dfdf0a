namespace SnippetCheck.Configuration;

/// <summary>One config or front-matter value being read: its file and key, for the error that names them.</summary>
internal readonly record struct SettingInput(string File, string Key, RawValue Raw)
{
    /// <summary>The value as the reader gave it (a string, a number, a bool, a list).</summary>
    public object Value => Raw.Value;

    /// <summary><c>'KEY' must be EXPECTED, not VALUE</c>.</summary>
    internal ConfigException Bad(string expected) => Error($"'{Key}' must be {expected}, not {ConfigValues.Describe(Value)}");

    internal ConfigException Error(string message) => new(File, Raw.Line, message);
}
