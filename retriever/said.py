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
import re
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np

from index.names import match_speaker
from index.statements import StatementRow, part_ids, statement_of
from index.store import ArticleRecord, ChromaStore
from retriever._types import Quote, SourceTitle
from retriever.background_topics import BACKGROUND_TOPICS
from retriever.lexical import LexicalIndex
from retriever.quotes import _trim, overlaps, verify_quote
from retriever.records import GetArticles
from retriever.said_rank import (
    BACKGROUND_SHARE,
    JOIN_MARGIN,
    MIN_BACKGROUND_MARGIN,
    NAMED_ELSEWHERE_MARGIN,
    ScoredStatement,
    StatementFeatures,
    background_margin,
    lexical_share,
    on_topic,
    rank_statements,
)
from retriever.speakers import Person, SpeakerIndex
from retriever.text import text_language, tokenize, word_offsets
from retriever.topic_names import holds_name, holds_whole_name, topic_names

__all__ = [
    "SaidAnswers", "SaidRanking", "TopicQuery", "example_pairs", "quote_of",
    "statement_features", "statement_quotes",
]

logger = logging.getLogger(__name__)

MAX_PERSON_STATEMENTS = 2000  # a person's statements scored per question (newest kept)
WHO_CANDIDATES = 60  # statements considered for "who commented on …"
# A who question lists people only when the usual path would answer it, or one of the
# topic's COVERAGE_CHUNKS nearest chunks matches it this much better than the background
# topics (`SaidAnswers.covered`), or for statements holding the topic word for word. Without
# it, 41 of 42 topics that no article of the 400 covers had got a list of people
# (bench/probes/who-unrelated.jsonl: 4 of 42 with it); the who proxy (192 said rows asked
# as who questions: is the person listed) 152 -> 148 listed, first 117 -> 114
# (`python bench/who_proxy.py … --unrelated bench/probes/who-unrelated.jsonl`).
COVERAGE_CHUNKS = 5
MIN_COVERAGE_MARGIN = 0.06
_PUNCTUATION = ".,:;!?\"'“”‘’()[]"


class ChunkVectors(Protocol):
    """The stored chunk vectors a question is scored against (the retriever's snapshot):
    exact and read once, as the usual path's dense candidates are."""

    def chunk_vectors(self, chunk_ids: Sequence[str]) -> dict[str, np.ndarray]: ...

    def best_chunk_score(self, vector: np.ndarray) -> float | None:
        """The highest cosine of any stored chunk with `vector` (None: no chunks)."""

    def best_score_among(self, vector: np.ndarray, positions: np.ndarray) -> float | None:
        """The highest cosine with `vector` of the chunks at lexical-index `positions`."""

    def nearest_chunk_vectors(self, vector: np.ndarray, n: int) -> np.ndarray:
        """The stored vectors of the `n` chunks closest to `vector`, one per row."""


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
    topic_gap: float
    """How much better the topic's best chunk anywhere matches it than the best chunk of
    the articles the person is quoted in (0: one of theirs is the best)."""
    named_elsewhere: bool = False
    """The topic gives a name that none of their articles holds, and a chunk naming it
    matches the topic about as well as their best (`said_rank.NAMED_ELSEWHERE_MARGIN`)."""
    named_by_others: bool = False
    """The topic gives a name that their articles write only in others' statements."""
    named_in_theirs: bool = False
    """Their own statements write every name the topic gives ("Korea Utara" asked of the
    minister whose statement urges "khususnya Korea Utara"): the topic gap does not refuse."""
    background_margin: float | None = None
    """Where their articles are most of the index (`said_rank.BACKGROUND_SHARE`), how much
    better their best statement matches the topic than everyday topics
    (`said_rank.background_margin`); None elsewhere, where the topic gap decides."""


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


