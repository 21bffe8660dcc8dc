"""Answers about what people said: one person's statements, who commented on a topic.

The speaker index (`retriever.speakers`) says which statements are whose; this module
ranks them by topic (`retriever.said_rank`), checks that each comes from the current
version of a stored article, and turns them into verbatim quotes with their speaker.
It refuses honestly: the person is quoted but not on the topic (`no_statement_on_topic`,
with their closest statements offered as such), or not quoted at all
(`speaker_not_found`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from index.statements import StatementRow
from index.store import ArticleRecord, ChromaStore
from retriever._types import Candidate, Quote, SourceTitle
from retriever.lexical import LexicalIndex
from retriever.quotes import _trim, verify_quote
from retriever.said_rank import MIN_TOPIC_SCORE, ScoredStatement, lexical_share, rank_statements
from retriever.speakers import Person, SpeakerIndex, SpeakerMatcher
from retriever.text import text_language, tokenize

__all__ = [
    "SaidAnswers", "SaidRanking", "TopicQuery", "example_pairs", "quote_of", "rank_topic",
    "statement_quotes",
]

logger = logging.getLogger(__name__)

MAX_PERSON_STATEMENTS = 2000  # a person's statements scored per question (newest kept)
WHO_CANDIDATES = 60  # statements considered for "who commented on …"
_PUNCTUATION = ".,:;!?\"'“”‘’()[]"


@dataclass(frozen=True)
class TopicQuery:
    """What a said/who question asks about, as the ranking needs it."""

    topic: str
    vector: np.ndarray
    """The topic's query vector."""
    language: str | None
    """The question's language ("en", "id" or None)."""


@dataclass(frozen=True)
class SaidRanking:
    """A person's statements, ranked by topic, from current article versions only."""

    person: Person
    ranked: list[ScoredStatement]
    records: dict[str, ArticleRecord]


def quote_of(record: ArticleRecord, start: int, end: int, score: float,
             statement: StatementRow | None, *, max_chars: int) -> Quote | None:
    """A verified quote of `record.text[start:end]` (cut to `max_chars`), with the speaker
    of `statement` when the quote is that statement's words; None if not verbatim."""
    start, end = _trim(start, end, max_chars, record.text)
    text = record.text[start:end]
    if not verify_quote(record.text, text, start, end):
        logger.error("dropped a quote that is not verbatim in %s", record.article_id)
        return None
    return Quote(
        text=text, article_id=record.article_id, title=record.title, source=record.source,
        url=record.url, date=record.date, start=start, end=end, score=score,
        speaker=statement.speaker if statement else None,
        role=statement.role if statement else None,
        speech=statement.speech if statement else None,
    )


def _context_scores(rows: Sequence[int], speakers: SpeakerIndex,
                    candidates: Sequence[Candidate]) -> dict[int, float]:
    """Row → how well the chunk it lies in matched the whole question, scaled 0..1 over
    the candidates (0 when its chunk is not among them)."""
    if not candidates:
        return {}
    top, low = candidates[0].score, candidates[-1].score
    span = max(top - low, 1e-6)
    chunks: dict[str, list[Candidate]] = {}
    for c in candidates:
        chunks.setdefault(c.article_id, []).append(c)
    out = {}
    for i in rows:
        row = speakers.rows[i]
        for c in chunks.get(row.article_id, ()):
            if c.start <= row.start < c.end:
                out[i] = max(out.get(i, 0.0), (c.score - low) / span)
    return out


def rank_topic(
    rows: Sequence[int], query: TopicQuery, *, speakers: SpeakerIndex, lexical: LexicalIndex,
    vectors: Mapping[str, np.ndarray], candidates: Sequence[Candidate],
) -> list[ScoredStatement]:
    """Rank statements `rows` by the topic: dense, lexical and question context."""
    weights = lexical.query_weights(query.topic)
    dense, lex, cross = {}, {}, set()
    for i in rows:
        row = speakers.rows[i]
        vec = vectors.get(row.statement_id)
        if vec is None:
            continue
        dense[i] = float(np.dot(vec, query.vector))
        lex[i] = lexical_share(speakers.tokens[i], weights)
        lang = text_language(row.text)
        if query.language and lang and lang != query.language:
            cross.add(i)
    context = _context_scores(rows, speakers, candidates)
    return rank_statements(rows, dense, lex, context, cross)


