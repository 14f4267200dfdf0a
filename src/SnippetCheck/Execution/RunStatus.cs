namespace SnippetCheck.Execution;

/// <summary>How a run ended, as the tool judges it.</summary>
internal enum RunStatus
{
    /// <summary>The program returned from its entry point.</summary>
    Completed,

    /// <summary>An unhandled exception ended it.</summary>
    Exception,

    /// <summary>It called <c>Environment.Exit</c>.</summary>
    Exited,

    /// <summary>It ran past its timeout and was killed with its process tree.</summary>
    Timeout,

    /// <summary>The process died without a word: stack overflow, <c>Environment.FailFast</c>, a signal.</summary>
    Crashed,

    /// <summary>It printed more than 1 MiB.</summary>
    OutputLimit,

    /// <summary>The runner could not load the program.</summary>
    LoadFailed,

    /// <summary>
    /// The runner's channel carried what the runner did not send in its turn: the snippet wrote to it (its process holds
    /// the pipe). The runner was discarded.
    /// </summary>
    WroteToChannel,
}
