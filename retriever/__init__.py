"""Search and quote selection: question → ranked chunks → verified verbatim quotes.
May import `index` and the ground (`kutip.errors`, `kutip.memory`); never `bot` or a root."""

from retriever._types import Answer, Candidate, Quote, SourceTitle, SpeakerStatements
from retriever.fusion import Mode
from retriever.langchain import KutipRetriever
from retriever.question import MAX_QUESTION_CHARS, Question
from retriever.search import MAX_QUOTES, Retriever, Span

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
