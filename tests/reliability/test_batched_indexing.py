"""The indexer embeds full batches across articles and stores them in groups, and that
changes nothing about what ends up stored.

A fake embedder (a fixed vector per text) makes vectors comparable across batchings,
so a vector landing on the wrong chunk would show.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import numpy as np
import pytest

from index.embed import KutipEmbeddings
from index.indexer import CHUNK_CALL_BATCHES, COMMIT_BATCHES, STATEMENT_BATCH_FACTOR, Progress
from index.loaders import Loader
from index.store import ChromaStore
from kutip.app import Services, build_services
from kutip.settings import Settings
from tests.reliability.support import make_corpus


class RecordingEmbedder(KutipEmbeddings):
    """A vector per text from its hash; records the size of every batch it is given."""

    model_id = "test:hash-embedder"

    def __init__(self) -> None:
        self.batches: list[int] = []

    def _vectors(self, texts: list[str]) -> np.ndarray:
        rows = []
        for text in texts:
            seed = int.from_bytes(hashlib.sha256(text.encode()).digest()[:8], "little")
            rows.append(np.random.default_rng(seed).standard_normal(16))
        vectors = np.asarray(rows, dtype=np.float32).reshape(len(texts), 16)
        return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)

    def encode_passages(self, texts: list[str]) -> np.ndarray:
        self.batches.append(len(texts))
        return self._vectors(texts)

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        return self._vectors(texts)


def _services(root: Path, *, batch: int) -> tuple[Services, RecordingEmbedder]:
    embedder = RecordingEmbedder()
    settings = Settings(_env_file=None, data_dir=root, chunk_size=100, embed_batch_size=batch)
    return build_services(settings, embedder=embedder), embedder


def _stored(store: ChromaStore) -> dict[str, object]:
    """Everything stored, vectors included (rounded), keyed by chunk and article id.

    Write times (`written_at`, `indexed_at`) differ between runs and are left out.
    """
    chunks, articles = store._open()
    got = chunks.get(include=["embeddings", "metadatas", "documents"])
    rows = {cid: ({k: v for k, v in meta.items() if k != "written_at"}, doc,
                  np.round(vec, 5).tolist()) for cid, meta, doc, vec in
            zip(got["ids"], got["metadatas"], got["documents"], got["embeddings"], strict=True)}
    got = articles.get(include=["embeddings", "metadatas"])
    records = {aid: ({k: v for k, v in meta.items() if k != "indexed_at"},
                     np.round(vec, 5).tolist())
               for aid, meta, vec in zip(got["ids"], got["metadatas"], got["embeddings"],
                                         strict=True)}
    return {"chunks": rows, "articles": records}


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return make_corpus(tmp_path / "articles.jsonl", 30)


def _full_batches(total: int, size: int) -> list[int]:
    return [size] * (total // size) + ([total % size] if total % size else [])


def test_batches_are_full_and_the_store_is_the_same_as_article_by_article(
    tmp_path: Path, corpus: Path
) -> None:
    batched, embedder = _services(tmp_path / "batched", batch=16)
    report = batched.indexer.run([str(corpus)])
    assert report.ok and report.added == 30
    # chunks go in full calls of several batches of 16; statements in calls of their own
    # (at most 4 batches), a partial one only where a commit group would otherwise wait for it
    rest = list(embedder.batches)
    for size in _full_batches(report.embedded_chunks, 16 * CHUNK_CALL_BATCHES):
        rest.remove(size)
    assert sum(rest) == report.embedded_statements
    assert all(0 < size <= 16 * STATEMENT_BATCH_FACTOR for size in rest)

    one_by_one, _ = _services(tmp_path / "one", batch=1)
    for item in Loader().load(str(corpus)):  # one article per call: no grouping possible
        one_by_one.indexer.add_loaded([item])
    assert _stored(batched.store) == _stored(one_by_one.store)


def test_articles_are_stored_group_by_group_though_statements_are_few(
    tmp_path: Path, corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A statement batch is 64 texts: where statements are rare, waiting for a full one held
    every article back to the end of the run (one commit, nothing kept by a crash)."""
    lines = corpus.read_text(encoding="utf-8").splitlines()
    first = json.loads(lines[0])
    first["text"] = "“Kami akan memeriksa semua laporan itu,” kata Budi Santoso. " + first["text"]
    corpus.write_text("\n".join([json.dumps(first, ensure_ascii=False), *lines[1:]]) + "\n",
                      encoding="utf-8")
    services, _ = _services(tmp_path / "data", batch=4)
    real = ChromaStore.upsert_articles
    groups: list[int] = []

    def recording(self: ChromaStore, items: list, **kwargs: object) -> None:
        groups.append(len(items))
        real(self, items, **kwargs)

    monkeypatch.setattr(ChromaStore, "upsert_articles", recording)
    report = services.indexer.run([str(corpus)])
    assert report.ok and report.added == 30
    assert 0 < report.embedded_statements < 4 * STATEMENT_BATCH_FACTOR  # under one batch
    assert len(groups) > 1 and sum(groups) == 30


