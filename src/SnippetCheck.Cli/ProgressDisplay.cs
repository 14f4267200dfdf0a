using System.Diagnostics;
using System.Globalization;
using SnippetCheck.Driver;
using SnippetCheck.Results;

namespace SnippetCheck.Cli;

/// <summary>
/// One line on standard error, redrawn in place, that shows how far a run is: <c>verifying 12/40 snippets,
/// 1 failed (3.2s)</c>. It appears only once a run has taken about a second, so quick runs print nothing extra,
/// and is erased before the results are written.
/// </summary>
internal sealed class ProgressDisplay : RunObserver, IDisposable
{
    private const string ClearLine = "\r\u001b[2K";
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    private readonly TextWriter _output;
    private readonly int _width;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Lock _lock = new();
    private readonly Timer _timer;
    private int _total = -1, _done, _failed;
    private bool _drawn, _disposed;

    /// <param name="delay">How long a run goes before the line appears; <see cref="Timeout.InfiniteTimeSpan"/> to draw only on
    /// <see cref="Draw"/>.</param>
    public ProgressDisplay(TextWriter output, int width, TimeSpan delay, TimeSpan interval)
    {
        _output = output;
        _width = Math.Max(20, width);
        _timer = new Timer(_ => Draw(), null, delay, interval);
    }

    /// <summary>A display for a verifier's runs (its <see cref="Verifier.Observer"/>) when the terminal allows one; otherwise null.</summary>
    public static ProgressDisplay? For(TerminalSettings terminal) =>
        terminal.ShowProgress ? new ProgressDisplay(Console.Error, ConsoleWidth(), Delay, Interval) : null;

    /// <summary>A run (or, in <c>adopt</c>, the next pass) is about to verify this many snippets: counting starts again.</summary>
    public override void Planned(int snippets)
    {
        Volatile.Write(ref _done, 0);
        Volatile.Write(ref _failed, 0);
        Volatile.Write(ref _total, snippets);
    }

    public override void ResultsReady(IReadOnlyList<SnippetResult> results) =>
        Record(results.Count, results.Count(r => r.Verdict is Verdict.Failed));

    public void Record(int done, int failed)
    {
        Interlocked.Add(ref _done, done);
        Interlocked.Add(ref _failed, failed);
    }

    /// <summary>The line as it would be drawn now.</summary>
    public string Line
    {
        get
        {
            var total = Volatile.Read(ref _total);
            var done = Volatile.Read(ref _done);
            var of = total < 0 ? "" : $"/{total}";
            var seconds = _clock.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
            var text = total < 0 ? $"reading posts ({seconds}s)" : $"verifying {done}{of} snippets, {Volatile.Read(ref _failed)} failed ({seconds}s)";
            return text.Length < _width ? text : text[..(_width - 1)];
        }
    }

    public void Draw()
    {
        lock (_lock)
        {
            if (_disposed) return;
            _output.Write(ClearLine + Line);
            _output.Flush();
            _drawn = true;
        }
    }

    public void Dispose()
    {
        _timer.Dispose();
        lock (_lock)
        {
            if (_disposed) return;
            _disposed = true;
            if (!_drawn) return;
            _output.Write(ClearLine);
            _output.Flush();
        }
    }

    private static int ConsoleWidth()
    {
        try
        {
            return Console.WindowWidth > 0 ? Console.WindowWidth : 80;
        }
        catch (IOException)
        {
            return 80;
        }
    }
}
