"""Pick verbatim quotes from candidate chunks (pure functions, no model, no store).

Within the best chunks, each candidate quote — a sentence, or a sentence with the
one after it when both fit in `pair_chars` — is scored by its chunk's fused score,
plus how many of the question's content words (IDF-weighted) it contains, plus a
bonus when it offers the kind of answer the question asks for (a number for
"berapa", a date for "kapan", a name for "siapa"; see `retriever.answer_type`).
A short sentence is joined with its neighbour when that keeps the quote readable,
and a sentence followed by its attribution ("…," kata X.) keeps it. At most
`per_chunk` quotes come from one chunk, so the next chunk gets a say. Every quote
is checked to be `article_text[start:end]` before it is returned.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass

from index.sentences import sentence_spans
from retriever.answer_type import AnswerType, offers_answer
from retriever.text import tokenize

__all__ = ["QuoteSpan", "overlaps", "pick_quote_spans", "verify_quote"]

_ATTRIBUTION = re.compile(
    r"^(kata|ujar|ucap|tutur|jelas|ungkap|tambah|imbuh|tegas|said|says|added|according)\b",
    re.IGNORECASE,
)
MIN_QUOTE_CHARS = 60
# Tuned on the tuning half of dev (quote-hit@1/@3), see README "Quality". Not the fusion's
# weight (`rank.FUSION_LEXICAL_WEIGHT`): this one ranks sentences within chosen chunks.
QUOTE_LEXICAL_WEIGHT = 0.05
ANSWER_TYPE_WEIGHT = 0.04
PAIR_PENALTY = 0.001  # a pair must add something to beat its first sentence alone
POSITION_PENALTY = 0.0005  # earlier sentences of a chunk break ties (leads carry the news)


@dataclass(frozen=True)
class QuoteSpan:
    """A chosen span of an article, with the score it was chosen by."""

    article_id: str
    start: int
    end: int
    score: float


def verify_quote(article_text: str, text: str, start: int, end: int) -> bool:
    """True when `text` is exactly `article_text[start:end]` (and non-empty)."""
    return bool(text) and 0 <= start < end <= len(article_text) and \
        article_text[start:end] == text


def overlaps(article_id: str, start: int, end: int, spans: Iterable[tuple[str, int, int]]) -> bool:
    """True when [start, end) of `article_id` shares a character with any of `spans`."""
    return any(a == article_id and start < e and s < end for a, s, e in spans)


def _lexical_score(text: str, query_terms: Mapping[str, float]) -> float:
    tokens = set(tokenize(text))
    return sum(w for term, w in query_terms.items() if term in tokens)


def _trim(start: int, end: int, max_chars: int, text: str) -> tuple[int, int]:
    """Cut an over-long span at a word boundary so it fits `max_chars`."""
    if end - start <= max_chars:
        return start, end
    cut = text.rfind(" ", start, start + max_chars)
    cut = cut if cut > start + max_chars // 2 else start + max_chars
    while cut > start and text[cut - 1] in " ,;:":
        cut -= 1
    return start, cut


def _expand(spans: list[tuple[int, int]], i: int, text: str, max_chars: int) -> tuple[int, int]:
    """Grow sentence i with a neighbour when it is very short or the next one is its attribution."""
    start, end = spans[i]
    if i + 1 < len(spans):
        nxt_start, nxt_end = spans[i + 1]
        nxt = text[nxt_start:nxt_end]
        if (_ATTRIBUTION.match(nxt) or end - start < MIN_QUOTE_CHARS) and \
                nxt_end - start <= max_chars:
            end = nxt_end
    if end - start < MIN_QUOTE_CHARS and i > 0 and end - spans[i - 1][0] <= max_chars:
        start = spans[i - 1][0]
    return _trim(start, end, max_chars, text)


def _candidate_spans(
    spans: list[tuple[int, int]], text: str, max_chars: int, pair_chars: int
) -> list[tuple[int, int, int, float]]:
    """(sentence index, start, end, penalty) of every single-sentence and pair quote."""
    out = []
    for i, (s, e) in enumerate(spans):
        q_start, q_end = _expand(spans, i, text, max_chars)
        out.append((i, q_start, q_end, 0.0))
        if i + 1 < len(spans) and spans[i + 1][1] - s <= min(pair_chars, max_chars) \
                and spans[i + 1][1] > q_end:
            out.append((i, s, spans[i + 1][1], PAIR_PENALTY))
    return out


def pick_quote_spans(
    chunks: Sequence[tuple[str, str, int, int, float]],
    query_terms: Mapping[str, float],
    *,
    k: int = 3,
    max_chars: int = 400,
    lexical_weight: float = QUOTE_LEXICAL_WEIGHT,
    answer_kind: AnswerType | None = None,
    question_tokens: Collection[str] = (),
    answer_type_weight: float = ANSWER_TYPE_WEIGHT,
    per_chunk: int = 2,
    pair_chars: int = 300,
) -> list[QuoteSpan]:
    """Choose up to `k` non-overlapping quote spans from ranked chunks.

    Args:
        chunks: (article_id, article_text, chunk_start, chunk_end, chunk_score), best first.
        query_terms: content word → weight (see `LexicalIndex.query_weights`).
        k: how many quotes at most.
        max_chars: longest quote.
        lexical_weight: how much a full lexical match adds to a sentence's chunk score.
        answer_kind: what the question asks for (`retriever.answer_type.answer_type`).
        question_tokens: the question's words (an answer must bring a new one).
        answer_type_weight: bonus for a quote that offers an answer of `answer_kind`.
        per_chunk: most quotes taken from one chunk.
        pair_chars: longest two-sentence quote.

    Returns:
        Spans sorted by decreasing score; each lies inside its article text.

    >>> text = ("Harga beras naik tajam di pasar tradisional Jakarta pekan ini. "
    ...         "Stok beras nasional aman sampai akhir tahun depan, kata Arief.")
    >>> [text[s.start:s.end] for s in pick_quote_spans([("a", text, 0, len(text), 0.9)],
    ...                                               {"stok": 1.0}, k=1)]
    ['Stok beras nasional aman sampai akhir tahun depan, kata Arief.']
    """
    total = sum(query_terms.values()) or 1.0
    scored: list[tuple[float, int, QuoteSpan]] = []
    for rank, (article_id, text, c_start, c_end, c_score) in enumerate(chunks):
        spans = sentence_spans(text, c_start, c_end)
        for i, start, end, penalty in _candidate_spans(spans, text, max_chars, pair_chars):
            quote = text[start:end]
            score = (c_score + lexical_weight * _lexical_score(quote, query_terms) / total
                     - POSITION_PENALTY * i - 0.0001 * rank - penalty)
            if answer_kind is not None and offers_answer(quote, answer_kind, question_tokens):
                score += answer_type_weight
            scored.append((score, rank, QuoteSpan(article_id, start, end, score)))
    scored.sort(key=lambda item: item[0], reverse=True)
    chosen: list[QuoteSpan] = []
    taken: dict[int, int] = {}
    for limit in (per_chunk, k):  # spread over chunks first, then fill up
        for _, rank, cand in scored:
            if len(chosen) == k:
                break
            if taken.get(rank, 0) >= limit or overlaps(
                cand.article_id, cand.start, cand.end,
                ((c.article_id, c.start, c.end) for c in chosen),
            ):
                continue
            chosen.append(cand)
            taken[rank] = taken.get(rank, 0) + 1
    chosen.sort(key=lambda q: q.score, reverse=True)
    return chosen
