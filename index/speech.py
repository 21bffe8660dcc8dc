"""Who said what: attributed statements in an article's text, as spans of that text.

Rules over the sentence spans of `index.sentences`, for Indonesian and English news
prose (see `extract_statements`). Every regex is anchored or bounded to a short window,
so the work is linear in the text length.

Span policy: `Statement.start:end` is what a user should see quoted: the whole
sentence(s) holding the statement, attribution included ("“…,” ujar Yuri Ushakov."),
because a bare clause cut out of a sentence reads badly and loses who said it.
A quote that runs over several sentences spans from the sentence where it opens to the
sentence where it is attributed. `quote_start:quote_end` is the said words alone: the
text inside the quote marks, or the reported clause after the verb.

Institution policy: organisations that speak ("Kementerian Luar Negeri mengatakan",
"Polisi menyatakan", "the White House said") are kept, with the institution as the
speaker and `organisation=True`, so a question about a person can skip them. Documents,
data and media ("laporan itu menyebutkan", "data BPS menunjukkan") are not speakers.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from index._speaker_book import SpeakerBook
from index._speech_aliases import NICKNAME_PHRASE, bracketed_initials, epithet_nickname
from index._speech_anaphora import Description, alias_in, description_after, description_before
from index._speech_names import (
    FUNCTION_WORDS,
    ME_VERB,
    NAME_PARTICLES,
    ORG_WORDS,
    PRONOUNS,
    Mention,
    article_places,
    fold,
    head_last_role_name,
    is_given_name_role,
    is_nominalisation,
    is_role_word,
    name_in_run,
    parse_after_verb,
    parse_before_verb,
    starts_with_role_head,
)
from index.names import one_edit_apart
from index.sentences import sentence_spans

__all__ = ["EXTRACTOR_VERSION", "Statement", "extract_statements"]

# Bump when the statements found for the same text change, so caches of them are rebuilt.
EXTRACTOR_VERSION = "31"

# "“…,” kata X" / "…, ujarnya": verbs that follow the said words.
_CLOSING_ID = (r"kata|ujar|ucap|tutur|tegas|jelas|ungkap|tambah|imbuh|lanjut|papar|terang|tandas"
               r"|pungkas|tutup|sebut|aku|kilah|beber|cetus|tukas|seru|tulis|cuit|kicau|bilang|sambung"
               r"|kenang|ulas")
_CLOSING_EN = (r"said|says|added|told|explained|noted|warned|insisted|stressed|wrote|replied"
               r"|continued|argued|claimed|asked|concluded|tweeted|admitted|recalled|joked"
               r"|revealed|responded|remarked")
# Verbs that attribute only right after a quote ("“…,” canda Zokora", "“…?” tanya Budi").
_CLOSING_AFTER_QUOTE = (r"canda|seloroh|kelakar|sindir|keluh|tanya|jawab|timpal|puji|pesan|unggah"
                        r"|urai|cerita|kisah|harap|pinta|ajak|imbau|teriak|sergah|sanggah|kecam"
                        r"|celetuk|sahut|bantah|tepis|tuding|klaim|tegur|curhat|nilai")
# "“…,” demikian tulis Essien": "demikian"/"begitu" may come before the verb.
_AFTER_QUOTE_ID = re.compile(rf"[\s,]*(?:(?:demikian|begitu)\s+)?\b({_CLOSING_ID}"
                             rf"|{_CLOSING_AFTER_QUOTE})(nya)?\b\s*", re.IGNORECASE)
_STATEMENT_NOUNS = (r"(?:pernyataan|keterangan|pesan|surat|siaran pers|cuitan|unggahan|tulisan"
                    r"|rilis)")
# "“…,” demikian pernyataan Angkatan Laut AS" / "bunyi pernyataan Gedung Putih": who issued it.
# "bunyi pernyataan tertulis yang dikeluarkan Linkin Park": who issued it, named after it.
_DEMIKIAN_NOUN = re.compile(rf"[\s,]*(?:demikian|begitu|bunyi)\s+(?:bunyi\s+)?{_STATEMENT_NOUNS}"
                            r"(?:\s+(?:resmi|tertulis|misi))?(?:\s+dari|\s+yang\s+(?:dikeluarkan"
                            r"|dirilis|disampaikan|diunggah|ditulis|diucapkan|dibacakan|diumumkan)"
                            r"(?:\s+oleh)?)?\s+(?=[A-Z])")
# "“…,” demikian keterangan foto yang diunggah Raisa" / ", keterangan foto yang diunggah
# Raisa": the caption of a post is its uploader's words.
_CAPTION_BY = re.compile(r"[\s,]*(?:(?:demikian|begitu|bunyi)\s+)?(?:keterangan|tulisan|takarir)"
                         r"\s+(?:foto|video|unggahan)\s+yang\s+(?:di)?(?:unggah|tulis|posting)"
                         r"(?:\s+oleh)?\s+(?=[A-Z])")
# "“…,” bunyi pernyataan itu": the words of a statement, whoever issued it spoke them.
_STATEMENT_WORDS = re.compile(rf"[\s,]*(?:demikian\s+)?bunyi\s+{_STATEMENT_NOUNS}"
                              r"(?:\s+(?:itu|tersebut))?(?=\s*(?:[.,;]|seperti\b|sebagaimana\b))")
# "“…,” tulis akun @dewamade2002": an account's handle is its writer's name.
_BY_HANDLE = re.compile(r"[\s,]*(?:tulis|cuit|kata|ujar|komentar|sahut)[^\S\n]+(?:akun[^\S\n]+)?"
                        r"(@[\w.]*\w)")
# "“…,” demikian Kaka kepada FourFourTwo": "demikian" and the name, the verb left out.
_DEMIKIAN_NAMED = re.compile(r"[\s,]*(?:demikian|begitu)[^\S\n]+(?=[A-Z])")
_AFTER_QUOTE_SAID = re.compile(rf"[\s,]*\b({_CLOSING_EN})\b\s*", re.IGNORECASE)
_AFTER_QUOTE_X_SAID = re.compile(rf"[\s,]*([^.,;:“”\"\n]{{1,80}}?)\s+(?:{_CLOSING_EN})\b")
_TRAILING = re.compile(rf",\s*(?:({_CLOSING_ID})(nya)?|({_CLOSING_EN}))\b\s*")
# "…, harbour master Kai Ström said on Monday.": a time after the verb ends the sentence too.
_SAID_WHEN = (r"(?:\s+(?:on|last|this|yesterday|today|earlier|late)\b"
              r"(?:\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|month"
              r"|year|night|morning|afternoon|evening))?)?")
_TRAILING_X_SAID = re.compile(rf",\s*([^.,;:“”\"\n]{{1,80}}?)\s+(?:{_CLOSING_EN}){_SAID_WHEN}"
                              r"\s*[.!]?$")
# Verbs of reported speech: "X mengatakan (bahwa) …", "X said (that) …".
_STRONG = (r"mengatakan|menyatakan|menegaskan|menjelaskan|menyebutkan|mengungkapkan"
           r"|menambahkan|mengaku|menuturkan|mengemukakan|menerangkan|membeberkan|memperingatkan"
           r"|mengklaim|mengeklaim|menekankan|berkata|menandaskan|berujar|berpendapat"
           r"|said|says|told|added|stated|explained|warned|insisted|stressed|claimed|argued"
           r"|noted|announced")
# Weak verbs that report only with a comma or "bahwa" after them ("memperkirakan, …").
_MARKED_ONLY_VERBS = ("memperkirakan", "mengumumkan", "membantah", "menampik", "menjamin",
                      "berkeras", "mendeskripsikan", "mencuitkan", "mewartakan", "bercerita",
                      "memprediksi", "beralasan", "memaparkan")
_WEAK = (r"menilai|meminta|berharap|menyebut|menyampaikan|memastikan|mendesak|mengimbau"
         r"|menduga|menganggap|meyakini|berjanji|menjanjikan|mengungkap|menuding|menuduh"
         r"|menyayangkan|mengusulkan|menyarankan|menyerukan|mengakui|mengingatkan"
         r"|membenarkan|mengancam(?=\s+akan\b)|" + "|".join(_MARKED_ONLY_VERBS) +
         r"|believes|hopes|urged|promised|admitted")
# Verbs that report speech only when a quote follows them ("Ponniah melanjutkan, “…”") or
# precedes them ("“…,” ia mengawali imbauannya"): alone they are deeds ("melanjutkan studi").
_INTRO = (r"melanjutkan|mengawali|memulai|menutup|mengakhiri|menimpali|menjawab|bertanya"
          r"|berpesan|bercerita|berseru|menulis|mencuit|mengunggah|menanggapi|merespons"
          r"|menyimpulkan"
          r"|bertutur|berucap|mengingatkan|mengungkapkan|menerangkan|menjelaskan|menegaskan"
          r"|menambahkan|menuturkan|mengatakan|menyatakan|berkata|berujar|memperingatkan")
# Case-sensitive on purpose: a reporting verb follows its subject, so it is never capitalised,
# and an IGNORECASE alternation is several times slower over a whole article.
_REPORTING = re.compile(rf"\b(?:({_STRONG})|({_WEAK})|({_INTRO}))\b")
_SAYING = re.compile(rf"\b(?:{_STRONG}|{_WEAK})\b")
_QUOTE_FOLLOWS = re.compile(r"[^\S\n]*[,:]?[^\S\n]*[“«\"]")
# "X menulis di akun Instagram miliknya, “…”": where a post was written, between verb and quote.
_VIA_ACCOUNT = re.compile(r"[^\S\n]+(?:di|lewat|melalui)[^\S\n]+(?:akun|laman|media sosial)"
                          r"[^,.:“”\"\n]{0,60}?(?=[^\S\n]*[,:]?[^\S\n]*[“«\"])")
# "membenarkan laporan tersebut, “…”", "mengunggah foto bersama suaminya, “…”": a short
# lower-case object between the verb and the quote it introduces.
_OBJECT_BEFORE_QUOTE = re.compile(r"(?:[^\S\n]+[a-z]+){1,5}(?=[^\S\n]*[,:][^\S\n]*[“«\"])")
# "meminta maaf", "meminta izin": an object noun after a weak verb, no clause reported.
_WEAK_OBJECT = re.compile(r"[^\S\n]+(?:maaf|izin|ijin|restu|bantuan)\b")
# "mengakui Yerusalem sebagai ibu kota": a named place or body recognised as something.
_RECOGNISED = re.compile(r"(?:[^\S\n]+[A-Z][\w'’-]*){1,4}[^\S\n]+sebagai\b")
# "“…,” ia mengawali imbauannya" / "“…,” Tan menerangkan": a subject and a verb after a quote
# that ends in a comma (or "?", "!"), the way a quote hands over to its attribution.
_AFTER_QUOTE_X_VERB = re.compile(rf"[^\S\n]*(?:(?:demikian|begitu)[^\S\n]+)?"
                                 rf"([^.,;:“”\"\n]{{1,60}}?)[^\S\n]+(?:{_INTRO})\b")
# "menyampaikan harapannya bahwa": what the verb conveys, before the clause it reports.
# "mewartakan pada Minggu bahwa": the day it was said, between the verb and the clause.
_CONVEYED = (r"(?:\s+[a-z]+nya(?=\s*(?:bahwa\b|,|:)))?"
             r"(?:\s+pada\s+(?:Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu)"
             r"(?:\s*\(\d{1,2}/\d{1,2}(?:/\d{2,4})?\))?(?=\s*(?:bahwa\b|,)))?")
# "tak menampik bila …": not denying is granting the clause that follows.
_WEAK_FOLLOW = re.compile(rf"{_CONVEYED}\s*(?:,|:|bahwa\b|that\b|agar\b|supaya\b"
                          r"|(?<=menampik)\s+(?:bila|jika|kalau)\b)", re.IGNORECASE)
_CONTENT_LEAD = re.compile(rf"{_CONVEYED}(?:\s*(?:,|:|bahwa\b|that\b|kepada wartawan\b"
                           r"|to reporters\b))*\s*", re.IGNORECASE)
_ACCORDING = re.compile(r"\b(?:[Mm]enurut(nya)?|[Aa]ccording to)\b\s*")
# "…, seperti diungkapkan X." / "Sebagaimana dikatakan X, …": passive forms of "menurut X",
# looked for only when the sentence has no speaker of its own ("Dia mengaku …, sebagaimana
# disampaikan Y" is his).
_AS_SAID_BY = re.compile(r"\b(?:[Ss]eperti|[Ss]ebagaimana|[Dd]emikian)\s+(?:yang\s+)?di(?:ungkap"
                         r"(?:kan)?|katakan|sampaikan|jelaskan|tuturkan|utarakan|kemukakan"
                         r"|sebutkan)(nya)?(?:\s+oleh)?\b\s*")
_CAPITALISED = re.compile(r"\b[A-Z][\w'’]*")
_LOWER_WORD = re.compile(r"(?<![\w-])[a-z]+(?![\w-])")
_OPEN_QUOTES = "“«\""
# A closing mark glued to a capitalised word also opens a quote, a common typo ("ke Poso.”Kita
# berharap …,” ujar Rizal", "kepada TyC Sport”Saya …"); one that ends a quote was consumed by
# its opening mark first.
_OPENING = re.compile("[“«\"]|(?<=[\\w.!?\\s])”(?=[A-Z])")
# Closing marks per opening mark: news text often opens straight and closes curly ("…,” ucap X).
_CLOSING = {"“": re.compile("[”\"]"), "«": re.compile("»"), '"': re.compile("[\"”]"),
            "”": re.compile("[”\"]")}
_LOOKAROUND = 200
_ANY_QUOTE = re.compile("[“”«»\"]")
# A quote opened after "X mengatakan," is looked for this far; farther, it is unterminated.
_QUOTE_REACH = 3000
# Fewer characters than this are not a statement ("Sementara itu").
_MIN_WORDS = 16
_DIRECT, _REPORTED = "direct", "reported"
_SPEAKS = "speaks"  # a sentence naming who speaks next, without a statement of its own
_NEW_SUBJECT = "new subject"  # a sentence opened by someone new, who says nothing (yet)


@dataclass(frozen=True)
class Statement:
    """One attributed statement; all offsets index the article text it came from.

    `text[start:end]` is the sentence(s) to show, `text[quote_start:quote_end]` the words
    said, `text[speaker_start:speaker_end]` the mention that attributes them (a pronoun or
    "katanya" when `carried`). `speaker` is the full name as the article first gives it.
    """

    start: int
    end: int
    speaker: str
    role: str | None
    speech: str
    quote_start: int
    quote_end: int
    speaker_start: int
    speaker_end: int
    carried: bool = False
    organisation: bool = False



@dataclass(frozen=True)
class _Scan:
    """One article: its text, the place words its speaker phrases must not start with, and
    counts of its capitalised words and word pairs (to tell "Hariyadi Sukamdani" the name
    from "menurut Hariyadi Sukamdani selalu …", Hariyadi saying what Sukamdani did)."""

    text: str
    places: frozenset[str]
    book: SpeakerBook
    _run_names: dict[tuple[int, int], Mention | None] = field(default_factory=dict)
    _bodies: dict[str, bool] = field(default_factory=dict)
    _said_by: dict[str, bool] = field(default_factory=dict)
    _first_at: dict[str, int] = field(default_factory=dict)

    @classmethod
    def of(cls, text: str, book: SpeakerBook) -> _Scan:
        return cls(text, article_places(text), book)

    @functools.cached_property
    def _alone(self) -> Counter[str]:
        """Capitalised words that have no capitalised neighbour, counted once when needed."""
        text = self.text
        alone: Counter[str] = Counter()
        for match in _CAPITALISED.finditer(text):
            start, end = match.span()
            joined_before = start >= 2 and text[start - 1] == " " and _capital_word_ends(
                text, start - 1)
            joined_after = text[end:end + 1] == " " and text[end + 1:end + 2].isupper()
            if not (joined_before or joined_after):
                alone[match.group()] += 1
        return alone

    def run_name(self, sentence: _Sentence, run: re.Match[str]) -> Mention | None:
        """`name_in_run` of a capitalised run of a sentence (past a sentence-opening common
        noun), once per run: both the names and the subjects of a sentence need it."""
        key = (run.start(), run.end())
        if key not in self._run_names:
            start = _past_common_noun(self, sentence, run)
            self._run_names[key] = (self._after_head_last_role(sentence, run)
                                    or name_in_run(self.text, start, run.end(), self.places)
                                    or self._after_nominalisation(sentence, run))
        return self._run_names[key]

    def _after_head_last_role(self, sentence: _Sentence, run: re.Match[str]) -> Mention | None:
        """"ujar media officer Persib Irfan Suryadireja": the run after a lower-case English-
        order role, read as the role's body and name, so "Persib" is no name word."""
        lead = _LOWER_LEAD.search(self.text, max(sentence.start, run.start() - 60), run.start())
        if lead is None:
            return None
        for word in _LOWER_WORD_START.finditer(self.text, lead.start(), run.start()):
            found = head_last_role_name(self.text, word.start(), run.end(), self.places)
            if found is not None:  # only where the run opens with the role's body ("Persib")
                return found if found.end == run.end() and found.start != run.start() else None
        return None

    def _after_nominalisation(self, sentence: _Sentence, run: re.Match[str]) -> Mention | None:
        """"Kedatangan Nolito ke Sevilla …", "Kepergian Neymar dari Barca …": one name word
        after a ke-…-an noun that opens the sentence is whom the noun is about."""
        words = run.group().split(" ")
        if (len(words) != 2 or run.start() != sentence.start or not words[0].startswith("Ke")
                or not is_nominalisation(words[0]) or not words[1].istitle()
                or not words[1].isalpha() or fold(words[1]) in self.places
                or is_role_word(words[1])):
            return None
        start = run.start() + len(words[0]) + 1
        return Mention(words[1], None, start, run.end())

    @functools.cached_property
    def lowercase_words(self) -> frozenset[str]:
        """The words the article writes in lower case ("kontrak", "keputusan", and
        "kontrak" of "kontraknya"), read once when needed."""
        words = set(_LOWER_WORD.findall(self.text, self._body_start()))
        return frozenset(words | {word[:-3] for word in words if word.endswith("nya")})

    def _body_start(self) -> int:
        """Past a title line ("Sembuh yon koeswoyo siap konser lagi", no final stop): its
        lower-cased names are no common nouns."""
        first = self.text.find("\n")
        if first < 0 or self.text[:first].rstrip().endswith(_FINAL_STOP):
            return 0
        return first + 1

    def body_alone(self, phrase: str) -> bool:
        """The capitalised phrase ("Persib", "Atletico Madrid") occurs somewhere with no
        capitalised word right before or after it: a body the article names on its own."""
        if " " not in phrase:
            return self.stands_alone(phrase)
        if phrase not in self._bodies:  # once per phrase: a long article repeats its speakers
            self._bodies[phrase] = self._body_alone(phrase)
        return self._bodies[phrase]

    def _body_alone(self, phrase: str) -> bool:
        for start in self._phrase_starts(phrase):
            end = start + len(phrase)
            before = start >= 2 and self.text[start - 1] == " " and _capital_word_ends(
                self.text, start - 1)
            after = self.text[end:end + 1] == " " and self.text[end + 1:end + 2].isupper()
            if not (before or after):
                return True
        return False

    def _phrase_starts(self, phrase: str) -> Iterator[int]:
        r"""Where the phrase occurs as whole words (what `(?<![\w'’.-])phrase(?![\w'’-])`
        finds, left to right, never overlapping): `str.find` jumps to each occurrence,
        where a regex opening with a lookbehind tries every position of the article."""
        text, at = self.text, self.text.find(phrase)
        while at >= 0:
            end = at + len(phrase)
            if not (at and _GLUED_BEFORE.match(text, at - 1)) and not _GLUED_AFTER.match(text, end):
                yield at
                at = text.find(phrase, end)
            else:
                at = text.find(phrase, at + 1)

    def first_at(self, phrase: str) -> int:
        """Where the phrase first occurs (`str.find`), once per phrase: a long article gives
        one speaker many statements, and the speaker may first occur far into it."""
        if phrase not in self._first_at:
            self._first_at[phrase] = self.text.find(phrase)
        return self._first_at[phrase]

    def speaks_as(self, word: str) -> bool:
        """The article attributes speech to this word ("kata Hariyadi"), once per word."""
        if _WHOLE_WORD.fullmatch(word):
            return word in self._said_words
        if word not in self._said_by:  # "D.", "Al-Ghazali": the pattern itself, rarely asked
            self._said_by[word] = re.search(_SAID_BY_WORD.format(re.escape(word)),
                                            self.text) is not None
        return self._said_by[word]

    @functools.cached_property
    def _said_words(self) -> frozenset[str]:
        """The whole words right after "kata", "ujar", "menurut" …, read once when needed:
        one search of the article per speaker word made a long article quadratic."""
        return frozenset(match.group(1) for match in _SAID_BY_ANY.finditer(self.text))

    def stands_alone(self, word: str) -> bool:
        """The capitalised word occurs somewhere with no capitalised neighbour."""
        return self._alone[word] > 0

    def two_people(self, first: str, second: str) -> bool:
        """Both words also stand alone elsewhere: two people side by side, not one name."""
        return self._alone[first] > 0 and self._alone[second] > 0

    def before(self, start: int, end: int) -> Mention | None:
        segment = self.text.rfind(",", start, end) + 1 or start
        while segment < end and self.text[segment].isspace():
            segment += 1
        described = description_before(self.text, segment, end)
        if described is not None:
            return _described(self.text, described)
        mention = parse_before_verb(self.text, start, end, self.places)
        if mention is not None and self._common_noun_subject(mention):
            # "Petugas juga mengimbau agar …": someone unnamed speaks, so the next
            # "katanya" is nobody the article named either
            return replace(mention, name="", unknown=True, anonymous=True)
        return self._company_after_title(mention)

    def _company_after_title(self, mention: Mention | None) -> Mention | None:
        """"kata Chief Executive Disney", "Pemilik Nerazzurri menyatakan": a business title
        right before one capitalised word is the title of that company, no personal name
        (news names the person in full: "CEO Tesla Elon Musk"), so a role-only speaker, as
        written, unless the article quotes someone by that word ("kata Albert")."""
        if (mention is None or mention.role is None or not mention.name or " " in mention.name
                or mention.role_only or mention.organisation or mention.pronoun
                or mention.unknown or mention.head is not None or mention.nickname):
            return mention
        words = fold(mention.role).split(" ")
        if not (words[-1] in _COMPANY_TITLES
                or words[0] == "chief" and words[-1] in _CHIEF_TITLES):
            return mention
        start = mention.start - len(mention.role) - 1
        if start < 0 or self.text[start:mention.start] != f"{mention.role} " \
                or self.speaks_as(mention.name):
            return mention
        return Mention(self.text[start:mention.end], None, start, mention.end, role_only=True)

    def _common_noun_subject(self, mention: Mention) -> bool:
        """A one-word "name" that opens its sentence and that the article also writes in
        lower case ("Petugas …" beside "petugas PPIH"): a common noun capitalised because it
        comes first, not a person, unless the article has named someone by it."""
        name = mention.name
        if (not name or " " in name or mention.role is not None or mention.pronoun
                or mention.organisation or mention.role_only or is_role_word(name)):
            return False
        if name.lower() not in self.lowercase_words or self.book.knows(name):
            return False
        return name not in self._capitalised_within

    @functools.cached_property
    def _capitalised_within(self) -> frozenset[str]:
        """Capitalised words that occur somewhere other than first in a sentence, read once
        when needed: there the capital says they are names."""
        text = self.text
        return frozenset(match.group() for match in _CAPITALISED.finditer(text)
                         if not _opens_sentence(text, match.start()))

    def after(self, start: int, end: int) -> Mention | None:
        described = description_after(self.text, start, end)
        if described is not None and described.loose:
            named = parse_after_verb(self.text, start, end, self.places)
            if (named is not None and named.name and not (named.role_only or named.organisation)
                    and (" " in named.name or self.book.knows(named.name))):
                return named  # "kata mantan striker Chelsea Tony Cascarino di FFT": a name
        if described is not None:
            return _described(self.text, described)
        return self._company_after_title(parse_after_verb(self.text, start, end, self.places))


