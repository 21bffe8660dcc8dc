"""The question as the retriever sees it: parsed once at the entry, passed down as a value.

Everything later stages need from the question — its normalised text, the query that is
searched (the follow-up context first, both cut to `MAX_QUESTION_CHARS`), its words with and
without stop words, its language and the kind of answer it asks for — is computed here, once.
New facets (a speaker, a topic) are new fields filled in `Question.parse`.
"""

from __future__ import annotations

from dataclasses import dataclass

from kutip.errors import EmptyQuestion
from retriever.answer_type import AnswerType, answer_type
from retriever.said_loose import loose_said_question
from retriever.said_question import SaidQuery, follow_up_said, parse_said_question
from retriever.text import STOPWORDS, Language, tokenize, words_language

__all__ = ["MAX_QUESTION_CHARS", "Question"]

MAX_QUESTION_CHARS = 1000


# Characters that show nothing but split a word ("Usha\u200bkov", pasted from the web):
# zero-width space, non-joiner and joiner, word joiner, soft hyphen, byte order mark.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\u00ad\ufeff"))


def _normalise(text: str) -> str:
    return " ".join(text.translate(_INVISIBLE).split())


def _said(text: str) -> SaidQuery | None:
    """The statement request: as the parser reads it, else its loose (weak) reading."""
    return parse_said_question(text) or loose_said_question(text)


@dataclass(frozen=True)
class Question:
    """One parsed question; build it with `Question.parse`."""

    text: str
    """The question with its whitespace collapsed (not cut): what the answer echoes."""
    query: str
    """What is searched: the context (if any), then the question, each cut to the limit."""
    truncated: bool
    """The question was longer than `MAX_QUESTION_CHARS` and only its start is searched."""
    words: tuple[str, ...]
    """Every word of `query`, stop words included (lower-cased, possessives folded)."""
    tokens: tuple[str, ...]
    """The content words of `query` (stop words dropped): what BM25 and IDF weights use."""
    language: Language | None
    """"en", "id", or None when the stop words do not tell."""
    answer_type: AnswerType | None
    """The kind of answer `query` asks for (a number, a date, a name), if it can tell."""
    said: SaidQuery | None = None
    """What a question about statements asks: the person and the topic ("What did Ushakov
    say about Iran?"), or who spoke on a topic; None for other questions. From the question
    itself, not the follow-up context."""

    @classmethod
    def parse(cls, question: str, *, context: str | None = None) -> Question:
        """Parse `question` (with an earlier question as `context` for a follow-up).

        Raises:
            EmptyQuestion: the question has no letter or digit to search for.
        """
        text = _normalise(question)
        if not any(ch.isalnum() for ch in text):
            raise EmptyQuestion("the question has no words to search for")
        query = text[:MAX_QUESTION_CHARS]
        if context:
            query = f"{_normalise(context)[:MAX_QUESTION_CHARS]} {query}"
        words = tuple(tokenize(query, keep_stopwords=True))
        return cls(
            text=text, query=query, truncated=len(text) > MAX_QUESTION_CHARS, words=words,
            tokens=tuple(w for w in words if w not in STOPWORDS),
            language=words_language(words), answer_type=answer_type(query),
            said=_said(text[:MAX_QUESTION_CHARS]) or (
                follow_up_said(text[:MAX_QUESTION_CHARS], _said(context[:MAX_QUESTION_CHARS]))
                if context else None),
        )
