"""The bot's handlers: each turns one kind of update into a reply, like PTB's examples.

Handlers read the update, call the retriever or the indexer (off the event loop),
hand the result to `bot.format`, and reply in the user's language (`bot.messages`).
Every reply a user can trigger passes a per-user rate limit first: questions, /who and
"More quotes" the question limiter, everything else (commands, ¶ buttons, hints,
refusals) the looser command limiter; over a limit, a user hears "slow down" at most once
per window. Errors are not caught here: the one `error_handler` at the bottom logs them
and answers the user.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Sequence
from dataclasses import replace
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
    escape,
    format_answer,
    format_context,
    format_quotes,
    format_start,
    format_statements,
    ordered_quotes,
    slow_down,
)
from bot.indexing import IndexJob, run_indexing
from bot.messages import choose_language, t
from bot.questions import command_argument, group_question, is_reply_to_bot
from bot.state import AnswerPage, AskedQuestion, ShownQuote
from bot.uploads import beside_other_uploads
from bot.who_argument import who_argument, who_statements, who_topic, who_topic_language
from index.loaders import SUPPORTED_SUFFIXES, file_problem, is_url
from kutip.errors import EmptyQuestion, StoreLocked, StoreUnavailable
from retriever import Quote
from retriever.text import Language

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
    "who",
]

logger = logging.getLogger(__name__)

SEND_ATTEMPTS = 3  # an answer survives two network errors (502, dropped connection) in a row
SEND_BACKOFF_S = 0.5
WHO_PREFIX = "/who "
"""A /who request is remembered (for its buttons) as the question "/who NAME [topic]"."""


def _lang(update: Update, text: str = "") -> Language:
    """The reply's language: `text`'s (the question), else the user's Telegram language."""
    user = update.effective_user
    return choose_language(text, user.language_code if user else None)


# ---- commands ----------------------------------------------------------------


async def start(update: Update, context: BotContext) -> None:
    """Greets the user and says how to ask."""
    if not await _within_limit(update, context.deps.command_limiter):
        return
    chat = update.effective_chat
    await update.effective_message.reply_html(format_start(
        context.bot.username, is_group=chat.type != Chat.PRIVATE, lang=_lang(update)))


async def help_command(update: Update, context: BotContext) -> None:
    """Says what the bot knows (article count, last update) with example questions built
    from real speakers and topics of the index."""
    if not await _within_limit(update, context.deps.command_limiter):
        return
    is_admin = context.deps.policy.is_admin(update.effective_user.id)
    text = await asyncio.to_thread(context.deps.catalog.help_text, is_admin=is_admin,
                                   lang=_lang(update))
    await update.effective_message.reply_html(text)


async def sources(update: Update, context: BotContext) -> None:
    """Lists the most recently indexed articles."""
    if not await _within_limit(update, context.deps.command_limiter):
        return
    for text in await asyncio.to_thread(context.deps.catalog.sources_texts, lang=_lang(update)):
        await update.effective_message.reply_html(text)


async def ask_command(update: Update, context: BotContext) -> None:
    """/ask question: answers in any chat."""
    await _answer(update, context, command_argument(update.effective_message))


async def who(update: Update, context: BotContext) -> None:
    """/who NAME [topic]: what NAME is quoted as saying, newest first or closest to topic."""
    message, chat = update.effective_message, update.effective_chat
    argument = command_argument(message)
    lang = await _admitted(update, context, argument, "who_usage")
    if lang is None:
        return
    topic = who_topic(argument)
    if topic == "":  # "/who about": neither a name nor a topic
        await message.reply_html(t(lang, "who_usage"))
        return
    if topic is not None:  # "/who about Iran": everyone quoted on it, one statement each
        lang = who_topic_language(argument) or lang  # "/who soal Iran": in Indonesian
        await _reply_answer(update, context, t(lang, "who_question", topic=topic), lang)
        return
    k = context.deps.settings.top_k
    name, about, found = await asyncio.to_thread(
        who_statements, context.deps.services.retriever, argument, limit=k + 1)
    shown = ordered_quotes(found.statements[:k])
    texts = format_statements(replace(found, statements=shown), asked=name, about=about,
                              lang=lang)
    await _send_page(context, chat.id, message.message_id, texts,
                     AskedQuestion(WHO_PREFIX + argument), shown, page=0, shown_before=[],
                     more=len(found.statements) > k, lang=lang)


