"""Bulk embedding throughput of the torch runtime: this tree against a git ref, interleaved.

    OMP_WAIT_POLICY=PASSIVE python bench/embed_ab.py [--ref main | --serial] [--articles 500]
                         [--chunks 512] [--statements 1024] [--rounds 2] [--json OUT]

The texts are what `kutip index` embeds for the first `--articles` of IndoSum (or
`--corpus`): each chunk with its title, each statement of one sentence and each sentence
of a longer one. They go
to `encode_passages` in the indexer's calls (`CHUNK_CALL_BATCHES` batches of chunks per
call, `STATEMENT_BATCH_FACTOR` batches of statements, each call sorted by length). Both
runtimes live in one process and take turns call by call (who goes first alternates), so
they face the same contention from other processes; throughput is also given per CPU second
of the process (all its threads). `--ref`'s `index/e5_torch.py` and `index/embed.py` are read
with `git show`, so the comparison needs no second checkout. `--serial` compares this tree
with its own passes run one at a time (`parallel_passes=False`). Figures only: nothing is
asserted.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
import time
import types
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
DEFAULT = REPO.parent / "shared" / "eval" / "scale" / "indosum-dev.jsonl"
CACHE = REPO / "bench" / "out" / "models"


def indexed_texts(corpus: Path, articles: int) -> tuple[list[str], list[str]]:
    """(chunks, statements and sentence parts) as the indexer embeds them (a statement with
    sentence parts pools theirs instead of a pass of its own)."""
    from index.chunk import SentenceChunker
    from index.indexer import embedding_text
    from index.speech import extract_statements
    from index.statements import embedded_records, with_sentence_parts

    chunker, chunks, statements = SentenceChunker(chunk_size=800), [], []
    with corpus.open(encoding="utf-8") as lines:
        for _, line in zip(range(articles), lines, strict=False):
            row = json.loads(line)
            text = row["text"]
            chunks += [embedding_text(row.get("title", ""), c.text) for c in chunker.split(text)]
            found = with_sentence_parts(text, extract_statements(text))
            statements += [text[st.start:st.end]
                           for st, own in zip(found, embedded_records(found), strict=True) if own]
    return chunks, statements


def ref_embeddings_class(ref: str, scratch: Path) -> type:
    """`TorchE5Embeddings` as `ref` has it (its own `index.e5_torch` too), loaded from
    copies of the two files in `scratch`."""
    def load(path: str, name: str, *, replace: tuple[str, str] = ("", "")) -> types.ModuleType:
        text = subprocess.run(["git", "-C", str(REPO), "show", f"{ref}:{path}"], check=True,
                              capture_output=True, text=True).stdout
        copy = scratch / f"{name}.py"
        copy.write_text(text.replace(*replace), encoding="utf-8")
        spec = importlib.util.spec_from_file_location(name, copy)
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
        return module

    load("index/e5_torch.py", "ref_e5_torch")
    embed = load("index/embed.py", "ref_embed",
                 replace=("from index.e5_torch import", "from ref_e5_torch import"))
    return embed.TorchE5Embeddings


def calls(texts: list[str], size: int) -> list[list[str]]:
    """The indexer's calls: `size` texts each, sorted by length."""
    return [sorted(texts[lo:lo + size], key=len) for lo in range(0, len(texts), size)]


def interleaved(models: dict, parts: list[list[str]], rounds: int) -> dict[str, dict]:
    wall = dict.fromkeys(models, 0.0)
    cpu = dict.fromkeys(models, 0.0)
    names = list(models)
    for r in range(rounds):
        for i, part in enumerate(parts):
            for name in names if (i + r) % 2 == 0 else names[::-1]:
                w, c = time.perf_counter(), time.process_time()
                models[name].encode_passages(part)
                wall[name] += time.perf_counter() - w
                cpu[name] += time.process_time() - c
    n = sum(len(p) for p in parts) * rounds
    return {name: {"per_s": round(n / wall[name], 1), "per_cpu_s": round(n / cpu[name], 1),
                   "wall_s": round(wall[name], 2), "cpu_s": round(cpu[name], 2)}
            for name in models}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--ref", default="main")
    parser.add_argument("--corpus", type=Path, default=DEFAULT)
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--chunks", type=int, default=512)
    parser.add_argument("--statements", type=int, default=1024)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--dtype", default="bfloat16", choices=("bfloat16", "float32"))
    parser.add_argument("--serial", action="store_true",
                        help="against this tree's passes one at a time instead of --ref")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()

    from index.e5_model import bundled_weights, ensure_e5_model
    from index.embed import TorchE5Embeddings
    from index.indexer import CHUNK_CALL_BATCHES, STATEMENT_BATCH_FACTOR

    chunks, statements = indexed_texts(args.corpus, args.articles)
    chunks, statements = chunks[:args.chunks], statements[:args.statements]
    folder = ensure_e5_model(bundled_weights(), CACHE, dtype=args.dtype)
    if args.serial:
        models = {"one pass at a time": TorchE5Embeddings(folder, dtype=args.dtype,
                                                          parallel_passes=False)}
    else:
        with tempfile.TemporaryDirectory() as scratch:
            ref_class = ref_embeddings_class(args.ref, Path(scratch))
        models = {args.ref: ref_class(folder, dtype=args.dtype)}
    models["this tree"] = TorchE5Embeddings(folder, dtype=args.dtype)
    sample = chunks[:64] + statements[:64]
    base, new = (m.encode_passages(sample) for m in models.values())  # also warms both
    load = [os.getloadavg()]
    out = {"texts": {"chunks": len(chunks), "statements": len(statements)},
           "min_cosine_between_them": round(float(np.min(np.sum(base * new, axis=1))), 6),
           "chunks": interleaved(models, calls(chunks, 16 * CHUNK_CALL_BATCHES), args.rounds)}
    load.append(os.getloadavg())
    out["statements"] = interleaved(models, calls(statements, 16 * STATEMENT_BATCH_FACTOR),
                                    args.rounds)
    load.append(os.getloadavg())
    out["load_1min"] = [round(x[0], 2) for x in load]
    print(json.dumps(out, indent=1))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(out, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
