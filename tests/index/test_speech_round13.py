"""Who said what, round thirteen (eleventh session, from the misses of sets M and N): an
English office capitalised after a closing verb ("ujar Media Officer Persib, Irfan …"), the
agent of a passive sentence as whom the next "ia" means, a two-word alias ("Andi Agustinus
alias Andi Narogong") kept with the name, and Indonesian medical specialist titles after a
name ("dr Fitria Amalia, SpKK") that are no speaker."""

from __future__ import annotations

import pytest

from tests.index.test_speech_attribution import found

_QUOTE = "\"Bukan pelatih yang mundur, keluarganya yang meminta,\""


def test_a_capitalised_english_office_after_the_verb_is_the_persons_role() -> None:
    (s,) = found(f"{_QUOTE} ujar Media Officer Persib, Irfan Suryadireja kepada Bola.net.")
    assert s.speaker == "Irfan Suryadireja" and "Officer Persib" in (s.role or "")


def test_the_media_that_reported_it_are_still_no_speaker() -> None:
    assert [s.speaker for s in found(f"{_QUOTE} ujar media setempat.")] in ([], [None])


def test_a_lower_case_office_before_an_unread_run_stays_unattributed() -> None:
    text = (f"{_QUOTE} ujar media officer Persib Irfan Suryadireja saat melayat ke rumah duka "
            "di Jalan Tamim Abdul Syukur, Cicadas.")
    assert all(s.speaker != "Cicadas" for s in found(text))


_EARLIER = ("\"Terlibat itu kan ada dua level, yang artinya mengikuti gagasannya,\" kata Erwan "
            "kepada wartawan, Senin malam.\n")


def test_the_agent_ending_a_passive_sentence_is_whom_the_next_ia_means() -> None:
    text = (_EARLIER + "Desakan mundur bagi ASN yang terlibat ormas itu disampaikan pertama "
            "kali oleh Menteri Dalam Negeri Tjahjo Kumolo. Ia mengaku telah mengirim "
            "instruksi pada seluruh kepala daerah.")
    last = found(text)[-1]
    assert (last.speaker, last.role) == ("Tjahjo Kumolo", "Menteri Dalam Negeri")


@pytest.mark.parametrize("sentence", [
    # the agent is not the sentence's last words: a list, or more clauses after it
    "Film itu juga dibintangi oleh Prisia Nasution, Ariyo Wahab, dan Maruli Tampubolon.",
    "Ia juga diajukan sebagai saksi ahli oleh Firza Husein, namun tak dapat hadir.",
    # a pronoun is the sentence's subject: the agent is someone else
    "Dia juga diajukan sebagai saksi ahli oleh Firza Husein.",
])
def test_an_agent_that_is_not_the_sentence_end_or_follows_a_pronoun_takes_no_ia(
    sentence: str,
) -> None:
    text = _EARLIER + sentence + " Ia mengaku telah mengirim instruksi pada seluruh kepala daerah."
    assert found(text)[-1].speaker == "Erwan"


def test_a_two_word_alias_stays_with_the_name() -> None:
    text = ("Pengusaha Andi Agustinus alias Andi Narogong membantah pernah membahas proyek itu.\n"
            "\"Saya dikenalkan oleh orang yang datang ke kantor saya,\" ujar Andi.")
    assert {s.speaker for s in found(text)} == {"Andi Agustinus (Andi Narogong)"}


@pytest.mark.parametrize("titles", ["SpKK, M.Kes", "SpPD", "Sp.A", "SpTHT-KL"])
def test_a_specialists_title_after_the_name_is_no_speaker(titles: str) -> None:
    (s,) = found(f"Spesialis kulit, dr Fitria Amalia, {titles} mengatakan perlakuan yang "
                 "benar pada kulit mencegah penuaan dini.")
    assert s.speaker == "Fitria Amalia"
