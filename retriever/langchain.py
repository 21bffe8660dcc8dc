"""kutip's retriever as a LangChain `BaseRetriever`, so it composes with LangChain chains.

Each quote becomes a `Document` whose `page_content` is the verbatim quote and whose
`metadata` holds the quote's fields (article_id, title, source, url, date, start,
end, score). When the retriever abstains, the result is an empty list.

>>> docs = KutipRetriever(retriever=services.retriever, k=3).invoke("Apa kata Ushakov?")  # doctest: +SKIP
"""

from __future__ import annotations

from langchain_core.callbacks import (
    AsyncCallbackManagerForRetrieverRun,
    CallbackManagerForRetrieverRun,
)
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from pydantic import Field

from retriever._types import Answer
from retriever.search import Retriever

__all__ = ["KutipRetriever", "answer_documents"]


def answer_documents(answer: Answer) -> list[Document]:
    """The quotes of `answer` as LangChain documents (none when it abstained)."""
    documents = []
    for quote in answer.quotes:
        metadata = quote.to_dict()
        del metadata["text"]
        documents.append(Document(page_content=quote.text, metadata=metadata))
    return documents


class KutipRetriever(BaseRetriever):
    """Verbatim, sourced quotes from a kutip `Retriever`, as LangChain documents."""

    retriever: Retriever = Field(description="the kutip retriever to ask")
    k: int = Field(default=3, ge=1, le=20, description="most quotes per question")

    def _get_relevant_documents(
        self, query: str, *, run_manager: CallbackManagerForRetrieverRun
    ) -> list[Document]:
        return answer_documents(self.retriever.search(query, k=self.k))

    async def _aget_relevant_documents(
        self, query: str, *, run_manager: AsyncCallbackManagerForRetrieverRun
    ) -> list[Document]:
        return answer_documents(await self.retriever.asearch(query, k=self.k))
