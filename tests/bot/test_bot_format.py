"""bot.format: escaping, the 4096 limit, splitting between quotes and never inside a tag;
grouping by article, speaker lines, refusals and both languages of the bot's words."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.format import (
    MAX_MESSAGE_CHARS,
    escape,
    format_answer,
    format_context,
    format_help,
    format_not_found,
    format_progress,
    format_quotes,
    format_report,
    format_sources,
    format_statements,
    ordered_quotes,
    slow_down,
    split_blocks,
    tg_len,
)
from bot.messages import MESSAGES, choose_language, t
from index.indexer import IndexReport, Progress
from index.store import ArticleRecord
from retriever import Answer, Quote, SourceTitle, SpeakerStatements

ALLOWED_TAGS = {"b", "i", "u", "a", "code", "blockquote"}


class _TagChecker(HTMLParser):
    """Collects problems: unknown tags, unbalanced tags, and text outside any tag kept."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.problems: list[str] = []
        self.blockquotes: list[str] = []
        self._current: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ALLOWED_TAGS:
            self.problems.append(f"unexpected <{tag}>")
        if tag == "blockquote":
            if self.stack:
                self.problems.append("nested blockquote")
            self._current = []
        self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"unbalanced </{tag}> in {self.stack}")
            return
        self.stack.pop()
        if tag == "blockquote" and self._current is not None:
            self.blockquotes.append("".join(self._current))
            self._current = None

    def handle_data(self, data: str) -> None:
        if self._current is not None and self.stack and self.stack[-1] == "blockquote":
            self._current.append(data)


def check_html(message: str) -> _TagChecker:
    """Parse one message; assert it is balanced, allowed-tags-only Telegram HTML."""
    checker = _TagChecker()
    checker.feed(message)
    checker.close()
    assert not checker.problems, (checker.problems, message[:300])
    assert not checker.stack, f"unclosed {checker.stack}"
    # Every & must start an entity, every < a tag: nothing raw from articles.
    assert not re.search(r"&(?!(amp|lt|gt|quot|#\d+|#x[0-9a-fA-F]+);)", message)
    return checker


def quote(text: str, *, article_id: str = "a.txt", title: str = "Title", url: str = "",
          date: str = "", source: str = "a.txt", start: int = 0, speaker: str | None = None,
          role: str | None = None) -> Quote:
    return Quote(text=text, article_id=article_id, title=title, source=source, url=url,
                 date=date, start=start, end=start + len(text), score=0.9, speaker=speaker,
                 role=role, speech="direct" if speaker else None)


def answer(*quotes: Quote, closest: list[SourceTitle] | None = None, question: str = "q?",
           **fields: object) -> Answer:
    return Answer(question=question, answered=bool(quotes), quotes=list(quotes),
                  closest=closest or [], **fields)


# ---- examples -------------------------------------------------------------------------


def test_quote_in_blockquote_with_bold_title_date_and_link() -> None:
    q = quote("Ushakov said things.", title="Trump dan Putin", date="2025-07-03",
              url="https://www.example.com/news?id=1&x=2")
    [message] = format_answer(answer(q))
    assert message.startswith("From 1 article:\n\n<b>Trump dan Putin</b> · 2025-07-03 · ")
    assert "\n<blockquote>Ushakov said things.</blockquote>\n1." in message
    assert '<a href="https://www.example.com/news?id=1&amp;x=2">example.com</a>' in message
    check_html(message)


def test_lead_counts_articles() -> None:
    quotes = [quote("One.", article_id="a"), quote("Two.", article_id="b", start=10),
              quote("Three.", article_id="a", start=20)]
    assert format_answer(answer(*quotes))[0].startswith("From 2 articles:")


def test_source_shown_without_url() -> None:
    [message] = format_answer(answer(quote("Text.", source="seed-bbn-ushakov.txt")))
    assert "· seed-bbn-ushakov.txt" in message and "<a " not in message