async def unknown_command(update: Update, context: BotContext) -> None:
    """Points to /help for commands the bot does not have (private chats only)."""
    if not await _within_limit(update, context.deps.command_limiter):
        return
    await update.effective_message.reply_html(t(_lang(update), "unknown_command"))


async def reindex(update: Update, context: BotContext) -> None:
    """Admins: re-scans the configured article folders and feeds, showing progress."""
    lang = _lang(update)
    if not await _require_admin(update, context, lang):
        return
    targets = list(context.deps.settings.article_sources)
    if not targets:
        await update.effective_message.reply_html(t(lang, "no_sources"))
        return
    indexer = context.deps.services.indexer
    await _index(update, context, t(lang, "job_reindex"), lambda progress: indexer.run(
        targets, progress=progress), lang)


async def add(update: Update, context: BotContext) -> None:
    """Admins: /add URL fetches and indexes one article or every article of a feed."""
    lang = _lang(update)
    if not await _require_admin(update, context, lang):
        return
    url = command_argument(update.effective_message)
    if not is_url(url) or " " in url:
        await update.effective_message.reply_html(t(lang, "add_usage"))
        return
    indexer = context.deps.services.indexer
    await _index(update, context, t(lang, "job_add", url=url), lambda progress: indexer.run(
        [url], progress=progress), lang)


async def remove(update: Update, context: BotContext) -> None:
    """Admins: /remove ID_OR_SOURCE asks to confirm removing that article (a button)."""
    lang = _lang(update)
    if not await _require_admin(update, context, lang):
        return
    message, arg = update.effective_message, command_argument(update.effective_message)
    if not arg:
        await message.reply_html(t(lang, "remove_usage"))
        return
    found = await asyncio.to_thread(context.deps.services.indexer.find, arg)
    if not found:
        await message.reply_html(t(lang, "remove_not_found", arg=escape(arg)))
    elif len(found) > 1:
        ids = ", ".join(f"<code>{escape(r.article_id)}</code>" for r in found)
        await message.reply_html(t(lang, "remove_ambiguous", arg=escape(arg), n=len(found),
                                   ids=ids))
    else:
        [record] = found
        await message.reply_html(
            t(lang, "remove_ask", title=escape(record.title or record.source),
              id=escape(record.article_id)),
            reply_markup=remove_keyboard(record, labels=(t(lang, "button_remove"),
                                                         t(lang, "button_cancel"))))


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
    lang = _lang(update, message.caption or "")
    if addressed and await _within_limit(update, context.deps.command_limiter, lang):
        await message.reply_html(t(lang, "non_text"))


async def document(update: Update, context: BotContext) -> None:
    """Admins: an uploaded .txt/.md/.html/.json/.jsonl file is indexed, showing progress."""
    lang = _lang(update, update.effective_message.caption or "")
    if not await _require_admin(update, context, lang):
        return
    message = update.effective_message
    name = Path(message.document.file_name or "upload.txt").name
    limit, size = context.deps.settings.max_article_bytes, message.document.file_size or 0
    problem = file_problem(name, size, max_bytes=limit)
    if problem == "unsupported type":
        types = ", ".join(sorted(SUPPORTED_SUFFIXES))
        await message.reply_html(t(lang, "unsupported_file", types=types, name=escape(name)))
        return
    if problem == "too large":
        await message.reply_html(t(lang, "file_too_large", name=escape(name), size=size,
                                   limit=limit))
        return
    telegram_file = await message.document.get_file()
    data = bytes(await telegram_file.download_as_bytearray())
    services = context.deps.services
    loader, indexer = services.loader, services.indexer
    await _index(update, context, t(lang, "job_upload", name=name),
                 lambda progress: indexer.add_loaded(
                     beside_other_uploads(loader.load_bytes(data, name), services.store.articles()),
                     progress=progress), lang)


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
        await query.answer(t(_lang(update), "button_expired"), show_alert=True)
        return
    lang = _lang(update, page.asked.question.removeprefix(WHO_PREFIX))
    if more and (data.number != page.page + 1 or not context.deps.state.claim_more(data.page_id)):
        # a second press (or a forged page number): that page was sent, or is on its way
        await query.answer(t(lang, "more_sent"), show_alert=False)
        return
    if data.kind == "more":
        try:
            await _more(update, context, page, data.number, lang)
        except Exception:
            context.deps.state.release_more(data.page_id)  # nothing was sent: press again
            raise
    else:
        await _paragraph(update, context, page.quotes[data.number], lang)


