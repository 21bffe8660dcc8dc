"""Search and quote selection: question → ranked chunks → verified verbatim quotes."""

from retriever._types import Answer, Candidate, Quote, SourceTitle
from retriever.langchain import KutipRetriever
from retriever.search import Retriever

__all__ = ["Answer", "Candidate", "KutipRetriever", "Quote", "Retriever", "SourceTitle"]