def test_hostile_title_and_text_are_escaped() -> None:
    hostile = "<script>alert(1)</script> & <b>x</b>"
    [message] = format_answer(answer(quote("a <i>b</i> & c", title=hostile)))
    assert "<script>" not in message and "<i>b" not in message
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;x&lt;/b&gt;" in message
    assert "a &lt;i&gt;b&lt;/i&gt; &amp; c" in message
    check_html(message)


def test_javascript_url_is_not_linked() -> None:
    [message] = format_answer(answer(quote("Text.", url="javascript:alert(1)")))
    assert "href" not in message


def test_long_answer_splits_between_quotes() -> None:
    quotes = [quote(f"{n} " + "word " * 150, start=n * 1000, article_id=f"a{n}")
              for n in range(8)]
    messages = format_answer(answer(*quotes))
    assert len(messages) > 1
    for message in messages:
        assert tg_len(message) <= MAX_MESSAGE_CHARS
        checker = check_html(message)
        assert all(b.strip() for b in checker.blockquotes)
    joined = "".join(messages)
    for n in range(8):
        assert f"</blockquote>\n{n + 1}." in joined
    assert all(m.count("<b>Title</b>") >= 1 for m in messages[1:])  # each quote is titled


def test_huge_quote_is_cut_into_several_blockquotes() -> None:
    text = ("Sentence with <tags> & ampersands. " * 400).strip()
    messages = format_quotes([quote(text)])
    assert len(messages) >= 4
    seen = []
    for message in messages:
        assert tg_len(message) <= MAX_MESSAGE_CHARS
        seen += check_html(message).blockquotes
    assert "".join(seen) == text


def test_limit_counts_utf16_code_units() -> None:
    text = "😀" * 3000  # 6000 UTF-16 code units
    messages = format_quotes([quote(text)])
    assert len(messages) >= 2
    assert all(tg_len(m) <= MAX_MESSAGE_CHARS for m in messages)


def test_not_found_lists_closest_titles_escaped() -> None:
    closest = [SourceTitle("a", "<b>Bold</b> claims", "a.txt", "", "2025-01-01", 0.7),
               SourceTitle("b", "Other", "b.txt", "https://x.org/b", "", 0.6)]
    [message] = format_not_found(answer(closest=closest))
    assert message.startswith("No indexed article answers this.")
    assert "&lt;b&gt;Bold&lt;/b&gt; claims" in message
    assert '<a href="https://x.org/b">x.org</a>' in message
    check_html(message)


def test_note_goes_into_the_lead() -> None:
    [message] = format_answer(answer(quote("Text.")), note="Shortened <q>.")
    assert message.startswith("Shortened &lt;q&gt;.\nFrom 1 article:")


def test_quotes_of_one_article_share_one_title_line_and_carry_their_speakers() -> None:
    quotes = [quote("Iran.", article_id="a", title="Kremlin call", date="2025-07-03",
                    speaker="Yuri Ushakov", role="penasihat kebijakan luar negeri Kremlin"),
              quote("Other.", article_id="b", title="Second", start=5),
              quote("Ukraine.", article_id="a", title="Kremlin call", start=40,
                    speaker="Yuri Ushakov")]
    [message] = format_answer(answer(*quotes))
    assert message.count("<b>Kremlin call</b>") == 1 and message.count("<b>Second</b>") == 1
    assert message == (
        "From 2 articles:\n\n"
        "<b>Kremlin call</b> · 2025-07-03 · a.txt\n"
        "<blockquote>Iran.</blockquote>\n"
        "1. <i>— Yuri Ushakov, penasihat kebijakan luar negeri Kremlin</i>\n"
        "<blockquote>Ukraine.</blockquote>\n2. <i>— Yuri Ushakov</i>\n\n"
        "<b>Second</b> · a.txt\n<blockquote>Other.</blockquote>\n3.")
    check_html(message)
    assert [q.text for q in ordered_quotes(quotes)] == ["Iran.", "Ukraine.", "Other."]


