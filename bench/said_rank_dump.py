"""Dump, once, what each said question's statement ranking is made of, for offline tuning.

    KUTIP_DATA_DIR=DIR python bench/said_rank_dump.py [--out /tmp/said_rank.pkl]

Uses `kutip eval`'s cached index (same key) and asks nothing: for each said.jsonl and
said-absent.jsonl row naming a person and a topic, it resolves the person like the
retriever, and stores per statement its `StatementFeatures` (as `SaidAnswers` computes
them), the same cosine against the whole question's vector, its quote span (`run_of`) and
whether that quote holds the gold answer; per question its split, language and topic gap; per statement also the sentence(s) before
and after it (`before`, `before2`, `after`: for the `window` probe).
`bench/said_rank_grid.py` then scores any weights over it in a fraction of a second.
Figures only: nothing here is asserted.
"""

from __future__ import annotations

import argparse
import json
import pickle
from dataclasses import replace
from pathlib import Path

from index.names import match_speaker
from index.sentences import sentence_spans
from kutip.evaluate import _services_for, split_questions
from kutip.settings import Settings
from retriever.question import Question

HERE = Path(__file__).resolve().parent
DEFAULT_EVAL = HERE.parent.parent / "shared" / "eval"


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def _sentence_before(text: str, start: int, n: int = 1) -> str:
    """The `n` sentences that end last before `start` (the journalist's lead-in), or ""."""
    spans = [(s, e) for s, e in sentence_spans(text, max(0, start - 900), start) if e <= start]
    return " ".join(text[s:e] for s, e in spans[-n:]) if len(spans) > (n > 1) else ""


def _sentence_after(text: str, end: int) -> str:
    """The sentence that starts first after `end`, or ""."""
    spans = [(s, e) for s, e in sentence_spans(text, max(0, end - 900), min(len(text), end + 600))
             if s >= end]
    return text[spans[0][0]:spans[0][1]] if len(spans) > 1 else ""


def _question(item: dict, split: str, retriever, snap) -> dict:
    """One question's dump: {"item", "split", "skipped"} plus, when the retriever would rank
    a person's statements for it, "gap" and "statements" (feature dicts)."""
    out: dict = {"item": item, "split": split, "skipped": True}
    q = Question.parse(item["question"])
    said = q.said
    if said is None or said.kind != "said" or not said.person or not said.topic:
        return out
    speakers = snap.speakers
    person = speakers.person(said.person, match_speaker)
    if person is None:
        return out
    answers = retriever._said
    topic = answers.topic_query(said.topic, q.language)
    ranking = answers.rank_person(person, topic, speakers=speakers, lexical=snap.lexical,
                                  chunks=snap)
    rows = [s.row for s in ranking.ranked]
    features = answers.features(rows, topic, speakers=speakers, lexical=snap.lexical,
                                chunks=snap)
    whole = replace(topic, vector=retriever.embedder.encode_queries([q.text])[0])
    by_question = answers.features(rows, whole, speakers=speakers, lexical=snap.lexical,
                                   chunks=snap)
    statements = []
    for i in rows:
        row = speakers.rows[i]
        record = ranking.records[row.article_id]
        start, end = speakers.run_of(i, record.text, retriever.max_quote_chars)
        statements.append({
            "row": i, "run": (row.article_id, start, end), "features": features[i],
            "question_features": by_question[i], "text": row.text,
            "before": _sentence_before(record.text, row.start),
            "before2": _sentence_before(record.text, row.start, 2),
            "after": _sentence_after(record.text, row.end),
            "gold": bool(item.get("answer")) and row.article_id == item.get("article")
            and item["answer"] in record.text[start:end],
        })
    return {**out, "skipped": False, "gap": ranking.topic_gap, "statements": statements}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--said", type=Path, default=DEFAULT_EVAL / "said.jsonl")
    parser.add_argument("--absent", type=Path, default=DEFAULT_EVAL / "said-absent.jsonl")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_EVAL / "corpus")
    parser.add_argument("--out", type=Path, default=Path("/tmp/said_rank.pkl"))
    args = parser.parse_args()
    services = _services_for("hybrid", Settings(), args.corpus)
    with services.writing("said_rank_dump"):
        services.indexer.run([str(args.corpus)])
    retriever = services.retriever
    snap = retriever._current_snapshot()
    out = []
    for path in (args.said, args.absent):
        rows = _rows(path)
        tune = {r["id"] for r in split_questions(rows, "tune")}
        out += [_question(r, "tune" if r["id"] in tune else "held", retriever, snap)
                for r in rows]
    args.out.write_bytes(pickle.dumps(out))
    ranked = [o for o in out if not o["skipped"]]
    print(f"{len(out)} questions ({len(ranked)} ranked, "
          f"{sum(len(o['statements']) for o in ranked)} statements) -> {args.out}")
    services.close()


if __name__ == "__main__":
    main()
