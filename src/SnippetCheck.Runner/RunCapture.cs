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
            if (_stdout.Length + text.Length > RunnerProtocol.OutputLimit)
            {
                return false;
            }
            _stdout.Append(text);
            return true;
        }
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
    public AssemblyLoadContext? Context { get; set; }

    /// <summary>True when the innermost snippet frame of <paramref name="stack"/> is this run's (a finalizer of an earlier run's object is not).</summary>
    public bool IsCalledFromOwnCode(System.Diagnostics.StackTrace stack)
    {
        foreach (var frame in stack.GetFrames())
        {
            var assembly = frame.GetMethod()?.Module.Assembly;
            if (assembly is not null && AssemblyLoadContext.GetLoadContext(assembly) is SnippetLoadContext context) return ReferenceEquals(context, Context);
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
                exception?.GetType().FullName, exception?.Message, exception?.ToString());
        }
    }
}