def test_a_said_answer_shows_the_persons_statements_first_and_labels_the_rest() -> None:
    theirs = quote("On Iran.", article_id="a", speaker="Ushakov", role="Kremlin adviser")
    trump = quote("Trump's words.", article_id="a", start=50, speaker="Donald Trump")
    plain = quote("Narration.", article_id="a", start=90)
    ask = answer(trump, theirs, plain, question="What did Ushakov say about Iran?",
                 speaker="Yuri Ushakov")
    [message] = format_answer(ask)
    lead, mine, heading, others = message.split("\n\n")
    assert lead == "Yuri Ushakov, quoted in 1 article:"
    assert "On Iran." in mine and "Trump" not in mine and "Narration" not in mine
    assert heading == "Other quotes on this, not by Yuri Ushakov:"
    assert "2. <i>— Donald Trump</i>" in others and others.endswith("Narration.</blockquote>\n3.")
    assert [q.text for q in ordered_quotes(ask.quotes, speaker="Yuri Ushakov")] == [
        "On Iran.", "Trump's words.", "Narration."]


def test_no_statement_on_topic_names_the_person_the_topic_and_labels_other_statements() -> None:
    elsewhere = quote("We won the cup.", article_id="f", title="Cup final", date="2025-05-01",
                      speaker="Mirela Santos", role="Coach")
    refusal = Answer(question="What did Mirela Santos say about interest rates?",
                     answered=False, quotes=[], speaker="Mirela Santos",
                     reason="no_statement_on_topic", other_statements=[elsewhere],
                     closest=[SourceTitle("f", "Cup final", "f.txt", "", "2025-05-01", 0.5)])
    [en] = format_answer(refusal)
    assert en.startswith("I found no statement by Mirela Santos about interest rates.\n"
                         "Mirela Santos is quoted in:\n• <b>Cup final</b> · 2025-05-01 · f.txt")
    assert "Their closest statements, which are <b>not</b> about this:" in en
    assert "<blockquote>We won the cup.</blockquote>\n1. <i>— Mirela Santos, Coach</i>" in en
    check_html(en)
    [id_] = format_answer(refusal, lang="id")
    assert id_.startswith("Saya tidak menemukan pernyataan Mirela Santos tentang interest rates.")
    assert "Mirela Santos dikutip dalam:" in id_ and "We won the cup." in id_


def test_speaker_not_found_and_nothing_relevant_in_both_languages() -> None:
    missing = Answer(question="What did Retno Marsudi say about Rohingya?", answered=False,
                     quotes=[], speaker="Retno <Marsudi>", reason="speaker_not_found")
    assert format_answer(missing) == [
        "Retno &lt;Marsudi&gt; is not quoted in the indexed articles."]
    assert format_answer(missing, lang="id") == [
        "Retno &lt;Marsudi&gt; tidak dikutip dalam artikel yang terindeks."]
    nothing = Answer(question="q?", answered=False, quotes=[], reason="nothing_relevant")
    assert format_answer(nothing, lang="id") == ["Tidak ada artikel terindeks yang menjawab ini."]


@pytest.mark.parametrize(("lang", "lead", "heading"), [
    ("en", "Macron is not quoted in the indexed articles.", "Other quotes on this, not by Macron:"),
    ("id", "Macron tidak dikutip dalam artikel yang terindeks.",
     "Kutipan lain soal ini, bukan dari Macron:"),
])
def test_a_person_named_but_never_quoted_gets_passages_labelled_as_not_theirs(
    lang: str, lead: str, heading: str,
) -> None:
    """"What did Macron say about Iran?" over articles that name him and quote only others:
    the passages are shown, but never under a lead that reads as his words."""
    passages = answer(quote("Bloomberg reported that Macron wants talks.", article_id="a"),
                      quote("Talks are welcome.", article_id="a", speaker="Yuri Ushakov"),
                      question="What did Macron say about Iran?", speaker="Macron")
    [message] = format_answer(passages, lang=lang)
    assert message.startswith(f"{lead}\n\n{heading}\n\n")
    assert "Macron wants talks." in message and "— Yuri Ushakov" in message
    check_html(message)