async def confirm_remove(update: Update, context: BotContext) -> None:
    """The "Remove" / "Cancel" buttons of a /remove: only an admin's press acts."""
    query = update.callback_query
    lang = _lang(update)
    if not await _within_limit(update, context.deps.command_limiter, lang):
        return
    data = parse_remove_data(query.data)
    if data is None or data.expired(context.deps.state.ttl):
        await query.answer(t(lang, "remove_expired"), show_alert=True)
        return
    if not context.deps.policy.is_admin(update.effective_user.id):
        logger.info("refused a removal press from non-admin user %s", update.effective_user.id)
        await query.answer(t(lang, "admin_only"), show_alert=True)
        return
    services = context.deps.services
    record = record_for_key(await asyncio.to_thread(services.store.articles), data.key)
    if record is None:
        await query.answer(t(lang, "remove_gone"), show_alert=True)
        # Only the buttons go: a second tap of "Remove" must not overwrite the first tap's
        # "Removed …" with this (BadRequest: that edit had already dropped them).
        with contextlib.suppress(BadRequest):
            await query.edit_message_reply_markup(reply_markup=None)
        return
    title, article_id = escape(record.title or record.source), escape(record.article_id)
    if not data.confirm:
        await query.answer()
        await query.edit_message_text(t(lang, "remove_kept", title=title))
        return
    if context.deps.index_lock.locked():
        await query.answer(t(lang, "index_busy"), show_alert=True)
        return
    async with context.deps.index_lock:
        try:
            await asyncio.to_thread(services.indexer.remove, [record.article_id])
        finally:
            services.retriever.invalidate()
    await query.answer()
    await query.edit_message_text(t(lang, "remove_done", title=title, id=article_id))


# ---- access ------------------------------------------------------------------


async def gate(update: Update, context: BotContext) -> None:
    """Runs first: politely refuses, and stops, in chats the bot may not serve."""
    chat, user = update.effective_chat, update.effective_user
    if context.deps.policy.chat_allowed(chat.id if chat else None, user.id if user else None):
        return
    logger.info("refused chat %s (user %s): not in KUTIP_ALLOWED_CHAT_IDS",
                chat.id if chat else None, user.id if user else None)
    lang = _lang(update, (update.message.text or "") if update.message else "")
    addressed = update.callback_query or (update.message and _addressed(update.message, context))
    if addressed and await _within_limit(update, context.deps.command_limiter, lang):
        if update.callback_query:
            await update.callback_query.answer(t(lang, "access_denied"), show_alert=True)
        else:
            await update.message.reply_html(t(lang, "access_denied"))
    raise ApplicationHandlerStop


async def error_handler(update: object, context: BotContext) -> None:
    """Logs the error with what was being handled, then tells the user briefly."""
    error = context.error
    where = _describe(update)
    if isinstance(error, EmptyQuestion):
        logger.info("empty question in %s", where)
        key = "empty_question"
    elif isinstance(error, StoreUnavailable):
        logger.warning("search unavailable for %s: %s", where, error)
        key = "store_unavailable"
    elif isinstance(error, StoreLocked):
        logger.warning("index locked for %s: %s", where, error)
        key = "store_locked"
    elif isinstance(error, Forbidden):
        logger.warning("cannot write to %s: %s", where, error)
        return
    else:
        logger.error("Exception while handling %s", where, exc_info=error)
        key = "apology"
    if isinstance(update, Update):
        message = update.effective_message
        lang = _lang(update, (message.text or "") if message and not update.callback_query
                     else "")
        await _tell(update, t(lang, key), t(lang, "apology"))


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


async def _tell(update: Update, text: str, plain: str) -> None:
    """Best effort: a short reply about a failure must not fail in turn. Button alerts
    are plain text: `plain` stands in for a `text` with markup."""
    alert = text if "<" not in text else plain
    try:
        if update.callback_query:
            with contextlib.suppress(BadRequest):  # BadRequest: already answered
                await update.callback_query.answer(alert, show_alert=True)
                return
        if update.effective_message:
            await update.effective_message.reply_html(text)
    except TelegramError as exc:
        logger.warning("could not tell the user about the error: %s", exc)


