"""Paging through an answer as the "More quotes" button does (`exclude=` what was shown)."""

from __future__ import annotations

from collections.abc import Iterable

from retriever import Retriever
from retriever._types import Answer, Quote


def spans(quotes: Iterable[Quote]) -> list[tuple[str, int, int]]:
    """(article_id, start, end) of each quote: what `Retriever.search(exclude=)` takes."""
    return [(q.article_id, q.start, q.end) for q in quotes]


def pages(retriever: Retriever, question: str, *, k: int) -> list[Answer]:
    """Every page of `question`, `k` quotes each, while `has_more` says there is another;
    it stops at an empty page too (a broken `has_more` must fail a test, not loop)."""
    answer = retriever.search(question, k=k)
    found, shown = [answer], spans(answer.quotes)
    while answer.has_more and answer.quotes:
        answer = retriever.search(question, k=k, exclude=shown)
        found.append(answer)
        shown += spans(answer.quotes)
    return found