def test_who_answers_count_the_people_and_indonesian_leads() -> None:
    quotes = [quote("A.", article_id="a", speaker="Petra Lindqvist"),
              quote("B.", article_id="b", speaker="Mirela Santos")]
    who = answer(*quotes, question="Who commented on the interest rates?")
    assert format_answer(who)[0].startswith(
        "2 people commented on this, one statement each:\n\n")
    said = answer(quotes[0], question="Apa kata Petra Lindqvist soal suku bunga?",
                  speaker="Petra Lindqvist")
    assert format_answer(said, lang="id")[0].startswith("Petra Lindqvist, dikutip dalam 1 artikel:")
    assert format_answer(answer(quotes[1]), lang="id")[0].startswith("Dari 1 artikel:")


def test_statements_of_a_person_newest_first_or_on_a_topic() -> None:
    found = SpeakerStatements(speaker="Yuri Ushakov", role="Kremlin adviser", statements=[
        quote("New.", article_id="n", title="Newer", date="2025-08-01", speaker="Yuri Ushakov"),
        quote("Old.", article_id="o", title="Older", date="2025-01-01", speaker="Ushakov")])
    [message] = format_statements(found, asked="Ushakov")
    assert message.startswith("What Yuri Ushakov is quoted as saying, newest first:\n\n"
                              "<b>Newer</b> · 2025-08-01")
    assert message.index("New.") < message.index("<b>Older</b>") < message.index("Old.")
    assert "2. <i>— Ushakov</i>" in message
    [topic] = format_statements(found, asked="Ushakov", about="Iran", lang="id")
    assert topic.startswith("Kutipan Yuri Ushakov, yang paling dekat dengan “Iran” dahulu:")
    nobody = SpeakerStatements(speaker=None, statements=[])
    assert format_statements(nobody, asked="Retno") == [
        "Retno is not quoted in the indexed articles."]


def test_a_who_name_that_fits_several_people_names_them_all_and_quotes_none() -> None:
    """QA: "/who Menlu" headed three foreign ministers' words with one name."""
    several = SpeakerStatements(speaker=None, statements=[], several=(
        "Retno Marsudi (Menlu)", "Sergey Lavrov (Menteri Luar Negeri Rusia)", "A <b> C"))
    [en] = format_statements(several, asked="Menlu")
    assert en == ("“Menlu” fits several people quoted in the articles: Retno Marsudi (Menlu), "
                  "Sergey Lavrov (Menteri Luar Negeri Rusia), A &lt;b&gt; C. Ask for one of them "
                  "by name, for example <code>/who Retno Marsudi</code>.")
    [id_] = format_statements(several, asked="Menlu", lang="id")
    assert id_.startswith("“Menlu” cocok untuk beberapa orang yang dikutip dalam artikel: ")
    many = SpeakerStatements(speaker=None, statements=[], several=tuple(f"P{n}" for n in range(20)))
    [cut] = format_statements(many, asked="Menlu")
    assert "P7, …. Ask" in cut and "P8" not in cut


@pytest.mark.parametrize("lang", ["en", "id"])
def test_a_name_or_topic_the_user_wrote_is_echoed_short_enough_to_send(lang: str) -> None:
    """/who with a 4,000-character "name": the echo made the reply too long for Telegram."""
    long = "a" * 4091
    replies = [
        *format_statements(SpeakerStatements(speaker=None, statements=[]), asked=long, lang=lang),
        *format_statements(SpeakerStatements(speaker="Yuri Ushakov", statements=[]),
                           asked="Ushakov", about=long, lang=lang),
        *format_answer(Answer(question="q?", answered=False, quotes=[], speaker=long,
                              reason="speaker_not_found"), lang=lang),
    ]
    for reply in replies:
        assert tg_len(reply) < 400 and "a" * 150 in reply and "a…" in reply, reply


