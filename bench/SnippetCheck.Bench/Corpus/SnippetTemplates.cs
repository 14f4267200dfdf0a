using System.Globalization;
using System.Text;

namespace SnippetCheck.Bench.Corpus;

/// <summary>The C# of one generated snippet and what it prints (null when it is not run).</summary>
public sealed record SnippetBody(string Code, string? Output);

/// <summary>
/// Small programs of the kinds blog posts show, each with its output computed here, so a corpus needs no
/// tool to produce its expected output. Every template takes a seed (the snippet's index in the corpus) and
/// a variant (bumped to simulate an author's edit); the same pair always gives the same text.
/// </summary>
public static class SnippetTemplates
{
    /// <summary>Run templates that need nothing but the default global usings.</summary>
    public static readonly IReadOnlyList<Func<int, int, SnippetBody>> Run =
    [
        SumOfSquares, LinqFilter, RecordWith, WordCount, ReverseWord, SwitchExpression,
        Fibonacci, StackAndQueue, AsyncWhenAll, ParseWithCatch, ClassicMain,
    ];

    /// <summary>The helper class the prelude of every other post declares; <see cref="UsesPrelude"/> calls it.</summary>
    public const string Prelude = """
        static class Fmt
        {
            public static string Label(int n) => $"#{n:D4}";
        }
        """;

    private static readonly string[] Vocabulary = ["ring", "fence", "queue", "lock", "span", "pool"];

    public static SnippetBody SumOfSquares(int seed, int variant)
    {
        var k = Param(seed, 1, 5, 40) + variant;
        var total = 0L;
        for (var n = 1; n <= k; n++) total += (long)n * n;
        return new($$"""
            var total = 0L;
            for (var n = 1; n <= {{k}}; n++) total += (long)n * n;
            Console.WriteLine($"sum of squares 1..{{k}} = {total}");
            """, $"sum of squares 1..{k} = {total}\n");
    }

    public static SnippetBody LinqFilter(int seed, int variant)
    {
        var count = Param(seed, 2, 20, 60) + variant;
        var divisor = Param(seed, 3, 2, 6);
        var picked = Enumerable.Range(1, count).Where(n => n % divisor == 0).Select(n => n * n).ToList();
        return new($$"""
            var picked = Enumerable.Range(1, {{count}})
                .Where(n => n % {{divisor}} == 0)
                .Select(n => n * n)
                .ToList();
            Console.WriteLine($"{picked.Count} values");
            Console.WriteLine(string.Join(", ", picked.Take(4)));
            """, $"{picked.Count} values\n{string.Join(", ", picked.Take(4))}\n");
    }

    public static SnippetBody RecordWith(int seed, int variant)
    {
        var x = Param(seed, 4, -50, 50) + variant;
        var y = Param(seed, 5, 0, 99);
        return new($$"""
            var p = new Point({{x}}, {{y}});
            var q = p with { Y = {{y + 1}} };
            Console.WriteLine(p);
            Console.WriteLine(q);
            Console.WriteLine(p == q ? "equal" : "different");

            record Point(int X, int Y);
            """, $"Point {{ X = {x}, Y = {y} }}\nPoint {{ X = {x}, Y = {y + 1} }}\ndifferent\n");
    }

    public static SnippetBody WordCount(int seed, int variant)
    {
        var words = Enumerable.Range(0, 8 + variant).Select(j => Vocabulary[Param(seed, 10 + j, 0, Vocabulary.Length - 1)]).ToList();
        var text = string.Join(' ', words);
        var output = new StringBuilder();
        foreach (var group in words.GroupBy(w => w).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            output.Append(CultureInfo.InvariantCulture, $"{group.Key}: {group.Count()}\n");
        }
        return new($$"""
            var text = "{{text}}";
            var counts = new Dictionary<string, int>();
            foreach (var word in text.Split(' ')) counts[word] = counts.GetValueOrDefault(word) + 1;
            foreach (var (word, count) in counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal))
            {
                Console.WriteLine($"{word}: {count}");
            }
            """, output.ToString());
    }

