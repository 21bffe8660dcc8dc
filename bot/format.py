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
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from bot.messages import t, tn
from index.names import match_speaker
from index.store import ArticleRecord
from kutip.errors import EmptyQuestion
from retriever import Answer, Question, Quote, SourceTitle, SpeakerStatements
from retriever.said_question import SaidQuery
from retriever.speakers import MIN_SPEAKER_MATCH
from retriever.text import Language

if TYPE_CHECKING:  # annotations only: the CLI's replies need no indexer (nor its loaders)
    from index.indexer import IndexReport, Progress

__all__ = [
    "MAX_HREF_CHARS",
    "MAX_MESSAGE_CHARS",
    "asked_topic",
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
    "format_statements",
    "is_by",
    "ordered_quotes",
    "slow_down",
    "split_blocks",
    "tg_len",
]

MAX_MESSAGE_CHARS = 4096
MAX_TITLE_CHARS = 200
MAX_HREF_CHARS = 1000
"""Longest escaped URL put into an `<a href>` (each `&` escapes to five characters)."""
MAX_HOST_CHARS = 100
MAX_ECHO_CHARS = 200
CONTEXT_WINDOW_CHARS = 3000
MAX_FAILURES_SHOWN = 10
SEPARATOR = "\n\n"


def escape(text: str) -> str:
    """Escape `<`, `>` and `&` for Telegram HTML text (quotes are left alone)."""
    return html.escape(text, quote=False)


def tg_len(text: str) -> int:
    """Length as Telegram counts it: UTF-16 code units."""
    return len(text.encode("utf-16-le")) // 2


def echo(text: str) -> str:
    """What the user wrote (a name, a topic), shortened to `MAX_ECHO_CHARS` and escaped
    for a reply: a 4,000-character "name" echoed whole made the reply too long to send."""
    return escape(_shorten(text, MAX_ECHO_CHARS))


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
    prefix = f"{marker} " if marker else ""
    parts = [f"{prefix}<b>{escape(_shorten(title or source, MAX_TITLE_CHARS))}</b>"]
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


def _speaker_line(quote: Quote, number: int) -> str:
    """"N. — Speaker, role" under a quote of attributed speech; just "N." otherwise."""
    if not quote.speaker:
        return f"{number}."
    who = ", ".join(escape(_shorten(part, MAX_TITLE_CHARS))
                    for part in (quote.speaker, quote.role) if part)
    return f"{number}. <i>— {who}</i>"


def _quote_blocks(quote: Quote, number: int, limit: int, header: str = "") -> list[str]:
    """The quote's blockquote with its speaker line under it and `header` (its article's
    title line) above; more blocks when the quote is too long for one message."""
    line = _speaker_line(quote, number)
    room = limit - tg_len(line) - 1 - (tg_len(header) + 1 if header else 0)
    pieces = _blockquotes(quote.text, room)
    pieces[-1] = f"{pieces[-1]}\n{line}"
    if header:
        pieces[0] = f"{header}\n{pieces[0]}"
    return pieces


def _article_blocks(numbered: Sequence[tuple[int, Quote]], limit: int) -> list[str]:
    """Blocks of numbered quotes; a run of quotes of one article shares one title line
    (title, date, link), its quotes one line apart while they fit one message."""
    blocks: list[str] = []
    previous: str | None = None
    for number, quote in numbered:
        same = quote.article_id == previous
        header = "" if same else _title_line("", quote.title, quote.date, quote.url,
                                             quote.source)
        pieces = _quote_blocks(quote, number, limit, header)
        if same and len(pieces) == 1 and tg_len(blocks[-1]) + 1 + tg_len(pieces[0]) <= limit:
            blocks[-1] = f"{blocks[-1]}\n{pieces[0]}"
        else:
            blocks.extend(pieces)
        previous = quote.article_id
    return blocks


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



# ---- answers -------------------------------------------------------------------


def is_by(quote: Quote, speaker: str | None) -> bool:
    """True when `quote` is attributed speech of `speaker` (the person a question asks about,
    `Answer.speaker`): how replies keep that person's words apart from everyone else's."""
    if speaker is None or not quote.speaker:
        return False
    return match_speaker(speaker, quote.speaker, quote.role) >= MIN_SPEAKER_MATCH


