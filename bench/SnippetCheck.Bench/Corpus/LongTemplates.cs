using System.Globalization;
using System.Text;

namespace SnippetCheck.Bench.Corpus;

/// <summary>
/// Longer snippets, of the kind a deep-dive post shows: generic math, LINQ over records, an async pipeline, span
/// parsing. Each computes its expected output here, with the same arithmetic the snippet does.
/// </summary>
public static class LongTemplates
{
    public static readonly IReadOnlyList<Func<int, int, SnippetBody>> All = [GenericMatrix, OrdersReport, AsyncPipeline, SpanParsing, GenericCache];

    public static SnippetBody GenericMatrix(int seed, int variant)
    {
        var n = 3 + (seed % 3);
        var scale = 2 + (seed % 5) + variant;
        long trace = 0;
        var a = new long[n, n];
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++) a[i, j] = ((i * 7) + (j * 3) + seed) % 11;
        for (var i = 0; i < n; i++)
        {
            long sum = 0;
            for (var k = 0; k < n; k++) sum += a[i, k] * a[k, i];
            trace += sum * scale;
        }
        return new($$"""
            using System.Numerics;

            var a = Matrix<long>.Create({{n}}, (i, j) => ((i * 7) + (j * 3) + {{seed}}) % 11);
            var squared = a.Multiply(a).Scale({{scale}});
            Console.WriteLine($"n = {a.Size}, trace = {squared.Trace()}");

            sealed class Matrix<T> where T : INumber<T>
            {
                private readonly T[,] _cells;

                private Matrix(int size) => _cells = new T[size, size];

                public int Size => _cells.GetLength(0);

                public static Matrix<T> Create(int size, Func<int, int, int> cell)
                {
                    var matrix = new Matrix<T>(size);
                    for (var i = 0; i < size; i++)
                        for (var j = 0; j < size; j++) matrix._cells[i, j] = T.CreateChecked(cell(i, j));
                    return matrix;
                }

                public Matrix<T> Multiply(Matrix<T> other)
                {
                    var result = new Matrix<T>(Size);
                    for (var i = 0; i < Size; i++)
                        for (var j = 0; j < Size; j++)
                        {
                            var sum = T.Zero;
                            for (var k = 0; k < Size; k++) sum += _cells[i, k] * other._cells[k, j];
                            result._cells[i, j] = sum;
                        }
                    return result;
                }

                public Matrix<T> Scale(int factor)
                {
                    var result = new Matrix<T>(Size);
                    for (var i = 0; i < Size; i++)
                        for (var j = 0; j < Size; j++) result._cells[i, j] = _cells[i, j] * T.CreateChecked(factor);
                    return result;
                }

                public T Trace()
                {
                    var sum = T.Zero;
                    for (var i = 0; i < Size; i++) sum += _cells[i, i];
                    return sum;
                }
            }
            """, $"n = {n}, trace = {trace}\n");
    }

    private static readonly string[] Customers = ["ada", "brian", "grace", "ken", "linus", "margaret"];

    public static SnippetBody OrdersReport(int seed, int variant)
    {
        var count = 12 + (seed % 9) + variant;
        var orders = Enumerable.Range(0, count)
            .Select(i => (Customer: Customers[(i * 5 + seed) % Customers.Length], Amount: ((i * 37) + seed) % 90 + 10, Day: i % 7))
            .ToList();
        var output = new StringBuilder();
        foreach (var group in orders.GroupBy(o => o.Customer).Select(g => (Customer: g.Key, Total: g.Sum(o => o.Amount), Count: g.Count()))
                     .OrderByDescending(g => g.Total).ThenBy(g => g.Customer, StringComparer.Ordinal).Take(3))
        {
            output.Append(CultureInfo.InvariantCulture, $"{group.Customer,-8} {group.Count,2} orders {group.Total,5}\n");
        }
        var busiest = orders.GroupBy(o => o.Day).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First();
        output.Append(CultureInfo.InvariantCulture, $"busiest day: {busiest.Key} ({busiest.Count()} orders)\n");
        return new($$"""
            string[] customers = ["ada", "brian", "grace", "ken", "linus", "margaret"];
            var orders = Enumerable.Range(0, {{count}})
                .Select(i => new Order(customers[(i * 5 + {{seed}}) % customers.Length], ((i * 37) + {{seed}}) % 90 + 10, i % 7))
                .ToList();

            var top = orders
                .GroupBy(o => o.Customer)
                .Select(g => new Summary(g.Key, g.Sum(o => o.Amount), g.Count()))
                .OrderByDescending(s => s.Total)
                .ThenBy(s => s.Customer, StringComparer.Ordinal)
                .Take(3);
            foreach (var summary in top)
            {
                Console.WriteLine($"{summary.Customer,-8} {summary.Count,2} orders {summary.Total,5}");
            }

            var busiest = orders.GroupBy(o => o.Day).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First();
            Console.WriteLine($"busiest day: {busiest.Key} ({busiest.Count()} orders)");

            record Order(string Customer, int Amount, int Day);
            record Summary(string Customer, int Total, int Count);
            """, output.ToString());
    }

    public static SnippetBody AsyncPipeline(int seed, int variant)
    {
        var items = 20 + (seed % 30) + variant;
        var workers = 2 + (seed % 3);
        long total = 0;
        for (var i = 1; i <= items; i++) total += (long)i * i;
        return new($$"""
            using System.Threading.Channels;

            var channel = Channel.CreateBounded<int>(8);
            var producer = Task.Run(async () =>
            {
                for (var i = 1; i <= {{items}}; i++) await channel.Writer.WriteAsync(i);
                channel.Writer.Complete();
            });

            var consumers = Enumerable.Range(0, {{workers}}).Select(_ => Task.Run(async () =>
            {
                long sum = 0;
                await foreach (var item in channel.Reader.ReadAllAsync()) sum += (long)item * item;
                return sum;
            })).ToArray();

            await producer;
            var sums = await Task.WhenAll(consumers);
            Console.WriteLine($"{{items}} items over {sums.Length} consumers: {sums.Sum()}");
            """, $"{items} items over {workers} consumers: {total}\n");
    }

    public static SnippetBody SpanParsing(int seed, int variant)
    {
        var values = Enumerable.Range(0, 6 + (seed % 6) + variant).Select(i => ((i * 13) + seed) % 97).ToList();
        var line = string.Join(';', values);
        var max = values.Max();
        var even = values.Count(v => v % 2 == 0);
        return new($$"""
            ReadOnlySpan<char> line = "{{line}}";
            Span<int> parsed = stackalloc int[32];
            var count = 0;
            while (!line.IsEmpty)
            {
                var end = line.IndexOf(';');
                var field = end < 0 ? line : line[..end];
                parsed[count++] = int.Parse(field);
                line = end < 0 ? ReadOnlySpan<char>.Empty : line[(end + 1)..];
            }

            var values = parsed[..count];
            var max = int.MinValue;
            var even = 0;
            foreach (var value in values)
            {
                max = Math.Max(max, value);
                if (value % 2 == 0) even++;
            }
            Console.WriteLine($"{count} values, max {max}, {even} even");
            """, $"{values.Count} values, max {max}, {even} even\n");
    }

    public static SnippetBody GenericCache(int seed, int variant)
    {
        var capacity = 3 + (seed % 3);
        var keys = Enumerable.Range(0, 10 + variant).Select(i => ((i * 7) + seed) % 6).ToList();
        var cache = new LinkedList<int>();
        var hits = 0;
        foreach (var key in keys)
        {
            if (cache.Remove(key)) hits++;
            else if (cache.Count == capacity) cache.RemoveLast();
            cache.AddFirst(key);
        }
        return new($$"""
            var cache = new LruCache<int, string>({{capacity}});
            var hits = 0;
            foreach (var key in new[] { {{string.Join(", ", keys)}} })
            {
                if (cache.TryGet(key, out _)) hits++;
                else cache.Put(key, $"value {key}");
            }
            Console.WriteLine($"{hits} hits, newest first: {string.Join(" ", cache.Keys)}");

            sealed class LruCache<TKey, TValue>(int capacity) where TKey : notnull
            {
                private readonly Dictionary<TKey, LinkedListNode<(TKey Key, TValue Value)>> _nodes = [];
                private readonly LinkedList<(TKey Key, TValue Value)> _order = new();

                public IEnumerable<TKey> Keys => _order.Select(entry => entry.Key);

                public bool TryGet(TKey key, out TValue? value)
                {
                    if (_nodes.TryGetValue(key, out var node))
                    {
                        _order.Remove(node);
                        _order.AddFirst(node);
                        value = node.Value.Value;
                        return true;
                    }
                    value = default;
                    return false;
                }

                public void Put(TKey key, TValue value)
                {
                    if (_nodes.Count == capacity)
                    {
                        _nodes.Remove(_order.Last!.Value.Key);
                        _order.RemoveLast();
                    }
                    _nodes[key] = _order.AddFirst((key, value));
                }
            }
            """, $"{hits} hits, newest first: {string.Join(" ", cache)}\n");
    }
}
