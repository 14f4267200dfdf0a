// Shared by the tool and the runner (linked into both): the only code that knows how messages look on the pipe.
namespace SnippetCheck.Execution;

/// <summary>Every message between the tool and a runner: a closed set.</summary>
internal abstract record RunnerMessage
{
    private RunnerMessage() { }

    /// <summary>Tool → runner: run this program.</summary>
    public sealed record Run(RunRequest Request) : RunnerMessage;

    /// <summary>
    /// Runner → tool: a session block of run <paramref name="RunId"/> started; <paramref name="PreviousOutput"/> is what the block before it printed.
    /// </summary>
    public sealed record BlockEntered(long RunId, int BlockId, string PreviousOutput) : RunnerMessage;

    /// <summary>Runner → tool: how run <paramref name="RunId"/> ended.</summary>
    public sealed record Finished(long RunId, RunReport Report) : RunnerMessage;

    /// <summary>
    /// Tool → runner, after a run's <see cref="Finished"/>: answer once you are back from the run. What the runner sends
    /// between the two is not its own (the snippet wrote to the channel).
    /// </summary>
    public sealed record Fence(long Token) : RunnerMessage;

    /// <summary>Runner → tool: the answer to <see cref="Fence"/>, sent by the serving loop between runs.</summary>
    public sealed record Fenced(long Token) : RunnerMessage;

    /// <summary>Tool → runner, first of all: confine yourself to this before any snippet runs.</summary>
    public sealed record Confine(SandboxPolicy Policy) : RunnerMessage;

    /// <summary>Runner → tool: the confinement in force, the answer to <see cref="Confine"/>.</summary>
    public sealed record Confined(SandboxStatus Status) : RunnerMessage;

    /// <summary>Runner → tool: output written after a fatal report (a snippet's own last-chance handler), until the process dies.</summary>
    public sealed record LateOutput(long RunId, string Text) : RunnerMessage;
}

/// <summary>
/// Writes and reads <see cref="RunnerMessage"/>s over the pipe, on both sides. A runner keeps the last image it
/// was sent, so the snippets of a merged assembly send it once: the channel leaves out the bytes of an image the
/// other side already holds, and puts them back when it reads. Each message travels as one frame (its length, then
/// its bytes): one write to send it and usually two reads to receive it, instead of a system call per field.
/// The snippet runs in the runner's process and can write to the pipe too, so the tool reads with a bound on a frame's
/// length (checked before anything is allocated) and takes anything it cannot read whole and exactly for a protocol
/// violation (<see cref="InvalidDataException"/>), apart from the pipe's end (<see cref="EndOfStreamException"/>).
/// </summary>
internal sealed class RunnerChannel : IDisposable
{
    private const byte RunTag = 1, BlockEnteredTag = 2, FinishedTag = 3, LateOutputTag = 4, ConfineTag = 5, ConfinedTag = 6, FenceTag = 7, FencedTag =
        8;

    private readonly Stream _pipe;
    private readonly MemoryStream _outgoing = new();
    private readonly BinaryWriter _writer;
    private readonly MemoryStream _incoming = new();
    private readonly BinaryReader _reader;
    private readonly byte[] _lengthBytes = new byte[4];
#if NET9_0_OR_GREATER
    private readonly Lock _writing = new();
#else
    // The runner is also built for older frameworks of a matrix (References/RunnerBuild.cs), which lack System.Threading.Lock.
    private readonly object _writing = new();
#endif

    private readonly int _maxIncomingFrame;

    /// <param name="maxIncomingFrame">The longest frame <see cref="Receive"/> takes; a longer one is a protocol violation.</param>
    public RunnerChannel(Stream pipe, int maxIncomingFrame = int.MaxValue)
    {
        _pipe = pipe;
        _maxIncomingFrame = maxIncomingFrame;
        _writer = new BinaryWriter(_outgoing, RunnerProtocol.Encoding, leaveOpen: true);
        _reader = new BinaryReader(_incoming, RunnerProtocol.Encoding, leaveOpen: true);
    }
    private long _sentImage = -1;
    private (long Id, byte[] Bytes) _heldImage = (-1, []);