def statement_features(
    rows: Sequence[int], query: TopicQuery, *, speakers: SpeakerIndex, lexical: LexicalIndex,
    vectors: Mapping[str, np.ndarray], chunk_vectors: Mapping[str, np.ndarray],
) -> dict[int, StatementFeatures]:
    """The topic features of statements `rows` (those without a stored vector left out).

    `vectors` holds the statements' and their sentence parts' vectors (by record id): a
    statement's cosine is the best of its own and its parts'."""
    weights = lexical.query_weights(tokenize(query.topic))
    out = {}
    for i in rows:
        row = speakers.rows[i]
        vec = vectors.get(row.statement_id)
        if vec is None:
            continue
        views = [vec, *(v for pid in part_ids(row) if (v := vectors.get(pid)) is not None)]
        chunk = chunk_vectors.get(speakers.chunk_of[i] or "")
        lang = text_language(row.text)
        out[i] = StatementFeatures(
            dense=max(float(np.dot(v, query.vector)) for v in views),
            context=None if chunk is None else float(np.dot(chunk, query.vector)),
            lexical=lexical_share(speakers.tokens[i], weights),
            cross_lingual=bool(query.language and lang and lang != query.language),
            direct=row.speech == "direct",
        )
    return out


def statements_naming(person: Person, query: TopicQuery, *, speakers: SpeakerIndex) -> set[int]:
    """The person's statements that write every name the topic gives (`topic_names`; each
    word, or another name of the same place or body) and at least half of the topic's other
    words: "Korea Utara", not "gun control in the United States" of a statement that merely
    names Amerika Serikat."""
    names = topic_names(query.topic, {person.name, *(speakers.rows[i].speaker or ""
                                                     for i in person.rows)}, short_aliased=True)
    if not names:
        return set()
    rest = set(tokenize(query.topic)).difference(*names)
    return {i for i in person.rows
            if all(holds_whole_name(name, speakers.tokens[i]) for name in names)
            and 2 * sum(w in speakers.tokens[i] for w in rest) >= len(rest)}


def names_missed(person: Person, query: TopicQuery, theirs: float | None,
                 records: Mapping[str, ArticleRecord], *, speakers: SpeakerIndex,
                 lexical: LexicalIndex, chunks: ChunkVectors) -> tuple[bool, bool]:
    """(`SaidRanking.named_elsewhere`, `SaidRanking.named_by_others`) for the topic's names
    (`topic_names`, without the person's own), each article quoting them read once."""
    names = topic_names(query.topic, {person.name, *(speakers.rows[i].speaker or ""
                                                     for i in person.rows)})
    if not names:
        return False, False
    words = {article_id: set(tokenize(r.text)) for article_id, r in records.items()}
    own_keys = {speakers.keys[i] for i in person.rows}
    return (theirs is not None and named_elsewhere(names, set().union(*words.values()), query,
                                                   theirs, lexical=lexical, chunks=chunks),
            any(_only_in_others(name, records, words, own_keys, speakers) for name in names))


def named_elsewhere(names: Sequence[frozenset[str]], words: Collection[str], query: TopicQuery,
                    theirs: float, *, lexical: LexicalIndex, chunks: ChunkVectors) -> bool:
    """A name of the topic that none of `words` (of the articles quoting the person) holds,
    while a chunk holding it matches the topic within `NAMED_ELSEWHERE_MARGIN` of `theirs`
    (their articles' best chunk) or better."""
    for name in names:
        if holds_name(name, words):
            continue
        best = chunks.best_score_among(query.vector, lexical.holding(name))
        if best is not None and best >= theirs - NAMED_ELSEWHERE_MARGIN:
            return True
    return False


def _only_in_others(name: frozenset[str], records: Mapping[str, ArticleRecord],
                    words: Mapping[str, set[str]], own_keys: set[str],
                    speakers: SpeakerIndex) -> bool:
    """The articles quoting the person write `name` only inside other speakers' statements,
    never in narration nor in the paragraphs of their own: someone else spoke on it there."""
    inside_others = False
    for article_id, record in records.items():
        rows = [j for j in speakers.by_article.get(article_id, ())
                if speakers.rows[j].content_hash == record.content_hash]
        others = [(speakers.rows[j].start, speakers.rows[j].end) for j in rows
                  if speakers.keys[j] not in own_keys]
        theirs = [_paragraph(record.text, speakers.rows[j].start) for j in rows
                  if speakers.keys[j] in own_keys]
        matching = {w for w in words[article_id] if holds_name(name, (w,), aliases=False)}
        for word, at in word_offsets(record.text):
            if word not in matching:
                continue
            if any(a <= at < b for a, b in theirs) or not any(a <= at < b for a, b in others):
                return False  # in their own paragraph, or in narration
            inside_others = True
    return inside_others