# Titles of a company's people ("CEO", "pemilik"; "Chief Executive (Officer)") that, right
# before one capitalised word, name the company, not the person (`_company_after_title`).
_COMPANY_TITLES = frozenset(["ceo", "cfo", "coo", "cto", "pemilik", "owner", "pendiri", "founder",
                             "co-founder", "cofounder", "presdir"])
_CHIEF_TITLES = frozenset(["executive", "officer"])
# Up to four lower-case words just before a capitalised run ("… ujar media officer ").
_LOWER_LEAD = re.compile(r"(?:\b[a-z]+[ ]){1,4}$")
_LOWER_WORD_START = re.compile(r"\b[a-z]")


def _opens_sentence(text: str, pos: int) -> bool:
    """Whether the word at `pos` comes first in its sentence (past a quote mark or a
    dateline dash), so a capital there says nothing about it being a name."""
    at = pos
    while at > 0 and text[at - 1] in " \"“":
        at -= 1
    return at == 0 or text[at - 1] in "\n.!?—" or text[max(0, at - 2):at] in (" -", "--")


def _described(text: str, described: Description) -> Mention:
    return Mention(text[described.start:described.end], None, described.start, described.end,
                   head=described.head, definite=described.definite, loose=described.loose)


@dataclass
class _Sentence:
    start: int
    end: int
    covered: bool = False


def extract_statements(text: str) -> list[Statement]:
    """Return the attributed statements of `text`, in text order.

    Direct speech: a quote followed by its attribution (“…,” kata X / ujarnya / X said /
    ia menambahkan / demikian tulis X / bunyi pernyataan itu, the one who issued it) or
    opened by one (X mengatakan, “…” / X melanjutkan, “…”). Reported
    speech: X mengatakan (bahwa) …, menurut X, …, …, tambah X; X said (that) …, according
    to X, …. Pronouns and "-nya" attributions carry the nearest earlier named speaker
    (`carried=True`); "ia"/"dia" first a person made a sentence's subject since then.
    """
    statements: list[Statement] = []
    book = SpeakerBook()
    scan = _Scan.of(text, book)
    leading: list[tuple[int, int, tuple[int, int]]] = []  # quote paragraphs awaiting a speaker
    orphaned = False  # right after a quote closed by words not read as its attribution
    open_before: _Open | None = None  # the previous paragraph, if one sentence nobody said
    spans = [(_past_dateline(text, start), end) for start, end in sentence_spans(text)]
    for paragraph in _paragraphs(text, spans):
        if _headline(text, paragraph):
            leading, orphaned, open_before = [], False, None
            continue
        _introduce_names(scan, paragraph, book)
        found = _direct(scan, paragraph) + _reported(scan, paragraph)
        previous = statements[-1] if statements else None
        if not found and previous is not None and previous.speech == _DIRECT:
            found = _continued(text, paragraph, previous)
        found += _said_before(scan, paragraph, found, open_before)
        open_before = _unsaid_end(text, paragraph, found)
        if not found:
            leading = _still_leading(text, paragraph, leading)
            orphaned = (_ORPHAN_CLOSE.fullmatch(text, paragraph[0].start, paragraph[-1].end)
                        is not None or (orphaned and bool(leading)))
            continue
        count = len(statements)
        barriers = _new_subjects(scan, paragraph, found)
        for start, end, quote, mention, kind in sorted(found + barriers, key=lambda f: f[2]):
            if kind == _NEW_SUBJECT:
                book.new_subject(quote[0], quote[1], mention.name)
                continue
            statement = _attribute(text, start, end, quote, mention, kind, book)
            if statement is not None:
                if (orphaned and statement.carried and statement.speech == _DIRECT
                        and statement.start == paragraph[0].start):
                    continue  # "“…,” rilis Hull.\n“…,” tutupnya": Hull's, not who "-nya" meant
                statements.append(statement)
        book.new_subject_ends()  # a new person holds only within their paragraph
        if len(statements) > count and not (orphaned
                                            and statements[count].start != paragraph[0].start):
            statements[count:count] = _led_in(text, paragraph, leading, statements[count])
        leading, orphaned = [], False
    return _offices_by_abbreviation([_institution_out_of_name(scan, _named_office(statement, book))
                                     for statement in statements])


