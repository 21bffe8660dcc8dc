"""Who said what, round eighteen (fourteenth session, from the misses of set S): a
co-founder heads a role however the hyphen is spaced, and two offices joined by "dan" before
one name are that person's ("Founder dan CEO Oy Jesayas Ferdinandus")."""

from __future__ import annotations

import pytest

from tests.index.test_speech_attribution import found


@pytest.mark.parametrize("role", ["Co - Founder", "Co-Founder", "Cofounder"])
def test_a_co_founder_heads_a_role(role: str) -> None:
    text = (f"\"Saat ini pengguna kami kurang lebih 2,5 juta pelajar,\" ujar {role} Ruangguru, "
            f"Belva Devara.\n")
    [statement] = found(text)
    assert (statement.speaker, statement.role) == ("Belva Devara", f"{role} Ruangguru")


@pytest.mark.parametrize("joined", ["Co - Founder & CEO", "Founder dan CEO", "Presiden dan CEO"])
def test_two_offices_before_one_name_are_that_persons(joined: str) -> None:
    text = (f"\"Kami siap meningkatkan penjualan,\" ujar {joined} Wavecell, Olivier Gerhardt, "
            f"di Jakarta.\n")
    [statement] = found(text)
    assert statement.speaker == "Olivier Gerhardt"
    assert statement.role is not None and statement.role.endswith("CEO Wavecell")


def test_two_people_joined_by_dan_are_still_two() -> None:
    text = "\"Kami sepakat,\" kata Presiden Jokowi dan Menteri Retno di Istana.\n"
    assert [s.speaker for s in found(text)] == ["Jokowi"]
