using System.Runtime.Loader;
using System.Text;
using SnippetCheck.Execution;

namespace SnippetCheck.Runner;

/// <summary>What one run printed, and which session block printed it.</summary>
/// <param name="runId">The tool's name for the run (<see cref="RunRequest.RunId"/>), which every message about it carries.</param>
internal sealed class RunCapture(long runId)
{
    private const int StderrLimit = 64 * 1024;

    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly List<BlockMark> _blocks = [];
    private int _reported;
    private StringBuilder? _test;
    private readonly List<TestReport> _tests = [];

    /// <summary>What the tests that ended printed: the output limit counts everything the run printed.</summary>
    private int _testsPrinted;

    public long RunId { get; } = runId;

    public int CurrentBlock { get; private set; } = -1;

    /// <summary>Set once a fatal report is out: the process is about to end, and late output goes straight to the tool.</summary>
    public bool IsDying { get; set; }

    /// <summary>Appends; returns false once stdout is over the limit.</summary>
    public bool Append(string? text, bool isError)
    {
        if (text is null) return true;
        lock (this)
        {
            if (isError)
            {
                if (_stderr.Length < StderrLimit) _stderr.Append(text, 0, Math.Min(text.Length, StderrLimit - _stderr.Length));
                return true;
            }
            if (_stdout.Length + _testsPrinted + (_test?.Length ?? 0) + text.Length > RunnerProtocol.OutputLimit)
            {
                return false;
            }
            (_test ?? _stdout).Append(text);
            return true;
        }
    }

    /// <summary>From now on, stdout is the test's own (<see cref="EndTest"/>), as a test host keeps each test's output apart.</summary>
    public void BeginTest()
    {
        lock (this) _test = new StringBuilder();
    }

    /// <summary>What the test printed since <see cref="BeginTest"/>; stdout is the program's again.</summary>
    public string EndTest()
    {
        lock (this)
        {
            var printed = _test?.ToString() ?? "";
            _testsPrinted += printed.Length;
            _test = null;
            return printed;
        }
    }

    public void AddTest(TestReport test)
    {
        lock (this) _tests.Add(test);
    }

    /// <summary>Marks where block <paramref name="id"/> starts; returns what the previous block printed.</summary>
    public string EnterBlock(int id)
    {
        lock (this)
        {
            var previousStart = _blocks.Count > 0 ? _blocks[^1].Offset : 0;
            var previous = _stdout.ToString(previousStart, _stdout.Length - previousStart);
            _blocks.Add(new BlockMark(id, _stdout.Length));
            CurrentBlock = id;
            return previous;
        }
    }

    /// <summary>The load context the run's program lives in: code from it is the run's own.</summary>
    public AssemblyLoadContext? Context { get; private set; }

    /// <summary>In a context merged members share, the namespace of this run's member: only its code is the run's.</summary>
    private string? _ownNamespace;

    public void Own(AssemblyLoadContext context, string? ownNamespace)
    {
        Context = context;
        _ownNamespace = ownNamespace;
    }

    /// <summary>
    /// True when the innermost snippet frame of <paramref name="stack"/> is this run's (a finalizer of an earlier run's object is not).
    /// </summary>
    public bool IsCalledFromOwnCode(System.Diagnostics.StackTrace stack)
    {
        foreach (var frame in stack.GetFrames())
        {
            var method = frame.GetMethod();
            var assembly = method?.Module.Assembly;
            if (assembly is null || AssemblyLoadContext.GetLoadContext(assembly) is not SnippetLoadContext context) continue;
            if (!ReferenceEquals(context, Context)) return false;
            if (_ownNamespace is null) return true;
            // Compiler-made helpers shared by all members (<PrivateImplementationDetails>) sit outside every namespace.
            var type = method!.DeclaringType;
            while (type?.DeclaringType is { } outer) type = outer;
            if (type?.Namespace is not { } ns) continue;
            return ns == _ownNamespace || ns.StartsWith(_ownNamespace + ".", StringComparison.Ordinal);
        }
        return false;
    }

    /// <summary>Only the first ending counts: a background exception after Exit, say, is not a second verdict.</summary>
    public bool TryClaimReport() => Interlocked.Exchange(ref _reported, 1) == 0;

    /// <summary>
    /// The report, its text besides the output cut to <see cref="RunnerProtocol.ReportTextLimit"/> (an exception's message
    /// can be any length, and so can a run's count of tests), so that it fits in the frame the tool reads.
    /// </summary>
    public RunReport ToReport(RunEnding ending, int exitCode, Exception? exception = null)
    {
        lock (this)
        {
            var budget = new TextBudget(RunnerProtocol.ReportTextLimit - _stderr.Length - 8 * _blocks.Count);
            var report = new RunReport(ending, exitCode, _stdout.ToString(), _stderr.ToString(), [.. _blocks], CurrentBlock,
                budget.Take(exception?.GetType().FullName), budget.Take(exception?.Message), budget.Take(exception?.ToString()));
            var tests = new List<TestReport>(_tests.Count);
            foreach (var test in _tests)
            {
                // A test's fixed fields and the names that find it cost their share; a test past the budget is left out.
                if (!budget.Spend(64 + test.Type.Length + test.Method.Length)) break;
                tests.Add(test with
                {
                    Name = budget.Take(test.Name)!,
                    Message = budget.Take(test.Message),
                    ExceptionType = budget.Take(test.ExceptionType),
                    // Its output is the run's, under the output limit.
                    ExceptionText = budget.Take(test.ExceptionText),
                });
            }
            return report with { Tests = [.. tests] };
        }
    }

    /// <summary>Characters left for a report's text: each string takes what is left of it, or is cut.</summary>
    private sealed class TextBudget(int characters)
    {
        private int _left = characters;

        public bool Spend(int count)
        {
            if (count > _left) return false;
            _left -= count;
            return true;
        }

        public string? Take(string? text)
        {
            if (text is null) return null;
            var kept = Math.Min(text.Length, Math.Max(0, _left));
            _left -= kept;
            return kept == text.Length ? text : text[..kept];
        }
    }
}
