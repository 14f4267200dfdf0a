namespace SnippetCheck.Cli;

/// <summary>
/// The folder one invocation runs in: the process's current directory unless <see cref="SnippetCheckCommand.InvokeAsync"/>
/// was given another. Every relative path of the command line is taken from here, never from the process's current
/// directory itself, so invocations in one process (the tests, a host) need not take turns changing it.
/// </summary>
internal static class WorkingDirectory
{
    private static readonly AsyncLocal<string?> Given = new();

    /// <summary>This invocation's folder, as a full path.</summary>
    public static string Current => Given.Value ?? Environment.CurrentDirectory;

    /// <summary><paramref name="path"/> as a full path, a relative one taken from <see cref="Current"/>.</summary>
    public static string Resolve(string path) => Path.GetFullPath(path, Current);

    /// <summary>Sets the folder for the rest of this asynchronous flow (one invocation).</summary>
    internal static void Set(string? folder) => Given.Value = folder is null ? null : Path.GetFullPath(folder);
}
