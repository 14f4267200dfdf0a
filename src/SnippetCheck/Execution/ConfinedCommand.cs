namespace SnippetCheck.Execution;

/// <summary>A command made ready to start confined: its program, arguments and whole environment; disposing removes its private folder.</summary>
/// <param name="WatchesStdin">
/// Its namespace's init kills everything in the namespace once its standard input hangs up (<see cref="Sandbox.LaunchBuild"/>):
/// the tool holds that pipe open while the command runs, so its end, even by SIGKILL, ends the command's.
/// </param>
internal sealed record ConfinedCommand(
    string Program, IReadOnlyList<string> Arguments, IReadOnlyDictionary<string, string>? Environment, string? PrivateFolder,
    bool WatchesStdin = false)
    : IDisposable
{
    /// <summary>A restore's way to its package sources (<see cref="RestoreProxy"/>), closed with the command.</summary>
    public RestoreProxy? Proxy { get; init; }

    public void Dispose()
    {
        Proxy?.Dispose();
        if (PrivateFolder is not null) RunFolders.TryDelete(PrivateFolder);
    }
}
