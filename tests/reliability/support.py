"""Helpers for the reliability tests: a generated corpus, `kutip` processes, index states."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.auxil.processes import CLI_TIMEOUT_S, child_env, venv_tool

REPO = Path(__file__).resolve().parents[2]
INDOSUM = REPO.parent / "shared" / "eval" / "scale" / "indosum-dev.jsonl"
STATE_SCRIPT = Path(__file__).with_name("index_state.py")


def make_corpus(path: Path, n: int) -> Path:
    """A JSONL of `n` real IndoSum articles cut to one to three short chunks each.

    Texts are cut at a word boundary to 90-290 characters (chunk size 100 in the tests),
    so embedding stays cheap while articles still differ in their number of chunks.
    """
    lines = INDOSUM.read_text(encoding="utf-8").splitlines()
    if len(lines) < n:
        pytest.skip(f"{INDOSUM} has fewer than {n} articles")
    with path.open("w", encoding="utf-8") as out:
        for i, line in enumerate(lines[:n]):
            record = json.loads(line)
            cut = 90 + (i % 3) * 100
            text = record["text"][:cut].rsplit(" ", 1)[0]
            out.write(json.dumps({"id": record["id"], "title": record["title"][:40],
                                  "url": record["url"], "date": record["date"],
                                  "text": text}, ensure_ascii=False) + "\n")
    return path


def kutip_env(data_dir: Path, **extra: str) -> dict[str, str]:
    """A `kutip` process environment: nothing from the developer's KUTIP_/CHROMA_ settings."""
    return child_env(**{"KUTIP_DATA_DIR": str(data_dir), "KUTIP_CHUNK_SIZE": "100",
                        "PYTHONUNBUFFERED": "1", "PYTHONPATH": str(REPO), **extra})


@dataclass(frozen=True)
class IndexState:
    """What one store holds: records (id → hash, chunks) and every chunk id."""

    articles: dict[str, dict]
    chunk_ids: list[str]
    chunk_keys: Counter[str]

    @property
    def orphans(self) -> int:
        """Chunks whose (article_id, hash) has no matching record."""
        current = {f"{aid}\x00{rec['hash']}" for aid, rec in self.articles.items()}
        return sum(n for key, n in self.chunk_keys.items() if key not in current)

    def incomplete(self) -> list[str]:
        """Records that do not have exactly their `chunks` count of chunks with their hash."""
        return [aid for aid, rec in self.articles.items()
                if self.chunk_keys.get(f"{aid}\x00{rec['hash']}", 0) != rec["chunks"]]

    def summary(self) -> dict[str, object]:
        """The comparable part: ids with hash and chunk count, and the totals."""
        return {"articles": dict(sorted(self.articles.items())),
                "chunks": len(self.chunk_ids)}


def index_state(env: dict[str, str], cwd: Path) -> IndexState:
    """Read a store in a fresh process (see index_state.py)."""
    done = subprocess.run([sys.executable, str(STATE_SCRIPT)], env=env, cwd=cwd,
                          capture_output=True, text=True, timeout=CLI_TIMEOUT_S, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    raw = json.loads(done.stdout)
    return IndexState(raw["articles"], raw["chunk_ids"], Counter(raw["chunk_keys"]))


def assert_consistent(state: IndexState) -> None:
    """Every record complete, no orphan chunk, no duplicate chunk id."""
    assert not state.incomplete(), f"half-indexed articles listed: {state.incomplete()[:5]}"
    assert state.orphans == 0
    assert len(state.chunk_ids) == len(set(state.chunk_ids)), "duplicate chunk ids"


def index_then_kill(
    targets: list[str], env: dict[str, str], cwd: Path, *, after_commits: int,
    on_first_commit: callable | None = None,
) -> tuple[int, str]:
    """Run `kutip -v index`, SIGKILL it after its `after_commits`-th stored group.

    The indexer logs one DEBUG line per stored group ("committed N articles"); the kill
    lands while it embeds or writes the next group. Returns (returncode, stderr).
    """
    proc = subprocess.Popen([venv_tool("kutip"), "-v", "index", *targets], env=env, cwd=cwd,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            stdin=subprocess.DEVNULL)
    seen, lines = 0, []
    try:
        assert proc.stderr is not None
        for line in proc.stderr:
            lines.append(line)
            if "index.indexer: committed " in line:
                seen += 1
                if seen == 1 and on_first_commit is not None:
                    on_first_commit()
                if seen >= after_commits:
                    proc.send_signal(signal.SIGKILL)
                    break
        proc.wait(timeout=CLI_TIMEOUT_S)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    return proc.returncode, "".join(lines)
