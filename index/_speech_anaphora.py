"""Speakers named by a description: "kata pengacara tersebut", "tutur pemain berusia 31 tahun
itu", "Diplomat Tertinggi RI itu menyebutkan", "kata sang juru bicara".

Such a phrase names nobody; it points back to someone the article has introduced. The
description's head noun ("pengacara", "juru bicara") is returned so the caller can look for
an earlier speaker whose role has that head; a demonstrative ("itu", "tersebut") or "sang"
also allows the latest speaker when no role fits. A bare head ("kata juru bicara dalam …")
is only ever matched to a role, never guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from index._speech_names import EPITHET_HEADS, ROLE_HEADS, fold

__all__ = ["Description", "alias_in", "description_after", "description_before",
           "fold_role_words", "is_epithet_head", "role_head", "role_head_tokens"]

# Nouns that describe a person without being an office ("perempuan yang akrab disapa Angie").
_PERSON_NOUNS = frozenset(["pria", "wanita", "perempuan", "lelaki", "laki-laki", "sosok", "remaja",
                           "pemuda", "gadis", "bocah", "man", "woman"])
# Two-word heads: the second word alone says nothing ("juru bicara", "kuasa hukum").
_COMPOUNDS = {"juru": "bicara", "kuasa": "hukum", "duta": "besar", "perdana": "menteri",
              "anak": "asuh"}
# Spellings and short forms of one head, folded to one form.
_HEAD_FORMS = {"supir": "sopir", "jubir": "juru bicara", "dubes": "duta besar",
               "spokesman": "spokesperson", "spokeswoman": "spokesperson",
               "pm": "perdana menteri", "lawyer": "attorney"}
_DEMONSTRATIVES = frozenset(["itu", "tersebut", "ini"])
# "… itu" must close the description within this many characters.
_REACH = 80
_AFTER = re.compile(r"[^\S\n]*(?:$|[,.!?;:)\n]|(?:kepada|di|dalam|saat|ketika|seusai|usai|pada"
                    r"|melalui|lewat|lagi|seperti|sebagaimana|to|in|at|on|during)\b)")
# "sang", then "bekas"/"mantan"/"bakal" before the head ("kata bekas pelatih Juventus itu").
_LEAD = re.compile(r"(?:([Ss]ang|[Tt]he)\s+)?(?:(?:[Bb]ekas|[Ee]ks|[Mm]antan|[Bb]akal|[Cc]alon|"
                   r"[Ff]ormer)\s+)?([^\W\d_][\w-]*)(?:\s+([a-z]+))?")
_DEMONSTRATIVE = re.compile(r"\s(itu|tersebut|ini)\b")
_STOP = re.compile(r"[.;!?\"“”\n]")
# "tambah pria yang bekerja sebagai Technical Consultant …": a relative clause says who the
# speaker is, as "itu" does ("kata pria yang akrab disapa Emil").
_RELATIVE = re.compile(r"[^\S\n]+yang\b")
# "akrab disapa Angie", "dengan sapaan Angie", "alias Angie", "biasa dipanggil Angie".
_ALIAS = re.compile(r"\b(?:alias|sapaan|disapa|dipanggil|panggilan|known as|nicknamed)\s+"
                    r"([A-Z][\w'’-]+(?:[ ][A-Z][\w'’-]+)?)")  # "alias Andi Narogong"
# "Abdul Wahyu Affandi atau lebih dikenal dengan Doel Sumbang": a name of up to two words.
_KNOWN_AS = re.compile(r"\b(?:lebih|biasa|akrab)\s+dikenal\s+(?:dengan|sebagai)\s+"
                       r"(?:nama\s+|sebutan\s+|panggilan\s+)?([A-Z][\w'’-]+(?:[ ][A-Z][\w'’-]+)?)")


@dataclass(frozen=True)
class Description:
    """A descriptive speaker phrase at text[start:end]; `head` its folded head noun."""

    start: int
    end: int
    head: str
    definite: bool  # "itu"/"tersebut"/"sang": may mean the latest speaker
    # no demonstrative closes it ("sang gelandang Italia kepada Goal", "eks striker Chelsea
    # di FFT"): it may still be a role and a name, and means only a speaker nobody else
    # was named since
    loose: bool = False


def is_epithet_head(head: str) -> bool:
    """"pelantun", "pemeran": a head that only describes someone already in the story."""
    return head in EPITHET_HEADS


def role_head_tokens(head: str) -> frozenset[str]:
    """The folded words of a head in the one spelling used for roles ("supir" → "sopir")."""
    return frozenset(_HEAD_FORMS.get(head, head).split())


# Short forms inside roles, written out so two spellings of one office compare equal.
_ROLE_FORMS = _HEAD_FORMS | {
    "korut": "korea utara", "korsel": "korea selatan", "menlu": "menteri luar negeri",
    "mendagri": "menteri dalam negeri", "menkeu": "menteri keuangan",
    "menhan": "menteri pertahanan", "wapres": "wakil presiden", "as": "amerika serikat",
    "dirjen": "direktur jenderal", "sekjen": "sekretaris jenderal", "dirut": "direktur utama",
    "wagub": "wakil gubernur", "ketum": "ketua umum",
    "pbb": "perserikatan bangsa bangsa", "un": "united nations",
    "kemenlu": "kementerian luar negeri", "kemlu": "kementerian luar negeri",
    "menpar": "menteri pariwisata", "menpora": "menteri pemuda dan olahraga",
    "menhub": "menteri perhubungan", "menaker": "menteri ketenagakerjaan",
    "mensos": "menteri sosial", "menag": "menteri agama", "menkes": "menteri kesehatan",
    "mendag": "menteri perdagangan", "mendikbud": "menteri pendidikan dan kebudayaan",
    "menkominfo": "menteri komunikasi dan informatika", "mentan": "menteri pertanian",
    "menperin": "menteri perindustrian", "menkumham": "menteri hukum dan hak asasi manusia",
    "menristekdikti": "menteri riset teknologi dan pendidikan tinggi",
    "menkopolhukam": "menteri koordinator bidang politik hukum dan keamanan",
    "wakapolri": "wakil kepala kepolisian republik indonesia",
    "kapolri": "kepala kepolisian republik indonesia",
}
_ROLE_WORD = re.compile(r"[^\W_]+")


def fold_role_words(role: str) -> frozenset[str]:
    """A role's folded words, short forms written out ("Dubes Korut untuk PBB" → duta besar
    korea utara untuk perserikatan bangsa bangsa); punctuation and hyphens are not words."""
    return frozenset(word for token in _ROLE_WORD.findall(fold(role))
                     for word in _ROLE_FORMS.get(token, token).split())


def role_head(role: str) -> str:
    """The first word of a role, short forms written out ("Dubes …" → "duta")."""
    first = next(iter(_ROLE_WORD.findall(fold(role))), "")
    return _ROLE_FORMS.get(first, first).split(" ")[0]


def _head(text: str, start: int, end: int) -> tuple[int, int, str, bool] | None:
    """(head start, head end, folded head, "sang") of the phrase at `start`, or None."""
    match = _LEAD.match(text, start, end)
    if match is None:
        return None
    word = match.group(2).casefold()
    compound = _COMPOUNDS.get(word) == (match.group(3) or "").casefold()
    if (word not in ROLE_HEADS and word not in _PERSON_NOUNS and word not in _HEAD_FORMS
            and word not in EPITHET_HEADS and not compound):
        return None  # "anak asuh" (a coach's former player) is one, "anak" alone is kin
    head_end = match.end(2)
    if compound:
        word, head_end = f"{word} {match.group(3).casefold()}", match.end(3)
    # "sang" points back to the latest speaker; English "the" only to one whose role fits.
    return match.start(2), head_end, word, (match.group(1) or "").casefold() == "sang"


def description_after(text: str, start: int, end: int) -> Description | None:
    """A lowercase description right after a closing verb ("kata pengacara tersebut")."""
    if start >= end or not text[start].islower() and text[start:start + 4].casefold() != "sang":
        return None
    found = _head(text, start, end)
    if found is None:
        return None
    _, head_end, head, sang = found
    stop = _STOP.search(text, head_end, min(end, head_end + _REACH))
    limit = stop.start() if stop else min(end, head_end + _REACH)
    demonstrative = _DEMONSTRATIVE.search(text, head_end, limit)
    if demonstrative is not None and _AFTER.match(text, demonstrative.end(), end):
        return Description(start, demonstrative.end(), head, True)
    if _AFTER.match(text, head_end, end) and head not in _PERSON_NOUNS:
        return Description(start, head_end, head, sang)  # "kata juru bicara dalam …"
    if (relative := _RELATIVE.match(text, head_end, limit)) is not None:
        comma = text.find(",", relative.end(), limit)
        return Description(start, comma if comma >= 0 else limit, head, True)
    return _loose_description(text, start, head_end, end, head)


# "sang gelandang Italia", "eks striker Chelsea": "sang" or a former office, then the head
# and a few words of what or where (a country, a club), then where or to whom it was said.
_EPITHET_LEAD = re.compile(r"(?:[Ss]ang|[Bb]ekas|[Ee]ks|[Mm]antan)\s")
_MODIFIERS = re.compile(r"(?:[^\S\n]+[A-Z]?[a-z][\w'’-]*){1,3}?(?=[^\S\n]+(?:kepada|di|dalam|saat"
                        r"|ketika|seusai|usai|pada|melalui|lewat|seperti|sebagaimana)\b|[.!?]"
                        r"(?:\s|$))")


def _loose_description(text: str, start: int, head_end: int, end: int,
                       head: str) -> Description | None:
    """"ujar sang gelandang Italia kepada Goal", "tutur eks striker Chelsea di FFT": an
    epithet without "itu", closed by where or to whom it was said (not by a comma, after
    which a name may follow: "kata mantan striker Chelsea, Tony Cascarino")."""
    if not _EPITHET_LEAD.match(text, start, end) or head in _PERSON_NOUNS:
        return None
    modifiers = _MODIFIERS.match(text, head_end, min(end, head_end + _REACH))
    if modifiers is None or _STOP.search(text, head_end, modifiers.end()):
        return None
    return Description(start, modifiers.end(), head, True, loose=True)


def description_before(text: str, start: int, end: int) -> Description | None:
    """A subject description ending just before a verb ("Diplomat Tertinggi RI itu")."""
    phrase = _TRAILING_ADVERBS.sub("", text[start:end].rstrip())
    last = phrase.rsplit(None, 1)[-1].casefold() if phrase else ""
    if _TIME_THIS.search(phrase):
        return None  # "Kepala BPS Suhariyanto hari ini mengatakan": a time, no description
    if (age := _AGE_EPITHET.fullmatch(phrase)) is not None:
        return Description(start, start + len(phrase), age.group(1).casefold(), True)
    english = _THE.match(phrase) is not None
    sang = _SANG.match(phrase) is not None
    if (last not in _DEMONSTRATIVES and not english and not sang) or len(phrase) > _REACH:
        return None
    found = _head(text, start, end)
    if found is None or _STOP.search(text, start, end):
        return None
    whole = found[1] == start + len(phrase)
    if (english or sang) and last not in _DEMONSTRATIVES and (
            not whole or found[2] in _PERSON_NOUNS):
        return None  # "the spokesman" / "the former coach", not "the man" or "the police chief's …"
    # "the former striker said": a former office is an epithet of whom the text speaks of
    former = english and _FORMER.match(phrase) is not None
    # "Sang gelandang kemudian mengungkap …": no demonstrative, so only a speaker nobody
    # else was named since
    return Description(start, start + len(phrase), found[2], not english or former,
                       loose=sang and last not in _DEMONSTRATIVES)


# "mantan anak asuh Johan Cruyff ini juga mengatakan": adverbs between it and the verb.
_TRAILING_ADVERBS = re.compile(r"(?:\s+(?:juga|pun|kemudian|lalu|sempat|pernah|bahkan"
                               r"|kembali|sendiri|lantas))+$")
_TIME_THIS = re.compile(r"(?<!\d )\b(?:hari|pagi|siang|sore|malam|pekan|minggu|bulan|tahun)\s+ini$")
# "the spokesman said": a speaker whose role has that head, never simply the latest speaker
# (English "the" is weaker than "itu"/"tersebut": "Budi said … the lawyer said").
_THE = re.compile(r"[Tt]he\s")
_FORMER = re.compile(r"[Tt]he\s+former\s")
_SANG = re.compile(r"[Ss]ang\s")
# "the 31-year-old said", "pria berusia 56 tahun itu" is `_head`'s: an age for a person.
_AGE_EPITHET = re.compile(r"[Tt]he\s+(\d{1,3}-year-old)")


def alias_in(text: str, start: int, end: int) -> re.Match[str] | None:
    """The first "alias X" / "akrab disapa X" / "lebih dikenal dengan X Y" in
    text[start:end]; group 1 is the alias."""
    found = [m for m in (_ALIAS.search(text, start, end), _KNOWN_AS.search(text, start, end))
             if m is not None]
    return min(found, key=lambda m: m.start()) if found else None
