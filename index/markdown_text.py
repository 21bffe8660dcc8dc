"""Markdown as the plain text kutip stores: what a reader sees, without the markup.

A `.md` article's quotes must read as the article does: "**Menteri Keuangan** Sri Mulyani
mengatakan" is stored as "Menteri Keuangan Sri Mulyani mengatakan", so the speaker is Sri
Mulyani, not "Keuangan** Sri Mulyani", and no quote shows asterisks or link targets. Lines
stay lines (a soft break is a line break), since paragraphs tell statements apart.
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.token import Token

__all__ = ["markdown_text"]

# Inline tokens whose content is text a reader sees; the rest (emphasis, links' open and
# close, raw HTML) is markup.
_TEXT = frozenset(["text", "code_inline", "image"])  # an image shows its alt text
_BREAKS = frozenset(["softbreak", "hardbreak"])


def markdown_text(source: str) -> str:
    """The text of a CommonMark document, one line per line of its blocks.

    >>> markdown_text("# Judul\\n\\n**Menteri** Sri Mulyani [mengatakan](http://x.y) ...")
    'Judul\\nMenteri Sri Mulyani mengatakan ...'
    """
    lines = []
    for token in MarkdownIt("commonmark").parse(source):
        if token.type == "inline":
            lines.append(_inline_text(token.children or []))
        elif token.type in ("fence", "code_block"):
            lines.append(token.content.rstrip("\n"))
    return "\n".join(line.strip() for line in lines if line.strip())


def _inline_text(children: list[Token]) -> str:
    return "".join("\n" if t.type in _BREAKS else t.content if t.type in _TEXT else ""
                   for t in children)
