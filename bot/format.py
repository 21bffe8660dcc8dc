"""Pure functions that turn answers and reports into Telegram HTML messages.

Everything that comes from articles or users is escaped with `html.escape`; every
returned message is at most `MAX_MESSAGE_CHARS` long (counted in UTF-16 code units,
as Telegram counts) and is split between quotes, never inside a tag. A quote too long
for one message is cut into several `<blockquote>` elements at whitespace; any other
block too long for one message is cut between characters, its open tags closed and
reopened around the cut (never inside a tag or an entity). A link whose escaped URL is
longer than `MAX_HREF_CHARS` is dropped: its label stays, as plain text.
Keyboards are built separately, in `bot.callbacks`.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from urllib.parse import urlsplit

from index.indexer import IndexReport, Progress, counted
from index.store import ArticleRecord
from retriever import Answer, Quote

__all__ = [
    "ACCESS_DENIED",
    "ADMIN_ONLY",
    "APOLOGY",
    "BUTTON_EXPIRED",
    "EMPTY_QUESTION",
    "MAX_HREF_CHARS",
    "MAX_MESSAGE_CHARS",
    "NON_TEXT_HINT",
    "STORE_UNAVAILABLE",
    "escape",
    "format_answer",
    "format_context",
    "format_help",
    "format_not_found",
    "format_progress",
    "format_quotes",
    "format_report",
    "format_sources",
    "format_start",
    "slow_down",
    "split_blocks",
    "tg_len",
]

MAX_MESSAGE_CHARS = 4096
MAX_TITLE_CHARS = 200
MAX_HREF_CHARS = 1000
"""Longest escaped URL put into an `<a href>` (each `&` escapes to five characters)."""
MAX_HOST_CHARS = 100
CONTEXT_WINDOW_CHARS = 3000
MAX_FAILURES_SHOWN = 10

EMPTY_QUESTION = (
    "Please ask a question in words, for example:\n"
    "<code>/ask What did Ushakov say about Iran?</code>"
)
NON_TEXT_HINT = "I can only read text. Send your question as a message, e.g. “What did Ushakov say?”"
STORE_UNAVAILABLE = "Search is unavailable right now, please try again in a moment."
APOLOGY = "Sorry, something went wrong while handling that. Please try again."
ACCESS_DENIED = "Sorry, this bot is private: it only answers in the chats it was set up for."
ADMIN_ONLY = "Sorry, only the bot's admins can change the index."
BUTTON_EXPIRED = "This button has expired. Please ask your question again."
SEPARATOR = "\n\n"


def escape(text: str) -> str:
    """Escape `<`, `>` and `&` for Telegram HTML text (quotes are left alone)."""
    return html.escape(text, quote=False)


def tg_len(text: str) -> int:
    """Length as Telegram counts it: UTF-16 code units."""
    return len(text.encode("utf-16-le")) // 2


def _shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _link(url: str, text: str) -> str:
    """`<a href>` for http(s) URLs that fit `MAX_HREF_CHARS`; plain escaped text otherwise."""
    href = html.escape(url, quote=True)
    if url.startswith(("http://", "https://")) and tg_len(href) <= MAX_HREF_CHARS:
        return f'<a href="{href}">{escape(text)}</a>'
    return escape(text)


def _source_label(url: str, source: str) -> str:
    if url:
        host = urlsplit(url).netloc.removeprefix("www.") or url
        return _link(url, _shorten(host, MAX_HOST_CHARS))
    return escape(_shorten(source, MAX_TITLE_CHARS))


def _title_line(marker: str, title: str, date: str, url: str, source: str) -> str:
    """`marker` **title** · date · source: the one line naming an article (quotes, lists)."""
    parts = [f"{marker} <b>{escape(_shorten(title or source, MAX_TITLE_CHARS))}</b>"]
    if date:
        parts.append(escape(_shorten(date, 40)))
    parts.append(_source_label(url, source))
    return " · ".join(parts)


def _cut(text: str, budget: int) -> tuple[str, str]:
    """Split `text` so the escaped head fits `budget`, preferring a whitespace boundary.

    The head keeps its trailing whitespace, so `head + tail == text` always holds.
    """
    used, end = 0, 0
    for i, ch in enumerate(text):
        cost = tg_len(escape(ch))
        if used + cost > budget:
            break
        used += cost
        end = i + 1
    if end >= len(text):
        return text, ""
    end = max(end, 1)  # always progress, even with an absurd budget
    space = max(text.rfind(" ", 0, end), text.rfind("\n", 0, end))
    if space > end // 2:
        end = space + 1
    return text[:end], text[end:]


def _blockquotes(text: str, budget: int) -> list[str]:
    """`<blockquote>` elements holding `text`, each at most `budget` long."""
    inner = budget - tg_len("<blockquote></blockquote>")
    pieces = []
    rest = text
    while rest:
        head, rest = _cut(rest, inner)
        pieces.append(f"<blockquote>{escape(head)}</blockquote>")
    return pieces or ["<blockquote></blockquote>"]


def _quote_blocks(quote: Quote, number: int, limit: int) -> list[str]:
    """One block (blockquote + meta line) per quote, more when the quote is very long."""
    meta = _title_line(f"{number}.", quote.title, quote.date, quote.url, quote.source)
    room = limit - tg_len(meta) - 1
    pieces = _blockquotes(quote.text, room)
    pieces[-1] = f"{pieces[-1]}\n{meta}"
    return pieces


_HTML_TOKEN = re.compile(r"<[^>]*>|&#?\w+;|[^<&]")
"""A tag, an entity or one character: the units a cut never goes through."""
_EMPTY_ELEMENT = re.compile(r"<(\w+)[^>]*></\1>")


class _HtmlCutter:
    """Cuts one HTML block into pieces of at most `limit`: the tags open at a cut are
    closed there and reopened in the next piece, so every piece is valid on its own.

    A tag too long to repeat (with its closer, over a quarter of `limit`) is dropped and
    its text kept. A piece exceeds `limit` only when one unit cannot fit at all.
    """

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.pieces: list[str] = []
        self.stack: list[tuple[str, str]] = []  # (closer, opener); opener "" when dropped
        self.current: list[str] = []
        self.used = 0
        self.closing = 0  # what closing every open tag would cost
        self.fresh = True  # nothing but reopened tags in `current` yet

    def feed(self, token: str) -> None:
        if token.startswith("</"):
            closer, opener = self.stack.pop() if self.stack else ("", "")
            if opener:  # its cost was reserved in `closing` when it opened
                self.current.append(closer)
                self.used, self.closing = self.used + tg_len(closer), self.closing - tg_len(closer)
            return
        closer = f"</{token[1:].split(maxsplit=1)[0].rstrip('>')}>" if token[0] == "<" else ""
        if closer and tg_len(token) + tg_len(closer) > self.limit // 4:
            self.stack.append((closer, ""))
            return
        if self.used + tg_len(token) + self.closing + tg_len(closer) > self.limit and not self.fresh:
            self._flush()
        self.current.append(token)
        self.used += tg_len(token)
        if closer:
            self.stack.append((closer, token))
            self.closing += tg_len(closer)
        else:
            self.fresh = False

    def _flush(self) -> None:
        closers = "".join(closer for closer, opener in reversed(self.stack) if opener)
        self.pieces.append("".join(self.current) + closers)
        self.current = [opener for _, opener in self.stack if opener]
        self.used, self.fresh = sum(tg_len(o) for o in self.current), True

    def finish(self) -> list[str]:
        if not self.fresh:
            self._flush()
        return [piece for piece in map(_drop_empty_elements, self.pieces) if piece.strip()]


def _drop_empty_elements(html_text: str) -> str:
    while (shorter := _EMPTY_ELEMENT.sub("", html_text)) != html_text:
        html_text = shorter
    return html_text


def _cut_html(block: str, limit: int) -> list[str]:
    """`block` as pieces of at most `limit`, each valid HTML (see `_HtmlCutter`)."""
    cutter = _HtmlCutter(limit)
    for token in _HTML_TOKEN.findall(block):
        cutter.feed(token)
    return cutter.finish()


def split_blocks(
    blocks: Iterable[str], *, limit: int = MAX_MESSAGE_CHARS, separator: str = SEPARATOR
) -> list[str]:
    """Pack self-contained HTML blocks into messages of at most `limit`, in order.

    A block longer than `limit` (callers cut quotes at whitespace first) is cut safely
    into pieces: never inside a tag or an entity, its open tags closed and reopened.
    """
    messages: list[str] = []
    current = ""
    for block in blocks:
        for piece in _cut_html(block, limit) if tg_len(block) > limit else [block]:
            candidate = f"{current}{separator}{piece}" if current else piece
            if tg_len(candidate) <= limit:
                current = candidate
            else:
                messages.append(current)
                current = piece
    if current:
        messages.append(current)
    return messages


def _lead(quotes: Sequence[Quote]) -> str:
    articles = len({q.article_id for q in quotes})
    return f"From {articles} article{'s' if articles != 1 else ''}:"


def format_quotes(
    quotes: Sequence[Quote], *, first_number: int = 1, lead: str | None = None,
    limit: int = MAX_MESSAGE_CHARS,
) -> list[str]:
    """The quotes as HTML messages: a lead line, then one block per quote.

    Args:
        quotes: the quotes to show, best first.
        first_number: the number shown next to the first quote (pages go on counting).
        lead: the first line; "From N articles:" when None.
        limit: the longest message allowed.

    Returns:
        One or more messages, each at most `limit` UTF-16 code units.
    """
    blocks = [escape(lead) if lead is not None else _lead(quotes)]
    for n, quote in enumerate(quotes, start=first_number):
        blocks.extend(_quote_blocks(quote, n, limit))
    return split_blocks(blocks, limit=limit)


def format_not_found(answer: Answer) -> str:
    """The honest "not found" reply, naming the closest titles when there are any."""
    lines = ["No indexed article answers this."]
    if answer.closest:
        lines.append("The closest articles are:")
        lines.extend(_title_line("•", item.title, item.date, item.url, item.source)
                     for item in answer.closest[:5])
    return "\n".join(lines)


def format_answer(
    answer: Answer, *, note: str = "", limit: int = MAX_MESSAGE_CHARS
) -> list[str]:
    """An `Answer` as messages: quotes when answered, else the "not found" reply.

    `note` (plain text, e.g. that the question was shortened) is added to the lead line.
    """
    if not answer.answered:
        text = format_not_found(answer)
        return split_blocks([escape(note), text] if note else [text], limit=limit)
    lead = _lead(answer.quotes)
    if note:
        lead = f"{note}\n{lead}"
    return format_quotes(answer.quotes, lead=lead, limit=limit)


def format_context(
    title: str, paragraph: str, quote_start: int, quote_end: int, *,
    window: int = CONTEXT_WINDOW_CHARS, limit: int = MAX_MESSAGE_CHARS,
) -> list[str]:
    """The paragraph around a quote, the quote itself underlined.

    `quote_start`/`quote_end` are offsets inside `paragraph`. Paragraphs longer than
    `window` are trimmed around the quote with "…".
    """
    quote_start = max(0, min(quote_start, len(paragraph)))
    quote_end = max(quote_start, min(quote_end, len(paragraph)))
    spare = max(0, window - (quote_end - quote_start))
    lo = max(0, quote_start - spare // 2)
    hi = min(len(paragraph), quote_end + (spare - (quote_start - lo)))
    before = ("…" if lo > 0 else "") + paragraph[lo:quote_start]
    after = paragraph[quote_end:hi] + ("…" if hi < len(paragraph) else "")
    head = f"Context from <b>{escape(_shorten(title, MAX_TITLE_CHARS))}</b>:"
    body = f"{escape(before)}<u>{escape(paragraph[quote_start:quote_end])}</u>{escape(after)}"
    block = f"<blockquote>{body}</blockquote>"
    if tg_len(head) + 1 + tg_len(block) <= limit:
        return [f"{head}\n{block}"]
    # Very long quote: fall back to plain blockquotes, still never cutting a tag.
    text = paragraph[lo:hi]
    return split_blocks([head, *_blockquotes(text, limit)], limit=limit)


def format_start(bot_name: str, *, is_group: bool) -> str:
    """The /start greeting."""
    how = (
        f"In groups, mention me (@{escape(bot_name)} your question), reply to one of my "
        "answers, or use /ask your question."
        if is_group else
        "Just send me a question. Reply to one of my answers to ask a follow-up."
    )
    return (
        "Hi! I answer questions about the news articles I have indexed, with verbatim "
        f"quotes and their sources.\n{how}\nSee /help for what I know."
    )


def _when(timestamp: float) -> str:
    if not timestamp:
        return "never"
    return datetime.fromtimestamp(timestamp, UTC).strftime("%Y-%m-%d %H:%M UTC")


def format_help(records: Sequence[ArticleRecord], *, is_admin: bool) -> str:
    """/help: what the bot knows (article count, last update), examples and commands."""
    last = max((r.indexed_at for r in records), default=0.0)
    recent = sorted(records, key=lambda r: r.indexed_at, reverse=True)[:2]
    examples = [f"What does “{_shorten(r.title, 80)}” say?" for r in recent if r.title]
    examples = examples or ["What did Ushakov say about Iran?", "Who met whom, and when?"]
    lines = [
        (f"I know <b>{len(records)}</b> article{'s' if len(records) != 1 else ''}, "
         f"last updated {_when(last)}."),
        "",
        "Ask in your own words, for example:",
        *(f"• {escape(e)}" for e in examples),
        "",
        ("I reply with verbatim quotes and their sources, or say honestly that no indexed "
         "article answers. Reply to one of my answers to ask a follow-up."),
        "",
        "/ask <i>question</i> – ask (in groups: also @mention me or reply to me)",
        "/sources – recently indexed articles",
        "/help – this message",
    ]
    if is_admin:
        lines += [
            "",
            "Admin:",
            "/reindex – re-scan the configured article folders and feeds",
            "/add <i>URL</i> – fetch and index one article or a feed",
            "/remove <i>ID or source</i> – remove one article (asks to confirm)",
            "Send a .txt, .md, .html, .json or .jsonl file to index it.",
        ]
    return "\n".join(lines)


def format_sources(records: Sequence[ArticleRecord], *, count: int = 10,
                   limit: int = MAX_MESSAGE_CHARS) -> list[str]:
    """/sources: the most recently indexed articles."""
    if not records:
        return ["Nothing is indexed yet."]
    recent = sorted(records, key=lambda r: r.indexed_at, reverse=True)[:count]
    lead = f"{counted(len(records), 'article')} indexed; the {len(recent)} most recent:"
    blocks = [lead] + [_title_line("•", r.title, r.date, r.url, r.source) for r in recent]
    return split_blocks(blocks, limit=limit, separator="\n")


def format_progress(title: str, progress: Progress | None) -> str:
    """The live status line of a re-index or upload."""
    if progress is None:
        return f"{escape(title)}…"
    if progress.phase == "loading":
        return f"{escape(title)}: reading sources {progress.done}/{progress.total}…"
    return f"{escape(title)}: indexed {progress.done}/{counted(progress.total, 'article')}…"


def format_report(title: str, report: IndexReport, *, limit: int = MAX_MESSAGE_CHARS) -> str:
    """The end of a re-index: the CLI's summary line, then the first failures."""
    text = f"{escape(title)}: done.\n{escape(report.summary())}"
    for n, (source, reason) in enumerate(report.failed[:MAX_FAILURES_SHOWN]):
        line = f"\n• failed: {escape(_shorten(source, 200))}: {escape(_shorten(reason, 300))}"
        more = len(report.failed) - n
        if tg_len(text) + tg_len(line) + 60 > limit:
            return f"{text}\n… and {more} more failures (see the log)."
        text += line
    if len(report.failed) > MAX_FAILURES_SHOWN:
        text += f"\n… and {len(report.failed) - MAX_FAILURES_SHOWN} more failures (see the log)."
    return text


def slow_down(retry_after: float) -> str:
    """The per-user rate-limit reply."""
    seconds = max(1, round(retry_after))
    return (
        f"Slow down, please: you have asked a lot of questions in a short time. "
        f"Try again in {seconds} second{'s' if seconds != 1 else ''}."
    )
