"""Python side of the local Telegram Bot API emulator (see README.md in this folder).

``BotApiEmulator`` spawns ``node launcher.js`` on 127.0.0.1, waits for its ready line
(``{"port": N, ...}``) and talks to its client API over HTTP. A real python-telegram-bot
``Application`` is pointed at it with::

    Application.builder().token(emu.token).base_url(emu.base_url).base_file_url(emu.base_file_url)

Everything here is synchronous (httpx.Client). In async tests, where the bot runs in the same
event loop, use ``await emu.aio.<method>(...)`` for anything that *waits* (``wait_for_*``), so
the event loop keeps serving the bot while the test waits.

This module only needs the standard library, httpx and tests/processes.py.
"""

from __future__ import annotations

import asyncio
import atexit
import base64
import contextlib
import functools
import hashlib
import json
import os
import queue
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import weakref
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Self

import httpx

from tests.processes import stop_process

EMULATOR_DIR = Path(__file__).resolve().parent
LAUNCHER = EMULATOR_DIR / "launcher.js"
DEFAULT_TOKEN = "123:TEST"

__all__ = [
    "BotApiEmulator",
    "EmulatorError",
    "ensure_node_modules",
    "node_available",
]


class EmulatorError(RuntimeError):
    """The emulator could not be started, or a client API call failed."""


# ------------------------------------------------------------------------------------------------
# node_modules bootstrap
# ------------------------------------------------------------------------------------------------


def node_available(node: str = "node") -> bool:
    return shutil.which(node) is not None


def _node_modules_ready(directory: Path) -> bool:
    return (directory / "node_modules" / "telegram-test-api" / "package.json").is_file() and (
        directory / "node_modules" / "express" / "package.json"
    ).is_file()


def ensure_node_modules(directory: Path | str = EMULATOR_DIR, timeout: float = 600.0) -> Path:
    """Install the emulator's npm dependencies if ``node_modules`` is missing.

    Runs ``npm ci`` (``npm install`` when there is no package-lock.json) with
    ``--prefix <directory>``. Safe to call from several processes at once (file lock).
    Returns the node_modules path.
    """
    directory = Path(directory).resolve()
    if _node_modules_ready(directory):
        return directory / "node_modules"
    npm = shutil.which("npm")
    if npm is None:
        raise EmulatorError(
            "npm is not installed; it is needed to install the emulator's node_modules"
        )
    digest = hashlib.sha256(str(directory).encode()).hexdigest()[:16]
    lock_path = Path(tempfile.gettempdir()) / f"tg-bot-api-emulator-npm-{digest}.lock"
    with open(lock_path, "w") as lock_file:
        try:
            import fcntl

            fcntl.flock(lock_file, fcntl.LOCK_EX)
        except ImportError:  # pragma: no cover - non-POSIX
            pass
        if _node_modules_ready(directory):
            return directory / "node_modules"
        verb = "ci" if (directory / "package-lock.json").is_file() else "install"
        cmd = [npm, verb, "--prefix", str(directory), "--no-audit", "--no-fund", "--loglevel=error"]
        try:
            proc = subprocess.run(
                cmd,
                cwd=directory,
                capture_output=True,
                text=True,
                timeout=timeout,
                stdin=subprocess.DEVNULL,
                check=False,
            )
        except subprocess.TimeoutExpired as exc:
            raise EmulatorError(f"{' '.join(cmd)} timed out after {timeout}s") from exc
        if proc.returncode != 0 or not _node_modules_ready(directory):
            raise EmulatorError(
                f"{' '.join(cmd)} failed (exit {proc.returncode}):\n{proc.stdout[-4000:]}\n{proc.stderr[-4000:]}"
            )
    return directory / "node_modules"


# ------------------------------------------------------------------------------------------------
# The emulator
# ------------------------------------------------------------------------------------------------

_LIVE: weakref.WeakSet[BotApiEmulator] = weakref.WeakSet()


@atexit.register
def _kill_leftovers() -> None:  # pragma: no cover - safety net
    for emu in list(_LIVE):
        with contextlib.suppress(Exception):
            emu.stop()


def _user(user: int | dict[str, Any] | None) -> dict[str, Any] | None:
    if user is None:
        return None
    if isinstance(user, int):
        return {"id": user}
    return dict(user)


