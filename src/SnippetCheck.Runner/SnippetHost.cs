using System.Globalization;
using System.Reflection;
using SnippetCheck.Execution;

namespace SnippetCheck.Runner;

/// <summary>Serves run requests from the tool until the pipe closes.</summary>
internal sealed partial class SnippetHost
{
    private readonly RunnerChannel _channel;
    private RunCapture? _active;

    private readonly TextWriter _out;
    private readonly TextWriter _error;
    private readonly Dictionary<string, string> _environment;
    private readonly ProcessCensus _census = new();

    public SnippetHost(Stream pipe)
    {
        _channel = new RunnerChannel(pipe);
        _out = new RoutingWriter(false, OnOutputLimit, () => _active, SendLateOutput);
        _error = new RoutingWriter(true, OnOutputLimit, () => _active, SendLateOutput);
        Console.SetOut(_out);
        Console.SetError(_error);
        _environment = Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => e.Value as string ?? "", StringComparer.Ordinal);
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;
        AppDomain.CurrentDomain.UnhandledException += OnUnhandledException;
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
    }

    public void Serve()
    {
        WarmUp();
        if (!ConfineAsTold()) return;
        while (true)
        {
            RunRequest request;
            try
            {
                var message = _channel.Receive();
                if (message is RunnerMessage.Fence fence)
                {
                    // The tool asks whether the last run is over: this loop is back, so it is.
                    Send(new RunnerMessage.Fenced(fence.Token));
                    continue;
                }
                request = message is RunnerMessage.Run run
                    ? run.Request
                    : throw new InvalidDataException("the tool sent something other than a run request");
            }
            catch (EndOfStreamException)
            {
                return;
            }
            ResetProcessState();
            var capture = new RunCapture(request.RunId);
            var threadsBefore = _census.UserThreads();
            var handlersBefore = ProcessWideHandlers.Count();
            _active = capture;
            var report = Run(request, capture);
            // A run that left threads running is not safe to follow: they could print, throw or exit
            // during the next snippet. Such a runner finishes this report and is replaced.
            // Likewise a handler left on a process-wide event (an unobserved task, Ctrl+C) would fire in a later run,
            // and a process left running could print or write files while the next snippet runs.
            var reusable = (_census.UserThreads() <= threadsBefore || SettlesWithin(threadsBefore, TimeSpan.FromMilliseconds(50)))
                && ProcessWideHandlers.Count() <= handlersBefore
                && !_census.HasOtherProcesses();
            if (capture.TryClaimReport()) Send(capture, report with { Reusable = reusable });
            _active = null;
            if (!reusable) return;
        }
    }


    /// <summary>The tool's first message says what this runner may touch; nothing runs before it is in force.</summary>
    private bool ConfineAsTold()
    {
        RunnerMessage first;
        try
        {
            first = _channel.Receive();
        }
        catch (EndOfStreamException)
        {
            return false;
        }
        if (first is not RunnerMessage.Confine confine) throw new InvalidDataException("the tool's first message must say how to confine the runner");
        SandboxStatus status;
        try
        {
            _census.WatchCgroups(confine.Policy.Cgroups ?? []);
            status = Confinement.Apply(confine.Policy);
        }
        catch (InvalidOperationException e)
        {
            status = new SandboxStatus(0, false, false, false, confine.Policy.OwnNamespaces, 0, e.Message);
        }
        Send(new RunnerMessage.Confined(status));
        return true;
    }

    /// <summary>
    /// Undoes what an earlier snippet may have changed for the whole process: Console.Out and Console.Error
    /// (a snippet that redirected them would swallow the next one's output) and environment variables.
    /// </summary>
    private void ResetProcessState()
    {
        Console.SetOut(_out);
        Console.SetError(_error);
        foreach (System.Collections.DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            var name = (string)entry.Key;
            if (!_environment.ContainsKey(name)) Environment.SetEnvironmentVariable(name, null);
        }
        foreach (var (name, value) in _environment)
        {
            if (Environment.GetEnvironmentVariable(name) != value) Environment.SetEnvironmentVariable(name, value);
        }
    }

    /// <summary>
    /// Starts the threads the runtime creates lazily (the timer thread, the pool's gate and worker threads),
    /// so that a snippet's first Task.Delay is not mistaken for a thread it left behind.
    /// </summary>
    private static void WarmUp()
    {
        Task.Run(() => Task.Delay(1)).Wait();
        using var timer = new Timer(_ => { }, null, 0, Timeout.Infinite);
        Thread.Sleep(20);
    }

    /// <summary>Threads that are just finishing get a moment to go.</summary>
    private bool SettlesWithin(int threads, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < deadline)
        {
            Thread.Sleep(5);
            if (_census.UserThreads() <= threads) return true;
        }
        return false;
    }

    /// <summary>
    /// Runs the program on this thread (the host's own, with a 16 MiB stack), inside a copy of the clean context
    /// the thread started with: the AsyncLocals, synchronization context and principal a snippet sets are undone
    /// when it returns, and what a thread carries besides is reset first, so a run sees what a fresh thread shows.
    /// </summary>
    private RunReport Run(RunRequest request, RunCapture capture)
    {
        ResetThisThread();
        RunReport? report = null;
        ExecutionContext.Run(
            _cleanContext, _ => report = RunOnThisThread(request, capture, (id, previous) => SendBlockEntered(capture, id, previous)), null);
        return report!;
    }

    private readonly ExecutionContext _cleanContext = ExecutionContext.Capture()!;

    private static void ResetThisThread()
    {
        // Only what changed is set again: setting the priority costs three system calls even when it is the same.
        var thread = Thread.CurrentThread;
        // Unnamed, like the main thread of a program run with 'dotnet run'.
        if (thread.Name is not null) thread.Name = null;
        if (thread.Priority != ThreadPriority.Normal) thread.Priority = ThreadPriority.Normal;
        if (thread.IsBackground) thread.IsBackground = false;
        try
        {
            // An Interrupt() the last snippet left pending would otherwise end this one's first wait.
            Thread.Sleep(0);
        }
        catch (ThreadInterruptedException)
        {
        }
    }

    /// <summary>
    /// The run's load, invocation and their failures stay in one method: a load failure's trace, which the tool reports
    /// as it is, ends at this frame, and an awaited exception's frames name it.
    /// </summary>
    private static RunReport RunOnThisThread(RunRequest request, RunCapture capture, Action<int, string> onBlockEntered)
    {
        EnterRun(request, capture, onBlockEntered);
        try
        {
            MethodInfo? entryPoint;
            Assembly assembly;
            try
            {
                assembly = LoadedImages.Load(request, capture);
                entryPoint = request.EntryType.Length == 0
                    ? assembly.EntryPoint
                    : assembly.GetType(request.EntryType, throwOnError: true)!.GetMethod(
                        "Main", BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic);
            }
            catch (Exception e)
            {
                return capture.ToReport(RunEnding.LoadFailed, 0, e);
            }
            // A library of tests has nothing to run but its tests.
            if (entryPoint is null && request.TestTypes.Length == 0) return NoEntryPoint(request, capture);

            try
            {
                object? returned = null;
                if (entryPoint is not null)
                {
                    object?[]? arguments = entryPoint.GetParameters().Length == 0 ? null : [request.Args];
                    returned = entryPoint.Invoke(null, arguments);
                    if (returned is Task task) returned = WaitFor(task);
                }
                // The program's statements first, as 'dotnet run' runs them; then its tests, as a test host would.
                if (request.TestTypes.Length > 0) TestHarness.Run(assembly, request.TestTypes, capture);
                Console.Out.Flush();
                return capture.ToReport(RunEnding.Completed, returned is int code ? code : 0);
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                return capture.ToReport(RunEnding.Exception, 0, e.InnerException);
            }
            catch (Exception e)
            {
                return capture.ToReport(RunEnding.Exception, 0, e);
            }
        }
        finally
        {
            LeaveRun();
        }
    }

    /// <summary>What a run sees of the process as it starts: the invariant culture, its folders, its stdin, its capture and block hook.</summary>
    private static void EnterRun(RunRequest request, RunCapture capture, Action<int, string> onBlockEntered)
    {
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
        Directory.SetCurrentDirectory(request.WorkingDirectory);
        // Path.GetTempPath reads TMPDIR on every call: each run gets a private, empty temp folder.
        Environment.SetEnvironmentVariable("TMPDIR", request.TempDirectory);
        Console.SetIn(new StringReader(request.Stdin));
        RoutingWriter.Current.Value = capture;
        AppContext.SetData(RunnerProtocol.EnterBlockKey, new Action<int>(id => onBlockEntered(id, capture.EnterBlock(id))));
    }

    /// <summary>Undoes <see cref="EnterRun"/>'s capture and hook, and lets the run's images go, however the run ended.</summary>
    private static void LeaveRun()
    {
        RoutingWriter.Current.Value = null;
        AppContext.SetData(RunnerProtocol.EnterBlockKey, null);
        LoadedImages.RunEnded();
    }

    /// <summary>A program with neither an entry point nor tests: nothing to run is a load failure.</summary>
    private static RunReport NoEntryPoint(RunRequest request, RunCapture capture) =>
        capture.ToReport(
            RunEnding.LoadFailed, 0,
            new InvalidOperationException(
                $"the program has no entry point{(request.EntryType.Length == 0 ? "" : " in " + request.EntryType)}"));

    private static object? WaitFor(Task task)
    {
        task.GetAwaiter().GetResult();
        return task.GetType().GetProperty("Result")?.GetValue(task);
    }
}
