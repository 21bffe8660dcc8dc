"""The handlers through `app.process_update`, with real services and an offline Bot API."""

from __future__ import annotations

import asyncio
import logging
import re
import threading
from typing import Any

import pytest

from bot.format import escape
from bot.messages import t
from index.indexer import IndexReport
from kutip.errors import StoreUnavailable
from tests.auxil.seed import SEED_QUESTION, SEED_QUOTE
from tests.bot.bot_support import (
    ADMIN_ID,
    BOT_ID,
    BOT_USERNAME,
    HOSTILE_QUESTION,
    NOT_FOUND_QUESTION,
    UPLOAD,
    UPLOAD_QUESTION,
    callback_datas,
)

GROUP = -1001234567890


async def ask(make: Any, text: str, **overrides: Any) -> tuple[Any, Any, Any, list[str]]:
    app, api, updates = await make(**overrides)
    await app.process_update(updates.message(text))
    return app, api, updates, api.texts()


async def test_start_and_help(offline_app: Any) -> None:
    app, api, updates = await offline_app()
    await app.process_update(updates.message("/start"))
    await app.process_update(updates.message("/help", user_id=ADMIN_ID, chat_id=ADMIN_ID))
    start, help_text = api.texts()
    assert "Just send me a question" in start
    assert "<b>5</b> articles" in help_text and "/reindex" in help_text


async def test_private_question_is_answered_with_the_seed_quote(offline_app: Any) -> None:
    app, api, updates = await offline_app()
    question = updates.message(SEED_QUESTION)
    await app.process_update(question)
    assert api.names()[:2] == ["sendChatAction", "sendMessage"]
    [sent] = api.sent()
    assert sent["text"].startswith(
        "Yuri Ushakov, quoted in 1 article:\n\n"
        "<b>Trump dan Putin bahas Ukraina dan Iran lewat telepon</b> · seed-bbn-ushakov.txt\n"
        f"<blockquote>{escape(SEED_QUOTE)}</blockquote>\n"
        "1. <i>— Yuri Ushakov, penasihat kebijakan luar negeri Kremlin</i>")
    assert sent["parse_mode"] == "HTML"
    assert sent["reply_parameters"]["message_id"] == question.message.message_id
    assert list(callback_datas(sent))[-1].startswith("more:")


async def test_hostile_title_is_escaped(offline_app: Any) -> None:
    _, _, _, texts = await ask(offline_app, HOSTILE_QUESTION)
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;x&lt;/b&gt;" in texts[0]
    assert "<script>" not in texts[0]
    assert "&lt;soon&gt; &amp; stay low" in texts[0]


async def test_not_found_is_honest_and_names_the_closest(offline_app: Any) -> None:
    _, _, _, texts = await ask(offline_app, NOT_FOUND_QUESTION)
    assert texts[0].startswith("No indexed article answers this.")
    assert "The closest articles are:" in texts[0]


async def test_empty_and_non_text_messages_get_hints(offline_app: Any) -> None:
    app, api, updates = await offline_app()
    await app.process_update(updates.message("?!"))
    await app.process_update(updates.message("/ask"))
    await app.process_update(updates.message(None, sticker={
        "file_id": "s", "file_unique_id": "s", "width": 1, "height": 1, "is_animated": False,
        "is_video": False, "type": "regular"}))
    assert api.texts() == [t("en", "empty_question"), t("en", "empty_question"), t("en", "non_text")]


async def test_very_long_question_is_answered_with_a_note(offline_app: Any) -> None:
    _, _, _, texts = await ask(offline_app, SEED_QUESTION + " " + "Iran " * 800)
    assert texts[0].startswith("(Your question is long")


async def test_group_chatter_is_ignored_mentions_replies_and_ask_are_answered(
    offline_app: Any,
) -> None:
    app, api, updates = await offline_app()
    await app.process_update(updates.message("lunch anyone?", chat_id=GROUP, user_id=5))
    assert api.sent() == []
    await app.process_update(updates.message(f"@{BOT_USERNAME} {SEED_QUESTION}",
                                             chat_id=GROUP, user_id=5))
    await app.process_update(updates.message(f"/ask@{BOT_USERNAME} {SEED_QUESTION}",
                                             chat_id=GROUP, user_id=6))
    await app.process_update(updates.message("/ask@OtherBot hello", chat_id=GROUP, user_id=6))
    answers = api.sent()
    assert len(answers) == 2 and all(escape(SEED_QUOTE) in a["text"] for a in answers)
    first = api.results()[0]
    await app.process_update(updates.message("and what about Macron?", chat_id=GROUP,
                                             user_id=7, reply_to=first))
    assert "Macron" in api.texts()[-1]


