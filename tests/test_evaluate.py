"""Evaluation metrics are pure functions of per-question outcomes."""

from __future__ import annotations

from pathlib import Path

import pytest

from kutip.errors import ConfigError
from kutip.evaluate import (
    Outcome,
    corpus_key,
    load_questions,
    metrics,
    report,
    score_question,
)
from retriever import Answer, Candidate, Quote


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


def test_corpus_key_changes_with_the_statement_extractor(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.txt").write_text("one")
    before = corpus_key(tmp_path, "m1", 800)
    monkeypatch.setattr("kutip.evaluate.EXTRACTOR_VERSION", "next")
    assert corpus_key(tmp_path, "m1", 800) != before


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


def _chunk(article: str, text: str) -> Candidate:
    return Candidate(chunk_id=f"{article}#0", article_id=article, content_hash="h", start=0,
                     end=len(text), text=text, dense=0.9, lexical=1.0, score=0.9)


def _quote(article: str, text: str) -> Quote:
    return Quote(text=text, article_id=article, title="t", source="s", url="", date="",
                 start=0, end=len(text), score=0.9)


_PADANG = {"question": "Who is the mayor of Padang?", "lang": "en", "article": "gold.txt",
           "answer": "Mahyeldi", "answer_also_in": ["other.txt"]}


def test_an_answer_found_in_a_listed_article_counts_only_in_the_any_figures() -> None:
    answer = Answer(
        question=_PADANG["question"], answered=True,
        quotes=[_quote("other.txt", "Wali Kota Padang Mahyeldi"), _quote("gold.txt", "Mahyeldi")],
        candidates=[_chunk("unlisted.txt", "Mahyeldi juga"), _chunk("other.txt", "Mahyeldi"),
                    _chunk("gold.txt", "Wali Kota Mahyeldi")],
    )
    outcome = score_question(_PADANG, answer)
    assert (outcome.rank, outcome.quote_rank) == (3, 2)
    assert (outcome.rank_any, outcome.quote_rank_any) == (2, 1)
    m = metrics([outcome])
    assert (m["R@1"], m["R@5"], m["quote_hit@1"], m["quote_hit@3"]) == (0.0, 1.0, 0.0, 1.0)
    assert (m["R@1_any"], m["R@5_any"], m["quote_hit@1_any"]) == (0.0, 1.0, 1.0)
    assert (m["MRR@10"], m["MRR@10_any"]) == (round(1 / 3, 4), 0.5)


def test_a_listed_article_chunk_without_the_answer_is_not_a_hit() -> None:
    answer = Answer(question="q", answered=True, quotes=[],
                    candidates=[_chunk("other.txt", "Wali Kota Padang")])
    outcome = score_question(_PADANG, answer)
    assert outcome.rank_any is None and outcome.rank is None
    assert metrics([outcome])["R@10_any"] == 0.0


def test_any_figures_are_never_below_the_gold_ones() -> None:
    """Outcomes built without `_any` ranks (older callers) count their gold hits."""
    m = metrics([_o(1, 1), _o(None, None), Outcome("en", 4, None, False, 1.0, rank_any=2)])
    assert m["R@1_any"] == round(1 / 3, 4) and m["R@5_any"] == round(2 / 3, 4)
    assert m["MRR@10_any"] == round((1 + 1 / 2) / 3, 4)
    assert m["quote_hit@1_any"] == m["quote_hit@1"]


def test_existing_keys_keep_their_order_and_any_keys_follow() -> None:
    keys = list(metrics([_o(1, 1)]))
    assert keys[:8] == ["n", "R@1", "R@5", "R@10", "MRR@10", "quote_hit@1", "quote_hit@3",
                        "abstain_rate"]
    assert keys[8:] == ["R@1_any", "R@5_any", "R@10_any", "MRR@10_any", "quote_hit@1_any",
                        "quote_hit@3_any"]


def test_answer_also_in_must_be_a_list_of_ids(tmp_path: Path) -> None:
    path = tmp_path / "q.jsonl"
    path.write_text('{"question": "q", "article": "a", "answer": "x", "answer_also_in": "b"}\n')
    with pytest.raises(ConfigError, match=r"q.jsonl:1: answer_also_in"):
        load_questions(path)
