using System.Diagnostics;
using System.IO.Pipes;

namespace SnippetCheck.Execution;

/// <summary>Starting a runner: its command line, environment, pipe and sandbox, until it reports its confinement in force.</summary>
internal sealed partial class RunnerProcess
{
    /// <param name="workRoot">A folder for this runner alone, made here and removed with the runner.</param>
    public static async Task<RunnerProcess> StartAsync(RunnerOptions options, RunnerKind kind, string workRoot, CancellationToken cancellationToken)
    {
        if (!File.Exists(options.RunnerPath))
            throw new FileNotFoundException($"the snippet runner was not found at '{options.RunnerPath}'", options.RunnerPath);

        var pipeName = $"snippetcheck-{Environment.ProcessId}-{Guid.NewGuid():N}"[..40];
        // On Unix a rooted name is the socket's path: the runner's TMPDIR is its own folder, not the tool's.
        if (!OperatingSystem.IsWindows()) pipeName = Path.Combine(Path.GetTempPath(), pipeName);
        var pipe = new NamedPipeServerStream(pipeName, PipeDirection.InOut, 1, PipeTransmissionMode.Byte, PipeOptions.Asynchronous);
        var (program, arguments) = Command(options.RunnerPath, [pipeName]);
        (program, arguments) = options.Sandbox.Launch(program, arguments, kind);
        var process = new Process { StartInfo = StartInfo(options, program, arguments, workRoot), EnableRaisingEvents = true };
        var runner = new RunnerProcess(process, pipe, kind, workRoot);
        if (options.Sandbox.Enabled) runner._cgroups =
            RunnerCgroups.Create(Path.GetFileName(Path.GetDirectoryName(workRoot)) + "-" + Path.GetFileName(workRoot));
        process.Start();
        ProcessTracker.Track(process, runner._cgroups, options.Sandbox.Enabled && Sandbox.NamespacesWork);
        process.StandardInput.Close();
        runner._stderrRead = runner.ReadRawAsync(process.StandardError.BaseStream, isStdout: false);
        _ = runner.ReadRawAsync(process.StandardOutput.BaseStream, isStdout: true);

        using var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        connectTimeout.CancelAfter(TimeSpan.FromSeconds(30));
        try
        {
            // A runner killed before it connects (the tool shutting down on a signal) must not be waited for.
            var connecting = pipe.WaitForConnectionAsync(connectTimeout.Token);
            if (await Task.WhenAny(connecting, process.WaitForExitAsync(connectTimeout.Token)) != connecting) await connectTimeout.CancelAsync();
            await connecting;
            await runner.ConfineAsync(options.Sandbox.PolicyFor(kind, options.RunnerPath, workRoot, runner._cgroups), connectTimeout.Token)
                .ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await runner.DisposeAsync();
            throw new InvalidOperationException($"the snippet runner did not start: {runner.StderrText()}");
        }
        catch (OperationCanceledException)
        {
            await runner.DisposeAsync();
            throw;
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or InvalidDataException)
        {
            await runner.DisposeAsync();
            throw new InvalidOperationException($"the snippet runner did not start: {runner.StderrText()}", e);
        }
        return runner;
    }

    /// <summary>How the runner's process starts: in its own folder, its standard streams redirected, with only the environment it is given.</summary>
    private static ProcessStartInfo StartInfo(RunnerOptions options, string program, string[] arguments, string workRoot)
    {
        Directory.CreateDirectory(Path.Combine(workRoot, "tmp"));
        var start = new ProcessStartInfo(program, arguments)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workRoot,
        };
        start.Environment.Clear();
        foreach (var (name, value) in options.BuildEnvironment(Environment.GetEnvironmentVariables())) start.Environment[name] = value;
        // The runtime's own temporary files (named mutexes, the PAL's shared files) stay in the runner's folder too.
        start.Environment["TMPDIR"] = Path.Combine(workRoot, "tmp");
        return start;
    }

    /// <summary>Tells the runner what it may touch and waits until it says that is in force.</summary>
    private async Task ConfineAsync(SandboxPolicy policy, CancellationToken cancellationToken)
    {
        var answer = Task.Run(() =>
        {
            _channel.Send(new RunnerMessage.Confine(policy));
            return _channel.Receive();
        }, CancellationToken.None);
        await answer.WaitAsync(cancellationToken).ConfigureAwait(false);
        Confinement = answer.Result is RunnerMessage.Confined confined
            ? confined.Status
            : throw new InvalidDataException($"the runner answered {answer.Result.GetType().Name} to its confinement");
    }

    /// <summary>
    /// How the runner at <paramref name="runnerPath"/> is started with <paramref name="arguments"/>: its own launcher, or <c>dotnet exec</c>.
    /// </summary>
    internal static (string Program, string[] Arguments) Command(string runnerPath, string[] arguments)
    {
        // A self-contained build ships the runner with its own launcher and runtime; otherwise 'dotnet exec' it.
        var launcher = Path.ChangeExtension(runnerPath, OperatingSystem.IsWindows() ? ".exe" : null);
        return File.Exists(launcher) ? (launcher, arguments) : (DotnetHost, ["exec", runnerPath, .. arguments]);
    }

    /// <summary>The <c>dotnet</c> host of the installation the tool runs on.</summary>
    private static string DotnetHost
    {
        get
        {
            var candidate = Path.Combine(DotnetInstallation.Root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
            return File.Exists(candidate) ? candidate : "dotnet";
        }
    }
}