def current_only(
    ranked: Sequence[ScoredStatement], speakers: SpeakerIndex,
    get_articles: Callable[[Sequence[str]], dict[str, ArticleRecord]],
) -> tuple[list[ScoredStatement], dict[str, ArticleRecord]]:
    """Keep statements whose article record exists with their content hash (the commit
    marker): leftovers of an interrupted or superseded run are never shown."""
    records = get_articles([speakers.rows[s.row].article_id for s in ranked])
    kept = [s for s in ranked
            if (r := records.get(speakers.rows[s.row].article_id)) is not None
            and r.content_hash == speakers.rows[s.row].content_hash]
    return kept, records


def statement_quotes(
    ranked: Sequence[ScoredStatement], speakers: SpeakerIndex,
    records: Mapping[str, ArticleRecord], *, k: int, max_chars: int,
) -> list[Quote]:
    """Up to `k` verified quotes of the ranked statements, each with its speaker."""
    quotes: list[Quote] = []
    for s in ranked:
        row = speakers.rows[s.row]
        quote = quote_of(records[row.article_id], row.start, row.end, s.score, row,
                         max_chars=max_chars)
        if quote is not None:
            quotes.append(quote)
        if len(quotes) == k:
            break
    return quotes


def person_vectors(store: ChromaStore, person: Person,
                   speakers: SpeakerIndex) -> dict[str, np.ndarray]:
    """The stored vectors of a person's statements (at most `MAX_PERSON_STATEMENTS`)."""
    rows = person.rows[-MAX_PERSON_STATEMENTS:]
    return store.statement_vectors([speakers.rows[i].statement_id for i in rows])


