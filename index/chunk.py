"""Sentence-aware chunking that keeps each chunk's character offsets in the article.

Sentences are packed into chunks of about `chunk_size` characters, and each chunk
starts with the last sentence of the previous one (one sentence of overlap), so a
statement cut at a boundary is still whole in one chunk. A single sentence longer
than a chunk (a run-on paragraph) is cut at word boundaries by LangChain's
`RecursiveCharacterTextSplitter`. A sentence holding a word longer than a chunk (a run of
dots, a pasted hash) is cut by a linear window instead: LangChain's last resort splits
such a run character by character, seconds for a 5 MB article.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from index.sentences import sentence_spans

if TYPE_CHECKING:
    from langchain_text_splitters import RecursiveCharacterTextSplitter

__all__ = ["Chunk", "SentenceChunker"]

# Where a window over an unbreakable sentence may end, best first (each kept on the left).
_WINDOW_SEPARATORS = (", ", "; ", " ")


@dataclass(frozen=True)
class Chunk:
    """A piece of an article: `text == article_text[start:end]`."""

    index: int
    start: int
    end: int
    text: str


class SentenceChunker:
    """Split article text into overlapping, sentence-aligned chunks with offsets."""

    def __init__(self, *, chunk_size: int = 800, overlap_sentences: int = 1) -> None:
        if chunk_size < 50:
            raise ValueError(f"chunk_size must be at least 50 characters, got {chunk_size}")
        if overlap_sentences < 0:
            raise ValueError(f"overlap_sentences must be >= 0, got {overlap_sentences}")
        self.chunk_size = chunk_size
        self.overlap_sentences = overlap_sentences

    @cached_property
    def _long_splitter(self) -> RecursiveCharacterTextSplitter:
        """LangChain's splitter, imported and built for the first sentence longer than a
        chunk: importing it costs ~0.2 s, which a process that only answers (a cold
        `kutip ask`) never needs."""
        from langchain_text_splitters import RecursiveCharacterTextSplitter

        return RecursiveCharacterTextSplitter(
            chunk_size=self.chunk_size,
            chunk_overlap=0,
            separators=[", ", "; ", " ", ""],
            keep_separator="end",
            add_start_index=True,
        )

    def _units(self, text: str) -> list[tuple[int, int]]:
        """Sentences, with any sentence longer than a chunk cut into pieces."""
        units: list[tuple[int, int]] = []
        for start, end in sentence_spans(text):
            if end - start <= self.chunk_size:
                units.append((start, end))
            elif max(map(len, text[start:end].split()), default=0) > self.chunk_size:
                units.extend(self._windows(text, start, end))
            else:
                for doc in self._long_splitter.create_documents([text[start:end]]):
                    piece_start = start + doc.metadata["start_index"]
                    units.append((piece_start, piece_start + len(doc.page_content)))
        return units

    def _windows(self, text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
        """Cut `text[start:end]` into pieces of at most `chunk_size`, each ending after the
        last separator in its window when there is one: one pass, whatever the content."""
        pos = start
        while end - pos > self.chunk_size:
            limit = pos + self.chunk_size
            cut = limit
            for sep in _WINDOW_SEPARATORS:
                found = text.rfind(sep, pos + 1, limit)
                if found != -1 and found + len(sep) <= limit:
                    cut = found + len(sep)
                    break
            yield pos, cut
            pos = cut
        if pos < end:
            yield pos, end

    def split(self, text: str) -> list[Chunk]:
        """Return the chunks of `text`, in order; empty text gives no chunks."""
        units = self._units(text)
        chunks: list[Chunk] = []
        i = 0
        while i < len(units):
            first = i
            j = i
            while j + 1 < len(units) and units[j + 1][1] - units[first][0] <= self.chunk_size:
                j += 1
            start, end = units[first][0], units[j][1]
            chunks.append(Chunk(index=len(chunks), start=start, end=end, text=text[start:end]))
            if j + 1 >= len(units):
                break
            # Next chunk begins `overlap_sentences` units back, but always moves forward.
            i = max(j + 1 - self.overlap_sentences, first + 1)
            if units[j + 1][1] - units[i][0] > self.chunk_size:
                i = j + 1  # the overlap sentence would not fit beside the next one
        return chunks
