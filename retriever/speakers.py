"""The speaker index: every stored statement by who said it (no vectors, no model).

Built with the lexical snapshot from the store's statement rows. It answers three
questions: which statements are by the person a question names (`person`), which
statement a quote lies in (`covering`, so every quote shows its speaker), and which
content words each statement has (for lexical topic matching).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from index.names import is_role
from index.statements import StatementRow
from index.store import ChunkRow
from retriever.text import tokenize

__all__ = ["MIN_LOCAL_MATCH", "MIN_SPEAKER_MATCH", "MatchKeys", "Person", "SpeakerIndex",
           "SpeakerMatcher"]

SpeakerMatcher = Callable[[str, str, "str | None"], float]
"""(asked name, speaker as written, role) → 0..1 (`index.names.match_speaker`)."""


class MatchKeys(NamedTuple):
    """A matcher's keys, one pair: a speaker can match an asked name only if they share one
    (`index.names.speaker_match_keys` / `asked_match_keys` for `match_speaker`)."""

    speaker: Callable[[str, str | None], frozenset[str]]
    """(speaker as written, role) → keys."""
    asked: Callable[[str], frozenset[str]]
    """Asked name → keys."""


# A speaker counts as the person asked about from this match score on.
MIN_SPEAKER_MATCH = 0.5
# From this score on, within the articles the question is about only (`index.names.LOCAL_ROLE`).
MIN_LOCAL_MATCH = 0.4
# Speakers that match this close to the best one match as well (one office, a shared name).
TIED_MATCH = 0.05
SAME_PERSON_MATCH = 0.6  # "Retno" and "Retno Marsudi": a part of the name, first name up
# A short form of a name is spelled out from this many letters on ("Sandi", "Enggar").
MIN_SHORT_NAME = 4
# A quote is attributed to a statement that covers this share of its characters.
MIN_COVER = 0.9
# The extractor leaves an article's opening dateline ("Jakarta (ANTARA News) - ") out of its
# first statement; a quote of the lead sentence still holds it, and those characters count
# as the statement's when there are at most this many of them.
MAX_DATELINE = 40


@dataclass(frozen=True)
class Person:
    """The person a question names, as the index knows them."""

    name: str
    """The fullest way the articles write their name ("Yuri Ushakov")."""
    role: str | None
    """Their most frequent role in the articles, if any."""
    rows: tuple[int, ...]
    """Positions of their statements in `SpeakerIndex.rows`."""


@dataclass(frozen=True)
class SpeakerIndex:
    """Statements grouped by speaker and by article, with their content words."""

    rows: list[StatementRow]
    tokens: list[frozenset[str]]
    keys: list[str]
    speakers: dict[tuple[str, str | None], list[int]]
    by_article: dict[str, list[int]]
    positions: dict[str, int]
    """Statement id → its position in `rows`."""
    chunk_of: list[str | None]
    """The id of the chunk each statement starts in (its context), if stored."""
    article_chunks: dict[str, list[str]]
    """Article id → the ids of its stored chunks."""
    chunk_count: int = 0
    """How many chunks the index stores in all."""
    match_keys: MatchKeys | None = None
    """The matcher's keys the index was built with: a question is matched against the
    speakers sharing a key with it (`by_key`), not all."""
    by_key: dict[str, list[tuple[str, str | None]]] | None = None
    """Match key → the (speaker, role) pairs holding it (built with `match_keys`)."""

    @classmethod
    def build(cls, rows: list[StatementRow], *, name_key: Callable[[str], str],
              chunks: Sequence[ChunkRow] = (),
              match_keys: MatchKeys | None = None) -> SpeakerIndex:
        """Index `rows`; `name_key` folds spellings of a name (`index.names.name_key`);
        `chunks` are the stored chunks, to find each statement's context; `match_keys`
        those of the matcher `person` will be given."""
        speakers: dict[tuple[str, str | None], list[int]] = {}
        by_article: dict[str, list[int]] = {}
        for i, row in enumerate(rows):
            speakers.setdefault((row.speaker, row.role), []).append(i)
            by_article.setdefault(row.article_id, []).append(i)
        return cls(rows=rows, tokens=[frozenset(tokenize(r.text)) for r in rows],
                   keys=[name_key(r.speaker) for r in rows], speakers=speakers,
                   by_article=by_article,
                   positions={r.statement_id: i for i, r in enumerate(rows)},
                   chunk_of=_chunk_of(rows, chunks), article_chunks=_article_chunks(chunks),
                   chunk_count=len(chunks), match_keys=match_keys,
                   by_key=None if match_keys is None else _by_key(speakers, match_keys.speaker))

    def their_chunks(self, person: Person) -> list[str]:
        """The stored chunks of the articles `person` is quoted in, article by article."""
        articles = {self.rows[i].article_id for i in person.rows}
        return [c for a in sorted(articles) for c in self.article_chunks.get(a, ())]

    def person(self, asked: str, match: SpeakerMatcher, min_match: float = MIN_SPEAKER_MATCH,
               *, within: Collection[str] = (),
               min_local: float = MIN_LOCAL_MATCH) -> Person | None:
        """The statements of the person `asked` names (None: nobody of that name).

        The speakers who match best (one office held by several, a first name several
        people share: the topic tells their statements apart), named after the one quoted in
        `within` (the articles the question is about) if any, with that one's other mentions
        (found again by the name the articles write). Weaker matches are left out. A match
        from `min_local` (a role fitting a description of its owner: "the father of the
        teen killed at …") counts only for statements in `within`. Built with `match_keys`
        (`match`'s), the index scores only the speakers sharing a key with the name.
        """
        scored = self._matching(asked, match, min_match, within=within, min_local=min_local)
        if not scored and (longer := self._short_name_spelled_out(asked, within)):
            asked = longer  # "Menteri Enggar": Enggartiasto Lukita, quoted in those articles
            scored = self._matching(asked, match, min_match, within=within, min_local=min_local)
        if not scored:
            return None
        top = max(s[0] for s in scored)
        chosen = [s for s in scored if s[0] >= top - TIED_MATCH]
        # a speaker the name names goes before one whose role holds it ("Hamas", not
        # Khaled Meshaal, "pemimpin Hamas"), then one quoted where the question is about
        best = max(chosen, key=lambda s: (match(asked, s[1], None) >= min_match,
                                          self._quoted_in(s[3], within), s[0],
                                          _name_words(s[1]), len(s[3])))
        known = {(speaker, role) for _, speaker, role, _ in chosen}
        # their other mentions: the speakers matching the name the articles write (asked as
        # written, the first pass already scored them all)
        mentions = [s for s in scored if s[0] >= min_match] if best[1] == asked \
            else self._matching(best[1], match, min_match)
        chosen += [s for s in mentions if (s[1], s[2]) not in known]
        rows = sorted({i for *_, idx in chosen for i in idx
                       if best[0] >= min_match or self.rows[i].article_id in within})
        roles = Counter(role for _, _, role, idx in chosen if role for _ in idx)
        role = roles.most_common(1)[0][0] if roles else None
        return Person(name=best[1], role=role, rows=tuple(rows))

    def by_name(self, person: Person, asked: str, match: SpeakerMatcher,
                min_match: float = MIN_SPEAKER_MATCH) -> Person:
        """`person` with only the statements of speakers `asked` names (`match` without the
        role), when some are: "/who Hamas" is Hamas's words, not also its leaders', whose
        roles ("pemimpin Hamas") hold the name. Otherwise (an office: "Menlu") as it is."""
        named = tuple(i for i in person.rows
                      if match(asked, self.rows[i].speaker, None) >= min_match
                      and not _a_title(self.rows[i].speaker))
        if not named or len(named) == len(person.rows):
            return person
        roles = Counter(self.rows[i].role for i in named if self.rows[i].role)
        return Person(name=person.name, role=roles.most_common(1)[0][0] if roles else None,
                      rows=named)

    def people_of(self, person: Person, match: SpeakerMatcher) -> list[str]:
        """The different people among `person`'s statements, "Name (role)", most quoted
        first: one for a name, several for an office several people held ("Menlu", "the
        minister"). Speakers whose names match each other's (`SAME_PERSON_MATCH` either way:
        "Retno", "Retno Marsudi") are one person."""
        counts = Counter((self.rows[i].speaker or "", self.rows[i].role) for i in person.rows)
        people: list[tuple[str, str | None, int]] = []
        for (speaker, role), n in counts.most_common():
            same = next((k for k, (name, _, _) in enumerate(people)
                         if max(match(speaker, name, None), match(name, speaker, None))
                         >= SAME_PERSON_MATCH), None)
            if same is None:
                people.append((speaker, role, n))
            else:
                name, known_role, m = people[same]
                longer = speaker if len(speaker.split()) > len(name.split()) else name
                people[same] = (longer, known_role or role, m + n)
        people.sort(key=lambda p: -p[2])
        return [f"{name} ({role})" if role else name for name, role, _ in people]

    def _short_name_spelled_out(self, asked: str, within: Collection[str]) -> str | None:
        """`asked` with each short form of a name ("Enggar", "Sandi") spelled out as the
        one longer name word it begins among the speakers quoted in `within`, or None.

        Indonesian news and its readers shorten names by their first syllables
        ("Mendag Enggar" for Enggartiasto Lukita). Only the articles the question is about
        are searched, and only when nothing matched as written, so a short form never takes
        a person from elsewhere in the index.
        """
        words = {w for i in (j for a in within for j in self.by_article.get(a, ()))
                 for w in self.keys[i].split()}
        written = asked.split()
        spelled = [_spelled_out(word, words) for word in written]
        return " ".join(spelled) if spelled != written else None

    def _quoted_in(self, idx: Sequence[int], articles: Collection[str]) -> bool:
        return bool(articles) and any(self.rows[i].article_id in articles for i in idx)

    def run_of(self, i: int, text: str, max_chars: int, *,
               joins: Callable[[int], bool] | None = None) -> tuple[int, int]:
        """The span of statement `i` grown with the same speaker's statements right after it
        in the same paragraph (only spaces between), while it fits `max_chars`: one quote of
        their consecutive words, starting with the one that answers. Statements `joins`
        accepts (by position) also join across a paragraph break, before or after it: the
        person's next paragraph on the same topic belongs to the same answer."""
        row = self.rows[i]
        start, end = row.start, row.end
        same = sorted(((j, self.rows[j]) for j in self.by_article.get(row.article_id, ())
                       if self.keys[j] == self.keys[i]
                       and self.rows[j].content_hash == row.content_hash),
                      key=lambda pair: pair[1].start)
        for j, other in same:  # forward
            gap = text[end:other.start]
            if other.start >= end and other.end - start <= max_chars and (
                    _adjacent(gap) or (joins is not None and not gap.strip() and joins(j))):
                end = other.end
        for j, other in reversed(same) if joins is not None else ():  # backward
            if other.end <= start and not text[other.end:start].strip() \
                    and end - other.start <= max_chars and joins(j):
                start = other.start
        return start, end

    def _matching(self, asked: str, match: SpeakerMatcher, min_match: float, *,
                  within: Collection[str] = (), min_local: float = 1.0,
                  ) -> list[tuple[float, str, str | None, list[int]]]:
        """(score, speaker, role, statement positions) of every speaker matching `asked`;
        a match from `min_local` up keeps only its statements in the articles `within`."""
        found = []
        for speaker, role in self._candidates(asked):
            idx = self.speakers[(speaker, role)]
            score = match(asked, speaker, role)
            if score >= min_match:
                found.append((score, speaker, role, idx))
            elif within and score >= min_local:
                local = [i for i in idx if self.rows[i].article_id in within]
                if local:
                    found.append((score, speaker, role, local))
        return found

    def _candidates(self, asked: str) -> list[tuple[str, str | None]]:
        """The (speaker, role) pairs to score for `asked`, in index order: those sharing a
        match key with it when keys were built, else all."""
        if self.match_keys is None or self.by_key is None:
            return list(self.speakers)
        pairs = {pair for key in self.match_keys.asked(asked)
                 for pair in self.by_key.get(key, ())}
        return [pair for pair in self.speakers if pair in pairs]

    def covering(self, article_id: str, start: int, end: int) -> StatementRow | None:
        """The statement `[start, end)` of the article lies in (by `MIN_COVER` of its
        characters), or None: the quote is not attributed speech of one speaker."""
        covered: dict[str, int] = {}
        best: dict[str, StatementRow] = {}
        rows = self.by_article.get(article_id, ())
        for i in rows:
            row = self.rows[i]
            overlap = min(end, row.end) - max(start, row.start)
            if overlap > 0:
                covered[self.keys[i]] = covered.get(self.keys[i], 0) + overlap
                best.setdefault(self.keys[i], row)
        if len(covered) != 1:
            return None  # nobody's, or several speakers' words in one quote
        (key, chars), = covered.items()
        lead = best[key].start - start
        if 0 < lead <= MAX_DATELINE and best[key].start == min(self.rows[i].start for i in rows):
            chars += lead  # the lead sentence's dateline
        return best[key] if chars >= MIN_COVER * (end - start) else None


def _adjacent(gap: str) -> bool:
    return not gap.strip() and "\n" not in gap


def _by_key(speakers: dict[tuple[str, str | None], list[int]],
            keys_of: Callable[[str, str | None], frozenset[str]],
            ) -> dict[str, list[tuple[str, str | None]]]:
    out: dict[str, list[tuple[str, str | None]]] = {}
    for speaker, role in speakers:
        for key in keys_of(speaker, role):
            out.setdefault(key, []).append((speaker, role))
    return out


def _article_chunks(chunks: Sequence[ChunkRow]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for c in chunks:
        out.setdefault(c.article_id, []).append(c.chunk_id)
    return out


def _a_title(speaker: str) -> bool:
    """A speaker written as an office, not a name: in lower case ("menteri luar negeri negara
    ASEAN") or opening with one (`opens_with_office`)."""
    return not speaker[:1].isupper() or opens_with_office(speaker)


def opens_with_office(speaker: str) -> bool:
    """A speaker of three words or more whose first two are role words: a title standing
    for a person ("Juru bicara Menteri Luar Negeri Korea Utara" is no one called Korea Utara)."""
    words = speaker.split()
    return len(words) > 2 and is_role(" ".join(words[:2]))


def _name_words(name: str) -> int:
    """Words of a name, a hyphen between spaces none ("Kim Jong - un" has three, as "Kim Jong
    Un" has, so the spelling quoted more often names the person)."""
    return sum(1 for word in name.split() if word.strip("-‐–"))


def _spelled_out(word: str, names: set[str]) -> str:
    """`word` as the one name word of `names` it is a short form of ("Enggar" →
    "Enggartiasto"), or `word` itself: too short, not capitalised, a name word already, or
    the start of none or of several."""
    short = word.lower()
    if short in names or len(short) < MIN_SHORT_NAME or not short.isalpha() \
            or not word[0].isupper():
        return word
    longer = [w for w in names if w.startswith(short) and len(w) >= len(short) + 2]
    return longer[0].capitalize() if len(longer) == 1 else word


def _chunk_of(rows: Sequence[StatementRow], chunks: Sequence[ChunkRow]) -> list[str | None]:
    """For each statement, the chunk of the same article version it starts in."""
    by_version: dict[tuple[str, str], list[ChunkRow]] = {}
    for c in chunks:
        by_version.setdefault((c.article_id, c.content_hash), []).append(c)
    out: list[str | None] = []
    for row in rows:
        found = next((c.chunk_id for c in by_version.get((row.article_id, row.content_hash), ())
                      if c.start <= row.start < c.end), None)
        out.append(found)
    return out
