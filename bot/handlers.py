"""The bot's handlers: each turns one kind of update into a reply, like PTB's examples.

Handlers read the update, call the retriever or the indexer (off the event loop),
hand the result to `bot.format`, and reply. Every reply a user can trigger passes a
per-user rate limit first: questions and "More quotes" the question limiter, everything
else (commands, ¶ buttons, hints, refusals) the looser command limiter; over a limit, a
user hears "slow down" at most once per window. Errors are not caught here: the one
`error_handler` at the bottom logs them and answers the user.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from telegram import Bot, Chat, InlineKeyboardMarkup, Message, ReplyParameters, Update
from telegram.constants import ChatAction
from telegram.error import BadRequest, Forbidden, NetworkError, TelegramError, TimedOut
from telegram.ext import ApplicationHandlerStop

from bot.callbacks import (
    answer_keyboard,
    parse_callback_data,
    parse_remove_data,
    record_for_key,
    remove_keyboard,
)
from bot.context import BotContext
from bot.format import (
    ACCESS_DENIED,
    ADMIN_ONLY,
    APOLOGY,
    BUTTON_EXPIRED,
    EMPTY_QUESTION,
    NON_TEXT_HINT,
    STORE_UNAVAILABLE,
    escape,
    format_answer,
    format_context,
    format_quotes,
    format_start,
    slow_down,
)
from bot.indexing import IndexJob, run_indexing
from bot.questions import command_argument, group_question, is_reply_to_bot
from bot.state import AnswerPage, AskedQuestion, ShownQuote
from index.loaders import SUPPORTED_SUFFIXES, file_problem, is_url
from kutip.errors import EmptyQuestion, StoreLocked, StoreUnavailable
from retriever import Quote

if TYPE_CHECKING:
    from bot.access import SlidingWindowLimiter

__all__ = [
    "add",
    "ask_command",
    "button",
    "confirm_remove",
    "document",
    "error_handler",
    "gate",
    "group_text",
    "help_command",
    "non_text",
    "private_text",
    "reindex",
    "remove",
    "sources",
    "start",
    "unknown_command",
]

logger = logging.getLogger(__name__)

NO_SOURCES = (
    "No article sources are configured. Set <code>KUTIP_ARTICLE_SOURCES</code> to a "
    "comma-separated list of folders, files and feed URLs, restart the bot, then /reindex."
)
INDEX_BUSY = "An indexing run is already in progress; try again when it has finished."
ADD_USAGE = "Usage: <code>/add https://example.com/article-or-feed</code>"
UNSUPPORTED_FILE = "I can index {types} files; <b>{name}</b> is not one of them."
FILE_TOO_LARGE = "<b>{name}</b> is too large ({size:,} bytes; the limit is {limit:,})."
NO_MORE = "No more quotes for this question."
ARTICLE_CHANGED = "That article has changed or was removed since this answer. Please ask again."
UNKNOWN_COMMAND = "I don't know that command. See /help."
SHORTENED = "(Your question is long: I searched with its first {n} characters.)"
REMOVE_USAGE = ("Usage: <code>/remove ID_OR_SOURCE</code>, with an article's id, source or "
                "link as /sources shows it.")
REMOVE_NOT_FOUND = "No indexed article has the id or source <code>{arg}</code>. See /sources."
REMOVE_AMBIGUOUS = "<code>{arg}</code> is the source of {n} articles; use one of their ids: {ids}"
REMOVE_ASK = "Remove <b>{title}</b> (<code>{id}</code>) and everything indexed for it?"
REMOVE_DONE = "Removed <b>{title}</b> (<code>{id}</code>)."
REMOVE_KEPT = "Kept <b>{title}</b>: nothing was removed."
REMOVE_EXPIRED = "This button has expired. Send /remove again."
REMOVE_GONE = "That article has changed or was already removed since; nothing was removed."
SEND_ATTEMPTS = 3  # an answer survives two network errors (502, dropped connection) in a row
SEND_BACKOFF_S = 0.5


# ---- commands ----------------------------------------------------------------


async def start(update: Update, context: BotContext) -> None:
    """Greets the user and says how to ask."""
    if not await _within_limit(update, context.deps.command_limiter):
        return
    chat = update.effective_chat
    await update.effective_message.reply_html(
        format_start(context.bot.username, is_group=chat.type != Chat.PRIVATE)
    )


async def help_command(update: Update, context: BotContext) -> None:
    """Says what the bot knows (article count, last update) with example questions."""
    if not await _within_limit(update, context.deps.command_limiter):
        return
    is_admin = context.deps.policy.is_admin(update.effective_user.id)
    text = await asyncio.to_thread(context.deps.catalog.help_text, is_admin=is_admin)
    await update.effective_message.reply_html(text)


async def sources(update: Update, context: BotContext) -> None:
    """Lists the most recently indexed articles."""
    if not await _within_limit(update, context.deps.command_limiter):
        return
    for text in await asyncio.to_thread(context.deps.catalog.sources_texts):
        await update.effective_message.reply_html(text)


async def ask_command(update: Update, context: BotContext) -> None:
    """/ask question: answers in any chat."""
    await _answer(update, context, command_argument(update.effective_message))


async def unknown_command(update: Update, context: BotContext) -> None:
    """Points to /help for commands the bot does not have (private chats only)."""
    if not await _within_limit(update, context.deps.command_limiter):
        return
    await update.effective_message.reply_html(UNKNOWN_COMMAND)


async def reindex(update: Update, context: BotContext) -> None:
    """Admins: re-scans the configured article folders and feeds, showing progress."""
    if not await _require_admin(update, context):
        return
    targets = list(context.deps.settings.article_sources)
    if not targets:
        await update.effective_message.reply_html(NO_SOURCES)
        return
    indexer = context.deps.services.indexer
    await _index(update, context, "Re-indexing", lambda progress: indexer.run(
        targets, progress=progress))


async def add(update: Update, context: BotContext) -> None:
    """Admins: /add URL fetches and indexes one article or every article of a feed."""
    if not await _require_admin(update, context):
        return
    url = command_argument(update.effective_message)
    if not is_url(url) or " " in url:
        await update.effective_message.reply_html(ADD_USAGE)
        return
    indexer = context.deps.services.indexer
    await _index(update, context, f"Adding {url}", lambda progress: indexer.run(
        [url], progress=progress))


async def remove(update: Update, context: BotContext) -> None:
    """Admins: /remove ID_OR_SOURCE asks to confirm removing that article (a button)."""
    if not await _require_admin(update, context):
        return
    message, arg = update.effective_message, command_argument(update.effective_message)
    if not arg:
        await message.reply_html(REMOVE_USAGE)
        return
    found = await asyncio.to_thread(context.deps.services.indexer.find, arg)
    if not found:
        await message.reply_html(REMOVE_NOT_FOUND.format(arg=escape(arg)))
    elif len(found) > 1:
        ids = ", ".join(f"<code>{escape(r.article_id)}</code>" for r in found)
        await message.reply_html(REMOVE_AMBIGUOUS.format(arg=escape(arg), n=len(found), ids=ids))
    else:
        [record] = found
        await message.reply_html(
            REMOVE_ASK.format(title=escape(record.title or record.source),
                              id=escape(record.article_id)),
            reply_markup=remove_keyboard(record))


# ---- messages ----------------------------------------------------------------


async def private_text(update: Update, context: BotContext) -> None:
    """Any text in a private chat is a question (a reply to an answer is a follow-up)."""
    await _answer(update, context, update.effective_message.text or "")


async def group_text(update: Update, context: BotContext) -> None:
    """Answers group messages that @mention or reply to the bot; ignores other chatter."""
    question = group_question(
        update.effective_message, bot_username=context.bot.username, bot_id=context.bot.id
    )
    if question is not None:
        await _answer(update, context, question)


async def non_text(update: Update, context: BotContext) -> None:
    """Hints that only text is understood (stickers, photos, voice…) when addressed."""
    message = update.effective_message
    addressed = message.chat.type == Chat.PRIVATE or is_reply_to_bot(message, context.bot.id)
    if addressed and await _within_limit(update, context.deps.command_limiter):
        await message.reply_html(NON_TEXT_HINT)


async def document(update: Update, context: BotContext) -> None:
    """Admins: an uploaded .txt/.md/.html/.json/.jsonl file is indexed, showing progress."""
    if not await _require_admin(update, context):
        return
    message = update.effective_message
    name = Path(message.document.file_name or "upload.txt").name
    limit, size = context.deps.settings.max_article_bytes, message.document.file_size or 0
    problem = file_problem(name, size, max_bytes=limit)
    if problem == "unsupported type":
        types = ", ".join(sorted(SUPPORTED_SUFFIXES))
        await message.reply_html(UNSUPPORTED_FILE.format(types=types, name=escape(name)))
        return
    if problem == "too large":
        await message.reply_html(FILE_TOO_LARGE.format(name=escape(name), size=size, limit=limit))
        return
    telegram_file = await message.document.get_file()
    data = bytes(await telegram_file.download_as_bytearray())
    loader, indexer = context.deps.services.loader, context.deps.services.indexer
    await _index(update, context, f"Indexing {name}", lambda progress: indexer.add_loaded(
        loader.load_bytes(data, name), progress=progress))


# ---- buttons -----------------------------------------------------------------


async def button(update: Update, context: BotContext) -> None:
    """Handles "More quotes" and "¶ N" (the paragraph around quote N) under answers."""
    query = update.callback_query
    data = parse_callback_data(query.data)
    more = data is not None and data.kind == "more"
    if not await _within_limit(update, context.deps.limiter if more else
                               context.deps.command_limiter):
        return
    page = context.deps.state.load_page(data.page_id) if data else None
    if data is None or page is None or (data.kind == "ctx" and data.number >= len(page.quotes)):
        await query.answer(BUTTON_EXPIRED, show_alert=True)
        return
    if data.kind == "more":
        await _more(update, context, page, data.number)
    else:
        await _paragraph(update, context, page.quotes[data.number])


async def confirm_remove(update: Update, context: BotContext) -> None:
    """The "Remove" / "Cancel" buttons of a /remove: only an admin's press acts."""
    query = update.callback_query
    if not await _within_limit(update, context.deps.command_limiter):
        return
    data = parse_remove_data(query.data)
    if data is None or data.expired(context.deps.state.ttl):
        await query.answer(REMOVE_EXPIRED, show_alert=True)
        return
    if not context.deps.policy.is_admin(update.effective_user.id):
        logger.info("refused a removal press from non-admin user %s", update.effective_user.id)
        await query.answer(ADMIN_ONLY, show_alert=True)
        return
    services = context.deps.services
    record = record_for_key(await asyncio.to_thread(services.store.articles), data.key)
    if record is None:
        await query.answer(REMOVE_GONE, show_alert=True)
        await query.edit_message_text(REMOVE_GONE)
        return
    title, article_id = escape(record.title or record.source), escape(record.article_id)
    if not data.confirm:
        await query.answer()
        await query.edit_message_text(REMOVE_KEPT.format(title=title))
        return
    if context.deps.index_lock.locked():
        await query.answer(INDEX_BUSY, show_alert=True)
        return
    async with context.deps.index_lock:
        try:
            await asyncio.to_thread(services.indexer.remove, [record.article_id])
        finally:
            services.retriever.invalidate()
    await query.answer()
    await query.edit_message_text(REMOVE_DONE.format(title=title, id=article_id))


