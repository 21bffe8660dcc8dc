"""Quiet by default, failures once, progress a pipe can read (#13.15)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from index.indexer import CHUNK_CALL_BATCHES
from kutip.app import Services
from tests.auxil.seed import FIXTURES, SEED, SEED_QUESTION
from tests.test_cli import kutip

TEXT = "Harga beras di pasar induk naik lima persen menjelang Lebaran, kata pedagang."


def test_ask_prints_nothing_on_stderr_without_v(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert kutip("index", str(SEED), data=data).returncode == 0
    first = kutip("ask", SEED_QUESTION, data=data)  # builds the lexical index (bm25s)
    assert first.returncode == 0 and "Ushakov" in first.stdout
    assert first.stderr == ""
    verbose = kutip("-v", "ask", SEED_QUESTION, data=data)
    assert "DEBUG" in verbose.stderr or "INFO" in verbose.stderr


def test_a_failing_input_is_reported_once(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(FIXTURES / "articles" / "harga-beras.txt", folder / "beras.txt")
    (folder / "bad.txt").write_bytes(b"\x00\x01 not text")
    result = kutip("index", str(folder), data=tmp_path / "data")
    assert result.returncode == 1
    output = result.stdout + result.stderr
    assert output.count("bad.txt") == 1, output
    assert "failed: bad.txt: binary file, not text" in result.stderr
    assert "added 1, updated 0, unchanged 0, removed 0, failed 1; 1 chunk embedded" in result.stdout
    listed = kutip("sources", data=tmp_path / "data").stdout
    assert listed.startswith("1 article, 1 chunk,") and "(1 chunk)" in listed


def test_progress_without_a_terminal_is_one_plain_line_per_50_articles(tmp_path: Path) -> None:
    corpus = tmp_path / "many.jsonl"
    text = TEXT
    corpus.write_text("".join(
        json.dumps({"id": f"r{n}", "title": f"Berita {n}", "text": f"{text} Nomor {n}."}) + "\n"
        for n in range(120)))
    result = kutip("index", str(corpus), data=tmp_path / "data")
    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    assert lines and all(re.fullmatch(r"indexing: \d+/120 articles", line) for line in lines)
    done = [int(line.split()[1].split("/")[0]) for line in lines]
    assert done[-1] == 120 and done == sorted(set(done))
    steps = [b - a for a, b in zip([0, *done], done, strict=False)]
    assert all(step >= 50 for step in steps[:-1]), steps  # the last line ends the run
    assert len(lines) <= 3
    assert "\r" not in result.stderr and "it/s" not in result.stderr


def test_indexing_progress_moves_with_every_embedding_call(
    services: Services, tmp_path: Path
) -> None:
    corpus = tmp_path / "many.jsonl"
    text = TEXT
    corpus.write_text("".join(
        json.dumps({"id": f"r{n}", "text": f"{text} Nomor {n}."}) + "\n" for n in range(60)))
    services.indexer.batch_size = 4
    seen: list[int] = []
    services.indexer.run([str(corpus)],
                         progress=lambda p: seen.append(p.done) if p.phase == "indexing" else None)
    steps = [b - a for a, b in zip([0, *seen], seen, strict=False)]
    # one-chunk articles, 4 chunks a batch, CHUNK_CALL_BATCHES batches an embedding call
    call = 4 * CHUNK_CALL_BATCHES
    assert seen[-1] == 60 and max(steps) <= call, steps
    assert sum(1 for step in steps if step) >= 60 // call, steps  # not all at the end

