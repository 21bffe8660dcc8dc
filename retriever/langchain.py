"""kutip's retriever as a LangChain `BaseRetriever`, so it composes with LangChain chains.

Each quote becomes a `Document` whose `page_content` is the verbatim quote and whose
`metadata` holds the quote's fields (article_id, title, source, url, date, start,
end, score). When the retriever abstains, the result is an empty list.

>>> docs = KutipRetriever(retriever=services.retriever, k=3).invoke("Apa kata Ushakov?")  # doctest: +SKIP
"""

from __future__ import annotations

from typing import Annotated

from langchain_core.callbacks import (
    AsyncCallbackManagerForRetrieverRun,
    CallbackManagerForRetrieverRun,
)
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from pydantic import Field, TypeAdapter

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


QuoteCount = Annotated[int, Field(ge=1, le=20)]
_QUOTE_COUNT = TypeAdapter(QuoteCount)


class KutipRetriever(BaseRetriever):
    """Verbatim, sourced quotes from a kutip `Retriever`, as LangChain documents.

    `k` set on the retriever is the default; `invoke(query, k=1)` overrides it for one call
    (LangChain passes extra `invoke` keywords on only to a method that names them).
    """

    retriever: Retriever = Field(description="the kutip retriever to ask")
    k: QuoteCount = Field(default=3, description="most quotes per question")

    def _quote_count(self, k: int | None) -> int:
        """The call's `k` (validated like the field) or the retriever's own."""
        return self.k if k is None else _QUOTE_COUNT.validate_python(k)

    def _get_relevant_documents(
        self, query: str, *, run_manager: CallbackManagerForRetrieverRun, k: int | None = None
    ) -> list[Document]:
        return answer_documents(self.retriever.search(query, k=self._quote_count(k)))

    async def _aget_relevant_documents(
        self,
        query: str,
        *,
        run_manager: AsyncCallbackManagerForRetrieverRun,
        k: int | None = None,
    ) -> list[Document]:
        quotes = self._quote_count(k)
        return answer_documents(await self.retriever.asearch(query, k=quotes))
