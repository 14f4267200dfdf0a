using System.Globalization;
using System.IO.Pipes;
using SnippetCheck.Execution;
using SnippetCheck.Runner;

// The runner: a small, long-lived process that runs compiled snippets one at a time, so that nothing a
// snippet does (exit, crash, hang, flood) can touch the tool. The tool talks to it over a named pipe given
// as the only argument; stdin, stdout and stderr stay free for the snippets.
if (args.Length != 1)
{
    Console.Error.WriteLine("usage: snippetcheck-runner PIPE-NAME (started by snippetcheck, not by hand)");
    return 2;
}

// Its own process group, so the tool can kill whatever a snippet starts, grandchildren included; and it ends
// that group itself if the tool dies without a word (SIGKILL), so nothing is left running for nobody.
ProcessGroups.LeadNewGroup();
ParentWatch.Start();

using var pipe = new NamedPipeClientStream(".", args[0], PipeDirection.InOut);
pipe.Connect(TimeSpan.FromSeconds(30));
var host = new SnippetHost(pipe);
host.Serve();
return 0;

namespace SnippetCheck.Runner
{
    using System.Reflection;
    using System.Runtime.Loader;
    using System.Text;

    /// <summary>Handlers on the process-wide events a snippet can subscribe to and never leave.</summary>
    internal static class ProcessWideHandlers
    {
        private static readonly FieldInfo?[] Events =
        [
            typeof(AppContext).GetField("UnhandledException", BindingFlags.Static | BindingFlags.NonPublic),
            typeof(AppContext).GetField("FirstChanceException", BindingFlags.Static | BindingFlags.NonPublic),
            typeof(TaskScheduler).GetField("UnobservedTaskException", BindingFlags.Static | BindingFlags.NonPublic),
            typeof(Console).GetField("s_cancelCallbacks", BindingFlags.Static | BindingFlags.NonPublic),
            // .NET 10's ExceptionHandling.SetUnhandledExceptionHandler: once set, it would swallow a later snippet's crash.
            typeof(System.Runtime.ExceptionServices.ExceptionHandling).GetField("s_handler", BindingFlags.Static | BindingFlags.NonPublic),
        ];

        /// <summary>How many there are (the runtime's private fields; one it no longer has counts as none).</summary>
        public static int Count() => Events.Sum(field => (field?.GetValue(null) as Delegate)?.GetInvocationList().Length ?? 0);
    }

    /// <summary>Ends the runner's process group once the tool that started it is gone.</summary>
    internal static class ParentWatch
    {
        public static void Start()
        {
            var parent = ProcessGroups.ParentId;
            if (parent <= 1) return;
            var watch = new Thread(() =>
            {
                while (ProcessGroups.ParentId == parent) Thread.Sleep(500);
                ProcessGroups.KillOwnGroup();
            })
            { IsBackground = true, Name = "snippetcheck parent watch" };
            watch.Start();
        }
    }

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

    /// <summary>
    /// Console.Out and Console.Error for every snippet. Each write goes to the run that made it, and only while
    /// that run is the active one: what a snippet prints after its entry point returned belongs to nobody, as with
    /// <c>dotnet run</c>, and never lands in a later snippet's output on the same runner. A thread that carries the
    /// run's AsyncLocal (threads, tasks and timers the snippet started) is the run's; a thread that carries none (the
    /// finalizer thread, a callback queued without its context) writes for the active run only from that run's code.
    /// </summary>
    internal sealed class RoutingWriter(bool isError, Action<RunCapture> onLimit, Func<RunCapture?> active, Action<string> lateOutput) : TextWriter
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
                lateOutput(text);
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

    /// <summary>Serves run requests from the tool until the pipe closes.</summary>
    internal sealed class SnippetHost
    {
        private readonly BinaryReader _reader;
        private readonly BinaryWriter _writer;
        private readonly object _writeLock = new();
        private RunCapture? _active;
        private (long Id, byte[] Bytes) _heldImage = (-1, []);

        private readonly TextWriter _out;
        private readonly TextWriter _error;
        private readonly Dictionary<string, string> _environment;

        public SnippetHost(Stream pipe)
        {
            _reader = new BinaryReader(pipe, RunnerProtocol.Encoding);
            _writer = new BinaryWriter(pipe, RunnerProtocol.Encoding);
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
            while (true)
            {
                RunRequest request;
                try
                {
                    request = RunRequest.ReadFrom(_reader, HeldImage);
                    _heldImage = (request.ImageId, request.Image);
                }
                catch (EndOfStreamException)
                {
                    return;
                }
                ResetProcessState();
                var capture = new RunCapture();
                var threadsBefore = UserThreadCount();
                var handlersBefore = ProcessWideHandlers.Count();
                _active = capture;
                var report = Run(request, capture);
                // A run that left threads running is not safe to follow: they could print, throw or exit
                // during the next snippet. Such a runner finishes this report and is replaced.
                // Likewise a handler left on a process-wide event (an unobserved task, Ctrl+C) would fire in a later run.
                var reusable = (UserThreadCount() <= threadsBefore || SettlesWithin(threadsBefore, TimeSpan.FromMilliseconds(50)))
                    && ProcessWideHandlers.Count() <= handlersBefore;
                if (capture.TryClaimReport()) Send(report with { Reusable = reusable });
                _active = null;
                if (!reusable) return;
            }
        }

        private byte[] HeldImage(long id) =>
            _heldImage.Id == id ? _heldImage.Bytes : throw new InvalidDataException($"the tool referred to image {id}, which this runner does not hold");

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
        private static bool SettlesWithin(int threads, TimeSpan limit)
        {
            var deadline = DateTime.UtcNow + limit;
            while (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(5);
                if (UserThreadCount() <= threads) return true;
            }
            return false;
        }

