"""Rank statements by how well they answer a topic (pure functions, no model, no store).

A statement's topic score blends its cosine with the topic's query vector (the best of its
own vector's and its sentences', `index.statements.with_sentence_parts`: one sentence of a
long statement may answer the topic alone) and its
context's (the chunk it lies in: a statement often answers a topic its paragraph
names), plus a small lexical bonus for the topic's content words it contains
(IDF-weighted share).
Cosine scales differ across languages (an English topic over an Indonesian statement
scores lower), so cross-lingual pairs get the same offset the abstention uses
(`retriever.rank.CROSS_LINGUAL_OFFSET`). The refusal threshold is compared with the
best statement's score.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass

import numpy as np

from retriever.rank import CROSS_LINGUAL_OFFSET

__all__ = [
    "BACKGROUND_SHARE",
    "CONTEXT_WEIGHT",
    "DIRECT_BONUS",
    "JOIN_MARGIN",
    "LEXICAL_WEIGHT",
    "MAX_TOPIC_GAP",
    "MIN_BACKGROUND_MARGIN",
    "MIN_TOPIC_SCORE",
    "NAMED_ELSEWHERE_MARGIN",
    "ScoredStatement",
    "StatementFeatures",
    "background_margin",
    "lexical_share",
    "on_topic",
    "rank_statements",
    "topic_score",
]

# Calibrated on ../shared/eval/said.jsonl and said-absent.jsonl (see README, "Quality").
LEXICAL_WEIGHT = 0.04
CONTEXT_WEIGHT = 0.5
# "What did X say" asks for their words: a direct quotation beats a reported paraphrase
# unless the paraphrase is clearly closer to the topic (0.03-0.2 all rank alike on said.jsonl).
DIRECT_BONUS = 0.05
# The person's paragraph right before or after the answering statement joins its quote when
# it scores within this of it (closer than what tells a quotation from a paraphrase) and, if
# the answering one holds any of the topic's words, holds one too: the same topic, so the
# same answer. Cosines alone do not tell topics apart this finely (the seed's Ukraine
# paragraph is .808 to "Iran", its Iran statement .813), hence the words where there are any.
# said.jsonl: quote-hit@1 .7375 -> .7625, @3 .9125 -> .9375, both halves up.
JOIN_MARGIN = DIRECT_BONUS
# Refuse when the best statement scores under this (a floor: no statement is near the topic) ...
MIN_TOPIC_SCORE = 0.79
# ... or when some chunk anywhere matches the topic better, by this much cosine, than every
# chunk of the articles the person is quoted in: the topic is covered, but not where they speak.
MAX_TOPIC_GAP = 0.03
# ... or when the topic gives a name none of their articles holds and a chunk naming it
# matches the topic at least as well as their best chunk less this (`retriever.said`'s
# `named_elsewhere`): Lorenzo's articles never name Valentino Rossi, so his words on the
# Montmelo layout are no statement on Rossi's injury. Written on questions over articles
# that said.jsonl does not use (bench/said_blind A and B: 7 -> 9 of 12 absent refused;
# then C, unseen: 3 -> 7 of 8); any margin from 0.03 to 0.07 gives the same.
NAMED_ELSEWHERE_MARGIN = 0.03


# Where the person's articles hold at least this share of the index's chunks, the topic gap
# compares them with little or nothing: the background margin decides instead ...
BACKGROUND_SHARE = 0.5
# ... refusing when no statement of theirs matches the topic by this much more than it
# matches everyday topics on average (`retriever.background_topics`). Over said.jsonl, its
# absent set and blind sets A-E on the 400 (gap and names left out, as if each person's
# articles were the whole index): 8% of answerable questions refused, 34% of absent ones
# (none refused by the floor alone); the quick start's "Ushakov on Iran / Ukraine" .06-.09,
# "on rice / football / harga beras" .01-.03.
MIN_BACKGROUND_MARGIN = 0.03


@dataclass(frozen=True)
class ScoredStatement:
    """A statement (by its position in the speaker index) and its topic score."""

    row: int
    score: float
    lexical: float = 0.0
    """Its `StatementFeatures.lexical`: how many of the topic's words it has."""


@dataclass(frozen=True)
class StatementFeatures:
    """What a statement's topic score is made of."""

    dense: float
    """Cosine of the statement's vector with the topic's (the best of its own and its
    sentences', for a statement of several)."""
    context: float | None
    """Cosine of its chunk's vector with the topic's (None: chunk not stored)."""
    lexical: float
    """`lexical_share` of the topic's words in the statement."""
    cross_lingual: bool
    """The statement is in another language than the question."""
    direct: bool = False
    """A direct quotation (the speaker's own words), not reported speech."""


def lexical_share(tokens: Collection[str], weights: Mapping[str, float]) -> float:
    """IDF-weighted share of the topic's content words that `tokens` contains (0..1)."""
    total = sum(weights.values())
    if total <= 0:
        return 0.0
    return sum(w for t, w in weights.items() if t in tokens) / total


def topic_score(
    f: StatementFeatures, *, context_weight: float = CONTEXT_WEIGHT,
    lexical_weight: float = LEXICAL_WEIGHT, offset: float = CROSS_LINGUAL_OFFSET,
    direct_bonus: float = DIRECT_BONUS,
) -> float:
    """Cosine-scaled topic score: a blend of the statement's and its context's cosine,
    plus the lexical bonus, the cross-lingual offset and the direct-quotation bonus.

    >>> topic_score(StatementFeatures(0.8, 0.9, 0.5, False), context_weight=0.5,
    ...             lexical_weight=0.1)
    0.9
    """
    context = f.dense if f.context is None else f.context
    return round((1 - context_weight) * f.dense + context_weight * context
                 + lexical_weight * f.lexical + (offset if f.cross_lingual else 0.0)
                 + (direct_bonus if f.direct else 0.0), 12)


def on_topic(best_score: float, topic_gap: float, *, min_score: float = MIN_TOPIC_SCORE,
             max_gap: float = MAX_TOPIC_GAP) -> bool:
    """Whether a person's best statement answers the topic (else: "no statement on it").

    Args:
        best_score: the `topic_score` of their best statement.
        topic_gap: the best chunk's cosine with the topic over the whole index, minus the
            best of the chunks of the articles they are quoted in.

    >>> on_topic(0.85, 0.0), on_topic(0.85, 0.06), on_topic(0.70, 0.0)
    (True, False, False)
    """
    return best_score >= min_score and topic_gap <= max_gap


def rank_statements(
    features: Mapping[int, StatementFeatures], **weights: float,
) -> list[ScoredStatement]:
    """Statements ranked by `topic_score` (keyword `weights` passed on), best first;
    ties keep index order."""
    out = [ScoredStatement(row, topic_score(f, **weights), f.lexical)
           for row, f in features.items()]
    out.sort(key=lambda s: (-s.score, s.row))
    return out


def background_margin(vectors: np.ndarray, topic: np.ndarray, background: np.ndarray) -> float:
    """How much better the best of `vectors` (statements, one per row) matches `topic` than
    it matches the `background` topics (rows) on average: near zero when a statement is
    merely close to everything.

    >>> round(background_margin(np.array([[1.0, 0.0]]), np.array([0.8, 0.6]),
    ...                         np.array([[0.6, 0.8], [0.0, 1.0]])), 3)
    0.5
    """
    return float(np.max(vectors @ topic - (vectors @ background.T).mean(axis=1)))
