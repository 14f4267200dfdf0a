namespace SnippetCheck.Configuration;

/// <summary>Where a setting may be given; config <c>snippetcheck.json</c> is always one place.</summary>
[Flags]
internal enum SettingScope
{
    /// <summary>The config file, and the command line if the setting has an option.</summary>
    Run = 1,

    /// <summary>A post's front matter too (a setting without it is "run-only", and front matter naming it is an error).</summary>
    File = 2,

    /// <summary>A block's tag too (<see cref="Setting.Tag"/>).</summary>
    Block = 4,
}