def _offices_by_abbreviation(statements: list[Statement]) -> list[Statement]:
    """"Menko Polhukam juga mengatakan …" after "Menteri Koordinator Bidang Politik, Hukum dan
    Keamanan (Menko Polhukam) Wiranto": a speaker written as the abbreviation another
    speaker's office gives in brackets is that person. The abbreviation must stand for the
    whole office (same first letter): "Wakil Ketua Komisi Nasional HAM (Komnas HAM)" names
    the body, and "Komnas HAM" stays the body."""
    offices: dict[str, set[tuple[str, str]]] = {}
    for statement in statements:
        if statement.role and (opened := statement.role.rfind("(")) > 0 \
                and statement.role.endswith(")"):
            short = statement.role[opened + 1:-1]
            if short[:1].upper() == statement.role[:1].upper():
                offices.setdefault(short, set()).add((statement.speaker, statement.role))
    if not offices:
        return statements
    out = []
    for statement in statements:
        written = f"{statement.role} {statement.speaker}" if statement.role else statement.speaker
        holders = offices.get(written, set())
        if len(holders) == 1 and not statement.organisation:
            (speaker, role), = holders
            if speaker != statement.speaker:
                statement = replace(statement, speaker=speaker, role=role)
        out.append(statement)
    return out


# A paragraph that is one quote closed by a verb-like word and a capitalised name that no
# attribution rule read ("“…,” rilis Hull."): whose words these are is unknown.
_ORPHAN_CLOSE = re.compile(r"[“\"][^\n]*[,.!?]?[”\"][ ]+[a-z]+[ ]+[A-Z][\w.'’-]*(?:[ ][A-Z][\w.'’-]*){0,3}[.]?[ ]*")


def _still_leading(text: str, paragraph: _Paragraph,
                   leading: list[tuple[int, int, tuple[int, int]]],
                   ) -> list[tuple[int, int, tuple[int, int]]]:
    """The run of unattributed quote paragraphs that ends with this one, or none: a
    paragraph that is not wholly a quote, or not right after the run, breaks it."""
    start, end = paragraph[0].start, paragraph[-1].end
    quote = _whole_quote(text, paragraph)
    if quote is None:
        return []
    if leading and not _next_line(text, leading[-1][1], start):
        leading = []
    return [*leading, (start, end, quote)]


def _led_in(text: str, paragraph: _Paragraph, leading: list[tuple[int, int, tuple[int, int]]],
            first: Statement) -> list[Statement]:
    """Quote paragraphs with no attribution of their own right before a paragraph that
    opens with an attributed quote ("“Pada hari-hari jelang laga, …”\n“Kalau itu
    dilakukan, …,” ujar Ridwan Kamil."): one quotation over several paragraphs, the
    attribution at its end, so the same speaker's, carried."""
    start = paragraph[0].start
    if (not leading or not _next_line(text, leading[-1][1], start)
            or text[start] not in _OPEN_QUOTES or first.start != start
            or first.speech != _DIRECT or first.quote_start > start + 2):
        return []
    return [Statement(begin, end, first.speaker, first.role, _DIRECT, quote[0], quote[1],
                      first.speaker_start, first.speaker_end, True, first.organisation)
            for begin, end, quote in leading]


def _next_line(text: str, end: int, start: int) -> bool:
    """Whether `start` begins the line right after the one ending at `end`."""
    gap = text[end:start]
    return gap.count("\n") == 1 and not gap.strip()


def _whole_quote(text: str, paragraph: _Paragraph) -> tuple[int, int] | None:
    """The said words of a paragraph that is one quotation: it opens with a quote mark and
    closes it at its end, or never closes it (a quotation going on in the next paragraph
    leaves its closing mark off)."""
    start, end = paragraph[0].start, paragraph[-1].end
    if text[start] not in _OPEN_QUOTES:
        return None
    quotes = _quote_spans(text, start, end)
    if len(quotes) == 1 and quotes[0][0] == start and end - quotes[0][1] <= 2:
        return _trim(text, start + 1, quotes[0][1])
    if not quotes and _ANY_QUOTE.search(text, start + 1, end) is None:
        return _trim(text, start + 1, end)
    return None


# Role words after which a capitalised run may start with the company ("CEO Instagram …").
_EXECUTIVE_HEADS = frozenset(["ceo", "cfo", "coo", "cto", "pendiri", "founder", "bos", "boss",
                              "chairman", "presdir", "dirut"])
_INSTITUTION_RUN = re.compile(r"([A-Z][\w'’]*(?:[ ][A-Z][\w'’]*)*)[ ]$")


def _institution_out_of_name(scan: _Scan, statement: Statement) -> Statement:
    """A company or institution the capitalised run gave with the name goes into the role:
    "CEO Instagram Kevin Systrom" (Instagram stands alone in the article, Kevin does not),
    "Universitas Gadjah Mada Erwan Agus Purwanto" (later "kata Erwan", never "Mada")."""
    words = statement.speaker.split(" ")
    if len(words) < 3 or "(" in statement.speaker or statement.organisation:
        return statement
    cut = (_body_before_person(scan, words) or _common_noun_before_person(scan, words)
           or _word_before_initial(scan, words))
    if cut:
        body = " ".join(words[:cut])
        return replace(statement, speaker=" ".join(words[cut:]),
                       role=f"{statement.role} {body}" if statement.role else body)
    role = statement.role
    if role is not None:
        if (fold(role).rsplit(" ", 1)[-1] in _EXECUTIVE_HEADS and scan.stands_alone(words[0])
                and not scan.stands_alone(words[1])):
            return replace(statement, speaker=" ".join(words[1:]), role=f"{role} {words[0]}")
        return statement
    at = scan.first_at(statement.speaker)
    run = _INSTITUTION_RUN.search(scan.text, max(0, at - 60), at) if at > 0 else None
    if run is None or fold(run.group(1).split(" ", 1)[0]) not in ORG_WORDS:
        return statement
    if scan.stands_alone(words[0]):
        return statement
    cut = next((k for k in range(1, len(words) - 1) if scan.stands_alone(words[k])), None)
    if cut is None:
        return statement
    return replace(statement, speaker=" ".join(words[cut:]),
                   role=f"{run.group(1)} {' '.join(words[:cut])}")


# "kata Hariyadi", "(M)enurut Kiswinar": a word the article attributes speech to is a person's.
_SAID_BY = r"\b(?:kata|ujar|ucap|tutur|tambah|jelas|[Mm]enurut)[ ]+"
_SAID_BY_WORD = _SAID_BY + r"{}\b"
# The word after each: a lookahead, so "kata kata Budi" still finds "kata Budi".
_SAID_BY_ANY = re.compile(_SAID_BY + r"(?=(\w+)\b)")
_WHOLE_WORD = re.compile(r"\w+")


def _body_before_person(scan: _Scan, words: list[str]) -> int:
    """"Manajer Persib Umuh Muchtar", "Pelatih Arsenal Arsene Wenger": how many leading
    words of a speaker name are a club or company the article also writes on its own
    ("Persib", "Atletico Madrid"), before a person it also calls by one of their names
    ("Umuh", "Wenger"); 0 when none are ("Djarot Saiful Hidayat", "Andi Amran Sulaiman")."""
    for cut in range(len(words) - 2, 0, -1):
        rest = words[cut:]
        if not all(_PERSON_WORD.fullmatch(word) for word in rest):
            continue
        if not (scan.stands_alone(rest[0]) or scan.stands_alone(rest[-1])):
            continue
        body = " ".join(words[:cut])
        if not (scan.body_alone(body) or fold(body) in scan.places):
            continue
        if scan.speaks_as(words[0]):
            return 0  # "Hariyadi Bidisantoso Sukamdani" and later "kata Hariyadi": his name
        while len(words) - cut >= 3 and fold(words[cut]) in scan.places:
            cut += 1  # "Atletico Madrid Antoine Griezmann": "di Madrid", the club's too
        return cut
    return 0


def _common_noun_before_person(scan: _Scan, words: list[str]) -> int:
    """"Mekanik Mercedes Toto Wolff", "Hidup Banjarnegara Ahmad Nurudin" (of "Kepala Dinas
    Lingkungan Hidup …"): how many leading words of a speaker name are a common noun the
    article also writes in lower case ("mekanik", "hidup"), with the places and bodies after
    it, before a person it calls by one of their names; 0 when none are."""
    if not _lower_noun(scan, words[0]):
        return 0
    cut = 1
    while len(words) - cut > 2 and (_lower_noun(scan, words[cut]) or fold(words[cut]) in scan.places
                                    or scan.body_alone(words[cut])):
        cut += 1
    rest = words[cut:]
    if len(rest) < 2 or not all(_PERSON_WORD.fullmatch(word) and not is_role_word(word)
                                and fold(word) not in scan.places for word in rest):
        return 0  # "Festival Danau Tektonik Poso", "Majelis Hakim Pengadilan Negeri Bandung"
    if not (scan.stands_alone(rest[0]) or scan.stands_alone(rest[-1])):
        return 0
    if scan.speaks_as(words[0]):
        return 0
    return cut


def _word_before_initial(scan: _Scan, words: list[str]) -> int:
    """"(Koordinator WWF) Riau M Nur Anam", later "menurut Anam": a word before a name that
    opens with an initial, where the article calls the person by a later word of the name
    and never by that one, is the role's place or body (1), not a given name; 0 otherwise.
    A name with one word after its initial keeps it ("Laode M Syarif", "kata Syarif"), and
    so does one called by it ("Gatot S Dewa Broto", "kata Gatot")."""
    if (len(words) < 4 or not _INITIAL.fullmatch(words[1]) or words[1] in _NUMERALS
            or not _PERSON_WORD.fullmatch(words[0]) or scan.speaks_as(words[0])):
        return 0
    return 1 if any(scan.speaks_as(word) for word in words[2:]) else 0


_INITIAL = re.compile(r"[A-Z]\.?")
_NUMERALS = frozenset(["I", "V", "X", "I.", "V.", "X."])  # "KPK Jilid I Taufiequrachman Ruki"


def _lower_noun(scan: _Scan, word: str) -> bool:
    """A capitalised word the article also writes in lower case, never on its own capitalised."""
    return (word[:1].isupper() and word[1:].islower() and word.lower() in scan.lowercase_words
            and fold(word) not in FUNCTION_WORDS and not scan.stands_alone(word))


# A person's name word: capitalised letters, or an initial ("Bayu J. Wirjoatmodjo").
_PERSON_WORD = re.compile(r"[A-Z][^\W\d_]+|[A-Z]\.?")


def _named_office(statement: Statement, book: SpeakerBook) -> Statement:
    """A role-only speaker the article names elsewhere gets that name, the role kept; a
    person who also went by a nickname is named with both ("Joko Widodo (Jokowi)")."""
    name, role = book.company_name(statement.speaker, statement.role)
    if name != statement.speaker:
        statement = replace(statement, speaker=name, role=role)
    shown = book.display_name(statement.speaker)
    if shown != statement.speaker:
        return replace(statement, speaker=shown)
    if statement.role is not None or statement.organisation:
        return statement
    if not book.is_role_only(statement.speaker):
        return statement
    person = book.person_for_role(statement.speaker)
    if person is None:
        return statement
    return replace(statement, speaker=person[0], role=statement.speaker)


def _continued(text: str, paragraph: _Paragraph, previous: Statement) -> list[_Found]:
    """A paragraph that is one quote, right after a quoted statement: the same speaker goes on.

    ("“…,” kata Netanyahu.\n“Saya juga memastikan …”") The mention is the earlier attribution.
    """
    start, end = paragraph[0].start, paragraph[-1].end
    quote = _whole_quote(text, paragraph)
    if quote is None or not _next_line(text, previous.end, start):
        return []
    mention = Mention("", None, previous.speaker_start, previous.speaker_end, pronoun=True,
                      continued=True)
    return [(start, end, quote, mention, _DIRECT)]


# "Medan (ANTARA News) - ", "Jakarta, CNN Indonesia -- ", "paris, Jumat - ": an article's
# dateline, glued by the sentence splitter to its first sentence.
_DATELINE = re.compile(r"(?:[A-Za-z][\w.!]*,?[ ]){0,4}[A-Za-z][\w.!]*(?:[ ]\([^()\n]{1,40}\))?"
                       r"(?:[ ][-–—]{1,2}[ ]*|[-–—]{1,2}[ ]+)(?=[A-Z\"“])")
_DATELINE_REACH = 60


def _past_dateline(text: str, start: int) -> int:
    """Where a statement starting at `start` starts once an opening dateline is left out: a
    dateline is nobody's words. Only on the article's first line (after its title)."""
    if (start and text[start - 1] != "\n") or start >= _second_line_end(text):
        return start
    match = _DATELINE.match(text, start, start + _DATELINE_REACH)
    if match is None:
        return start
    words = [fold(word) for word in _DATELINE_WORD.findall(match.group())]
    if len(words[-1]) <= 2 or any(word in _NOT_IN_DATELINE for word in words):
        return start  # "Dalam acara itu, J - Law bercerita …": a sentence and a name
    return match.end()


