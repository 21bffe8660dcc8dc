"""Sentence splitting stays linear on hostile runs of punctuation (issue 13, item 7)."""

from __future__ import annotations

import time

import pytest

from index.sentences import sentence_spans

RUN = 30_000  # took 20 s before the fix (quadratic); milliseconds after it


def _texts(spans: list[tuple[int, int]], text: str) -> list[str]:
    return [text[s:e] for s, e in spans]


@pytest.mark.parametrize("run", [
    pytest.param("." * RUN, id="dots"),
    pytest.param("!?" * (RUN // 2), id="bangs-and-questions"),
    pytest.param("…" * RUN, id="ellipses"),
    pytest.param('."' * (RUN // 2), id="dots-and-quotes"),
])
def test_a_long_run_of_sentence_ends_without_a_space_splits_at_once(run: str) -> None:
    text = "Awal " + run + "x akhir. Kalimat kedua."
    started = time.perf_counter()
    spans = sentence_spans(text)
    seconds = time.perf_counter() - started
    assert _texts(spans, text) == ["Awal " + run + "x akhir.", "Kalimat kedua."]
    assert seconds < 2, f"{seconds:.1f}s for a run of {len(run):,} characters"


@pytest.mark.parametrize(("text", "sentences"), [
    pytest.param("Harga 3.5 juta. Naik!! Turun?", ["Harga 3.5 juta.", "Naik!!", "Turun?"],
                 id="decimal-and-runs"),
    pytest.param('Dia bilang ".". Lalu pergi.', ['Dia bilang ".".', "Lalu pergi."],
                 id="end-after-a-closing-quote"),
    pytest.param("Ia berkata... lalu diam. Dr. Budi datang.",
                 ["Ia berkata... lalu diam.", "Dr. Budi datang."], id="lowercase-and-abbrev"),
    pytest.param('x." . y', ['x."', '. y'], id="closer-then-dot"),
    pytest.param("Selesai.   ", ["Selesai."], id="trailing-space"),
])
def test_sentence_ends_are_where_they_were(text: str, sentences: list[str]) -> None:
    assert _texts(sentence_spans(text), text) == sentences
