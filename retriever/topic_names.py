"""The names a topic gives ("Valentino Rossi", "Lebaran", "PCC", "2018") and whether a text's
words hold them (pure functions).

A person quoted only in articles that never name what the topic names did not speak on it,
however close their words come to it otherwise ("Lorenzo on Valentino Rossi's injury" is
not his quote on the Montmelo layout). Names cross languages better than other words do
(Yerusalem / Jerusalem, Demokrat / Democrat, Oezil / Ozil), so they are matched loosely.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from difflib import SequenceMatcher

from index.names import name_aliases
from retriever.text import tokenize

__all__ = ["holds_name", "holds_whole_name", "topic_names"]

# A run of capitalised words, or a word with a digit ("Liga 1", "2018", "G20").
_RUN = re.compile(r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*|\b\w*\d\w*")
_MIN_FUZZY = 4  # shorter words match only exactly
_MAX_LENGTH_DIFFERENCE = 3
_MIN_RATIO = 0.8  # difflib's similarity of two spellings of one name


def topic_names(topic: str, person_names: Iterable[str], *,
                short_aliased: bool = False) -> list[frozenset[str]]:
    """The topic's names as sets of their content words, without runs that hold a word of
    the person's own names ("Kim's New Year speech" asked of Kim) and without a lone
    two-letter word (US, UN: too often written out in the other language), unless
    `short_aliased` and the lexicon knows its other names (UN: PBB, Perserikatan Bangsa-Bangsa).

    >>> topic_names("Persib's ticket prices for the new Liga 1 season", ["Umuh Muchtar"])
    [frozenset({'persib'}), frozenset({'liga'})]
    """
    own = {word for name in person_names for word in tokenize(name)}
    names = []
    for match in _RUN.finditer(topic):
        words = frozenset(tokenize(match.group()))
        if not words or words & own:
            continue
        if len(words) == 1 and len(next(iter(words))) < 3 \
                and not (short_aliased and len(name_aliases(words)) > 1):
            continue
        names.append(words)
    return names


def holds_name(name: Collection[str], words: Collection[str], *, aliases: bool = True) -> bool:
    """Whether `words` (a text's tokens) hold any word of `name`, exactly or, from four
    letters, as a prefix either way or a close spelling (Yerusalem for Jerusalem), or (with
    `aliases`) all words of another name of the same body or place (Korea Utara for
    Pyongyang). Without `aliases` it tells single words apart, where a two-word other name
    could not be seen."""
    return any(_holds_word(word, words) for word in name) or (aliases and _holds_alias(name, words))


def holds_whole_name(name: Collection[str], words: Collection[str]) -> bool:
    """Whether `words` hold every word of `name` (each as `holds_name` matches a word), or all
    words of another name of the same body or place (Korea Utara for North Korea)."""
    return all(_holds_word(word, words) for word in name) or _holds_alias(name, words)


def _holds_alias(name: Collection[str], words: Collection[str]) -> bool:
    """Whether `words` hold all words of another name of the same body or place."""
    return any(all(word in words for word in alias) for alias in name_aliases(frozenset(name)))


def _holds_word(word: str, words: Collection[str]) -> bool:
    if word in words:
        return True
    if len(word) < _MIN_FUZZY:
        return False
    matcher = SequenceMatcher(None, b=word)  # b is the side difflib caches
    for other in words:
        if len(other) < _MIN_FUZZY or abs(len(other) - len(word)) > _MAX_LENGTH_DIFFERENCE:
            continue
        if other.startswith(word) or word.startswith(other):
            return True
        matcher.set_seq1(other)
        if matcher.real_quick_ratio() >= _MIN_RATIO and matcher.quick_ratio() >= _MIN_RATIO \
                and matcher.ratio() >= _MIN_RATIO:
            return True
    return False