def _second_line_end(text: str) -> int:
    """Where the article's second non-blank line (its first after the title) ends: only a
    sentence starting before it can open with a dateline. Reads those lines only, so asking
    for every sentence costs nothing on a long article."""
    seen, pos = 0, 0
    while pos < len(text):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        if text[pos:end].strip():
            seen += 1
            if seen == 2:
                return end
        pos = end + 1
    return len(text)


_DATELINE_WORD = re.compile(r"[\w.!]+")
_NOT_IN_DATELINE = frozenset(["dalam", "itu", "ini", "di", "ke", "dari", "pada", "saat",
                              "ketika", "yang", "dan", "kata", "menurut", "sementara"])


def _attribute(text: str, start: int, end: int, quote: tuple[int, int], mention: Mention,
               kind: str, book: SpeakerBook) -> Statement | None:
    if (begin := _past_dateline(text, start)) != start:
        start, quote = begin, (max(quote[0], begin), quote[1])
    if mention.unknown:
        book.forget(end, anonymous=mention.anonymous)  # the next "katanya" is theirs
        book.last_end = end
        return None
    if mention.pronoun:
        personal = (mention.statement_words
                    or text[mention.start:mention.end].casefold() in PRONOUNS)
        carried_from = (book.last if mention.continued
                        else book.referent(mention.start, personal=personal))
        if carried_from is None and book.last is not None:
            book.forget(end)  # someone the text does not name spoke: not the one before
            book.last_end = end
            return None
        if carried_from is None or (kind == _REPORTED and mention.end <= quote[0]
                                    and text[mention.start:mention.end].casefold() in PRONOUNS
                                    and _names_in(text, quote, carried_from[0], book)):
            return None  # "Dalam tayangan itu ia mengklaim memberi trik kepada Carlos": not Carlos
        book.last = carried_from  # the person now speaking, for the next pronoun too
        speaker, role, organisation = carried_from
        book.spoke(speaker)
        carried = True
    elif mention.head is not None:
        described = book.resolve_description(mention, text)
        alias = alias_in(text, mention.start, mention.end)
        if alias is not None and (owner := book.initials_of(alias.group(1))) is not None:
            # "kata sosok yang karib disapa BTM" after Benhur Tommy Mano was named: him
            described = owner, None
        if described is None:
            book.forget(end)
            return None
        speaker, role = described
        organisation, carried = False, True
        if alias is not None:
            book.alias(alias.group(1), speaker)  # "perempuan yang akrab disapa Angie itu"
        book.last = (speaker, role, organisation)
    else:
        mention = _initials_of_person(_nickname_given(text, mention, book), book)
        speaker, role = book.resolve(mention)
        organisation, carried = mention.organisation, False
        if mention.aside:
            return Statement(start, end, speaker, role, kind, quote[0], quote[1],
                             mention.start, mention.end, carried, organisation)
        book.last = (speaker, role, organisation)
    book.last_end = end
    if not book.last[2]:
        book.last_person = book.last
    if kind == _SPEAKS:
        return None
    return Statement(start, end, speaker, role, kind, quote[0], quote[1], mention.start,
                     mention.end, carried, organisation)


def _initials_of_person(mention: Mention, book: SpeakerBook) -> Mention:
    """Capitals read as a body's acronym that are the initials of a person the article
    named ("Wakil Presiden Jusuf Kalla …, menurut JK", "Bunga Citra Lestari … tutur BCL"):
    that person, not an organisation; the acronyms of known bodies ("KPK") stay bodies."""
    if (not mention.organisation or fold(mention.name) in ORG_WORDS
            or book.initials_of(mention.name) is None):
        return mention
    return replace(mention, organisation=False)


_NAME_WORD = re.compile(r"[A-Z][\w'’-]{2,}")


def _names_in(text: str, quote: tuple[int, int], name: str, book: SpeakerBook) -> bool:
    """Whether the words "ia" reports name the person it would carry to, by their surname
    (or the given name of a two-word name) standing for them alone ("ia mengklaim memberi
    trik kepada Carlos"): one does not report oneself by name, so "ia" is someone else
    there. A longer name's first word may be a club or a body glued to it ("Liverpool
    Mohamed Salah")."""
    parts = name.split(" ")
    candidates = parts if len(parts) == 2 else parts[-1:] if len(parts) > 2 else []
    words = {word for word in candidates
             if _NAME_WORD.fullmatch(word) and book.person_named(word) == name}
    return any(word in words for word in _NAME_WORD.findall(text, *quote))


# "ujar Tiko, sapaan akrabnya" / "kata Djanur, sapaan akrab Djadjang": the name is what the
# person was called; "-nya" means the one the article is speaking of.
_NICKNAME_AFTER = re.compile(rf",[^\S\n]*{NICKNAME_PHRASE}(?:(nya)\b|[^\S\n]+"
                             r"([A-Z][\w'’-]*(?:[ ][A-Z][\w'’-]*){0,3}))")


def _nickname_given(text: str, mention: Mention, book: SpeakerBook) -> Mention:
    """A new name followed by "sapaan akrab(nya)": for "-nya", an alias of the latest
    speaker (a person, nobody new named since); else the full name given, known by it."""
    if mention.role_only or mention.organisation or not mention.name:
        return mention
    given = _NICKNAME_AFTER.match(text, mention.end)
    if given is None:
        return mention
    if given.group(1):
        if (latest := book.latest_speaker_alone(mention.start)) is not None:
            book.alias(mention.name, latest)
        elif (cut := book.person_abbreviated(mention.name)) is not None:
            book.alias_person(mention.name, cut)  # "Mou" of Jose Mourinho, shown with it
        return mention
    full = parse_after_verb(text, given.start(2), given.end(2))  # "KH Salahudhin Wahid"
    if full is None or not full.name or full.pronoun or full.organisation or full.unknown:
        return mention
    if full.role is not None and is_given_name_role(full.role):  # "Raja Sapta Ervian"
        full = replace(full, name=f"{full.role} {full.name}", role=None)
    return replace(full, role=full.role or mention.role, nickname=mention.name)


def _paragraphs(text: str, spans: list[tuple[int, int]]) -> list[_Paragraph]:
    """Group sentence spans by line (sentence spans never cross a line break)."""
    paragraphs: list[_Paragraph] = []
    prev_end = -1
    for start, end in spans:
        if not paragraphs or "\n" in text[prev_end:start]:
            paragraphs.append(_Paragraph())
        paragraphs[-1].append(_Sentence(start, end))
        prev_end = end
    return paragraphs


# A line of at most this many words without a final stop is a related article's headline.
_HEADLINE_WORDS = 14
_FINAL_STOP = tuple(".!?…:;\"”’)")


def _headline(text: str, paragraph: _Paragraph) -> bool:
    """A related article's headline inside the body ("Alasan Fanny Ghassani Mau Dinikahi Pria
    yang Baru 1 Tahun Kenal"): one short line without a final stop or a quote. It states
    nothing and names no antecedent for the next "katanya"."""
    line = text[paragraph[0].start:paragraph[-1].end].rstrip()
    if (len(paragraph) != 1 or len(line.split()) > _HEADLINE_WORDS
            or _ANY_QUOTE.search(line) is not None):
        return False
    return not line.endswith(_FINAL_STOP) or (line.endswith("?") and _title_case(line))


def _title_case(line: str) -> bool:
    """"Sindiran Wenger untuk Siapa?": every word but the function words capitalised, a
    subheading asking its question, not a sentence."""
    words = [word for word in re.findall(r"[\w'’-]+", line) if fold(word) not in FUNCTION_WORDS]
    return len(words) >= 2 and all(word[:1].isupper() or word[:1].isdigit() for word in words)


def _introduce_names(scan: _Scan, paragraph: _Paragraph, book: SpeakerBook) -> None:
    """Register multi-word capitalised names so a later surname (or alias) maps to them."""
    quoted = paragraph.quotes(scan.text)[0]
    for sentence in paragraph:
        _introduce_in(scan, sentence, book, quoted)
        _introduce_single_names(scan, sentence, book)
        if not _inside(quoted, sentence.start):
            _note_people(scan, sentence, book)
        alias = alias_in(scan.text, sentence.start, sentence.end)
        if alias is not None:
            _introduce_alias(scan, alias, book, quoted)
        _introduce_short_names(scan.text, sentence, book)


def _introduce_short_names(text: str, sentence: _Sentence, book: SpeakerBook) -> None:
    """Initials the article gives a name ("Rahmad Darmawan (RD)") and a short name it
    describes ("RD, sapaan akrab mantan pelatih … itu"): aliases of that person."""
    for initials, name in bracketed_initials(text, sentence.start, sentence.end):
        book.alias_person(initials, name)
    for short, at in epithet_nickname(text, sentence.start, sentence.end):
        if not book.knows(short) and (person := book.person_spoken_of(at)) is not None:
            book.alias_person(short, person)


# "Dia juga diajukan … oleh Firza Husein": a pronoun subject, not the agent, is the person.
_PRONOUN_OPENS = re.compile(r"(?:Ia|Dia|Beliau|Mereka|Keduanya|Ketiganya)\b")
# A run of capitalised words, and what makes it a sentence's subject: a verb or copula after
# it, past a comma and adverbs ("Ellen Woodsworth adalah …", "Nainggolan juga tidak memberi").
_CAPITAL_RUN = re.compile(r"[A-Z][\w.'’]*(?:(?:[ ]-[ ][a-z]+)|(?:[ ][A-Z][\w.'’]*))*")
_SUBJECT_VERB = re.compile(
    r",?[ ]+(?:(?:juga|pun|kemudian|lalu|telah|sudah|akan|sempat|pernah|tidak|tak|bahkan"
    r"|justru|masih|hanya|lantas|langsung|sendiri|mengaku|akhirnya|kembali|tetap)[ ]+)*"
    r"(?:adalah|merupakan"
    r"|(?!menteri\b|mereka\b|meski\b|memang\b|menurut\b|mantan\b)(?:me|ber)[a-z]{3,})\b")


# "Emran dan Alessya": a name joined to the one before it.
_JOINED_NAME = re.compile(r"\b([A-Z][\w'’-]*)[ ]+(?:dan|serta|and|&)[ ]+$")


# Deeds that hand over to the quote that follows ("Maia pun membalas komentar tersebut.
# “…,” ungkapnya."): the "-nya" means their subject, not the latest speaker.
_ANSWERING = frozenset(["membalas", "menjawab", "menanggapi", "merespons", "berkomentar",
                        "menimpali", "berkicau", "mencuit", "menulis"])


# Sentence-opening function words that are no subject ("Sebelum", "Setelah"); pronouns
# ("Dia menuduh Iriawan …") are.
_OPENERS = FUNCTION_WORDS - PRONOUNS - frozenset(["kami", "saya", "kita", "mereka", "anda",
                                                   "pihaknya", "we", "they", "it", "the", "a"])


# "konser bertajuk …", "buku berjudul …": the capitalised run that follows is a title.
_TITLE_BEFORE = re.compile(r"\b(?:bertajuk|berjudul|bertema|bertitel)[ ]+$")


def _inside(quoted: list[tuple[int, int]], pos: int) -> bool:
    """Whether `pos` lies within one of the (open, close) quote spans, or opens one."""
    i = bisect.bisect_right(quoted, (pos, float("inf")))
    return i > 0 and quoted[i - 1][0] <= pos <= quoted[i - 1][1]


def _note_people(scan: _Scan, sentence: _Sentence, book: SpeakerBook) -> None:
    """Where a sentence outside quotes names known people, and which one is its subject,
    for a later "kata dia" or "kata gelandang … itu"."""
    text = scan.text
    subject = True
    agent: tuple[int, str] | None = None
    for run in _CAPITAL_RUN.finditer(text, sentence.start, sentence.end):
        start, end = run.span()
        if _TITLE_BEFORE.search(text, max(0, start - 12), start):
            continue
        if " " in run.group():
            mention = scan.run_name(sentence, run)
            name = mention.name if mention is not None and not mention.organisation else ""
            if name:
                book.note_mentioned(mention.start, name)  # "salah satunya Tyrese Gibson"
        else:
            name = run.group()
            if fold(name) in _OPENERS:
                continue  # "Sebelum meninggalkan Mako, Sys sempat berkomentar": not the subject
            book.note_named(start, name)
        joined = _JOINED_NAME.search(text, max(sentence.start, start - 40), start)
        if joined is not None and book.knows(joined.group(1)):
            subject = False  # "Emran dan Alessya memasang …": two people, neither alone
        if subject and name and (verb := _SUBJECT_VERB.match(text, end, sentence.end)):
            if _LED_BODY.search(text, max(sentence.start, start - 20), start):
                subject = False  # "Adapun pemerintahan Benjamin Netanyahu menyebut": the
                continue  # government he leads speaks, not he
            answering = verb.group().rsplit(None, 1)[-1] in _ANSWERING
            book.note_subject(start, name, answering=answering)
            subject = False
        if name and " " in name and text[max(0, start - 5):start] == "oleh " \
                and text[end:sentence.end].strip() in ("", ".") \
                and not _PRONOUN_OPENS.match(text, sentence.start, sentence.end):
            agent = (start, name)  # the sentence's last words, after a subject no pronoun
    if subject and agent is not None:
        # "Desakan mundur … disampaikan oleh Menteri Dalam Negeri Tjahjo Kumolo. Ia mengaku …":
        # with no subject of its own, a passive sentence's agent is whom the next "ia" means
        book.note_subject(*agent)