# ---- access ------------------------------------------------------------------


async def gate(update: Update, context: BotContext) -> None:
    """Runs first: politely refuses, and stops, in chats the bot may not serve."""
    chat, user = update.effective_chat, update.effective_user
    if context.deps.policy.chat_allowed(chat.id if chat else None, user.id if user else None):
        return
    logger.info("refused chat %s (user %s): not in KUTIP_ALLOWED_CHAT_IDS",
                chat.id if chat else None, user.id if user else None)
    addressed = update.callback_query or (update.message and _addressed(update.message, context))
    if addressed and await _within_limit(update, context.deps.command_limiter):
        if update.callback_query:
            await update.callback_query.answer(ACCESS_DENIED, show_alert=True)
        else:
            await update.message.reply_html(ACCESS_DENIED)
    raise ApplicationHandlerStop


async def error_handler(update: object, context: BotContext) -> None:
    """Logs the error with what was being handled, then tells the user briefly."""
    error = context.error
    where = _describe(update)
    if isinstance(error, EmptyQuestion):
        logger.info("empty question in %s", where)
        reply = EMPTY_QUESTION
    elif isinstance(error, StoreUnavailable):
        logger.warning("search unavailable for %s: %s", where, error)
        reply = STORE_UNAVAILABLE
    elif isinstance(error, StoreLocked):
        logger.warning("index locked for %s: %s", where, error)
        reply = "The index is busy being written by another program; try again later."
    elif isinstance(error, Forbidden):
        logger.warning("cannot write to %s: %s", where, error)
        return
    else:
        logger.error("Exception while handling %s", where, exc_info=error)
        reply = APOLOGY
    if isinstance(update, Update):
        await _tell(update, reply)


