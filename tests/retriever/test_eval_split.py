"""`kutip eval` helpers: the tune/held split and unanswerable question files."""

from __future__ import annotations

from pathlib import Path

import pytest

from kutip.errors import ConfigError
from kutip.evaluate import Outcome, load_questions, report, split_questions


def _q(article: str, qid: str) -> dict:
    return {"id": qid, "question": f"q {qid}", "article": article, "answer": "x"}


def test_split_keeps_each_article_in_one_half_and_covers_all() -> None:
    questions = [_q("b.txt", "1"), _q("a.txt", "2"), _q("c.txt", "3"), _q("a.txt", "4")]
    tune, held = split_questions(questions, "tune"), split_questions(questions, "held")
    assert [q["id"] for q in tune] == ["2", "3", "4"]  # a.txt and c.txt: sorted positions 0, 2
    assert [q["id"] for q in held] == ["1"]
    assert split_questions(questions, "all") == questions
    with pytest.raises(ConfigError):
        split_questions(questions, "odd")


def test_unanswerable_file_must_not_name_an_answer(tmp_path: Path) -> None:
    path = tmp_path / "none.jsonl"
    path.write_text('{"id": "u1", "question": "Who won?", "lang": "en"}\n')
    [item] = load_questions(path, unanswerable=True)
    assert item["lang"] == "en"
    path.write_text('{"question": "Who won?", "answer": "x"}\n')
    with pytest.raises(ConfigError, match="has answer"):
        load_questions(path, unanswerable=True)


def test_report_adds_the_abstention_on_unanswerable_questions() -> None:
    dev = [Outcome("en", 1, 1, False, 10.0), Outcome("id", None, None, True, 20.0)]
    none = [Outcome("en", None, None, True, 5.0), Outcome("id", None, None, False, 30.0)]
    data = report(dev, none)
    gold = {"R@1", "R@5", "R@10", "MRR@10", "quote_hit@1", "quote_hit@3"}
    assert set(data["by_lang"]["all"]) == {"n", "abstain_rate", *gold, *(f"{k}_any" for k in gold)}
    assert data["unanswerable"]["abstain_rate"] == 0.5
    assert data["unanswerable"]["by_lang"]["en"] == {"n": 1, "abstain_rate": 1.0}
    assert "unanswerable" not in report(dev)


def test_the_shipped_unanswerable_questions_load() -> None:
    path = Path(__file__).resolve().parents[1] / "fixtures" / "unanswerable.jsonl"
    items = load_questions(path, unanswerable=True)
    assert len(items) >= 30
    assert {q["lang"] for q in items} == {"en", "id"}