# A body led by the person named next ("pemerintahan Benjamin Netanyahu", "kubu Prabowo").
_LED_BODY = re.compile(r"\b(?:pemerintahan|rezim|kubu|kabinet|administrasi|kepemimpinan)[ ]+$")


_ALIAS_REACH = 50


def _introduce_alias(scan: _Scan, alias: re.Match[str], book: SpeakerBook,
                     quoted: list[tuple[int, int]]) -> None:
    """"Angelina Sondakh, yang akrab disapa Angie, …": the nearest name before the alias,
    outside quotes ("“… Lee Min - ho,” kata pria yang akrab disapa Emil itu" is the
    speaker's alias, which the description gives)."""
    window = max(0, alias.start() - _ALIAS_REACH)
    runs = [run for run in _NAME_RUN.finditer(scan.text, window, alias.start())
            if not _inside(quoted, run.start())]
    if runs:
        mention = name_in_run(scan.text, runs[-1].start(), runs[-1].end(), scan.places)
        if mention is not None and mention.name and not mention.organisation:
            book.alias(alias.group(1), mention.name)


# "Dia menilai Ketua DK OJK Muliaman D. Hadad …": a pronoun is the sentence's subject.
_PRONOUN_SUBJECT = re.compile(r"(?:Ia|Dia|Beliau)[ ]+(?:[a-z]+[ ]+){0,2}?(?:me|ber)[a-z]{3,}\b")


def _introduce_in(scan: _Scan, sentence: _Sentence, book: SpeakerBook,
                  quoted: list[tuple[int, int]]) -> None:
    """The names of one sentence; its first multi-word name is its likely subject (not in a
    sentence that opens a quote: "“Film Disney …,” ia mengawali …" is the speaker's, nor
    in one whose subject is a pronoun; a name inside the `quoted` spans is the speaker's
    words, no subject: "“… Opsi pertama masih Lee Min - ho,” kata pria …")."""
    first = (scan.text[sentence.start] not in _OPEN_QUOTES
             and not _PRONOUN_SUBJECT.match(scan.text, sentence.start, sentence.end))
    for match in _NAME_RUN.finditer(scan.text, sentence.start, sentence.end):
        if _TITLE_BEFORE.search(scan.text, max(0, match.start() - 12), match.start()):
            continue  # "konser bertajuk Andaikan Koes Plus Datang Kembali": a title
        mention = scan.run_name(sentence, match)
        parts = mention.name.split(" ") if mention is not None else []
        after_menurut = scan.text[max(0, match.start() - 8):match.start()].lower() == "menurut "
        if after_menurut and len(parts) == 2 and scan.two_people(*parts):
            continue  # "menurut Hariyadi Sukamdani selalu …": see _split_subject
        if mention is not None and not (mention.pronoun or mention.organisation
                                        or mention.unknown):
            if mention.role is None and scan.text[match.start() - 2:match.start()] == ", ":
                mention = _with_appositive_role(scan, sentence, match.end(), mention)
            elif mention.role is None and scan.text[match.start() - 4:match.start()] == "dan ":
                # "Menteri Kelautan dan Perikanan Susi Pudjiastuti": an office with "dan"
                mention = _with_appositive_role(scan, sentence, match.end(), mention)
            if first and mention.role is None:
                mention = _with_kin_role(scan.text, sentence, mention)
            if _RELATUM.match(scan.text, match.end()) and (
                    fold(mention.role or "") in _FORMER
                    or fold(mention.name.split(" ", 1)[0]) in _FORMER):
                continue  # "Eks Real Madrid itu pun membantah …": who played there, no name
            if (first and _RELATUM.match(scan.text, match.end())
                    and _after_lowercase_word(scan.text, match.start())
                    and not _NAMED_AS.search(scan.text, max(0, match.start() - 20),
                                             match.start())):
                first = False  # "adik kandung Kim Kardashian ini memamerkan …": not Kim
            if _PLACE_BEFORE.search(scan.text, max(0, match.start() - 10), match.start()):
                book.introduce(mention, subject=False)  # "… datang di Nathan Phillips Square"
                if first:  # nobody named before it: a later "ia" is nobody the text made clear
                    book.clear_recent(match.start())
                continue
            if first and _inside(quoted, match.start()):
                book.introduce(mention, subject=False)
                continue
            if (first and mention.start > match.start() and match.start() == sentence.start
                    and is_nominalisation(match.group().split(" ", 1)[0])):
                # "Peringatan Hari Kartini … disambut oleh artis Tina Toon": the noun is the
                # subject, not whom it is of; one name word after it is known, though
                # ("Kedatangan Nolito ke Sevilla …")
                book.introduce(mention, subject=False, alone=" " not in mention.name)
                first = False
                continue
            book.introduce(mention, subject=first)
            first = first and " " not in mention.name


# "adik kandung Kim Kardashian ini": the name ends a description of someone else.
_RELATUM = re.compile(r"[ ]+(?:ini|itu|tersebut)\b")
# A role that is only "former": "Eks Real Madrid itu" is a former player of the club.
_FORMER = frozenset(["eks", "mantan", "bekas"])
# "Pemilik nama lengkap Tamara Geraldine Tambunan itu": the description is of the name's owner.
_NAMED_AS = re.compile(r"\b(?:nama|lengkap|asli|bernama)[ ]+$")
# "di Nathan Phillips Square", "ke Gedung Putih": a place, never whom a later "ia" means.
_PLACE_BEFORE = re.compile(r"\b(?:di|ke|dari|dalam|menuju|at|in|to|from)[ ]+$")


# What may open a sentence before its first word: a dateline ("JUARA.net - ") or a quote mark.
_SENTENCE_LEAD = re.compile(r"(?:[^\n]{0,60}?[ ][-–—]{1,2}[ ]+)?[\"“]?")
_FIRST_WORD = re.compile(r"[\w'’.-]+[ ]+")


# Nouns for what someone said: "Pernyataan Gallas" is no name.
_PASSIVE_VERB = re.compile(r"di[a-z]{3,}kan")
_STATEMENT_HEADS = frozenset(["pernyataan", "komentar", "ucapan", "keterangan", "perkataan"])
# Passive verbs that open a sentence before a source or a person ("Dilansir NME, Rowling …").
_PASSIVE_OPENERS = frozenset(["dilansir", "dikutip", "ditemui", "dihubungi", "dilaporkan",
                              "diwawancarai", "dijumpai", "melansir", "mengutip"])


def _past_common_noun(scan: _Scan, sentence: _Sentence, run: re.Match[str]) -> int:
    """Where the name of a capitalised run starts: past a first word that is only
    capitalised because it opens the sentence, a word the article also writes in lower case
    ("Kontrak Radja Nainggolan di AS Roma berakhir", "Keputusan Lorde membatalkan …")."""
    start = run.start()
    if not _SENTENCE_LEAD.fullmatch(scan.text, sentence.start, start):
        return start
    first = _FIRST_WORD.match(scan.text, start, run.end())
    word = first.group().rstrip() if first is not None else ""
    if (word.lower() in _STATEMENT_HEADS or _PASSIVE_VERB.fullmatch(word.lower())
            or word.lower() in _PASSIVE_OPENERS):
        return first.end()  # "Pernyataan Gallas merujuk …", "Ditambahkan Anies, …": no name
    if (not word or is_role_word(word) or word.lower() not in scan.lowercase_words
            or word.lower() in NAME_PARTICLES):
        return start  # "Penyanyi Lady GaGa", "Menteri Luar Negeri Rusia Sergey Lavrov": roles;
        # "De Niro akhirnya menanggapi …" though the article writes "Robert de Niro" too
    return first.end()


def _with_appositive_role(scan: _Scan, sentence: _Sentence, end: int, mention: Mention) -> Mention:
    """"Dubes Korut untuk PBB, Ja Song Nam menemui …": the role before the comma (or the
    office the run broke off at "dan")."""
    found = parse_before_verb(scan.text, sentence.start, end, scan.places)
    if found is not None and found.name == mention.name and found.role \
            and not _ACTIVE_VERB.search(found.role):
        return found
    return mention


# A lower-case active verb is no word of an office: "Gubernur DKI Jakarta Ahok menyatakan akan
# menanti janji pasangan …, Anies Baswedan" is a sentence before Anies, not his role.
_ACTIVE_VERB = re.compile(rf"\b{ME_VERB}\b")


# ", Zakariya," / ", Zakariya menuntut": a one-word name set off after a comma.
_SINGLE_NAME = re.compile(r"(?<=, )[A-Z][a-z][\w'’]*(?=\s*,|\s+[a-z])")


def _introduce_single_names(scan: _Scan, sentence: _Sentence, book: SpeakerBook) -> None:
    """"ayah Jawawdeh, Zakariya menuntut …": a one-word name after a role appositive is
    that role's holder, so a later "kata Zakariya" gets the role. The role must start with
    its head ("menurut dokter, Budi …" gives Budi no role)."""
    text = scan.text
    for match in _SINGLE_NAME.finditer(text, sentence.start, sentence.end):
        comma = match.start() - 2
        segment = text[max(sentence.start, text.rfind(",", sentence.start, comma) + 1):comma]
        if fold(match.group()) in scan.places or not _plain_role(segment.strip()):
            continue  # "…, Padang, …": a place; "Perihal regulasi pelatih, Tigor": no role
        found = parse_before_verb(text, sentence.start, match.end(), scan.places)
        if found is not None and found.name == match.group() and found.role == segment.strip():
            book.introduce(found, subject=False, appositive=True)


_MAX_APPOSITIVE_ROLE = 8
_VERB_FORM = re.compile(r"(?:me|ber|di|ter)[a-z]{3,}$")


def _plain_role(segment: str) -> bool:
    """A whole comma segment that is one short role: it starts with a role head and has no
    verb ("ayah Jawawdeh", not "Presiden Joko Widodo menyampaikan …")."""
    words = segment.split()
    return (0 < len(words) <= _MAX_APPOSITIVE_ROLE and starts_with_role_head(segment)
            and not any(_VERB_FORM.match(w) and not is_role_word(w) for w in words))


# "… anaknya, Roger Federer, …": the subject's relative, named in an appositive.
_KIN_OF_SUBJECT = re.compile(r"\b(anak|putra|putri|istri|isteri|suami)nya,\s+"
                             r"([A-Z][\w'’]*(?:[ ][A-Z][\w'’]*){0,3})(?=\s*[,.]|\s+[a-z])")
# What the subject is to that relative ("anaknya" → the subject is a parent).
_INVERSE_KIN = {"anak": "orang tua", "putra": "orang tua", "putri": "orang tua",
                "istri": "suami", "isteri": "suami", "suami": "istri"}
_CAPITAL_WORD = re.compile(r"\b[A-Z]")


def _with_kin_role(text: str, sentence: _Sentence, mention: Mention) -> Mention:
    """"Robert Federer mengaku … menyaksikan anaknya, Roger Federer, …": the sentence's
    subject is Roger Federer's parent, so "Federer's father" can find him. Only when no
    other name comes between the subject and "anaknya" (whose "-nya" it could be)."""
    kin = _KIN_OF_SUBJECT.search(text, mention.end, sentence.end)
    if kin is None or _CAPITAL_WORD.search(text, mention.end, kin.start()):
        return mention
    role = f"{_INVERSE_KIN[kin.group(1).lower()]} {kin.group(2)}"
    return replace(mention, role=role)


_NAME_RUN = re.compile(r"[A-Z][\w.'’]*(?:(?:[ ]-[ ][a-z]+)|(?:[ ][A-Z][\w.'’]*))+")


class _Paragraph(list[_Sentence]):
    """The sentences of one line of the article, in order."""

    _ends: list[int] | None = None
    _quotes: tuple[list[tuple[int, int]], int | None] | None = None

    def quotes(self, text: str) -> tuple[list[tuple[int, int]], int | None]:
        """The paragraph's closed quotes and where a quote left open starts, found once."""
        if self._quotes is None:
            spans = _quote_spans(text, self[0].start, self[-1].end)
            closed = spans[-1][1] + 1 if spans else self[0].start
            left_open = _OPENING.search(text, closed, self[-1].end)
            self._quotes = spans, left_open.start() if left_open else None
        return self._quotes

    def sentence_at(self, pos: int) -> int:
        """Index of the sentence holding `pos` (or the last one), by bisection."""
        if self._ends is None:
            self._ends = [sentence.end for sentence in self]
        return min(bisect.bisect_right(self._ends, pos), len(self) - 1)


def _quote_spans(text: str, start: int, end: int, *,
                 unclosed: bool = False) -> list[tuple[int, int]]:
    """(open, close) offsets of the quote marks in text[start:end], paired left to right.
    `unclosed`: a last quote whose closing mark was left out ends where a closing verb
    follows a comma or question mark ("“Bagaimana …? ucap Zuck kepada …")."""
    spans: list[tuple[int, int]] = []
    pos = start
    while (match := _OPENING.search(text, pos, end)) is not None:
        closing = _CLOSING[match.group()].search(text, match.end(), end)
        if closing is None:
            verb = _UNCLOSED_END.search(text, match.end(), end) if unclosed else None
            if verb is not None:
                spans.append((match.start(), verb.end()))
            break
        spans.append((match.start(), closing.start()))
        pos = closing.end()
    return spans


_Found = tuple[int, int, tuple[int, int], Mention, str]
# An attribution between two parts of one quote: the second part goes on after ", “".
_QUOTE_RESUMES = re.compile(r"[^\S\n]*,[^\S\n]*[“\"]")
# Where a quote without its closing mark ends: the comma, "?" or "!" before a closing verb.
_UNCLOSED_END = re.compile(rf"[,?!](?=[ ]+(?:{_CLOSING_ID})(?:nya)?\b)")