# ---- helpers -----------------------------------------------------------------


def _addressed(message: Message, context: BotContext) -> bool:
    """True for private chats, commands, and group messages that mention or reply to the bot."""
    if message.chat.type == Chat.PRIVATE or (message.text or "").startswith("/"):
        return True
    return group_question(
        message, bot_username=context.bot.username, bot_id=context.bot.id
    ) is not None


def _describe(update: object) -> str:
    if not isinstance(update, Update):
        return repr(update)[:200]
    chat, user, message = update.effective_chat, update.effective_user, update.effective_message
    text = (message.text or message.caption or "") if message else ""
    if update.callback_query:
        text = f"button {update.callback_query.data!r}"
    return (f"update {update.update_id} (chat {chat.id if chat else None}, "
            f"user {user.id if user else None}, {text[:120]!r})")


async def _tell(update: Update, text: str) -> None:
    """Best effort: a short reply about a failure must not fail in turn."""
    alert = text if "<" not in text else APOLOGY  # alerts are plain text
    try:
        if update.callback_query:
            with contextlib.suppress(BadRequest):  # BadRequest: already answered
                await update.callback_query.answer(alert, show_alert=True)
                return
        if update.effective_message:
            await update.effective_message.reply_html(text)
    except TelegramError as exc:
        logger.warning("could not tell the user about the error: %s", exc)


