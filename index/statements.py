"""Attributed statements as the store keeps them: rows, ids and Chroma payloads.

Each article's statements (spans of attributed speech found by `index.speech`) live in a
third collection, `<name>-statements`: one record per statement, its document the
statement text (`article_text[start:end]`, verbatim by construction), its vector the
passage vector of that text, its metadata the article, offsets and speaker. They are
written with the article's chunks, before the article record (the commit marker), so
the same orphan and stale rules apply to them. Speaker keys (for name matching) are not
stored: the reader derives them, so a better name matcher needs no re-index.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal, Protocol

__all__ = [
    "Speech", "StatementLike", "StatementRow", "statement_id", "statement_payload",
    "statement_row",
]

Speech = Literal["direct", "reported"]


class StatementLike(Protocol):
    """What the indexer stores of an extracted statement (`index.speech.Statement`)."""

    start: int
    end: int
    speaker: str
    role: str | None
    speech: Speech


@dataclass(frozen=True)
class StatementRow:
    """One stored statement: who said `text` (= article text[start:end]) and how."""

    statement_id: str
    article_id: str
    content_hash: str
    start: int
    end: int
    speaker: str
    role: str | None
    speech: Speech
    carried: bool
    """Attributed through a pronoun ("ujarnya") to the nearest earlier named speaker."""
    text: str
    organisation: bool = False
    """The speaker is an institution ("Kementerian Luar Negeri"), not a person."""


def statement_id(article_id: str, content_hash: str, index: int) -> str:
    """The record id of an article version's `index`-th statement."""
    return f"{article_id}::{content_hash}::s{index}"


def statement_payload(
    article_id: str, content_hash: str, text: str, statements: Sequence[StatementLike],
    *, written_at: float,
) -> tuple[list[str], list[str], list[dict[str, Any]]]:
    """(ids, documents, metadatas) of one article version's statements for Chroma.

    Chroma metadata holds no None, so a missing role is stored as "".
    """
    ids, docs, metas = [], [], []
    for i, st in enumerate(statements):
        ids.append(statement_id(article_id, content_hash, i))
        docs.append(text[st.start:st.end])
        metas.append({
            "article_id": article_id, "hash": content_hash, "start": st.start, "end": st.end,
            "speaker": st.speaker, "role": st.role or "", "speech": st.speech,
            "carried": bool(getattr(st, "carried", False)),
            "organisation": bool(getattr(st, "organisation", False)), "written_at": written_at,
        })
    return ids, docs, metas


def statement_row(statement_id_: str, meta: Mapping[str, Any], doc: str | None) -> StatementRow:
    """A `StatementRow` from a stored record (ids and hashes interned: shared per article)."""
    speech = str(meta.get("speech") or "reported")
    return StatementRow(
        statement_id=statement_id_, article_id=sys.intern(str(meta["article_id"])),
        content_hash=sys.intern(str(meta["hash"])), start=int(meta["start"]),
        end=int(meta["end"]), speaker=str(meta.get("speaker") or ""),
        role=str(meta.get("role") or "") or None,
        speech="direct" if speech == "direct" else "reported",
        carried=bool(meta.get("carried")), text=doc or "",
        organisation=bool(meta.get("organisation")),
    )