def _paragraph(text: str, at: int) -> tuple[int, int]:
    """The [start, end) of the paragraph (between line breaks) holding offset `at`."""
    end = text.find("\n", at)
    return text.rfind("\n", 0, at) + 1, len(text) if end < 0 else end


def _context(f: StatementFeatures) -> float:
    return f.dense if f.context is None else f.context


def current_only(
    ranked: Sequence[ScoredStatement], speakers: SpeakerIndex,
    get_articles: GetArticles,
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
    join_margin: float | None = None,
) -> list[Quote]:
    """Up to `k` verified, non-overlapping quotes of the ranked statements, each with its
    speaker and with the same speaker's words right around it (`SpeakerIndex.run_of`); with
    `join_margin`, also their paragraphs just before or after it that score within that
    margin of it on the topic and hold one of the topic's words when it does
    (`said_rank.JOIN_MARGIN`)."""
    by_row = {s.row: s for s in ranked}
    quotes: list[Quote] = []
    spans: list[tuple[str, int, int]] = []  # the quotes' (article_id, start, end): none overlap

    def shown(j: int) -> bool:
        row = speakers.rows[j]
        return overlaps(row.article_id, row.start, row.end, spans)

    def joinable(top: ScoredStatement) -> Callable[[int], bool] | None:
        if join_margin is None:
            return None
        return lambda j: (other := by_row.get(j)) is not None and not shown(j) \
            and other.score >= top.score - join_margin and (other.lexical > 0 or not top.lexical)

    for s in ranked:
        row = speakers.rows[s.row]
        record = records[row.article_id]
        if shown(s.row):
            continue  # already shown as part of a longer quote
        joins = joinable(s)
        start, end = speakers.run_of(s.row, record.text, max_chars, joins=joins)
        if overlaps(row.article_id, start, end, spans):
            # its run reaches into a quote already shown: its own words alone, if they are not
            start, end = row.start, row.end
        quote = quote_of(record, start, end, s.score, row, max_chars=max_chars)
        if quote is not None and not overlaps(row.article_id, quote.start, quote.end, spans):
            quotes.append(quote)
            spans.append((row.article_id, quote.start, quote.end))
        if len(quotes) == k:
            break
    return quotes