def test_sources_show_the_id_remove_needs_where_the_source_does_not_give_it() -> None:
    """An upload that shares a folder article's file name is stored under another id:
    /sources shows it, so /remove can name the upload and not the folder's article."""
    folder = ArticleRecord("berita.txt", "Asli", "berita.txt", "", "", "h1", 1, 1.0)
    upload = ArticleRecord("berita.txt~1a2b3c4d", "Unggahan", "berita.txt", "", "", "h2", 1, 2.0)
    [sources] = format_sources([folder, upload])
    lines = sources.splitlines()
    assert lines[1].startswith("• <b>Unggahan</b>") and lines[1].endswith(
        " · <code>berita.txt~1a2b3c4d</code>")
    assert lines[2] == "• <b>Asli</b> · berita.txt"
    check_html(sources)


def test_the_catalogue_has_every_text_in_both_languages() -> None:
    assert MESSAGES["en"].keys() == MESSAGES["id"].keys()
    for key, english in MESSAGES["en"].items():
        assert english != MESSAGES["id"][key] or key in {"help_admin"}, key
    assert t("id", "button_more") == "Kutipan lain ▸"
    assert choose_language("Apa kata Ushakov soal Iran?", "en") == "id"
    assert choose_language("What did Ushakov say about Iran?", "id") == "en"
    assert choose_language("Ushakov", "id-ID") == "id"
    assert choose_language("Ushakov", None) == "en" == choose_language("", "de")


def test_split_blocks_never_splits_a_block_that_fits() -> None:
    assert split_blocks(["a" * 10, "b" * 10, "c" * 10], limit=22) == [
        "a" * 10 + "\n\n" + "b" * 10, "c" * 10]


def _visible(html_text: str) -> str:
    """The text a user sees: tags removed, entities decoded."""
    return html.unescape(re.sub(r"<[^>]*>", "", html_text))


@pytest.mark.parametrize("limit", [60, 100, 4096])
def test_a_block_too_long_is_cut_without_breaking_a_tag_or_an_entity(limit: int) -> None:
    block = ('<b>Bold &amp; brave</b> · <a href="https://e.org/?a=1&amp;b=2">e.org</a> '
             + "<blockquote>" + "x &lt;&amp;&gt; y 😀 " * 400 + "<u>under</u></blockquote>")
    pieces = split_blocks([block], limit=limit)
    assert len(pieces) > 1
    for piece in pieces:
        assert tg_len(piece) <= limit
        check_html(piece)
    assert "".join(_visible(p) for p in pieces) == _visible(block)


def test_a_tag_too_long_to_repeat_is_dropped_and_its_text_kept() -> None:
    block = f'<a href="https://e.org/{"p" * 200}">label</a> ' + "word " * 50
    pieces = split_blocks([block], limit=100)
    assert all(tg_len(p) <= 100 for p in pieces) and "href" not in "".join(pieces)
    assert "".join(_visible(p) for p in pieces) == _visible(block)


AMP_URL = ("https://news.example.com/story?utm=" + "&" * 1000)[:1000]  # 4,860 chars escaped
TRACKING_URL = "https://news.example.com/2025/story?" + "&".join(f"k{n}=v" for n in range(240))


@pytest.mark.parametrize("url", [AMP_URL, TRACKING_URL], ids=["ampersands", "tracking"])
def test_a_long_url_never_breaks_an_answer_or_sources(url: str) -> None:
    q = quote("Ushakov said things.", title="Long link & more", url=url, source=url)
    for messages in (format_answer(answer(q)), format_quotes([q] * 5),
                     format_not_found(answer(closest=[SourceTitle("a", "T", url, url, "", 0.5)])),
                     format_sources([ArticleRecord("a", "T & t", url, url, "2025", "h", 1, 1.0)]
                                    * 10)):
        for message in [messages] if isinstance(messages, str) else messages:
            assert tg_len(message) <= MAX_MESSAGE_CHARS
            check_html(message)
            assert "news.example.com" in message  # the source is still named
            assert "href" not in message  # the link is dropped, not cut
    assert "Ushakov said things." in format_answer(answer(q))[0]


def test_a_url_that_fits_stays_a_link() -> None:
    url = "https://news.example.com/story?" + "&".join(f"k{n}=v" for n in range(50))
    [message] = format_answer(answer(quote("Text.", url=url)))
    assert f'<a href="{html.escape(url)}">news.example.com</a>' in message


