// Shared by the tool and the runner (linked into both), so the two can never disagree on the wire format.
using System.Text;

namespace SnippetCheck.Execution;

/// <summary>How a run ended, as the runner saw it.</summary>
internal enum RunEnding : byte
{
    /// <summary>The entry point returned; <see cref="RunReport.ExitCode"/> is its return value or 0.</summary>
    Completed = 1,

    /// <summary>An unhandled exception, on the main thread or any other.</summary>
    Exception = 2,

    /// <summary>The snippet called <c>Environment.Exit</c>; the runner process is gone afterwards.</summary>
    Exited = 3,

    /// <summary>The snippet wrote more than the output limit; the runner ended itself.</summary>
    OutputLimit = 4,

    /// <summary>The runner could not load or start the program (a bad image, a missing dependency).</summary>
    LoadFailed = 5,
}

/// <summary>How one test method (or one data row of it) ended, as its framework would report it.</summary>
internal enum TestEnding : byte
{
    Passed = 1,
    Failed = 2,

    /// <summary>Skipped: an ignore attribute or a skip reason, or the framework's skip and inconclusive exceptions.</summary>
    Skipped = 3,
}

/// <summary>
/// One test the runner ran (TestHarness): <paramref name="Type"/> and <paramref name="Method"/> name the method,
/// <paramref name="Name"/> is the name its framework gives it (a data row's arguments included). For a failure,
/// <paramref name="Message"/> is the framework's own message and <paramref name="ExceptionText"/> the exception with its
/// stack trace; for a skip, the reason. <paramref name="Output"/> is what the test printed.
/// </summary>
internal sealed record TestReport(
    string Type, string Method, string Name, TestEnding Ending, string? Message, string? ExceptionType, string? ExceptionText,
    string Output, double DurationMs)
{
    public void WriteTo(BinaryWriter writer)
    {
        writer.Write(Type);
        writer.Write(Method);
        writer.Write(Name);
        writer.Write((byte)Ending);
        writer.Write(Message ?? "");
        writer.Write(ExceptionType ?? "");
        writer.Write(ExceptionText ?? "");
        writer.Write(Output);
        writer.Write(DurationMs);
    }

    public static TestReport ReadFrom(BinaryReader reader) =>
        new(reader.ReadString(), reader.ReadString(), reader.ReadString(), RunnerProtocol.ReadEnum<TestEnding>(reader),
            RunReport.NullIfEmpty(reader.ReadString()),
            RunReport.NullIfEmpty(reader.ReadString()), RunReport.NullIfEmpty(reader.ReadString()), reader.ReadString(), reader.ReadDouble());
}

/// <summary>One program to run. The runner runs one at a time.</summary>
/// <param name="ImageId">Names the image: a runner that already holds it is not sent the bytes again, which
/// matters for a merged assembly whose snippets run one after another.</param>
/// <param name="EntryType">The type whose static <c>Main</c> to call (a snippet of a merged assembly); empty for the
/// assembly's own entry point.</param>
internal sealed record RunRequest(
    byte[] Image,
    long ImageId,
    string EntryType,
    string Stdin,
    string[] Args,
    string WorkingDirectory,
    string TempDirectory,
    string[] DependencyPaths)
{
    /// <summary>
    /// The types whose test methods (NUnit, xUnit, MSTest attributes) the runner runs after the entry point returns, or
    /// instead of one for a library; empty: none.
    /// </summary>
    public string[] TestTypes { get; init; } = [];

    /// <summary>
    /// Names this run, afresh for each (a random number the tool draws): every message the runner sends about the run
    /// carries it, and the tool takes none that names another.
    /// </summary>
    public long RunId { get; init; }

    public void WriteTo(BinaryWriter writer, bool includeImage)
    {
        writer.Write(RunId);
        writer.Write(ImageId);
        writer.Write(includeImage ? Image.Length : -1);
        if (includeImage) writer.Write(Image);
        writer.Write(EntryType);
        writer.Write(Stdin);
        WriteStrings(writer, Args);
        writer.Write(WorkingDirectory);
        writer.Write(TempDirectory);
        WriteStrings(writer, DependencyPaths);
        WriteStrings(writer, TestTypes);
    }

    /// <param name="heldImage">The image the runner kept from an earlier request with this id.</param>
    public static RunRequest ReadFrom(BinaryReader reader, Func<long, byte[]> heldImage)
    {
        var runId = reader.ReadInt64();
        var id = reader.ReadInt64();
        var length = reader.ReadInt32();
        var image = length < 0 ? heldImage(id) : reader.ReadBytes(length);
        return new RunRequest(
            image, id, reader.ReadString(), reader.ReadString(), ReadStrings(reader), reader.ReadString(), reader.ReadString(), ReadStrings(reader))
        {
            TestTypes = ReadStrings(reader),
            RunId = runId,
        };
    }

    internal static void WriteStrings(BinaryWriter writer, string[] values)
    {
        writer.Write(values.Length);
        foreach (var value in values) writer.Write(value);
    }

    internal static string[] ReadStrings(BinaryReader reader)
    {
        var values = new string[RunnerProtocol.ReadCount(reader, 1)];
        for (var i = 0; i < values.Length; i++) values[i] = reader.ReadString();
        return values;
    }
}