def _by_article(quotes: Sequence[Quote]) -> list[Quote]:
    """`quotes` with those of one article together, articles in order of their best quote."""
    groups: dict[str, list[Quote]] = {}
    for quote in quotes:
        groups.setdefault(quote.article_id, []).append(quote)
    return [quote for group in groups.values() for quote in group]


def ordered_quotes(quotes: Sequence[Quote], *, speaker: str | None = None) -> list[Quote]:
    """The quotes in the order a reply shows (and numbers) them: with `speaker` (a said
    question), that person's statements first and everyone else's after; each part with
    the quotes of one article together (`format_quotes` groups them under one title)."""
    theirs = [q for q in quotes if speaker is None or is_by(q, speaker)]
    others = [q for q in quotes if speaker is not None and not is_by(q, speaker)]
    return _by_article(theirs) + _by_article(others)


def format_quotes(
    quotes: Sequence[Quote], *, first_number: int = 1, lead: str | None = None,
    speaker: str | None = None, lang: Language = "en", limit: int = MAX_MESSAGE_CHARS,
) -> list[str]:
    """The quotes as HTML messages: a lead line, then the quotes grouped by article, each
    with its speaker line when it is attributed speech.

    Args:
        quotes: the quotes to show, best first.
        first_number: the number shown next to the first quote (pages go on counting).
        lead: the first line (HTML); "From N articles:" when None.
        speaker: the person a said question asks about: their statements come first, the
            other quotes after a line that says they are not theirs.
        lang: the language of the bot's own words.
        limit: the longest message allowed.

    Returns:
        One or more messages, each at most `limit` UTF-16 code units, split between quotes.
    """
    ordered = ordered_quotes(quotes, speaker=speaker)
    numbered = list(enumerate(ordered, start=first_number))
    theirs = sum(1 for q in ordered if speaker is None or is_by(q, speaker))
    blocks = [lead if lead is not None else _lead(ordered, lang)]
    blocks += _article_blocks(numbered[:theirs], limit)
    if theirs < len(numbered):
        blocks.append(escape(t(lang, "others_heading", speaker=speaker)))
        blocks += _article_blocks(numbered[theirs:], limit)
    return split_blocks(blocks, limit=limit)


def _lead(quotes: Sequence[Quote], lang: Language) -> str:
    return tn(lang, "lead", len({q.article_id for q in quotes}))


def _answer_lead(answer: Answer, said: SaidQuery | None, lang: Language) -> str:
    """"From N articles:", "Yuri Ushakov, quoted in N articles:" or "N people commented"."""
    if said is not None and said.kind == "who":
        return tn(lang, "lead_who", len({q.speaker for q in answer.quotes if q.speaker}))
    theirs = [q for q in answer.quotes if is_by(q, answer.speaker)]
    if answer.speaker and theirs:
        return tn(lang, "lead_said", len({q.article_id for q in theirs}),
                  speaker=echo(answer.speaker))
    if answer.speaker:  # named in the articles, never quoted: the passages are not theirs
        return t(lang, "speaker_not_found", speaker=echo(answer.speaker))
    return _lead(answer.quotes, lang)


def asked_topic(answer: Answer) -> str:
    """The topic a said question asked about ("What did X say about Y?" → "Y"), or ""."""
    said = _said_of(answer)
    return said.topic.strip(" ?.!") if said is not None else ""


def _said_of(answer: Answer) -> SaidQuery | None:
    """What a said question asked (kind, person, topic): as the search read it, else
    parsed again from its text."""
    if answer.said is not None:
        return answer.said
    try:
        return Question.parse(answer.question).said
    except EmptyQuestion:
        return None


def _closest_lines(items: Sequence[SourceTitle]) -> list[str]:
    return [_title_line("•", i.title, i.date, i.url, i.source) for i in items[:5]]


