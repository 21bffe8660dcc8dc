"""Chroma-backed storage of chunks (with vectors) and of whole articles.

Two collections per index: `<name>-chunks` holds each chunk's vector, text and
offsets; `<name>-articles` holds each article's full text and metadata (the
durable copy quotes are verified against and shown with context). An article
record is written *after* its chunks, so it doubles as the commit marker: chunks
whose (article_id, content_hash) has no matching record are leftovers of an
interrupted run and are ignored by search and removed by the next index run.

Raw Chroma result dicts stay inside this module; callers get named types.
"""

from __future__ import annotations

import functools
import logging
import sys
import time
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar

import numpy as np

from index._article import Article
from index.chunk import Chunk
from index.statements import (
    StatementLike,
    StatementRow,
    is_part,
    statement_payload,
    statement_row,
)
from kutip.errors import ModelMismatch, StoreError, StoreUnavailable

if TYPE_CHECKING:
    from pathlib import Path

    from chromadb.api import ClientAPI


__all__ = ["ArticleItem", "ArticleRecord", "ChromaStore", "ChunkRow",
           "StatementItems", "StatementRefresh", "http_client", "persistent_client"]

logger = logging.getLogger(__name__)

SCHEMA_VERSION = 1
_BATCH = 1000  # well under Chroma's max batch size
# chromadb's HttpClient sends without any timeout (1.5.9: `httpx.Client(timeout=None)`), so a
# hung server would hang every caller. Connect fails fast; a stalled request gives up after 30 s.
_HTTP_TIMEOUT_S = 30.0
_HTTP_CONNECT_TIMEOUT_S = 5.0
P = ParamSpec("P")
R = TypeVar("R")


@dataclass(frozen=True)
class ArticleRecord:
    """An indexed article as stored (text may be empty when not requested)."""

    article_id: str
    title: str
    source: str
    url: str
    date: str
    content_hash: str
    chunks: int
    indexed_at: float
    text: str = ""
    statements: int | None = None
    """How many statement records were stored with it (statements and their sentence parts);
    None: indexed before statements existed."""
    origin: str = ""
    """Where it was read from (`Article.origin`); empty when indexed before kutip recorded it."""
    extractor: str = ""
    """The version of the statement extractor that found its statements; empty when indexed
    before kutip recorded it."""


@dataclass(frozen=True)
class ChunkRow:
    """One stored chunk (for building in-memory lexical indexes)."""

    chunk_id: str
    article_id: str
    content_hash: str
    start: int
    end: int
    text: str


ArticleItem = tuple[Article, Sequence[Chunk], np.ndarray]
"""(article, its chunks, their vectors: shape (len(chunks), dim)): one article to store."""

StatementItems = Mapping[str, tuple[Sequence[StatementLike], np.ndarray]]
"""Article id → (its statements, their vectors: shape (len(statements), dim))."""

StatementRefresh = tuple[ArticleRecord, Sequence[StatementLike], np.ndarray]
"""(a stored record with its text, its statements found anew, their vectors)."""


def _chunk_fields(chunk_id: str, meta: Mapping[str, Any], doc: str | None) -> dict[str, Any]:
    """The `ChunkRow` fields of a stored chunk (an article's chunks share its id and hash
    strings)."""
    return {"chunk_id": chunk_id, "article_id": sys.intern(str(meta["article_id"])),
            "content_hash": sys.intern(str(meta["hash"])), "start": int(meta["start"]),
            "end": int(meta["end"]), "text": doc or ""}


def _chunk_payload(
    items: Sequence[ArticleItem], written_at: float
) -> tuple[list[str], list[str], list[dict[str, Any]]]:
    """(ids, documents, metadatas) of every chunk of `items`, in order."""
    ids: list[str] = []
    docs: list[str] = []
    metas: list[dict[str, Any]] = []
    for article, chunks, _ in items:
        ids.extend(f"{article.article_id}::{article.content_hash}::{c.index}" for c in chunks)
        docs.extend(c.text for c in chunks)
        metas.extend(
            {"article_id": article.article_id, "hash": article.content_hash,
             "start": c.start, "end": c.end, "idx": c.index, "written_at": written_at}
            for c in chunks
        )
    return ids, docs, metas


