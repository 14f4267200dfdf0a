namespace SnippetCheck.Execution;

/// <summary>Cleaning what a run reports so that it reads as the snippet's own, whatever ran it.</summary>
internal static class StackTraces
{
    /// <summary>The exception and its frames, without the runner's reflection frames below the snippet's entry point.</summary>
    public static string? SnippetFrames(string? exceptionText) =>
        exceptionText is null ? null : WrapperNames.StripFrames(string.Join('\n', exceptionText.Split('\n')
            .Where(l => !l.TrimStart().StartsWith("at System.Reflection.", StringComparison.Ordinal)
                && !l.TrimStart().StartsWith("at SnippetCheck.Runner.", StringComparison.Ordinal)
                && !l.TrimStart().StartsWith("at System.RuntimeMethodHandle.", StringComparison.Ordinal))));

    /// <summary>
    /// A merged program's run, as it reads alone: its namespace (<paramref name="wrapper"/>, such as <c>__Snippet7</c>)
    /// removed from type names in its output and exceptions, and (when <paramref name="topLevelStatements"/>) the entry
    /// method of its top-level statements named as the compiler names it (<c>&lt;Main&gt;$</c>). The namespace is reserved: a snippet that mentions
    /// it is never merged.
    /// </summary>
    public static RunResult Unwrapped(RunResult run, string wrapper, bool topLevelStatements)
    {
        var prefix = wrapper + ".";
        string? Clean(string? text) => text?.Replace(prefix, "", StringComparison.Ordinal);
        string? CleanTrace(string? text) => !topLevelStatements ? Clean(text) : Clean(text)?
            .Replace("Program.Main(String[] args)", "Program.<Main>$(String[] args)", StringComparison.Ordinal)
            .Replace("Program.<Main>g__", "Program.<<Main>$>g__", StringComparison.Ordinal)
            .Replace(".<Main>b__", ".<<Main>$>b__", StringComparison.Ordinal)
            .Replace("Program.<Main>d__", "Program.<<Main>$>d__", StringComparison.Ordinal);
        return run with
        {
            Stdout = Clean(run.Stdout)!,
            Stderr = Clean(run.Stderr)!,
            BlockOutputs = run.BlockOutputs.ToDictionary(b => b.Key, b => Clean(b.Value)!),
            ExceptionType = Clean(run.ExceptionType),
            ExceptionMessage = Clean(run.ExceptionMessage),
            ExceptionText = CleanTrace(run.ExceptionText),
        };
    }
}
