"""The real `kutip` and `chroma` console scripts as child processes, on 127.0.0.1 only."""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest

from tests.processes import stop_process

BIN = Path(sys.executable).parent
SERVER_READY_S = 30.0
CLI_TIMEOUT_S = 600.0

_RUNNING: set[subprocess.Popen[bytes]] = set()  # servers and bots still to be killed

# Set once per test run by tests/conftest.py (see `child_model_cache`).
CHILD_MODEL_CACHE: Path | None = None


@atexit.register
def _kill_leftovers() -> None:  # pragma: no cover - safety net if a teardown never ran
    for proc in list(_RUNNING):
        with contextlib.suppress(OSError):
            proc.send_signal(signal.SIGCONT)
            proc.kill()


def track(proc: subprocess.Popen[bytes]) -> subprocess.Popen[bytes]:
    """Kill `proc` when the test run exits, should its fixture's teardown never run."""
    _RUNNING.add(proc)
    return proc


def venv_tool(name: str) -> str:
    """The venv's own console script (make test runs pytest without activating the venv)."""
    path = BIN / name
    if path.exists():
        return str(path)
    found = shutil.which(name)
    if found is None:
        pytest.skip(f"`{name}` is not installed")
    return found


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def child_model_cache() -> dict[str, str]:
    """KUTIP_MODEL_CACHE for a `kutip` child process: the test run's one model cache.

    A child that embeds with torch (the bot, chat, bulk indexing) converts the bundled
    weights into a sentence-transformers folder first, ~9 s each time; children that share
    this cache convert once per run (concurrent converters are safe: the first complete
    rename wins). tests/bot/test_e2e.py's `kutip bot` process keeps the default cache in
    its data dir, as a user's first run has it.
    """
    return {} if CHILD_MODEL_CACHE is None else {"KUTIP_MODEL_CACHE": str(CHILD_MODEL_CACHE)}


def child_env(**values: str) -> dict[str, str]:
    """A `kutip` child process's environment: this one without the developer's KUTIP_,
    CHROMA_ and TELEGRAM_ settings, with the run's model cache (`child_model_cache`), then
    `values`."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("KUTIP_", "CHROMA_", "TELEGRAM_"))}
    env.update(child_model_cache())
    env.update(values)
    return env


def kutip_command(*args: str) -> list[str]:
    return [venv_tool("kutip"), *args]


def run_kutip(
    args: Sequence[str], env: dict[str, str], cwd: Path, *, timeout: float = CLI_TIMEOUT_S
) -> subprocess.CompletedProcess[str]:
    """Run the installed `kutip` console script; `cwd` has no .env, so only `env` counts."""
    return subprocess.run(
        kutip_command(*args), env=env, cwd=cwd, check=False, capture_output=True, text=True,
        timeout=timeout, stdin=subprocess.DEVNULL,
    )


def run_json(args: Sequence[str], env: dict[str, str], cwd: Path) -> dict:
    done = run_kutip(args, env, cwd)
    assert done.returncode == 0, f"kutip {' '.join(args)} failed:\n{done.stderr[-3000:]}"
    return json.loads(done.stdout)


@dataclass
class ChromaServer:
    """One `chroma run` process; `stop()`/`start()` restart it on the same path and port."""

    path: Path
    port: int = field(default_factory=free_port)
    log: Path | None = None
    """Where the server's output goes (default: chroma.log next to `path`)."""
    process: subprocess.Popen[bytes] | None = field(default=None, repr=False)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def log_path(self) -> Path:
        return self.log or self.path.parent / "chroma.log"

    def start(self, ready_s: float = SERVER_READY_S) -> None:
        assert self.process is None, "already running"
        with self.log_path.open("ab") as log:
            self.process = subprocess.Popen(
                [venv_tool("chroma"), "run", "--path", str(self.path),
                 "--host", "127.0.0.1", "--port", str(self.port)],
                stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            )
        track(self.process)
        deadline = time.monotonic() + ready_s
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"chroma exited with {self.process.returncode}:\n{self.log_tail()}")
            if self.healthy():
                return
            time.sleep(0.05)
        self.stop()
        pytest.fail(f"chroma was not ready in {ready_s}s:\n{self.log_tail()}")

    def healthy(self) -> bool:
        try:
            return httpx.get(f"{self.url}/api/v2/heartbeat", timeout=0.5).status_code == 200
        except httpx.HTTPError:
            return False

    def stop(self) -> None:
        """Terminate (kill after 10 s); also works on a paused server."""
        proc, self.process = self.process, None
        if proc is None:
            return
        _RUNNING.discard(proc)
        proc.send_signal(signal.SIGCONT)  # a paused server acts on SIGTERM only once resumed
        stop_process(proc)

    def pause(self) -> None:
        """SIGSTOP: the port still accepts connections but nothing answers (a hung server)."""
        assert self.process is not None
        self.process.send_signal(signal.SIGSTOP)

    def resume(self) -> None:
        assert self.process is not None
        self.process.send_signal(signal.SIGCONT)

    def log_tail(self, lines: int = 30) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"
