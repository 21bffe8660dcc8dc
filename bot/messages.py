"""The bot's own words in English and Indonesian: one catalogue, looked up with `t`.

Quotes are never translated (they stay verbatim in the article's language); everything
the bot says around them comes from here. A reply speaks the question's language
(`retriever.text.text_language`), else the user's Telegram `language_code` ("id…" →
Indonesian), else English (`choose_language`). Values are Telegram HTML templates:
arguments that come from users or articles must be escaped by the caller.
"""

from __future__ import annotations

from retriever.text import Language, text_language

__all__ = ["LANGUAGES", "MESSAGES", "choose_language", "t", "tn"]

LANGUAGES: tuple[Language, ...] = ("en", "id")

_EN: dict[str, str] = {
    # answers
    "lead.one": "From 1 article:",
    "lead.other": "From {n} articles:",
    "lead_said.one": "{speaker}, quoted in 1 article:",
    "lead_said.other": "{speaker}, quoted in {n} articles:",
    "lead_who.one": "1 person commented on this:",
    "lead_who.other": "{n} people commented on this, one statement each:",
    "lead_more": "More quotes:",
    "others_heading": "Other quotes on this, not by {speaker}:",
    "shortened": "(Your question is long: I searched with its first {n} characters.)",
    "not_found": "No indexed article answers this.",
    "closest_articles": "The closest articles are:",
    "no_statement": "I found no statement by {speaker} about {topic}.",
    "no_statement_any": "I found no statement by {speaker} on this.",
    "quoted_in": "{speaker} is quoted in:",
    "other_statements": "Their closest statements, which are <b>not</b> about this:",
    "speaker_not_found": "{speaker} is not quoted in the indexed articles.",
    "no_more": "No more quotes for this question.",
    "more_sent": "Those quotes were sent already: see below.",
    "button_more": "More quotes ▸",
    "context_from": "Context from <b>{title}</b>:",
    "article_changed": "That article has changed or was removed since this answer. Please ask again.",
    # /who
    "who_usage": ("Tell me whose quotes you want, for example:\n"
                  "<code>/who Ushakov</code> or <code>/who Ushakov about Iran</code>, "
                  "or <code>/who about Iran</code> for everyone quoted on it"),
    "who_question": "Who commented on {topic}?",
    "who_lead": "What {speaker} is quoted as saying, newest first:",
    "who_lead_about": "What {speaker} is quoted as saying, closest to “{topic}” first:",
    "who_more": "More quotes of {speaker}:",
    "who_several": ("“{asked}” fits several people quoted in the articles: {people}. "
                    "Ask for one of them by name, for example <code>/who {first}</code>."),
    # /start and /help
    "start": ("Hi! I answer questions about the news articles I have indexed, with verbatim "
              "quotes and their sources.\n{how}\nSee /help for what I know."),
    "start_private": "Just send me a question. Reply to one of my answers to ask a follow-up.",
    "start_group": ("In groups, mention me (@{bot} your question), reply to one of my answers, "
                    "or use /ask your question."),
    "help_known.one": "I know <b>1</b> article, last updated {when}.",
    "help_known.other": "I know <b>{n}</b> articles, last updated {when}.",
    "never": "never",
    "help_examples": "Ask in your own words, for example:",
    "example_said": "What did {speaker} say about {topic}?",
    "example_title": "What does “{title}” say?",
    "example_fallback_1": "What did Ushakov say about Iran?",
    "example_fallback_2": "Who met whom, and when?",
    "help_about": ("I reply with verbatim quotes and their sources, and say who said them; or "
                   "I say honestly that no indexed article answers. Reply to one of my answers "
                   "to ask a follow-up."),
    "help_ask": "/ask <i>question</i> – ask (in groups: also @mention me or reply to me)",
    "help_who": "/who <i>name</i> [<i>topic</i>] – what a person is quoted as saying",
    "help_sources": "/sources – recently indexed articles",
    "help_help": "/help – this message",
    "help_admin": "Admin:",
    "help_reindex": "/reindex – re-scan the configured article folders and feeds",
    "help_add": "/add <i>URL</i> – fetch and index one article or a feed",
    "help_remove": "/remove <i>ID or source</i> – remove one article (asks to confirm)",
    "help_upload": "Send a .txt, .md, .html, .json or .jsonl file to index it.",
    "cmd_start": "How to ask me",
    "cmd_help": "What I know, with example questions",
    "cmd_ask": "Ask a question (in groups too)",
    "cmd_who": "What a person is quoted as saying: /who NAME [topic]",
    "cmd_sources": "Recently indexed articles",
    "cmd_reindex": "Re-scan the configured article sources",
    "cmd_add": "Index one article or feed: /add URL",
    "cmd_remove": "Remove an article: /remove ID_OR_SOURCE",
    # /sources
    "sources_none": "Nothing is indexed yet.",
    "sources_lead.one": "1 article indexed; the {shown} most recent:",
    "sources_lead.other": "{n} articles indexed; the {shown} most recent:",
    # notices and errors
    "empty_question": ("Please ask a question in words, for example:\n"
                       "<code>/ask What did Ushakov say about Iran?</code>"),
    "non_text": "I can only read text. Send your question as a message, e.g. “What did Ushakov say?”",
    "store_unavailable": "Search is unavailable right now, please try again in a moment.",
    "store_locked": "The index is busy being written by another program; try again later.",
    "apology": "Sorry, something went wrong while handling that. Please try again.",
    "access_denied": "Sorry, this bot is private: it only answers in the chats it was set up for.",
    "admin_only": "Sorry, only the bot's admins can change the index.",
    "button_expired": "This button has expired. Please ask your question again.",
    "unknown_command": "I don't know that command. See /help.",
    "slow_down.one": ("Slow down, please: you have asked a lot of questions in a short time. "
                      "Try again in 1 second."),
    "slow_down.other": ("Slow down, please: you have asked a lot of questions in a short time. "
                        "Try again in {n} seconds."),
    # indexing
    "no_sources": ("No article sources are configured. Set <code>KUTIP_ARTICLE_SOURCES</code> "
                   "to a comma-separated list of folders, files and feed URLs, restart the bot, "
                   "then /reindex."),
    "index_busy": "An indexing run is already in progress; try again when it has finished.",
    "add_usage": "Usage: <code>/add https://example.com/article-or-feed</code>",
    "unsupported_file": "I can index {types} files; <b>{name}</b> is not one of them.",
    "file_too_large": "<b>{name}</b> is too large ({size:,} bytes; the limit is {limit:,}).",
    "job_reindex": "Re-indexing",
    "job_add": "Adding {url}",
    "job_upload": "Indexing {name}",
    "progress_loading": "{title}: reading sources {done}/{total}…",
    "progress_indexing.one": "{title}: indexed {done}/1 article…",
    "progress_indexing.other": "{title}: indexed {done}/{n} articles…",
    "progress_done": "{title}: done.",
    "progress_failed": "• failed: {source}: {reason}",
    "progress_more_failures": "… and {n} more failures (see the log).",
    "progress_error": "{title}: stopped by an error (see the log).",
    # /remove
    "remove_usage": ("Usage: <code>/remove ID_OR_SOURCE</code>, with an article's id, source "
                     "or link as /sources shows it."),
    "remove_not_found": "No indexed article has the id or source <code>{arg}</code>. See /sources.",
    "remove_ambiguous": ("<code>{arg}</code> is the source of {n} articles; use one of their "
                         "ids: {ids}"),
    "remove_ask": "Remove <b>{title}</b> (<code>{id}</code>) and everything indexed for it?",
    "remove_done": "Removed <b>{title}</b> (<code>{id}</code>).",
    "remove_kept": "Kept <b>{title}</b>: nothing was removed.",
    "remove_expired": "This button has expired. Send /remove again.",
    "remove_gone": "That article has changed or was already removed since; nothing was removed.",
    "button_remove": "Remove",
    "button_cancel": "Cancel",
}