    public static SnippetBody ReverseWord(int seed, int variant)
    {
        var word = Vocabulary[Param(seed, 6, 0, Vocabulary.Length - 1)] + Vocabulary[Param(seed, 7, 0, Vocabulary.Length - 1)] + variant;
        var chars = word.ToCharArray();
        Array.Reverse(chars);
        var reversed = new string(chars);
        return new($$"""
            var word = "{{word}}";
            var chars = word.ToCharArray();
            Array.Reverse(chars);
            var reversed = new string(chars);
            Console.WriteLine($"{word} -> {reversed} ({word.Length} chars)");
            Console.WriteLine(reversed.ToUpperInvariant());
            """, $"{word} -> {reversed} ({word.Length} chars)\n{reversed.ToUpperInvariant()}\n");
    }

    public static SnippetBody SwitchExpression(int seed, int variant)
    {
        int[] numbers = [Param(seed, 8, -9, 9) + variant, 0, Param(seed, 9, 1, 99), Param(seed, 11, 1, 99)];
        var output = new StringBuilder();
        foreach (var n in numbers)
        {
            var kind = n switch { < 0 => "negative", 0 => "zero", _ when n % 2 == 0 => "even", _ => "odd" };
            output.Append(CultureInfo.InvariantCulture, $"{n} is {kind}\n");
        }
        return new($$"""
            int[] numbers = [{{string.Join(", ", numbers)}}];
            foreach (var n in numbers)
            {
                var kind = n switch
                {
                    < 0 => "negative",
                    0 => "zero",
                    _ when n % 2 == 0 => "even",
                    _ => "odd",
                };
                Console.WriteLine($"{n} is {kind}");
            }
            """, output.ToString());
    }

    public static SnippetBody Fibonacci(int seed, int variant)
    {
        var count = Param(seed, 12, 8, 20) + variant;
        var values = new List<long>();
        long a = 0, b = 1;
        for (var i = 0; i < count; i++)
        {
            values.Add(a);
            (a, b) = (b, a + b);
        }
        return new($$"""
            static long Fib(int n) => n < 2 ? n : Fib(n - 1) + Fib(n - 2);

            Console.WriteLine(string.Join(" ", Enumerable.Range(0, {{count}}).Select(Fib)));
            """, string.Join(' ', values) + "\n");
    }

    public static SnippetBody StackAndQueue(int seed, int variant)
    {
        var count = Param(seed, 13, 3, 12) + variant;
        var step = Param(seed, 14, 2, 9);
        return new($$"""
            var stack = new Stack<int>();
            var queue = new Queue<int>();
            for (var n = 1; n <= {{count}}; n++)
            {
                stack.Push(n * {{step}});
                queue.Enqueue(n * {{step}});
            }
            Console.WriteLine($"stack top {stack.Peek()}, queue front {queue.Peek()}");
            Console.WriteLine($"popped {stack.Pop()} then {stack.Pop()}");
            """, $"stack top {count * step}, queue front {step}\npopped {count * step} then {(count - 1) * step}\n");
    }

    public static SnippetBody AsyncWhenAll(int seed, int variant)
    {
        var count = Param(seed, 15, 2, 6) + variant;
        var factor = Param(seed, 16, 2, 30);
        var results = Enumerable.Range(1, count).Select(n => n * factor).ToList();
        return new($$"""
            var results = await Task.WhenAll(Enumerable.Range(1, {{count}}).Select(async n =>
            {
                await Task.Yield();
                return n * {{factor}};
            }));
            Console.WriteLine(string.Join(" + ", results) + " = " + results.Sum());
            """, $"{string.Join(" + ", results)} = {results.Sum()}\n");
    }