async def _require_admin(update: Update, context: BotContext, lang: Language) -> bool:
    """True for admins; others are told they may not. Counts as a command for everyone."""
    if not await _within_limit(update, context.deps.command_limiter, lang):
        return False
    user = update.effective_user
    if context.deps.policy.is_admin(user.id if user else None):
        return True
    logger.info("refused an index change from non-admin user %s", user.id if user else None)
    await update.effective_message.reply_html(t(lang, "admin_only"))
    return False


async def _admitted(update: Update, context: BotContext, text: str,
                    empty_key: str) -> Language | None:
    """The reply's language when `text` (a question, a /who name) is to be answered now;
    None once the user is told it has no words (`empty_key`) or that they ask too often."""
    lang = _lang(update, text)
    if not any(ch.isalnum() for ch in text):
        if await _within_limit(update, context.deps.command_limiter, lang):
            await update.effective_message.reply_html(t(lang, empty_key))
        return None
    return lang if await _within_limit(update, context.deps.limiter, lang) else None


async def _within_limit(update: Update, limiter: SlidingWindowLimiter,
                        lang: Language | None = None) -> bool:
    """True when the sender is under `limiter`; otherwise False, after telling them to slow
    down (in `lang`, else their language) if they were not told in this window (refusals
    beyond that get no reply at all)."""
    user, chat = update.effective_user, update.effective_chat
    decision = limiter.check(user.id if user else chat.id if chat else None)
    if decision.allowed:
        return True
    if decision.notify:
        text = slow_down(decision.retry_after, lang=lang or _lang(update))
        if update.callback_query:
            await update.callback_query.answer(text, show_alert=True)
        elif update.effective_message:
            await update.effective_message.reply_html(text)
    return False


async def _index(update: Update, context: BotContext, title: str, job: IndexJob,
                 lang: Language) -> None:
    """One indexing run at a time, with live progress; the retriever sees the result."""
    if context.deps.index_lock.locked():
        await update.effective_message.reply_html(t(lang, "index_busy"))
        return
    async with context.deps.index_lock:
        try:
            await run_indexing(update.effective_message, title, job,
                               interval=context.deps.options.progress_interval, lang=lang)
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
            return AskedQuestion(question, _followup_context(earlier))
    return AskedQuestion(question)


def _followup_context(earlier: AskedQuestion) -> str:
    """What a reply follows up on: the thread so far; for a /who answer, the question it
    stands for ("/who Netanyahu" → "What did Netanyahu say?"), so that "what about
    Jerusalem?" asks for his words on it (the retriever reads questions, not commands)."""
    if not earlier.question.startswith(WHO_PREFIX):
        return earlier.followup_context()
    argument = earlier.question.removeprefix(WHO_PREFIX)
    topic = who_topic(argument)
    if topic:
        return t("en", "who_question", topic=topic)
    name, about = who_argument(argument, lambda _name: 0.0)  # split at a topic word only
    return f"What did {name} say about {about}?" if about else f"What did {name} say?"


async def _answer(update: Update, context: BotContext, question: str) -> None:
    """Search `question` and reply with quotes, or say why not."""
    lang = await _admitted(update, context, question, "empty_question")
    if lang is not None:
        await _reply_answer(update, context, question, lang)


async def _reply_answer(update: Update, context: BotContext, question: str,
                        lang: Language) -> None:
    """Search an admitted `question` and reply in `lang`."""
    message, chat = update.effective_message, update.effective_chat
    asked = _asked(message, context, question)
    async with _typing(context.bot, chat.id, delay=context.deps.options.typing_delay,
                       interval=context.deps.options.typing_interval):
        answer = await context.deps.services.retriever.asearch(
            asked.question, k=context.deps.settings.top_k, context=asked.context or None
        )
    limit = context.deps.services.retriever.max_question_chars
    note = t(lang, "shortened", n=limit) if answer.truncated else ""
    texts = format_answer(answer, note=note, lang=lang)
    quotes = ordered_quotes(answer.quotes, speaker=answer.speaker) if answer.answered else []
    await _send_page(context, chat.id, message.message_id, texts, asked, quotes,
                     page=0, shown_before=[], more=answer.has_more, lang=lang)