async def test_a_follow_up_naming_someone_else_asks_for_their_words(offline_app: Any) -> None:
    """"What about Lindqvist?" in reply to Ushakov's answer: Lindqvist on the same topic
    (before, the earlier question's words outweighed the new name and Ushakov was quoted
    again); a follow-up naming something in lower case asks the earlier person about it."""
    app, api, updates = await offline_app()
    await app.process_update(updates.message(SEED_QUESTION))
    first = api.results()[0]
    await app.process_update(updates.message("what about Lindqvist?", reply_to=first))
    lindqvist = api.texts()[-1]  # she spoke on rates only: honest, and about Iran
    assert lindqvist.startswith("I found no statement by Petra Lindqvist about Iran."), \
        lindqvist
    assert "— Petra Lindqvist, Governor" in lindqvist and "Ushakov" not in lindqvist
    await app.process_update(updates.message("Bagaimana dengan sanksi?", reply_to=first))
    sanctions = api.texts()[-1]
    assert "Yuri Ushakov" in sanctions and "Lindqvist" not in sanctions, sanctions
    await app.process_update(updates.message("and Macron?", reply_to=first))
    macron = api.texts()[-1]  # QA: without "what about" it had been a plain follow-up
    assert macron.startswith("Macron is not quoted in the indexed articles."), macron


async def test_a_follow_up_to_a_who_answer_asks_that_person(offline_app: Any) -> None:
    """QA: "what about Iran?" in reply to "/who Ushakov" got plain passages."""
    app, api, updates = await offline_app()
    await app.process_update(updates.message("/who Ushakov"))
    first = api.results()[0]
    await app.process_update(updates.message("what about Iran?", reply_to=first))
    reply = api.texts()[-1]
    assert reply.startswith("Yuri Ushakov, quoted in"), reply
    assert escape(SEED_QUOTE) in reply