    public static SnippetBody ParseWithCatch(int seed, int variant)
    {
        var good = Param(seed, 17, 10, 999) + variant;
        var negative = -Param(seed, 18, 1, 99);
        string[] inputs = [good.ToString(CultureInfo.InvariantCulture), $"x{good}", negative.ToString(CultureInfo.InvariantCulture)];
        var output = new StringBuilder();
        foreach (var input in inputs)
        {
            output.Append(int.TryParse(input, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
                ? $"{input} -> {value * 2}\n"
                : $"{input} -> not a number\n");
        }
        return new($$"""
            string[] inputs = [{{string.Join(", ", inputs.Select(i => $"\"{i}\""))}}];
            foreach (var input in inputs)
            {
                try
                {
                    Console.WriteLine($"{input} -> {int.Parse(input) * 2}");
                }
                catch (FormatException)
                {
                    Console.WriteLine($"{input} -> not a number");
                }
            }
            """, output.ToString());
    }

    public static SnippetBody ClassicMain(int seed, int variant)
    {
        var length = Param(seed, 19, 4, 12) + variant;
        var offset = Param(seed, 20, 0, 25);
        var letters = new string([.. Enumerable.Range(0, length).Select(n => (char)('a' + (n + offset) % 26))]);
        return new($$"""
            using System.Text;

            static class Program
            {
                static void Main()
                {
                    var builder = new StringBuilder();
                    for (var n = 0; n < {{length}}; n++) builder.Append((char)('a' + (n + {{offset}}) % 26));
                    Console.WriteLine(builder.ToString());
                    Console.WriteLine(builder.Length);
                }
            }
            """, $"{letters}\n{length}\n");
    }

    /// <summary>Calls the helper that <see cref="Prelude"/> declares.</summary>
    public static SnippetBody UsesPrelude(int seed, int variant)
    {
        int[] values = [Param(seed, 21, 1, 9999) + variant, Param(seed, 22, 1, 99)];
        return new($$"""
            foreach (var n in new[] { {{values[0]}}, {{values[1]}} })
            {
                Console.WriteLine(Fmt.Label(n));
            }
            """, string.Concat(values.Select(v => $"#{v:D4}\n")));
    }

    /// <summary>Declarations only: compiles as a library.</summary>
    public static SnippetBody Library(int seed, int variant)
    {
        var sides = Param(seed, 23, 3, 12) + variant;
        return new($$"""
            public interface IShape
            {
                double Area { get; }
            }

            public sealed record Square(double Side) : IShape
            {
                public const int Corners = {{sides}};

                public double Area => Side * Side;
            }
            """, null);
    }

    /// <summary>A program that would need a file to run, so the post only compiles it.</summary>
    public static SnippetBody CompileOnlyProgram(int seed, int variant)
    {
        var column = Param(seed, 24, 1, 5) + variant;
        return new($$"""
            var lines = File.ReadAllLines("orders-{{seed}}.csv");
            var total = lines.Skip(1).Sum(line => decimal.Parse(line.Split(',')[{{column}}], System.Globalization.CultureInfo.InvariantCulture));
            Console.WriteLine($"total {total:F2}");
            """, null);
    }

    /// <summary>Shows a mistake the compiler rejects with CS0029.</summary>
    public static SnippetBody CompileFail(int seed, int variant) => new($$"""
        int count = "{{Param(seed, 25, 1, 99) + variant}} items";   // error CS0029
        Console.WriteLine(count);
        """, null);

    /// <summary>The blocks of a session: a running tally, built up block by block.</summary>
    public static IReadOnlyList<SnippetBody> Session(int seed, int variant)
    {
        var first = Param(seed, 26, 1, 50) + variant;
        var second = Param(seed, 27, 1, 50);
        var third = Param(seed, 28, 1, 50);
        var total = first + second + third;
        return
        [
            new($$"""
                var tally = new Tally();
                tally.Add({{first}});
                Console.WriteLine($"total {tally.Total}");

                sealed class Tally
                {
                    private readonly List<int> _items = [];

                    public int Total => _items.Sum();
                    public int Count => _items.Count;

                    public void Add(int item) => _items.Add(item);
                }
                """, $"total {first}\n"),
            new($$"""
                tally.Add({{second}});
                tally.Add({{third}});
                Console.WriteLine($"total {tally.Total} over {tally.Count}");
                """, $"total {total} over 3\n"),
            new("""
                Console.WriteLine($"mean {tally.Total / tally.Count}");
                """, $"mean {total / 3}\n"),
        ];
    }

    /// <summary>A run snippet that prints, then ends with the exception its tag expects.</summary>
    public static SnippetBody ThrowsOnPurpose(int seed) => new($$"""
        var limit = {{seed % 10}};
        Console.WriteLine($"checking {limit}");
        if (limit >= 0) throw new InvalidOperationException($"limit {limit} reached");
        """, $"checking {seed % 10}\n");

    /// <summary>A deterministic number in [min, max] for a seed and a parameter slot.</summary>
    private static int Param(int seed, int slot, int min, int max)
    {
        var hash = unchecked((uint)seed * 2654435761u ^ (uint)slot * 40503u);
        hash ^= hash >> 15;
        hash = unchecked(hash * 2246822519u);
        hash ^= hash >> 13;
        return min + (int)(hash % (uint)(max - min + 1));
    }
}