async def _within_limit(update: Update, limiter: SlidingWindowLimiter) -> bool:
    """True when the sender is under `limiter`; otherwise False, after telling them to slow
    down if they were not told in this window (refusals beyond that get no reply at all)."""
    user, chat = update.effective_user, update.effective_chat
    decision = limiter.check(user.id if user else chat.id if chat else None)
    if decision.allowed:
        return True
    if decision.notify:
        if update.callback_query:
            await update.callback_query.answer(slow_down(decision.retry_after), show_alert=True)
        elif update.effective_message:
            await update.effective_message.reply_html(slow_down(decision.retry_after))
    return False


async def _require_admin(update: Update, context: BotContext) -> bool:
    """True for admins; others are told they may not. Counts as a command for everyone."""
    if not await _within_limit(update, context.deps.command_limiter):
        return False
    user = update.effective_user
    if context.deps.policy.is_admin(user.id if user else None):
        return True
    logger.info("refused an index change from non-admin user %s", user.id if user else None)
    await update.effective_message.reply_html(ADMIN_ONLY)
    return False


async def _index(update: Update, context: BotContext, title: str, job: IndexJob) -> None:
    """One indexing run at a time, with live progress; the retriever sees the result."""
    if context.deps.index_lock.locked():
        await update.effective_message.reply_html(INDEX_BUSY)
        return
    async with context.deps.index_lock:
        try:
            await run_indexing(update.effective_message, title, job,
                               interval=context.deps.options.progress_interval)
        finally:
            context.deps.services.retriever.invalidate()


