namespace DocLibrary.Arithmetic;

/// <summary>Evaluates sums written as text.</summary>
/// <example>
/// <code snippetcheck="run">
/// var calculator = new Calculator();
/// Console.WriteLine(calculator.Sum("1 + 2 + 3"));
/// </code>
/// <code snippetcheck="output">
/// 6
/// </code>
/// </example>
public sealed class Calculator
{
    /// <summary>Adds the numbers in <paramref name="expression"/>, separated by <c>+</c>.</summary>
    /// <example>
    /// Generics in a doc comment are escaped, and read back unescaped:
    /// <!-- snippetcheck: run -->
    /// <code>
    /// var terms = new List&lt;string&gt; { "4", "5" };
    /// Console.WriteLine(new Calculator().Sum(string.Join(" + ", terms)));
    /// </code>
    /// <!-- snippetcheck: output -->
    /// <code>
    /// 9
    /// </code>
    /// </example>
    /// <exception cref="FormatException">A term is not a number.</exception>
    /// <example>
    /// A method of your own, shown as the member it is, outside its class:
    /// <code snippetcheck="compile members">
    /// public static int SumOfAll(params string[] expressions) => expressions.Sum(new Calculator().Sum);
    /// </code>
    /// </example>
    /// <example>
    /// <code snippetcheck="throws=FormatException">
    /// new Calculator().Sum("1 + two");
    /// </code>
    /// </example>
    public int Sum(string expression) =>
        expression.Split('+', StringSplitOptions.TrimEntries).Sum(int.Parse);

    /**
     * <summary>Multiplies two numbers.</summary>
     * <example>
     * <code snippetcheck="run">
     * Console.WriteLine(Calculator.Multiply(6, 7));
     * </code>
     * <code snippetcheck="output">
     * 42
     * </code>
     * </example>
     */
    public static int Multiply(int left, int right) => left * right;

    /// <summary>Adds two calculators' worth of nothing: an operator, for the example's sake.</summary>
    /// <example>
    /// <code snippetcheck="compile-fail=CS0029">
    /// int wrong = new Calculator() + new Calculator();
    /// </code>
    /// </example>
    public static Calculator operator +(Calculator left, Calculator right) => left;

    /// <summary>The target framework of this build: the library targets net8.0 and net10.0, and each example runs against each build.</summary>
    /// <example>
    /// <code snippetcheck="run">
    /// Console.WriteLine(Calculator.BuiltFor);
    /// </code>
    /// <code snippetcheck="output frameworks=net8.0">
    /// net8.0
    /// </code>
    /// <code snippetcheck="output">
    /// net10.0
    /// </code>
    /// </example>
    public static string BuiltFor =>
#if NET10_0_OR_GREATER
        "net10.0";
#else
        "net8.0";
#endif
}
