"""The Telegram bot's wiring: `build_application` wires, `run_application` runs.

`kutip bot` (`kutip.app.run_bot`) builds the services once, holds the embedded store's
write lock for the bot's lifetime (so `/reindex` and answering share one process and one
Chroma client, and a concurrent `kutip index` gets a clear message), and hands them to
`build_application`; `run_application` then long-polls, or serves a webhook when
KUTIP_WEBHOOK_URL is set. Nothing here builds services or imports the roots.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from telegram import Bot, BotCommand, BotCommandScopeChat, LinkPreviewOptions, Update
from telegram.constants import ParseMode
from telegram.error import TelegramError
from telegram.ext import (
    AIORateLimiter,
    Application,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    Defaults,
    MessageHandler,
    TypeHandler,
    filters,
)
from telegram.request import BaseRequest

from bot import handlers
from bot.access import AccessPolicy, SlidingWindowLimiter
from bot.callbacks import REMOVE_PATTERN
from bot.catalog import ArticleCatalog
from bot.context import BOT_DATA_KEY, BotContext, BotDeps, BotOptions, BotServices
from bot.messages import LANGUAGES, t
from bot.state import BotState
from kutip.errors import ConfigError, KutipError
from kutip.settings import DEFAULT_TELEGRAM_API_BASE_URL

if TYPE_CHECKING:
    from kutip.settings import Settings
    from retriever.text import Language

__all__ = [
    "TokenRedactor",
    "bot_token",
    "build_application",
    "command_menu",
    "protect_token",
    "run_application",
    "webhook_options",
]

logger = logging.getLogger(__name__)

PUBLIC_COMMANDS = ("start", "help", "ask", "who", "sources")
ADMIN_COMMANDS = ("reindex", "add", "remove")
ALLOWED_UPDATES = [Update.MESSAGE, Update.EDITED_MESSAGE, Update.CALLBACK_QUERY]
STATE_FILE = "bot-state.sqlite3"
DEFAULT_FILE_BASE_URL = "https://api.telegram.org/file/bot"


def bot_token(settings: Settings) -> str:
    """TELEGRAM_BOT_TOKEN, or a `ConfigError` that says how to get one."""
    if settings.telegram_bot_token is None:
        raise ConfigError(
            "TELEGRAM_BOT_TOKEN is not set: create a bot with @BotFather and put its token in "
            "TELEGRAM_BOT_TOKEN (environment or .env)"
        )
    return settings.telegram_bot_token.get_secret_value()


def _file_base_url(settings: Settings) -> str:
    """TELEGRAM_FILE_BASE_URL, else derived from the API URL (".../bot" → ".../file/bot")."""
    if settings.telegram_file_base_url:
        return settings.telegram_file_base_url
    api = settings.telegram_api_base_url
    if api == DEFAULT_TELEGRAM_API_BASE_URL:
        return DEFAULT_FILE_BASE_URL
    if api.rstrip("/").endswith("/bot"):
        return api.rstrip("/")[: -len("/bot")] + "/file/bot"
    return api.rstrip("/") + "/file/bot"


class TokenRedactor(logging.Filter):
    """Replaces the bot token in every log record (message, arguments and traceback)."""

    def __init__(self, secret: str) -> None:
        super().__init__()
        self._secret = secret

    def filter(self, record: logging.LogRecord) -> bool:
        if not self._secret:
            return True
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - a broken record is not ours to fix
            return True
        if self._secret in message:
            record.msg, record.args = message.replace(self._secret, "<TOKEN>"), None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text and self._secret in record.exc_text:
            record.exc_text = record.exc_text.replace(self._secret, "<TOKEN>")
        return True


def protect_token(token: str) -> TokenRedactor:
    """Quieten httpx (it logs request URLs, which contain the token) and APScheduler (two
    INFO lines per job run), and redact the token from every handler of the root logger."""
    for noisy in ("httpx", "httpcore", "apscheduler"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    redactor = TokenRedactor(token)
    for handler in logging.getLogger().handlers:
        handler.addFilter(redactor)
    return redactor


async def _prune_state(context: BotContext) -> None:
    """The repeating job that forgets expired button pages and answers (off the event loop),
    so the state file stays bounded however long the bot runs."""
    removed = await asyncio.to_thread(context.deps.state.prune)
    if removed:
        logger.info("forgot %d expired button pages and answers", removed)


async def _post_init(application: Application) -> None:
    """Register the command menus and warm the retriever up."""
    deps: BotDeps = application.bot_data[BOT_DATA_KEY]
    bot = application.bot
    await _register_commands(bot, deps.policy.admin_ids)
    if deps.options.warm_up:
        try:  # builds the lexical snapshot now rather than on the first question
            await deps.services.retriever.asearch("kutip warm up", k=1)
        except KutipError as exc:
            logger.warning("warm-up search failed: %s", exc)
    logger.info("bot @%s is ready", bot.username)


def command_menu(names: Sequence[str], lang: Language) -> list[BotCommand]:
    """The command menu entries `names`, described in `lang`."""
    return [BotCommand(name, t(lang, f"cmd_{name}")) for name in names]


async def _register_commands(bot: Bot, admin_ids: Iterable[int]) -> None:
    """The command menus: English by default, Indonesian for Indonesian users; admins'
    chats also list the admin commands."""
    for lang in LANGUAGES:
        code = None if lang == "en" else lang
        await bot.set_my_commands(command_menu(PUBLIC_COMMANDS, lang), language_code=code)
        for admin_id in sorted(admin_ids):
            try:
                await bot.set_my_commands(command_menu(PUBLIC_COMMANDS + ADMIN_COMMANDS, lang),
                                          scope=BotCommandScopeChat(admin_id),
                                          language_code=code)
            except TelegramError as exc:  # the admin has not started a chat with the bot yet
                logger.info("admin commands not registered for %s: %s", admin_id, exc)


async def _post_shutdown(application: Application) -> None:
    application.bot_data[BOT_DATA_KEY].state.close()


def webhook_options(settings: Settings) -> dict[str, Any]:
    """Keyword arguments of `run_webhook`/`start_webhook` for KUTIP_WEBHOOK_URL.

    The local server listens on KUTIP_WEBHOOK_LISTEN:KUTIP_WEBHOOK_PORT under the URL's
    path; a fresh secret token per start makes Telegram prove each request is its own.
    """
    if not settings.webhook_url:
        raise ConfigError("KUTIP_WEBHOOK_URL is not set")
    return {
        "listen": settings.webhook_listen,
        "port": settings.webhook_port,
        "url_path": urlsplit(settings.webhook_url).path.lstrip("/"),
        "webhook_url": settings.webhook_url,
        "secret_token": secrets.token_urlsafe(32),
        "allowed_updates": ALLOWED_UPDATES,
    }


def build_application(
    settings: Settings, services: BotServices, *, options: BotOptions | None = None,
    request: BaseRequest | None = None,
) -> Application:
    """All the bot's wiring: the PTB `Application` with handlers, limits and shared state.

    Args:
        settings: the token, Bot API URLs, admins, allowed chats, rate limits, top_k.
        services: the store, loader, indexer and retriever the handlers use.
        options: tunables that are not settings (tests shorten the progress interval).
        request: the network layer for every Bot API call (tests pass an offline one).

    Raises:
        ConfigError: TELEGRAM_BOT_TOKEN is missing, or PTB's job queue is not installed.
    """
    options = options or BotOptions()
    application = _application(settings, request)
    application.bot_data[BOT_DATA_KEY] = BotDeps(
        settings=settings,
        services=services,
        state=BotState(settings.data_dir / STATE_FILE, ttl=options.state_ttl),
        policy=AccessPolicy(settings.admin_ids, settings.allowed_chat_ids),
        limiter=SlidingWindowLimiter(settings.rate_limit_questions, settings.rate_limit_window),
        command_limiter=SlidingWindowLimiter(settings.command_rate_limit,
                                             settings.command_rate_window),
        catalog=ArticleCatalog(services.store,
                               examples=lambda n: services.retriever.speaker_examples(n)),
        index_lock=asyncio.Lock(),
        options=options,
    )
    _add_handlers(application)
    _add_jobs(application, options)
    return application


def _application(settings: Settings, request: BaseRequest | None) -> Application:
    """The PTB `Application`: token, Bot API URLs, HTML defaults, rate limiter, hooks."""
    builder = Application.builder()
    if request is not None:
        builder = builder.request(request).get_updates_request(request)
    return (
        builder
        .token(bot_token(settings))
        .base_url(settings.telegram_api_base_url)
        .base_file_url(_file_base_url(settings))
        .defaults(Defaults(
            parse_mode=ParseMode.HTML, do_quote=True, allow_sending_without_reply=True,
            link_preview_options=LinkPreviewOptions(is_disabled=True),
        ))
        .rate_limiter(AIORateLimiter(max_retries=3))
        .concurrent_updates(True)
        .context_types(ContextTypes(context=BotContext))
        .post_init(_post_init)
        .post_shutdown(_post_shutdown)
        .build()
    )


def _add_handlers(application: Application) -> None:
    """The access gate first, then one handler per command and kind of message. A question
    the user edits (a typo fixed) is answered again; edited admin commands do nothing."""
    message = filters.UpdateType.MESSAGE
    asked = filters.UpdateType.MESSAGES  # new or edited
    private, groups = filters.ChatType.PRIVATE, filters.ChatType.GROUPS
    application.add_handler(TypeHandler(Update, handlers.gate), group=-1)
    for name, callback, kinds in [
        ("start", handlers.start, message), ("help", handlers.help_command, message),
        ("ask", handlers.ask_command, asked), ("who", handlers.who, asked),
        ("sources", handlers.sources, message), ("reindex", handlers.reindex, message),
        ("add", handlers.add, message), ("remove", handlers.remove, message),
    ]:
        application.add_handler(CommandHandler(name, callback, filters=kinds))
    application.add_handler(MessageHandler(message & private & filters.Document.ALL,
                                           handlers.document))
    application.add_handler(MessageHandler(asked & private & filters.TEXT & ~filters.COMMAND,
                                           handlers.private_text))
    application.add_handler(MessageHandler(asked & groups & filters.TEXT & ~filters.COMMAND,
                                           handlers.group_text))
    application.add_handler(MessageHandler(message & private & filters.COMMAND,
                                           handlers.unknown_command))
    application.add_handler(MessageHandler(
        message & ~filters.TEXT & ~filters.StatusUpdate.ALL, handlers.non_text))
    application.add_handler(CallbackQueryHandler(handlers.confirm_remove,
                                                 pattern=REMOVE_PATTERN))
    application.add_handler(CallbackQueryHandler(handlers.button))
    application.add_error_handler(handlers.error_handler)


def _add_jobs(application: Application, options: BotOptions) -> None:
    """Prune the state at start and then every `prune_interval` seconds while running."""
    if application.job_queue is None:
        raise ConfigError(
            "python-telegram-bot's job queue is missing: install kutip's dependencies "
            "(python-telegram-bot[job-queue], i.e. APScheduler)"
        )
    application.job_queue.run_repeating(_prune_state, interval=options.prune_interval, first=0,
                                        name="prune-bot-state")


def run_application(application: Application, settings: Settings) -> None:
    """Run until interrupted: long polling, or a webhook when KUTIP_WEBHOOK_URL is set."""
    if settings.webhook_url:
        logger.info("starting the webhook on %s:%d", settings.webhook_listen,
                    settings.webhook_port)
        application.run_webhook(**webhook_options(settings))
    else:
        logger.info("starting long polling against %s", settings.telegram_api_base_url)
        application.run_polling(allowed_updates=ALLOWED_UPDATES)
