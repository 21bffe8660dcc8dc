"""Pick verbatim quotes from candidate chunks (pure functions, no model, no store).

Within the best chunks, each sentence is scored by the chunk's fused score plus
how many of the question's content words (IDF-weighted) it contains; a short
sentence is joined with its neighbour when that keeps the quote readable, and a
sentence followed by its attribution ("…," kata X.) keeps it. Every quote is
checked to be `article_text[start:end]` before it is returned.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from index.sentences import sentence_spans
from retriever.text import tokenize

__all__ = ["QuoteSpan", "pick_quote_spans", "verify_quote"]

_ATTRIBUTION = re.compile(
    r"^(kata|ujar|ucap|tutur|jelas|ungkap|tambah|imbuh|tegas|said|says|added|according)\b",
    re.IGNORECASE,
)
MIN_QUOTE_CHARS = 60


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


def _sentence_score(sentence: str, query_terms: Mapping[str, float]) -> float:
    tokens = set(tokenize(sentence))
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


def query_weights(question: str, doc_freq: Mapping[str, int], n_docs: int) -> dict[str, float]:
    """IDF weight of each content word of the question (unknown words weigh most)."""
    weights = {}
    for term in set(tokenize(question)):
        df = doc_freq.get(term, 0)
        weights[term] = math.log(1 + (n_docs + 1) / (df + 0.5))
    return weights


def pick_quote_spans(
    chunks: Sequence[tuple[str, str, int, int, float]],
    query_terms: Mapping[str, float],
    *,
    k: int = 3,
    max_chars: int = 400,
    lexical_weight: float = 0.05,
) -> list[QuoteSpan]:
    """Choose up to `k` non-overlapping quote spans from ranked chunks.

    Args:
        chunks: (article_id, article_text, chunk_start, chunk_end, chunk_score), best first.
        query_terms: content word → weight (see `query_weights`).
        k: how many quotes at most.
        max_chars: longest quote.
        lexical_weight: how much a full lexical match adds to a sentence's chunk score.

    Returns:
        Spans sorted by decreasing score; each lies inside its article text.
    """
    total = sum(query_terms.values()) or 1.0
    scored: list[QuoteSpan] = []
    for rank, (article_id, text, c_start, c_end, c_score) in enumerate(chunks):
        spans = sentence_spans(text, c_start, c_end)
        for i, (s, e) in enumerate(spans):
            lexical = _sentence_score(text[s:e], query_terms) / total
            # Earlier sentences of a chunk break ties (leads carry the news), barely.
            score = c_score + lexical_weight * lexical - 0.0005 * i - 0.0001 * rank
            q_start, q_end = _expand(spans, i, text, max_chars)
            scored.append(QuoteSpan(article_id, q_start, q_end, score))
    scored.sort(key=lambda q: q.score, reverse=True)
    chosen: list[QuoteSpan] = []
    for cand in scored:
        if any(c.article_id == cand.article_id and cand.start < c.end and c.start < cand.end
               for c in chosen):
            continue
        chosen.append(cand)
        if len(chosen) == k:
            break
    return chosen