        /// <summary>Threads of the process that are not thread-pool threads: the ones snippets start themselves.</summary>
        private static int UserThreadCount()
        {
            using var process = System.Diagnostics.Process.GetCurrentProcess();
            return process.Threads.Count - ThreadPool.ThreadCount;
        }

        private RunReport Run(RunRequest request, RunCapture capture)
        {
            RunReport? report = null;
            // A fresh thread per run: no thread-static state, culture or AsyncLocal carries over.
            var thread = new Thread(() => report = RunOnThisThread(request, capture, SendBlockEntered), 16 * 1024 * 1024);
            thread.Start();
            thread.Join();
            return report!;
        }

        private static RunReport RunOnThisThread(RunRequest request, RunCapture capture, Action<int, string> onBlockEntered)
        {
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
            CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
            Directory.SetCurrentDirectory(request.WorkingDirectory);
            Console.SetIn(new StringReader(request.Stdin));
            RoutingWriter.Current.Value = capture;
            AppContext.SetData(RunnerProtocol.EnterBlockKey, new Action<int>(id => onBlockEntered(id, capture.EnterBlock(id))));

            var context = new SnippetLoadContext(request.DependencyPaths);
            capture.Context = context;
            try
            {
                MethodInfo? entryPoint;
                try
                {
                    var assembly = context.LoadFromStream(new MemoryStream(request.Image, writable: false));
                    entryPoint = request.EntryType.Length == 0
                        ? assembly.EntryPoint
                        : assembly.GetType(request.EntryType, throwOnError: true)!.GetMethod("Main", BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic);
                }
                catch (Exception e)
                {
                    return capture.ToReport(RunEnding.LoadFailed, 0, e);
                }
                if (entryPoint is null) return capture.ToReport(RunEnding.LoadFailed, 0, new InvalidOperationException($"the program has no entry point{(request.EntryType.Length == 0 ? "" : " in " + request.EntryType)}"));

                try
                {
                    object?[]? arguments = entryPoint.GetParameters().Length == 0 ? null : [request.Args];
                    var returned = entryPoint.Invoke(null, arguments);
                    if (returned is Task task) returned = WaitFor(task);
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
                RoutingWriter.Current.Value = null;
                AppContext.SetData(RunnerProtocol.EnterBlockKey, null);
                context.Unload();
            }
        }

        private static object? WaitFor(Task task)
        {
            task.GetAwaiter().GetResult();
            return task.GetType().GetProperty("Result")?.GetValue(task);
        }

        private void OnUnhandledException(object sender, UnhandledExceptionEventArgs e)
        {
            // The runtime has left the thread's ExecutionContext by now, so the AsyncLocal is gone; the exception
            // belongs to the active run. Runs that leave threads behind get a fresh runner (see Serve), so an
            // earlier snippet's thread can hardly be the culprit.
            var capture = _active;
            if (capture is null || !capture.TryClaimReport()) return;
            // The runtime ends the process after the remaining handlers, the snippet's own among them; what
            // they print follows the report as late output, until the process is gone.
            Send(capture.ToReport(RunEnding.Exception, 0, e.ExceptionObject as Exception) with { Reusable = false });
            capture.IsDying = true;
        }

        private void OnProcessExit(object? sender, EventArgs e)
        {
            // The runtime may raise this on another thread than the one that called Exit, so no AsyncLocal here.
            var capture = _active;
            if (capture is null || !capture.TryClaimReport()) return;
            Send(capture.ToReport(RunEnding.Exited, Environment.ExitCode));
        }

        private void OnOutputLimit(RunCapture capture)
        {
            if (capture != _active || !capture.TryClaimReport()) return;
            Send(capture.ToReport(RunEnding.OutputLimit, 0));
            // The snippet may be in a tight print loop; the only safe way out is to end this process.
            Environment.Exit(3);
        }

        private void SendLateOutput(string text)
        {
            lock (_writeLock)
            {
                try
                {
                    _writer.Write(RunnerProtocol.LateOutputMessage);
                    _writer.Write(text);
                    _writer.Flush();
                }
                catch (IOException)
                {
                    // The tool has gone; nothing left to tell.
                }
            }
        }

        /// <summary>
        /// Told as it happens, with what the previous block printed, so a timeout or crash can still be pinned on
        /// the block that was running and the blocks before it judged on their output.
        /// </summary>
        private void SendBlockEntered(int id, string previousOutput)
        {
            lock (_writeLock)
            {
                try
                {
                    _writer.Write(RunnerProtocol.BlockEnteredMessage);
                    _writer.Write(id);
                    _writer.Write(previousOutput);
                    _writer.Flush();
                }
                catch (IOException)
                {
                    // The tool has gone; nothing left to tell.
                }
            }
        }

        private void Send(RunReport report)
        {
            lock (_writeLock)
            {
                try
                {
                    _writer.Write(RunnerProtocol.ReportMessage);
                    report.WriteTo(_writer);
                }
                catch (IOException)
                {
                    // The tool has gone; nothing left to tell.
                }
            }
        }
    }

    /// <summary>A collectible context per run, resolving package and project dependencies from given paths.</summary>
    internal sealed class SnippetLoadContext(string[] dependencyPaths) : AssemblyLoadContext(isCollectible: true)
    {
        private readonly Dictionary<string, string> _byName = dependencyPaths
            .Where(p => p.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .GroupBy(p => Path.GetFileNameWithoutExtension(p), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);

        protected override Assembly? Load(AssemblyName assemblyName) =>
            assemblyName.Name is { } name && _byName.TryGetValue(name, out var path) ? LoadFromAssemblyPath(path) : null;
    }
}
