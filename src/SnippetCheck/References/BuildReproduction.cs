using SnippetCheck.Configuration;

namespace SnippetCheck.References;

/// <summary>
/// The command a failed library build prints after <c>reproduce:</c> (<see cref="ProjectBuilder"/>): what the tool ran, for the
/// author's shell, to run it again. It sets the properties the tool's build sets that change what is built, and, where the build saw
/// an allow-list of the environment (<c>--untrusted</c>), runs under <c>env -i</c> as that build did; a trusted run's build saw
/// the author's environment, as the command run in their shell does.
/// </summary>
internal static class BuildReproduction
{
    /// <summary>The properties of <see cref="ProjectBuilder"/>'s build a plain <c>dotnet build</c> does not set.</summary>
    private static readonly string[] Properties =
    [
        "-p:SnippetCheckEnabled=false", "-p:CopyLocalLockFileAssemblies=true", "-p:EnableSourceControlManagerQueries=false",
        "-p:NBGV_GitEngine=Disabled",
    ];

    /// <summary><c>cd FOLDER &amp;&amp; dotnet build PROJECT -c Debug [-f FRAMEWORK] -p:...</c>.</summary>
    public static string Command(string project, BuildConfiguration configuration, IEnumerable<string> frameworkArguments, bool untrusted) =>
        $"cd {Quoted(Path.GetDirectoryName(project)!)} && {(untrusted ? "env -i HOME=\"$HOME\" PATH=\"$PATH\" " : "")}" +
        $"dotnet build {Quoted(Path.GetFileName(project))} -c {configuration}" +
        string.Concat(frameworkArguments.Concat(Properties).Select(a => " " + a));

    private static string Quoted(string path) => path.Contains(' ', StringComparison.Ordinal) ? $"\"{path}\"" : path;
}