@contextlib.asynccontextmanager
async def _typing(bot: Bot, chat_id: int, *, delay: float, interval: float) -> AsyncIterator[None]:
    """Shows "typing…" once the block has run `delay` seconds (at once when 0), then
    every `interval` seconds until the block ends.

    An answer usually takes well under a second; showing "typing…" for it would only
    double the bot's Bot API calls, which share one flood limit with the answers.
    """

    async def send() -> bool:
        try:
            await bot.send_chat_action(chat_id, ChatAction.TYPING)
        except TelegramError as exc:  # cosmetic: never fail an answer for it
            logger.debug("typing action failed in chat %s: %s", chat_id, exc)
            return False
        return True

    async def keep_typing(wait: float) -> None:
        await asyncio.sleep(wait)
        while await send():
            await asyncio.sleep(interval)

    if delay > 0:
        task: asyncio.Task | None = asyncio.create_task(keep_typing(delay))
    else:  # at once, before the work starts
        task = asyncio.create_task(keep_typing(interval)) if await send() else None
    try:
        yield
    finally:
        if task is not None:
            task.cancel()


def _asked(message: Message, context: BotContext, question: str) -> AskedQuestion:
    """The question, with the earlier one as context when it replies to an answer."""
    replied = message.reply_to_message
    if replied is not None and is_reply_to_bot(message, context.bot.id):
        earlier = context.deps.state.answered(message.chat.id, replied.message_id)
        if earlier is not None:
            return AskedQuestion(question, earlier.followup_context())
    return AskedQuestion(question)


async def _answer(update: Update, context: BotContext, question: str) -> None:
    """Search `question` and reply with quotes, or say why not."""
    message, chat = update.effective_message, update.effective_chat
    if not any(ch.isalnum() for ch in question):
        if await _within_limit(update, context.deps.command_limiter):
            await message.reply_html(EMPTY_QUESTION)
        return
    if not await _within_limit(update, context.deps.limiter):
        return
    asked = _asked(message, context, question)
    async with _typing(context.bot, chat.id, delay=context.deps.options.typing_delay,
                       interval=context.deps.options.typing_interval):
        answer = await context.deps.services.retriever.asearch(
            asked.question, k=context.deps.settings.top_k, context=asked.context or None
        )
    limit = context.deps.services.retriever.max_question_chars
    texts = format_answer(answer, note=SHORTENED.format(n=limit) if answer.truncated else "")
    quotes = answer.quotes if answer.answered else []
    await _send_page(context, chat.id, message.message_id, texts, asked, quotes,
                     page=0, shown_before=[], more=answer.has_more)


def _shown(quotes: Sequence[Quote]) -> list[ShownQuote]:
    return [ShownQuote(q.article_id, q.start, q.end, q.title or q.source) for q in quotes]


