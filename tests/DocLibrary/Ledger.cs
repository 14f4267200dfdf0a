namespace DocLibrary
{
    /// <summary>A running total, shown across two members as one session.</summary>
    public sealed class Ledger
    {
        /// <summary>Records an amount.</summary>
        /// <example>
        /// <code snippetcheck="run session=ledger">
        /// var ledger = new Ledger();
        /// ledger.Record(40);
        /// </code>
        /// </example>
        public void Record(int amount) => Total += amount;

        /// <summary>The sum of everything recorded.</summary>
        /// <example>
        /// <code snippetcheck="run session=ledger">
        /// ledger.Record(2);
        /// Console.WriteLine(ledger.Total);
        /// </code>
        /// <code snippetcheck="output">
        /// 42
        /// </code>
        /// </example>
        public int Total { get; private set; }

        /// <summary>The larger of the total and a calculated sum.</summary>
        /// <remarks>
        /// The library's global usings (a namespace and <c>static System.Math</c>) reach its examples:
        /// <code snippetcheck="run">
        /// var ledger = new Ledger();
        /// ledger.Record(Max(3, new Calculator().Sum("1 + 1")));
        /// Console.WriteLine(ledger.Total);
        /// </code>
        /// <!-- snippetcheck: results
        /// ledger.Total => 3
        /// new[] { ledger.Total, 4, 5 }.Where(n => n > 3) => new[] { 4, 5 }
        /// -->
        /// <code snippetcheck="output">
        /// 3
        /// </code>
        /// An untagged example is only counted, unless <c>--all</c> asks to compile it:
        /// <code>
        /// Ledger.Pairs.Of("left", 2);
        /// </code>
        /// A fragment on a name the docs leave to the reader is checked: every call on the library still binds.
        /// <code snippetcheck="check">
        /// Console.WriteLine(new Ledger().Highest(expression));
        /// </code>
        /// </remarks>
        public int Highest(string expression) => Math.Max(Total, new Calculator().Sum(expression));

        /// <summary>A generic helper in a nested type.</summary>
        public static class Pairs
        {
            /// <summary>Makes a pair.</summary>
            /// <example>
            /// <code snippetcheck="run"><![CDATA[
            /// var pair = Ledger.Pairs.Of<int, string>(1, "one");
            /// Console.WriteLine(pair);
            /// ]]></code>
            /// <code snippetcheck="output">
            /// (1, one)
            /// </code>
            /// </example>
            public static (TLeft, TRight) Of<TLeft, TRight>(TLeft left, TRight right) => (left, right);
        }
    }
}
