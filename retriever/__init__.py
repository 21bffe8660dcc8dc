"""Search and quote selection: question → ranked chunks → verified verbatim quotes.
May import `index` and the ground (`kutip.errors`, `kutip.memory`); never `bot` or a root."""

from typing import TYPE_CHECKING

from retriever._types import Answer, Candidate, Quote, SourceTitle, SpeakerStatements
from retriever.fusion import Mode
from retriever.question import MAX_QUESTION_CHARS, Question
from retriever.search import MAX_QUOTES, Retriever, Span

if TYPE_CHECKING:
    from retriever.langchain import KutipRetriever

__all__ = [
    "MAX_QUESTION_CHARS",
    "MAX_QUOTES",
    "Answer",
    "Candidate",
    "KutipRetriever",
    "Mode",
    "Question",
    "Quote",
    "Retriever",
    "SourceTitle",
    "Span",
    "SpeakerStatements",
]


def __getattr__(name: str) -> object:
    """`KutipRetriever` on first use: LangChain's retriever module takes ~0.35 s to import
    (its tracers), which the CLI and the bot never need."""
    if name == "KutipRetriever":
        from retriever.langchain import KutipRetriever

        return KutipRetriever
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