    /// <summary>Sends one message whole; safe from several threads (the runner's block hooks, handlers and host).</summary>
    public void Send(RunnerMessage message)
    {
        lock (_writing)
        {
            // Room for the length, filled in once the message is written.
            _outgoing.SetLength(0);
            _writer.Write(0);
            switch (message)
            {
                case RunnerMessage.Run run:
                    _writer.Write(RunTag);
                    run.Request.WriteTo(_writer, includeImage: run.Request.ImageId != _sentImage);
                    _sentImage = run.Request.ImageId;
                    break;
                case RunnerMessage.BlockEntered entered:
                    _writer.Write(BlockEnteredTag);
                    _writer.Write(entered.RunId);
                    _writer.Write(entered.BlockId);
                    _writer.Write(entered.PreviousOutput);
                    break;
                case RunnerMessage.Finished finished:
                    _writer.Write(FinishedTag);
                    _writer.Write(finished.RunId);
                    finished.Report.WriteTo(_writer);
                    break;
                case RunnerMessage.LateOutput late:
                    _writer.Write(LateOutputTag);
                    _writer.Write(late.RunId);
                    _writer.Write(late.Text);
                    break;
                case RunnerMessage.Confine confine:
                    _writer.Write(ConfineTag);
                    confine.Policy.WriteTo(_writer);
                    break;
                case RunnerMessage.Confined confined:
                    _writer.Write(ConfinedTag);
                    confined.Status.WriteTo(_writer);
                    break;
                case RunnerMessage.Fence fence:
                    _writer.Write(FenceTag);
                    _writer.Write(fence.Token);
                    break;
                case RunnerMessage.Fenced fenced:
                    _writer.Write(FencedTag);
                    _writer.Write(fenced.Token);
                    break;
            }
            _writer.Flush();
            var frame = _outgoing.GetBuffer();
            System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(frame, (int)_outgoing.Length - 4);
            _pipe.Write(frame, 0, (int)_outgoing.Length);
            _pipe.Flush();
            ShrinkOutgoing();
        }
    }

    /// <summary>
    /// A big image or output must not stay pinned in memory between messages. The buffer is emptied first: a capacity
    /// below the length it still holds throws (a 768 KiB output once crashed the runner here).
    /// </summary>
    private void ShrinkOutgoing()
    {
        if (_outgoing.Capacity <= 1 << 20) return;
        _outgoing.SetLength(0);
        _outgoing.Capacity = 1 << 16;
    }

    /// <summary>
    /// The next message; throws <see cref="EndOfStreamException"/> once the other side has gone, and
    /// <see cref="InvalidDataException"/> for a frame that is too long, cut short, longer than its message or unknown.
    /// </summary>
    public RunnerMessage Receive()
    {
        _pipe.ReadExactly(_lengthBytes);
        var length = System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(_lengthBytes);
        if (length <= 0 || length > _maxIncomingFrame) throw new InvalidDataException($"a runner message of {length} bytes");
        if (_incoming.Capacity > 1 << 20 && length < 1 << 16)
        {
            // The last message held a big image; do not keep its buffer for small ones.
            _incoming.SetLength(0);
            _incoming.Capacity = 1 << 16;
        }
        _incoming.SetLength(length);
        _pipe.ReadExactly(_incoming.GetBuffer(), 0, length);
        _incoming.Position = 0;
        RunnerMessage message;
        try
        {
            message = Read(_reader.ReadByte());
        }
        catch (Exception e) when (e is EndOfStreamException or OverflowException or ArgumentException or IOException)
        {
            // The frame's own bytes ran out or made no sense: the pipe itself is fine, the message is not.
            throw new InvalidDataException($"a malformed runner message: {e.Message}", e);
        }
        if (_incoming.Position != length) throw new InvalidDataException($"a runner message with {length - _incoming.Position} bytes past its end");
        return message;
    }

    private RunnerMessage Read(byte tag)
    {
        switch (tag)
        {
            case RunTag:
                var request = RunRequest.ReadFrom(_reader, id => _heldImage.Id == id
                    ? _heldImage.Bytes
                    : throw new InvalidDataException($"the tool referred to image {id}, which this runner does not hold"));
                _heldImage = (request.ImageId, request.Image);
                return new RunnerMessage.Run(request);
            case BlockEnteredTag:
                return new RunnerMessage.BlockEntered(_reader.ReadInt64(), _reader.ReadInt32(), _reader.ReadString());
            case FinishedTag:
                return new RunnerMessage.Finished(_reader.ReadInt64(), RunReport.ReadFrom(_reader));
            case LateOutputTag:
                return new RunnerMessage.LateOutput(_reader.ReadInt64(), _reader.ReadString());
            case ConfineTag:
                return new RunnerMessage.Confine(SandboxPolicy.ReadFrom(_reader));
            case ConfinedTag:
                return new RunnerMessage.Confined(SandboxStatus.ReadFrom(_reader));
            case FenceTag:
                return new RunnerMessage.Fence(_reader.ReadInt64());
            case FencedTag:
                return new RunnerMessage.Fenced(_reader.ReadInt64());
            default:
                throw new InvalidDataException($"unknown runner message {tag}");
        }
    }

    public void Dispose()
    {
        _reader.Dispose();
        _writer.Dispose();
    }
}
