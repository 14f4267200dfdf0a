namespace SnippetCheck.Tests.Infrastructure;

/// <summary>
/// The mutant check of what adopt tagged: a level protects a block only when what the block is about binds, so each
/// mutant (a library call misspelt, or given an argument too many) written over the page must fail <c>verify</c>. A
/// mutant whose text is not on the page would prove nothing, so it fails the test; the page is put back afterwards.
/// </summary>
public static class Mutants
{
    /// <summary>Each of <paramref name="mutants"/>, written over <paramref name="page"/> in turn, fails verify.</summary>
    /// <param name="page">The page's full path; <paramref name="text"/> is what adopt wrote there.</param>
    /// <param name="environment">A process of its own with this environment (a local feed); null runs in this process.</param>
    /// <param name="verifyArguments">What follows <c>verify</c>; <c>--no-cache</c> when none.</param>
    public static void EachFails(string workingDirectory, string page, string text, IEnumerable<(string From, string To)> mutants,
        IDictionary<string, string?>? environment = null, params string[] verifyArguments) =>
        EachFails(workingDirectory, page, text, mutants.Select(m => (m.From, m.To, (string?)null)), environment, verifyArguments);

    /// <summary>As the overload above, and each failure names its compiler error (<c>CS0117</c>…).</summary>
    public static void EachFails(string workingDirectory, string page, string text, IEnumerable<(string From, string To, string? Id)> mutants,
        IDictionary<string, string?>? environment = null, params string[] verifyArguments)
    {
        string[] arguments = ["verify", .. verifyArguments.Length == 0 ? ["--no-cache"] : verifyArguments];
        EachFails(page, text, mutants, () =>
        {
            var run = environment is null ? CliRunner.Run(workingDirectory, arguments) : CliRunner.Run(workingDirectory, environment, arguments);
            return (run.ExitCode, run.Output);
        });
    }

    /// <summary>As above, with <paramref name="verify"/> the verify run (its exit code and output): the CLI's, or one in process.</summary>
    public static void EachFails(
        string page, string text, IEnumerable<(string From, string To, string? Id)> mutants, Func<(int ExitCode, string Output)> verify)
    {
        try
        {
            foreach (var (from, to, id) in mutants)
            {
                Assert.True(text.Contains(from, StringComparison.Ordinal), $"the mutant's text is not on the page: {from}");
                File.WriteAllText(page, text.Replace(from, to, StringComparison.Ordinal));
                var mutant = verify();
                Assert.True(mutant.ExitCode == 1, $"{from} -> {to} passed:\n{mutant.Output}");
                if (id is not null) Assert.Contains(id, mutant.Output, StringComparison.Ordinal);
            }
        }
        finally
        {
            File.WriteAllText(page, text);
        }
    }
}
