"""Tokenisation and light language signals for lexical matching (pure functions).

Lower-cased word tokens; Indonesian and English stop words removed so that an
English question's lexical signal is only its names and shared words ("Iran",
"Ushakov", "Pentagon"), and English possessives are folded ("Kremlin's").
Indonesian question words with the "-kah" particle ("berapakah", "siapakah")
are stop words too. `text_language` tells English from Indonesian by stop words,
which is enough to know when a question and a passage are in different languages.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Literal

__all__ = ["STOPWORDS", "Language", "latin_script", "text_language", "tokenize", "word_offsets",
           "words_language"]

_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*", re.UNICODE)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_EN = _words("""a about above after again against all am an and any are as at be because been before
being below between both but by can could did do does doing down during each few for from
further had has have having he her here hers herself him himself his how i if in into is it its
itself just me more most my myself no nor not now of off on once only or other our ours
ourselves out over own same she should so some such than that the their theirs them themselves
then there these they this those through to too under until up very was we were what when where
which while who whom why will with would you your yours yourself yourselves say said says tell
told according also many much one two year years did does whose""")
_ID = _words("""ada adalah adanya agar akan aku anda antara apa apakah atas atau bagaimana bagi bahwa
baik banyak beberapa begitu belum berapa bersama besar bila bisa boleh bukan dalam dan dapat dari
daripada demikian dengan di dia digunakan dimana ia ialah ini itu jadi jika juga kalau kami
kamu kapan karena ke kecuali kembali kemudian kepada ketika kita lagi lain lalu lebih maka masih
mau melalui menjadi mereka meski misalnya mungkin namun nya oleh pada para per pernah saat saja
sampai sangat saya se sebagai sebelum sedang sehingga sejak sekitar selain seluruh semua seperti
serta setelah siapa suatu sudah tak tanpa tapi telah tentang tersebut tetapi tidak untuk waktu
yaitu yakni yang kata ujar mengatakan menurut berkata katanya dikatakan sebut menyebutkan
berapakah siapakah kapankah dimanakah manakah bagaimanakah mengapa kenapa adakah""")
STOPWORDS = _EN | _ID
_EN_ONLY = _EN - _ID
_ID_ONLY = _ID - _EN

Language = Literal["en", "id"]


def tokenize(text: str, *, keep_stopwords: bool = False) -> list[str]:
    """Lower-cased word tokens of `text`, stop words dropped unless asked to keep them."""
    tokens = []
    for match in _WORD.finditer(text.lower()):
        token = _bare(match.group())
        if keep_stopwords or token not in STOPWORDS:
            tokens.append(token)
    return tokens


def word_offsets(text: str) -> Iterator[tuple[str, int]]:
    """Each word of `text` as `tokenize` reads it (lower-cased, stop words kept), with
    where it starts in `text`."""
    for match in _WORD.finditer(text):
        yield _bare(match.group().lower()), match.start()


def _bare(token: str) -> str:
    """A token without its English possessive ("ushakov's" is "ushakov")."""
    return token[:-2] if token.endswith(("'s", "’s")) else token


def text_language(text: str) -> Language | None:
    """"en" or "id" by counting each language's stop words; None when it cannot tell.

    >>> text_language("What did Ushakov say about Iran?"), text_language("Apa kata Ushakov?")
    ('en', 'id')
    """
    return words_language(tokenize(text, keep_stopwords=True))


def latin_script(text: str) -> bool:
    """Whether most of the letters of `text` are Latin (as English and Indonesian are
    written); True for text without letters.

    >>> latin_script("Apa kata Ushakov?"), latin_script("Что сказал Ушаков об Иране?")
    (True, False)
    """
    letters = [ch for ch in text if ch.isalpha()]
    latin = sum(1 for ch in letters if ch < "\u0250" or "\u1e00" <= ch <= "\u1eff")
    return 2 * latin >= len(letters)


def words_language(words: Iterable[str]) -> Language | None:
    """`text_language` of already tokenized words (stop words kept)."""
    words = list(words)
    en = sum(1 for w in words if w in _EN_ONLY)
    idn = sum(1 for w in words if w in _ID_ONLY)
    if en == idn:
        return None
    return "en" if en > idn else "id"
