"""Sentence parts of long statements (pure: no model, no store): which sentences get one,
how they are stored beside their statement and told apart from statements when read."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pytest

from index.statements import (
    MIN_PART_CHARS,
    SentencePart,
    embedded_records,
    is_part,
    part_ids,
    record_vectors,
    statement_of,
    statement_payload,
    statement_row,
    with_sentence_parts,
)

TEXT = ("“Kami bermain luar biasa sejak menit pertama. Tim ini telah banyak berkorban. "
        "Ya kan,” kata Wenger. “Final itu berat,” ujarnya.")


@dataclass(frozen=True)
class _Found:
    start: int
    end: int
    speaker: str = "Wenger"
    role: str | None = None
    speech: str = "direct"


LONG = _Found(0, TEXT.index(" “Final"))
SHORT = _Found(TEXT.index("“Final"), len(TEXT))


def test_only_statements_of_several_sentences_get_parts_and_only_long_sentences() -> None:
    out = with_sentence_parts(TEXT, [LONG, SHORT])
    assert out[:2] == [LONG, SHORT]  # the statements first, unchanged
    parts = out[2:]
    assert [TEXT[p.start:p.end] for p in parts] == [
        "“Kami bermain luar biasa sejak menit pertama.", "Tim ini telah banyak berkorban."]
    assert all(p.part_of == 0 and p.end - p.start >= MIN_PART_CHARS for p in parts)
    assert with_sentence_parts(TEXT, [SHORT]) == [SHORT]  # one sentence: no part


def test_parts_are_stored_under_their_statement_and_read_back_apart() -> None:
    found = with_sentence_parts(TEXT, [LONG, SHORT])
    ids, docs, metas = statement_payload("a", "h", TEXT, found, written_at=1.0)
    assert ids == ["a::h::s0", "a::h::s1", "a::h::s0::p0", "a::h::s0::p1"]
    assert docs == [TEXT[st.start:st.end] for st in found]  # verbatim, like the statements
    assert [is_part(m) for m in metas] == [False, False, True, True]
    assert all(m["article_id"] == "a" and m["hash"] == "h" for m in metas)  # same stale rules
    row = statement_row(ids[0], metas[0], docs[0])
    assert row.parts == 2 and part_ids(row) == ids[2:]
    assert statement_row(ids[1], metas[1], docs[1]).parts == 0
    assert {statement_of(i) for i in ids[2:]} == {"a::h::s0"}
    assert statement_of("a::h::s1") == "a::h::s1"


def test_a_record_written_before_parts_reads_as_a_statement_without_parts() -> None:
    meta = {"article_id": "a", "hash": "h", "start": 0, "end": 5, "speaker": "Ani",
            "speech": "direct"}
    row = statement_row("a::h::s0", meta, "Halo.")
    assert not is_part(meta) and row.parts == 0 and part_ids(row) == []


def test_a_part_keeps_its_statements_index_among_statements_only() -> None:
    """Parts placed anywhere in the list still number their statement by statements alone."""
    part = SentencePart(0, TEXT.index(" Tim"), part_of=1)
    ids, _, metas = statement_payload("a", "h", TEXT, [SHORT, LONG, part], written_at=1.0)
    assert ids == ["a::h::s0", "a::h::s1", "a::h::s1::p0"]
    assert metas[2]["part_of"] == "a::h::s1" and metas[1]["parts"] == 1


def test_a_statement_with_parts_is_not_embedded_but_pools_its_parts_vectors() -> None:
    found = with_sentence_parts(TEXT, [LONG, SHORT])  # LONG, SHORT, LONG's two sentences
    assert embedded_records(found) == [False, True, True, True]
    rng = np.random.default_rng(0)
    embedded = rng.normal(size=(3, 8)).astype(np.float32)
    embedded /= np.linalg.norm(embedded, axis=1, keepdims=True)
    vectors = record_vectors(found, embedded)
    assert vectors.shape == (4, 8)
    np.testing.assert_array_equal(vectors[1:], embedded)  # SHORT and the parts as embedded
    mean = embedded[1:].mean(axis=0)
    np.testing.assert_allclose(vectors[0], mean / np.linalg.norm(mean), rtol=1e-6)
    assert abs(float(np.linalg.norm(vectors[0])) - 1.0) < 1e-6


def test_pooling_follows_part_of_wherever_the_parts_are_placed() -> None:
    part = SentencePart(0, TEXT.index(" Tim"), part_of=1)
    records = [SHORT, part, LONG]  # the part belongs to LONG, the second statement
    assert embedded_records(records) == [True, True, False]
    embedded = np.eye(2, 4, dtype=np.float32)
    vectors = record_vectors(records, embedded)
    np.testing.assert_array_equal(vectors[2], embedded[1])  # one part: its vector
    with pytest.raises(ValueError, match="vectors for 2 embedded records"):
        record_vectors(records, embedded[:1])