async def test_reply_to_an_answer_carries_the_context(offline_app: Any, bot_services: Any,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    app, api, updates = await offline_app()
    await app.process_update(updates.message(SEED_QUESTION))
    seen: list[tuple[str, str | None]] = []
    original = bot_services.retriever.asearch

    async def spy(question: str, *, k: int = 3, context: str | None = None) -> Any:
        seen.append((question, context))
        return await original(question, k=k, context=context)

    monkeypatch.setattr(bot_services.retriever, "asearch", spy)
    answer_message = api.results()[0]
    await app.process_update(updates.message("and what about Macron?", reply_to=answer_message))
    await app.process_update(updates.message("and what about Macron?"))
    assert seen == [("and what about Macron?", SEED_QUESTION), ("and what about Macron?", None)]


async def test_more_and_paragraph_buttons_work_after_a_restart(offline_app: Any) -> None:
    app, api, updates = await offline_app()
    await app.process_update(updates.message(SEED_QUESTION))
    answer = api.results()[0]
    ctx, *_, more = list(callback_datas(api.sent()[0]))
    await app.shutdown()

    restarted, api2, updates2 = await offline_app()  # a new process would read the same file
    await restarted.process_update(updates2.callback(more, message=answer))
    assert api2.sent("answerCallbackQuery")[0].get("text") is None
    [page] = api2.sent()
    assert page["text"].startswith("More quotes:") and "</blockquote>\n4." in page["text"]
    assert escape(SEED_QUOTE) not in page["text"]
    assert api2.sent("editMessageReplyMarkup"), "the pressed More button is removed"
    await restarted.process_update(updates2.callback(ctx, message=answer))
    context = api2.texts()[-1]
    assert context.startswith("Context from <b>Trump dan Putin")
    assert f"<u>{escape(SEED_QUOTE)}</u>" in context


async def test_a_second_press_of_more_or_a_forged_page_sends_nothing(offline_app: Any) -> None:
    """A double tap (the second press lands before the edit that removes the button) sent
    the same next page twice; a forged page number sent it again."""
    app, api, updates = await offline_app()
    await app.process_update(updates.message(SEED_QUESTION))
    more, answer = list(callback_datas(api.sent()[0]))[-1], api.results()[0]
    forged = more.rsplit(":", 1)[0] + ":999"
    api.clear()
    await app.process_update(updates.callback(forged, message=answer))
    assert api.sent() == []
    for _ in range(2):
        await app.process_update(updates.callback(more, message=answer))
    [page] = api.sent()
    assert page["text"].startswith("More quotes:")
    toasts = [c.get("text") for c in api.sent("answerCallbackQuery")]
    assert toasts == [t("en", "more_sent"), None, t("en", "more_sent")]


async def test_unknown_buttons_say_they_expired(offline_app: Any) -> None:
    app, api, updates = await offline_app()
    message = {"message_id": 1, "date": 0, "chat": {"id": 42, "type": "private"},
               "from": {"id": BOT_ID, "is_bot": True, "first_name": "B"}, "text": "x"}
    for data in ("more:doesnotexist:1", "garbage", "ctx:nope:0"):
        await app.process_update(updates.callback(data, message=message))
    alerts = api.sent("answerCallbackQuery")
    assert [a["text"] for a in alerts] == [t("en", "button_expired")] * 3
    assert all(a["show_alert"] for a in alerts)


async def test_non_admins_cannot_change_the_index(offline_app: Any, bot_services: Any) -> None:
    before = bot_services.store.counts()
    app, api, updates = await offline_app()
    await app.process_update(updates.message("/reindex", user_id=9, chat_id=9))
    await app.process_update(updates.message("/add https://example.com/x", chat_id=9))
    await app.process_update(updates.message(None, chat_id=9, document={
        "file_id": "f1", "file_unique_id": "f1", "file_name": "x.txt", "file_size": 10}))
    assert api.texts() == [t("en", "admin_only")] * 3
    assert "getFile" not in api.names()
    assert bot_services.store.counts() == before


async def test_admin_reindex_shows_progress_and_the_summary(offline_app: Any) -> None:
    app, api, updates = await offline_app()
    await app.process_update(updates.message("/reindex", user_id=ADMIN_ID, chat_id=ADMIN_ID))
    assert api.texts() == ["Re-indexing…"]
    edits = [p["text"] for p in api.sent("editMessageText")]
    assert any("indexed 5/5 articles" in e for e in edits)
    assert edits[-1].startswith("Re-indexing: done.\nadded 0, updated 0, unchanged 5")


async def test_reindex_without_sources_says_how_to_configure(offline_app: Any) -> None:
    app, api, updates = await offline_app(article_sources=[])
    await app.process_update(updates.message("/reindex", user_id=ADMIN_ID, chat_id=ADMIN_ID))
    assert "KUTIP_ARTICLE_SOURCES" in api.texts()[0]


async def test_admin_upload_is_indexed_then_answered(offline_app: Any) -> None:
    app, api, updates = await offline_app()
    api.files["up1"] = UPLOAD.read_bytes()
    await app.process_update(updates.message(None, user_id=ADMIN_ID, chat_id=ADMIN_ID, document={
        "file_id": "up1", "file_unique_id": "up1", "file_name": UPLOAD.name,
        "file_size": len(api.files["up1"])}))
    assert api.texts() == [f"Indexing {UPLOAD.name}…"]
    assert "added 1" in api.sent("editMessageText")[-1]["text"]
    await app.process_update(updates.message(UPLOAD_QUESTION))
    assert "Duncan Flett" in api.texts()[-1] and UPLOAD.name in api.texts()[-1]


async def test_unsupported_upload_is_refused(offline_app: Any) -> None:
    app, api, updates = await offline_app()
    await app.process_update(updates.message(None, user_id=ADMIN_ID, chat_id=ADMIN_ID, document={
        "file_id": "p", "file_unique_id": "p", "file_name": "x.pdf", "file_size": 10}))
    assert "is not one of them" in api.texts()[0] and "getFile" not in api.names()


async def test_rate_limit_says_slow_down_once(offline_app: Any) -> None:
    app, api, updates = await offline_app(rate_limit_questions=2, rate_limit_window=60)
    for _ in range(4):
        await app.process_update(updates.message(SEED_QUESTION, chat_id=77))
    texts = api.texts()
    assert len(texts) == 3 and texts[2].startswith("Slow down")
    await app.process_update(updates.message(SEED_QUESTION, chat_id=78))
    assert len(api.texts()) == 4


STICKER = {"file_id": "s", "file_unique_id": "s", "width": 1, "height": 1,
           "is_animated": False, "is_video": False, "type": "regular"}
EXPIRED = {"message_id": 1, "date": 0, "chat": {"id": 42, "type": "private"},
           "from": {"id": BOT_ID, "is_bot": True, "first_name": "B"}, "text": "x"}


def _replies(api: Any) -> list[str]:
    """Every message and every callback answer the bot sent (an empty answer as "")."""
    return [params.get("text") or "" for name, params, _ in api.calls
            if name in ("sendMessage", "answerCallbackQuery")]


@pytest.mark.parametrize("press", [
    pytest.param(lambda u, _: u.message("/help"), id="help"),
    pytest.param(lambda u, _: u.message("/sources"), id="sources"),
    pytest.param(lambda u, _: u.message("/start"), id="start"),
    pytest.param(lambda u, _: u.message("/nonsense"), id="unknown-command"),
    pytest.param(lambda u, _: u.message("?!"), id="empty-question-hint"),
    pytest.param(lambda u, _: u.message(None, sticker=STICKER), id="non-text-hint"),
    pytest.param(lambda u, _: u.message("/reindex"), id="admin-only"),
    pytest.param(lambda u, _: u.callback("ctx:nope:0", message=EXPIRED), id="expired-button"),
    pytest.param(lambda u, answer: u.callback(answer[0], message=answer[1]), id="paragraph"),
    pytest.param(lambda u, _: u.message("/help", chat_id=-42, user_id=42), id="access-denied"),
])
async def test_every_reply_a_user_can_trigger_is_rate_limited(offline_app: Any, press: Any
                                                             ) -> None:
    app, api, updates = await offline_app(
        command_rate_limit=1, command_rate_window=3600, rate_limit_questions=1,
        rate_limit_window=3600, allowed_chat_ids=frozenset({42}))
    await app.process_update(updates.message(SEED_QUESTION))
    answer = (next(callback_datas(api.sent()[0])), api.results()[0])
    api.clear()
    for _ in range(50):
        await app.process_update(press(updates, answer))
    sent = _replies(api)
    assert len(sent) <= 3, sent[:5]  # the reply (a ¶ press: its answer + paragraph) ...
    assert [t for t in sent if t.startswith("Slow down")] == [sent[-1]]  # ... and one notice


async def test_more_quotes_presses_share_the_question_limit(offline_app: Any) -> None:
    app, api, updates = await offline_app(rate_limit_questions=1, rate_limit_window=3600)
    await app.process_update(updates.message(SEED_QUESTION))
    more, answer = list(callback_datas(api.sent()[0]))[-1], api.results()[0]
    api.clear()
    for _ in range(20):
        await app.process_update(updates.callback(more, message=answer))
    sent = _replies(api)
    assert len(sent) == 1 and sent[0].startswith("Slow down")


async def test_help_and_sources_read_the_store_once_per_index_version(
    offline_app: Any, bot_services: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = bot_services.store
    reads: list[int] = []
    articles = store.articles

    def counting_articles(**kwargs: Any) -> Any:
        reads.append(1)
        return articles(**kwargs)

    monkeypatch.setattr(store, "articles", counting_articles)
    app, api, updates = await offline_app()
    for n in range(5):
        await app.process_update(updates.message("/help", chat_id=300 + n))
        await app.process_update(updates.message("/sources", chat_id=300 + n))
    per_version = len(reads)
    assert per_version in (1, 2)  # the catalog's read, and the titles of /help's examples
    assert len(set(api.texts())) == 2 and f"<b>{store.counts()[0]}</b> articles" in api.texts()[0]
    version = store.version()
    monkeypatch.setattr(store, "version", lambda: (*version[:2], "written-elsewhere"))
    await app.process_update(updates.message("/help", chat_id=310))
    await app.process_update(updates.message("/help", chat_id=311))
    assert len(reads) == 2 * per_version


async def test_allowed_chats_refuse_others_politely(offline_app: Any, bot_services: Any,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    searched: list[str] = []
    monkeypatch.setattr(bot_services.retriever, "asearch",
                        lambda q, **_: searched.append(q))  # must never be called
    app, api, updates = await offline_app(allowed_chat_ids=frozenset({GROUP}))
    await app.process_update(updates.message(SEED_QUESTION, chat_id=55))
    await app.process_update(updates.message("chatter", chat_id=-42, user_id=55))
    await app.process_update(updates.message(f"/ask {SEED_QUESTION}", chat_id=-42, user_id=55))
    assert api.texts() == [t("en", "access_denied"), t("en", "access_denied")]
    assert searched == []


async def test_errors_are_mapped_logged_and_never_leak(offline_app: Any, bot_services: Any,
                                                       monkeypatch: pytest.MonkeyPatch,
                                                       caplog: pytest.LogCaptureFixture) -> None:
    app, api, updates = await offline_app()

    async def unavailable(*_: Any, **__: Any) -> Any:
        raise StoreUnavailable("the Chroma server is unreachable (connection refused)")

    async def broken(*_: Any, **__: Any) -> Any:
        raise RuntimeError("secret internals")

    monkeypatch.setattr(bot_services.retriever, "asearch", unavailable)
    await app.process_update(updates.message(SEED_QUESTION))
    monkeypatch.setattr(bot_services.retriever, "asearch", broken)
    with caplog.at_level(logging.ERROR, logger="bot.handlers"):
        await app.process_update(updates.message("why?", chat_id=43))
    assert api.texts() == [t("en", "store_unavailable"), t("en", "apology")]
    [record] = [r for r in caplog.records if r.name == "bot.handlers" and r.levelname == "ERROR"]
    assert "chat 43" in record.getMessage() and record.exc_info is not None


async def test_twenty_questions_run_concurrently(offline_app: Any, bot_services: Any,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    app, api, updates = await offline_app()
    original = bot_services.retriever.search
    running, peak = 0, 0
    lock = asyncio.Lock()

    async def slow(question: str, **kwargs: Any) -> Any:
        nonlocal running, peak
        async with lock:
            running += 1
            peak = max(peak, running)
        await asyncio.sleep(0.2)
        try:
            return await asyncio.to_thread(original, question, **kwargs)
        finally:
            running -= 1

    monkeypatch.setattr(bot_services.retriever, "asearch", slow)
    await asyncio.gather(*(app.process_update(updates.message(SEED_QUESTION, chat_id=1000 + n))
                           for n in range(20)))
    assert len(api.sent()) == 20 and peak == 20


async def test_questions_are_answered_while_a_reindex_runs(offline_app: Any, bot_services: Any,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    app, api, updates = await offline_app()
    release = threading.Event()

    def slow_run(targets: list[str], **_: Any) -> IndexReport:
        assert release.wait(30)
        return IndexReport(unchanged=len(targets))

    monkeypatch.setattr(bot_services.indexer, "run", slow_run)
    admin = {"user_id": ADMIN_ID, "chat_id": ADMIN_ID}
    reindex = asyncio.create_task(app.process_update(updates.message("/reindex", **admin)))
    while "Re-indexing…" not in api.texts():
        await asyncio.sleep(0.01)
    await app.process_update(updates.message(SEED_QUESTION, chat_id=90))
    assert escape(SEED_QUOTE) in api.texts()[-1]
    await app.process_update(updates.message("/reindex", **admin))
    assert api.texts()[-1] == t("en", "index_busy")
    assert not reindex.done()
    release.set()
    await reindex
    assert api.sent("editMessageText")[-1]["text"].startswith("Re-indexing: done.")


# ---- who said what, in the user's language ----------------------------------------------


async def test_who_lists_a_persons_statements_and_pages_on(offline_app: Any) -> None:
    app, api, updates = await offline_app(top_k=2)
    await app.process_update(updates.message("/who Ushakov"))
    [sent] = api.sent()
    assert sent["text"].startswith("What Yuri Ushakov is quoted as saying, newest first:\n\n"
                                   "<b>Trump dan Putin bahas Ukraina dan Iran lewat telepon</b>")
    assert sent["text"].count("<i>— Yuri Ushakov") == 2
    ctx, _, more = list(callback_datas(sent))
    await app.process_update(updates.callback(more, message=api.results()[0]))
    page = api.sent()[-1]["text"]
    assert page.startswith("More quotes of Yuri Ushakov:") and "</blockquote>\n3." in page
    shown = [b for b in sent["text"].split("<blockquote>")[1:]]
    assert not any(b.split("</blockquote>")[0] in page for b in shown)  # no repeats
    await app.process_update(updates.callback(ctx, message=api.results()[0]))
    assert api.texts()[-1].startswith("Context from <b>Trump dan Putin")


async def test_who_with_a_topic_unknown_people_and_no_name(offline_app: Any) -> None:
    app, api, updates = await offline_app()
    await app.process_update(updates.message("/who Ushakov Iran"))
    await app.process_update(updates.message("/who Retno Marsudi"))
    await app.process_update(updates.message("/who", language_code="id"))
    on_topic, unknown, usage = api.texts()
    assert on_topic.startswith("What Yuri Ushakov is quoted as saying, closest to “Iran” first:")
    assert on_topic.index(escape(SEED_QUOTE)) < on_topic.index("</blockquote>\n2.")
    assert unknown == "Retno Marsudi is not quoted in the indexed articles."
    assert usage.startswith("Sebutkan kutipan siapa yang Anda cari")


async def test_who_with_a_topic_and_no_name_lists_everyone_quoted_on_it(offline_app: Any) -> None:
    """"/who about Iran" had looked for a person called "about Iran"."""
    app, api, updates = await offline_app()
    await app.process_update(updates.message("/who about the price of marmalade"))
    await app.process_update(updates.message("/who soal harga marmalade", language_code="id"))
    await app.process_update(updates.message("/who about"))
    await app.process_update(updates.message("/who soal harga marmalade"))  # no language_code
    en, id_, usage, by_word = api.texts()
    assert re.match(r"\d+ orang berkomentar soal ini", by_word), by_word  # QA: was English
    assert usage.startswith("Tell me whose quotes you want"), usage
    assert re.match(r"(1 person|\d+ people) commented on this", en), en
    assert re.match(r"\d+ orang berkomentar soal ini", id_), id_
    for reply in (en, id_):
        assert reply.split("</blockquote>\n")[1].startswith("1. <i>— Ilse Brandauer"), reply


async def test_bot_words_follow_the_question_then_the_users_language(offline_app: Any) -> None:
    app, api, updates = await offline_app()
    await app.process_update(updates.message("Apa kata Ushakov soal Iran?", language_code="en"))
    await app.process_update(updates.message(SEED_QUESTION, language_code="id"))
    await app.process_update(updates.message("/help", language_code="id"))
    await app.process_update(updates.message("/start", language_code="id-ID"))
    indonesian, english = api.sent()[:2]
    assert indonesian["text"].startswith("Yuri Ushakov, dikutip dalam 1 artikel:")
    assert escape(SEED_QUOTE) in indonesian["text"]
    assert indonesian["reply_markup"]["inline_keyboard"][-1][0]["text"] == "Kutipan lain ▸"
    assert english["text"].startswith("Yuri Ushakov, quoted in 1 article:")
    assert english["reply_markup"]["inline_keyboard"][-1][0]["text"] == "More quotes ▸"
    help_text, start = api.texts()[2:]
    assert help_text.startswith("Saya mengetahui <b>")  # (uploads in other tests add articles)
    assert "• Apa kata Yuri Ushakov soal " in help_text and "/who <i>nama</i>" in help_text
    assert start.startswith("Halo!")


async def test_help_examples_name_real_speakers(offline_app: Any) -> None:
    app, api, updates = await offline_app()
    await app.process_update(updates.message("/help"))
    [help_text] = api.texts()
    examples = [line for line in help_text.splitlines() if line.startswith("• ")]
    assert examples[0].startswith("• What did Yuri Ushakov say about ")
    assert "• /who Yuri Ushakov" in examples


async def test_who_commented_lists_the_people_with_one_statement_each(offline_app: Any) -> None:
    """(The Indonesian question had been "… soal suku bunga" over the English rates article:
    e5-small puts that article third for "suku bunga", and the answer had come from a who
    ranking with no floor, which also listed people for topics no article covers.)"""
    app, api, updates = await offline_app()
    await app.process_update(updates.message("Who commented on the interest rates?"))
    await app.process_update(updates.message("Siapa saja yang berkomentar soal Iran?"))
    await app.process_update(updates.message("Who commented on bitcoin?"))
    english, indonesian, nobody = api.texts()
    assert english.startswith("1 person commented on this:\n\n"
                              "<b>Central bank of Norland holds interest rates at 4.5 percent</b>")
    assert "1. <i>— Petra Lindqvist, Governor</i>" in english
    assert re.match(r"\d+ orang berkomentar soal ini(, masing-masing satu pernyataan)?:\n\n",
                    indonesian)
    assert "<i>— Yuri Ushakov, penasihat kebijakan luar negeri Kremlin</i>" in indonesian
    assert nobody.startswith("No indexed article answers this."), nobody