def _direct(scan: _Scan, paragraph: _Paragraph) -> list[_Found]:
    """Quotes followed by an attribution: “…,” kata X / ujarnya / X said / said X."""
    text = scan.text
    found: list[_Found] = []
    p_start, p_end = paragraph[0].start, paragraph[-1].end
    going_on: Mention | None = None
    said_before, said_by = -1, None  # the latest attributed quote's last sentence, mention
    for open_, close in _quote_spans(text, p_start, p_end, unclosed=True):
        last = paragraph.sentence_at(close + 1)
        mention = _closing_attribution(scan, close + 1, paragraph[last].end) or going_on
        going_on = None
        if (mention is None and said_by is not None
                and _goes_on(text, paragraph, said_before, open_, close)):
            # "“Bakal sulit sekali,” ujar Wenger. “Saya pikir kami harus …”": still Wenger
            mention = Mention("", None, said_by.start, said_by.end, pronoun=True, continued=True)
        if mention is None:
            continue
        said_before, said_by = last, mention
        if not mention.pronoun and _QUOTE_RESUMES.match(text, mention.end, p_end):
            going_on = mention  # "“…,” kata bos tim Mercedes, Toto Wolff, “Bahkan …”"
        first = paragraph.sentence_at(open_)
        for sentence in paragraph[first:last + 1]:
            sentence.covered = True
        quote = _trim(text, open_ + 1, close)
        start = paragraph[first].start
        if text[start:open_].rstrip().endswith((".", "!", "?")):
            start = open_  # "… adalah Edho Okta H, Dwi Hartanti, dan Florida M. “Selain …”"
        found.append((start, paragraph[last].end, quote, mention, _DIRECT))
    return found


def _goes_on(text: str, paragraph: _Paragraph, said_before: int, open_: int, close: int) -> bool:
    """An unattributed quote that opens the sentence right after an attributed quote's and
    is all that is left of its sentences: the same speaker goes on."""
    if said_before < 0 or close >= len(text) or text[close] not in "”\"»":
        return False
    first = paragraph.sentence_at(open_)
    if first != said_before + 1 or paragraph[first].start != open_:
        return False
    last = paragraph.sentence_at(close + 1)
    return not text[close + 1:paragraph[last].end].strip(" .,!?") and close - open_ > _MIN_WORDS


def _closing_attribution(scan: _Scan, pos: int, end: int) -> Mention | None:
    """The speaker right after a closing quote, or None when the quote is unattributed."""
    text = scan.text
    limit = min(end, pos + _LOOKAROUND)
    if (quote := _ANY_QUOTE.search(text, pos, limit)) is not None:
        limit = quote.start()  # "kata Paolini.”Saya optimistis …": the next quote is no name
    if (noun := _DEMIKIAN_NOUN.match(text, pos, limit) or _CAPTION_BY.match(text, pos, limit)):
        return scan.after(noun.end(), limit)  # "“…,” demikian pernyataan Angkatan Laut AS"
    if (words := _STATEMENT_WORDS.match(text, pos, limit)) is not None:
        return Mention("", None, words.end() - len(words.group().lstrip(" ,")), words.end(),
                       pronoun=True, statement_words=True)
    if (handle := _BY_HANDLE.match(text, pos, limit)) is not None:
        # a commenter in passing: the next "tulisnya" is not theirs
        return Mention(handle.group(1), None, handle.start(1), handle.end(1), aside=True)
    if (bare := _DEMIKIAN_NAMED.match(text, pos, limit)) is not None:
        named = scan.after(bare.end(), limit)  # "“…,” demikian Kaka kepada FourFourTwo."
        if named is not None and named.name and not (named.pronoun or named.head):
            return named
    match = _AFTER_QUOTE_ID.match(text, pos, limit) or _AFTER_QUOTE_SAID.match(text, pos, limit)
    if match is not None:
        if match.re is _AFTER_QUOTE_ID and match.group(2):
            return Mention("", None, match.start(1), match.end(2), pronoun=True)
        return scan.after(match.end(), limit) or _unread(text, match, limit)
    match = _AFTER_QUOTE_X_SAID.match(text, pos, limit)
    if match is None and text[pos - 2:pos - 1] in (",", "?", "!"):
        match = _AFTER_QUOTE_X_VERB.match(text, pos, limit)
    if match is not None:
        return scan.before(match.start(1), match.end(1))
    return None


# "ujar media officer Persib Irfan Suryadireja": lower-case words, then a full name.
_UNREAD_NAMED = re.compile(r"(?:[a-z]+[ ]){1,4}(?:[A-Z][\w'’]*[ ]){0,3}[A-Z][\w'’]+[ ][A-Z][\w'’]+")
_DESCRIBED = re.compile(r"[^,.;:\n]*\b(?:itu|tersebut|ini)\b")


def _unread(text: str, verb: re.Match[str], limit: int) -> Mention | None:
    """A role and a full name after a closing verb that no rule reads ("“…,” ujar media
    officer Persib Irfan …"): someone new, unknown, so the next "kata dia" is not the
    latest speaker's. A description ("eks pilar Real Madrid tersebut") is not."""
    named = _UNREAD_NAMED.match(text, verb.end(), limit)
    if named is None or _DESCRIBED.match(text, verb.end(), limit):
        return None
    return Mention("", None, verb.start(1), verb.end(1), unknown=True, anonymous=True)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace()):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    return start, end


def _reported(scan: _Scan, paragraph: _Paragraph) -> list[_Found]:
    """One reported statement per sentence not already holding direct speech."""
    found: list[_Found] = []
    for i, sentence in enumerate(paragraph):
        if sentence.covered:
            continue
        hit = (_outside_quotes(scan.text, paragraph, _according(scan, sentence))
               or _reporting_verb(scan, paragraph, i)
               or _trailing(scan, sentence) or _according(scan, sentence, _AS_SAID_BY)
               or _passive(scan, sentence) or _misspelt_verb(scan, sentence)
               or _demikian_after(scan, sentence)
               or _said_by_first(scan, sentence) or _unread_speaker(scan, paragraph, i))
        if hit is not None:
            found.append(hit)
            if (conceded := _conceded(scan, sentence)) is not None:
                found.append(conceded)
    return found


def _outside_quotes(text: str, paragraph: _Paragraph, hit: _Found | None) -> _Found | None:
    """`hit` unless its speaker is named inside a quotation: "“… Menurut dr Joni, Asep cedera
    berat,” kata keluarga korban" is the family's account, not dr Joni's statement."""
    if hit is None or not _in_open_quote(text, paragraph, hit[3].start):
        return hit
    return None


def _conceded(scan: _Scan, sentence: _Sentence) -> _Found | None:
    """"Meski PPP mengatakan akan …, Partai Nasdem mengklaim …": the concessive clause's
    own speaker and words, up to its comma, beside the main clause's statement."""
    text = scan.text
    concession = _CONCESSION.match(text, sentence.start, sentence.end)
    comma = text.find(",", sentence.start, sentence.end)
    if concession is None or comma < 0:
        return None
    match = _REPORTING.search(text, concession.end(), comma)
    if match is None or not match.group(1):
        return None
    mention = scan.before(concession.end(), match.start())
    if mention is None or mention.pronoun or mention.unknown or mention.head:
        return None
    lead = _CONTENT_LEAD.match(text, match.end(), comma)
    quote = _trim(text, lead.end() if lead else match.end(), comma)
    if quote[1] - quote[0] < _MIN_WORDS:
        return None
    return sentence.start, sentence.end, quote, replace(mention, aside=True), _REPORTED


# "Sumanto mengetakan, …", "Miley mengtakan, …": a long reporting verb misspelt by one
# letter, before a comma or "bahwa"; words one letter off that are other words are not.
_MISSPELLABLE = ("mengatakan", "menyatakan", "menjelaskan", "menambahkan", "mengungkapkan",
                 "menuturkan", "menyampaikan", "menegaskan", "menerangkan", "membeberkan")
_NOT_MISSPELT = frozenset(["menegangkan", "menenangkan", "menugaskan", "menyatukan",
                           "menandakan", "mematikan", "mengatakannya", "menjelajahkan"])
_LONG_VERB = re.compile(r"\b(me[a-z]{7,12})(?=[^\S\n]*,|[^\S\n]+bahwa\b)")


def _misspelt_verb(scan: _Scan, sentence: _Sentence) -> _Found | None:
    """"Sumanto mengetakan, pihaknya menyita …": reported speech after a misspelt verb."""
    text = scan.text
    match = _LONG_VERB.search(text, sentence.start, min(sentence.end, sentence.start + 300))
    word = match.group(1) if match else ""
    if not word or word in _NOT_MISSPELT or _SAYING.fullmatch(word) or not any(
            abs(len(verb) - len(word)) <= 1 and one_edit_apart(verb, word)
            for verb in _MISSPELLABLE):
        return None
    mention = scan.before(max(sentence.start, match.start() - _LOOKAROUND), match.start())
    if mention is None or mention.unknown or mention.pronoun:
        return None
    lead = _CONTENT_LEAD.match(text, match.end(), sentence.end)
    quote = _trim(text, lead.end() if lead else match.end(), sentence.end)
    if quote[1] - quote[0] < _MIN_WORDS or text[quote[0]] in _OPEN_QUOTES:
        return None
    return sentence.start, sentence.end, quote, mention, _REPORTED


# "Hal itu disampaikan Direktur Utama Persija, Gede Widiade.": opening a sentence, the
# passive says whose the sentence (or quote paragraph) right before it was. ("Hal senada
# …", "Demikian juga …": someone else saying the same is not.)
_THAT_WAS_SAID = re.compile(
    r"(?:(?:Hal|Pernyataan|Penegasan|Keterangan|Informasi|Penjelasan)[ ]+(?:itu|tersebut|ini)"
    r"[ ]+(?:(?:juga|pun|pula|sudah|telah|langsung|secara[ ]+[a-z]+)[ ]+){0,2}"
    r"|(?:Demikian|Begitu)[ ]+)di(?:sampaikan|ungkap(?:kan)?|katakan|tegaskan|jelaskan|utarakan"
    r"|kemukakan|ucapkan|tuturkan|paparkan)[ ]+(?:(?:langsung|secara[ ]+[a-z]+)[ ]+)?(?:oleh[ ]+)?(?=[A-Za-z])")
# The sentence or quote paragraph before: its start, end, the words said, direct or reported.
_Open = tuple[int, int, tuple[int, int], str]
_MIN_OPEN_WORDS = 5


def _said_before(scan: _Scan, paragraph: _Paragraph, found: list[_Found],
                 open_before: _Open | None) -> list[_Found]:
    """"Tim berjulukan Periquitos itu dijadwalkan melakoni uji coba …. Hal ini disampaikan
    Direktur Utama Persija, Gede Widiade.": the sentence before, which has no speaker of its
    own, is what the named person said: the paragraph's first sentence right before it, or
    `open_before`, the previous paragraph when it is one sentence or one quotation."""
    text = scan.text
    added: list[_Found] = []
    for i, sentence in enumerate(paragraph):
        match = _THAT_WAS_SAID.match(text, sentence.start, sentence.end)
        if match is None:
            continue
        before = open_before if i == 0 else _unsaid(text, paragraph[0], found) if i == 1 else None
        if before is None:
            continue
        mention = scan.after(match.end(), min(sentence.end, match.end() + _LOOKAROUND))
        if mention is None or not _named_person(scan, match.end(), mention):
            continue
        start, _, quote, kind = before  # shown with the sentence that names the speaker
        added.append((start, sentence.end, quote, mention, kind))
    return added


# Words that say the phrase before a name goes on past the speaker's office, into when or
# where they spoke ("Presiden Jokowi dalam KTT … di Vientiane, Laos"): no name follows.
_CLAUSE_WORD = re.compile(r"\b(?:di|ke|dalam|ketika|kala|saat|usai|seusai|setelah|sebelum|pada"
                          r"|yang|atas|tentang|dengan|kepada|untuk|sambil|menanggapi|melalui)\b")
# A capitalised word after the name's comma, no degree ("S.T."): the office may go on to the
# real name ("Kasat Reskrim Polresta Depok, Kompol Teguh Nugroho").
_MORE_NAMED = re.compile(r",[ ]+[A-Z](?![A-Za-z]{0,2}\.)")


def _named_person(scan: _Scan, at: int, mention: Mention) -> bool:
    """Whether the mention read after a passive verb at `at` is surely a person's name:
    not a pronoun, a description, a body or someone unnamed; its office runs straight up to
    it and no capitalised phrase follows; no word of it is a body's; one word alone is the
    short form of a fuller name the article gave, or comes after an office ("Kapuspen TNI
    Wuryanto")."""
    if (not mention.name or mention.pronoun or mention.head or mention.organisation
            or mention.unknown or mention.role_only or mention.aside):
        return False
    if _CLAUSE_WORD.search(scan.text, at, mention.start) or (
            mention.role is not None and _CLAUSE_WORD.search(mention.role)):
        return False
    words = mention.name.split(" (")[0].split()
    if any(fold(word) in ORG_WORDS for word in words) or _MORE_NAMED.match(scan.text, mention.end):
        return False
    return len(words) > 1 or mention.role is not None or scan.book.knows(words[0])


def _unsaid_end(text: str, paragraph: _Paragraph, found: list[_Found]) -> _Open | None:
    """The paragraph, when it is one sentence or one quotation that no statement holds.
    Of several sentences, which one "hal itu" means is unsure: the last is often background
    ("Dia sedianya diperiksa sebagai saksi …" after the news that Dwina stayed away)."""
    if not found and (quote := _whole_quote(text, paragraph)) is not None:
        return paragraph[0].start, paragraph[-1].end, quote, _DIRECT
    return _unsaid(text, paragraph[0], found) if len(paragraph) == 1 else None


