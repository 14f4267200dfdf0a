#!/usr/bin/env python3
"""The CPU seconds a command and every process it starts used, and its wall time: the figure to compare on a loaded
machine, where wall times say more about the neighbours than about the change.

    python3 eng/cpu-time.py LABEL COMMAND [ARG...]
    python3 eng/cpu-time.py DocLibraryTests dotnet test tests/SnippetCheck.Tests --no-build --filter FullyQualifiedName~DocLibraryTests

/usr/bin/time counts only the descendants that were waited for, and 'dotnet test' does not wait for its test host:
an in-process test class's compilations and library builds are lost (DocLibraryTests: 4.5 CPU-s by /usr/bin/time,
81 CPU-s here). This process becomes the child subreaper of everything the command starts, so orphans are reparented
to it and reaped here, and their CPU time is counted. Prints one line on stderr; exits with the command's status.
It waits for every descendant: a server the command leaves running (a compiler server, an MSBuild node kept for
reuse) keeps it waiting, so measure with UseSharedCompilation=false and MSBUILDDISABLENODEREUSE=1 where a build runs.
"""
import ctypes
import os
import resource
import sys
import time

PR_SET_CHILD_SUBREAPER = 36


def main():
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    label, command = sys.argv[1], sys.argv[2:]
    if ctypes.CDLL(None, use_errno=True).prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0:
        print("cpu-time: prctl(PR_SET_CHILD_SUBREAPER) failed; orphans would not be counted", file=sys.stderr)
        return 2
    start = time.monotonic()
    pid = os.fork()
    if pid == 0:
        try:
            os.execvp(command[0], command)
        finally:
            os._exit(127)
    status = 0
    while True:
        try:
            reaped, code = os.wait()
        except ChildProcessError:
            break
        if reaped == pid:
            status = os.waitstatus_to_exitcode(code)
            # What is left runs on without the command; a line now says so, in case it runs long.
            so_far = resource.getrusage(resource.RUSAGE_CHILDREN)
            print(f"{label}: the command exited after {time.monotonic() - start:.1f} s, {so_far.ru_utime + so_far.ru_stime:.1f} CPU-s so far; "
                  "reaping what it left running", file=sys.stderr)
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(f"{label}: {used.ru_utime + used.ru_stime:.1f} CPU-s (user {used.ru_utime:.1f}, sys {used.ru_stime:.1f}), "
          f"{time.monotonic() - start:.1f} s wall, exit {status}", file=sys.stderr)
    return status


if __name__ == "__main__":
    sys.exit(main())
