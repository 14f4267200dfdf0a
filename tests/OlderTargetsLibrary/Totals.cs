namespace OlderTargets;

/// <summary>Running totals, from a library that does not target the newest .NET.</summary>
public static class Totals
{
    /// <summary>The target framework of this build of the library.</summary>
    /// <example>
    /// <code snippetcheck="run">
    /// Console.WriteLine(Totals.Build);
    /// </code>
    /// <code snippetcheck="output">
    /// net9.0
    /// </code>
    /// </example>
    public static string Build =>
#if NET9_0_OR_GREATER
        "net9.0";
#else
        "netstandard2.0";
#endif

    /// <summary>The running totals of <paramref name="numbers"/>.</summary>
    /// <example>
    /// <!-- snippetcheck: run -->
    /// <code><![CDATA[
    /// var totals = Totals.Running(new[] { 2, 2, 2 });
    /// ]]></code>
    /// <!-- snippetcheck: results
    /// totals => new[] { 2, 4, 6 }
    /// -->
    /// The <c>totals</c> variable, when iterated over, yields 2, 4 and 6.
    /// </example>
    /// <example>
    /// <code snippetcheck="run">
    /// Console.WriteLine(string.Join(", ", Totals.Running([1, 2, 3, 4])));
    /// </code>
    /// <code snippetcheck="output">
    /// 1, 3, 6, 10
    /// </code>
    /// </example>
    public static IEnumerable<int> Running(IEnumerable<int> numbers)
    {
        var sum = 0;
        foreach (var number in numbers)
        {
            sum += number;
            yield return sum;
        }
    }
}
