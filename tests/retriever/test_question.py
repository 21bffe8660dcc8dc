"""The parsed question: one value with everything later stages read from the question."""

from __future__ import annotations

import dataclasses

import pytest

from kutip.errors import EmptyQuestion
from retriever.question import MAX_QUESTION_CHARS, Question


def test_parse_collapses_whitespace_and_finds_tokens_language_and_answer_type() -> None:
    q = Question.parse("  Berapa lama   panggilan\ttelepon Trump dan Putin? ")
    assert q.text == q.query == "Berapa lama panggilan telepon Trump dan Putin?"
    assert q.words == ("berapa", "lama", "panggilan", "telepon", "trump", "dan", "putin")
    assert q.tokens == ("lama", "panggilan", "telepon", "trump", "putin")
    assert (q.language, q.answer_type, q.truncated) == ("id", "number", False)


@pytest.mark.parametrize("invisible", ["\u200b", "\u200c", "\u200d", "\u00ad", "\ufeff"])
def test_an_invisible_character_does_not_split_a_name(invisible: str) -> None:
    """Pasted from a web page: "Usha\u200bkov" is Ushakov, to the parser too."""
    q = Question.parse(f"What did Usha{invisible}kov say about Iran?")
    assert q.text == "What did Ushakov say about Iran?"
    assert q.said is not None and q.said.person == "Ushakov"


def test_context_comes_first_in_the_query_but_not_in_the_text() -> None:
    q = Question.parse("When did it start?", context="Apa  kata Ushakov tentang Iran?")
    assert q.text == "When did it start?"
    assert q.query == "Apa kata Ushakov tentang Iran? When did it start?"
    assert "ushakov" in q.tokens and "start" in q.tokens
    assert q.answer_type == "date"


def test_a_long_question_is_cut_and_flagged() -> None:
    q = Question.parse("a" * (MAX_QUESTION_CHARS + 5))
    assert q.truncated and len(q.query) == MAX_QUESTION_CHARS
    assert len(q.text) == MAX_QUESTION_CHARS + 5
    assert not Question.parse("a" * MAX_QUESTION_CHARS).truncated


@pytest.mark.parametrize("text", ["", "   ", "?!…", "_ _"])
def test_a_question_without_letters_or_digits_is_refused(text: str) -> None:
    with pytest.raises(EmptyQuestion):
        Question.parse(text)


def test_question_is_frozen() -> None:
    q = Question.parse("Siapa Ushakov?")
    with pytest.raises(dataclasses.FrozenInstanceError):
        q.text = "other"  # type: ignore[misc]