/// <summary>Where a session block's output starts in <see cref="RunReport.Stdout"/>.</summary>
internal readonly record struct BlockMark(int BlockId, int Offset);

/// <summary>What happened to one run.</summary>
/// <param name="CurrentBlock">The session block that was running when the run ended (-1 when none was marked).</param>
internal sealed record RunReport(
    RunEnding Ending,
    int ExitCode,
    string Stdout,
    string Stderr,
    BlockMark[] Blocks,
    int CurrentBlock,
    string? ExceptionType,
    string? ExceptionMessage,
    string? ExceptionText)
{
    /// <summary>False when the run left threads behind: the runner ends after this report.</summary>
    public bool Reusable { get; init; } = true;

    /// <summary>The tests of <see cref="RunRequest.TestTypes"/>, in the order they ran.</summary>
    public TestReport[] Tests { get; init; } = [];

    public void WriteTo(BinaryWriter writer)
    {
        writer.Write((byte)Ending);
        writer.Write(Reusable);
        writer.Write(ExitCode);
        writer.Write(Stdout);
        writer.Write(Stderr);
        writer.Write(Blocks.Length);
        foreach (var block in Blocks)
        {
            writer.Write(block.BlockId);
            writer.Write(block.Offset);
        }
        writer.Write(CurrentBlock);
        writer.Write(ExceptionType ?? "");
        writer.Write(ExceptionMessage ?? "");
        writer.Write(ExceptionText ?? "");
        writer.Write(Tests.Length);
        foreach (var test in Tests) test.WriteTo(writer);
    }

    public static RunReport ReadFrom(BinaryReader reader)
    {
        var ending = RunnerProtocol.ReadEnum<RunEnding>(reader);
        var reusable = reader.ReadBoolean();
        var exitCode = reader.ReadInt32();
        var stdout = reader.ReadString();
        var stderr = reader.ReadString();
        var blocks = new BlockMark[RunnerProtocol.ReadCount(reader, 8)];
        for (var i = 0; i < blocks.Length; i++) blocks[i] = new BlockMark(reader.ReadInt32(), reader.ReadInt32());
        var current = reader.ReadInt32();
        var report = new RunReport(ending, exitCode, stdout, stderr, blocks, current,
            NullIfEmpty(reader.ReadString()), NullIfEmpty(reader.ReadString()), NullIfEmpty(reader.ReadString()));
        var tests = new TestReport[RunnerProtocol.ReadCount(reader, 12)];
        for (var i = 0; i < tests.Length; i++) tests[i] = TestReport.ReadFrom(reader);
        return report with { Reusable = reusable, Tests = tests };
    }

    internal static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}

/// <summary>What both sides agree on besides the messages (<see cref="RunnerChannel"/>).</summary>
internal static class RunnerProtocol
{
    /// <summary>Snippet output beyond this many characters ends the run (1 MiB, docs/how-it-works.md).</summary>
    public const int OutputLimit = 1024 * 1024;

    /// <summary>
    /// A run's report besides its output (stderr, exceptions, its tests' names, messages and output) is cut to this many
    /// characters in all, so that a report always fits in <see cref="MaxReportFrame"/>.
    /// </summary>
    public const int ReportTextLimit = 1024 * 1024;

    /// <summary>
    /// The longest frame the tool reads from a runner, checked before it allocates: a report's two budgets in UTF-8
    /// (three bytes a character at most) and room for the fields between them.
    /// </summary>
    public const int MaxReportFrame = 3 * (OutputLimit + ReportTextLimit) + (1 << 20);

    /// <summary>The AppContext key generated session code calls into (see ProgramAssembler).</summary>
    public const string EnterBlockKey = "SnippetCheck.EnterBlock";

    public static readonly Encoding Encoding = new UTF8Encoding(false);

    /// <summary>A count of items that follow, each at least <paramref name="minBytes"/> long: never more than the frame still holds.</summary>
    public static int ReadCount(BinaryReader reader, int minBytes)
    {
        var count = reader.ReadInt32();
        var left = reader.BaseStream.Length - reader.BaseStream.Position;
        return count >= 0 && (long)count * minBytes <= left ? count : throw new InvalidDataException($"a count of {count} items in {left} bytes");
    }

    /// <summary>A byte that must name a member of <typeparamref name="T"/>.</summary>
    public static T ReadEnum<T>(BinaryReader reader) where T : struct, Enum
    {
        var value = reader.ReadByte();
        var member = (T)Enum.ToObject(typeof(T), value);
        return Enum.IsDefined(typeof(T), member) ? member : throw new InvalidDataException($"{value} is no {typeof(T).Name}");
    }
}
