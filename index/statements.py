"""Attributed statements as the store keeps them: rows, ids and Chroma payloads.

Each article's statements (spans of attributed speech found by `index.speech`) live in a
third collection, `<name>-statements`: one record per statement, its document the
statement text (`article_text[start:end]`, verbatim by construction), its vector the
passage vector of that text, its metadata the article, offsets and speaker. They are
written with the article's chunks, before the article record (the commit marker), so
the same orphan and stale rules apply to them. Speaker keys (for name matching) are not
stored: the reader derives them, so a better name matcher needs no re-index.

A statement of several sentences also gets one record per sentence (`with_sentence_parts`:
a "part", id `<statement id>::p<j>`, metadata `part_of`), so a topic one of its sentences
answers is not diluted by the others: the ranking takes the best of the statement's vector
and its parts' (`retriever.said`). Parts are not statements: `statement_row` readers skip
them (`is_part`). An index written before parts simply has none. Such a statement's own
vector is the normalised mean of its parts' vectors rather than a forward pass of its whole
text (`embedded_records`, `record_vectors`): on said.jsonl the ranking came out the same
(quote-hit@1 .725 either way, speaker-hit and refusals equal), and multi-sentence statements
are 26% of the statement text of 3,463 IndoSum articles, so indexing embeds that much less.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal, Protocol

import numpy as np

from index.sentences import sentence_spans

__all__ = [
    "MIN_PART_CHARS", "SentencePart", "Speech", "StatementLike", "StatementRow",
    "embedded_records", "embedded_texts", "is_part", "part_ids", "record_vectors", "statement_id", "statement_of",
    "statement_payload", "statement_row", "with_sentence_parts",
]

Speech = Literal["direct", "reported"]
# A sentence shorter than this ("Ya kan.") says too little to match a topic on its own: it
# gets no part of its own (and costs no vector).
MIN_PART_CHARS = 25
_PART = "::p"


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
    parts: int = 0
    """How many sentence parts are stored with it (`part_ids`)."""


@dataclass(frozen=True)
class SentencePart:
    """One sentence of a statement of several, stored (and embedded) as a part of it."""

    start: int
    end: int
    part_of: int
    """The position of its statement in the article's statements."""
    speaker: str = ""
    role: str | None = None
    speech: Speech = "reported"


def with_sentence_parts(text: str, statements: Sequence[StatementLike],
                        ) -> list[StatementLike | SentencePart]:
    """`statements`, then the sentence parts of each one of several sentences (those of at
    least `MIN_PART_CHARS`), in statement order: what the indexer embeds and stores."""
    parts: list[StatementLike | SentencePart] = []
    for i, st in enumerate(statements):
        spans = sentence_spans(text, st.start, st.end)
        if len(spans) > 1:
            parts.extend(SentencePart(s, e, i) for s, e in spans if e - s >= MIN_PART_CHARS)
    return [*statements, *parts]


def embedded_records(records: Sequence[StatementLike | SentencePart]) -> list[bool]:
    """Which of `with_sentence_parts`' records need a forward pass of their own: the parts
    and the statements without parts (a statement with parts pools theirs, `record_vectors`)."""
    pooled = _parts_by_statement(records)
    return [i not in pooled for i in range(len(records))]


def embedded_texts(text: str, records: Sequence[StatementLike | SentencePart]) -> list[str]:
    """The texts of `records` that need a forward pass (`embedded_records`), in order."""
    return [text[r.start:r.end]
            for r, own in zip(records, embedded_records(records), strict=True) if own]


def record_vectors(records: Sequence[StatementLike | SentencePart],
                   embedded: np.ndarray) -> np.ndarray:
    """Every record's vector from the `embedded` ones (in `embedded_records` order): a
    statement with parts gets the normalised mean of its parts' vectors."""
    needed = embedded_records(records)
    if len(embedded) != sum(needed):
        raise ValueError(f"{len(embedded)} vectors for {sum(needed)} embedded records")
    out = np.zeros((len(records), embedded.shape[1] if embedded.ndim == 2 else 0), np.float32)
    out[np.flatnonzero(needed)] = embedded
    for i, parts in _parts_by_statement(records).items():
        mean = out[parts].mean(axis=0)
        out[i] = mean / np.linalg.norm(mean)
    return out


def _parts_by_statement(records: Sequence[StatementLike | SentencePart]) -> dict[int, list[int]]:
    """Record positions of each statement that has parts -> its parts' positions (a part's
    `part_of` counts statements only, wherever the parts are placed)."""
    statements = [i for i, r in enumerate(records) if not isinstance(r, SentencePart)]
    out: dict[int, list[int]] = {}
    for j, r in enumerate(records):
        if isinstance(r, SentencePart):
            out.setdefault(statements[r.part_of], []).append(j)
    return out


def is_part(meta: Mapping[str, Any]) -> bool:
    """Whether a stored statement record is a sentence part (not a statement)."""
    return bool(meta.get("part_of"))


def part_ids(row: StatementRow) -> list[str]:
    """The record ids of `row`'s sentence parts."""
    return [f"{row.statement_id}{_PART}{j}" for j in range(row.parts)]


def statement_of(record_id: str) -> str:
    """The statement id of a stored record: its own, or its statement's for a part."""
    return record_id.split(_PART, 1)[0]


def statement_id(article_id: str, content_hash: str, index: int) -> str:
    """The record id of an article version's `index`-th statement."""
    return f"{article_id}::{content_hash}::s{index}"


def statement_payload(
    article_id: str, content_hash: str, text: str,
    statements: Sequence[StatementLike | SentencePart], *, written_at: float,
) -> tuple[list[str], list[str], list[dict[str, Any]]]:
    """(ids, documents, metadatas) of one article version's statements (and their sentence
    parts, `with_sentence_parts`: each after its statement) for Chroma, in the order given.

    Chroma metadata holds no None, so a missing role is stored as "".
    """
    ids, docs, metas = [], [], []
    owner_meta: list[dict[str, Any]] = []  # the statements' metadata, by statement position
    for st in statements:
        docs.append(text[st.start:st.end])
        if isinstance(st, SentencePart):
            owner = statement_id(article_id, content_hash, st.part_of)
            ids.append(f"{owner}{_PART}{owner_meta[st.part_of]['parts']}")
            owner_meta[st.part_of]["parts"] += 1
            metas.append({"article_id": article_id, "hash": content_hash, "start": st.start,
                          "end": st.end, "part_of": owner, "written_at": written_at})
            continue
        ids.append(statement_id(article_id, content_hash, len(owner_meta)))
        owner_meta.append({
            "article_id": article_id, "hash": content_hash, "start": st.start, "end": st.end,
            "speaker": st.speaker, "role": st.role or "", "speech": st.speech,
            "carried": bool(getattr(st, "carried", False)),
            "organisation": bool(getattr(st, "organisation", False)), "written_at": written_at,
            "parts": 0,
        })
        metas.append(owner_meta[-1])
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
        organisation=bool(meta.get("organisation")), parts=int(meta.get("parts") or 0),
    )
