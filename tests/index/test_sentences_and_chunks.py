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


@pytest.mark.parametrize("word", ["x", "."], ids=["letters", "dots"])
def test_a_5mb_unbreakable_word_is_cut_in_one_pass(word: str) -> None:
    """LangChain's last resort splits a run without spaces char by char (4-5 s at 5 MB)."""
    import time

    text = "Awal " + word * 5_000_000 + " akhir."
    chunker = SentenceChunker(chunk_size=800)
    started = time.process_time()
    chunks = chunker.split(text)
    took = time.process_time() - started
    assert took < 2.0, f"{took:.2f}s of CPU for 5 MB"
    assert all(len(c.text) <= 800 and c.text == text[c.start:c.end] for c in chunks)
    assert chunks[0].start == 0 and chunks[-1].end == len(text)
    assert all(b.start <= a.end for a, b in itertools.pairwise(chunks))  # nothing skipped


def test_window_cuts_prefer_a_separator() -> None:
    text = "y" * 900 + ", " + "z" * 700
    chunks = SentenceChunker(chunk_size=800).split(text)
    assert [len(c.text) for c in chunks] == [800, 102, 700]  # the second ends after ", "
    text = "a" * 500 + ", " + "b" * 900
    first = SentenceChunker(chunk_size=800).split(text)[0]
    assert first.text == "a" * 500 + ", "
