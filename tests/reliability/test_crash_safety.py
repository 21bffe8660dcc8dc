"""`kill -9` the indexer in the middle of a batch, then run it again.

In embedded and server mode, the rerun must end identical to a clean build (same
article ids and hashes, same chunk count per article and in all, no duplicate chunk
ids, no orphan chunks), and `kutip sources` must never list a half-indexed article:
each listed article has exactly its `chunks` count of chunks with its content hash.

Two ways of killing: from outside, with SIGKILL, after the indexer logged its k-th
stored group (it is then embedding or writing the next one), and from inside, at an
exact point of a store write (tests/reliability/crash_at.py). Each process here embeds and
stores a corpus, so only one crash case runs by default (kill -9 mid-batch, embedded, 40
articles); the server mode, the kills at exact store points and the 500-article runs are
`slow` (`make test-slow`).
"""

from __future__ import annotations

import contextlib
import json
import signal
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from index.lock import WriteLock
from tests.auxil.processes import ChromaServer, run_json
from tests.reliability.support import (
    IndexState,
    assert_consistent,
    index_state,
    index_then_kill,
    kutip_env,
    make_corpus,
)

CRASH_AT = Path(__file__).with_name("crash_at.py")
EnvFor = Callable[..., dict[str, str]]
SMALL_N = 40
# Small runs embed 4 chunks a batch, so they store a group every 16 chunks (several groups).
SMALL = {"KUTIP_EMBED_BATCH": "4"}


@pytest.fixture(scope="module")
def clean_builds(tmp_path_factory: pytest.TempPathFactory) -> Callable[[Path], IndexState]:
    """The state of a clean embedded build of a corpus file, built once per file content."""
    built: dict[str, IndexState] = {}
    root = tmp_path_factory.mktemp("clean")

    def get(corpus: Path) -> IndexState:
        key = corpus.read_text(encoding="utf-8")
        if key not in built:
            data = root / f"clean-{len(built)}"
            env = kutip_env(data)
            report = run_json(["index", "--json", str(corpus)], env, root)
            assert not report["failed"], report["failed"]
            built[key] = index_state(env, root)
            assert_consistent(built[key])
        return built[key]

    return get


@contextlib.contextmanager
def _store_env(mode: str, tmp_path: Path) -> Iterator[EnvFor]:
    """Environment for an index called `name`: its own data dir, or its own collection
    on a `chroma run` server started (and killed) here."""
    if mode == "embedded":
        yield lambda name, **extra: kutip_env(tmp_path / name, **extra)
        return
    server = ChromaServer(path=tmp_path / "chroma-server")
    server.start()
    try:
        yield lambda name, **extra: kutip_env(
            tmp_path / name, CHROMA_HOST="127.0.0.1", CHROMA_PORT=str(server.port),
            KUTIP_COLLECTION=name, **extra)
    finally:
        server.stop()


