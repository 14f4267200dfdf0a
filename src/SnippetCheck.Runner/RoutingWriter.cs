using System.Text;
using SnippetCheck.Execution;

namespace SnippetCheck.Runner;

/// <summary>
/// Console.Out and Console.Error for every snippet. Each write goes to the run that made it, and only while
/// that run is the active one: what a snippet prints after its entry point returned belongs to nobody, as with
/// <c>dotnet run</c>, and never lands in a later snippet's output on the same runner. A thread that carries the
/// run's AsyncLocal (threads, tasks and timers the snippet started) is the run's; a thread that carries none (the
/// finalizer thread, a callback queued without its context) writes for the active run only from that run's code.
/// </summary>
internal sealed class RoutingWriter(
    bool isError, Action<RunCapture> onLimit, Func<RunCapture?> active, Action<RunCapture, string> lateOutput) : TextWriter
{
    public static readonly AsyncLocal<RunCapture?> Current = new();

    public override Encoding Encoding => RunnerProtocol.Encoding;

    public override void Write(char value) => Append(value.ToString());

    public override void Write(string? value) => Append(value);

    public override void Write(char[] buffer, int index, int count) => Append(new string(buffer, index, count));

    public override void WriteLine(string? value) => Append(value + NewLine);

    private void Append(string? text)
    {
        var capture = Owner();
        if (capture is null) return;
        if (capture.IsDying && !isError && text is not null)
        {
            lateOutput(capture, text);
            return;
        }
        if (!capture.Append(text, isError)) onLimit(capture);
    }

    private RunCapture? Owner()
    {
        var run = active();
        if (run is null) return null;
        if (Current.Value is { } carried) return ReferenceEquals(carried, run) ? run : null;
        return run.IsCalledFromOwnCode(new System.Diagnostics.StackTrace(2, false)) ? run : null;
    }
}