async def _send_page(
    context: BotContext, chat_id: int, reply_to: int, texts: list[str], asked: AskedQuestion,
    quotes: Sequence[Quote], *, page: int, shown_before: list[ShownQuote], more: bool,
) -> None:
    """Send an answer's messages (buttons under the last) and remember them for follow-ups."""
    keyboard = None
    if quotes:
        answer_page = AnswerPage(asked, page, _shown(quotes), shown_before)
        page_id = context.deps.state.save_page(answer_page)
        keyboard = answer_keyboard(page_id, first_number=len(shown_before) + 1,
                                   quotes=len(quotes), next_page=page + 1 if more else None)
    reply = ReplyParameters(reply_to, allow_sending_without_reply=True)
    sent = []
    for n, text in enumerate(texts, start=1):
        sent.append(await _send_retrying(
            context.bot, chat_id, text, reply_parameters=reply,
            reply_markup=keyboard if n == len(texts) else None,
        ))
    context.deps.state.remember_answer(chat_id, [m.message_id for m in sent], asked)


async def _send_retrying(bot: Bot, chat_id: int, text: str, **kwargs: object) -> Message:
    """send_message, retried a few times on network errors (a 502 or a dropped connection).

    RetryAfter (flood control) is retried by the application's AIORateLimiter. A timeout
    is not retried: Telegram may have sent the message anyway, and a user should never
    get the same answer twice. The last error propagates to `error_handler`.
    """
    for attempt in range(1, SEND_ATTEMPTS + 1):
        try:
            return await bot.send_message(chat_id, text, **kwargs)
        except (TimedOut, BadRequest):  # both subclass NetworkError; neither is transient
            raise
        except NetworkError as exc:
            if attempt == SEND_ATTEMPTS:
                raise
            logger.warning("sending to chat %s failed (%s); retry %d of %d", chat_id, exc,
                           attempt, SEND_ATTEMPTS - 1)
            await asyncio.sleep(SEND_BACKOFF_S * attempt)
    raise AssertionError("unreachable")


async def _more(update: Update, context: BotContext, page: AnswerPage, next_page: int) -> None:
    """The next page of quotes for the question under the pressed button."""
    query = update.callback_query
    await query.answer()
    shown = page.all_shown
    answer = await context.deps.services.retriever.asearch(
        page.asked.question, k=context.deps.settings.top_k, context=page.asked.context or None,
        exclude=[(s.article_id, s.start, s.end) for s in shown],
    )
    fresh = answer.quotes
    message = query.message
    await _drop_more_button(query.message)
    if not fresh:
        await context.bot.send_message(message.chat.id, NO_MORE, reply_parameters=ReplyParameters(
            message.message_id, allow_sending_without_reply=True))
        return
    texts = format_quotes(fresh, first_number=len(shown) + 1, lead="More quotes:")
    await _send_page(context, message.chat.id, message.message_id, texts, page.asked, fresh,
                     page=next_page, shown_before=shown, more=answer.has_more)


async def _drop_more_button(message: object) -> None:
    """Keep the "¶" buttons of a paged answer but remove its "More quotes" button."""
    if not isinstance(message, Message) or message.reply_markup is None:
        return
    rows = [row for row in message.reply_markup.inline_keyboard
            if not any((b.callback_data or "").startswith("more:") for b in row)]
    if len(rows) == len(message.reply_markup.inline_keyboard):
        return
    try:
        await message.edit_reply_markup(InlineKeyboardMarkup(rows) if rows else None)
    except TelegramError as exc:
        logger.debug("could not remove the More button: %s", exc)


async def _paragraph(update: Update, context: BotContext, shown: ShownQuote) -> None:
    """The paragraph around one quote of an answer."""
    query = update.callback_query
    await query.answer()
    found = await asyncio.to_thread(
        context.deps.services.retriever.context_of, shown.article_id, shown.start, shown.end
    )
    chat_id, reply = query.message.chat.id, ReplyParameters(
        query.message.message_id, allow_sending_without_reply=True)
    if found is None:
        await context.bot.send_message(chat_id, ARTICLE_CHANGED, reply_parameters=reply)
        return
    paragraph, p_start, _ = found
    for text in format_context(shown.title, paragraph, shown.start - p_start, shown.end - p_start):
        await context.bot.send_message(chat_id, text, reply_parameters=reply)

