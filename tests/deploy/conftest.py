"""Fixtures: a real Chroma server (`chroma run` from the chromadb wheel) per test or per module.

Each server gets a fresh --path and a free port on 127.0.0.1 and is always killed at teardown,
even when a test left it stopped or paused.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.auxil.processes import ChromaServer, free_port


def _server(root: Path) -> Iterator[ChromaServer]:
    server = ChromaServer(path=root / "chroma-server", port=free_port(), log=root / "chroma.log")
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def chroma_server(tmp_path: Path) -> Iterator[ChromaServer]:
    """A fresh server for one test (tests that stop, pause or fill it)."""
    yield from _server(tmp_path)


@pytest.fixture(scope="module")
def module_chroma_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ChromaServer]:
    """One server shared by a module's tests that only read after indexing once."""
    yield from _server(tmp_path_factory.mktemp("chroma"))
