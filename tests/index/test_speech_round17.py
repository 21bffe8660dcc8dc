"""Who said what, round seventeen (thirteenth session, from the misses of sets O and P): an
active verb after "ujar ROLE NAME" ends the speaker, when or how it was said is no part of a
role, experts ("spesialis", "ahli", "konsultan") head roles, a specialist's "SpA(K)" is a
title, and a quotation opening a sentence the splitter left glued starts the statement."""

from __future__ import annotations

import pytest

from tests.index.test_speech_attribution import found


@pytest.mark.parametrize("after", ["menyampaikan pujiannya.", "menambahkan.", "melalui pesan."])
def test_a_verb_after_role_and_name_ends_the_speaker(after: str) -> None:
    text = (f"Warga menyambut gembira.\n\"Sekarang kami tidak susah lagi mendapatkan BBM. "
            f"Hadirnya SPBU ini kami harap mendorong perekonomian,\" ujar Bupati Atbah Romin "
            f"Suhaili {after}\n")
    [statement] = found(text)
    assert (statement.speaker, statement.role, statement.speech) == (
        "Atbah Romin Suhaili", "Bupati", "direct")
    assert text[statement.start:].startswith("\"Sekarang")


def test_when_it_was_said_is_no_role_and_the_place_after_it_no_person() -> None:
    text = ("Solo (ANTARA News) - Menteri Dalam Negeri Tjahjo Kumolo mengapresiasi Polri.\n"
            "\"Jangan berhenti,\" kata Mendagri usai acara Pekan Kerja Nyata di Solo, Jateng, "
            "Jumat.\n")
    assert [(s.speaker, s.role) for s in found(text)] == [
        ("Tjahjo Kumolo", "Menteri Dalam Negeri")]


def test_an_occasion_after_the_name_is_cut_from_the_role() -> None:
    text = ("\"Iya besok Pak Ahok ulang tahun,\" kata Fifi Letty Indra, adik Ahok saat "
            "dikonfirmasi CNNIndonesia.com, Rabu.\n")
    [statement] = found(text)
    assert statement.speaker == "Fifi Letty Indra"
    assert statement.role is None or "saat" not in statement.role


@pytest.mark.parametrize(("role", "speaker"), [
    ("spesialis nutrisi dan penyakit metabolik dari RSCM", "Damayanti R Sjarif"),
    ("ahli gizi MRCCC Siloam Semanggi", "Ika Setyani"),
    ("konsultan politik pasangan calon", "Eep Saefullah Fatah"),
])
def test_experts_head_roles(role: str, speaker: str) -> None:
    text = f"\"Anak butuh zat besi,\" tutur {role}, {speaker}, di Jakarta, Senin.\n"
    [statement] = found(text)
    assert (statement.speaker, statement.role) == (speaker, role)


@pytest.mark.parametrize("title", ["SpA(K)", "Sp.OG(K)", "SpKK"])
def test_a_specialists_title_is_no_name(title: str) -> None:
    text = (f"\"Ini juga terkait kemampuan matematika,\" tutur spesialis nutrisi dari RSCM, "
            f"Dr dr Damayanti R Sjarif {title}, di Jakarta, Senin.\n")
    [statement] = found(text)
    assert statement.speaker == "Damayanti R Sjarif"


def test_a_consultant_mark_written_apart_is_no_speaker() -> None:
    text = ("Direktur Unpad Prof Dr Budi Setiabudiawan, dr., Sp. A(K), M.Kes., mengatakan, "
            "program itu dibuat oleh ketua program studi.\n")
    assert all(s.speaker != "A(K)" for s in found(text))


def test_a_quote_glued_to_the_sentence_before_starts_the_statement() -> None:
    text = ("Ketiga mahasiswa tersebut adalah Edho Okta H, Dwi Hartanti, dan Florida M. "
            "\"Selain kulit ceker ayam, pelembab ini juga kami tambahkan kulit apel,\" kata Ketua "
            "Tim penemu kolagen halal tersebut, Edho Okta di Malang.\n")
    [statement] = found(text)
    assert text[statement.start:].startswith("\"Selain")
    assert statement.speech == "direct"


def test_a_quote_inside_a_sentence_keeps_the_sentence() -> None:
    text = "Menurut Budi Santoso, Jokowi adalah \"orang baik\" dan jujur.\n"
    [statement] = found(text)
    assert statement.start == 0