def _chat(chat: int | dict[str, Any]) -> int | dict[str, Any]:
    return chat if isinstance(chat, int) else dict(chat)


def _chat_id(chat: int | dict[str, Any]) -> int:
    return chat if isinstance(chat, int) else int(chat["id"])


class _Aio:
    """``emu.aio.X(...)`` runs ``emu.X(...)`` in a worker thread and awaits it."""

    def __init__(self, emu: BotApiEmulator) -> None:
        self._emu = emu

    def __getattr__(self, name: str) -> Any:
        target = getattr(self._emu, name)
        if not callable(target):
            return target

        @functools.wraps(target)
        async def runner(*args: Any, **kwargs: Any) -> Any:
            return await asyncio.to_thread(target, *args, **kwargs)

        return runner


class BotApiEmulator:
    """A local Telegram Bot API (``node launcher.js``) plus its test-side client.

    Chats and users are given as ints or dicts. An int chat ``> 0`` is a private chat with that
    user, ``<= -10**12`` a supergroup, other negatives a group; a dict may set ``type``,
    ``title``, ``username``, ... A user dict may set ``first_name``, ``username``
    (``None`` for none), ``language_code``, ... In a private chat ``user`` may be ``None``.
    """

    def __init__(
        self,
        token: str = DEFAULT_TOKEN,
        *,
        bot_username: str = "TestNameBot",
        bot_first_name: str = "Test Bot",
        host: str = "127.0.0.1",
        port: int = 0,
        node: str = "node",
        startup_timeout: float = 30.0,
        request_timeout: float = 15.0,
        max_long_poll: int = 50,
        lenient_parse: bool = False,
        verbose: bool = False,
        install: bool = True,
    ) -> None:
        self.token = token
        self.bot_username = bot_username
        self.bot_first_name = bot_first_name
        self.host = host
        self._requested_port = port
        self.node = node
        self.startup_timeout = startup_timeout
        self.request_timeout = request_timeout
        self.max_long_poll = max_long_poll
        self.lenient_parse = lenient_parse
        self.verbose = verbose
        self.install = install
        self.port: int | None = None
        self.pid: int | None = None
        self._proc: subprocess.Popen[bytes] | None = None
        self._local = threading.local()  # each thread's own httpx.Client (see `_http`)
        self._clients: list[httpx.Client] = []
        self._clients_lock = threading.Lock()
        self._stderr_file: Any = None
        self._stdout_thread: threading.Thread | None = None
        self.aio = _Aio(self)

    # -- URLs ------------------------------------------------------------------------------------
    @property
    def api_url(self) -> str:
        """Root URL of the emulator (client API lives under it)."""
        self._require_started()
        return f"http://{self.host}:{self.port}"

    @property
    def base_url(self) -> str:
        """For ``ApplicationBuilder.base_url`` (PTB appends the token)."""
        return f"{self.api_url}/bot"

    @property
    def base_file_url(self) -> str:
        """For ``ApplicationBuilder.base_file_url`` (PTB appends the token)."""
        return f"{self.api_url}/file/bot"

    @property
    def bot_id(self) -> int:
        return int(self.token.split(":", 1)[0])

    @property
    def running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    @property
    def log(self) -> str:
        """What the launcher wrote to stderr so far (more with ``verbose=True``)."""
        if self._stderr_file is None:
            return ""
        with contextlib.suppress(Exception):
            self._stderr_file.flush()
            with open(self._stderr_file.name, encoding="utf-8", errors="replace") as fh:
                return fh.read()
        return ""

    # -- lifecycle -------------------------------------------------------------------------------
    def start(self) -> Self:
        if self.running:
            return self
        if not node_available(self.node):
            raise EmulatorError(f"{self.node!r} (Node.js) is not on PATH")
        if self.install:
            ensure_node_modules(EMULATOR_DIR)
        cmd = [
            shutil.which(self.node) or self.node,
            str(LAUNCHER),
            "--host", self.host,
            "--port", str(self._requested_port),
            "--token", self.token,
            "--bot-username", self.bot_username,
            "--bot-first-name", self.bot_first_name,
            "--max-long-poll", str(self.max_long_poll),
            "--watch-stdin",
        ]  # fmt: skip
        if self.lenient_parse:
            cmd.append("--lenient-parse")
        if self.verbose:
            cmd.append("--verbose")
        self._stderr_file = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed in stop()
            prefix="tg-emulator-", suffix=".log", delete=False
        )
        self._proc = subprocess.Popen(
            cmd,
            cwd=EMULATOR_DIR,
            stdin=subprocess.PIPE,  # the launcher exits when this pipe closes (we die -> it dies)
            stdout=subprocess.PIPE,
            stderr=self._stderr_file,
            start_new_session=True,  # no stray terminal signals; we stop it explicitly
        )
        _LIVE.add(self)
        lines: queue.Queue[bytes | None] = queue.Queue()

        def pump(stream: Any) -> None:
            for line in iter(stream.readline, b""):
                lines.put(line)
            lines.put(None)

        self._stdout_thread = threading.Thread(target=pump, args=(self._proc.stdout,), daemon=True)
        self._stdout_thread.start()
        deadline = time.monotonic() + self.startup_timeout
        try:
            while True:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise EmulatorError(
                        f"emulator did not become ready in {self.startup_timeout}s\n{self.log}"
                    )
                try:
                    line = lines.get(timeout=min(remaining, 0.5))
                except queue.Empty:
                    if self._proc.poll() is not None:
                        raise EmulatorError(
                            f"emulator exited with {self._proc.returncode}\n{self.log}"
                        ) from None
                    continue
                if line is None:
                    self._proc.wait(timeout=5)
                    raise EmulatorError(f"emulator exited with {self._proc.returncode}\n{self.log}")
                with contextlib.suppress(ValueError):
                    ready = json.loads(line)
                    if isinstance(ready, dict) and "port" in ready:
                        self.port = int(ready["port"])
                        self.pid = int(ready.get("pid", self._proc.pid))
                        break
            self._get("/health")
        except BaseException:
            self.stop()
            raise
        return self

    def stop(self) -> None:
        """Stop the node process (closing stdin, then SIGTERM, then SIGKILL). Idempotent."""
        proc, self._proc = self._proc, None
        with self._clients_lock:
            clients, self._clients = self._clients, []
        for client in clients:
            with contextlib.suppress(Exception):
                client.close()
        if proc is not None:
            with contextlib.suppress(Exception):
                if proc.stdin:
                    proc.stdin.close()
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.wait(timeout=3)  # the launcher exits by itself once its stdin is closed
            stop_process(proc, timeout=3)
            with contextlib.suppress(Exception):
                if proc.stdout:
                    proc.stdout.close()
        if self._stdout_thread is not None:
            self._stdout_thread.join(timeout=2)
            self._stdout_thread = None
        if self._stderr_file is not None:
            with contextlib.suppress(Exception):
                self._stderr_file.close()
                os.unlink(self._stderr_file.name)
            self._stderr_file = None
        _LIVE.discard(self)

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _require_started(self) -> None:
        if self.port is None or self._proc is None:
            raise EmulatorError("emulator is not started; call start() first")

    # -- HTTP ------------------------------------------------------------------------------------
    @property
    def _http(self) -> httpx.Client:
        """This thread's HTTP client. Load tests call the emulator from 50 threads at once;
        sharing one connection pool among them lost sockets mid-request (EBADF)."""
        client = getattr(self._local, "client", None)
        if client is None or client.is_closed:
            client = httpx.Client(timeout=self.request_timeout, trust_env=False)
            self._local.client = client
            with self._clients_lock:
                self._clients.append(client)
        return client

    def _request(
        self, method: str, path: str, payload: dict[str, Any] | None, timeout: float | None
    ) -> Any:
        self._require_started()
        body = {"token": self.token, **{k: v for k, v in (payload or {}).items() if v is not None}}
        try:
            resp = self._http.request(
                method,
                f"{self.api_url}{path}",
                json=body if method == "POST" else None,
                timeout=timeout or self.request_timeout,
            )
        except httpx.HTTPError as exc:
            raise EmulatorError(f"{method} {path} failed: {exc!r}\n{self.log[-4000:]}") from exc
        try:
            data = resp.json()
        except ValueError as exc:
            raise EmulatorError(
                f"{method} {path}: HTTP {resp.status_code} {resp.text[:500]!r}"
            ) from exc
        if not data.get("ok"):
            raise EmulatorError(f"{path}: {data.get('description') or data}")
        return data.get("result")

    def _post(
        self, path: str, payload: dict[str, Any] | None = None, timeout: float | None = None
    ) -> Any:
        return self._request("POST", path, payload, timeout)

    def _get(self, path: str) -> Any:
        return self._request("GET", path, None, None)

    # -- acting as Telegram users ------------------------------------------------------------------
    def send_text(
        self,
        chat: int | dict[str, Any],
        user: int | dict[str, Any] | None,
        text: str,
        reply_to: int | None = None,
        *,
        entities: list[dict[str, Any]] | None = None,
        message_thread_id: int | None = None,
    ) -> dict[str, Any]:
        """A user sends ``text``; returns the Message as delivered in the update.

        ``bot_command``/``mention``/``url``/``hashtag`` entities are computed automatically
        (``/start``, ``/start@TestNameBot``, ``@user``) unless ``entities`` is given.
        ``reply_to`` is a message_id in the same chat (e.g. a bot message).
        """
        res = self._post(
            "/client/sendMessage",
            {
                "chat": _chat(chat),
                "from": _user(user),
                "text": text,
                "reply_to_message_id": reply_to,
                "entities": entities,
                "message_thread_id": message_thread_id,
            },
        )
        return res["message"]

    def press_button(
        self,
        chat: int | dict[str, Any],
        user: int | dict[str, Any] | None,
        message_id: int,
        data: str | None = None,
        *,
        text: str | None = None,
        force: bool = False,
    ) -> dict[str, Any]:
        """A user presses an inline button of bot message ``message_id``; returns the CallbackQuery.

        Pick the button by ``data`` (its callback_data) or by ``text`` (its label). The button
        must exist in the message's current keyboard unless ``force=True``.
        """
        res = self._post(
            "/client/pressButton",
            {
                "chat_id": _chat_id(chat),
                "from": _user(user),
                "message_id": message_id,
                "data": data,
                "button_text": text,
                "force": force or None,
            },
        )
        return res["callback_query"]

    def send_document(
        self,
        chat: int | dict[str, Any],
        user: int | dict[str, Any] | None,
        content: bytes,
        file_name: str = "file.bin",
        mime_type: str = "application/octet-stream",
        caption: str | None = None,
        reply_to: int | None = None,
    ) -> dict[str, Any]:
        """A user sends a document; the bot can get_file()/download it. Returns the Message."""
        res = self._post(
            "/client/sendDocument",
            {
                "chat": _chat(chat),
                "from": _user(user),
                "content_base64": base64.b64encode(content).decode(),
                "file_name": file_name,
                "mime_type": mime_type,
                "caption": caption,
                "reply_to_message_id": reply_to,
            },
        )
        return res["message"]

    def edit_text(
        self,
        chat: int | dict[str, Any],
        user: int | dict[str, Any] | None,
        message_id: int,
        text: str,
    ) -> dict[str, Any]:
        """A user edits their own message; the bot gets an ``edited_message`` update."""
        res = self._post(
            "/client/editMessage",
            {
                "chat_id": _chat_id(chat),
                "from": _user(user),
                "message_id": message_id,
                "text": text,
            },
        )
        return res["message"]

    def send_update(self, update: dict[str, Any]) -> dict[str, Any]:
        """Queue any raw Update dict (``update_id`` is assigned when missing)."""
        return self._post("/client/sendUpdate", {"update": update})

    # -- what the bot did --------------------------------------------------------------------------
    def events(
        self,
        chat_id: int | None = None,
        since: int = 0,
        kinds: Iterable[str] | None = None,
        direction: str = "bot",
    ) -> list[dict[str, Any]]:
        """Timeline entries with ``seq`` > ``since``, oldest first.

        Bot kinds: ``message`` (sendMessage/sendDocument/...), ``edit``, ``delete``,
        ``chat_action``, ``callback_answer``. User kinds (``direction="user"``): ``message``,
        ``edit``, ``callback_query``, ``raw_update``. ``direction="all"`` returns both.
        Each entry has ``seq``, ``kind``, ``method``, ``chat_id``, ``message_id``, ``text``,
        ``message`` (snapshot) and ``params`` (the request the bot made, incl. ``reply_markup``).
        """
        return self._post(
            "/client/events",
            {
                "chat_id": chat_id,
                "since": since,
                "kinds": list(kinds) if kinds else None,
                "direction": direction,
            },
        )["events"]

    def bot_messages(self, chat_id: int | None = None, since: int = 0) -> list[dict[str, Any]]:
        """Messages the bot sent (``kind == "message"`` events) to ``chat_id`` (or anywhere)."""
        return self.events(chat_id, since=since, kinds=["message"])

    def wait_for_events(
        self,
        chat_id: int | None = None,
        count: int = 1,
        timeout: float = 10.0,
        *,
        since: int = 0,
        kinds: Iterable[str] | None = None,
        direction: str = "bot",
    ) -> list[dict[str, Any]]:
        """Wait (server-side long poll) until >= ``count`` matching events exist; return them all."""
        deadline = time.monotonic() + timeout
        kinds_list = list(kinds) if kinds else None
        while True:
            remaining = deadline - time.monotonic()
            res = self._post(
                "/client/events",
                {
                    "chat_id": chat_id,
                    "since": since,
                    "kinds": kinds_list,
                    "direction": direction,
                    "min_count": count,
                    "wait": max(min(remaining, 30.0), 0.0),
                },
                timeout=max(min(remaining, 30.0), 0.0) + self.request_timeout,
            )
            events = res["events"]
            if len(events) >= count:
                return events
            if time.monotonic() >= deadline:
                raise TimeoutError(
                    f"expected {count} {kinds_list or 'any'} event(s) in chat {chat_id} after seq {since} "
                    f"within {timeout}s, got {len(events)}: {events!r}\n"
                    f"failed Bot API calls: {self.failed_calls(since=since)!r}"
                )

    def wait_for_messages(
        self, chat_id: int | None, count: int = 1, timeout: float = 10.0, *, since: int = 0
    ) -> list[dict[str, Any]]:
        """Wait until the bot has sent >= ``count`` messages to ``chat_id`` after ``since``."""
        return self.wait_for_events(chat_id, count, timeout, since=since, kinds=["message"])

    def message(self, chat_id: int, message_id: int) -> dict[str, Any]:
        """Current state of a stored message: ``{"message", "deleted", "from_bot", "reply_markup"}``.

        ``reply_markup`` is what the bot sent (also reply keyboards, which a Message never shows).
        """
        return self._post("/client/message", {"chat_id": chat_id, "message_id": message_id})

    def chat(self, chat_id: int) -> dict[str, Any]:
        """``{"chat", "messages": [{"message", "deleted", "from_bot", "reply_markup"}, ...]}``."""
        return self._post("/client/chat", {"chat_id": chat_id})

    def last_seq(self) -> int:
        """A marker: pass it as ``since=`` to only see what happens afterwards."""
        return int(self._get("/health")["last_seq"])

    def calls(self, method: str | None = None, since: int = 0) -> list[dict[str, Any]]:
        """Recorded Bot API calls (optionally one ``method``, case-insensitive), oldest first.

        Entries: ``seq``, ``method``, ``params``, ``ok``, and on failure ``error_code``,
        ``description``, ``fault`` (injected). getUpdates is recorded when it arrives (``ok`` is
        ``None`` and ``pending`` true while it long-polls; ``aborted`` if the client hung up).
        Methods the emulator does not model are answered ``true`` and flagged ``unmodeled``.
        File downloads are recorded as ``file_download``.
        """
        return self._post("/client/calls", {"method": method, "since": since})["calls"]

    def wait_for_calls(
        self, method: str | None = None, count: int = 1, timeout: float = 10.0, *, since: int = 0
    ) -> list[dict[str, Any]]:
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            res = self._post(
                "/client/calls",
                {
                    "method": method,
                    "since": since,
                    "min_count": count,
                    "wait": max(min(remaining, 30.0), 0.0),
                },
                timeout=max(min(remaining, 30.0), 0.0) + self.request_timeout,
            )
            calls = res["calls"]
            if len(calls) >= count:
                return calls
            if time.monotonic() >= deadline:
                raise TimeoutError(
                    f"expected {count} {method or 'any'} call(s) after seq {since}, got {calls!r}"
                )

    def failed_calls(self, since: int = 0) -> list[dict[str, Any]]:
        """Calls answered with an error (injected or not); pending/aborted long polls excluded."""
        return [c for c in self.calls(since=since) if c.get("ok") is False and not c.get("aborted")]

    def file_content(self, file_id: str) -> bytes:
        """Bytes of any stored file (e.g. a document the bot sent)."""
        res = self._post("/client/file", {"file_id": file_id})
        return base64.b64decode(res["content_base64"])

    def state(self) -> dict[str, Any]:
        """Debug view: pending updates, polling waiters, allowed_updates, webhook, chats, faults."""
        return self._post("/client/state")

    def wait_until_updates_consumed(self, timeout: float = 10.0) -> None:
        """Wait until the bot has confirmed (via getUpdates offset) every queued update."""
        deadline = time.monotonic() + timeout
        while self.state()["pending_updates"]:
            if time.monotonic() >= deadline:
                raise TimeoutError(f"updates still pending after {timeout}s: {self.state()!r}")
            time.sleep(0.05)

    # -- control -----------------------------------------------------------------------------------
    def inject_fault(
        self,
        method: str,
        kind: str = "retry_after",
        count: int = 1,
        *,
        retry_after: int = 1,
        error_code: int | None = None,
        description: str | None = None,
        delay: float | None = None,
        migrate_to_chat_id: int | None = None,
    ) -> dict[str, Any]:
        """Make the next ``count`` calls of ``method`` fail (``"*"``: any method but getUpdates).

        kinds: ``retry_after``/``429`` (HTTP 429, ``parameters.retry_after``),
        ``bad_gateway``/``502`` (HTML 502 like nginx), ``server_error``/``500``,
        ``error`` or an HTTP code like ``403`` (``error_code`` + ``description``),
        ``migrate`` (400 + ``parameters.migrate_to_chat_id``), ``disconnect`` (socket closed
        without a response), ``delay`` (answer normally after ``delay`` seconds).
        """
        return self._post(
            "/client/injectFault",
            {
                "method": method,
                "kind": str(kind),
                "count": count,
                "retry_after": retry_after,
                "error_code": error_code,
                "description": description,
                "delay": delay,
                "migrate_to_chat_id": migrate_to_chat_id,
            },
        )

    def clear_faults(self) -> None:
        self._post("/client/clearFaults")

    def set_chat_member(
        self, chat_id: int, user_id: int, status: str = "member", **fields: Any
    ) -> dict[str, Any]:
        """What getChatMember/getChatAdministrators answer for this user in this chat."""
        return self._post(
            "/client/setChatMember",
            {"chat_id": chat_id, "user_id": user_id, "status": status, **fields},
        )

    def set_bot(self, **fields: Any) -> dict[str, Any]:
        """Change what getMe answers (username, first_name, can_join_groups, ...)."""
        res = self._post("/client/setBot", fields)
        self.bot_username = res["username"]
        return res

    def reset(self) -> None:
        """Forget messages, updates, calls, files, faults and bot settings (of this token)."""
        self._post("/client/reset")

    def bot_api(self, method: str, **params: Any) -> tuple[int, Any]:
        """Call the emulated Bot API directly (JSON body); returns ``(http_status, parsed_body)``."""
        self._require_started()
        resp = self._http.post(f"{self.base_url}{self.token}/{method}", json=params)
        try:
            return resp.status_code, resp.json()
        except ValueError:
            return resp.status_code, resp.text


if __name__ == "__main__":  # pragma: no cover - manual use: python -m tests.emulator.client
    with BotApiEmulator(verbose=True) as emu:
        print(
            json.dumps(
                {"base_url": emu.base_url, "base_file_url": emu.base_file_url, "token": emu.token}
            )
        )
        sys.stdout.flush()
        with contextlib.suppress(KeyboardInterrupt):
            while emu.running:
                time.sleep(1)