def _centroid(vectors: np.ndarray) -> np.ndarray:
    """The article's vector: the normalised mean of its chunks' vectors."""
    centroid = vectors.mean(axis=0)
    return centroid / max(float(np.linalg.norm(centroid)), 1e-12)


def _record_metadata(article: Article, chunks: int, indexed_at: float) -> dict[str, Any]:
    return {"title": article.title, "source": article.source, "url": article.url,
            "date": article.date, "hash": article.content_hash, "chunks": chunks,
            "indexed_at": indexed_at, "origin": article.origin or article.article_id}


def _is_connection_error(exc: BaseException) -> bool:
    import httpx

    if isinstance(exc, (httpx.TransportError, ConnectionError, TimeoutError)):
        return True
    text = f"{type(exc).__name__}: {exc}".lower()
    return any(s in text for s in ("connect", "could not connect", "connection refused",
                                   "timed out", "unavailable", "server disconnected"))


def _translate_errors(func: Callable[P, R]) -> Callable[P, R]:
    """Map Chroma/transport failures to kutip's `StoreUnavailable`/`StoreError`."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return func(*args, **kwargs)
        except (ModelMismatch, StoreError):
            raise
        except Exception as exc:
            if _is_connection_error(exc):
                raise StoreUnavailable(f"the Chroma server is unreachable ({exc})") from exc
            raise

    return wrapper


def _set_http_timeout(client: ClientAPI) -> None:
    """Give the HttpClient's httpx session a timeout (chromadb offers no setting for it)."""
    import httpx

    session = getattr(getattr(client, "_server", None), "_session", None)
    if not isinstance(session, httpx.Client):
        logger.warning("could not set a timeout on the Chroma client; a hung server may block")
        return
    session.timeout = httpx.Timeout(_HTTP_TIMEOUT_S, connect=_HTTP_CONNECT_TIMEOUT_S)


def http_client(host: str, port: int, *, ssl: bool = False,
                auth_token: str | None = None) -> ClientAPI:
    """A Chroma `HttpClient` with a request timeout; `StoreUnavailable` when unreachable."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    headers = {"Authorization": f"Bearer {auth_token}"} if auth_token is not None else None
    try:
        client = chromadb.HttpClient(host=host, port=port, ssl=ssl, headers=headers,
                                     settings=ChromaSettings(anonymized_telemetry=False))
    except Exception as exc:
        if _is_connection_error(exc):
            raise StoreUnavailable(
                f"cannot reach the Chroma server at {host}:{port} ({exc})"
            ) from exc
        raise
    _set_http_timeout(client)
    return client


def persistent_client(path: Path) -> ClientAPI:
    """An embedded Chroma `PersistentClient` under `path` (created if missing)."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    path.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(
        path=str(path), settings=ChromaSettings(anonymized_telemetry=False)
    )


def _meta_str(value: object) -> str:
    return "" if value is None else str(value)


def _record(article_id: str, meta: dict[str, Any], text: str | None) -> ArticleRecord:
    return ArticleRecord(
        article_id=article_id,
        title=_meta_str(meta.get("title")),
        source=_meta_str(meta.get("source")),
        url=_meta_str(meta.get("url")),
        date=_meta_str(meta.get("date")),
        content_hash=_meta_str(meta.get("hash")),
        chunks=int(meta.get("chunks") or 0),
        indexed_at=float(meta.get("indexed_at") or 0.0),
        text=text or "",
        statements=None if meta.get("statements") is None else int(meta["statements"]),
        origin=_meta_str(meta.get("origin")),
        extractor=_meta_str(meta.get("extractor")),
    )


def _all_records(article_col: Any, *, with_text: bool) -> list[ArticleRecord]:
    """Every record of an articles collection, read in pages."""
    include = ["metadatas", "documents"] if with_text else ["metadatas"]
    records: list[ArticleRecord] = []
    for lo in range(0, article_col.count(), 5000):
        got = article_col.get(include=include, limit=5000, offset=lo)
        docs = got.get("documents") or [None] * len(got["ids"])
        for aid, meta, doc in zip(got["ids"], got["metadatas"] or [], docs, strict=False):
            records.append(_record(aid, meta or {}, doc))
    return records