def test_changed_and_new_articles_in_one_group_leave_no_stale_chunks(
    tmp_path: Path, corpus: Path
) -> None:
    services, _ = _services(tmp_path / "data", batch=16)
    services.indexer.run([str(corpus)])
    records = [json.loads(line) for line in corpus.read_text().splitlines()]
    for record in records[::3]:
        record["text"] += " Kalimat tambahan yang mengubah isi berita ini."
    records.append({"id": "baru", "title": "Baru", "text": "Artikel yang sama sekali baru."})
    corpus.write_text("".join(json.dumps(r) + "\n" for r in records))

    report = services.indexer.run([str(corpus)])
    assert (report.added, report.updated, report.unchanged) == (1, 10, 20)
    current = {r.article_id: r for r in services.store.articles()}
    rows = services.store.chunk_rows()
    assert all(row.content_hash == current[row.article_id].content_hash for row in rows)
    assert len(rows) == sum(r.chunks for r in current.values()) == len({r.chunk_id for r in rows})


def test_the_same_id_twice_in_one_upload_keeps_the_last(tmp_path: Path) -> None:
    services, _ = _services(tmp_path / "data", batch=16)
    lines = [{"id": "x", "title": "Satu", "text": "Versi pertama dari berita yang sama."},
             {"id": "y", "title": "Dua", "text": "Berita lain yang berdiri sendiri."},
             {"id": "x", "title": "Satu", "text": "Versi kedua dari berita yang sama ini."}]
    data = "\n".join(json.dumps(r) for r in lines).encode()
    report = services.indexer.add_loaded(services.loader.load_bytes(data, "upload.jsonl"))
    assert report.ok
    [record] = [r for r in services.store.articles(with_text=True) if r.article_id == "x"]
    assert record.text == lines[2]["text"]
    rows = [r for r in services.store.chunk_rows() if r.article_id == "x"]
    assert len(rows) == record.chunks and {r.content_hash for r in rows} == {record.content_hash}


def test_progress_only_moves_forward_and_ends_at_the_total(tmp_path: Path, corpus: Path) -> None:
    services, _ = _services(tmp_path / "data", batch=4)
    seen: list[Progress] = []
    services.indexer.run([str(corpus)], progress=seen.append)
    indexing = [p.done for p in seen if p.phase == "indexing"]
    assert indexing == sorted(indexing) and indexing[-1] == 30
    assert all(p.total == 30 for p in seen if p.phase == "indexing")


def test_a_store_failure_mid_run_leaves_only_complete_articles(
    tmp_path: Path, corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    services, _ = _services(tmp_path / "data", batch=4)
    real = ChromaStore.upsert_articles
    calls = {"n": 0}

    def failing(self: ChromaStore, items: list, **kwargs: object) -> None:
        calls["n"] += 1
        if calls["n"] == 2:
            raise OSError("disk full")
        real(self, items, **kwargs)

    monkeypatch.setattr(ChromaStore, "upsert_articles", failing)
    with pytest.raises(OSError):
        services.indexer.run([str(corpus)])
    first = services.store.articles()
    assert 0 < len(first) < 30
    assert sum(r.chunks for r in first) >= COMMIT_BATCHES * 4
    monkeypatch.setattr(ChromaStore, "upsert_articles", real)
    report = services.indexer.run([str(corpus)])
    assert (report.unchanged, report.added) == (len(first), 30 - len(first))
