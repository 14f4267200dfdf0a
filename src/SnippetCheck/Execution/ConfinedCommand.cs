namespace SnippetCheck.Execution;

/// <summary>A command made ready to start confined: its program, arguments and whole environment; disposing removes its private folder.</summary>
internal sealed record ConfinedCommand(
    string Program, IReadOnlyList<string> Arguments, IReadOnlyDictionary<string, string>? Environment, string? PrivateFolder)
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