class SaidAnswers:
    """The said / who / statements-of answers over one store (used by `Retriever`)."""

    def __init__(self, *, store: ChromaStore, embed_query: Callable[[str], np.ndarray],
                 match: SpeakerMatcher, name_key: Callable[[str], str], max_quote_chars: int,
                 min_topic_score: float = MIN_TOPIC_SCORE) -> None:
        self.store = store
        self.embed_query = embed_query
        self.match = match
        self.name_key = name_key
        self.max_quote_chars = max_quote_chars
        self.min_topic_score = min_topic_score

    def topic_query(self, topic: str, language: str | None) -> TopicQuery:
        return TopicQuery(topic=topic, vector=self.embed_query(topic), language=language)

    def rank_person(
        self, person: Person, query: TopicQuery, *, speakers: SpeakerIndex,
        lexical: LexicalIndex, candidates: Sequence[Candidate] = (),
    ) -> SaidRanking:
        """The person's statements from current article versions, ranked by the topic."""
        vectors = person_vectors(self.store, person, speakers)
        ranked = rank_topic(person.rows, query, speakers=speakers, lexical=lexical,
                            vectors=vectors, candidates=candidates)
        kept, records = current_only(ranked, speakers, self.store.get_articles)
        return SaidRanking(person=person, ranked=kept, records=records)

    def answer(
        self, ranking: SaidRanking, *, speakers: SpeakerIndex, k: int,
    ) -> tuple[list[Quote], list[Quote], list[SourceTitle]]:
        """(quotes on the topic, their other statements, their articles' titles): the
        quotes are empty when their best statement scores under the topic threshold."""
        ranked = ranking.ranked
        on_topic = bool(ranked) and ranked[0].score >= self.min_topic_score
        quotes = statement_quotes(ranked, speakers, ranking.records, k=k,
                                  max_chars=self.max_quote_chars) if on_topic else []
        if on_topic:
            return quotes, [], []
        others = statement_quotes(ranked, speakers, ranking.records, k=k,
                                  max_chars=self.max_quote_chars)
        titles: dict[str, SourceTitle] = {}
        for s in ranked:
            r = ranking.records[speakers.rows[s.row].article_id]
            titles.setdefault(r.article_id, SourceTitle(r.article_id, r.title or r.source,
                                                        r.source, r.url, r.date, s.score))
        return [], others, list(titles.values())[:3]

    def who(
        self, query: TopicQuery, *, speakers: SpeakerIndex, lexical: LexicalIndex,
        candidates: Sequence[Candidate] = (), k: int,
    ) -> list[Quote]:
        """The speakers who commented on the topic, one statement each, best first (only
        statements over the topic threshold)."""
        dense = self.store.query_statements(query.vector, n=WHO_CANDIDATES)
        weights = lexical.query_weights(query.topic)
        by_words = sorted(range(len(speakers.rows)), reverse=True,
                          key=lambda i: lexical_share(speakers.tokens[i], weights))[:WHO_CANDIDATES]
        rows = sorted({speakers.positions[sid] for sid in dense if sid in speakers.positions}
                      | set(by_words))
        vectors = self.store.statement_vectors([speakers.rows[i].statement_id for i in rows])
        ranked = rank_topic(rows, query, speakers=speakers, lexical=lexical, vectors=vectors,
                            candidates=candidates)
        ranked = [s for s in ranked if s.score >= self.min_topic_score]
        kept, records = current_only(ranked, speakers, self.store.get_articles)
        seen: set[str] = set()
        one_each = []
        for s in kept:
            if speakers.keys[s.row] not in seen:
                seen.add(speakers.keys[s.row])
                one_each.append(s)
        return statement_quotes(one_each, speakers, records, k=k, max_chars=self.max_quote_chars)

    def newest_first(self, person: Person, *, speakers: SpeakerIndex, limit: int) -> list[Quote]:
        """The person's statements, newest article first (then in article order)."""
        kept, records = current_only([ScoredStatement(i, 0.0) for i in person.rows], speakers,
                                     self.store.get_articles)
        kept.sort(key=lambda s: speakers.rows[s.row].start)
        kept.sort(key=lambda s: records[speakers.rows[s.row].article_id].date, reverse=True)
        return statement_quotes(kept, speakers, records, k=limit, max_chars=self.max_quote_chars)


def example_pairs(speakers: SpeakerIndex, titles: Mapping[str, str], lexical: LexicalIndex,
                  *, n: int) -> list[tuple[str, str]]:
    """(speaker, topic) pairs for example questions: the most quoted speakers, each with
    the rarest word that one of their statements shares with its article's title, as the
    title writes it ("Yuri Ushakov", "Iran")."""
    counts: dict[str, list[int]] = {}
    for i, key in enumerate(speakers.keys):
        row = speakers.rows[i]
        if row.article_id in titles and not row.carried and not row.organisation:
            counts.setdefault(key, []).append(i)
    pairs = []
    for _, rows in sorted(counts.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        topic = _title_topic(rows, speakers, titles, lexical)
        if topic:
            name = max((speakers.rows[i].speaker for i in rows), key=lambda s: len(s.split()))
            pairs.append((name, topic))
        if len(pairs) == n:
            break
    return pairs


def _title_topic(rows: Sequence[int], speakers: SpeakerIndex, titles: Mapping[str, str],
                 lexical: LexicalIndex) -> str | None:
    best: tuple[float, str] | None = None
    for i in rows:
        title = titles[speakers.rows[i].article_id]
        name_words = set(tokenize(speakers.rows[i].speaker))
        for word in title.split():
            word = word.strip(_PUNCTUATION)
            token = word.lower()
            if token in speakers.tokens[i] and token not in name_words \
                    and (best is None or lexical.idf(token) > best[0]):
                best = (lexical.idf(token), word)
    return best[1] if best else None
