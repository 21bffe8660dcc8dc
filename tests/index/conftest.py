"""One converted e5 model folder and torch embedders per test session (real bundled weights),
and a corpus folder (the fixture articles and the seed) that a test may change."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from filelock import FileLock

from index.e5_model import bundled_weights, ensure_e5_model, model_folder_name
from index.e5_runtime import choose_dtype, cpu_flags
from tests.conftest import FIXTURES, SEED, run_tmp

TORN_FILE = "half-written.bin"


@pytest.fixture(scope="session")
def chosen_dtype() -> str:
    return choose_dtype("auto", flags=cpu_flags())


@pytest.fixture(scope="session")
def e5_cache(tmp_path_factory: pytest.TempPathFactory, chosen_dtype: str) -> Path:
    """A model cache whose folder was torn by a crash before the session converted it.

    Built once per test run (the first pytest-xdist worker to get here builds it, the others
    wait and reuse it), with the float32 folder too, so no worker converts into it while
    another's test looks at it.
    """
    cache = run_tmp(tmp_path_factory) / "e5-cache"
    ready = cache.with_name("e5-cache.ready")  # beside it: tests list what the cache holds
    with FileLock(str(cache) + ".lock"):
        if not ready.is_file():
            shutil.rmtree(cache, ignore_errors=True)
            cache.mkdir()
            torn = cache / model_folder_name(bundled_weights(), chosen_dtype)
            torn.mkdir()
            (torn / TORN_FILE).write_bytes(b"\0" * 100)
            ensure_e5_model(bundled_weights(), cache, dtype=chosen_dtype)
            ensure_e5_model(bundled_weights(), cache, dtype="float32")
            ready.write_text("torn folder rewritten\n")
    return cache


@pytest.fixture(scope="session")
def e5_folder(e5_cache: Path, chosen_dtype: str) -> Path:
    return ensure_e5_model(bundled_weights(), e5_cache, dtype=chosen_dtype)


@pytest.fixture(scope="session")
def e5_folder_float32(e5_cache: Path, e5_folder: Path, chosen_dtype: str) -> Path:
    if chosen_dtype == "float32":
        return e5_folder
    return ensure_e5_model(bundled_weights(), e5_cache, dtype="float32")


@pytest.fixture(scope="session")
def torch_e5(e5_folder: Path, chosen_dtype: str):
    """As the app builds it: OMP_WAIT_POLICY=PASSIVE set before torch loads (its busy-waiting
    threads are 5-10x slower on shared cores)."""
    from index.embed import TorchE5Embeddings
    from kutip.settings import prepare_process_env

    prepare_process_env()

    return TorchE5Embeddings(e5_folder, dtype=chosen_dtype)


@pytest.fixture(scope="session")
def torch_e5_float32(e5_folder_float32: Path, chosen_dtype: str, torch_e5):
    from index.embed import TorchE5Embeddings

    if chosen_dtype == "float32":
        return torch_e5
    return TorchE5Embeddings(e5_folder_float32, dtype="float32")


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A copy of the fixture articles and the seed article."""
    root = tmp_path / "corpus"
    shutil.copytree(FIXTURES / "articles", root)
    shutil.copy(SEED, root / SEED.name)
    return root