def _unsaid(text: str, sentence: _Sentence, found: list[_Found]) -> _Open | None:
    """A sentence no statement holds, ending in a full stop, of some words: reported speech
    if it has no quote marks, direct if it is all one quote, else nothing."""
    if sentence.covered or any(f[0] < sentence.end and f[1] > sentence.start for f in found):
        return None
    start, end = _trim(text, sentence.start, sentence.end)
    words = text[start:end]
    if len(words.split()) < _MIN_OPEN_WORDS or not words.rstrip("”\"’)").endswith((".", "!")):
        return None
    marks = _ANY_QUOTE.findall(words)
    if not marks:
        return start, end, (start, end), _REPORTED
    if (len(marks) == 2 and words[0] in _OPEN_QUOTES and words[-1] in "”\""):
        return start, end, _trim(text, start + 1, end - 1), _DIRECT
    return None


_PASSIVE = re.compile(r"\b(?:Hal|hal|Pernyataan|pernyataan|Penegasan|penegasan)\b[^,.;\n]{0,30}?"
                      r"\bdi(?:ucapkan|katakan|sampaikan|ungkapkan|tegaskan|jelaskan|utarakan"
                      r"|kemukakan|luruskan|benarkan|bantah|tanggapi|amini|iyakan)\s+(?:oleh\s+)?"
                      r"|\bdi(?:benarkan|konfirmasi)\s+oleh\s+")  # "Pemblokiran itu dibenarkan oleh X"


# "Dikatakan Tito, tujuan …", "Disampaikan Gunawan, pengambilan gambar …": a passive verb
# opening the sentence, the speaker, a comma, then what they said ("Menurut X, …").
_SAID_BY_FIRST = re.compile(r"(?:Dikatakan|Disampaikan|Diungkapkan|Dijelaskan|Ditegaskan"
                            r"|Dituturkan|Ditambahkan|Dipaparkan)()(?:[^\S\n]+oleh)?[^\S\n]+(?=[A-Z])")


def _said_by_first(scan: _Scan, sentence: _Sentence) -> _Found | None:
    """"Dikatakan Tito, tujuan …": only at the very start of a sentence."""
    if _SAID_BY_FIRST.match(scan.text, sentence.start, sentence.end) is None:
        return None
    found = _according(scan, sentence, _SAID_BY_FIRST)
    if found is None or scan.text[found[3].end:found[3].end + 2].lstrip()[:1] != ",":
        return None  # the speaker phrase must run up to the comma ("Co - Founder & CEO …")
    return found


def _passive(scan: _Scan, sentence: _Sentence) -> _Found | None:
    """"Hal serupa diucapkan Retno.": no statement, but Retno is now the one speaking, so
    "Diplomat Tertinggi RI itu menyebutkan …" next means her."""
    match = _PASSIVE.search(scan.text, sentence.start, sentence.end)
    if match is None:
        return None
    mention = scan.after(match.end(), min(sentence.end, match.end() + _LOOKAROUND))
    if mention is None or mention.pronoun or mention.head or mention.organisation or mention.unknown:
        return None
    return sentence.start, sentence.end, (match.end(), match.end()), mention, _SPEAKS


def _according(scan: _Scan, sentence: _Sentence,
               pattern: re.Pattern[str] = _ACCORDING) -> _Found | None:
    """"Menurut X, …" / "…, menurut X." / "According to X, …" (or `pattern`'s passive form,
    "…, seperti diungkapkan X.")."""
    text = scan.text
    match = pattern.search(text, sentence.start, sentence.end)
    if match is None:
        return None
    if match.group(1):
        mention = Mention("", None, match.start(), match.end(1), pronoun=True)
    else:
        mention = scan.after(match.end(), min(sentence.end, match.end() + _LOOKAROUND))
    if mention is None:
        return None
    mention = _split_subject(scan, mention)
    comma = text.find(",", mention.end, sentence.end)
    lead_in = text[sentence.start:match.start()]
    if not lead_in.strip() and _unclosed_role_after(text, mention, sentence.end):
        mention = replace(mention, role=None)  # "Menurut Gomes, pemain lain sudah siap …"
    if comma >= 0 and len(lead_in) <= 30 and (not lead_in.strip() or lead_in.rstrip()[-1:] == ","):
        quote = _trim(text, comma + 1, sentence.end)  # "Menurut X, …"
    elif (lead_in.strip() and lead_in.rstrip()[-1:] != ","
          and _CLAUSE_GOES_ON.match(text, mention.end, sentence.end)):
        quote = (sentence.start, sentence.end)  # "Smart city menurut Sandi jadi program …"
    elif _ends_sentence(text, mention.end, sentence.end):
        quote = _trim(text, sentence.start, match.start())  # "…, menurut X."
    else:
        quote = (sentence.start, sentence.end)  # "…, menurut X, …"
    if quote[1] - quote[0] < _MIN_WORDS:
        # too short to keep, but X is who speaks now ("Gempa juga dirasakan …, seperti yang
        # dikatakan warga Citamiang Opi Novianti. … “…,” katanya")
        return sentence.start, sentence.end, (match.start(), match.end()), mention, _SPEAKS
    return sentence.start, sentence.end, quote, mention, _REPORTED


def _unclosed_role_after(text: str, mention: Mention, end: int) -> bool:
    """"Menurut Gomes, pemain lain sudah siap …": what follows the name's comma, with no
    comma closing it, is what was said, not an appositive role ("Menurut Gomes, pelatih
    Madura United, …" closes it)."""
    role = mention.role
    if not role or mention.pronoun:
        return False
    after = re.match(r"\s*,\s*", text[mention.end:end])
    if after is None:
        return False
    at = text.find(role, mention.end + after.end(), mention.end + after.end() + _ROLE_LEAD + len(role))
    if at < 0 or "," in text[mention.end + after.end():at]:
        return False  # "tak semua kepala daerah harus …": the role's words, a word or two on
    return text[at + len(role):end].lstrip()[:1] != ","


_ROLE_LEAD = 12


def _split_subject(scan: _Scan, mention: Mention) -> Mention:
    """"menurut Hariyadi Sukamdani selalu …" without a comma: the last word may start the clause."""
    text = scan.text
    name = mention.name
    head, _, last = name.rpartition(" ")
    follows = text[mention.end:mention.end + 2]
    if mention.pronoun or not head or " " in head or not follows[:1].isspace():
        return mention
    if not follows[1:2].islower() or not scan.two_people(head, last):
        return mention
    return Mention(head, mention.role, mention.start, mention.start + len(head))


def _reporting_verb(scan: _Scan, paragraph: _Paragraph, index: int) -> _Found | None:
    """"X mengatakan (bahwa) …" / "X said (that) …"; a quote after the verb is direct."""
    text = scan.text
    sentence = paragraph[index]
    concession = _CONCESSION.match(text, sentence.start, sentence.end)
    for match in _REPORTING.finditer(text, sentence.start, sentence.end):
        if concession and match.start() < text.find(",", sentence.start, sentence.end):
            continue  # "Meski PPP mengatakan …, Nasdem mengklaim …": the main clause's
        verb_end = match.end()
        before_quote = (_VIA_ACCOUNT.match(text, verb_end, sentence.end)
                        or _OBJECT_BEFORE_QUOTE.match(text, verb_end, sentence.end))
        verb_end = before_quote.end() if before_quote else verb_end
        if match.group(3) and not _QUOTE_FOLLOWS.match(text, verb_end, sentence.end):
            continue  # "Ponniah melanjutkan, “…”" reports; "melanjutkan studi" does not
        if match.group(2) and _WEAK_OBJECT.match(text, verb_end, sentence.end):
            continue  # "Anies meminta maaf kepada warga": an object, not a clause
        if match.group(2) == "mengakui" and _RECOGNISED.match(text, verb_end, sentence.end):
            continue  # "Trump mengakui Yerusalem sebagai ibu kota Israel": a recognition
        marked = (not match.group(2) or before_quote
                  or _WEAK_FOLLOW.match(text, match.end(), sentence.end)
                  or match.group(2) in _INTRO_VERBS and _QUOTE_FOLLOWS.match(text, verb_end,
                                                                             sentence.end))
        if not marked and match.group(2) in _MARKED_ONLY:
            continue  # "memperkirakan nilai kekayaan …": an estimate, not a statement
        window = max(sentence.start, match.start() - _LOOKAROUND)
        subject_end = _subject_end(text, window, match)
        mention = (scan.before(window, subject_end) if marked
                   else _titled(scan, window, match, sentence.end))
        if mention is None and _JOINED.search(text, window, match.start()):
            mention = _joined_subject(scan, sentence)
        if mention is None and marked and _ANONYMOUS.match(text, sentence.start, match.start()):
            # "Seorang musisi misalnya, menulis “…”", "Penyanyi lain mengatakan …": someone
            # unnamed speaks, so the next "ujarnya" is nobody the article named
            return (sentence.start, sentence.end, (match.start(), match.end()),
                    Mention("", None, sentence.start, match.start(), unknown=True,
                            anonymous=True), _SPEAKS)
        if mention is None or (_inside(paragraph.quotes(text)[0], mention.start) or mention.pronoun
                               and _in_open_quote(text, paragraph, mention.start)):
            continue  # "“… Dan dia mengatakan, ‘Iya’ …”", "“Ketika Lorde mengklaim …,” tulis
            # iklan itu": someone the speaker quotes, not the quote's speaker
        lead = _CONTENT_LEAD.match(text, verb_end, sentence.end)
        body = lead.end() if lead else verb_end
        if body < sentence.end and text[body] in _OPEN_QUOTES:
            return _opened_quote(scan, paragraph, index, body, mention)
        quote = _trim(text, body, sentence.end)
        if quote[1] - quote[0] < _MIN_WORDS:
            continue
        return sentence.start, sentence.end, quote, mention, _REPORTED
    return None


def _unread_speaker(scan: _Scan, paragraph: _Paragraph, index: int) -> _Found | None:
    """"Sulaeman salah seorang warga di utara … mengatakan …", read by no rule: a strong
    reporting verb, outside any quotation, whose clause names someone (a capitalised word
    that is no place, body, day or function word) but not the latest speaker, and points
    back to nobody (no pronoun, no "… itu" description). Someone else speaks, so the next
    "katanya" is not the latest speaker's."""
    text = scan.text
    sentence = paragraph[index]
    match = _REPORTING.search(text, sentence.start, sentence.end)
    if match is None or not match.group(1) or _inside(paragraph.quotes(text)[0], match.start()) \
            or _in_open_quote(text, paragraph, match.start()):
        return None
    clause = max(sentence.start, *(text.rfind(mark, sentence.start, match.start()) + 1
                                   for mark in ",;:"))
    words = _WHOLE_WORD.findall(text, clause, match.start())
    folded = [fold(word) for word in words]
    if not words or any(word in _POINTING for word in folded[-3:]) \
            or any(word in _PERSONAL for word in folded):
        return None
    names = [word for k, word in enumerate(words)
             if word[0].isupper() and not (k == 0 and clause == sentence.start)
             and folded[k] not in FUNCTION_WORDS and folded[k] not in ORG_WORDS
             and folded[k] not in scan.places and folded[k] not in _NEVER_SPEAKING
             and (k == 0 or folded[k - 1] not in _PLACE_LEADS)]
    book = scan.book
    if not names or any(book.names_last_speaker(word) for word in names) \
            or book.last is None and any(book.knows_spelling(word) for word in names):
        return None  # "Lebih lanjut Haryadi mengungkapkan": the latest speaker again
    return (sentence.start, sentence.end, (match.start(), match.end()),
            Mention("", None, sentence.start, match.start(), unknown=True, anonymous=True),
            _SPEAKS)


def _new_subjects(scan: _Scan, paragraph: _Paragraph, found: list[_Found]) -> list[_Found]:
    """The paragraph's sentences that open with the full name of someone who is not the
    latest speaker and hold no statement: "Insinyur Siti Rahma tidak setuju. “…,”
    katanya", "Engineer Carla Jones disagreed. "…," she said". Someone new is in play, so
    a later "katanya" or "she said" is not the latest speaker's (`SpeakerBook.new_subject`).
    As `_Found`s, to be read in text order with the paragraph's statements."""
    text = scan.text
    quoted = paragraph.quotes(text)[0]
    stated = [(f[0], f[1]) for f in found]
    out: list[_Found] = []
    for sentence in paragraph:
        if sentence.covered or _inside(quoted, sentence.start) \
                or any(start < sentence.end and sentence.start < end for start, end in stated):
            continue
        run = _CAPITAL_RUN.match(text, sentence.start, sentence.end)
        if run is None or " " not in run.group():
            continue
        mention = scan.run_name(sentence, run)
        if mention is None or mention.organisation or " " not in mention.name.strip() \
                or fold(mention.name.split()[0]) in FUNCTION_WORDS \
                or mention.start != run.start() and not mention.role:
            continue  # "Mengutip Ace Showbiz, …": the run opens with a verb, not a role
        after = text[run.end():sentence.end].lstrip()
        if after[:1].islower() or after.startswith(","):  # a clause: not a title or heading
            out.append((sentence.start, sentence.end, (sentence.start, run.end()),
                        mention, _NEW_SUBJECT))
    return out


# What points back to someone named before: "… itu mengaku", "ia pun menegaskan".
_POINTING = frozenset(["itu", "ini", "tersebut"])
_PERSONAL = PRONOUNS | frozenset(["mereka", "kami", "saya", "aku", "they", "we"])
_PLACE_LEADS = frozenset(["di", "ke", "dari", "kepada", "pada", "in", "at", "to", "from"])
_NEVER_SPEAKING = frozenset(["tuhan", "allah", "god"])  # "takdir Tuhan berkata lain"


