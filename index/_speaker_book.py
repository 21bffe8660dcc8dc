"""The people one article has named so far, for attributing its statements.

`SpeakerBook` maps a later mention ("Ushakov", "Kapolda", "pengacara tersebut", "Enggar")
to the full name the article gave first, with the role when one was given. Indexed by
word, and each look-up reads at most `_CANDIDATES` entries, so an article with very many
names still costs linear time.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass
from typing import TypeVar

from index._speech_aliases import initials_fit
from index._speech_anaphora import (
    fold_role_words,
    is_epithet_head,
    role_head,
    role_head_tokens,
)
from index._speech_names import FUNCTION_WORDS, Mention, fold, is_role_word
from index.names import BLEND_HEAD as _BLEND_HEAD
from index.names import is_blend, match_speaker, one_edit_apart

__all__ = ["Speaker", "SpeakerBook"]

# (name, role, organisation): who a statement is attributed to.
Speaker = tuple[str, str | None, bool]

_CANDIDATES = 50
# A one-word mention this long may be a short form of a known name's word ("Enggar").
_SHORT_NAME = 5
# How far back a description looks for someone new of its kind ("seorang pria").
_DESCRIPTION_REACH = 3000
# Role words after which a capitalised run starts with the company's name ("pendiri grup …").
_COMPANY_HEADS = frozenset(["grup", "group", "perusahaan", "pt", "maskapai", "konglomerasi"])
# A name word this long may also be cut to `_SHORTEST_NAME` letters ("Zuck", Zuckerberg).
_LONG_WORD = 8
_SHORTEST_NAME = 4
# A hyphenated short name whose first part is this short is an initial and a cut ("J-Law").
_INITIAL_PART = 2
# A name word this long may be misspelt by one letter and still be the same person's.
_VARIANT_MIN = 4
# Role words a role-only speaker and a named person's role share to be the same office.
_SAME_OFFICE = 3


_T = TypeVar("_T")


def _latest(positions: list[int], items: list[_T], at: int) -> tuple[int, _T] | None:
    """The last (position, item) before `at`; `positions` ascend."""
    i = bisect.bisect_left(positions, at)
    return (positions[i - 1], items[i - 1]) if i else None


@dataclass
class _Known:
    """A name the article has introduced; `role` is filled in when a later mention gives it."""

    tokens: frozenset[str]
    name: str
    role: str | None
    role_tokens: frozenset[str]
    person: bool = True  # False for an organisation ("Kementerian Unifikasi Korea Selatan")
    used: int = 0  # when it was last named, to prefer the latest of several fitting speakers
    spoke: bool = False  # whether a statement was attributed to it


# Kin a description and a speaker's role must share ("sang manajer" is not "putra Cohen").
_KIN_HEADS = frozenset(["putra", "putri", "anak", "ayah", "ibu", "istri", "suami", "adik",
                        "kakak", "paman"])


def _other_kin(head: frozenset[str], role: str | None) -> bool:
    """The description or the speaker's role is a kin word and the other is not that word."""
    if role is None:
        return False
    role_word = role_head(role)
    kin = len(head) == 1 and bool(head & _KIN_HEADS)  # "anak asuh" (a former player) is none
    return (role_word in _KIN_HEADS or kin) and role_word not in head


_WORD_BEFORE = re.compile(r"([\w'’-]+)[ ]+$")


def _opens_clause(text: str, at: int) -> bool:
    """Whether the name at `at`, with the capitalised words and role words before it
    ("Mantan bek Timnas Brasil Roberto Carlos"), opens its clause: nothing before it on
    the line, or punctuation, or a function word ("Sementara itu …")."""
    line = text.rfind("\n", 0, at) + 1
    begin = at
    for _ in range(_ROLE_REACH):
        word = _WORD_BEFORE.search(text, max(line, begin - 30), begin)
        if word is None or not (word.group(1)[:1].isupper() or is_role_word(word.group(1))):
            break
        begin = word.start()
    before = text[line:begin].rstrip()
    if not before or before[-1] in ".,;:!?\"“”()-–—":
        return True
    word = _WORD_BEFORE.search(text, max(line, begin - 30), begin)
    return word is not None and fold(word.group(1)) in FUNCTION_WORDS


_ROLE_REACH = 12


_DESCRIPTION_FRAME = frozenset(["sang", "the", "itu", "tersebut", "ini"])


