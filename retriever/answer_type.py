"""What kind of answer a question asks for, and whether a sentence offers one (pure).

"Berapa…?"/"How many…?" wants a number, "Kapan…?"/"When…?" a date, "Siapa…?",
"Who…?", "Di mana…?", "Where…?" a name. A sentence that repeats the question's
words but holds no token of the asked kind ("Pesta besar sedang berlangsung di
Berlin…" for "When did the festival start?") is usually next to the answer, not
the answer; the quote picker uses `offers_answer` to prefer the one that has it.
"""

from __future__ import annotations

import re
from collections.abc import Container
from typing import Literal

from retriever.text import STOPWORDS

__all__ = ["AnswerType", "answer_type", "offers_answer"]

AnswerType = Literal["number", "date", "name"]

_DATE_Q = re.compile(
    r"\b(kapan\w*|when|what year|which year|(tahun|tanggal|bulan|hari) (berapa|apa)\w*)\b",
    re.IGNORECASE,
)
_NUMBER_Q = re.compile(
    r"\b(berapa\w*|how (many|much|long|old|far|big|large|tall|high)|"
    r"what (percentage|number|amount))\b",
    re.IGNORECASE,
)
_NAME_Q = re.compile(
    r"\b(siapa\w*|who|whom|where|di ?mana\w*|ke ?mana\w*|"
    r"(negara|kota|provinsi|pulau|kabupaten|daerah|wilayah) (apa|mana)\w*|"
    r"which (country|city|province|island|region|district|town|state))\b",
    re.IGNORECASE,
)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_TOKEN = re.compile(r"[^\W_]+(?:[.,/-][^\W_]+)*")
_YEAR = re.compile(r"(1[89]|20)\d\d")
_DAY_MONTH = re.compile(r"\d{1,2}/\d{1,2}")
_MONTHS = _words(
    "januari februari maret april mei juni juli agustus september oktober november desember "
    "january february march may june july august october december"
)
_NUMBER_WORDS = _words(
    "satu dua tiga empat lima enam tujuh delapan sembilan sepuluh sebelas puluh belas ratus "
    "ribu juta miliar triliun seratus seribu persen"
)


def answer_type(question: str) -> AnswerType | None:
    """The kind of answer `question` asks for, or None when it cannot tell ("Apa…?")."""
    if _DATE_Q.search(question):
        return "date"
    if _NUMBER_Q.search(question):
        return "number"
    if _NAME_Q.search(question):
        return "name"
    return None


def offers_answer(text: str, kind: AnswerType | None, question_tokens: Container[str]) -> bool:
    """True when `text` holds a token of `kind` that the question itself does not contain."""
    if kind is None:
        return False
    for match in _TOKEN.finditer(text):
        word = match.group()
        lower = word.lower()
        if lower in question_tokens:
            continue
        if kind == "number" and (any(c.isdigit() for c in word) or lower in _NUMBER_WORDS):
            return True
        if kind == "date" and (_YEAR.fullmatch(word) or _DAY_MONTH.fullmatch(word)
                               or lower in _MONTHS):
            return True
        if (kind == "name" and word[0].isupper() and len(word) > 1 and not word.isupper()
                and lower not in STOPWORDS):
            return True
    return False