# A sentence whose subject is someone unnamed: "Seorang musisi", "Salah satu rekan",
# "Penyanyi lain", "Netizen lainnya", "Para narasumber".
_ANONYMOUS = re.compile(r"(?:(?:[Ss]eorang|[Ss]alah[ ]satu|[Ss]alah[ ]seorang|[Ss]ebagian|[Pp]ara"
                        r"|[Ss]ejumlah|[Bb]eberapa)[ ]"
                        r"[a-z][^,.;:“”\"\n]{0,40}|[A-Z][a-z]+(?:[ ][a-z]+){0,2}[ ]lain(?:nya)?)"
                        r"(?:,?[ ](?:misalnya|juga|pun|bahkan))?,?[ ]*$")
# "Ia tak menampik bahwa …": a denial denied, the subject before the negation.
_NEGATED = re.compile(r"(?:tak|tidak)[^\S\n]+$")


def _subject_end(text: str, window: int, match: re.Match[str]) -> int:
    """Where the subject of a reporting verb ends: before "tak" for "tak menampik"."""
    if match.group(2) != "menampik":
        return match.start()
    negated = _NEGATED.search(text, window, match.start())
    return negated.start() if negated else match.start()


# A concessive clause opening the sentence; its speaker is not the main clause's.
_CONCESSION = re.compile(r"(?:Meski|Meskipun|Walaupun|Walau|Kendati|Sekalipun)[ ]"
                         r"(?!(?:demikian|begitu)\b)")  # "Meski demikian, X mengatakan": X's


def _in_open_quote(text: str, paragraph: _Paragraph, pos: int) -> bool:
    """Whether a quote opened earlier in the paragraph is still open at `pos`."""
    spans, unclosed = paragraph.quotes(text)
    return _inside(spans, pos) or (unclosed is not None and pos > unclosed)


def _joined_subject(scan: _Scan, sentence: _Sentence) -> Mention | None:
    """"Ia menggambarkan …, seraya menambahkan bahwa …", "Trump tidak membantahnya dan
    mengatakan …": the sentence's subject, a pronoun, a full name or one the article gave."""
    start = _past_common_noun(scan, sentence, _CAPITAL_RUN.match(scan.text, sentence.start)
                              or _EMPTY.match(scan.text, sentence.start))
    opener = fold(scan.text[sentence.start:start].strip())
    if start != sentence.start and opener not in FUNCTION_WORDS:
        return None  # "Kedatangan Lee Jung Jing ke Indonesia …, dan mengakui …": no person
    mention = scan.before(sentence.start, _first_gap(scan.text, sentence))
    if mention is None or mention.pronoun or " " in mention.name:
        return mention
    return mention if mention.name and scan.book.knows(mention.name) else None


_EMPTY = re.compile("")
_JOINED = re.compile(r"\b(?:seraya|sambil|sembari|dan|and|while)\s*$", re.IGNORECASE)
_SUBJECT_END = re.compile(r"\s+(?=[a-z])")


# What may not touch a phrase found as whole words (`_Scan._phrase_starts`).
_GLUED_BEFORE = re.compile(r"[\w'’.-]")
_GLUED_AFTER = re.compile(r"[\w'’-]")


def _capital_word_ends(text: str, pos: int) -> bool:
    """Whether the word ending just before `pos` (a space) is capitalised."""
    start = pos
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return text[start:start + 1].isupper()


def _first_gap(text: str, sentence: _Sentence) -> int:
    """End of the sentence's opening capitalised phrase ("Ia", "Yuri Ushakov")."""
    match = _SUBJECT_END.search(text, sentence.start, min(sentence.end, sentence.start + 80))
    return match.start() if match else sentence.start


def _titled(scan: _Scan, window: int, match: re.Match[str], end: int) -> Mention | None:
    """A weak verb without "bahwa" still reports speech after a titled name ("Kepala …, X"),
    and, for the verbs that mostly do ("menilai", "menyebut", "meminta", "berharap"), after
    a full name, a name the article has already given ("Jokowi juga menyebut …") or one it
    quotes someone by ("kata Mastuki")."""
    mention = scan.before(window, match.start())
    clause = _clause_follows(scan.text, window, match, end)
    if mention is not None and mention.pronoun and (
            match.group(2) in _OPINION_VERBS
            or match.group(2) == "meminta" and _REQUEST.match(scan.text, match.end())
            or clause and fold(scan.text[mention.start:mention.end]) in _PERSONAL_PRONOUNS
            and scan.book.sole_referent(mention.start)):
        return mention  # "Dia berharap komitmen itu …", "dirinya meminta kepada … untuk …"
    if mention is None or mention.pronoun or mention.head:
        return None
    if mention.anonymous:
        return None  # "Pelaku sempat memastikan jika …": a common noun, no statement marked
    if mention.unknown or mention.role and mention.name:
        return mention  # unknown: "kuasa hukum Axel menyebut …", nobody to carry on from
    if (clause and mention.name and (mention.organisation or mention.role_only)
            and not _after_lowercase_word(scan.text, mention.start)):
        # "Korsel menilai Korut akan …": the body's view, not who speaks on
        return replace(mention, aside=True) if mention.organisation else mention
    if (match.group(2) in _ACTION_VERBS and not clause or not mention.name
            or mention.organisation or mention.role_only):
        return None
    if _after_lowercase_word(scan.text, mention.start) and not (
            clause and _after_opener(scan.text, window, mention.start)):
        return None  # "pemerintahan Benjamin Netanyahu menyebut", "jika benar Trump menyebut"
    if " " in mention.name or scan.book.knows(mention.name) or scan.speaks_as(mention.name):
        return mention  # one name word the article quotes by ("kata Mastuki") is someone's
    return None


_WORD_BEFORE = re.compile(r"([a-z]+)\s+$")


def _after_lowercase_word(text: str, pos: int) -> bool:
    """A lowercase content word right before `pos`: the name is its complement."""
    match = _WORD_BEFORE.search(text, max(0, pos - 30), pos)
    return match is not None and match.group(1) not in FUNCTION_WORDS


# "Ia menyebut dokumen tersebut mestinya …", "Korsel menilai Korut akan …": a weak verb
# without "bahwa" still reports a clause when a modal, negation or copula comes within a
# few words (not inside a relative clause: "menyebut dokumen yang sudah …").
_CLAUSE_MARKER = re.compile(
    r"(?:[^\S\n]+(?!yang\b|maaf\b|izin\b)[\w'’-]+){0,7}?[^\S\n]+(?:akan|bakal|telah|sudah|bisa"
    r"|dapat|harus|mestinya|semestinya|seharusnya|tidak|tak|belum|masih|sedang|merupakan"
    r"|adalah|sebagai)\b")
# Weak verbs that take a clause marked that way; "meminta keterangan saksi yang sudah …"
# and "mengungkap kasus yang telah …" are deeds.
_CLAUSE_VERBS = frozenset(["menilai", "menyebut", "menganggap", "berjanji", "menyayangkan",
                           "menduga", "meyakini", "menuding", "menuduh", "memastikan",
                           "mengancam", "memprediksi", "menampik", "berkeras"])
# The third-person pronouns of Indonesian prose ("he"/"she" report in English only).
_PERSONAL_PRONOUNS = PRONOUNS - frozenset(["he", "she"])


def _clause_follows(text: str, start: int, match: re.Match[str], end: int) -> bool:
    """Whether a clause marker follows the weak verb of `match` within a few words, in a
    sentence `start:end` holding no quote mark (whose words the verb could be inside)."""
    return (match.group(2) in _CLAUSE_VERBS and _CLAUSE_MARKER.match(text, match.end()) is not None
            and not text.startswith(" diri ", match.end())  # "memastikan diri sebagai juara"
            and _ANY_QUOTE.search(text, start, end) is None
            and _TRAILING.search(text, match.end(), end) is None)  # "…, katanya.": theirs


_OPENER_BEFORE = re.compile(r"(?<![\w'’-])([A-Z][a-z]+),?[^\S\n]+$")


def _after_opener(text: str, start: int, pos: int) -> bool:
    """"Sedangkan Donald Trump Jr menyebut …": a capitalised conjunction before the name."""
    match = _OPENER_BEFORE.search(text, max(start, pos - 30), pos)
    return match is not None and fold(match.group(1)) in _OPENERS


# Weak verbs as often for deeds as for words ("mengungkap kasus", "memastikan pasokan").
_ACTION_VERBS = frozenset(["mengungkap", "memastikan", "menjanjikan"])
# Weak verbs that report an opinion even after a pronoun without "bahwa" ("Ia menilai …").
_OPINION_VERBS = frozenset(["berharap", "menilai"])
# "meminta kepada pihak berwajib untuk …": whom, then the request.
_REQUEST = re.compile(r"[^\S\n]+kepada[^,.;:\n]{1,60}?[^\S\n]+(?:untuk|agar|supaya)\b")
_MARKED_ONLY = frozenset(_MARKED_ONLY_VERBS)
# "Ia bercerita “…”": a marked-only verb that also introduces quotes is marked by one.
_INTRO_VERBS = frozenset(_INTRO.split("|"))


def _opened_quote(scan: _Scan, paragraph: _Paragraph, index: int, open_: int,
                  mention: Mention) -> _Found:
    """"X mengatakan, “…”": the quote may run over the following sentences."""
    text = scan.text
    closing = _CLOSING[text[open_]].search(text, open_ + 1,
                                           min(paragraph[-1].end, open_ + _QUOTE_REACH))
    close = paragraph[index].end if closing is None else closing.start()
    last = paragraph.sentence_at(close)
    for sentence in paragraph[index:last + 1]:
        sentence.covered = True
    return (paragraph[index].start, paragraph[last].end, _trim(text, open_ + 1, close), mention,
            _DIRECT)


# "Saat ini, kata dia, pihaknya …": a short opening, the attribution, then the clause it
# reports goes on in lower case (not an adverbial of the speaking: "kata dia di Jakarta").
_SHORT_LEAD = 40
_CLAUSE_GOES_ON = re.compile(
    r"(?:[^\S\n]+lagi)?[^\S\n]*,?[^\S\n]+(?!(?:di|ke|kepada|saat|ketika|usai|seusai|dalam|pada"
    r"|kemarin|dengan|melalui|lewat|seperti|sebagaimana|dikutip|sambil|seraya|sembari|yang"
    r"|dari|kala|selepas|sebelum|setelah|menambahkan|menjelaskan|mengatakan|lalu|kepadanya"
    r"|ditemui|dilansir|belum)\b)[a-z]")


def _trailing(scan: _Scan, sentence: _Sentence) -> _Found | None:
    """"…, tambah Ushakov." / "…, ujarnya." / "…, Ushakov said." without quote marks."""
    text = scan.text
    mention, comma = None, -1
    for match in _TRAILING.finditer(text, sentence.start, sentence.end):
        if match.group(2):
            mention = Mention("", None, match.start(1), match.end(2), pronoun=True)
        else:
            mention = scan.after(match.end(), min(sentence.end, match.end() + _LOOKAROUND))
        if (mention is not None and match.start() - sentence.start <= _SHORT_LEAD
                and _CLAUSE_GOES_ON.match(text, mention.end, sentence.end)):
            # "Saat ini, kata dia, pihaknya …", "Untuk sisanya, kata Ade akan dibahas …"
            if mention.role and text.find(mention.role, mention.end, sentence.end) >= 0:
                mention = replace(mention, role=None)  # "kata Bima lagi, ada beberapa pemain"
            return sentence.start, sentence.end, (sentence.start, sentence.end), mention, _REPORTED
        if mention is not None and _ends_sentence(text, mention.end, sentence.end):
            comma = match.start()
            break
        if mention is not None and text[mention.end:mention.end + 2].lstrip()[:1] == ",":
            # "Selain itu, lanjutnya, kosmetik …": an attribution inside the sentence.
            return sentence.start, sentence.end, (sentence.start, sentence.end), mention, _REPORTED
        mention = None
    if mention is None:
        window = max(sentence.start, sentence.end - _LOOKAROUND)
        match = _TRAILING_X_SAID.search(text, window, sentence.end)
        if match is None:
            return None
        mention = scan.before(match.start(1), match.end(1))
        comma = match.start()
    if mention is None:
        return None
    quote = _trim(text, sentence.start, comma)
    if quote[1] - quote[0] < _MIN_WORDS:
        return None
    return sentence.start, sentence.end, quote, mention, _REPORTED


# "…, demikian ujar kepolisian Myanmar, Abul Khaer.": the clause before is theirs.
# ("…, demikian dikatakan X" is `_AS_SAID_BY`'s.)
_DEMIKIAN_AFTER = re.compile(r",[^\S\n]*demikian[^\S\n]+(?:kata|ujar|ucap|tutur|ungkap|jelas"
                             r"|(?:pernyataan|keterangan)(?:[^\S\n]+resmi)?(?:[^\S\n]+dari)?)"
                             r"(?:[^\S\n]+oleh)?[^\S\n]+")


def _demikian_after(scan: _Scan, sentence: _Sentence) -> _Found | None:
    """"Bangladesh memulangkan …, demikian pernyataan kepolisian Myanmar pada Minggu."""
    text = scan.text
    match = _DEMIKIAN_AFTER.search(text, sentence.start, sentence.end)
    if match is None:
        return None
    mention = scan.after(match.end(), min(sentence.end, match.end() + _LOOKAROUND))
    if mention is None or mention.pronoun or mention.unknown or mention.head:
        return None
    quote = _trim(text, sentence.start, match.start())
    if quote[1] - quote[0] < _MIN_WORDS or _ANY_QUOTE.search(text, *quote):
        return None
    return sentence.start, sentence.end, quote, mention, _REPORTED


def _ends_sentence(text: str, pos: int, end: int) -> bool:
    """Only a short adverbial ("kepada wartawan di Jakarta") may follow the speaker."""
    if end - pos > 120:
        return False
    rest = text[pos:end].strip()
    return len(rest) <= 80 and not _SAYING.search(rest)
