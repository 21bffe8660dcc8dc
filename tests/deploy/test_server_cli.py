"""The real `kutip` CLI against a real Chroma server (CHROMA_HOST set): the HttpClient path."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.auxil.processes import (
    CLI_TIMEOUT_S,
    ChromaServer,
    free_port,
    kutip_command,
    run_json,
    run_kutip,
)
from tests.auxil.seed import SEED, SEED_QUESTION, SEED_QUOTE
from tests.deploy.helpers import ARTICLES, server_env

pytestmark = pytest.mark.e2e

FIXTURE_FILES = sorted(p.name for p in ARTICLES.iterdir() if p.is_file())


@dataclass(frozen=True)
class Indexed:
    """A server indexed once through the CLI, and the environment that reaches it."""

    server: ChromaServer
    env: dict[str, str]
    cwd: Path
    data_dir: Path
    report: dict


@pytest.fixture(scope="module")
def indexed(
    module_chroma_server: ChromaServer, tmp_path_factory: pytest.TempPathFactory
) -> Indexed:
    cwd = tmp_path_factory.mktemp("cli")
    data_dir = cwd / "data"
    env = server_env(module_chroma_server, data_dir)
    report = run_json(["index", "--json", str(SEED.parent), str(ARTICLES)], env, cwd)
    return Indexed(module_chroma_server, env, cwd, data_dir, report)


def test_index_writes_to_the_server_not_to_an_embedded_store(indexed: Indexed) -> None:
    assert indexed.report["failed"] == []
    assert indexed.report["added"] == 1 + len(FIXTURE_FILES)
    assert indexed.report["chunks"] > 0
    assert (indexed.server.path / "chroma.sqlite3").exists()
    # Nothing embedded under the data dir, and no write lock: the server serialises writes.
    assert not (indexed.data_dir / "chroma").exists()
    assert not (indexed.data_dir / "kutip.lock").exists()


def test_ask_answers_the_seed_question_from_the_server(indexed: Indexed) -> None:
    answer = run_json(["ask", "--json", SEED_QUESTION], indexed.env, indexed.cwd)

    assert answer["answered"] is True
    first = answer["quotes"][0]
    assert first["text"] == SEED_QUOTE
    assert first["source"] == SEED.name


def test_sources_lists_every_article_and_its_chunks(indexed: Indexed) -> None:
    sources = run_json(["sources", "--json"], indexed.env, indexed.cwd)

    assert sorted(item["article_id"] for item in sources["items"]) == sorted(
        [SEED.name, *FIXTURE_FILES]
    )
    assert sum(item["chunks"] for item in sources["items"]) == sources["chunks"]
    assert sources["chunks"] == indexed.report["chunks"]


def test_unreachable_server_is_one_clear_error_line(tmp_path: Path) -> None:
    port = free_port()  # nothing listens there
    server = ChromaServer(path=tmp_path / "none", port=port, log=tmp_path / "none.log")

    done = run_kutip(["index", str(SEED.parent)], server_env(server, tmp_path / "data"), tmp_path)

    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    last = done.stderr.strip().splitlines()[-1]
    assert last.startswith("kutip: error: cannot reach the Chroma server at 127.0.0.1:")
    assert str(port) in last


def test_two_cli_index_runs_at_once_both_succeed(
    chroma_server: ChromaServer, tmp_path: Path
) -> None:
    # Each run indexes the seed (the same article, concurrently) plus its own articles.
    first, second = tmp_path / "first", tmp_path / "second"
    for folder, names in ((first, FIXTURE_FILES[:2]), (second, FIXTURE_FILES[2:])):
        folder.mkdir()
        for name in names:
            shutil.copy(ARTICLES / name, folder / name)
    env = server_env(chroma_server, tmp_path / "data")

    procs = [
        subprocess.Popen(
            kutip_command("index", "--json", str(SEED.parent), str(folder)), env=env,
            cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            stdin=subprocess.DEVNULL,
        )
        for folder in (first, second)
    ]
    results = [proc.communicate(timeout=CLI_TIMEOUT_S) for proc in procs]

    for proc, (_, stderr) in zip(procs, results, strict=True):
        assert proc.returncode == 0, stderr
        assert "in use by" not in stderr and "lock" not in stderr.lower()
    sources = run_json(["sources", "--json"], env, tmp_path)
    assert sorted(item["article_id"] for item in sources["items"]) == sorted(
        [SEED.name, *FIXTURE_FILES]
    )
    assert sum(item["chunks"] for item in sources["items"]) == sources["chunks"]
