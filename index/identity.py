"""Article identity: one id per source, stable across runs.

A loader proposes an id (a file's path relative to the indexed root, a record's `id`, a
URL) and says where the article came from (`Article.origin`). The first source to claim
an id keeps it, so a single indexed folder keeps the ids it always had (the eval sets
name articles by them); another source proposing a taken id gets the id with a short
hash of its origin appended (`news.txt~1a2b3c4d`), the same one on every run.

Records stored before origins were recorded ("legacy", origin empty) are claimed by an
article with the same content, or by a URL (its id is its origin); any other article
proposing a legacy id gets a distinct id and the legacy record is kept, never replaced.
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
import os
from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass, field

from index._article import Article
from index.store import ArticleRecord

__all__ = ["IdRegistry", "file_is_gone", "origin_of", "under_roots"]

logger = logging.getLogger(__name__)


def origin_of(article: Article) -> str:
    """Where `article` came from; the id itself when the loader left `origin` empty."""
    return article.origin or article.article_id


def distinct_id(proposed: str, origin: str, taken: Container[str]) -> str:
    """`proposed` plus the shortest hash of `origin` (8 hex digits or more) not yet taken."""
    digest = hashlib.sha256(origin.encode("utf-8")).hexdigest()
    for size in range(8, len(digest) + 1, 4):
        candidate = f"{proposed}~{digest[:size]}"
        if candidate not in taken:
            return candidate
    raise ValueError(f"no free id for {origin!r}")  # 2**-256: never in practice


@dataclass
class _Holder:
    origin: str  # "" for a legacy record
    content_hash: str
    source: str = ""  # as first stored: an id's source stays the one it was claimed with


@dataclass
class IdRegistry:
    """Which id belongs to which origin: the stored records, then this run's articles."""

    by_id: dict[str, _Holder] = field(default_factory=dict)
    by_origin: dict[str, str] = field(default_factory=dict)
    claimed: dict[str, str] = field(default_factory=dict)
    """Legacy ids claimed this run with unchanged content: id → origin, to record."""
    notes: list[str] = field(default_factory=list)

    @classmethod
    def from_records(cls, records: Iterable[ArticleRecord]) -> IdRegistry:
        registry = cls()
        for r in records:
            registry.by_id[r.article_id] = _Holder(r.origin, r.content_hash, r.source)
            if r.origin:
                registry.by_origin[r.origin] = r.article_id
        return registry

    def assign(self, article: Article) -> Article:
        """`article` under its final id, with its origin filled in."""
        origin = origin_of(article)
        final = self.by_origin.get(origin)
        if final is None:
            final = self._new_id(article, origin)
            self.by_id[final] = _Holder(origin, article.content_hash, article.source)
            self.by_origin[origin] = final
        # The same file reached through a folder above or below the one it was first indexed
        # from proposes another relative path: it keeps the source its id was stored with,
        # so an unchanged file stays unchanged (the source is part of `content_hash`).
        source = self.by_id[final].source or article.source
        if final == article.article_id and origin == article.origin and source == article.source:
            return article
        return dataclasses.replace(article, article_id=final, origin=origin, source=source)

    def _new_id(self, article: Article, origin: str) -> str:
        proposed = article.article_id
        holder = self.by_id.get(proposed)
        if holder is None:
            return proposed
        if not holder.origin and (holder.content_hash == article.content_hash
                                  or origin == proposed):
            if holder.content_hash == article.content_hash:
                self.claimed[proposed] = origin
            return proposed
        final = distinct_id(proposed, origin, self.by_id)
        if not holder.origin:
            self.notes.append(
                f"{article.source}: indexed as {final!r}; {proposed!r} was indexed before kutip "
                f"recorded sources and is kept (if it is an old copy: kutip remove {proposed})"
            )
        else:
            logger.info("%s: id %r is taken by another source; indexed as %r",
                        article.source, proposed, final)
        return final


def file_is_gone(origin: str) -> bool:
    """True when no file of `origin` (a path, maybe with "#record") exists any more.

    Every prefix ending at a "#" is tried, so a "#" in a file name never makes a file
    that still exists look gone."""
    cuts = [i for i, ch in enumerate(origin) if ch == "#"] + [len(origin)]
    return not any(os.path.isfile(origin[:i]) for i in cuts)


def under_roots(origin: str, roots: Sequence[str]) -> bool:
    """True when `origin` is an absolute file path inside (or equal to) one of `roots`
    (real paths of folders or files)."""
    if not os.path.isabs(origin):
        return False
    for root in roots:
        if origin == root or origin.startswith((root.rstrip(os.sep) + os.sep, root + "#")):
            return True
    return False
