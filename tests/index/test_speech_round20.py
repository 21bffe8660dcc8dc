"""Who said what, round twenty (sixteenth session, from the bot's exploratory QA): a
sentence that opens with someone new, who says nothing there, stops a pronoun in the same
paragraph ("katanya", "she told reporters") from carrying the previous speaker. Before, the
engineer's words below were stored as the mayor's, and the engineer was "not quoted"."""

from __future__ import annotations

import pytest

from tests.index.test_speech_attribution import found

MAYOR_EN = "Mayor Alan Smith said the new bridge would open in May after the final checks.\n"
MAYOR_ID = ("Bupati Ahmad Fauzi mengatakan jembatan baru itu akan dibuka pada bulan Mei "
            "setelah pemeriksaan akhir.\n")


@pytest.mark.parametrize(("text", "quote"), [
    (MAYOR_EN + 'Engineer Carla Jones disagreed. "The bridge is not safe yet," she told '
     "reporters.\n", "The bridge is not safe yet"),
    (MAYOR_EN + 'Engineer Carla Jones, however, was not convinced. "The bridge is not safe '
     'yet," she said.\n', "The bridge is not safe yet"),
    (MAYOR_ID + 'Insinyur Siti Rahma tidak setuju. "Jembatan itu belum aman," katanya kepada '
     "wartawan.\n", "Jembatan itu belum aman"),
    (MAYOR_ID + 'Siti Rahma juga hadir di lokasi. "Jembatan itu belum aman," ujarnya.\n',
     "Jembatan itu belum aman"),
])
def test_someone_new_stops_the_previous_speaker_carrying(text: str, quote: str) -> None:
    statements = found(text)
    assert not any(quote in text[s.start:s.end] and s.speaker in ("Alan Smith", "Ahmad Fauzi")
                   for s in statements), [(s.speaker, text[s.start:s.end]) for s in statements]


def test_the_speaker_named_again_still_carries() -> None:
    text = MAYOR_ID + 'Ahmad Fauzi juga meninjau lokasi. "Jembatan itu belum aman," katanya.\n'
    assert [s.speaker for s in found(text)] == ["Ahmad Fauzi", "Ahmad Fauzi"]


def test_a_named_speaker_after_the_new_person_is_read() -> None:
    text = MAYOR_ID + ('Insinyur Siti Rahma tidak setuju. "Jembatan itu belum aman," katanya. '
                       '"Kami tidak akan terburu-buru," ujar Fauzi.\n"Pekan depan kami umumkan '
                       'jadwalnya," katanya.\n')
    said = [(s.speaker, text[s.start:s.end][:12]) for s in found(text)]
    assert said == [("Ahmad Fauzi", "Bupati Ahmad"), ("Ahmad Fauzi", '"Kami tidak '),
                    ("Ahmad Fauzi", '"Pekan depan')]


def test_ia_of_a_new_subject_is_theirs() -> None:
    """The subject rule still reads "ia/dia": the new person made the sentence's subject."""
    text = MAYOR_ID + 'Insinyur Siti Rahma menolak rencana itu. "Jembatan itu belum aman," kata dia.\n'
    assert [s.speaker.split()[-1] for s in found(text)] == ["Fauzi", "Rahma"]


def test_in_a_later_paragraph_the_latest_speaker_carries_again() -> None:
    """Across paragraphs news often returns to the latest speaker after a sentence about
    someone else ("… oleh Jenderal Gatot. / Masih menurut dia, …"): unchanged."""
    text = MAYOR_ID + ("Siti Rahma juga hadir di lokasi bersama para insinyur dari dinas.\n"
                       '"Jembatan itu belum aman," katanya.\n')
    assert [s.speaker for s in found(text)] == ["Ahmad Fauzi", "Ahmad Fauzi"]


def test_a_run_opened_by_a_verb_is_no_new_person() -> None:
    """"Mengutip Ace Showbiz, …": the source of a quote, not someone new."""
    text = MAYOR_ID + ('Mengutip Ace Showbiz, ia ditanya soal jadwal. "Jembatan itu belum aman," '
                       "katanya.\n")
    assert [s.speaker for s in found(text)] == ["Ahmad Fauzi", "Ahmad Fauzi"]
