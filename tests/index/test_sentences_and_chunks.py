"""Sentence spans and chunk offsets: every piece is an exact slice of the article."""

from __future__ import annotations

import itertools

import pytest

from index.chunk import SentenceChunker
from index.sentences import sentence_spans
from tests.conftest import SEED, SEED_QUOTE


def test_sentences_are_exact_trimmed_slices() -> None:
    text = "Dr. Smith tiba. Harga naik 3.5 persen!  \n\n“Bagus,” kata J. Doe. Selesai"
    spans = sentence_spans(text)
    assert [text[s:e] for s, e in spans] == [
        "Dr. Smith tiba.", "Harga naik 3.5 persen!", "“Bagus,” kata J. Doe.", "Selesai",
    ]


def test_seed_quote_is_one_sentence() -> None:
    text = SEED.read_text(encoding="utf-8")
    assert SEED_QUOTE in [text[s:e] for s, e in sentence_spans(text)]


def test_lowercase_continuation_is_not_a_boundary() -> None:
    text = "Ia berkata “tidak.” lalu pergi. Besok hujan."
    assert [text[s:e] for s, e in sentence_spans(text)] == [
        "Ia berkata “tidak.” lalu pergi.", "Besok hujan.",
    ]


def test_chunks_carry_exact_offsets_and_one_sentence_overlap() -> None:
    text = SEED.read_text(encoding="utf-8")
    chunks = SentenceChunker(chunk_size=400).split(text)
    assert len(chunks) > 3
    for chunk in chunks:
        assert text[chunk.start:chunk.end] == chunk.text
        assert len(chunk.text) <= 400
    default = SentenceChunker(chunk_size=800).split(text)
    for prev, nxt in itertools.pairwise(default):
        last_sentence = sentence_spans(text, prev.start, prev.end)[-1]
        assert nxt.start == last_sentence[0], "the next chunk starts with the last sentence"
    covered = set()
    for chunk in chunks:
        covered.update(range(chunk.start, chunk.end))
    sentences = sentence_spans(text)
    assert all(s in covered for s, _ in sentences), "every sentence lands in a chunk"


def test_run_on_sentence_is_cut_at_words() -> None:
    text = "kata " * 300
    chunks = SentenceChunker(chunk_size=100).split(text.strip())
    assert all(len(c.text) <= 100 and not c.text.startswith(" ") for c in chunks)
    assert all(text[c.start:c.end] == c.text for c in chunks)
    assert chunks[-1].end == len(text.strip())


def test_empty_text_has_no_chunks() -> None:
    assert SentenceChunker().split("") == []
    assert SentenceChunker().split("   \n ") == []


@pytest.mark.parametrize(("size", "overlap"), [(10, 1), (800, -1)])
def test_bad_chunker_settings_are_refused(size: int, overlap: int) -> None:
    with pytest.raises(ValueError):
        SentenceChunker(chunk_size=size, overlap_sentences=overlap)