def format_not_found(answer: Answer, *, lang: Language = "en",
                     limit: int = MAX_MESSAGE_CHARS) -> list[str]:
    """The honest refusal, by `answer.reason`: the person said nothing on the topic (with
    where they are quoted and their closest statements, labelled as not on it), the person
    is not quoted at all, or nothing relevant (with the closest titles)."""
    speaker = echo(answer.speaker or "")
    if answer.reason == "no_statement_on_topic":
        topic = asked_topic(answer)
        head = (t(lang, "no_statement", speaker=speaker, topic=echo(topic)) if topic
                else t(lang, "no_statement_any", speaker=speaker))
        lines = [head]
        if answer.closest:
            lines += [t(lang, "quoted_in", speaker=speaker), *_closest_lines(answer.closest)]
        blocks = ["\n".join(lines)]
        if answer.other_statements:
            blocks.append(t(lang, "other_statements"))
            blocks += _article_blocks(list(enumerate(_by_article(answer.other_statements), 1)),
                                      limit)
        return split_blocks(blocks, limit=limit)
    head = (t(lang, "speaker_not_found", speaker=speaker)
            if answer.reason == "speaker_not_found" else t(lang, "not_found"))
    lines = [head]
    if answer.closest:
        lines += [t(lang, "closest_articles"), *_closest_lines(answer.closest)]
    return split_blocks(lines, limit=limit, separator="\n")


def format_answer(
    answer: Answer, *, note: str = "", lang: Language = "en", limit: int = MAX_MESSAGE_CHARS
) -> list[str]:
    """An `Answer` as messages: quotes when answered (the person's first, in a said
    answer), else the refusal that fits `answer.reason`.

    `note` (plain text, e.g. that the question was shortened) is added to the lead line.
    """
    if not answer.answered:
        texts = format_not_found(answer, lang=lang, limit=limit)
        return split_blocks([escape(note), *texts], limit=limit) if note else texts
    lead = _answer_lead(answer, _said_of(answer), lang)
    if note:
        lead = f"{escape(note)}\n{lead}"
    return format_quotes(answer.quotes, lead=lead, speaker=answer.speaker, lang=lang,
                         limit=limit)


MAX_SEVERAL = 8  # people named when a /who name fits several


def format_statements(
    found: SpeakerStatements, *, asked: str, about: str = "", first_number: int = 1,
    lang: Language = "en", limit: int = MAX_MESSAGE_CHARS,
) -> list[str]:
    """/who: what a person is quoted as saying (newest first, or closest to `about`), each
    statement under its article's title line; `asked` is the name as the user wrote it."""
    if found.several:
        people = ", ".join(escape(p) for p in found.several[:MAX_SEVERAL])
        if len(found.several) > MAX_SEVERAL:
            people += ", …"
        first = escape(found.several[0].split(" (")[0])
        return [t(lang, "who_several", asked=echo(asked), people=people, first=first)]
    if found.speaker is None:
        return [t(lang, "speaker_not_found", speaker=echo(asked))]
    speaker = escape(found.speaker)
    if not found.statements:
        return [t(lang, "no_statement", speaker=speaker, topic=echo(about)) if about
                else t(lang, "no_statement_any", speaker=speaker)]
    if first_number > 1:
        lead = t(lang, "who_more", speaker=speaker)
    elif about:
        lead = t(lang, "who_lead_about", speaker=speaker, topic=echo(about))
    else:
        lead = t(lang, "who_lead", speaker=speaker)
    numbered = list(enumerate(_by_article(found.statements), start=first_number))
    return split_blocks([lead, *_article_blocks(numbered, limit)], limit=limit)


# ---- other replies -------------------------------------------------------------


