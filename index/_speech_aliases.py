"""Short names an article itself ties to a full name: bracketed initials ("Rahmad Darmawan
(RD)") and a short name followed by "sapaan akrab" and a description ("RD, sapaan akrab
mantan pelatih Timnas itu"), so "terang RD" is the person, never a new speaker "RD"."""

from __future__ import annotations

import re

from index._speech_names import fold

__all__ = ["NICKNAME_PHRASE", "bracketed_initials", "epithet_nickname", "initials_fit"]

# "sapaan akrab", "panggilan karib": what comes next is what the person is called.
NICKNAME_PHRASE = r"(?:sapaan|panggilan)[^\S\n]+(?:akrab|karib)"

# "Rahmad Darmawan (RD)": a name run, then two to five capitals in brackets.
_BRACKETED = re.compile(r"((?:[A-Z][\w'’]*[ ]){1,4}[A-Z][\w'’]*)[ ]\(([A-Z]{2,5})\)")
# "RD, sapaan akrab mantan pelatih …": a short name whose "sapaan" is a description (lower
# case), which can only mean the person the text speaks of.
_EPITHET_NICKNAME = re.compile(rf"\b([A-Z][\w'’-]{{1,11}}),[ ]+{NICKNAME_PHRASE}[ ]+(?=[a-z])")


def initials_fit(initials: str, name: str) -> bool:
    """Whether `initials` are the first letters of the name's words, in order."""
    letters = "".join(word[:1] for word in fold(name).split())
    return len(initials) >= 2 and letters == initials.lower()


def bracketed_initials(text: str, start: int, end: int) -> list[tuple[str, str]]:
    """(initials, full name) for each "Full Name (FN)" in text[start:end]."""
    found = []
    for match in _BRACKETED.finditer(text, start, end):
        name, initials = match.group(1), match.group(2)
        words = name.split(" ")
        for cut in range(len(words) - 1):  # "Pelatih Rahmad Darmawan (RD)": the name's words
            candidate = " ".join(words[cut:])
            if initials_fit(initials, candidate) and len(words) - cut >= 2:
                found.append((initials, candidate))
                break
    return found


def epithet_nickname(text: str, start: int, end: int) -> list[tuple[str, int]]:
    """(short name, where) for each "RD, sapaan akrab <description>" in text[start:end]."""
    return [(m.group(1), m.start()) for m in _EPITHET_NICKNAME.finditer(text, start, end)]
