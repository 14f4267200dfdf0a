using System.Text;

namespace SnippetCheck.Tests.Infrastructure;

/// <summary>
/// Console.Out and Console.Error of the test process, set once: an in-process CLI run writes to writers of its own,
/// which flow with its async context, and every other test keeps the real console. Swapping the console itself per
/// run (Console.SetOut) was process-wide: a test running beside it (FsCheck printing its summary) wrote into the run's
/// output, or into its writer after the run had disposed it (ObjectDisposedException).
/// </summary>
internal static class FlowConsole
{
    private static readonly AsyncLocal<(TextWriter Out, TextWriter Error)?> Captured = new();

    [System.Runtime.CompilerServices.ModuleInitializer]
    internal static void Install()
    {
        Console.SetOut(new FlowWriter(Console.Out, isError: false));
        Console.SetError(new FlowWriter(Console.Error, isError: true));
    }

    /// <summary>Sends this async flow's console output to <paramref name="output"/> and <paramref name="error"/> until disposed.</summary>
    public static IDisposable Capture(TextWriter output, TextWriter error)
    {
        var before = Captured.Value;
        Captured.Value = (output, error);
        return new Restore(() => Captured.Value = before);
    }

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }

    private sealed class FlowWriter(TextWriter console, bool isError) : TextWriter
    {
        private TextWriter Target => Captured.Value is { } captured ? isError ? captured.Error : captured.Out : console;

        public override Encoding Encoding => console.Encoding;

        public override void Write(char value) => Target.Write(value);

        public override void Write(string? value) => Target.Write(value);

        public override void Write(char[] buffer, int index, int count) => Target.Write(buffer, index, count);

        public override void WriteLine(string? value) => Target.WriteLine(value);

        public override void Flush() => Target.Flush();
    }
}
