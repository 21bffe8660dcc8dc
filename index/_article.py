"""The article value object every loader produces and the store keeps."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

__all__ = ["Article"]


@dataclass(frozen=True)
class Article:
    """One news article as loaded; `text` is what quotes are cut from.

    `source` is the path relative to the indexed root for files, or the URL. `origin`
    says where it was read from, to tell two sources apart that propose the same id: a
    file's absolute path (with "#" and the record's id for a .json/.jsonl record); empty
    when the id itself is the origin (URLs, uploads). It is not part of `content_hash`.
    """

    article_id: str
    title: str
    text: str
    source: str
    url: str = ""
    date: str = ""
    origin: str = ""
    content_hash: str = field(init=False)

    def __post_init__(self) -> None:
        digest = hashlib.sha256()
        for part in (self.title, self.url, self.date, self.source, self.text):
            digest.update(part.encode("utf-8"))
            digest.update(b"\x00")
        object.__setattr__(self, "content_hash", digest.hexdigest()[:24])