@dataclass(frozen=True, kw_only=True)
class SaidAnswers:
    """The said / who / statements-of answers over one store (used by `Retriever`)."""

    store: ChromaStore
    embed_queries: Callable[[list[str]], np.ndarray]
    """Query vectors of several texts at once (the embedder's, e5 "query: " side): a
    question's topic, or the background topics in one batch."""
    max_quote_chars: int
    get_articles: GetArticles
    """Full article records by id (the retriever's per-snapshot cache of the store's)."""
    on_topic: Callable[[float, float], bool] = on_topic
    """(best statement score, topic gap) → whether the person spoke on the topic."""
    _background: dict[str, np.ndarray] = field(default_factory=dict, init=False, repr=False,
                                               compare=False)

    def background(self, language: str | None) -> np.ndarray:
        """The background topics' query vectors for a question in `language` (both
        languages' when unknown), embedded on first use."""
        key = language if language in BACKGROUND_TOPICS else "all"
        if key not in self._background:
            texts = list(BACKGROUND_TOPICS[key]) if key != "all" else [
                t for topics in BACKGROUND_TOPICS.values() for t in topics]
            self._background[key] = np.asarray(self.embed_queries(texts), dtype=np.float32)
        return self._background[key]

    def topic_query(self, topic: str, language: str | None) -> TopicQuery:
        return TopicQuery(topic=topic, vector=self.embed_queries([topic])[0], language=language)

    def statement_vectors(self, rows: Sequence[int], *,
                          speakers: SpeakerIndex) -> dict[str, np.ndarray]:
        """The stored vectors of statements `rows` and of their sentence parts (by id)."""
        return self.store.statement_vectors(
            [rid for i in rows for rid in (speakers.rows[i].statement_id,
                                          *part_ids(speakers.rows[i]))])

    def features(self, rows: Sequence[int], query: TopicQuery, *, speakers: SpeakerIndex,
                 lexical: LexicalIndex, chunks: ChunkVectors,
                 vectors: Mapping[str, np.ndarray] | None = None,
                 ) -> dict[int, StatementFeatures]:
        """Topic features of statements `rows`, with their (and their sentence parts') and
        their chunks' stored vectors (`vectors`: already read by `statement_vectors`)."""
        if vectors is None:
            vectors = self.statement_vectors(rows, speakers=speakers)
        chunk_ids = {c for i in rows if (c := speakers.chunk_of[i])}
        chunk_vectors = chunks.chunk_vectors(sorted(chunk_ids))
        return statement_features(rows, query, speakers=speakers, lexical=lexical,
                                  vectors=vectors, chunk_vectors=chunk_vectors)

    def rank_person(self, person: Person, query: TopicQuery, *, speakers: SpeakerIndex,
                    lexical: LexicalIndex, chunks: ChunkVectors) -> SaidRanking:
        """The person's statements from current article versions, ranked by the topic."""
        rows = person.rows[-MAX_PERSON_STATEMENTS:]
        vectors = self.statement_vectors(rows, speakers=speakers)
        ranked = rank_statements(self.features(rows, query, speakers=speakers, lexical=lexical,
                                               chunks=chunks, vectors=vectors))
        kept, records = current_only(ranked, speakers, self.get_articles)
        naming = statements_naming(person, query, speakers=speakers)
        theirs = self.their_best(person, query, speakers=speakers, chunks=chunks)
        best = chunks.best_chunk_score(query.vector)
        gap = 0.0 if best is None or theirs is None else max(0.0, best - theirs)
        elsewhere, by_others = names_missed(person, query, theirs, records, speakers=speakers,
                                            lexical=lexical, chunks=chunks)
        return SaidRanking(person=person, ranked=kept, records=records, topic_gap=gap,
                           named_elsewhere=elsewhere, named_by_others=by_others,
                           named_in_theirs=bool(naming),
                           background_margin=self._margin_if_alone(
                               person, kept, query, speakers=speakers, vectors=vectors))

    def _margin_if_alone(self, person: Person, ranked: Sequence[ScoredStatement],
                         query: TopicQuery, *, speakers: SpeakerIndex,
                         vectors: Mapping[str, np.ndarray]) -> float | None:
        """`SaidRanking.background_margin`: only where their articles hold at least
        `BACKGROUND_SHARE` of the index's chunks (the topic gap has little to compare);
        `vectors` are their statements' (`statement_vectors`)."""
        total = speakers.chunk_count
        if not ranked or not total or len(speakers.their_chunks(person)) < BACKGROUND_SHARE * total:
            return None
        ids = [speakers.rows[s.row].statement_id for s in ranked]
        found = [vectors[i] for i in ids if i in vectors]
        if not found:
            return None
        return background_margin(np.stack(found), query.vector, self.background(query.language))

    @staticmethod
    def their_best(person: Person, query: TopicQuery, *, speakers: SpeakerIndex,
                   chunks: ChunkVectors) -> float | None:
        """The best cosine with the topic of the chunks of the articles the person is
        quoted in (None: none stored); `SaidRanking.topic_gap` compares it with the
        index's best."""
        theirs = [float(np.dot(v, query.vector))
                  for v in chunks.chunk_vectors(speakers.their_chunks(person)).values()]
        return max(theirs) if theirs else None

    def answer(
        self, ranking: SaidRanking, *, speakers: SpeakerIndex, k: int,
    ) -> tuple[list[Quote], list[Quote], list[SourceTitle]]:
        """(quotes on the topic, their other statements, their articles' titles): the
        quotes are empty when they said nothing on the topic (`said_rank.on_topic`)."""
        ranked = ranking.ranked
        gap = 0.0 if ranking.named_in_theirs else ranking.topic_gap
        on_topic = bool(ranked) and self.on_topic(ranked[0].score, gap) \
            and not (ranking.named_elsewhere or ranking.named_by_others) \
            and (ranking.background_margin is None
                 or ranking.background_margin >= MIN_BACKGROUND_MARGIN)
        quotes = statement_quotes(ranked, speakers, ranking.records, k=k,
                                  max_chars=self.max_quote_chars,
                                  join_margin=JOIN_MARGIN) if on_topic else []
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

    def covered(self, query: TopicQuery, chunks: ChunkVectors) -> bool:
        """Whether some article covers the topic at all: one of its nearest chunks matches
        it by `MIN_COVERAGE_MARGIN` better than it matches the background topics
        (`said_rank.background_margin`). The who ranking is relative to the index's best
        chunk, which for a topic no article covers is merely the least far."""
        nearest = chunks.nearest_chunk_vectors(query.vector, COVERAGE_CHUNKS)
        return len(nearest) > 0 and background_margin(
            nearest, query.vector, self.background(query.language)) >= MIN_COVERAGE_MARGIN

    def who(self, query: TopicQuery, *, speakers: SpeakerIndex, lexical: LexicalIndex,
            chunks: ChunkVectors, k: int, supported: bool = True) -> list[Quote]:
        """The speakers who commented on the topic, one statement each, best first: only
        statements on it (`said_rank.on_topic`, their chunk's gap to the topic's best).
        A topic that neither the question's passages support (`supported`: the usual path
        would answer) nor its nearest chunks cover (`covered`): only statements that hold
        it word for word (`holding_words`, `holding_name`)."""
        # the nearest records include sentence parts (about 0.4 per statement on the eval
        # corpus): read twice as many, so WHO_CANDIDATES distinct statements remain
        dense = self.store.query_statements(query.vector, n=2 * WHO_CANDIDATES)
        nearest = list(dict.fromkeys(sid for rid in dense
                                     if (sid := statement_of(rid)) in speakers.positions))
        weights = lexical.query_weights(tokenize(query.topic))
        by_words = sorted(range(len(speakers.rows)), reverse=True,
                          key=lambda i: lexical_share(speakers.tokens[i], weights))[:WHO_CANDIDATES]
        exact = holding_words(query.topic, speakers)
        rows = sorted({speakers.positions[sid] for sid in nearest[:WHO_CANDIDATES]}
                      | set(by_words) | exact)
        naming = holding_name(query.topic, speakers, rows)
        covered = supported or self.covered(query, chunks)
        features = self.features(rows, query, speakers=speakers, lexical=lexical, chunks=chunks)
        top = chunks.best_chunk_score(query.vector) or 0.0
        ranked = [s for s in rank_statements(features) if s.row in exact or s.row in naming
                  or covered and self.on_topic(s.score, max(0.0, top - _context(features[s.row])))]
        # "Who said “fair and final”?": theirs first; "Who commented on Iran?": those who
        # named it before those whose words only come close
        ranked.sort(key=lambda s: (s.row not in exact, s.row not in naming))
        kept, records = current_only(ranked, speakers, self.get_articles)
        seen: set[str] = set()
        one_each = []
        for s in kept:
            if match_speaker(query.topic, speakers.rows[s.row].speaker, None) >= TOPIC_IS_SPEAKER:
                continue  # "Who criticized Trump?": not Trump's own words
            if speakers.keys[s.row] not in seen:
                seen.add(speakers.keys[s.row])
                one_each.append(s)
        return statement_quotes(one_each, speakers, records, k=k, max_chars=self.max_quote_chars)

    def newest_first(self, person: Person, *, speakers: SpeakerIndex, limit: int) -> list[Quote]:
        """The person's statements, newest article first (then in article order)."""
        kept, records = current_only([ScoredStatement(i, 0.0) for i in person.rows], speakers,
                                     self.get_articles)
        kept.sort(key=lambda s: speakers.rows[s.row].start)
        kept.sort(key=lambda s: records[speakers.rows[s.row].article_id].date, reverse=True)
        return statement_quotes(kept, speakers, records, k=limit, max_chars=self.max_quote_chars)


