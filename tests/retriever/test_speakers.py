"""The person a question names, found among stored speakers by `index.names.match_speaker`:
descriptions, owners, shared offices, and descriptions only the question's articles resolve."""

from __future__ import annotations

import pytest

from index.names import asked_match_keys, match_speaker, name_key, speaker_match_keys
from index.statements import StatementRow
from retriever.speakers import MatchKeys, SpeakerIndex

# (article, speaker, role): who is quoted where
QUOTED = [
    ("paris", "Patrick Balkany", "wali Kota Levallois - Perret"),
    ("paris", "Anne Hidalgo", "Wali Kota Paris"),
    ("caracas", "Javier Perez", "Mayor"),  # the military rank, not a mayor
    ("court", "Gaby Lasky", "Pengacara Tamimi"),
    ("court", "Ahed Tamimi", None),
    ("amman", "Zakariya", "ayah Jawawdeh"),
    ("amman", "pejabat Israel", None),
    ("tennis", "Robert Federer", "ayah Roger Federer"),
    ("tennis", "Roger Federer", None),
    ("rice", "Retno Marsudi", "Menteri Luar Negeri"),
    ("rohingya", "Retno Listyarti", "Komisioner KPAI"),
    ("dhaka", "Shahidul Haque", "Menteri Luar Negeri Bangladesh"),
    ("dhaka", "Pejabat senior Bangladesh", None),
]


def _rows() -> list[StatementRow]:
    return [StatementRow(statement_id=f"{article}::h::s{i}", article_id=article,
                         content_hash="h", start=0, end=10, speaker=speaker, role=role,
                         speech="direct", carried=False, text="kata dia")
            for i, (article, speaker, role) in enumerate(QUOTED)]


@pytest.fixture(scope="module")
def speakers() -> SpeakerIndex:
    return SpeakerIndex.build(_rows(), name_key=name_key)


def _names(speakers: SpeakerIndex, asked: str, **kwargs) -> set[str]:
    person = speakers.person(asked, match_speaker, **kwargs)
    return set() if person is None else {speakers.rows[i].speaker for i in person.rows}


@pytest.mark.parametrize(("asked", "who"), [
    ("the mayor of Levallois-Perret", "Patrick Balkany"),
    ("wali kota Levallois-Perret", "Patrick Balkany"),
    ("Ahed Tamimi's lawyer", "Gaby Lasky"),
    ("pengacara Ahed Tamimi", "Gaby Lasky"),
    ("Federer's father", "Robert Federer"),
    ("ayah Roger Federer", "Robert Federer"),
    ("Bangladesh's foreign minister", "Shahidul Haque"),
    ("Menlu Bangladesh", "Shahidul Haque"),
])
def test_a_description_finds_the_one_it_describes(speakers: SpeakerIndex, asked: str,
                                                  who: str) -> None:
    assert _names(speakers, asked) == {who}


@pytest.mark.parametrize("asked", [
    "the mayor of Lyon",  # mayors are quoted, not that one
    "Juan Guaido's lawyer",
    "Nadal's father",
    "Menlu Malaysia",
])
def test_a_description_nobody_fits_finds_nobody(speakers: SpeakerIndex, asked: str) -> None:
    assert speakers.person(asked, match_speaker) is None


def test_a_described_owner_is_resolved_only_within_the_questions_articles(
    speakers: SpeakerIndex,
) -> None:
    asked = "the father of the Jordanian teen killed at the Israeli embassy"
    assert speakers.person(asked, match_speaker) is None  # "ayah Jawawdeh": which teen?
    assert _names(speakers, asked, within={"amman"}) == {"Zakariya"}
    assert _names(speakers, asked, within={"paris"}) == set()


def test_people_sharing_a_first_name_are_named_after_the_one_the_question_is_about(
    speakers: SpeakerIndex,
) -> None:
    about_rice = speakers.person("Retno", match_speaker, within={"rice"})
    about_children = speakers.person("Retno", match_speaker, within={"rohingya"})
    assert about_rice is not None and about_rice.name == "Retno Marsudi"
    assert about_children is not None and about_children.name == "Retno Listyarti"


def test_a_full_name_leaves_weaker_matches_out(speakers: SpeakerIndex) -> None:
    assert _names(speakers, "Roger Federer") == {"Roger Federer"}
    assert _names(speakers, "Retno Marsudi") == {"Retno Marsudi"}


def test_other_spellings_of_the_asked_full_name_come_along() -> None:
    rows = [StatementRow(statement_id=f"a{i}::h::s{i}", article_id=f"a{i}", content_hash="h",
                         start=0, end=10, speaker=speaker, role=role, speech="direct",
                         carried=False, text="kata dia")
            for i, (speaker, role) in enumerate([("Retno Marsudi", "Menteri Luar Negeri"),
                                                 ("Menlu Retno", None), ("Retno", "Menlu"),
                                                 ("Zakariya", "ayah Jawawdeh"),
                                                 ("Zakariya", "pengusaha")])]
    index = SpeakerIndex.build(rows, name_key=name_key)
    person = index.person("Retno Marsudi", match_speaker)
    assert person is not None and person.rows == (0, 1, 2)
    described = index.person("the father of the teen killed at the Israeli embassy",
                             match_speaker, within={"a3"})
    assert described is not None and described.rows == (3,)  # not the other Zakariya


