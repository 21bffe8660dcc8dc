"""Named result types of the retriever (what the CLI and the bot consume)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Literal

from index.store import ChunkRow
from retriever.said_question import SaidQuery

__all__ = ["Answer", "Candidate", "Quote", "Reason", "SourceTitle", "SpeakerStatements"]

Reason = Literal["no_statement_on_topic", "speaker_not_found", "nothing_relevant"]
"""Why an answer did not answer (`Answer.reason`)."""


@dataclass(frozen=True)
class Candidate(ChunkRow):
    """A chunk considered for an answer, with its fused and per-signal scores."""

    dense: float
    lexical: float
    score: float

    @classmethod
    def of(cls, chunk: ChunkRow, *, dense: float, lexical: float, score: float) -> Candidate:
        """The candidate for a stored chunk (a `ChunkRow`) and its scores."""
        shared = {f.name: getattr(chunk, f.name) for f in fields(ChunkRow)}
        return cls(**shared, dense=dense, lexical=lexical, score=score)


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


@dataclass(frozen=True, kw_only=True)
class Answer:
    """The result of one question: quotes when `answered`, else the closest titles."""

    question: str
    """The question as asked, its whitespace collapsed (not cut)."""
    answered: bool
    took_ms: float = 0.0
    quotes: list[Quote]
    """Verbatim quotes, best first (none when not `answered`)."""
    closest: list[SourceTitle] = field(default_factory=list)
    truncated: bool = False
    """Only the first `MAX_QUESTION_CHARS` characters of the question were searched."""
    has_more: bool = False
    """More quotes than these exist: ask again with the shown ones in `exclude`."""
    candidates: list[Candidate] = field(default_factory=list, repr=False, compare=False)
    speaker: str | None = None
    """The person the question asks about (as the index names them), or None."""
    reason: Reason | None = None
    """Why it did not answer; None when answered."""
    other_statements: list[Quote] = field(default_factory=list)
    """When the person said nothing on the topic: their closest statements on other topics."""
    said: SaidQuery | None = field(default=None, repr=False, compare=False)
    """The said question answered (person and topic), as read with a follow-up's context:
    "what about Lindqvist?" after "What did Ushakov say about Iran?" asks about Iran."""

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
            "truncated": self.truncated,
            "has_more": self.has_more,
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
    several: tuple[str, ...] = ()
    """When the name fits several people ("Menlu": foreign ministers of five countries), who
    they are ("Retno Marsudi (Menlu)", …), most quoted first; `speaker` is then None and
    `statements` empty: one person's name never heads other people's words."""

    def to_dict(self) -> dict[str, object]:
        """The `kutip who --json` shape: {"speaker", "statements": [quote objects]}."""
        return {"speaker": self.speaker, "role": self.role,
                "statements": [q.to_dict() for q in self.statements],
                "several": list(self.several)}