@pytest.fixture(params=["embedded", pytest.param("server", marks=pytest.mark.slow)])
def env_for(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[EnvFor]:
    with _store_env(request.param, tmp_path) as env_for:
        yield env_for


def _sources(env: dict[str, str], cwd: Path) -> dict[str, int]:
    listed = run_json(["sources", "--json"], env, cwd)
    assert listed["articles"] == len(listed["items"])
    return {item["article_id"]: item["chunks"] for item in listed["items"]}


def _check_sources_after_crash(env: dict[str, str], cwd: Path, n: int) -> dict[str, int]:
    """`kutip sources` lists only complete articles, and some but not all of them."""
    listed = _sources(env, cwd)
    state = index_state(env, cwd)
    assert 0 < len(listed) < n, f"{len(listed)} of {n} listed: the kill missed the batch"
    assert set(listed) == set(state.articles)
    for article_id, chunks in listed.items():
        key = f"{article_id}\x00{state.articles[article_id]['hash']}"
        assert state.chunk_keys.get(key, 0) == chunks, f"{article_id} listed but half-indexed"
    return listed


def _rerun_matches_clean(env: dict[str, str], cwd: Path, corpus: Path, clean: IndexState,
                         *, already: int) -> None:
    if "CHROMA_HOST" not in env:
        data_dir = Path(env["KUTIP_DATA_DIR"])
        holder = json.loads((data_dir / "kutip.lock.json").read_text())  # left by the killed one
        assert not Path(f"/proc/{holder['pid']}").exists()
        lock = WriteLock(data_dir, holder="reliability test")  # but its flock died with it
        lock.acquire()
        lock.release()
    report = run_json(["index", "--json", str(corpus)], env, cwd)
    assert not report["failed"], report["failed"]
    assert report["unchanged"] == already
    assert report["added"] + report["updated"] + report["unchanged"] == len(clean.articles)
    state = index_state(env, cwd)
    assert_consistent(state)
    assert state.summary() == clean.summary()
    assert _sources(env, cwd) == {aid: rec["chunks"] for aid, rec in clean.articles.items()}


def _kill_9_mid_batch(tmp_path: Path, env: dict[str, str], clean_builds, *, n: int,
                      after_commits: int) -> None:
    corpus = make_corpus(tmp_path / f"articles-{n}.jsonl", n)
    clean = clean_builds(corpus)
    during: list[subprocess.CompletedProcess] = []
    readers: list[threading.Thread] = []

    def read_while_writing() -> None:  # records are read first, then chunks
        cmd = [sys.executable, str(Path(__file__).with_name("index_state.py"))]
        thread = threading.Thread(target=lambda: during.append(subprocess.run(
            cmd, env=env, cwd=tmp_path, capture_output=True, text=True, timeout=300,
            check=False)))
        thread.start()
        readers.append(thread)

    code, log = index_then_kill([str(corpus)], env, tmp_path, after_commits=after_commits,
                                on_first_commit=read_while_writing)
    for thread in readers:
        thread.join(timeout=300)
    assert code == -signal.SIGKILL, f"the indexer was not killed mid-batch:\n{log[-3000:]}"
    assert during and during[0].returncode == 0, during and during[0].stderr[-2000:]
    seen = json.loads(during[0].stdout)
    seen_state = IndexState(seen["articles"], seen["chunk_ids"], seen["chunk_keys"])
    assert not seen_state.incomplete(), "a reader saw a half-indexed article as complete"

    listed = _check_sources_after_crash(env, tmp_path, n)
    _rerun_matches_clean(env, tmp_path, corpus, clean, already=len(listed))


def test_kill_9_mid_batch_small(tmp_path: Path, env_for: EnvFor, clean_builds) -> None:
    _kill_9_mid_batch(tmp_path, env_for("crashed", **SMALL), clean_builds, n=SMALL_N,
                      after_commits=2)


@pytest.mark.slow
def test_kill_9_mid_500_article_batch(tmp_path: Path, env_for: EnvFor, clean_builds) -> None:
    _kill_9_mid_batch(tmp_path, env_for("crashed"), clean_builds, n=500, after_commits=6)


def _crash_at(point: str, group: int, args: list[str], env: dict[str, str],
              cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(CRASH_AT), point, str(group), *args], env=env,
                          cwd=cwd, capture_output=True, text=True, timeout=600, check=False)


@pytest.mark.slow
def test_kill_9_between_chunks_and_their_records(
    tmp_path: Path, env_for: EnvFor, clean_builds
) -> None:
    corpus = make_corpus(tmp_path / "articles.jsonl", SMALL_N)
    clean = clean_builds(corpus)
    env = env_for("crashed", **SMALL)
    done = _crash_at("before-records", 2, ["index", str(corpus)], env, tmp_path)
    assert done.returncode == -signal.SIGKILL, done.stderr[-3000:]
    state = index_state(env, tmp_path)
    assert state.orphans > 0, "the second group's chunks were written before the kill"
    listed = _check_sources_after_crash(env, tmp_path, SMALL_N)
    _rerun_matches_clean(env, tmp_path, corpus, clean, already=len(listed))


@pytest.mark.slow
@pytest.mark.parametrize("mode", ["embedded", "server"])
def test_kill_9_before_old_chunks_of_updated_articles_are_deleted(
    tmp_path: Path, mode: str, clean_builds
) -> None:
    with _store_env(mode, tmp_path) as env_for:
        _updated_articles_crash(tmp_path, env_for("crashed", **SMALL), clean_builds)


def _updated_articles_crash(tmp_path: Path, env: dict[str, str], clean_builds) -> None:
    corpus = make_corpus(tmp_path / "articles.jsonl", 24)
    run_json(["index", "--json", str(corpus)], env, tmp_path)
    records = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines()]
    for record in records:  # every article changes: each is stored again, old chunks go
        record["text"] += " Pembaruan: berita ini diperbarui."
    corpus.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                      encoding="utf-8")
    clean = clean_builds(corpus)

    done = _crash_at("before-stale-delete", 1, ["index", str(corpus)], env, tmp_path)
    assert done.returncode == -signal.SIGKILL, done.stderr[-3000:]
    state = index_state(env, tmp_path)
    assert state.orphans > 0, "the first group's old chunks were still there at the kill"
    assert not state.incomplete()
    new_hashes = {aid: rec["hash"] for aid, rec in clean.articles.items()}
    updated = [aid for aid, rec in state.articles.items() if rec["hash"] == new_hashes[aid]]
    assert 0 < len(updated) < len(records)
    assert len(_sources(env, tmp_path)) == len(records)

    report = run_json(["index", "--json", str(corpus)], env, tmp_path)
    assert (report["unchanged"], report["updated"]) == (len(updated), len(records) - len(updated))
    final = index_state(env, tmp_path)
    assert_consistent(final)
    assert final.summary() == clean.summary()