_ID: dict[str, str] = {
    "lead.one": "Dari 1 artikel:",
    "lead.other": "Dari {n} artikel:",
    "lead_said.one": "{speaker}, dikutip dalam 1 artikel:",
    "lead_said.other": "{speaker}, dikutip dalam {n} artikel:",
    "lead_who.one": "1 orang berkomentar soal ini:",
    "lead_who.other": "{n} orang berkomentar soal ini, masing-masing satu pernyataan:",
    "lead_more": "Kutipan lainnya:",
    "others_heading": "Kutipan lain soal ini, bukan dari {speaker}:",
    "shortened": "(Pertanyaan Anda panjang: saya mencari dengan {n} karakter pertamanya.)",
    "not_found": "Tidak ada artikel terindeks yang menjawab ini.",
    "closest_articles": "Artikel yang paling mendekati:",
    "no_statement": "Saya tidak menemukan pernyataan {speaker} tentang {topic}.",
    "no_statement_any": "Saya tidak menemukan pernyataan {speaker} soal ini.",
    "quoted_in": "{speaker} dikutip dalam:",
    "other_statements": "Pernyataannya yang paling dekat, yang <b>bukan</b> tentang hal ini:",
    "speaker_not_found": "{speaker} tidak dikutip dalam artikel yang terindeks.",
    "no_more": "Tidak ada kutipan lain untuk pertanyaan ini.",
    "more_sent": "Kutipan itu sudah dikirim: lihat di bawah.",
    "button_more": "Kutipan lain ▸",
    "context_from": "Konteks dari <b>{title}</b>:",
    "article_changed": ("Artikel itu telah berubah atau dihapus sejak jawaban ini. "
                        "Silakan bertanya lagi."),
    "who_usage": ("Sebutkan kutipan siapa yang Anda cari, misalnya:\n"
                  "<code>/who Ushakov</code> atau <code>/who Ushakov soal Iran</code>, "
                  "atau <code>/who soal Iran</code> untuk semua yang dikutip soal itu"),
    "who_question": "Siapa saja yang berkomentar soal {topic}?",
    "who_lead": "Kutipan {speaker}, yang terbaru dahulu:",
    "who_lead_about": "Kutipan {speaker}, yang paling dekat dengan “{topic}” dahulu:",
    "who_more": "Kutipan {speaker} lainnya:",
    "who_several": ("“{asked}” cocok untuk beberapa orang yang dikutip dalam artikel: "
                    "{people}. Sebutkan salah satunya, misalnya <code>/who {first}</code>."),
    "start": ("Halo! Saya menjawab pertanyaan tentang artikel berita yang sudah saya indeks, "
              "dengan kutipan kata per kata beserta sumbernya.\n{how}\n"
              "Lihat /help untuk apa yang saya ketahui."),
    "start_private": ("Kirimkan saja pertanyaan. Balas salah satu jawaban saya untuk bertanya "
                      "lanjutan."),
    "start_group": ("Di grup, sebut saya (@{bot} pertanyaan Anda), balas salah satu jawaban "
                    "saya, atau gunakan /ask pertanyaan Anda."),
    "help_known.one": "Saya mengetahui <b>1</b> artikel, terakhir diperbarui {when}.",
    "help_known.other": "Saya mengetahui <b>{n}</b> artikel, terakhir diperbarui {when}.",
    "never": "belum pernah",
    "help_examples": "Bertanyalah dengan kata-kata Anda sendiri, misalnya:",
    "example_said": "Apa kata {speaker} soal {topic}?",
    "example_title": "Apa isi “{title}”?",
    "example_fallback_1": "Apa kata Ushakov soal Iran?",
    "example_fallback_2": "Siapa bertemu siapa, dan kapan?",
    "help_about": ("Saya menjawab dengan kutipan kata per kata beserta sumbernya dan siapa yang "
                   "mengatakannya, atau terus terang bahwa tidak ada artikel terindeks yang "
                   "menjawab. Balas salah satu jawaban saya untuk bertanya lanjutan."),
    "help_ask": "/ask <i>pertanyaan</i> – bertanya (di grup: juga sebut saya atau balas saya)",
    "help_who": "/who <i>nama</i> [<i>topik</i>] – apa yang dikatakan seseorang menurut kutipan",
    "help_sources": "/sources – artikel yang terakhir diindeks",
    "help_help": "/help – pesan ini",
    "help_admin": "Admin:",
    "help_reindex": "/reindex – pindai ulang folder dan feed artikel yang dikonfigurasi",
    "help_add": "/add <i>URL</i> – ambil dan indeks satu artikel atau feed",
    "help_remove": "/remove <i>ID atau sumber</i> – hapus satu artikel (dengan konfirmasi)",
    "help_upload": "Kirim berkas .txt, .md, .html, .json atau .jsonl untuk mengindeksnya.",
    "cmd_start": "Cara bertanya kepada saya",
    "cmd_help": "Apa yang saya ketahui, dengan contoh pertanyaan",
    "cmd_ask": "Ajukan pertanyaan (juga di grup)",
    "cmd_who": "Apa yang dikatakan seseorang: /who NAMA [topik]",
    "cmd_sources": "Artikel yang terakhir diindeks",
    "cmd_reindex": "Pindai ulang sumber artikel yang dikonfigurasi",
    "cmd_add": "Indeks satu artikel atau feed: /add URL",
    "cmd_remove": "Hapus satu artikel: /remove ID_ATAU_SUMBER",
    "sources_none": "Belum ada yang diindeks.",
    "sources_lead.one": "1 artikel terindeks; {shown} yang terbaru:",
    "sources_lead.other": "{n} artikel terindeks; {shown} yang terbaru:",
    "empty_question": ("Silakan ajukan pertanyaan dengan kata-kata, misalnya:\n"
                       "<code>/ask Apa kata Ushakov soal Iran?</code>"),
    "non_text": ("Saya hanya bisa membaca teks. Kirim pertanyaan Anda sebagai pesan, misalnya "
                 "“Apa kata Ushakov?”"),
    "store_unavailable": "Pencarian sedang tidak tersedia, silakan coba lagi sebentar lagi.",
    "store_locked": "Indeks sedang ditulis oleh program lain; coba lagi nanti.",
    "apology": "Maaf, terjadi kesalahan saat menanganinya. Silakan coba lagi.",
    "access_denied": ("Maaf, bot ini privat: bot hanya menjawab di obrolan yang sudah "
                      "ditentukan."),
    "admin_only": "Maaf, hanya admin bot yang dapat mengubah indeks.",
    "button_expired": "Tombol ini sudah kedaluwarsa. Silakan ajukan pertanyaan Anda lagi.",
    "unknown_command": "Saya tidak mengenal perintah itu. Lihat /help.",
    "slow_down.one": ("Pelan-pelan, ya: Anda mengajukan banyak pertanyaan dalam waktu singkat. "
                      "Coba lagi dalam 1 detik."),
    "slow_down.other": ("Pelan-pelan, ya: Anda mengajukan banyak pertanyaan dalam waktu "
                        "singkat. Coba lagi dalam {n} detik."),
    "no_sources": ("Belum ada sumber artikel yang dikonfigurasi. Isi "
                   "<code>KUTIP_ARTICLE_SOURCES</code> dengan daftar folder, berkas dan URL feed "
                   "yang dipisahkan koma, mulai ulang bot, lalu /reindex."),
    "index_busy": "Pengindeksan sedang berjalan; coba lagi setelah selesai.",
    "add_usage": "Cara pakai: <code>/add https://example.com/artikel-atau-feed</code>",
    "unsupported_file": "Saya dapat mengindeks berkas {types}; <b>{name}</b> bukan salah satunya.",
    "file_too_large": "<b>{name}</b> terlalu besar ({size:,} byte; batasnya {limit:,}).",
    "job_reindex": "Mengindeks ulang",
    "job_add": "Menambahkan {url}",
    "job_upload": "Mengindeks {name}",
    "progress_loading": "{title}: membaca sumber {done}/{total}…",
    "progress_indexing.one": "{title}: {done}/1 artikel terindeks…",
    "progress_indexing.other": "{title}: {done}/{n} artikel terindeks…",
    "progress_done": "{title}: selesai.",
    "progress_failed": "• gagal: {source}: {reason}",
    "progress_more_failures": "… dan {n} kegagalan lainnya (lihat log).",
    "progress_error": "{title}: terhenti karena kesalahan (lihat log).",
    "remove_usage": ("Cara pakai: <code>/remove ID_ATAU_SUMBER</code>, dengan id, sumber atau "
                     "tautan artikel seperti yang ditampilkan /sources."),
    "remove_not_found": ("Tidak ada artikel terindeks dengan id atau sumber <code>{arg}</code>. "
                         "Lihat /sources."),
    "remove_ambiguous": ("<code>{arg}</code> adalah sumber dari {n} artikel; gunakan salah satu "
                         "id-nya: {ids}"),
    "remove_ask": "Hapus <b>{title}</b> (<code>{id}</code>) beserta semua yang diindeks untuknya?",
    "remove_done": "<b>{title}</b> (<code>{id}</code>) telah dihapus.",
    "remove_kept": "<b>{title}</b> tetap disimpan: tidak ada yang dihapus.",
    "remove_expired": "Tombol ini sudah kedaluwarsa. Kirim /remove lagi.",
    "remove_gone": "Artikel itu telah berubah atau sudah dihapus; tidak ada yang dihapus.",
    "button_remove": "Hapus",
    "button_cancel": "Batal",
}

MESSAGES: dict[Language, dict[str, str]] = {"en": _EN, "id": _ID}
"""Every text the bot writes itself, by language; both languages have the same keys."""


def t(lang: Language, key: str, **kwargs: object) -> str:
    """The text `key` in `lang`, with `kwargs` filled in (`str.format`).

    Raises:
        KeyError: `key` is not in the catalogue.
    """
    text = MESSAGES[lang][key]
    return text.format(**kwargs) if kwargs else text


def tn(lang: Language, key: str, n: int, **kwargs: object) -> str:
    """`t` of `key.one` or `key.other` by the count `n` (passed on as `n`)."""
    return t(lang, f"{key}.{'one' if n == 1 else 'other'}", n=n, **kwargs)


def choose_language(text: str | None = None, language_code: str | None = None) -> Language:
    """The language of a reply: `text`'s (a question), else the user's Telegram
    `language_code` ("id" or "id-ID" → Indonesian), else English.

    >>> choose_language("Apa kata Ushakov soal Iran?", "en"), choose_language("/help", "id")
    ('id', 'id')
    """
    if text:
        found = text_language(text)
        if found is not None:
            return found
    code = (language_code or "").lower()
    return "id" if code == "id" or code.startswith(("id-", "id_")) else "en"