def _shown(quotes: Sequence[Quote]) -> list[ShownQuote]:
    return [ShownQuote(q.article_id, q.start, q.end, q.title or q.source) for q in quotes]


async def _send_page(
    context: BotContext, chat_id: int, reply_to: int, texts: list[str], asked: AskedQuestion,
    quotes: Sequence[Quote], *, page: int, shown_before: list[ShownQuote], more: bool,
    lang: Language,
) -> None:
    """Send an answer's messages (buttons under the last) and remember them for follow-ups."""
    keyboard = None
    if quotes:
        answer_page = AnswerPage(asked, page, _shown(quotes), shown_before)
        page_id = context.deps.state.save_page(answer_page)
        keyboard = answer_keyboard(page_id, first_number=len(shown_before) + 1,
                                   quotes=len(quotes), next_page=page + 1 if more else None,
                                   more_label=t(lang, "button_more"))
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


async def _more(update: Update, context: BotContext, page: AnswerPage, next_page: int,
                lang: Language) -> None:
    """The next page of quotes for the question (or /who request) under the pressed button."""
    query = update.callback_query
    await query.answer()
    shown = page.all_shown
    if page.asked.question.startswith(WHO_PREFIX):
        fresh, more, texts = await _more_statements(context, page.asked.question, shown, lang)
    else:
        fresh, more, texts = await _more_quotes(context, page.asked, shown, lang)
    message = query.message
    await _drop_more_button(query.message)
    if not fresh:
        await context.bot.send_message(message.chat.id, t(lang, "no_more"),
                                       reply_parameters=ReplyParameters(
                                           message.message_id, allow_sending_without_reply=True))
        return
    await _send_page(context, message.chat.id, message.message_id, texts, page.asked, fresh,
                     page=next_page, shown_before=shown, more=more, lang=lang)


async def _more_quotes(context: BotContext, asked: AskedQuestion, shown: list[ShownQuote],
                       lang: Language) -> tuple[list[Quote], bool, list[str]]:
    """(the next quotes in the order shown, whether more exist, the messages) of a question."""
    answer = await context.deps.services.retriever.asearch(
        asked.question, k=context.deps.settings.top_k, context=asked.context or None,
        exclude=[(s.article_id, s.start, s.end) for s in shown],
    )
    fresh = ordered_quotes(answer.quotes, speaker=answer.speaker)
    texts = format_quotes(fresh, first_number=len(shown) + 1, lead=t(lang, "lead_more"),
                          speaker=answer.speaker, lang=lang)
    return fresh, answer.has_more, texts


async def _more_statements(context: BotContext, request: str, shown: list[ShownQuote],
                           lang: Language) -> tuple[list[Quote], bool, list[str]]:
    """The same as `_more_quotes` for a "/who NAME [topic]" request."""
    k = context.deps.settings.top_k
    name, about, found = await asyncio.to_thread(
        who_statements, context.deps.services.retriever, request.removeprefix(WHO_PREFIX),
        limit=len(shown) + k + 1)
    spans = {(s.article_id, s.start, s.end) for s in shown}
    rest = [q for q in found.statements if (q.article_id, q.start, q.end) not in spans]
    fresh = ordered_quotes(rest[:k])
    texts = format_statements(replace(found, statements=fresh), asked=name, about=about,
                              first_number=len(shown) + 1, lang=lang)
    return fresh, len(rest) > k, texts


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


async def _paragraph(update: Update, context: BotContext, shown: ShownQuote,
                     lang: Language) -> None:
    """The paragraph around one quote of an answer."""
    query = update.callback_query
    await query.answer()
    found = await asyncio.to_thread(
        context.deps.services.retriever.context_of, shown.article_id, shown.start, shown.end
    )
    chat_id, reply = query.message.chat.id, ReplyParameters(
        query.message.message_id, allow_sending_without_reply=True)
    if found is None:
        await context.bot.send_message(chat_id, t(lang, "article_changed"), reply_parameters=reply)
        return
    paragraph, p_start, _ = found
    for text in format_context(shown.title, paragraph, shown.start - p_start, shown.end - p_start,
                               lang=lang):
        await context.bot.send_message(chat_id, text, reply_parameters=reply)

