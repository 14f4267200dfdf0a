using System.Runtime.Loader;
using System.Text;
using SnippetCheck.Execution;

namespace SnippetCheck.Runner;

/// <summary>What one run printed, and which session block printed it.</summary>
internal sealed class RunCapture
{
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly List<BlockMark> _blocks = [];
    private int _reported;
    private StringBuilder? _test;
    private readonly List<TestReport> _tests = [];

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
                if (_stderr.Length < 64 * 1024) _stderr.Append(text);
                return true;
            }
            if (_stdout.Length + (_test?.Length ?? 0) + text.Length > RunnerProtocol.OutputLimit)
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

    /// <summary>True when the innermost snippet frame of <paramref name="stack"/> is this run's (a finalizer of an earlier run's object is not).</summary>
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

    public RunReport ToReport(RunEnding ending, int exitCode, Exception? exception = null)
    {
        lock (this)
        {
            return new RunReport(ending, exitCode, _stdout.ToString(), _stderr.ToString(), [.. _blocks], CurrentBlock,
                exception?.GetType().FullName, exception?.Message, exception?.ToString())
            {
                Tests = [.. _tests],
            };
        }
    }
}
