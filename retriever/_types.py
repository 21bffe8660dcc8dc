"""Named result types of the retriever (what the CLI and the bot consume)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Literal

__all__ = ["Answer", "Candidate", "Quote", "Reason", "SourceTitle", "SpeakerStatements"]

Reason = Literal["no_statement_on_topic", "speaker_not_found", "nothing_relevant"]
"""Why an answer did not answer (`Answer.reason`)."""


@dataclass(frozen=True)
class Candidate:
    """A chunk considered for an answer, with its fused and per-signal scores."""

    chunk_id: str
    article_id: str
    content_hash: str
    start: int
    end: int
    text: str
    dense: float
    lexical: float
    score: float


@dataclass(frozen=True)
class Quote:
    """A verbatim quote: `text == article.text[start:end]`, checked before it is returned."""

    text: str
    article_id: str
    title: str
    source: str
    url: str
    date: str
    start: int
    end: int
    score: float
    speaker: str | None = None
    """Who says the quoted words when they are attributed speech (as the article writes it)."""
    role: str | None = None
    """The speaker's role when the article gives one ("penasihat kebijakan luar negeri Kremlin")."""
    speech: Literal["direct", "reported"] | None = None
    """A direct quotation or reported speech; None when the quote is not attributed speech."""

    def to_dict(self) -> dict[str, object]:
        data = asdict(self)
        data["score"] = round(self.score, 4)
        return data


@dataclass(frozen=True)
class SourceTitle:
    """An article named when nothing answers the question (the closest titles)."""

    article_id: str
    title: str
    source: str
    url: str
    date: str
    score: float


@dataclass(frozen=True)
class Answer:
    """The result of one question: quotes when `answered`, else the closest titles."""

    question: str
    answered: bool
    quotes: list[Quote]
    closest: list[SourceTitle] = field(default_factory=list)
    took_ms: float = 0.0
    candidates: list[Candidate] = field(default_factory=list, repr=False, compare=False)
    speaker: str | None = None
    """The person the question asks about (as the index names them), or None."""
    reason: Reason | None = None
    """Why it did not answer; None when answered."""
    other_statements: list[Quote] = field(default_factory=list)
    """When the person said nothing on the topic: their closest statements on other topics."""

    def to_dict(self) -> dict[str, object]:
        """The `kutip ask --json` shape."""
        return {
            "question": self.question,
            "answered": self.answered,
            "quotes": [q.to_dict() for q in self.quotes],
            "closest": [
                {"article_id": c.article_id, "title": c.title, "source": c.source, "url": c.url,
                 "date": c.date, "score": round(c.score, 4)}
                for c in self.closest
            ],
            "took_ms": round(self.took_ms, 1),
            "speaker": self.speaker,
            "reason": self.reason,
            "other_statements": [q.to_dict() for q in self.other_statements],
        }


@dataclass(frozen=True)
class SpeakerStatements:
    """What one person is quoted as saying across the index (`kutip who`, `/who`)."""

    speaker: str | None
    """The person as the index names them; None when nobody of that name is quoted."""
    statements: list[Quote]
    role: str | None = None

    def to_dict(self) -> dict[str, object]:
        """The `kutip who --json` shape: {"speaker", "statements": [quote objects]}."""
        return {"speaker": self.speaker, "role": self.role,
                "statements": [q.to_dict() for q in self.statements]}
