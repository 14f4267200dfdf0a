namespace SnippetCheck.Configuration;

/// <summary>A <c>TryParse</c> of the settings' text forms (<see cref="SettingValues"/>).</summary>
internal delegate bool TryParse<T>(string text, out T value);
