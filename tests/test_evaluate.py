"""Evaluation metrics are pure functions of per-question outcomes."""

from __future__ import annotations

from pathlib import Path

import pytest

from kutip.errors import ConfigError
from kutip.evaluate import Outcome, corpus_key, load_questions, metrics, report


def _o(rank: int | None, quote: int | None = None, lang: str = "en",
       abstained: bool = False, ms: float = 10.0) -> Outcome:
    return Outcome(lang=lang, rank=rank, quote_rank=quote, abstained=abstained, took_ms=ms)


def test_recall_mrr_and_quote_hits() -> None:
    m = metrics([_o(1, 1), _o(3, 2), _o(7, None), _o(None, None, abstained=True)])
    assert m["n"] == 4
    assert (m["R@1"], m["R@5"], m["R@10"]) == (0.25, 0.5, 0.75)
    assert m["MRR@10"] == round((1 + 1 / 3 + 1 / 7) / 4, 4)
    assert (m["quote_hit@1"], m["quote_hit@3"], m["abstain_rate"]) == (0.25, 0.5, 0.25)


def test_report_groups_by_language_and_latency() -> None:
    data = report([_o(1, lang="en", ms=10), _o(2, lang="id", ms=30), _o(None, lang="id", ms=20)])
    assert set(data["by_lang"]) == {"en", "id", "all"}
    assert data["by_lang"]["id"]["n"] == 2 and data["n"] == 3
    assert data["latency_ms"] == {"p50": 20.0, "p95": 30.0}


def test_corpus_key_changes_with_content_and_model(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("one")
    k1 = corpus_key(tmp_path, "m1", 800)
    assert corpus_key(tmp_path, "m1", 800) == k1
    assert corpus_key(tmp_path, "m2", 800) != k1
    (tmp_path / "a.txt").write_text("two")
    assert corpus_key(tmp_path, "m1", 800) != k1


def test_bad_question_lines_are_reported_with_line_numbers(tmp_path: Path) -> None:
    path = tmp_path / "q.jsonl"
    path.write_text('{"question": "q", "article": "a", "answer": "x"}\n{"question": "q"}\n')
    with pytest.raises(ConfigError, match=r"q.jsonl:2: missing article, answer"):
        load_questions(path)


def test_speaker_hit_is_reported_only_for_rows_with_a_speaker() -> None:
    said = [Outcome(lang="en", rank=1, quote_rank=1, abstained=False, took_ms=1.0,
                    speaker_hit=hit) for hit in (True, True, False)]
    plain = _o(1, 1)
    m = metrics([*said, plain])
    assert m["n_speaker"] == 3 and m["speaker_hit@1"] == round(2 / 3, 4)
    assert "speaker_hit@1" not in metrics([plain])


def test_unanswerable_lines_may_name_their_article_when_the_answer_is_null(
    tmp_path: Path,
) -> None:
    path = tmp_path / "absent.jsonl"
    path.write_text('{"question": "What did X say about Y?", "article": "a.txt", '
                    '"answer": null, "speaker": "X"}\n{"question": "q2"}\n')
    assert [q["question"] for q in load_questions(path, unanswerable=True)] == [
        "What did X say about Y?", "q2"]
    path.write_text('{"question": "q", "article": "a.txt"}\n')
    with pytest.raises(ConfigError, match="has article"):
        load_questions(path, unanswerable=True)


def test_said_absent_refusals_count_only_no_statement_reasons() -> None:
    def absent(reason: str | None) -> Outcome:
        return Outcome(lang="en", rank=None, quote_rank=None, abstained=reason is not None,
                       took_ms=1.0, speaker_hit=False, reason=reason)

    none = report([_o(1)], [absent("no_statement_on_topic"), absent("speaker_not_found"),
                            absent(None), _o(None, abstained=True)])["unanswerable"]
    assert none["abstain_rate"] == 0.75
    assert none["n_speaker"] == 3 and none["no_statement_rate"] == round(1 / 3, 4)