MIN_EXACT_WORDS = 2  # a topic this long, found word for word in a statement, is its words
MAX_EXACT_HOLDERS = 5  # held by more statements, the words are a topic, not a quotation


def holding_words(topic: str, speakers: SpeakerIndex) -> set[int]:
    """The statements (rows) that hold `topic` word for word, case and spacing aside, when
    it has `MIN_EXACT_WORDS` words or more and few statements hold it: "Who said “fair and
    final”?" asks for them, "Who commented on harga beras?" does not."""
    words = topic.strip(_PUNCTUATION + " ").casefold().split()
    if len(words) < MIN_EXACT_WORDS:
        return set()
    phrase = _phrase(words)
    held = {i for i, row in enumerate(speakers.rows) if phrase.search(row.text.casefold())}
    return held if len(held) <= MAX_EXACT_HOLDERS else set()


def holding_name(topic: str, speakers: SpeakerIndex, rows: Collection[int]) -> set[int]:
    """The statements among `rows` that hold `topic` word for word when the topic is a name:
    every word capitalised as the user writes it ("Iran", "Piala Dunia", "the Kremlin"), or
    as the statements mostly write it ("iran": `NAME_SHARE` of its occurrences there). e5's
    cosine with one or two words is flat over everything (0.80–0.83), so a statement that
    names it is the one who commented on it. Other topics ("guru", "harga beras"): none."""
    words = topic.strip(_PUNCTUATION + " ").split()
    if words and words[0].casefold() in _ARTICLES:
        words = words[1:]
    if not words:
        return set()
    phrase = _phrase(words, re.IGNORECASE)
    written = {i: [m.group() for m in phrase.finditer(speakers.rows[i].text)] for i in rows}
    if not all(w[0].isupper() or w[0].isdigit() for w in words):
        forms = [form for found in written.values() for form in found]
        named = sum(all(w[0].isupper() or w[0].isdigit() for w in form.split()) for form in forms)
        if not forms or named < NAME_SHARE * len(forms):
            return set()
    return {i for i, found in written.items() if found}


