"""Named result types of the retriever (what the CLI and the bot consume)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields

from index.store import ChunkRow

__all__ = ["Answer", "Candidate", "Quote", "SourceTitle"]


@dataclass(frozen=True)
class Candidate(ChunkRow):
    """A chunk considered for an answer, with its fused and per-signal scores."""

    dense: float
    lexical: float
    score: float

    @classmethod
    def of(cls, chunk: ChunkRow, *, dense: float, lexical: float, score: float) -> Candidate:
        """The candidate for a stored chunk (a `ChunkRow` or a `ChunkHit`) and its scores."""
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
        }