def _upsert_batches(
    col: Any, ids: list[str], vectors: np.ndarray, docs: list[str], metas: list[dict[str, Any]]
) -> None:
    for lo in range(0, len(ids), _BATCH):
        hi = lo + _BATCH
        col.upsert(ids=ids[lo:hi], embeddings=vectors[lo:hi], documents=docs[lo:hi],
                   metadatas=metas[lo:hi])


def _vectors(col: Any, ids: Sequence[str]) -> dict[str, np.ndarray]:
    got = col.get(ids=list(ids), include=["embeddings"])
    return {rid: np.asarray(vec, dtype=np.float32)
            for rid, vec in zip(got["ids"], got["embeddings"], strict=False)}


class ChromaStore:
    """The article index in Chroma; one instance per process is enough and thread-safe."""

    def __init__(
        self, *, client: ClientAPI, name: str, model_id: str, orphan_grace_s: float = 0.0
    ) -> None:
        """`orphan_grace_s`: chunks younger than this are never treated as orphans. With a
        Chroma server several processes write at once, and a fresh chunk without a record
        may belong to a run still in progress elsewhere; embedded mode has one writer."""
        self._client = client
        self.name = name
        self.model_id = model_id
        self.orphan_grace_s = orphan_grace_s
        self._chunks: Any = None
        self._articles: Any = None
        self._statements: Any = None

    # ---- collections ---------------------------------------------------------

    @_translate_errors
    def _open(self) -> tuple[Any, Any]:
        if self._chunks is None:
            meta = self._collection_meta()
            chunks = self._client.get_or_create_collection(
                f"{self.name}-chunks",
                metadata=meta,
                configuration={"hnsw": {"space": "cosine"}},
                embedding_function=None,
            )
            stored = (chunks.metadata or {}).get("kutip_model")
            if stored and stored != self.model_id:
                raise ModelMismatch(stored=stored, configured=self.model_id)
            articles = self._client.get_or_create_collection(
                f"{self.name}-articles",
                metadata=meta,
                configuration={"hnsw": {"space": "cosine"}},
                embedding_function=None,
            )
            self._statements = self._client.get_or_create_collection(
                f"{self.name}-statements",
                metadata=meta,
                configuration={"hnsw": {"space": "cosine"}},
                embedding_function=None,
            )
            self._chunks, self._articles = chunks, articles
            if "kutip_generation" not in (chunks.metadata or {}):
                self._bump_generation()  # a new index, or one written before generations
        return self._chunks, self._articles

    def check(self) -> None:
        """Open the collections now: raises `ModelMismatch` or `StoreUnavailable` early."""
        self._open()

    @_translate_errors
    def reset(self) -> None:
        """Drop the collections (for `--rebuild`); the next call recreates them."""
        for suffix in ("chunks", "articles", "statements"):
            try:
                self._client.delete_collection(f"{self.name}-{suffix}")
            except Exception as exc:  # missing collection is fine
                if _is_connection_error(exc):
                    raise
        self._chunks = self._articles = self._statements = None

    def _collection_meta(self, **extra: str) -> dict[str, Any]:
        return {"kutip_model": self.model_id, "kutip_schema": SCHEMA_VERSION, **extra}

    def _bump_generation(self) -> None:
        """Mark the index as changed: readers compare `version()` to know when the content
        changed even if the counts did not (an article re-indexed with as many chunks).
        Chroma replaces a collection's whole metadata, so the model and schema go again."""
        chunk_col, _ = self._open()
        chunk_col.modify(metadata=self._collection_meta(kutip_generation=uuid.uuid4().hex))

    # ---- writes ----------------------------------------------------------------

    @_translate_errors
    def upsert_articles(self, items: Sequence[ArticleItem], *,
                        statements: StatementItems | None = None, extractor: str = "") -> None:
        """Store several articles with a few store calls instead of three each.

        All the chunks (and statements) go first, then all the records (each the commit
        marker of its chunks and statements), then the chunks and statements left over
        from earlier versions of these articles.

        Args:
            items: (article, its chunks, their vectors: shape (len(chunks), dim)) triples;
                article ids must be distinct.
            statements: the articles' statements and their vectors; None when the indexer
                extracts none (the records then say so: `ArticleRecord.statements` None).
            extractor: the version of the extractor that found `statements`, recorded with
                each article (`ArticleRecord.extractor`).
        """
        if not items:
            return
        chunk_col, article_col = self._open()
        written_at = time.time()
        ids, docs, metas = _chunk_payload(items, written_at=written_at)
        _upsert_batches(chunk_col, ids, np.vstack([v for _, _, v in items]), docs, metas)
        if statements is not None:
            self._write_statements([a for a, _, _ in items], statements, written_at)
        self._write_records(article_col, items, statements, extractor)
        for col in (chunk_col, self._statements):
            self._delete_superseded(col, items)
        self._bump_generation()

    def _write_statements(self, articles: Sequence[Article | ArticleRecord],
                          statements: StatementItems, written_at: float) -> list[str]:
        """Upsert the articles' statements (and sentence parts); returns their record ids."""
        ids: list[str] = []
        docs: list[str] = []
        metas: list[dict[str, Any]] = []
        vectors: list[np.ndarray] = []
        for article in articles:
            found, vecs = statements.get(article.article_id, ((), None))
            if not found:
                continue
            part = statement_payload(article.article_id, article.content_hash, article.text,
                                     found, written_at=written_at)
            ids.extend(part[0])
            docs.extend(part[1])
            metas.extend(part[2])
            vectors.append(np.asarray(vecs))
        if ids:
            _upsert_batches(self._statements, ids, np.vstack(vectors), docs, metas)
        return ids

    @_translate_errors
    def refresh_statements(self, items: Sequence[StatementRefresh], *, extractor: str) -> None:
        """Replace the statements of stored, unchanged articles (`items`: each record with
        its statements found anew and their vectors); chunks and texts stay as they are.

        The new statements go first, then those of the same article version they do not
        replace, then the records' statement counts and `extractor` (the commit marker):
        a crash before that leaves the record on its old extractor version, so the next
        run finds them anew once more and clears what this one left."""
        if not items:
            return
        _, article_col = self._open()
        written = set(self._write_statements(
            [record for record, _, _ in items],
            {r.article_id: (found, vecs) for r, found, vecs in items}, time.time()))
        ids = [record.article_id for record, _, _ in items]
        got = self._statements.get(where={"article_id": {"$in": ids}}, include=[])
        left = [sid for sid in got["ids"] if sid not in written]
        for lo in range(0, len(left), _BATCH):
            self._statements.delete(ids=left[lo:lo + _BATCH])
        for lo in range(0, len(ids), _BATCH):
            article_col.update(ids=ids[lo:lo + _BATCH], metadatas=[
                {"statements": len(found), "extractor": extractor}
                for _, found, _ in items[lo:lo + _BATCH]])
        self._bump_generation()

    @staticmethod
    def _write_records(article_col: Any, items: Sequence[ArticleItem],
                       statements: StatementItems | None, extractor: str = "") -> None:
        """The commit markers, with the articles' texts and centroid vectors."""
        # One timestamp per call, a microsecond apart, so "newest first" keeps input order.
        now = time.time()
        for lo in range(0, len(items), _BATCH):
            part = items[lo:lo + _BATCH]
            metas = [_record_metadata(a, len(chunks), now + (lo + i) * 1e-6)
                     for i, (a, chunks, _) in enumerate(part)]
            if statements is not None:
                for meta, (a, _, _) in zip(metas, part, strict=True):
                    meta["statements"] = len(statements.get(a.article_id, ((), None))[0])
                    meta["extractor"] = extractor
            article_col.upsert(
                ids=[a.article_id for a, _, _ in part],
                embeddings=np.vstack([_centroid(vecs) for _, _, vecs in part]),
                documents=[a.text for a, _, _ in part],
                metadatas=metas,
            )

    @staticmethod
    def _delete_superseded(col: Any, items: Sequence[ArticleItem]) -> None:
        """Drop the chunks (or statements) of these articles' earlier versions (another
        content hash)."""
        current = {a.article_id: a.content_hash for a, _, _ in items}
        got = col.get(where={"article_id": {"$in": list(current)}}, include=["metadatas"])
        stale = [cid for cid, meta in zip(got["ids"], got["metadatas"] or [], strict=False)
                 if current.get((meta or {}).get("article_id")) != (meta or {}).get("hash")]
        for lo in range(0, len(stale), _BATCH):
            col.delete(ids=stale[lo:lo + _BATCH])

    @_translate_errors
    def record_origins(self, origins: Mapping[str, str]) -> None:
        """Record where already stored articles came from (article id → origin), for
        records written before origins were kept; their content and vectors stay."""
        if not origins:
            return
        _, article_col = self._open()
        ids = list(origins)
        for lo in range(0, len(ids), _BATCH):
            part = ids[lo:lo + _BATCH]
            article_col.update(ids=part, metadatas=[{"origin": origins[i]} for i in part])

    @_translate_errors
    def delete_articles(self, article_ids: Iterable[str]) -> int:
        """Remove everything stored for these articles: the record, its chunks, its
        statements and any other per-article data (the one deletion path: `--prune` and
        `kutip remove`). Returns how many were asked for."""
        ids = list(article_ids)
        if not ids:
            return 0
        chunk_col, article_col = self._open()
        for lo in range(0, len(ids), _BATCH):
            part = ids[lo:lo + _BATCH]
            article_col.delete(ids=part)  # record first: a crash leaves only orphan chunks
            chunk_col.delete(where={"article_id": {"$in": part}})
            self._statements.delete(where={"article_id": {"$in": part}})
        self._bump_generation()
        return len(ids)

    @_translate_errors
    def remove_orphan_chunks(self, *, records: Sequence[ArticleRecord] | None = None) -> int:
        """Delete chunks and statements left by an interrupted run (no record, or a record
        with another hash); returns how many chunks were removed.

        Args:
            records: `articles()` as the caller just read it (saves reading it again).

        Every record's chunks are written before it, so when the chunk count equals the
        records' total there is no orphan and the chunks are not scanned (the common case);
        the same holds for statements.
        """
        chunk_col, _ = self._open()
        if records is None:
            records = self.articles()
        removed = {"chunks": 0, "statements": 0}
        for kind, col, expected in (
            ("chunks", chunk_col, sum(r.chunks for r in records)),
            ("statements", self._statements, sum(r.statements or 0 for r in records)),
        ):
            total = col.count()
            if total == expected:
                continue
            stale = self._orphan_ids(col, total, {r.article_id: r for r in records})
            for lo in range(0, len(stale), _BATCH):
                col.delete(ids=stale[lo:lo + _BATCH])
            removed[kind] = len(stale)
            if stale:
                logger.info("removed %d %s left by an interrupted indexing run", len(stale), kind)
        if any(removed.values()):
            self._bump_generation()
        return removed["chunks"]

    def _orphan_ids(self, col: Any, total: int, current: Mapping[str, ArticleRecord]) -> list[str]:
        cutoff = time.time() - self.orphan_grace_s
        stale: list[str] = []
        for lo in range(0, max(total, 1), 5000):
            got = col.get(include=["metadatas"], limit=5000, offset=lo)
            for cid, meta in zip(got["ids"], got["metadatas"] or [], strict=False):
                record = current.get(meta.get("article_id"))
                if record is not None and record.content_hash == meta.get("hash"):
                    continue
                written_at = float(meta.get("written_at") or 0.0)
                superseded = record is not None and written_at <= record.indexed_at
                if self.orphan_grace_s and written_at > cutoff and not superseded:
                    continue  # written after the record: maybe another process's run
                stale.append(cid)
        return stale

    # ---- reads -----------------------------------------------------------------

    @_translate_errors
    def articles(self, *, with_text: bool = False) -> list[ArticleRecord]:
        """Every complete article, newest first."""
        _, article_col = self._open()
        records = _all_records(article_col, with_text=with_text)
        records.sort(key=lambda r: r.indexed_at, reverse=True)
        return records

    @_translate_errors
    def stored_articles(self) -> list[ArticleRecord]:
        """Every article record with its text, whatever model built the index (no
        `ModelMismatch`): what `--reembed` indexes anew; empty when there is no index."""
        try:
            col = self._client.get_collection(f"{self.name}-articles", embedding_function=None)
        except Exception as exc:  # no such collection: nothing stored
            if _is_connection_error(exc):
                raise
            return []
        records = _all_records(col, with_text=True)
        records.sort(key=lambda r: r.indexed_at)  # oldest first: re-added in their order
        return records

    @_translate_errors
    def get_articles(self, article_ids: Sequence[str]) -> dict[str, ArticleRecord]:
        """Full records (with text) for the given ids; unknown ids are left out."""
        if not article_ids:
            return {}
        _, article_col = self._open()
        got = article_col.get(ids=list(dict.fromkeys(article_ids)),
                              include=["metadatas", "documents"])
        return {
            aid: _record(aid, meta or {}, doc)
            for aid, meta, doc in zip(got["ids"], got["metadatas"] or [],
                                      got["documents"] or [], strict=False)
        }

    @_translate_errors
    def chunk_rows(self) -> list[ChunkRow]:
        """Every stored chunk's text and offsets (no vectors)."""
        return self._chunk_pages(with_vectors=False)[0]

    @_translate_errors
    def chunk_rows_and_vectors(self) -> tuple[list[ChunkRow], np.ndarray]:
        """Every stored chunk and its vector: row i of the (chunks, dim) float32 matrix is
        rows[i]'s (for exact dense search in memory)."""
        return self._chunk_pages(with_vectors=True)

    def _chunk_pages(self, *, with_vectors: bool) -> tuple[list[ChunkRow], np.ndarray]:
        chunk_col, _ = self._open()
        rows: list[ChunkRow] = []
        pages: list[np.ndarray] = []
        total = chunk_col.count()
        include = ["metadatas", "documents", *(["embeddings"] if with_vectors else [])]
        # pages of _BATCH: a page's metadata dicts are the transient peak of a snapshot
        for lo in range(0, total, _BATCH):
            got = chunk_col.get(include=include, limit=_BATCH, offset=lo)
            for cid, meta, doc in zip(got["ids"], got["metadatas"] or [], got["documents"] or [],
                                      strict=False):
                rows.append(ChunkRow(**_chunk_fields(cid, meta, doc)))
            if with_vectors:
                pages.append(np.asarray(got["embeddings"], dtype=np.float32))
        vectors = np.concatenate(pages) if pages else np.zeros((0, 0), dtype=np.float32)
        return rows, vectors

    @_translate_errors
    def statement_rows(self) -> list[StatementRow]:
        """Every stored statement's speaker, offsets and text (no vectors; their sentence
        parts are not statements)."""
        self._open()
        rows: list[StatementRow] = []
        for lo in range(0, self._statements.count(), _BATCH):
            got = self._statements.get(include=["metadatas", "documents"], limit=_BATCH,
                                       offset=lo)
            rows.extend(statement_row(sid, meta or {}, doc) for sid, meta, doc in zip(
                got["ids"], got["metadatas"] or [], got["documents"] or [], strict=False)
                if not is_part(meta or {}))
        return rows

    @_translate_errors
    def statement_vectors(self, statement_ids: Sequence[str]) -> dict[str, np.ndarray]:
        """Stored vectors of the given statements (to rank one speaker's statements)."""
        if not statement_ids:
            return {}
        self._open()
        return _vectors(self._statements, statement_ids)

    @_translate_errors
    def query_statements(self, vector: np.ndarray, *, n: int) -> dict[str, float]:
        """The `n` statements nearest to `vector`: statement id → cosine, best first."""
        self._open()
        if n <= 0 or self._statements.count() == 0:
            return {}
        got = self._statements.query(query_embeddings=[vector], n_results=n, include=["distances"])
        return {sid: 1.0 - float(dist)
                for sid, dist in zip(got["ids"][0], got["distances"][0], strict=False)}

    @_translate_errors
    def chunk_vectors(self, chunk_ids: Sequence[str]) -> dict[str, np.ndarray]:
        """Stored vectors of the given chunks (for scoring lexical-only candidates)."""
        if not chunk_ids:
            return {}
        chunk_col, _ = self._open()
        return _vectors(chunk_col, chunk_ids)

    @_translate_errors
    def counts(self) -> tuple[int, int]:
        """(articles, chunks) currently stored."""
        chunk_col, article_col = self._open()
        return article_col.count(), chunk_col.count()

    @_translate_errors
    def version(self) -> tuple[int, int, str]:
        """(articles, chunks, generation): changes whenever any process changed the index.

        The generation is read afresh from the collection's metadata, so a reader sees
        writes made through another client (another process, a Chroma server).
        """
        articles, chunks = self.counts()
        meta = self._client.get_collection(f"{self.name}-chunks", embedding_function=None).metadata
        return articles, chunks, str((meta or {}).get("kutip_generation", ""))