KEYS = MatchKeys(speaker_match_keys, asked_match_keys)
KEYED_QUOTED = [*QUOTED, ("kremlin", "Yuri Ushakov", "penasihat kebijakan luar negeri Kremlin"),
                ("jakarta", "Joko Widodo", "Presiden"), ("seoul", "Kim Jong-un", None),
                ("jakarta", "Susilo Bambang Yudhoyono", None), ("jakarta", "Abubakar", None)]


@pytest.mark.parametrize("asked", [
    "Ushakow",  # one letter off
    "Kim Jong Un", "Jokowi", "SBY", "Abu Bakar",  # spacing, nickname, initials, joined
    "the Kremlin adviser", "penasihat Kremlin", "the Indonesian president",  # roles
    "Retno", "Menlu Bangladesh", "Federer's father", "the mayor of Levallois-Perret",
    "Barack Obama",  # nobody
])
def test_match_keys_leave_out_only_speakers_that_cannot_match(asked: str) -> None:
    """Built with keys, a question is matched only against speakers sharing one, and finds
    exactly what matching every speaker finds."""
    rows = [StatementRow(statement_id=f"{article}::h::s{i}", article_id=article,
                         content_hash="h", start=0, end=10, speaker=speaker, role=role,
                         speech="direct", carried=False, text="kata dia")
            for i, (article, speaker, role) in enumerate(KEYED_QUOTED)]
    plain = SpeakerIndex.build(rows, name_key=name_key)
    keyed = SpeakerIndex.build(rows, name_key=name_key, match_keys=KEYS)
    scored = {pair for pair in plain.speakers if match_speaker(asked, *pair) > 0}
    candidates = set(keyed._candidates(asked))
    assert scored <= candidates < set(plain.speakers)
    assert keyed.person(asked, match_speaker) == \
        plain.person(asked, match_speaker)


def test_person_with_keys_scores_only_the_candidates() -> None:
    """Both of `person`'s passes (the asked name, then the name the articles write) go
    through the keys: a matcher that counts its calls sees only candidate pairs."""
    rows = [StatementRow(statement_id=f"{article}::h::s{i}", article_id=article,
                         content_hash="h", start=0, end=10, speaker=speaker, role=role,
                         speech="direct", carried=False, text="kata dia")
            for i, (article, speaker, role) in enumerate(KEYED_QUOTED)]
    keyed = SpeakerIndex.build(rows, name_key=name_key, match_keys=KEYS)
    calls: list[tuple[str, str]] = []

    def counting(asked: str, speaker: str, role: str | None) -> float:
        calls.append((asked, speaker))
        return match_speaker(asked, speaker, role)

    person = keyed.person("Ushakov", counting)
    assert person is not None and person.name == "Yuri Ushakov"
    assert calls and {speaker for _, speaker in calls} == {"Yuri Ushakov"}


def _short_form_index() -> SpeakerIndex:
    quoted = [("trade", "Enggartiasto Lukita", "Menteri Perdagangan"),
              ("trade", "Adhi Lukman", "Ketua Gapmmi"),
              ("election", "Sandiaga Salahuddin Uno", "Wakil Gubernur"),
              ("election", "Sandra Dewi", None),
              ("elsewhere", "Enggarjati Wibowo", None)]
    rows = [StatementRow(statement_id=f"{article}::h::s{i}", article_id=article,
                         content_hash="h", start=0, end=10, speaker=speaker, role=role,
                         speech="direct", carried=False, text="kata dia")
            for i, (article, speaker, role) in enumerate(quoted)]
    return SpeakerIndex.build(rows, name_key=name_key)


def test_a_short_form_of_a_name_is_the_person_quoted_in_the_articles_asked_about() -> None:
    speakers = _short_form_index()
    assert _names(speakers, "Menteri Enggar", within={"trade"}) == {"Enggartiasto Lukita"}
    assert _names(speakers, "Sandi", within={"election"}) == {"Sandiaga Salahuddin Uno"}


def test_a_short_form_never_takes_a_person_from_other_articles_or_a_shared_start() -> None:
    speakers = _short_form_index()
    assert _names(speakers, "Menteri Enggar") == set()  # no articles asked about
    assert _names(speakers, "Enggar", within={"elsewhere", "trade"}) == set()  # two Enggar…
    assert _names(speakers, "San", within={"election"}) == set()  # too short to tell
    assert _names(speakers, "Adhi Lukman", within={"trade"}) == {"Adhi Lukman"}  # as written
