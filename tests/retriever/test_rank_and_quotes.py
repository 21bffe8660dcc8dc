"""Pure ranking and quote functions: fusion without lexical overlap, verbatim quotes."""

from __future__ import annotations

import itertools
from collections import Counter

import numpy as np

from retriever.answer_type import answer_type
from retriever.lexical import LexicalIndex
from retriever.quotes import overlaps, pick_quote_spans, verify_quote
from retriever.rank import fuse_scores, top_indices
from retriever.text import tokenize


def query_weights(question: str, doc_freq: dict[str, int], n_docs: int) -> dict[str, float]:
    """The IDF weights the retriever passes to the quote picker, from given statistics."""
    index = LexicalIndex(bm25=None, doc_freq=Counter(doc_freq), n_docs=n_docs)
    return index.query_weights(tokenize(question))


def test_zero_lexical_overlap_leaves_dense_ranking_untouched() -> None:
    dense = {"a": 0.86, "b": 0.84, "c": 0.80}
    lexical = {"c": 12.0}  # BM25 noise on a stop-word-ish match
    fused = fuse_scores(dense, lexical, confidence=0.0)
    assert sorted(fused, key=fused.get, reverse=True) == ["a", "b", "c"]
    assert fused == dense


def test_confident_lexical_match_can_lift_a_close_second() -> None:
    fused = fuse_scores({"a": 0.86, "b": 0.85}, {"b": 9.0, "a": 1.0}, confidence=1.0)
    assert fused["b"] > fused["a"]


def test_known_share_counts_known_words() -> None:
    index = LexicalIndex(bm25=None, doc_freq=Counter({"ushakov": 1, "iran": 1}), n_docs=2)
    assert index.known_share(["ushakov", "iran"]) == 1.0
    assert index.known_share(["ushakov", "weather", "weather"]) == 0.5
    assert index.known_share([]) == 0.0


def test_query_weights_weigh_rare_and_unknown_words_most() -> None:
    weights = query_weights("beras beras Ushakov pasar", {"beras": 9, "pasar": 2}, 10)
    assert set(weights) == {"beras", "ushakov", "pasar"}
    assert weights["ushakov"] > weights["pasar"] > weights["beras"] > 0


def test_overlaps_only_within_the_same_article() -> None:
    shown = [("a", 10, 20)]
    assert overlaps("a", 15, 30, shown) and overlaps("a", 0, 11, shown)
    assert not overlaps("a", 20, 30, shown) and not overlaps("a", 0, 10, shown)
    assert not overlaps("b", 15, 30, shown) and not overlaps("a", 15, 30, [])


def test_top_indices_orders_best_first() -> None:
    assert top_indices(np.array([0.1, 0.9, 0.5, 0.9]), 3).tolist() == [1, 3, 2]
    assert top_indices(np.array([]), 3).tolist() == []


def test_tokenize_drops_stopwords_in_both_languages_and_possessives() -> None:
    assert tokenize("What did the Kremlin's adviser say about Iran?") == [
        "kremlin", "adviser", "iran",
    ]
    assert tokenize("Apa yang dikatakan Ushakov tentang Iran?") == ["ushakov", "iran"]


TEXT = (
    "Harga beras naik 8 persen. Pemerintah akan menyalurkan beras cadangan.\n"
    "\"Stok aman,\" kata Arief di Jakarta. Pedagang menyebut pasokan berkurang."
)


def test_quotes_are_verbatim_and_prefer_matching_sentences() -> None:
    weights = query_weights("pasokan pedagang", {"pasokan": 1, "pedagang": 1}, 10)
    spans = pick_quote_spans([("a", TEXT, 0, len(TEXT), 0.9)], weights, k=2, max_chars=400)
    best = TEXT[spans[0].start:spans[0].end]
    assert "Pedagang menyebut pasokan berkurang." in best
    assert "Harga beras naik" not in best
    for span in spans:
        assert verify_quote(TEXT, TEXT[span.start:span.end], span.start, span.end)


def test_quote_keeps_its_attribution_sentence() -> None:
    text = "“Stok beras nasional aman sampai akhir tahun depan.” Kata Arief di Jakarta, Senin."
    weights = query_weights("stok beras", {}, 10)
    [span] = pick_quote_spans([("a", text, 0, len(text), 0.9)], weights, k=1, max_chars=400)
    assert text[span.start:span.end] == text


def test_quotes_never_overlap_and_respect_max_chars() -> None:
    long_text = " ".join(f"Kalimat nomor {i} tentang beras dan harga pasar." for i in range(40))
    weights = query_weights("beras harga", {}, 10)
    spans = pick_quote_spans([("a", long_text, 0, len(long_text), 0.9)], weights, k=3,
                             max_chars=120)
    assert len(spans) == 3
    for span in spans:
        assert span.end - span.start <= 120
    ordered = sorted(spans, key=lambda s: s.start)
    assert all(a.end <= b.start for a, b in itertools.pairwise(ordered))


def test_verify_quote_rejects_anything_not_a_slice() -> None:
    assert verify_quote("abc def", "def", 4, 7)
    assert not verify_quote("abc def", "deff", 4, 7)
    assert not verify_quote("abc def", "", 0, 0)
    assert not verify_quote("abc def", "def", 4, 99)


def test_quote_prefers_the_sentence_that_offers_the_asked_kind_of_answer() -> None:
    text = ("Sebuah festival Raum & Schatten menampilkan kesenian kontemporer Asia Tenggara. "
            "Pesta besar itu berlangsung di Berlin sejak 30 September sampai 20 November.")
    question = "Kapan festival Raum & Schatten dimulai?"
    weights = query_weights(question, {}, 10)
    asked = frozenset(tokenize(question, keep_stopwords=True))
    [plain] = pick_quote_spans([("a", text, 0, len(text), 0.9)], weights, k=1, pair_chars=0)
    [typed] = pick_quote_spans([("a", text, 0, len(text), 0.9)], weights, k=1, pair_chars=0,
                               answer_kind=answer_type(question), question_tokens=asked)
    assert "30 September" not in text[plain.start:plain.end]
    assert "30 September" in text[typed.start:typed.end]


def test_quotes_spread_over_chunks_before_taking_a_third_from_one() -> None:
    one = " ".join(f"Kalimat {i}: harga beras di pasar induk kota naik lagi minggu ini."
                   for i in range(3))
    two = "Harga beras di Surabaya stabil menurut pedagang pasar."
    weights = query_weights("beras", {}, 10)
    spans = pick_quote_spans([("a", one, 0, len(one), 0.9), ("b", two, 0, len(two), 0.8)],
                             weights, k=3, per_chunk=2, pair_chars=0)
    assert [s.article_id for s in spans].count("a") == 2
    assert any(s.article_id == "b" for s in spans)


def test_a_pair_quote_is_taken_only_when_the_second_sentence_adds_something() -> None:
    text = ("Ushakov menyebutkan bahwa Trump dan Putin membahas Iran secara rinci. "
            "Percakapan itu berlangsung hampir satu jam.")
    spans = pick_quote_spans([("a", text, 0, len(text), 0.9)],
                             query_weights("Ushakov Iran", {}, 10), k=1)
    assert text[spans[0].start:spans[0].end].endswith("secara rinci.")
    spans = pick_quote_spans([("a", text, 0, len(text), 0.9)],
                             query_weights("Ushakov Iran jam", {}, 10), k=1)
    assert text[spans[0].start:spans[0].end] == text
