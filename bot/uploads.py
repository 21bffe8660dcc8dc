"""Uploads that share a file name: an edited version replaces, a different article does not.

An upload's id is its file name, so a second "berita.txt" with another article in it had
replaced the first one, whose text was then gone. A new version of an article keeps its
title; a different article has another. Here an upload whose title differs from that of the
stored upload it would replace gets an origin of its own, so the indexer stores it beside
the earlier one (under "berita.txt~1a2b3c4d", see `index.identity`), and both stay.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator

from index import Article
from index.identity import origin_of
from index.loaders import LoadResult
from index.store import ArticleRecord

__all__ = ["beside_other_uploads"]


def beside_other_uploads(items: Iterable[LoadResult],
                         stored: Iterable[ArticleRecord]) -> Iterator[LoadResult]:
    """`items` (one upload's load results), each article that would replace a stored
    article of another title under a distinct origin ("<origin>#<title>")."""
    titles = {record.origin: record.title for record in stored if record.origin}
    for item in items:
        if isinstance(item, Article):
            origin = origin_of(item)
            if origin in titles and titles[origin] != item.title:
                item = dataclasses.replace(item, origin=f"{origin}#{item.title}")
        yield item
