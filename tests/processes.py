"""Stopping the subprocesses tests start (Chroma servers, the Bot API emulator).

Standard library only: tests/emulator/client.py is also used outside pytest (bench/).
"""

from __future__ import annotations

import subprocess


def stop_process(proc: subprocess.Popen, *, timeout: float = 10.0) -> None:
    """SIGTERM `proc`, then SIGKILL it if it has not exited within `timeout` seconds.

    A server given the chance shuts down cleanly (flushes its store, frees its port); one
    that hangs must still not outlive the test. Does nothing if `proc` has already exited.
    """
    if proc.poll() is not None:
        return
    proc.terminate()
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=timeout)