def format_context(
    title: str, paragraph: str, quote_start: int, quote_end: int, *,
    window: int = CONTEXT_WINDOW_CHARS, lang: Language = "en", limit: int = MAX_MESSAGE_CHARS,
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
    head = t(lang, "context_from", title=escape(_shorten(title, MAX_TITLE_CHARS)))
    body = f"{escape(before)}<u>{escape(paragraph[quote_start:quote_end])}</u>{escape(after)}"
    block = f"<blockquote>{body}</blockquote>"
    if tg_len(head) + 1 + tg_len(block) <= limit:
        return [f"{head}\n{block}"]
    # Very long quote: fall back to plain blockquotes, still never cutting a tag.
    text = paragraph[lo:hi]
    return split_blocks([head, *_blockquotes(text, limit)], limit=limit)


def format_start(bot_name: str, *, is_group: bool, lang: Language = "en") -> str:
    """The /start greeting."""
    how = (t(lang, "start_group", bot=escape(bot_name)) if is_group
           else t(lang, "start_private"))
    return t(lang, "start", how=how)


def _when(timestamp: float, lang: Language) -> str:
    if not timestamp:
        return t(lang, "never")
    return datetime.fromtimestamp(timestamp, UTC).strftime("%Y-%m-%d %H:%M UTC")


def _examples(records: Sequence[ArticleRecord], speakers: Sequence[tuple[str, str]],
              lang: Language) -> list[str]:
    """Example questions: real speakers and topics of the index, else recent titles."""
    examples = [t(lang, "example_said", speaker=name, topic=topic) for name, topic in speakers]
    if speakers:
        examples.append(f"/who {speakers[0][0]}")
        return examples
    recent = sorted(records, key=lambda r: r.indexed_at, reverse=True)[:2]
    examples = [t(lang, "example_title", title=_shorten(r.title, 80)) for r in recent if r.title]
    return examples or [t(lang, "example_fallback_1"), t(lang, "example_fallback_2")]


def format_help(records: Sequence[ArticleRecord], *, is_admin: bool,
                speakers: Sequence[tuple[str, str]] = (), lang: Language = "en") -> str:
    """/help: what the bot knows (article count, last update), example questions built
    from `speakers` ((name, topic) pairs of the index; recent titles when none) and the
    commands."""
    last = max((r.indexed_at for r in records), default=0.0)
    lines = [
        tn(lang, "help_known", len(records), when=_when(last, lang)),
        "",
        t(lang, "help_examples"),
        *(f"• {escape(e)}" for e in _examples(records, speakers, lang)),
        "",
        t(lang, "help_about"),
        "",
        t(lang, "help_ask"),
        t(lang, "help_who"),
        t(lang, "help_sources"),
        t(lang, "help_help"),
    ]
    if is_admin:
        lines += ["", t(lang, "help_admin"), t(lang, "help_reindex"), t(lang, "help_add"),
                  t(lang, "help_remove"), t(lang, "help_upload")]
    return "\n".join(lines)


def format_sources(records: Sequence[ArticleRecord], *, count: int = 10, lang: Language = "en",
                   limit: int = MAX_MESSAGE_CHARS) -> list[str]:
    """/sources: the most recently indexed articles."""
    if not records:
        return [t(lang, "sources_none")]
    recent = sorted(records, key=lambda r: r.indexed_at, reverse=True)[:count]
    lead = tn(lang, "sources_lead", len(records), shown=len(recent))
    blocks = [lead] + [_source_line(r) for r in recent]
    return split_blocks(blocks, limit=limit, separator="\n")


def _source_line(record: ArticleRecord) -> str:
    """An article of /sources, with its id where the source does not give it (an upload
    stored as "berita.txt~1a2b3c4d" beside a folder's "berita.txt"): what /remove takes."""
    line = _title_line("•", record.title, record.date, record.url, record.source)
    if record.article_id in (record.source, record.url):
        return line
    return f"{line} · <code>{escape(_shorten(record.article_id, MAX_TITLE_CHARS))}</code>"


def format_progress(title: str, progress: Progress | None, *, lang: Language = "en") -> str:
    """The live status line of a re-index or upload."""
    if progress is None:
        return f"{escape(title)}…"
    if progress.phase == "loading":
        return t(lang, "progress_loading", title=escape(title), done=progress.done,
                 total=progress.total)
    return tn(lang, "progress_indexing", progress.total, title=escape(title), done=progress.done)


def format_report(title: str, report: IndexReport, *, lang: Language = "en",
                  limit: int = MAX_MESSAGE_CHARS) -> str:
    """The end of a re-index: the CLI's summary line, then the first failures."""
    text = f"{t(lang, 'progress_done', title=escape(title))}\n{escape(report.summary())}"
    for n, (source, reason) in enumerate(report.failed[:MAX_FAILURES_SHOWN]):
        line = "\n" + t(lang, "progress_failed", source=escape(_shorten(source, 200)),
                        reason=escape(_shorten(reason, 300)))
        more = len(report.failed) - n
        if tg_len(text) + tg_len(line) + 60 > limit:
            return f"{text}\n{t(lang, 'progress_more_failures', n=more)}"
        text += line
    if len(report.failed) > MAX_FAILURES_SHOWN:
        more = len(report.failed) - MAX_FAILURES_SHOWN
        text += f"\n{t(lang, 'progress_more_failures', n=more)}"
    return text


def slow_down(retry_after: float, *, lang: Language = "en") -> str:
    """The per-user rate-limit reply."""
    return tn(lang, "slow_down", max(1, round(retry_after)))