def _phrase(words: Sequence[str], flags: int = 0) -> re.Pattern[str]:
    """`words` in a row, any spacing between them, as whole words."""
    return re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, words)) + r"(?!\w)", flags)


NAME_SHARE = 0.8
TOPIC_IS_SPEAKER = 0.8  # `match_speaker` of the topic with a speaker: the topic is them
_ARTICLES = frozenset({"the", "a", "an", "para", "sang"})


def example_pairs(speakers: SpeakerIndex, titles: Mapping[str, str], lexical: LexicalIndex,
                  *, n: int) -> list[tuple[str, str]]:
    """(speaker, topic) pairs for example questions: the most quoted speakers, each with
    the rarest word that one of their statements shares with its article's title, as the
    title writes it ("Yuri Ushakov", "Iran"). A name in the title goes before other words:
    it reads in either language ("say about Iran", not "say about telepon")."""
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
    best: tuple[bool, float, str] | None = None
    for i in rows:
        row = speakers.rows[i]
        name_words = set(tokenize(row.speaker))
        for word in titles[row.article_id].split():
            word = word.strip(_PUNCTUATION)
            token = word.lower()
            if token not in speakers.tokens[i] or token in name_words:
                continue
            # a name: capitalised where the statement writes it mid-sentence ("AHY", "Iran"),
            # whatever the title's case (IndoSum's titles are all lower case)
            named = _named_in(word, row.text)
            if best is None or (named is not None, lexical.idf(token)) > best[:2]:
                best = (named is not None, lexical.idf(token), named or word)
    return best[2] if best else None


def _named_in(word: str, text: str) -> str | None:
    """`word` as `text` writes it when it is capitalised there after a sentence's start,
    with the capitalised words after it ("Jack" → "Jack Ma": /help had suggested "What did
    Donald Trump say about Jack?"), up to `MAX_NAME_RUN` words."""
    for found in re.finditer(rf"\b{re.escape(word)}\b", text, re.IGNORECASE):
        surface = found.group()
        before = text[:found.start()].rstrip()
        if surface[:1].isupper() and before and before[-1] not in ".!?\"“":
            return _name_run(text, found.start(), found.end())
    return None


MAX_NAME_RUN = 4
_CAPITALISED = re.compile(r"[A-Z][\w'’-]*")


def _name_run(text: str, start: int, end: int) -> str:
    """text[start:end] with the capitalised words right after it, one space apart ("Jack"
    → "Jack Ma"; not back over "Alibaba" in "pendiri Alibaba Jack Ma")."""
    words = [text[start:end]]
    while len(words) < MAX_NAME_RUN and text[end:end + 1] == " " \
            and (ahead := _CAPITALISED.match(text, end + 1)):
        words.append(ahead.group())
        end = ahead.end()
    return " ".join(words)
