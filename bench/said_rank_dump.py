"""Dump, once, everything a said question's statement ranking is made of, for offline tuning.

    KUTIP_DATA_DIR=DIR python bench/said_rank_dump.py [--out /tmp/said_rank.pkl]

Uses `kutip eval`'s cached index (same key) and asks nothing: for each said.jsonl and
said-absent.jsonl row naming a person and a topic it resolves the person like the retriever,
and stores per statement its text, stored vector, chunk vector, quote span and whether that
quote is the gold one, plus the topic's and question's query vectors and the topic gap.
Extra vectors a ranking might use (each statement's sentences and paragraph, as passages)
are embedded here too, so `bench/said_rank_grid.py` can try them without re-indexing.
Figures only: nothing here is asserted.
"""

from __future__ import annotations

import argparse
import json
import pickle
from pathlib import Path

import numpy as np

from index.names import match_speaker
from index.sentences import sentence_spans
from kutip.evaluate import _services_for, split_questions
from kutip.settings import Settings
from retriever.question import Question
from retriever.text import text_language, tokenize

HERE = Path(__file__).resolve().parent
DEFAULT_EVAL = HERE.parent.parent / "shared" / "eval"


def _paragraph(text: str, start: int, end: int) -> tuple[int, int]:
    p_start = text.rfind("\n", 0, start) + 1
    p_end = text.find("\n", end)
    return p_start, len(text) if p_end == -1 else p_end


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


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
    said = retriever._said
    speakers = snap.speakers
    embedder = retriever.embedder
    rows = _rows(args.said) + _rows(args.absent)
    tune = {r["id"] for r in split_questions(_rows(args.said), "tune")}
    tune |= {r["id"] for r in split_questions(_rows(args.absent), "tune")}
    out = []
    for item in rows:
        q = Question.parse(item["question"])
        s = q.said
        if s is None or s.kind != "said" or not s.person or not s.topic:
            out.append({"item": item, "split": "tune" if item["id"] in tune else "held",
                        "skipped": True})
            continue
        person = speakers.person(s.person, match_speaker)
        if person is None:
            out.append({"item": item, "split": "tune" if item["id"] in tune else "held",
                        "skipped": True})
            continue
        topic = said.topic_query(s.topic, q.language)
        ranking = said.rank_person(person, topic, speakers=speakers, lexical=snap.lexical,
                                   chunks=snap)
        prows = list(person.rows[-2000:])
        vectors = said.store.statement_vectors([speakers.rows[i].statement_id for i in prows])
        chunk_ids = sorted({c for i in prows if (c := speakers.chunk_of[i])})
        chunk_vecs = snap.chunk_vectors(chunk_ids)
        records = ranking.records
        stmts = []
        for i in prows:
            row = speakers.rows[i]
            rec = records.get(row.article_id)
            if rec is None or rec.content_hash != row.content_hash \
                    or row.statement_id not in vectors:
                continue
            start, end = speakers.run_of(i, rec.text, retriever.max_quote_chars)
            qtext = rec.text[start:end]
            gold = bool(item.get("answer")) and row.article_id == item.get("article") \
                and item["answer"] in qtext
            sents = [row.text[a:b] for a, b in sentence_spans(row.text)] or [row.text]
            ps, pe = _paragraph(rec.text, row.start, row.end)
            chunk = speakers.chunk_of[i]
            stmts.append({
                "row": i, "text": row.text, "article": row.article_id, "start": row.start,
                "end": row.end, "run": (start, end), "quote": qtext, "gold": gold,
                "speech": row.speech, "lang": text_language(row.text),
                "tokens": speakers.tokens[i], "vec": vectors[row.statement_id],
                "chunk": chunk, "chunk_vec": chunk_vecs.get(chunk or ""),
                "sentences": sents, "paragraph": rec.text[ps:pe],
            })
        out.append({
            "item": item, "split": "tune" if item["id"] in tune else "held", "skipped": False,
            "person": person.name, "topic": s.topic, "question": q.text, "lang": q.language,
            "topic_vec": topic.vector, "question_vec": embedder.encode_queries([q.text])[0],
            "topic_passage_vec": embedder.encode_passages([s.topic])[0],
            "topic_gap": ranking.topic_gap,
            "weights": snap.lexical.query_weights(tokenize(s.topic)),
            "q_weights": snap.lexical.query_weights(q.tokens),
            "stmts": stmts,
        })
    _embed_extras(out, embedder)
    args.out.write_bytes(pickle.dumps(out))
    print(f"{len(out)} questions, {sum(len(o.get('stmts', ())) for o in out)} statements "
          f"-> {args.out}")
    services.close()


def _embed_extras(out: list[dict], embedder) -> None:
    """Passage vectors of each statement's sentences and paragraph (deduplicated)."""
    texts: dict[str, np.ndarray | None] = {}
    for o in out:
        for st in o.get("stmts", ()):
            for t in [*st["sentences"], st["paragraph"]]:
                texts.setdefault(t, None)
    keys = list(texts)
    for lo in range(0, len(keys), 64):
        vecs = embedder.encode_passages(keys[lo:lo + 64])
        for k, v in zip(keys[lo:lo + 64], vecs, strict=True):
            texts[k] = v
    for o in out:
        for st in o.get("stmts", ()):
            st["sentence_vecs"] = np.vstack([texts[t] for t in st["sentences"]])
            st["paragraph_vec"] = texts[st["paragraph"]]


if __name__ == "__main__":
    main()
