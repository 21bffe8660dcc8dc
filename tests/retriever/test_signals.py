"""Pure signals: language, answer types, the lexical index and the support score."""

from __future__ import annotations

import pytest

from retriever.answer_type import answer_type, offers_answer
from retriever.lexical import LexicalIndex
from retriever.rank import CROSS_LINGUAL_OFFSET, support_score
from retriever.text import latin_script, text_language, tokenize


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        pytest.param("What did Ushakov say about Iran?", "en", id="en-question"),
        pytest.param("Apa yang dikatakan Ushakov tentang Iran?", "id", id="id-question"),
        pytest.param("Ushakov Iran", None, id="names-only"),
    ],
)
def test_text_language_by_stop_words(text: str, lang: str | None) -> None:
    assert text_language(text) == lang


@pytest.mark.parametrize(("text", "latin"), [
    ("What did Ushakov say about Iran?", True), ("Apa kata Ushakov soal Iran?", True),
    ("¿Qué dijo Ushakov sobre Irán?", True), ("Phở ở Hà Nội ngon không?", True),
    ("Что сказал Ушаков об Иране?", False), ("ماذا قال أوشاكوف عن إيران؟", False),
    ("乌沙科夫谈伊朗", False), ("Что сказал Ushakov?", False), ("123 ?!", True),
])
def test_latin_script_tells_other_scripts_apart(text: str, latin: bool) -> None:
    assert latin_script(text) is latin


def test_indonesian_question_words_with_kah_are_stop_words() -> None:
    assert tokenize("Berapakah jumlah korban? Siapakah pelakunya?") == ["jumlah", "korban",
                                                                       "pelakunya"]


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        pytest.param("Berapa jumlah korban gempa?", "number", id="berapa"),
        pytest.param("How many people died?", "number", id="how-many"),
        pytest.param("Kapankah festival itu dimulai?", "date", id="kapan"),
        pytest.param("In what year was it built? When?", "date", id="when"),
        pytest.param("Siapa Wali Kota Padang?", "name", id="siapa"),
        pytest.param("Where were the SEA Games held?", "name", id="where"),
        pytest.param("Apa nama latin orangutan?", None, id="unknown"),
    ],
)
def test_answer_type_of_questions(question: str, kind: str | None) -> None:
    assert answer_type(question) == kind


def test_offers_answer_needs_a_new_token_of_the_asked_kind() -> None:
    asked = frozenset(tokenize("Kapan festival Raum & Schatten di Berlin dimulai?",
                               keep_stopwords=True))
    assert offers_answer("Pesta besar berlangsung di Berlin, sejak 30 September.", "date", asked)
    assert not offers_answer("Sebuah festival Raum & Schatten di Berlin.", "date", asked)
    assert offers_answer("Kepala Balai Agus Priambudi menolak.", "name", frozenset({"balai"}))
    assert not offers_answer("anything at all", None, frozenset())


def test_lexical_index_scores_only_known_words() -> None:
    index = LexicalIndex.build(["Harga beras naik di Jakarta.", "Ushakov membahas Iran.",
                                "Stok beras aman."])
    assert index.top(["weather", "forecast"], 5) == {}
    top = index.top(["ushakov", "iran"], 5)
    assert list(top) == [1]
    assert index.known_share(["ushakov", "weather"]) == 0.5
    assert index.idf("weather") > index.idf("beras") > 0
    assert LexicalIndex.build([]).top(["beras"], 3) == {}


def test_support_score_adds_the_offset_only_across_languages() -> None:
    assert support_score(0.80, cross_lingual=False) == 0.80
    assert support_score(0.80, cross_lingual=True) == pytest.approx(0.80 + CROSS_LINGUAL_OFFSET)


@pytest.mark.parametrize("module", ["retriever.text", "retriever.quotes"])
def test_docstring_examples_hold(module: str) -> None:
    import doctest
    import importlib

    result = doctest.testmod(importlib.import_module(module))
    assert result.attempted and not result.failed