def test_context_underlines_the_quote_and_trims_long_paragraphs() -> None:
    paragraph = "Before & after. " * 50 + "THE QUOTE <here>." + " Tail text." * 400
    start = paragraph.index("THE QUOTE")
    end = start + len("THE QUOTE <here>.")
    messages = format_context("T <1>", paragraph, start, end)
    assert len(messages) == 1
    check_html(messages[0])
    assert "<u>THE QUOTE &lt;here&gt;.</u>" in messages[0]
    assert messages[0].startswith("Context from <b>T &lt;1&gt;</b>:")
    assert "…" in messages[0]


def test_help_sources_report_progress_and_slow_down() -> None:
    records = [ArticleRecord(f"a{n}", f"Title <{n}>", f"a{n}.txt", "", "2025", "h", 1,
                             1_700_000_000.0 + n) for n in range(15)]
    help_text = format_help(records, is_admin=True)
    assert "<b>15</b> articles" in help_text and "/reindex" in help_text
    assert "2023-11-14" in help_text
    check_html(help_text)
    assert "/reindex" not in format_help(records, is_admin=False)
    [sources] = format_sources(records)
    assert "Title &lt;14&gt;" in sources and "Title &lt;0&gt;" not in sources
    check_html(sources)
    report = IndexReport(added=2, failed=[("bad<1>.txt", "empty file")], seconds=1.0)
    text = format_report("Re-indexing", report)
    assert report.summary() in text and "bad&lt;1&gt;.txt" in text
    assert format_progress("Re-indexing", Progress("indexing", 120, 400)) == \
        "Re-indexing: indexed 120/400 articles…"
    assert format_progress("Mengindeks ulang", Progress("indexing", 1, 4), lang="id") == \
        "Mengindeks ulang: 1/4 artikel terindeks…"
    assert "30 seconds" in slow_down(29.6) and "30 detik" in slow_down(29.6, lang="id")
    assert "Apa kata Yuri Ushakov soal Iran?" in format_help(
        records, is_admin=False, speakers=[("Yuri Ushakov", "Iran")], lang="id")


def test_report_with_many_failures_fits() -> None:
    report = IndexReport(failed=[(f"source-{n}" * 20, "reason " * 60) for n in range(50)])
    text = format_report("Re-indexing", report)
    assert tg_len(text) <= MAX_MESSAGE_CHARS and "more failures" in text


# ---- properties ----------------------------------------------------------------------

_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from("<>&\"' \n"),
    min_size=1, max_size=3000,
)
_quote = st.builds(
    quote, _text,
    title=st.text(max_size=400), url=st.sampled_from(["", "https://e.org/?a=1&b=<2>", AMP_URL]),
    date=st.text(max_size=30), article_id=st.sampled_from(["a", "b", "c"]),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(_quote, min_size=1, max_size=8))
def test_every_message_is_balanced_html_within_the_limit(quotes: list[Quote]) -> None:
    messages = format_answer(answer(*quotes))
    blockquotes: list[str] = []
    for message in messages:
        assert 0 < tg_len(message) <= MAX_MESSAGE_CHARS
        blockquotes += check_html(message).blockquotes
    # Every quote's text is there, escaped, in the order shown (possibly across blockquotes).
    assert "".join(blockquotes) == "".join(q.text for q in ordered_quotes(quotes))
    joined = "".join(messages)
    for q in quotes:
        if tg_len(escape(q.text)) < 2000:
            assert escape(q.text) in joined


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=5000), st.integers(0, 5000), st.integers(0, 2000))
def test_context_is_always_valid(paragraph: str, start: int, length: int) -> None:
    for message in format_context("t", paragraph, start, start + length):
        assert tg_len(message) <= MAX_MESSAGE_CHARS
        check_html(message)


def test_escape_matches_html_escape_without_quotes() -> None:
    assert escape("<a href='x'>&</a>") == html.escape("<a href='x'>&</a>", quote=False)