def _bare(description: str) -> bool:
    """A description that is its head alone ("sang istri", "ayah itu"), no complement to
    make it an epithet of the person themself ("ayah dua anak itu")."""
    return sum(1 for word in description.split() if fold(word) not in _DESCRIPTION_FRAME) == 1


_MIN_INITIALS, _MAX_INITIALS = 2, 5
_SQUEEZED_MIN = 9
_SLIP_WORDS = 3  # a letter off only in names of three words or more ("Muhammad Alif" is not Ali)


def _squeeze(name: str) -> str:
    """A name's letters without spaces and hyphens ("Lee Jung - Jin" → "leejungjin")."""
    return re.sub(r"[\s-]+", "", fold(name))


def _as_person(known: _Known) -> Speaker:
    """The speaker a known person is (no organisation)."""
    return known.name, known.role, False


class SpeakerBook:
    """Names introduced so far in one article: surname mentions map to the full name.

    Indexed by word, and each look-up reads at most `_CANDIDATES` entries, so an article
    with very many names still costs linear time.
    """

    def __init__(self) -> None:
        self._by_token: dict[str, list[_Known]] = {}
        self._by_role_token: dict[str, list[_Known]] = {}
        self._by_prefix: dict[str, list[_Known]] = {}
        self._by_initial: dict[str, list[_Known]] = {}  # people by their name's first letter
        self._seen: set[frozenset[str]] = set()
        self._aliases: dict[str, _Known] = {}
        self._nicknames: dict[str, str] = {}  # full name → the other name it went by
        # "Barito Pacific Prayogo Pangestu" → ("Prayogo Pangestu", "pendiri grup Barito Pacific")
        self._company_names: dict[str, tuple[str, str]] = {}
        self.last: Speaker | None = None
        self.last_end = 0  # where the latest statement ends
        self.last_person: Speaker | None = None  # the latest speaker who is no organisation
        self._clock = 0
        # Where people were named outside speech as a sentence's first name, for a pronoun
        # before any speaker: the latest before the pronoun ("“…,” ungkapnya yang baru tiba
        # di Kali Malang" is not Kali Malang's); none before `_recent_cleared`.
        self._recent_at: list[int] = []
        self._recents: list[Speaker] = []
        self._recent_cleared = -1
        self._anonymous_at = -1  # where the latest speaker the text leaves unnamed spoke
        # (sentence start, name end) of someone new in this paragraph (`new_subject`)
        self._new_subject_at = (-1, -1)
        self._places_at: list[int] = []  # sentences that name a place first, in text order
        # Where known people were a sentence's subject ("Ellen Woodsworth adalah …") or were
        # named at all ("… melindungi Nainggolan"), in text order, for pronouns and descriptions.
        self._subject_at: list[int] = []
        self._subjects: list[_Known] = []
        self._named_at: list[int] = []
        self._answer_at: list[int] = []
        self._answers: list[_Known] = []
        self._named: list[_Known] = []
        self._mentioned_at: list[int] = []  # full names outside speech, in text order
        self._mentioned: list[str] = []
        # where each new full name first appeared as a sentence's likely subject
        self._introduced_at: list[int] = []

    def _add(self, tokens: frozenset[str], name: str, role: str | None, *,
             spoke: bool = True, person: bool = True) -> None:
        if tokens in self._seen:
            return
        self._seen.add(tokens)
        known = _Known(tokens, name, None, frozenset(), person=person)
        self._used(known, spoke=spoke)
        for token in tokens:
            self._by_token.setdefault(token, []).append(known)
            self._by_prefix.setdefault(token[:_SHORT_NAME], []).append(known)
            if len(token) >= _LONG_WORD:
                self._by_prefix.setdefault(token[:_SHORTEST_NAME], []).append(known)
            if len(token) > _BLEND_HEAD and token[:_BLEND_HEAD] != token[:_SHORT_NAME]:
                self._by_prefix.setdefault(token[:_BLEND_HEAD], []).append(known)
        if person and len(tokens) >= 2:
            for initial in {token[:1] for token in tokens}:
                self._by_initial.setdefault(initial, []).append(known)
        self._give_role(known, role)

    def _give_role(self, known: _Known, role: str | None) -> None:
        if role is None or known.role is not None:
            return
        known.role = role
        self._index_role(known, fold_role_words(role))

    def _index_role(self, known: _Known, tokens: frozenset[str]) -> None:
        known.role_tokens = tokens
        for token in tokens:
            self._by_role_token.setdefault(token, []).append(known)

    def person_for_role(self, role: str) -> tuple[str, str] | None:
        """The one named person whose role is this role-only speaker's office, written
        shorter or longer ("Duta Besar Korea Utara untuk PBB New York" and "Dubes Korut untuk
        PBB, Ja Song Nam"): same head word, one set of role words inside the other, at
        least `_SAME_OFFICE` words shared. None when no one or several people fit."""
        tokens, head = fold_role_words(role), role_head(role)
        people = {(known.name, known.role) for known in self._by_role_token.get(head, [])
                  [:_CANDIDATES]
                  if known.tokens and known.role and role_head(known.role) == head
                  and len(tokens & known.role_tokens) >= _SAME_OFFICE
                  and (tokens <= known.role_tokens or known.role_tokens <= tokens)}
        return people.pop() if len(people) == 1 else None

    def is_role_only(self, name: str) -> bool:
        return fold_role_words(name) in self._seen

    def _add_role_only(self, name: str) -> None:
        """A speaker named only by a role ("Juru bicara Menteri Luar Negeri Korea Utara"), so
        a later "kata juru bicara" finds it."""
        tokens = fold_role_words(name)
        if tokens and tokens not in self._seen:
            self._seen.add(tokens)
            self._index_role(_Known(frozenset(), name, None, frozenset(), spoke=True), tokens)

    def resolve_description(self, mention: Mention, text: str) -> tuple[str, str | None] | None:
        """The earlier speaker a description means: the latest whose role has its head
        ("kata pengacara tersebut" → "Pengacara Tamimi, Gaby Lasky"), else, for "… itu" /
        "sang …", the latest speaker or a person the text made its subject since ("kata
        gelandang bertinggi 175 cm itu"; before any speaker, the person last named), unless
        the text since then brought in someone new of that kind ("seorang pria … kata pria
        itu")."""
        assert mention.head is not None
        head = role_head_tokens(mention.head)
        fits = [known for known in self._candidates(self._by_role_token, head)
                if known.spoke and head <= known.role_tokens]
        if fits:
            known = max(fits, key=lambda k: k.used)
            return known.name, known.role
        if not mention.definite:
            return None
        if self.last is None and (named := self._role_fits_named(head, mention, text)) is not None:
            return named  # "Pelatih Persebaya Angel Vera …. Menurut pelatih asal Argentina itu"
        meant_at = self.last_end
        if self.last is not None:
            meant = self.last
        elif (named_before := self._named_before(mention, text)) is not None:
            meant, subject_at = named_before  # where it was the subject, else None
            meant_at = self.last_end if subject_at is None else subject_at
        else:
            meant = None
        if meant is None or meant[2] or _other_kin(head, meant[1]):
            return None
        if meant[1] is None and head & _KIN_HEADS and _bare(text[mention.start:mention.end]):
            return None  # "Sang istri mengaku …" after Gao Guangxi: his wife, not him
        if (is_epithet_head(mention.head) or mention.loose) and not self._nobody_else_named(
                meant[0], mention.start, full_names=True, since=meant_at):
            return None  # "pemeran Roman Pearce itu" after Tyrese Gibson was named
        since = text[max(self.last_end, mention.start - _DESCRIPTION_REACH):mention.start]
        if re.search(rf"\b(?:seorang|sebuah|salah satu|an?)\s+{re.escape(mention.head)}\b",
                     since, re.IGNORECASE):
            return None
        return meant[0], meant[1]

    def alias_person(self, token: str, name: str) -> None:
        """`token` is a short name the article gave the known person `name` ("Rahmad
        Darmawan (RD)"); shown with the name, so either finds them."""
        known = self._known_person(name)
        if known is not None and fold(token) not in self._aliases:
            self._aliases[fold(token)] = known
            self._nicknames.setdefault(known.name, token)

    def person_spoken_of(self, at: int) -> str | None:
        """The person the text last named or made a subject before `at`, whom a description
        there ("RD, sapaan akrab mantan pelatih … itu") can only mean."""
        found = [hit for hit in (_latest(self._subject_at, self._subjects, at),
                                 _latest(self._named_at, self._named, at)) if hit is not None]
        return max(found, key=lambda hit: hit[0])[1].name if found else None

    def _role_fits_named(self, head: frozenset[str], mention: Mention,
                         text: str) -> tuple[str, str | None] | None:
        """Before any speaker, the one person named earlier with a role of the description's
        head ("Pelatih Persebaya Surabaya, Angel Alfredo Vera"), though they have not spoken;
        not a run the description itself holds ("Pemain Consadole Sapporo itu")."""
        people = {known.name: known.role for known in self._candidates(self._by_role_token, head)
                  if known.person and known.tokens and head <= known.role_tokens
                  and not known.role_tokens & _DESCRIPTION_FRAME
                  and 0 <= text.find(known.name) < mention.start
                  and known.name not in text[mention.start:mention.end]}
        return next(iter(people.items())) if len(people) == 1 else None

    def _named_before(self, mention: Mention, text: str) -> tuple[Speaker, int | None] | None:
        """Before any speaker, the person last named ("… melindungi Nainggolan …. “…,” kata
        gelandang bertinggi 175 cm itu") or made a sentence's subject, by a full name too
        ("Wali Kota Bandung Ridwan Kamil ingin …. “…,” ujar pria kelahiran Bandung itu"):
        a full name only where it opens its clause, not after a word it completes ("di
        sekitar Satpas SIM Daan Mogot"). With where they were a sentence's subject, if
        that is how the text last named them ("Motta beranggapan …")."""
        named = _latest(self._named_at, self._named, mention.start)
        subject = _latest(self._subject_at, self._subjects, mention.start)
        found = [hit for hit in (named, subject)
                 if hit is not None and hit[0] > self._recent_cleared]
        if found:
            at, known = max(found, key=lambda hit: hit[0])
            was_subject = subject is not None and at == subject[0] and known is subject[1]
            return _as_person(known), at if was_subject else None
        recent = _latest(self._recent_at, self._recents, mention.start)
        if recent is None or not _opens_clause(text, recent[0]):
            return None
        speaker = self._recent_before(mention.start)
        return None if speaker is None else (speaker, recent[0])

    def sole_referent(self, at: int) -> bool:
        """Whether "ia"/"dia" at `at` can only mean its referent: nobody else has been
        named since the latest statement ("Namun, Gallas tak setuju. Ia menganggap …" after
        a statement of Wenger's is not clear enough)."""
        referent = self.referent(at, personal=True)
        return referent is not None and self._nobody_else_named(referent[0], at)

    def _nobody_else_named(self, name: str, at: int, *, full_names: bool = False,
                           since: int | None = None) -> bool:
        """No known person but `name` (nor, with `full_names`, any other full name) was
        named between the latest statement (or `since`, where `name` was last named) and
        `at`."""
        since = self.last_end if since is None else since
        first = bisect.bisect_left(self._named_at, since)
        last = bisect.bisect_left(self._named_at, at)
        if any(known.name != name for known in self._named[first:last]):
            return False
        if not full_names:
            return True
        first = bisect.bisect_left(self._mentioned_at, since)
        last = bisect.bisect_left(self._mentioned_at, at)
        return all(other == name or other in name for other in self._mentioned[first:last])

    def note_mentioned(self, at: int, name: str) -> None:
        """A full name at `at` outside speech, known or not: someone else now in play."""
        if not self._mentioned_at or at > self._mentioned_at[-1]:
            self._mentioned_at.append(at)
            self._mentioned.append(name)

    def referent(self, at: int, *, personal: bool) -> Speaker | None:
        """Whom a pronoun at `at` means: the latest speaker, or before any, the latest
        person named outside speech. For "ia"/"dia" (`personal`) a person made a sentence's
        subject since the latest statement comes first ("… Ellen Woodsworth adalah sosok
        …. “…,” kata dia"), and after an organisation's statement it is a person or nobody."""
        subject = _latest(self._subject_at, self._subjects, at)
        opened, named_end = self._new_subject_at
        if self.last_end < named_end < at:  # someone new came in since (`new_subject`)
            if personal and subject is not None and subject[0] >= opened:
                return _as_person(subject[1])
            return None
        if not personal:
            if self.last is None and subject is not None and subject[0] > self._anonymous_at:
                return _as_person(subject[1])  # not one named before an unnamed speaker
            answered = _latest(self._answer_at, self._answers, at)
            if answered is not None and answered[0] >= self.last_end:
                return _as_person(answered[1])  # "Maia pun membalas …"
            return self.last or self._recent_before(at)
        if subject is not None and subject[0] >= self.last_end:
            return _as_person(subject[1])
        if self.last is not None and self.last[2]:
            if subject is not None:
                return _as_person(subject[1])
            return self.last_person  # "kata dia" after a ministry spoke: a person, or nobody
        return self.last or self._recent_before(at)

    def _recent_before(self, at: int) -> Speaker | None:
        found = _latest(self._recent_at, self._recents, at)
        place = bisect.bisect_left(self._places_at, at)
        barrier = self._places_at[place - 1] if place else -1
        return None if found is None or found[0] < max(self._recent_cleared, barrier) else found[1]

    def forget(self, at: int, *, anonymous: bool = False) -> None:
        """An unnamed speaker spoke at `at`: the next "katanya" is theirs, nobody's known;
        `anonymous` (the text names nobody: "seorang musisi"), not a subject named earlier."""
        self.last = None
        self._recent_cleared = at
        if anonymous:
            self._anonymous_at = at

    def new_subject(self, start: int, name_end: int, name: str) -> None:
        """A sentence at `start` opens with `name` (ending at `name_end`), who says nothing
        there. Unless that is the latest speaker again, a later "katanya" or "she said" is
        nobody's known (`referent`) until someone is named speaking: "Insinyur Siti Rahma
        tidak setuju. “…,” katanya" may be hers, and is not the latest speaker's. Only an
        "ia" of a sentence made them its subject is theirs."""
        if self.last is not None and not any(self.names_last_speaker(word)
                                             for word in name.split()):
            self._new_subject_at = (start, name_end)

    def new_subject_ends(self) -> None:
        """The paragraph of a `new_subject` ended: across paragraphs, news often goes back
        to the latest speaker ("… Jenderal Gatot. / Masih menurut dia, …")."""
        self._new_subject_at = (-1, -1)

    def clear_recent(self, at: int) -> None:
        """A sentence at `at` names a place first ("… muncul di Nathan Phillips Square"):
        before any speaker, a later pronoun means nobody named earlier either."""
        if not self._places_at or at > self._places_at[-1]:
            self._places_at.append(at)

    def note_subject(self, at: int, name: str, *, answering: bool = False) -> None:
        """The known person `name` is the subject of a sentence at `at` (text order);
        `answering`: of a verb that hands over to what they say ("Maia pun membalas …"),
        so even the "-nya" of the next quote is theirs."""
        known = self._known_person(name)
        if known is not None:
            self._subject_at.append(at)
            self._subjects.append(known)
            if answering:
                self._answer_at.append(at)
                self._answers.append(known)

    def note_named(self, at: int, token: str) -> None:
        """A word at `at` names a known person ("… melindungi Nainggolan")."""
        known = self._known_person(token)
        if known is not None:
            self._named_at.append(at)
            self._named.append(known)

    def person_named(self, word: str) -> str | None:
        """The full name of the one known person a word of a name stands for, if any."""
        known = self._known_person(word)
        return known.name if known is not None else None

    def _known_person(self, name: str) -> _Known | None:
        """The one known person `name` (a full name or one of its words) names, else None."""
        tokens = frozenset(fold(name).split())
        people = {id(known): known for known in self._candidates(self._by_token, tokens)
                  if known.person and tokens <= known.tokens}
        if len(people) == 1:
            return next(iter(people.values()))
        # "De Niro" and "Robert De Niro", who spoke: one person, written shorter and in full
        widest = [known for known in people.values()
                  if not any(known.tokens < other.tokens for other in people.values())]
        return widest[0] if len(widest) == 1 and widest[0].spoke else None

    @staticmethod
    def _candidates(index: dict[str, list[_Known]], tokens: frozenset[str]) -> list[_Known]:
        lists = [index.get(token, []) for token in tokens]
        return min(lists, key=len)[:_CANDIDATES] if lists else []

    def resolve(self, mention: Mention) -> tuple[str, str | None]:
        """The full name and role of a named speaker; a quoted nickname inside the name
        ("Hendrik “Acheo” Lyanto") becomes an alias shown with the name."""
        name, role = self._resolve(mention)
        if mention.nickname:
            self.alias(mention.nickname, name)
            self._nicknames.setdefault(name, mention.nickname)
        return name, role

    def _resolve(self, mention: Mention) -> tuple[str, str | None]:
        tokens = frozenset(fold(mention.name).split())
        if len(tokens) >= 2 and (known := self._aliases.get(fold(mention.name))) is not None:
            self._nicknames.setdefault(known.name, mention.name)  # "Gus Ipul, sapaan akrabnya"
            return self._used(known), mention.role or known.role
        if mention.role_only:
            # "Kapolda" after "Kapolda Jawa Tengah Irjen Pol Condro Kirono": the same person.
            role_tokens = fold_role_words(mention.name)
            fits = [known for known in self._candidates(self._by_role_token, role_tokens)
                    if role_tokens <= known.role_tokens]
            if fits:  # the latest named of several ("Menlu" after two foreign ministers)
                known = max(fits, key=lambda k: k.used)
                return self._used(known), known.role
            for known in self._candidates(self._by_token, tokens):
                if len(tokens) == 1 and tokens <= known.tokens:
                    return self._used(known), known.role  # "kata Raja": Raja Parlindungan Pane
            self._add_role_only(mention.name)
            return mention.name, None
        fits = [known for known in self._candidates(self._by_token, tokens)
                if tokens <= known.tokens]
        if fits:  # "kata Joko" right after Joko Suyanto spoke: him, not the first Joko named
            known = fits[0]  # (who was only named, "Presiden Joko Widodo")
            if not known.spoke and self.last is not None:
                known = next((k for k in fits if k.name == self.last[0]
                              and k.tokens & known.tokens == tokens), known)
            self._give_role(known, mention.role)
            if len(tokens) == 1:
                self._company_before_name(known, next(iter(tokens)))
            return self._used(known), mention.role or known.role
        if len(tokens) == 1 and (known := self._short_form(next(iter(tokens)))) is not None:
            if not any(word.startswith(next(iter(tokens))) for word in known.tokens):
                self._nicknames.setdefault(known.name, mention.name)  # "Jokowi", "Angie"
            return self._used(known), mention.role or known.role
        if len(tokens) == 1 and (known := self._variant(next(iter(tokens)))) is not None:
            return self._used(known), mention.role or known.role  # "Ardi" for Ardhi Tjahjoko
        if not mention.organisation and (known := self._initials_of(mention.name)) is not None:
            self._aliases.setdefault(fold(mention.name), known)
            self._nicknames.setdefault(known.name, mention.name)  # "Jusuf Kalla (JK)"
            return self._used(known), mention.role or known.role
        if len(tokens) >= 2 and (known := self._misspelt(mention.name)) is not None:
            return self._used(known), mention.role or known.role  # "Lee Jung Jing"
        if len(tokens) >= 2 or mention.organisation or mention.role:
            # "Menlu Retno": found by role later
            self._add(tokens, mention.name, mention.role, person=not mention.organisation)
        return mention.name, mention.role

    def _company_before_name(self, known: _Known, token: str) -> None:
        """"pendiri grup Barito Pacific Prayogo Pangestu", later "Prayogo": the words before
        the one the article calls the person by name the company of the role."""
        words = known.name.split(" ")
        folded = fold(known.name).split(" ")
        if (known.name in self._company_names or known.role is None or len(words) != len(folded)
                or fold(known.role).rsplit(" ", 1)[-1] not in _COMPANY_HEADS):
            return
        at = folded.index(token) if token in folded else 0
        if at >= 1 and len(words) - at >= 2:
            self._company_names[known.name] = (" ".join(words[at:]),
                                               f"{known.role} {' '.join(words[:at])}")

    def company_name(self, name: str, role: str | None) -> tuple[str, str | None]:
        """(name, role) with a company that came before the name moved into the role."""
        return self._company_names.get(name, (name, role))

    def _short_form(self, token: str) -> _Known | None:
        """The known name `token` is a short form of: an alias the article gave ("akrab
        disapa Angie"), a prefix of one word ("Enggar" for Enggartiasto Lukita), or a blend of
        two words' starts ("Jokowi" for Joko Widodo)."""
        if token in self._aliases:
            return self._aliases[token]
        if len(token) < _SHORTEST_NAME:
            return None
        if len(token) == _SHORTEST_NAME:  # "Zuck" for Mark Zuckerberg
            cut = next((known for known in self._by_prefix.get(token, [])[:_CANDIDATES]
                        if known.person and any(len(word) >= _LONG_WORD and word.startswith(token)
                                                for word in known.tokens)), None)
            if cut is not None:
                return cut
        else:
            for known in self._by_prefix.get(token[:_SHORT_NAME], [])[:_CANDIDATES]:
                if any(word.startswith(token) for word in known.tokens):
                    return known
        head, hyphen, tail = token.partition("-")  # "J - Law": a blend of Jennifer Lawrence
        plain = head + tail if hyphen and len(head) <= _INITIAL_PART else token
        for known in itertools.chain(self._by_prefix.get(token[:_BLEND_HEAD], [])[:_CANDIDATES],
                                     self._by_initial.get(token[:1], [])[:_CANDIDATES]):
            if known.person and is_blend(plain, fold(known.name).split()):
                return known
        return None

    def _initials_of(self, name: str) -> _Known | None:
        """The one known person of two words or more whose initials `name` is, written in
        capitals ("JK" for Jusuf Kalla, "BCL" for Bunga Citra Lestari, "BTM")."""
        if not (_MIN_INITIALS <= len(name) <= _MAX_INITIALS and name.isalpha() and name.isupper()):
            return None
        people = {id(known): known for known in self._by_initial.get(fold(name[0]), [])[:_CANDIDATES]
                  if known.person and any(initials_fit(name, " ".join(words[cut:]))
                                          for words in [known.name.split(" ")]
                                          for cut in range(max(1, len(words) - 1)))}
        return next(iter(people.values())) if len(people) == 1 else None

    def initials_of(self, name: str) -> str | None:
        """The full name of the one known person whose initials `name` is, if any."""
        known = self._initials_of(name)
        return known.name if known is not None else None

    def person_abbreviated(self, token: str) -> str | None:
        """The one known person a short name the article calls theirs ("Mou, sapaan
        akrabnya") cuts from one of their name words (Mourinho) or blends from two."""
        token = fold(token)
        if len(token) < _BLEND_HEAD:
            return None
        people = {known.name for known in itertools.chain(
                      self._by_prefix.get(token[:_BLEND_HEAD], [])[:_CANDIDATES],
                      self._by_prefix.get(token[:_SHORT_NAME], [])[:_CANDIDATES],
                      self._by_initial.get(token[:1], [])[:_CANDIDATES])
                  if known.person and " " in known.name
                  and (any(word.startswith(token) for word in known.tokens)
                       or is_blend(token, fold(known.name).split()))}
        return next(iter(people)) if len(people) == 1 else None

    def _misspelt(self, name: str) -> _Known | None:
        """The one known person whose name `name` writes hyphenated differently, or (for
        names of three words) a letter off ("Lee Jung Jing" for Lee Jung - Jin): a slip,
        made their name too, so it is nobody new."""
        tokens = frozenset(fold(name).split())
        squeezed = _squeeze(name)
        people = {id(known): known for token in tokens
                  for known in self._by_token.get(token, [])[:_CANDIDATES]
                  if known.person and not tokens <= known.tokens}
        fits = [known for known in people.values()
                if len(squeezed) >= _SQUEEZED_MIN and " " in known.name
                and (squeezed == (other := _squeeze(known.name))
                     or len(re.findall(r"\w+", name)) >= _SLIP_WORDS
                     and one_edit_apart(squeezed, other))]
        if len(fits) != 1:
            return None
        self._merge_name(fits[0], tokens)
        return fits[0]

    def _variant(self, token: str) -> _Known | None:
        """The one known person with a name word one letter off `token` ("Ardi" and Ardhi
        Tjahjoko, "Saakashbili" and Mikheil Saakashvili): a spelling slip within one article."""
        people = self._variants(token)
        return people[0] if len(people) == 1 else None

    def _variants(self, token: str) -> list[_Known]:
        """The known people with a name word one letter off `token`: words of
        `_VARIANT_MIN` letters or more, sharing the first `_BLEND_HEAD`."""
        if len(token) < _VARIANT_MIN:
            return []
        people = {id(known): known for known in
                  self._by_prefix.get(token[:_BLEND_HEAD], [])[:_CANDIDATES]
                  if known.person and any(len(word) >= _VARIANT_MIN and word != token
                                          and one_edit_apart(word, token)
                                          for word in known.tokens)}
        return list(people.values())

    def knows(self, name: str) -> bool:
        """Whether the article has already named this person (one word: a part of a name)."""
        tokens = frozenset(fold(name).split())
        if len(tokens) != 1:
            return any(tokens <= known.tokens
                       for known in self._candidates(self._by_token, tokens))
        token = next(iter(tokens))
        return token in self._by_token or self._short_form(token) is not None

    def knows_spelling(self, word: str) -> bool:
        """`knows`, or a known person has a name word one letter off it (`_variants`)."""
        return self.knows(word) or bool(self._variants(fold(word)))

    def names_last_speaker(self, word: str) -> bool:
        """Whether `word` is a word of the latest speaker's name or role, or one letter off
        one ("Haryadi" for Hariyadi Sukamdani)."""
        if self.last is None:
            return False
        token = fold(word)
        name, role, _ = self.last
        tokens = set(re.findall(r"\w+", fold(f"{self.display_name(name)} {role or ''}")))
        return token in tokens or match_speaker(word, name) > 0 or len(token) >= _VARIANT_MIN \
            and any(len(other) >= _VARIANT_MIN and one_edit_apart(other, token) for other in tokens)

    def display_name(self, name: str) -> str:
        """"Joko Widodo (Jokowi)": a full name with the other name the article used for its
        statements, as Indonesian news writes them, so either form finds the speaker."""
        nickname = self._nicknames.get(name)
        return f"{name} ({nickname})" if nickname else name

    def latest_speaker_alone(self, at: int) -> str | None:
        """The latest speaker, a person, when nobody new was made a sentence's subject
        between their statement and `at` (whom "sapaan akrabnya" at `at` can only mean;
        "Dia menilai Ketua OJK Muliaman D. Hadad …" names Muliaman, not as the subject)."""
        if self.last is None or self.last[2]:
            return None
        i = bisect.bisect_left(self._introduced_at, self.last_end)
        if i < len(self._introduced_at) and self._introduced_at[i] < at:
            return None
        return self.last[0]

    def _entry(self, name: str) -> _Known | None:
        """The known entry written exactly `name`, if any."""
        return next((known for known in self._by_token.get(next(iter(fold(name).split()), ""), [])
                     if known.name == name), None)

    def spoke(self, name: str) -> None:
        """The known `name` spoke again through a pronoun ("ia berkata …")."""
        if (known := self._entry(name)) is not None:
            known.spoke = True

    def alias(self, token: str, name: str) -> None:
        """`token` names the known `name` ("Angelina Sondakh … akrab disapa Angie"); the
        words of a name of several ("lebih dikenal dengan Doel Sumbang") become that
        person's, so "ujar Doel" is Abdul Wahyu Affandi too."""
        if (known := self._entry(name)) is None:
            return
        self._aliases.setdefault(fold(token), known)
        if " " in token.strip():
            self._merge_name(known, frozenset(fold(token).split()))
            self._nicknames.setdefault(known.name, token)  # shown with the name

    def _merge_name(self, known: _Known, tokens: frozenset[str]) -> None:
        """The other name `tokens` is `known`'s: a separate entry for it is dropped."""
        self._seen.add(tokens)
        for token in tokens - known.tokens:
            entries = self._by_token.setdefault(token, [])
            entries[:] = [other for other in entries if other.tokens != tokens]
            entries.append(known)
        known.tokens = known.tokens | tokens

    def _used(self, known: _Known, *, spoke: bool = True) -> str:
        self._clock += 1
        known.used, known.spoke = self._clock, known.spoke or spoke
        return known.name

    def introduce(self, mention: Mention, *, subject: bool, appositive: bool = False,
                  alone: bool = False) -> None:
        """A name seen outside speech ("… pemimpin Korut, Kim Jong - un untuk …").

        `subject`: the sentence's first name, which a following "ia" most likely means.
        `appositive`: a one-word name set off after its role ("ayah Jawawdeh, Zakariya"),
        known like a full name; other one-word names are not, but for `alone`: one name
        word after a sentence-opening nominalisation ("Kedatangan Nolito ke Sevilla …").
        """
        tokens = frozenset(fold(mention.name).split())
        if len(tokens) >= 2 and tokens not in self._seen and self._misspelt(mention.name):
            return
        if len(tokens) >= 2 or (appositive and tokens and mention.role) or (alone and tokens):
            if tokens not in self._seen and subject:
                self._introduced_at.append(mention.start)
            self._add(tokens, mention.name, mention.role, spoke=False)
            for known in self._candidates(self._by_token, tokens):
                if known.tokens == tokens:
                    self._give_role(known, mention.role)  # "Dubes Korut untuk PBB, Ja Song Nam"
            if subject:
                at = bisect.bisect_right(self._recent_at, mention.start)
                self._recent_at.insert(at, mention.start)
                self._recents.insert(at, (mention.name, mention.role, False))
