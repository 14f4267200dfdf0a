namespace SequenceLibrary;

/// <summary>Operators over sequences.</summary>
public static class Sequences
{
    /// <summary>Running totals of a sequence.</summary>
    /// <example>
    /// <code><![CDATA[
    /// var numbers = new[] { 1, 2, 3, 4 };
    /// var result = numbers.Scan((a, b) => a + b);
    /// ]]></code>
    /// The <c>result</c> variable, when iterated over, will yield 1, 3, 6 and 10, in turn.
    /// </example>
    public static IEnumerable<int> Scan(this IEnumerable<int> source, Func<int, int, int> accumulator)
    {
        var first = true;
        var total = 0;
        foreach (var item in source)
        {
            total = first ? item : accumulator(total, item);
            first = false;
            yield return total;
        }
    }

    /// <summary>Pads a sequence with zeroes up to a length.</summary>
    /// <example>
    /// <code><![CDATA[
    /// var numbers = new[] { 123, 456, 789 };
    /// var result = numbers.Pad(5);
    /// ]]></code>
    /// The <c>result</c> variable, when iterated over, will yield 123, 456, 789 and two zeroes.
    /// </example>
    public static IEnumerable<int> Pad(this IEnumerable<int> source, int width)
    {
        var count = 0;
        foreach (var item in source)
        {
            count++;
            yield return item;
        }
        for (; count < width; count++) yield return 0;
    }

    /// <summary>Pairs each element with its index.</summary>
    /// <example>
    /// <code><![CDATA[
    /// var letters = new[] { "a", "b", "c" };
    /// var result = letters.Index();
    /// ]]></code>
    /// The <c>result</c> variable will contain "a", "b" and "c".
    /// </example>
    public static IEnumerable<(int Index, string Item)> Index(this IEnumerable<string> source) => source.Select((item, i) => (i, item));

    /// <summary>Every other element.</summary>
    /// <example>
    /// <code><![CDATA[
    /// var numbers = { 1, 2, 3 };
    /// var result = numbers.EveryOther();
    /// ]]></code>
    /// The <c>result</c> variable will yield 1 and 3.
    /// </example>
    public static IEnumerable<int> EveryOther(this IEnumerable<int> source) => source.Where((_, i) => i % 2 == 0);

    /// <summary>Repeats a string.</summary>
    /// <example>
    /// <code><![CDATA[
    /// var words = Sequences.Repeat("ab", 3).ToList();
    /// ]]></code>
    /// The <c>words</c> list holds "ab", "ab" and "ab".
    /// </example>
    public static IEnumerable<string> Repeat(string text, int count) => Enumerable.Repeat(text, count);

    /// <summary>The sum of a sequence.</summary>
    /// <example>
    /// <code>
    /// Console.WriteLine(new[] { 1, 2, 3 }.Total());
    /// </code>
    /// </example>
    public static int Total(this IEnumerable<int> source) => source.Sum();
}
